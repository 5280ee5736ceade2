/**
 * `npm run restore -- FILE`: replaces DATABASE_PATH with a backup once it passes the checks (SQLite integrity, a
 * schema no newer than this program's, a data set the graph loads), keeping the replaced store beside it. Refused
 * while a server holds the store. See backup/restore-store.ts.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { InvalidBackupError } from "../backup/check-backup";
import { restoreStore } from "../backup/restore-store";
import { StoreLockedError } from "../backup/store-lock";
import { readEnv } from "../env";

export const USAGE = "Usage: npm run restore -- FILE";

export class UsageError extends Error {
  override name = "UsageError";
}

export function parseRestoreArgs(argv: readonly string[]): { file: string } {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: [...argv], options: {}, allowPositionals: true, strict: true }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (positionals.length !== 1) throw new UsageError(`Name exactly one backup file.\n${USAGE}`);
  return { file: resolve(positionals[0] as string) };
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const { file } = parseRestoreArgs(process.argv.slice(2));
    const env = readEnv();
    // A PostgreSQL database has its own tools, which copy a live database consistently (docs/production.md).
    if (env.DATABASE_URL)
      throw new UsageError(
        "DATABASE_URL is set: back up and restore PostgreSQL with pg_dump --format=custom and pg_restore (docs/production.md).",
      );
    const target = env.DATABASE_PATH;
    const result = await restoreStore(file, target);
    console.log(
      `Restored ${target} from ${file}: data version ${result.dataVersion}, schema version ${result.schemaVersion}, ` +
        `${result.nodes} nodes and ${result.edges} edges.` +
        (result.previous ? `\nThe store it replaced is kept as ${result.previous}.` : ""),
    );
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    // A refusal (bad file, server running) is expected; anything else is a bug worth its stack.
    const refused = error instanceof InvalidBackupError || error instanceof StoreLockedError;
    if (!refused && !(error instanceof UsageError) && error instanceof Error) console.error(error.stack);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
