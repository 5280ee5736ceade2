/**
 * How every CSV the app writes spells a cell (nodes.csv, edges.csv, the coverage table), in one place: RFC 4180
 * quoting, and text that a spreadsheet would run as a formula neutralised as OWASP's "CSV Injection" page advises.
 * A text cell that starts with = + - @, a tab or a carriage return gets a leading `'`, so Excel, LibreOffice and
 * Google Sheets show it as text. Numbers are never touched: a metric of -0.5 stays a number. Dependency-free, so the
 * server's streaming writers and the browser's downloads share it.
 */

/** Starts a spreadsheet reads as a formula, after any `'` already there (so that restoring is exact, see below). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
/** Characters that make a cell need quotes: RFC 4180's, plus `;` and tab, which spreadsheets in some locales split on. */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Prefixes `'` to text a spreadsheet would take for a formula; other text is returned as it is. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Undoes neutraliseFormula: drops one leading `'` when a formula start follows. Exact for every string
 * (restoreFormula(neutraliseFormula(s)) === s), because text already starting with `'` and a formula start gets
 * one more `'` on the way out.
 */
export function restoreFormula(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** A number already written as text (with a decimal comma, say): a number to the reader, so never neutralised. */
export interface CsvNumberText {
  readonly numberText: string;
}

/** A cell: text (neutralised when needed), a number or boolean (as is), or nothing (empty). */
export type CsvCell = string | number | boolean | CsvNumberText | null | undefined;

function quoted(text: string, force: boolean): string {
  return force || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell's text. Neutralised text is always quoted, as OWASP advises. */
export function csvCell(value: CsvCell): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") return quoted(value.numberText, false);
  const safe = neutraliseFormula(value);
  return quoted(safe, safe !== value);
}

/** One line of cells, ending in `newline`. */
export function csvLine(cells: readonly CsvCell[], delimiter: "," | ";" = ",", newline = "\n"): string {
  return cells.map(csvCell).join(delimiter) + newline;
}
