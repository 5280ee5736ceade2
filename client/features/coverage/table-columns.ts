/**
 * The columns of the län table and of its CSV export, in one place so the two always show the same numbers:
 * each column has a sort value and a display value rounded as the view rounds (one decimal for per-capita
 * figures, shares in % and the gap).
 */
import type { RegionCoverage } from "../../../shared/schema/coverage";
import type { Lang } from "../../state/url-state";
import { round1 } from "./format";

export type ColumnKey =
  | "rank"
  | "region"
  | "population"
  | "projects"
  | "projectsPerCapita"
  | "organisations"
  | "organisationsPerCapita"
  | "localGroups"
  | "localGroupsPerCapita"
  | "populationShare"
  | "activityShare"
  | "gap";

export interface Column {
  key: ColumnKey;
  /** Message key of the full header (also the CSV header). */
  label: string;
  /** Shorter visible header, when the full one is too wide. */
  short?: string;
  kind: "integer" | "decimal" | "percent" | "text";
  /** The value shown (and exported): numbers already rounded as displayed; percent columns in %. */
  value: (r: RegionCoverage, lang: Lang) => number | string;
  /** Which way a first click sorts: largest first for counts and gaps, smallest first for rank and names. */
  firstDirection: "asc" | "desc";
}

const PER = "coverage.table.perCapita";

export const COLUMNS: readonly Column[] = [
  { key: "rank", label: "coverage.table.rank", kind: "integer", value: (r) => r.rank, firstDirection: "asc" },
  {
    key: "region",
    label: "coverage.table.region",
    kind: "text",
    value: (r, lang) => r.name[lang],
    firstDirection: "asc",
  },
  {
    key: "population",
    label: "coverage.table.population",
    kind: "integer",
    value: (r) => r.population.count,
    firstDirection: "desc",
  },
  {
    key: "projects",
    label: "coverage.table.projects",
    kind: "integer",
    value: (r) => r.counts.projects,
    firstDirection: "desc",
  },
  {
    key: "projectsPerCapita",
    label: "coverage.table.projectsPerCapita",
    short: PER,
    kind: "decimal",
    value: (r) => round1(r.perCapita.projects),
    firstDirection: "desc",
  },
  {
    key: "organisations",
    label: "coverage.table.organisations",
    kind: "integer",
    value: (r) => r.counts.organisations,
    firstDirection: "desc",
  },
  {
    key: "organisationsPerCapita",
    label: "coverage.table.organisationsPerCapita",
    short: PER,
    kind: "decimal",
    value: (r) => round1(r.perCapita.organisations),
    firstDirection: "desc",
  },
  {
    key: "localGroups",
    label: "coverage.table.localGroups",
    kind: "integer",
    value: (r) => r.counts.localGroups,
    firstDirection: "desc",
  },
  {
    key: "localGroupsPerCapita",
    label: "coverage.table.localGroupsPerCapita",
    short: PER,
    kind: "decimal",
    value: (r) => round1(r.perCapita.localGroups),
    firstDirection: "desc",
  },
  {
    key: "populationShare",
    label: "coverage.table.populationShare",
    kind: "percent",
    value: (r) => round1(r.gap.populationShare * 100),
    firstDirection: "desc",
  },
  {
    key: "activityShare",
    label: "coverage.table.activityShare",
    kind: "percent",
    value: (r) => round1(r.gap.activityShare * 100),
    firstDirection: "desc",
  },
  {
    key: "gap",
    label: "coverage.table.gap",
    kind: "decimal",
    value: (r) => round1(r.gap.score),
    firstDirection: "desc",
  },
];

export interface SortState {
  key: ColumnKey;
  direction: "asc" | "desc";
}

/** Sorted copy; the gap-priority rank breaks ties so equal values keep a meaningful order. */
export function sortRows(rows: readonly RegionCoverage[], sort: SortState, lang: Lang): RegionCoverage[] {
  const column = COLUMNS.find((c) => c.key === sort.key) ?? (COLUMNS[0] as Column);
  const sign = sort.direction === "asc" ? 1 : -1;
  const collator = new Intl.Collator(lang === "sv" ? "sv" : "en-GB");
  return [...rows].sort((a, b) => {
    const x = column.value(a, lang);
    const y = column.value(b, lang);
    const order = typeof x === "string" || typeof y === "string" ? collator.compare(String(x), String(y)) : x - y;
    return sign * order || a.rank - b.rank;
  });
}
