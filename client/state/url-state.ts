/**
 * What a shared link carries: view, language, selection, filters, focus, layout and node size, as pure functions over
 * the query string. Parsing is forgiving (a bad value is dropped, never an error page); writing omits defaults to keep
 * links short.
 */

import type { GraphFilter } from "../../shared/schema/graph-filter";
import type { Weights } from "../../shared/schema/match";
import {
  DEFAULT_WEIGHTS,
  EVENT_KINDS,
  MATCH_TERMS,
  NODE_KINDS,
  ORGANISATION_KINDS,
  PROJECT_STATUSES,
  WEIGHT_MAX,
} from "../../shared/schema/value-lists";

export type Lang = "sv" | "en";
export const VIEWS = ["graph", "list", "coverage"] as const;
export type View = (typeof VIEWS)[number];
export const LAYOUTS = ["force", "concentric", "geographic", "projects"] as const;
/** force: d3-force; concentric: rings by kind; geographic: at the län seats; projects: project ↔ project projection. */
export type Layout = (typeof LAYOUTS)[number];
/** What a node's size shows: its number of links, or a centrality computed on the server. */
export const SIZE_MEASURES = ["degree", "pagerank", "betweenness"] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

/** The filter contract shared with the export URLs (shared/schema/graph-filter.ts); years under clearer names here. */
export type Filters = Pick<
  GraphFilter,
  "kinds" | "topics" | "skills" | "regions" | "orgKinds" | "status" | "eventKinds"
> & {
  /** Active in some year of [from, to] (inclusive); projects without years pass. */
  yearFrom: GraphFilter["from"];
  yearTo: GraphFilter["to"];
};

export interface UrlState {
  view: View;
  lang: Lang;
  selected: string | undefined;
  filters: Filters;
  /** Show only the neighbourhood of this node, `hops` steps out. */
  focus: string | undefined;
  hops: 1 | 2 | 3;
  layout: Layout;
  size: SizeMeasure;
  /** Read-only embedding on a partner's page: no chrome. */
  embed: boolean;
  /** The coverage view's chosen län and topic. */
  region: string | undefined;
  topic: string | undefined;
  /** The suggestion weights and geography mode, so a shared link shows the same ranking. */
  weights: Weights;
  geography: "complement" | "nearby";
}

export const EMPTY_FILTERS: Filters = {
  kinds: [],
  topics: [],
  skills: [],
  regions: [],
  orgKinds: [],
  status: [],
  eventKinds: [],
  yearFrom: undefined,
  yearTo: undefined,
};

export const DEFAULT_STATE: UrlState = {
  view: "graph",
  lang: "sv",
  selected: undefined,
  filters: EMPTY_FILTERS,
  focus: undefined,
  hops: 1,
  layout: "force",
  size: "degree",
  embed: false,
  region: undefined,
  topic: undefined,
  weights: DEFAULT_WEIGHTS,
  geography: "complement",
};

/** "1,0.5,0.5,0.25" in the order of MATCH_TERMS; anything else means the defaults. */
function readWeights(value: string | null): Weights {
  const parts = (value ?? "").split(",").map(Number);
  if (parts.length !== MATCH_TERMS.length || parts.some((n) => !Number.isFinite(n) || n < 0 || n > WEIGHT_MAX))
    return DEFAULT_WEIGHTS;
  return Object.fromEntries(MATCH_TERMS.map((term, i) => [term, parts[i]])) as unknown as Weights;
}
const writeWeights = (w: Weights) => MATCH_TERMS.map((term) => w[term]).join(",");

const NODE_KEY = /^(project|organisation|topic|skill|region):[a-z0-9-]+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const REGION = /^\d{2}$/;

const list = (params: URLSearchParams, name: string): string[] =>
  (params.get(name) ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
const oneOf = <T extends string>(allowed: readonly T[], values: string[]): T[] =>
  [...new Set(values)].filter((v): v is T => (allowed as readonly string[]).includes(v));
const year = (value: string | null): number | undefined => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : undefined;
};
const key = (value: string | null): string | undefined => (value && NODE_KEY.test(value) ? value : undefined);

