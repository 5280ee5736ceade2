/**
 * `npm run sync:civictech -- PATH [--dry-run] [--commit SHA]`: reads a checkout of the civictech.se repository (its
 * `_events/`, `_posts/` and `_groups/`), and brings DATABASE_PATH up to date with it through the validated import
 * path, in one transaction: events, projects, local groups and their partners' ties, every source pinned to the
 * checkout's commit. Prints what would be created or changed, field by field, and what stays untouched; the names it
 * could not link to an organisation; the pages it could not read. No person is ever read (see README, "Sync").
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readEnv } from "../env";
import { openStore } from "../http/server";
import { ImportError } from "../import/records";
import { readCheckout, SiteError } from "../sync/civictech/read-checkout";
import { MissingCommitError, type SyncOutcome, syncSite } from "../sync/civictech/run-sync";

export const USAGE = "Usage: npm run sync:civictech -- PATH_TO_CHECKOUT [--dry-run] [--commit SHA]";

export class UsageError extends Error {
  override name = "UsageError";
}

export interface SyncArgs {
  path: string;
  dryRun: boolean;
  commit?: string;
}

export function parseSyncArgs(argv: readonly string[]): SyncArgs {
  let parsed: { values: { "dry-run"?: boolean; commit?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { "dry-run": { type: "boolean" }, commit: { type: "string" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const [path, ...rest] = parsed.positionals;
  if (!path) throw new UsageError(`no checkout given\n${USAGE}`);
  if (rest.length > 0) throw new UsageError(`one checkout at a time (also given: ${rest.join(" ")})\n${USAGE}`);
  const commit = parsed.values.commit;
  if (commit !== undefined && !/^[0-9a-f]{40}$/.test(commit))
    throw new UsageError(`--commit: "${commit}" is not a commit (40 hex digits)\n${USAGE}`);
  return { path, dryRun: parsed.values["dry-run"] === true, ...(commit ? { commit } : {}) };
}

const short = (value: unknown): string => {
  const text = value === undefined ? "(none)" : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
};

/** One field's change: for a list, what it gains and loses (order aside); otherwise before → after. */
export function describeField(field: string, before: unknown, after: unknown): string {
  if (Array.isArray(after) && (before === undefined || Array.isArray(before))) {
    const had = new Set((before ?? []).map((x: unknown) => JSON.stringify(x)));
    const has = new Set(after.map((x) => JSON.stringify(x)));
    const gained = [...has].filter((x) => !had.has(x));
    const lost = [...had].filter((x) => !has.has(x));
    const parts = [...gained.map((x) => `+ ${short(JSON.parse(x))}`), ...lost.map((x) => `- ${short(JSON.parse(x))}`)];
    return `${field}: ${parts.length > 0 ? parts.join("  ") : "same items, new order"}`;
  }
  return `${field}: ${short(before)} → ${short(after)}`;
}

/** The preview's change lines, each changed field with its value before and after. */
export function describeFields(
  outcome: SyncOutcome,
  before: (kind: string, id: string) => string | undefined,
): string[] {
  const lines: string[] = [];
  for (const change of outcome.plan.changes) {
    if (change.action !== "change") continue;
    const old = JSON.parse(before(change.write.kind, change.write.record.id) ?? "{}") as Record<string, unknown>;
    const now = change.write.record as unknown as Record<string, unknown>;
    lines.push(`${change.write.kind} "${change.write.record.id}":`);
    for (const field of change.fields) lines.push(`    ${describeField(field, old[field], now[field])}`);
  }
  return lines;
}

export async function runSyncCommand(args: SyncArgs, log: (line: string) => void = console.log): Promise<SyncOutcome> {
  const site = readCheckout(args.path);
  const env = readEnv();
  const { store } = await openStore(env);
  try {
    const snapshot = new Map<string, string>();
    for (const row of await store.db.all<{ kind: string; id: string; data: string }>(
      "SELECT kind, id, data FROM entity",
    ))
      snapshot.set(`${row.kind}:${row.id}`, row.data);
    const outcome = await syncSite(store.db, site, {
      dryRun: args.dryRun,
      ...(args.commit ? { commit: args.commit } : {}),
    });
    log(
      `${args.dryRun ? "Dry run: would sync" : "Sync"} civictech.se at ${outcome.commit} into ${env.DATABASE_PATH} ` +
        `(data version ${outcome.plan.dataVersion}; ${site.pages.length} pages read):`,
    );
    for (const line of outcome.preview.slice(0, 1)) log(`  ${line}`);
    for (const line of outcome.preview.slice(1).filter((l) => l.trimStart().startsWith("create"))) log(`  ${line}`);
    for (const line of describeFields(outcome, (kind, id) => snapshot.get(`${kind}:${id}`))) log(`  ${line}`);
    if (outcome.unlinked.length > 0) {
      log(`  Not linked (no organisation with this name or website; register it, then sync again):`);
      for (const u of outcome.unlinked) log(`    ${u.role} "${u.name}" (${u.file})`);
    }
    for (const p of outcome.problems) log(`  Skipped: ${p.message}`);
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
    await runSyncCommand(parseSyncArgs(process.argv.slice(2)));
  } catch (error) {
    const known = error instanceof UsageError || error instanceof SiteError || error instanceof MissingCommitError;
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(error instanceof ImportError ? 1 : known ? 2 : 1);
  }
}
