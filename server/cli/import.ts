/**
 * `npm run import -- FILE… [--dry-run]`: imports organisations, funding calls and projects from CSV or JSON files into
 * the database the server uses (DATABASE_PATH). Prints what would be created, changed and left alone; writes it all
 * in one transaction unless --dry-run. Any error (bad UTF-8, wrong columns, unknown references, duplicate ids, huge
 * fields) is reported with file, line and column, and nothing is written. Restart the server to serve the new data.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readEnv } from "../env";
import { openStore } from "../http/server";
import { type ImportFile, type ImportOutcome, runImport } from "../import/run-import";

export const USAGE = 'Usage: npm run import -- FILE… [--dry-run]   (FILE: .csv or .json; see README, "Import")';

export class UsageError extends Error {
  override name = "UsageError";
}

export interface ImportArgs {
  files: string[];
  dryRun: boolean;
}

export function parseImportArgs(argv: readonly string[]): ImportArgs {
  let parsed: { values: { "dry-run"?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { "dry-run": { type: "boolean" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.positionals.length === 0) throw new UsageError(`no file given\n${USAGE}`);
  return { files: parsed.positionals, dryRun: parsed.values["dry-run"] === true };
}

/** Reads the files (a missing one is an error before anything else) and imports them into the configured database. */
export async function runImportCommand(
  args: ImportArgs,
  log: (line: string) => void = console.log,
): Promise<ImportOutcome> {
  const files: ImportFile[] = args.files.map((name) => {
    try {
      return { name, bytes: readFileSync(name) };
    } catch (error) {
      throw new UsageError(
        `${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
  });
  const env = readEnv();
  const { store } = await openStore(env);
  try {
    const outcome = await runImport(store.db, files, { dryRun: args.dryRun });
    log(
      `${args.dryRun ? "Dry run: would import" : "Import"} into ${env.DATABASE_PATH} (data version ${outcome.plan.dataVersion}):`,
    );
    for (const line of outcome.preview) log(`  ${line}`);
    if (outcome.written)
      log(
        `Written: data version ${outcome.plan.dataVersion} → ${outcome.dataVersion}. Restart the server to serve it.`,
      );
    else if (!args.dryRun) log("Nothing to write: the database already holds exactly this.");
    return outcome;
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    await runImportCommand(parseImportArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}
