/**
 * An import from start to end: read and decode each file, turn it into records, validate them all against the
 * database, plan, and (unless a dry run) write everything in one transaction. Any error anywhere means nothing is
 * written, and the error names file, line and column.
 */
import { extname } from "node:path";
import type { Db } from "../store/database";
import { entityReader, readDataVersion, readEntityIds, writeImportedEntities } from "../store/import-entities";
import { readCsvRecords } from "./csv-records";
import { readJsonRecords } from "./json-records";
import { describePlan, type ImportPlan, planImport } from "./plan";
import { type ImportIssue, type ImportRecord, issueAt, MAX_FILE_BYTES } from "./records";
import { BadEncodingError, decodeUtf8 } from "./text-position";
import { validateImport } from "./validate";

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

export function runImport(
  db: Db,
  files: readonly ImportFile[],
  options: { dryRun?: boolean; actor?: number | null } = {},
): ImportOutcome {
  const records: ImportRecord[] = [];
  const issues: ImportIssue[] = [];
  for (const file of files) {
    const result = readImportFile(file);
    records.push(...result.records);
    issues.push(...result.issues);
  }
  const dataVersion = readDataVersion(db);
  const valid = validateImport(records, readEntityIds(db), issues);
  const storedCount = (
    db.prepare("SELECT count(*) AS n FROM entity WHERE kind IN ('organisation', 'funding-call', 'project')").get() as {
      n: number;
    }
  ).n;
  const plan = planImport(valid, entityReader(db), storedCount, dataVersion);
  const preview = describePlan(plan);
  const writes = plan.changes.filter((c) => c.action !== "unchanged").map((c) => c.write);
  if (options.dryRun || writes.length === 0) return { plan, dataVersion, written: false, preview };
  const after = writeImportedEntities(db, writes, dataVersion, options.actor ?? null);
  return { plan, dataVersion: after, written: true, preview };
}
