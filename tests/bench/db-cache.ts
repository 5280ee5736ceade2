/**
 * Synthetic databases shared by the benchmarks of one machine: the generate benchmark leaves its 100k file here and
 * the start-up benchmark opens it instead of writing the same million rows again. Files are keyed by size, seed and a
 * hash of the generator's code and taxonomy, so a changed generator never serves an old file.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

function generatorHash(): string {
  const hash = createHash("sha256");
  const generator = join(root, "server", "generate");
  for (const file of readdirSync(generator).sort()) hash.update(readFileSync(join(generator, file)));
  for (const file of ["regions.json", "topics.json", "skills.json"])
    hash.update(readFileSync(join(root, "data", file)));
  return hash.digest("hex").slice(0, 12);
}

export function cachedDatabasePath(projects: number, organisations: number, seed: number): string {
  const dir = join(tmpdir(), "partnerkartan-bench-cache");
  mkdirSync(dir, { recursive: true });
  return join(dir, `synthetic-${projects}p-${organisations}o-seed${seed}-${generatorHash()}.db`);
}
