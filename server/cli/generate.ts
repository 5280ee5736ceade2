/** `npm run generate -- --projects N --organisations M --seed S --out FILE`: a synthetic data set in a new SQLite file. */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DATASET_FILES, type Dataset } from "../../shared/schema/dataset";
import { countEdges, countNodes } from "../generate/count-edges";
import { generateDataset } from "../generate/generate-dataset";
import { MAX_SEED } from "../generate/random";
import type { Taxonomy } from "../generate/world";
import { assertConsistent, checkDataset, DataFileError, parseDataFile } from "../store/load-data-dir";
import { Store } from "../store/store";

export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE =
  "Usage: npm run generate -- --projects N --organisations M --seed S --out FILE [--data-dir DIR] [--force]";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The real database: never a target, whatever --force says. */
const REAL_DATABASE = join(ROOT, "data", "partnerkartan.db");
/** Generous upper bounds: far beyond what the server is meant to hold, low enough to catch typos. */
const MAX_COUNT = 5_000_000;

const required = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? "is required" : `must be ${what}`) });
const wholeNumber = (max: number) =>
  required("a whole number")
    .trim()
    .regex(/^\d+$/, "must be a whole number (digits only)")
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max}`));

const ArgsSchema = z
  .object({
    projects: wholeNumber(MAX_COUNT),
    organisations: wholeNumber(MAX_COUNT),
    seed: wholeNumber(MAX_SEED),
    out: required("a file path").trim().min(1, "must not be empty"),
    "data-dir": z.string().trim().min(1, "must not be empty").default("data"),
    force: z.boolean().default(false),
  })
  .refine((a) => a.projects === 0 || a.organisations > 0, {
    message: "must be at least 1 when there are projects (every project needs a lead)",
    path: ["organisations"],
  });

export interface GenerateArgs {
  projects: number;
  organisations: number;
  seed: number;
  /** Absolute path of the database to write. */
  out: string;
  /** Absolute path of the folder whose län, topics and skills are used. */
  dataDir: string;
  force: boolean;
}

/** Parses and validates the command line; throws a UsageError naming the bad flag. */
export function parseGenerateArgs(argv: readonly string[], cwd = process.cwd()): GenerateArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        projects: { type: "string" },
        organisations: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        "data-dir": { type: "string" },
        force: { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const result = ArgsSchema.safeParse(values);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const flag = String(i.path[0] ?? "");
      return `--${flag}: ${i.message}${values[flag] === undefined ? "" : ` (got ${JSON.stringify(values[flag])})`}`;
    });
    throw new UsageError(`${lines.join("\n")}\n${USAGE}`);
  }
  const a = result.data;
  const out = resolve(cwd, a.out);
  if (out === REAL_DATABASE || out === resolve(cwd, "data", "partnerkartan.db")) {
    throw new UsageError(`--out: refusing to write to the real database ${out}; choose another file`);
  }
  return {
    projects: a.projects,
    organisations: a.organisations,
    seed: a.seed,
    out,
    dataDir: resolve(cwd, a["data-dir"]),
    force: a.force,
  };
}

const sidecars = (path: string) => [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];

/** Refuses an existing file unless --force; with --force removes it and its WAL files so the database starts new. */
export function prepareOutFile(out: string, force: boolean): void {
  if (existsSync(out) && !force) throw new UsageError(`--out: ${out} already exists (add --force to replace it)`);
  for (const file of sidecars(out)) rmSync(file, { force: true });
}

/**
 * Reads the län, topics and skills of a data folder with the seed loader's own parser and reference check. Only those
 * three files: the generator needs nothing else, so it works while the real organisations and projects are edited.
 */
export function readTaxonomy(dir: string): Taxonomy {
  const read = <P extends "regions" | "topics" | "skills">(part: P): Dataset[P] => {
    const file = join(dir, DATASET_FILES[part]);
    if (!existsSync(file)) throw new DataFileError(`${file}: missing (the generator needs the real ${part})`);
    return parseDataFile(part, file, readFileSync(file, "utf8")) as Dataset[P];
  };
  const taxonomy = { regions: read("regions"), topics: read("topics"), skills: read("skills") };
  assertConsistent({ ...taxonomy, organisations: [], fundingCalls: [], projects: [], events: [] }, dir);
  return taxonomy;
}

export interface GenerateReport {
  nodes: number;
  edges: number;
  /** Milliseconds per phase. */
  phases: Record<"read" | "generate" | "validate" | "write", number>;
  peakRssMb: number;
}

/** Reads the taxonomy, generates, validates like the seed files, writes a new database. */
export async function runGenerate(
  args: GenerateArgs,
  log: (line: string) => void = console.log,
): Promise<GenerateReport> {
  const phases = { read: 0, generate: 0, validate: 0, write: 0 };
  const timed = <T>(phase: keyof typeof phases, work: () => T): T => {
    const start = performance.now();
    const value = work();
    phases[phase] = performance.now() - start;
    return value;
  };
  if (existsSync(args.out) && !args.force) prepareOutFile(args.out, false); // fail before the slow work
  const taxonomy = timed("read", () => readTaxonomy(args.dataDir));
  const generated = timed("generate", () => generateDataset(args, taxonomy));
  const data = timed("validate", () => checkDataset(generated, "generator"));
  const writeStart = performance.now();
  prepareOutFile(args.out, args.force);
  const store = new Store(args.out);
  try {
    await store.importDataset(data, "synthetic");
    await store.close();
  } catch (error) {
    await store.close();
    for (const file of sidecars(args.out)) rmSync(file, { force: true });
    throw error;
  }
  phases.write = performance.now() - writeStart;
  const report: GenerateReport = {
    nodes: countNodes(data),
    edges: countEdges(data),
    phases,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const total = Object.values(phases).reduce((a, b) => a + b, 0);
  const n = (x: number) => x.toLocaleString("en-US");
  log(`Synthetic data set (seed ${args.seed}) written to ${args.out}`);
  log(
    `  nodes ${n(report.nodes)}: ${data.regions.length} län, ${data.topics.length} topics, ${data.skills.length} skills, ` +
      `${n(data.organisations.length)} organisations, ${n(data.projects.length)} projects (+ ${data.fundingCalls.length} funding calls)`,
  );
  log(`  edges ${n(report.edges)}`);
  log(
    `  read ${s(phases.read)}, generate ${s(phases.generate)}, validate ${s(phases.validate)}, write ${s(phases.write)}; total ${s(total)}`,
  );
  log(`  peak RSS ${n(report.peakRssMb)} MB`);
  log(`Start the server on it: DATABASE_PATH=${args.out} npm start`);
  return report;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    await runGenerate(parseGenerateArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  }
}
