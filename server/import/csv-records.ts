/**
 * Reads an import CSV (UTF-8, comma-separated, header row; lists "|"-separated) into records. What it holds is told
 * by its columns: an organisations file has `kind`, a projects file `status`, a funding-calls file `funder`. Errors
 * name the line and the column (number and name); a row's line is where the row starts, even after quoted line breaks.
 * A cell the app's own CSV export neutralised for spreadsheets ('=…, '+…, '-…, '@…) reads back as it was written.
 */
import Papa from "papaparse";
import { restoreFormula } from "../../shared/csv";
import {
  type ImportIssue,
  type ImportPart,
  type ImportRecord,
  issueAt,
  type Location,
  MAX_FIELD_CHARS,
} from "./records";
import { LineIndex, type Position } from "./text-position";

type CellType = "string" | "list" | "boolean" | "integer";

interface CsvColumn {
  name: string;
  /** The record field it fills: "website", or "summary.sv". */
  field: string;
  type: CellType;
  /** May the header leave it out? (Optional fields; an empty cell always means "none".) */
  optional?: true;
}

const c = (name: string, field: string, type: CellType = "string", optional?: true): CsvColumn =>
  optional ? { name, field, type, optional } : { name, field, type };

export const CSV_COLUMNS: Record<ImportPart, readonly CsvColumn[]> = {
  organisations: [
    c("id", "id"),
    c("name", "name"),
    c("kind", "kind"),
    c("summary_sv", "summary.sv"),
    c("summary_en", "summary.en"),
    c("website", "website", "string", true),
    c("regions", "regions", "list"),
    c("national", "national", "boolean"),
    c("topics", "topics", "list"),
    c("skills", "skills", "list"),
    c("sources", "sources", "list"),
  ],
  fundingCalls: [
    c("id", "id"),
    c("name_sv", "name.sv"),
    c("name_en", "name.en"),
    c("funder", "funder"),
    c("reference", "reference", "string", true),
    c("year", "year", "integer", true),
    c("website", "website", "string", true),
    c("sources", "sources", "list"),
  ],
  projects: [
    c("id", "id"),
    c("name", "name"),
    c("summary_sv", "summary.sv"),
    c("summary_en", "summary.en"),
    c("status", "status"),
    c("start_year", "startYear", "integer", true),
    c("end_year", "endYear", "integer", true),
    c("lead", "lead", "string", true),
    c("partners", "partners", "list"),
    c("topics", "topics", "list"),
    c("skills_needed", "skillsNeeded", "list"),
    c("regions", "regions", "list"),
    c("national", "national", "boolean"),
    c("funding_call", "fundingCall", "string", true),
    c("website", "website", "string", true),
    c("sources", "sources", "list"),
  ],
  events: [
    c("id", "id"),
    c("name_sv", "name.sv"),
    c("name_en", "name.en"),
    c("kind", "kind"),
    c("summary_sv", "summary.sv", "string", true),
    c("summary_en", "summary.en", "string", true),
    c("start_date", "startDate"),
    c("end_date", "endDate", "string", true),
    c("online", "online", "boolean"),
    c("venue", "venue", "string", true),
    c("city", "city", "string", true),
    c("region", "region", "string", true),
    c("organisers", "organisers", "list"),
    c("partners", "partners", "list"),
    c("topics", "topics", "list"),
    c("website", "website", "string", true),
    c("sources", "sources", "list"),
  ],
};

const SIGNATURE: [string, ImportPart][] = [
  ["start_date", "events"],
  ["status", "projects"],
  ["funder", "fundingCalls"],
  ["kind", "organisations"],
];

function setField(target: Record<string, unknown>, field: string, value: unknown): void {
  const [head, tail] = field.split(".") as [string, string | undefined];
  if (tail === undefined) target[head] = value;
  else target[head] = { ...(target[head] as object | undefined), [tail]: value };
}

function convert(type: CellType, cell: string): { value?: unknown; error?: string } {
  // Before trimming, as the export prefixed it: "'\tx" was "\tx", which imports as "x".
  const text = restoreFormula(cell).trim();
  if (type === "list")
    return {
      value: text
        .split("|")
        .map((v) => v.trim())
        .filter((v) => v !== ""),
    };
  if (text === "") return {};
  if (type === "boolean") {
    if (/^(true|1)$/i.test(text)) return { value: true };
    if (/^(false|0)$/i.test(text)) return { value: false };
    return { error: `must be true or false (got ${JSON.stringify(text)})` };
  }
  if (type === "integer") {
    return /^-?\d+$/.test(text)
      ? { value: Number(text) }
      : { error: `must be a whole number (got ${JSON.stringify(text)})` };
  }
  return { value: text };
}

