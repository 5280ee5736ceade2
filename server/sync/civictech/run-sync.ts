/**
 * `npm run sync:civictech` and the admin upload, from site pages to the store: plan the records (site-plan.ts) and
 * send them through the same validated import path as every import, in one transaction, previewed first.
 */

import type { ImportPart, ImportRecord } from "../../import/records";
import { type ImportOutcome, importRecords } from "../../import/run-import";
import type { Db } from "../../store/database";
import { readLiveRecords } from "../../store/import-entities";
import { pairPages } from "./pair-pages";
import type { SiteProblem } from "./read-checkout";
import type { SitePage } from "./site-pages";
import {
  type Known,
  planSite,
  type SyncEvent,
  type SyncOrganisation,
  type SyncProject,
  type Unlinked,
} from "./site-plan";

export interface SyncOutcome extends ImportOutcome {
  commit: string;
  unlinked: Unlinked[];
  problems: SiteProblem[];
}

export class MissingCommitError extends Error {
  override name = "MissingCommitError";
  constructor() {
    super("the checkout's commit is unknown: sources must be pinned to one; give it with --commit SHA (40 hex digits)");
  }
}

const START = { line: 1, column: 1 };

function recordOf(part: ImportPart, raw: { id: string; sources: string[] }, file: string): ImportRecord {
  return {
    part,
    raw: raw as Record<string, unknown>,
    file,
    position: START,
    locate: (path) => ({ position: START, field: path.map(String).join(".") || "record" }),
  };
}

const fileOf = (sources: readonly string[]) =>
  sources.map((s) => /\/(_(?:events|posts|groups)\/.+)$/.exec(s)?.[1]).find(Boolean) ?? "civictech.se";

export async function syncSite(
  db: Db,
  site: { pages: readonly SitePage[]; problems: readonly SiteProblem[]; commit?: string },
  options: { dryRun?: boolean; actor?: number | null; commit?: string } = {},
): Promise<SyncOutcome> {
  const commit = options.commit ?? site.commit;
  if (!commit || !/^[0-9a-f]{40}$/.test(commit)) throw new MissingCommitError();
  const known: Known = {
    organisations: await readLiveRecords<SyncOrganisation>(db, "organisation"),
    projects: await readLiveRecords<SyncProject>(db, "project"),
    events: await readLiveRecords<SyncEvent>(db, "event"),
    topics: await readLiveRecords<{ id: string; label: { sv: string; en: string } }>(db, "topic"),
  };
  const plan = planSite(pairPages(site.pages), known, commit);
  const records = [
    ...plan.organisations.map((o) => recordOf("organisations", o, fileOf(o.sources))),
    ...plan.projects.map((p) => recordOf("projects", p, fileOf(p.sources))),
    ...plan.events.map((e) => recordOf("events", e, fileOf(e.sources))),
  ];
  const outcome = await importRecords(db, records, [], options);
  return { ...outcome, commit, unlinked: plan.unlinked, problems: [...site.problems] };
}
