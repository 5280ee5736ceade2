/**
 * An import from start to end: read and decode each file, turn it into records, validate them all against the
 * database, plan, and (unless a dry run) write everything in one transaction. Any error anywhere means nothing is
 * written, and the error names file, line and column.
 */
import { extname } from "node:path";
import type { Db } from "../store/database";
import {
  DeletedEntityError,
  entityReader,
  readDataVersion,
  readEntityIds,
  writeImportedEntities,
} from "../store/import-entities";
import { BrokenReferenceError, describeTarget, StillReferencedError } from "../store/reference-integrity";
import { readCsvRecords } from "./csv-records";
import { readJsonRecords } from "./json-records";
import { describePlan, type ImportPlan, planImport } from "./plan";
import { ImportError, type ImportIssue, type ImportRecord, issueAt, MAX_FILE_BYTES } from "./records";
import { BadEncodingError, decodeUtf8 } from "./text-position";
import { KIND_OF, type ValidEntity, validateImport } from "./validate";

export interface ImportFile {
  /** As the user named it; every message uses this name. */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOutcome {
  plan: ImportPlan;
  /** The data version after the import (unchanged after a dry run or when nothing changed). */
  dataVersion: number;
  written: boolean;
  preview: string[];
}

/** Records from one file, or the issues that stop it. */
export function readImportFile(file: ImportFile): { records: ImportRecord[]; issues: ImportIssue[] } {
  const start = { line: 1, column: 1 };
  if (file.bytes.length > MAX_FILE_BYTES) {
    return {
      records: [],
      issues: [issueAt(file.name, start, `${file.bytes.length} bytes, more than the limit of ${MAX_FILE_BYTES}`)],
    };
  }
  let text: string;
  try {
    text = decodeUtf8(file.bytes);
  } catch (error) {
    if (error instanceof BadEncodingError)
      return { records: [], issues: [issueAt(file.name, error.position, error.message)] };
    throw error;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const ext = extname(file.name).toLowerCase();
  if (ext === ".csv") return readCsvRecords(file.name, text);
  if (ext === ".json") return readJsonRecords(file.name, text);
  return { records: [], issues: [issueAt(file.name, start, `unknown file type "${ext}": use .csv or .json`)] };
}

export async function runImport(
  db: Db,
  files: readonly ImportFile[],
  options: { dryRun?: boolean; actor?: number | null } = {},
): Promise<ImportOutcome> {
  const records: ImportRecord[] = [];
  const issues: ImportIssue[] = [];
  for (const file of files) {
    const result = readImportFile(file);
    records.push(...result.records);
    issues.push(...result.issues);
  }
  return importRecords(db, records, issues, options);
}

/**
 * Records from any reader (files, the civictech.se sync) through the one validated path: validate against the
 * database, plan, and unless a dry run write the changes in one transaction. `earlier` are the readers' problems.
 */
export async function importRecords(
  db: Db,
  records: readonly ImportRecord[],
  earlier: readonly ImportIssue[],
  options: { dryRun?: boolean; actor?: number | null } = {},
): Promise<ImportOutcome> {
  const issues = earlier;
  const dataVersion = await readDataVersion(db);
  const valid = validateImport(records, await readEntityIds(db), issues);
  const counted = await db.get<{ n: number }>(
    "SELECT count(*) AS n FROM entity WHERE kind IN ('organisation', 'funding-call', 'project', 'event')",
  );
  const storedCount = Number(counted?.n ?? 0);
  // The stored records the plan compares with, read first: planning itself stays synchronous.
  const read = entityReader(db);
  const stored = new Map<string, string | undefined>();
  for (const v of valid) {
    const kind = KIND_OF[v.entity.part];
    stored.set(`${kind}:${v.entity.record.id}`, await read(kind, v.entity.record.id));
  }
  const plan = planImport(valid, (kind, id) => stored.get(`${kind}:${id}`), storedCount, dataVersion);
  const preview = describePlan(plan);
  const writes = plan.changes.filter((c) => c.action !== "unchanged").map((c) => c.write);
  if (options.dryRun || writes.length === 0) return { plan, dataVersion, written: false, preview };
  let after: number;
  try {
    after = await writeImportedEntities(db, writes, dataVersion, options.actor ?? null);
  } catch (error) {
    throw placedInFiles(error, valid);
  }
  return { plan, dataVersion: after, written: true, preview };
}

/**
 * The store's own check, inside the write transaction, refused what validation let through (it should not: it is the
 * last line, not the first): the same refusal as an ImportError, each problem placed at its record's field.
 */
function placedInFiles(error: unknown, valid: readonly ValidEntity[]): unknown {
  const sourceOf = (kind: string, id: string) =>
    valid.find((v) => KIND_OF[v.entity.part] === kind && v.entity.record.id === id)?.source;
  const issue = (kind: string, id: string, path: (string | number)[], message: string): ImportIssue => {
    const source = sourceOf(kind, id);
    if (!source) return { file: "(import)", line: 1, column: 1, message };
    const { position, field } = source.locate(path);
    return issueAt(
      source.file,
      position,
      `${kind === "funding-call" ? "funding call" : kind} "${id}", ${field}: ${message}`,
    );
  };
  if (error instanceof DeletedEntityError)
    return new ImportError([issue(error.entity.kind, error.entity.id, ["id"], error.message)]);
  if (error instanceof BrokenReferenceError || error instanceof StillReferencedError)
    return new ImportError(error.broken.map((b) => issue(b.from.kind, b.from.id, b.reference.path, describeTarget(b))));
  return error;
}