export function readUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const hops = Number(p.get("hops"));
  return {
    view: oneOf(VIEWS, [p.get("view") ?? ""])[0] ?? "graph",
    lang: p.get("lang") === "en" ? "en" : "sv",
    selected: key(p.get("node")),
    filters: {
      kinds: oneOf(NODE_KINDS, list(p, "kinds")),
      topics: list(p, "topics").filter((v) => SLUG.test(v)),
      skills: list(p, "skills").filter((v) => SLUG.test(v)),
      regions: list(p, "regions").filter((v) => REGION.test(v)),
      orgKinds: oneOf(ORGANISATION_KINDS, list(p, "orgKinds")),
      status: oneOf(PROJECT_STATUSES, list(p, "status")),
      eventKinds: oneOf(EVENT_KINDS, list(p, "eventKinds")),
      yearFrom: year(p.get("from")),
      yearTo: year(p.get("to")),
    },
    focus: key(p.get("focus")),
    hops: hops === 2 || hops === 3 ? hops : 1,
    layout: oneOf(LAYOUTS, [p.get("layout") ?? ""])[0] ?? "force",
    size: oneOf(SIZE_MEASURES, [p.get("size") ?? ""])[0] ?? "degree",
    embed: p.get("embed") === "1",
    region: REGION.test(p.get("region") ?? "") ? (p.get("region") as string) : undefined,
    topic: SLUG.test(p.get("topic") ?? "") ? (p.get("topic") as string) : undefined,
    weights: readWeights(p.get("w")),
    geography: p.get("geo") === "nearby" ? "nearby" : "complement",
  };
}

/**
 * A year range whose start is after its end (`from=2030&to=2020`) keeps nothing: it is not applied, neither to the
 * graph nor to a link or an export (whose server refuses it), and the filter panel says why.
 */
export function yearsReversed(filters: Filters): boolean {
  return filters.yearFrom !== undefined && filters.yearTo !== undefined && filters.yearFrom > filters.yearTo;
}

/** The filter part of the query string alone: also what the export URLs take. */
export function filterParams(filters: Filters, params = new URLSearchParams()): URLSearchParams {
  const setList = (name: string, values: readonly string[]) =>
    values.length > 0 ? params.set(name, values.join(",")) : params.delete(name);
  setList("kinds", filters.kinds);
  setList("topics", filters.topics);
  setList("skills", filters.skills);
  setList("regions", filters.regions);
  setList("orgKinds", filters.orgKinds);
  setList("status", filters.status);
  setList("eventKinds", filters.eventKinds);
  const reversed = yearsReversed(filters);
  if (filters.yearFrom !== undefined && !reversed) params.set("from", String(filters.yearFrom));
  else params.delete("from");
  if (filters.yearTo !== undefined && !reversed) params.set("to", String(filters.yearTo));
  else params.delete("to");
  return params;
}

export function writeUrlState(state: UrlState, current = ""): string {
  const p = filterParams(state.filters, new URLSearchParams(current));
  const set = (name: string, value: string | undefined, fallback?: string) => {
    if (value === undefined || value === fallback) p.delete(name);
    else p.set(name, value);
  };
  set("view", state.view, "graph");
  set("lang", state.lang, "sv");
  set("node", state.selected);
  set("focus", state.focus);
  set("hops", state.focus ? String(state.hops) : undefined, "1");
  set("layout", state.layout, "force");
  set("size", state.size, "degree");
  set("embed", state.embed ? "1" : undefined);
  set("region", state.region);
  set("topic", state.topic);
  set("w", writeWeights(state.weights), writeWeights(DEFAULT_WEIGHTS));
  set("geo", state.geography, "complement");
  const text = p.toString();
  return text ? `?${text}` : "";
}

export function hasFilters(filters: Filters): boolean {
  return filterParams(filters).toString() !== "";
}
