/**
 * A project's shortlist as CSV for a spreadsheet: one row per saved organisation with its id, name, website, kind,
 * län, the score and reasons as the match engine gives them now, the note and when it was added. Spelt as the app's
 * other downloads for people (client/features/coverage/csv.ts): in Swedish semicolon-separated (Swedish Excel's
 * default), in English comma-separated; CRLF lines; a byte-order mark so Excel reads å, ä and ö as UTF-8; cells via
 * shared/csv.ts, so a note starting with "=" is text, not a formula. No account data: not even who added an entry.
 */
import { type CsvCell, csvLine } from "../../shared/csv";
import { ORGANISATION_KIND_NAMES } from "../../shared/organisation-kind-names";
import type { Label } from "../../shared/schema/common";
import type { Suggestion } from "../../shared/schema/match";
import type { ShortlistExportRow } from "../store/shortlists";
import { type FileLang, partnerReasons } from "./partner-reasons";

export interface ShortlistCsvRow extends ShortlistExportRow {
  /** The pair's score now; undefined when the organisation is gone from the map. */
  suggestion: Suggestion | undefined;
}

const HEADER: Record<FileLang, string[]> = {
  sv: ["Organisations-id", "Namn", "Webbplats", "Typ", "Län", "Poäng (%)", "Skäl", "Anteckning", "Tillagd", "Status"],
  en: ["Organisation id", "Name", "Website", "Kind", "County", "Score (%)", "Reasons", "Note", "Added at", "Status"],
};
const NATIONAL: Record<FileLang, string> = { sv: "hela landet", en: "nationwide" };
const GONE: Record<FileLang, string> = { sv: "borttagen ur kartan", en: "removed from the map" };
export const SHORTLIST_CSV_DELIMITER: Record<FileLang, "," | ";"> = { sv: ";", en: "," };

export function shortlistCsv(
  rows: readonly ShortlistCsvRow[],
  regionNames: Map<string, Label>,
  lang: FileLang,
): string {
  const body = rows.map(({ entry, organisation, suggestion }): CsvCell[] => {
    const regions = organisation.regions.map((code) => regionNames.get(code)?.[lang] ?? code);
    if (organisation.national) regions.push(NATIONAL[lang]);
    return [
      entry.organisationId,
      entry.name,
      organisation.website,
      // The kind as the UI names it, not its code.
      ORGANISATION_KIND_NAMES[lang][organisation.kind],
      regions.join(", "),
      // A whole percent, as the panel shows it: a number the spreadsheet can sort by.
      suggestion && Math.round(suggestion.score * 100),
      suggestion && partnerReasons(suggestion.evidence, lang).join(" · "),
      entry.note,
      entry.addedAt,
      entry.gone ? GONE[lang] : "",
    ];
  });
  const delimiter = SHORTLIST_CSV_DELIMITER[lang];
  return `\uFEFF${[HEADER[lang], ...body].map((cells) => csvLine(cells, delimiter, "\r\n")).join("")}`;
}
