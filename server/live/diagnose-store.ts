/**
 * Why the graph cannot load a store, in words a maintainer can act on: each live record that points to a missing or
 * deleted entity, with its field, and the command that repairs it (server/cli/repair.ts). Used when start-up fails
 * and when a write's read model cannot be built; the store's write check keeps this from happening by the app's own
 * writes, so it finds what was changed by hand (or by a bug).
 */
import type { Db } from "../store/database";
import { ENTITY_KIND_NOUNS } from "../store/entity-kind";
import { findBrokenReferences } from "../store/reference-integrity";

export class ReadModelError extends Error {
  override name = "ReadModelError";
}

const EDITABLE = new Set(["project", "organisation"]);

/** The problems and their repairs, as lines after a first line break; "" when no reference is broken. */
export async function describeBrokenStore(db: Db, command = "npm run repair --"): Promise<string> {
  const broken = await findBrokenReferences(db);
  if (broken.length === 0) return "";
  const lines: string[] = [];
  for (const b of broken) {
    const { from, reference: r } = b;
    const target = `${ENTITY_KIND_NOUNS[r.toKind]} "${r.toId}"`;
    lines.push(
      `  ${ENTITY_KIND_NOUNS[from.kind]} "${from.id}", field "${r.path.join(".")}": ${target} ${b.target === "deleted" ? "is deleted" : "does not exist"}`,
    );
    const fixes: string[] = [];
    if (b.target === "deleted" && EDITABLE.has(r.toKind))
      fixes.push(`restore the ${ENTITY_KIND_NOUNS[r.toKind]}: ${command} --restore ${r.toKind}:${r.toId}`);
    if (EDITABLE.has(from.kind))
      fixes.push(
        `delete the ${ENTITY_KIND_NOUNS[from.kind]} (restorable later): ${command} --delete ${from.kind}:${from.id}`,
      );
    fixes.push(
      `or correct the ${ENTITY_KIND_NOUNS[from.kind]}'s record in the database so that it no longer names ${target}`,
    );
    lines.push(`    repair: ${fixes.join("; ")}`);
  }
  return `\nRecords that point to something missing or deleted:\n${lines.join("\n")}`;
}
