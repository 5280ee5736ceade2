/**
 * `npm run repair -- [--restore KIND:ID]… [--delete KIND:ID]…`: repairs a store the graph cannot load (a record
 * pointing to a missing or deleted entity, left by a change made by hand), for when the server will not start and the
 * app cannot be used. Without options it only lists what is broken (exit 1 if anything). --restore brings a deleted
 * project or organisation back as it was when deleted; --delete soft-deletes a project or organisation (restorable in
 * the app). Both are logged as changes by the system and pass the store's reference check, like any other write.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EDITABLE_KINDS, type EntityRef } from "../../shared/schema/editable";
import { readEnv } from "../env";
import { describeBrokenStore } from "../live/diagnose-store";
import { validateEditable } from "../live/validate-editable";
import { Store } from "../store/store";

export const USAGE =
  "Usage: npm run repair -- [--restore KIND:ID]… [--delete KIND:ID]…   (KIND: project or organisation)";

export class UsageError extends Error {
  override name = "UsageError";
}

export interface RepairArgs {
  restore: EntityRef[];
  delete: EntityRef[];
}

function entityRef(text: string): EntityRef {
  const [kind, id] = text.split(/:(.*)/s) as [string, string | undefined];
  if (!(EDITABLE_KINDS as readonly string[]).includes(kind) || !id)
    throw new UsageError(`"${text}": expected project:ID or organisation:ID\n${USAGE}`);
  return { kind: kind as EntityRef["kind"], id };
}

export function parseRepairArgs(argv: readonly string[]): RepairArgs {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { restore: { type: "string", multiple: true }, delete: { type: "string", multiple: true } },
      strict: true,
    });
    return { restore: (values.restore ?? []).map(entityRef), delete: (values.delete ?? []).map(entityRef) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
}

/** Applies the repairs in order (restores first); returns whether the store is loadable afterwards. */
export async function runRepair(
  path: string,
  args: RepairArgs,
  log: (line: string) => void = console.log,
): Promise<boolean> {
  const store = await Store.open(path);
  try {
    for (const ref of args.restore) {
      await store.entities.undelete(ref, null, validateEditable, "restored by npm run repair");
      log(`Restored ${ref.kind} "${ref.id}".`);
    }
    for (const ref of args.delete) {
      await store.entities.delete(ref, null, "repair: it pointed to a missing or deleted entity");
      log(`Deleted ${ref.kind} "${ref.id}" (a coordinator can restore it in the app).`);
    }
    const left = await describeBrokenStore(store.db);
    log(left ? left.trimStart() : `Every record in ${store.path} points only to live entities.`);
    return left === "";
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const ok = await runRepair(readEnv().STORE_LOCATION, parseRepairArgs(process.argv.slice(2)));
    process.exit(ok ? 0 : 1);
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
