/**
 * The län table as CSV: the same columns, rows, rounding and status words as on screen, plus the län code. Numbers are
 * written as a spreadsheet in the user's language reads them: in Swedish with a decimal comma, so the separator is a
 * semicolon (what Swedish Excel expects); in English with a decimal point and comma-separated. Cells are spelt by
 * shared/csv.ts, as in every CSV the app writes: text that a spreadsheet would run as a formula gets a leading `'`;
 * numbers (a negative gap, say) stay numbers.
 */
import type { TFunction } from "i18next";
import { type CsvCell, csvLine } from "../../../shared/csv";
import type { RegionCoverage } from "../../../shared/schema/coverage";
import { downloadBlob } from "../../lib/download";
import type { Lang } from "../../state/url-state";
import { gapClass } from "./gap-class";
import { COLUMNS, type Column } from "./table-columns";

/** Soft hyphens help narrow headers wrap on screen; a spreadsheet does not want them. */
const plain = (text: string) => text.replace(/\u00AD/g, "");

export const CSV_DELIMITER: Record<Lang, "," | ";"> = { sv: ";", en: "," };

/** Plain numbers for a spreadsheet cell: no digit grouping (a spreadsheet would read "2 377 081" as text). */
function cellNumbers(lang: Lang) {
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  const integer = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, {
    useGrouping: false,
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  // sv-SE writes a negative number with U+2212 MINUS SIGN, which spreadsheets do not read as a number.
  const ascii = (text: string) => text.replace("\u2212", "-");
  return (column: Column, value: number): CsvCell => ({
    numberText: ascii(column.kind === "integer" ? integer.format(value) : decimal.format(value)),
  });
}

export function coverageCsv(rows: readonly RegionCoverage[], lang: Lang, t: TFunction): string {
  const number = cellNumbers(lang);
  const header = [
    plain(t("coverage.csv.code")),
    // On screen a share reads "13,3 %"; in the file the number stands alone, so the header carries the unit.
    ...COLUMNS.map((c) => plain(t(c.label)) + (c.kind === "percent" ? " (%)" : "")),
    plain(t("coverage.table.status")),
  ];
  const body = rows.map((r): CsvCell[] => [
    r.code,
    ...COLUMNS.map((c) => {
      const value = c.value(r, lang);
      return typeof value === "number" ? number(c, value) : value;
    }),
    t(`coverage.class.${gapClass(r.gap)}`),
  ]);
  const csv = [header, ...body].map((cells) => csvLine(cells, CSV_DELIMITER[lang], "\r\n")).join("");
  // A byte-order mark, so spreadsheet programs read å, ä and ö as UTF-8.
  return `\uFEFF${csv}`;
}

/** Offers a text as a file download. */
export function downloadText(text: string, filename: string, type = "text/csv;charset=utf-8"): void {
  downloadBlob(new Blob([text], { type }), filename);
}