export interface CsvResult {
  records: ImportRecord[];
  issues: ImportIssue[];
}

/** Parses a decoded CSV text. Structural problems (header, quoting, cell counts, sizes) come back as issues. */
export function readCsvRecords(file: string, text: string): CsvResult {
  const lines = new LineIndex(text);
  const issues: ImportIssue[] = [];
  const rows: { cells: string[]; start: number }[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    header: false,
    skipEmptyLines: false,
    step(result) {
      for (const e of result.errors) {
        issues.push(issueAt(file, lines.at(e.index ?? start), `CSV: ${e.message.toLowerCase()}`));
      }
      const cells = result.data;
      if (!(cells.length === 1 && (cells[0] ?? "").trim() === "")) rows.push({ cells, start });
      start = result.meta.cursor;
    },
  });
  if (issues.length > 0) return { records: [], issues };
  const header = rows.shift();
  if (!header)
    return { records: [], issues: [issueAt(file, { line: 1, column: 1 }, "empty file: expected a header row")] };

  const names = header.cells.map((h) => h.trim());
  const part = SIGNATURE.find(([column]) => names.includes(column))?.[1];
  if (!part) {
    const hint = SIGNATURE.map(([column, p]) => `${p} need a "${column}" column`).join(", ");
    return {
      records: [],
      issues: [issueAt(file, { line: 1, column: 1 }, `cannot tell what this file holds: ${hint}`)],
    };
  }
  const spec = CSV_COLUMNS[part];
  const headerAt = (index: number): Position => ({ line: 1, column: index + 1 });
  names.forEach((name, index) => {
    if (!spec.some((col) => col.name === name)) {
      issues.push(
        issueAt(
          file,
          headerAt(index),
          `column ${index + 1}: unknown column ${JSON.stringify(name)} for ${part} (known: ${spec.map((col) => col.name).join(", ")})`,
        ),
      );
    } else if (names.indexOf(name) !== index) {
      issues.push(issueAt(file, headerAt(index), `column ${index + 1}: column ${JSON.stringify(name)} appears twice`));
    }
  });
  for (const col of spec) {
    if (!col.optional && !names.includes(col.name)) {
      issues.push(issueAt(file, { line: 1, column: 1 }, `missing column ${JSON.stringify(col.name)} for ${part}`));
    }
  }
  if (issues.length > 0) return { records: [], issues };

  const columnOf = new Map(spec.map((col) => [col.field, col]));
  const records: ImportRecord[] = [];
  for (const row of rows) {
    const position = lines.at(row.start);
    const cellPosition = (index: number): Position => ({ line: position.line, column: index + 1 });
    if (row.cells.length !== names.length) {
      issues.push(
        issueAt(
          file,
          cellPosition(Math.min(row.cells.length, names.length)),
          `${row.cells.length} cells, but the header has ${names.length} columns`,
        ),
      );
      continue;
    }
    const raw: Record<string, unknown> = {};
    const unreadable = new Set<string>();
    row.cells.forEach((cell, index) => {
      const col = spec.find((s) => s.name === names[index]) as CsvColumn;
      const where = `column ${index + 1} (${col.name})`;
      if (cell.length > MAX_FIELD_CHARS) {
        issues.push(
          issueAt(
            file,
            cellPosition(index),
            `${where}: ${cell.length} characters, more than the limit of ${MAX_FIELD_CHARS}`,
          ),
        );
        unreadable.add(col.field.split(".")[0] as string);
        return;
      }
      const { value, error } = convert(col.type, cell);
      if (error) {
        issues.push(issueAt(file, cellPosition(index), `${where}: ${error}`));
        unreadable.add(col.field.split(".")[0] as string);
      } else if (value !== undefined) setField(raw, col.field, value);
    });
    const locate = (path: readonly PropertyKey[]): Location => {
      for (let n = Math.min(path.length, 2); n > 0; n--) {
        const col = columnOf.get(path.slice(0, n).map(String).join("."));
        if (col) {
          const index = names.indexOf(col.name);
          return { position: cellPosition(index), field: `column ${index + 1} (${col.name})` };
        }
      }
      return { position, field: "row" };
    };
    records.push({ part, raw, file, position, locate, unreadable });
  }
  return { records, issues };
}
