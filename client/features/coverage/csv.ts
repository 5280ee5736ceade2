/** The län table as CSV: the same columns, rows, rounding and status words as on screen, plus the län code. */
import type { TFunction } from "i18next";
import Papa from "papaparse";
import type { RegionCoverage } from "../../../shared/schema/coverage";
import { downloadBlob } from "../../lib/download";
import type { Lang } from "../../state/url-state";
import { gapClass } from "./gap-class";
import { COLUMNS } from "./table-columns";

/** Soft hyphens help narrow headers wrap on screen; a spreadsheet does not want them. */
const plain = (text: string) => text.replace(/\u00AD/g, "");

export function coverageCsv(rows: readonly RegionCoverage[], lang: Lang, t: TFunction): string {
  const header = [
    plain(t("coverage.csv.code")),
    ...COLUMNS.map((c) => plain(t(c.label))),
    plain(t("coverage.table.status")),
  ];
  const body = rows.map((r) => [
    r.code,
    ...COLUMNS.map((c) => c.value(r, lang)),
    t(`coverage.class.${gapClass(r.gap)}`),
  ]);
  // A byte-order mark, so spreadsheet programs read å, ä and ö as UTF-8.
  return `\uFEFF${Papa.unparse([header, ...body], { newline: "\r\n" })}`;
}

/** Offers a text as a file download. */
export function downloadText(text: string, filename: string, type = "text/csv;charset=utf-8"): void {
  downloadBlob(new Blob([text], { type }), filename);
}
