/** Numbers and län names as the coverage view shows them, per language; the CSV uses the same rounding. */
import type { Label } from "../../../shared/schema/common";
import type { Lang } from "../../state/url-state";

/** The one rounding of the view: per-capita figures, shares (in %) and gap scores to one decimal. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

export interface Formats {
  integer: (n: number) => string;
  /** One decimal, as in the table. */
  decimal: (n: number) => string;
  /** A share in [0, 1] as a percentage with one decimal. */
  percent: (share: number) => string;
  list: (items: string[]) => string;
}

const cache = new Map<Lang, Formats>();

export function formats(lang: Lang): Formats {
  const cached = cache.get(lang);
  if (cached) return cached;
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  const result: Formats = {
    integer: (n) => integer.format(n),
    decimal: (n) => decimal.format(round1(n)),
    percent: (share) => `${decimal.format(round1(share * 100))} %`,
    list: (items) => list.format(items),
  };
  cache.set(lang, result);
  return result;
}

/** "Norrbottens län" → "Norrbotten", "Norrbotten County" → "Norrbotten": short enough for a tile or a map label. */
export function shortName(name: Label, lang: Lang): string {
  if (lang === "en") return name.en.replace(/ County$/, "");
  const base = name.sv.replace(/ län$/, "");
  // The genitive -s of "Norrbottens län"; Kalmar, Uppsala, Blekinge, Skåne and Örebro have none.
  return base.endsWith("s") ? base.slice(0, -1) : base;
}

/** The last parts of long län names, before which a narrow tile may break the word ("Väster|norrland"). */
const NAME_TAIL = /(norrland|manland|götland|botten|borg|köping)$/u;

/** A short name split where a narrow tile may wrap it: ["Väster", "norrland"]; one part when the name is short. */
export function tileNameParts(name: Label, lang: Lang): string[] {
  const short = shortName(name, lang);
  const tail = NAME_TAIL.exec(short);
  if (!tail || tail.index < 3 || short.includes(" ")) return [short];
  return [short.slice(0, tail.index), short.slice(tail.index)];
}
