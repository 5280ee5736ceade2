/**
 * What an import file turns into before validation: one record per organisation, project or funding call, with its
 * file and a way to say where any of its fields is. Also the limits that keep a hostile file from costing much.
 */
import { LONGEST_FIELD_CHARS } from "../../shared/schema/limits";
import type { Position } from "./text-position";

export const IMPORTABLE_PARTS = ["organisations", "fundingCalls", "projects", "events"] as const;
export type ImportPart = (typeof IMPORTABLE_PARTS)[number];

/** The singular, for messages. */
export const PART_NOUN: Record<ImportPart, string> = {
  organisations: "organisation",
  fundingCalls: "funding call",
  projects: "project",
  events: "event",
};

/** Largest file read (bytes). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/**
 * Longest single field or string value (characters): the longest any schema field accepts (shared/schema/limits.ts),
 * so a longer one is refused while reading, before it costs validation; each field's own limit is the schema's.
 */
export const MAX_FIELD_CHARS = LONGEST_FIELD_CHARS;
/** Errors listed before the rest are summarised. */
export const MAX_LISTED_ISSUES = 50;

export interface Location {
  position: Position;
  /** How the file names the field: `website`, or for CSV `column 6 (website)`. */
  field: string;
}

export interface ImportRecord {
  part: ImportPart;
  /** The record as read, before schema validation. */
  raw: Record<string, unknown>;
  file: string;
  /** Where the record starts (its CSV row, or its JSON object). */
  position: Position;
  /** Where the field at a schema path (["summary", "sv"], ["partners", 1]) is in the file. */
  locate(path: readonly PropertyKey[]): Location;
  /** Fields already reported as unreadable (a CSV cell that is not a number, say): validation does not repeat them. */
  unreadable?: ReadonlySet<string>;
}

export interface ImportIssue {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatIssue(issue: ImportIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message}`;
}

/** An import that cannot go ahead; every issue names the file, line and column. Nothing has been written. */
export class ImportError extends Error {
  override name = "ImportError";
  constructor(readonly issues: ImportIssue[]) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES).map(formatIssue);
    const more = issues.length > MAX_LISTED_ISSUES ? [`… and ${issues.length - MAX_LISTED_ISSUES} more`] : [];
    super(
      `Import refused (${issues.length} ${issues.length === 1 ? "error" : "errors"}; nothing was written):\n  ${[...listed, ...more].join("\n  ")}`,
    );
  }
}

export const issueAt = (file: string, position: Position, message: string): ImportIssue => ({
  file,
  line: position.line,
  column: position.column,
  message,
});
