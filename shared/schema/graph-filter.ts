/**
 * The graph filter shared by the UI's URL, the export URLs and the export CLI: the same parameter names everywhere
 * (`kinds`, `topics`, `skills`, `regions`, `orgKinds`, `status`, `eventKinds`, `from`, `to`, `focus`, `hops`), validated here so a
 * bad value is reported with the parameter's name. Lists are comma-separated (`kinds=project,organisation`) or
 * repeated (`kinds=project&kinds=organisation`).
 */
import { z } from "zod";
import { boundedList, SlugSchema } from "./common";
import { EVENT_KINDS, type EventKind } from "./event";
import { NODE_KINDS, NodeKeySchema, type NodeKind } from "./graph";
import { ORGANISATION_KINDS, type OrganisationKind } from "./organisation";
import { PROJECT_STATUSES, type ProjectStatus } from "./project";
import { RegionCodeSchema } from "./region";

export interface GraphFilter {
  /** Node kinds kept; empty keeps every kind. */
  kinds: NodeKind[];
  /** Projects and organisations working on one of these topics (ids). */
  topics: string[];
  /** Organisations offering, or projects needing, one of these skills (ids). */
  skills: string[];
  /** Organisations active in, or projects covering, one of these län (SCB codes). */
  regions: string[];
  /** Organisations of these kinds (projects are not affected). */
  orgKinds: OrganisationKind[];
  /** Projects with these statuses (organisations are not affected). */
  status: ProjectStatus[];
  /** Events of these kinds (projects and organisations are not affected). */
  eventKinds: EventKind[];
  /** Projects active (events held) in some year of [from, to], both included; projects without years pass. */
  from: number | undefined;
  to: number | undefined;
  /** Keep only the neighbourhood of this node key, `hops` steps out. */
  focus: string | undefined;
  hops: 1 | 2 | 3;
}

export const EMPTY_GRAPH_FILTER: GraphFilter = {
  kinds: [],
  topics: [],
  skills: [],
  regions: [],
  orgKinds: [],
  status: [],
  eventKinds: [],
  from: undefined,
  to: undefined,
  focus: undefined,
  hops: 1,
};

export const GRAPH_FILTER_PARAMS = [
  "kinds",
  "topics",
  "skills",
  "regions",
  "orgKinds",
  "status",
  "eventKinds",
  "from",
  "to",
  "focus",
  "hops",
] as const;
export type GraphFilterParam = (typeof GRAPH_FILTER_PARAMS)[number];

const quoted = (input: unknown) => JSON.stringify(input);

/** A query value: absent, one string, or the same parameter repeated. */
const RawParam = z.union([z.string(), z.array(z.string())]).optional();
const splitList = (value: string | string[] | undefined): string[] =>
  [value ?? []]
    .flat()
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
const list = <T extends string>(item: z.ZodType<T, string>) =>
  RawParam.transform(splitList).pipe(boundedList(item).transform((values) => [...new Set(values)]));
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: (issue) => `${quoted(issue.input)} is not ${what} (${values.join(", ")})` });
const single = (name: string) =>
  RawParam.refine((v) => !Array.isArray(v), `give "${name}" once`).transform((v) =>
    typeof v === "string" && v.trim() !== "" ? v.trim() : undefined,
  );
const year = (name: string) =>
  single(name).pipe(
    z
      .string()
      .regex(/^\d{4}$/, "must be a four-digit year")
      .transform(Number)
      .pipe(z.number().min(1990, "must be 1990 or later").max(2100, "must be 2100 or earlier"))
      .optional(),
  );

export const GraphFilterQuerySchema = z
  .strictObject(
    {
      kinds: list(oneOf(NODE_KINDS, "a node kind")),
      topics: list(SlugSchema),
      skills: list(SlugSchema),
      regions: list(RegionCodeSchema),
      orgKinds: list(oneOf(ORGANISATION_KINDS, "an organisation kind")),
      status: list(oneOf(PROJECT_STATUSES, "a project status")),
      eventKinds: list(oneOf(EVENT_KINDS, "an event kind")),
      from: year("from"),
      to: year("to"),
      focus: single("focus").pipe(NodeKeySchema.optional()),
      hops: single("hops")
        .pipe(z.enum(["1", "2", "3"], { error: "must be 1, 2 or 3" }).optional())
        .transform((v) => Number(v ?? 1) as 1 | 2 | 3),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown parameter ${issue.keys.map(quoted).join(", ")} (known: ${GRAPH_FILTER_PARAMS.join(", ")})`
          : undefined,
    },
  )
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: "must not be before from",
    path: ["to"],
  });

export interface FilterIssue {
  /** The query parameter at fault (empty for a problem with the query as a whole). */
  param: string;
  message: string;
}

export class GraphFilterError extends Error {
  override name = "GraphFilterError";
  constructor(readonly issues: FilterIssue[]) {
    super(`Invalid filter: ${issues.map((i) => (i.param ? `${i.param}: ${i.message}` : i.message)).join("; ")}`);
  }
}

function toIssue(issue: z.core.$ZodIssue, query: Record<string, unknown>): FilterIssue {
  if (issue.code === "unrecognized_keys") return { param: issue.keys.join(", "), message: issue.message };
  const [param, index] = issue.path;
  const name = String(param ?? "");
  if (typeof index === "number") {
    const value = splitList(query[name] as string | string[] | undefined)[index];
    const prefix = value === undefined || issue.message.startsWith(quoted(value)) ? "" : `${quoted(value)} `;
    return { param: name, message: `${prefix}${issue.message}` };
  }
  const raw = query[name];
  const got = typeof raw === "string" && !issue.message.includes(quoted(raw)) ? ` (got ${quoted(raw)})` : "";
  return { param: name, message: `${issue.message}${got}` };
}

/** Parses query parameters (as Fastify or URLSearchParams give them); throws a GraphFilterError naming each one. */
/**
 * Parameters of the app's URL that choose how to look, not what to keep: an export ignores them, so a researcher can
 * paste the app's whole query string after an export URL.
 */
export const VIEW_ONLY_PARAMS = ["view", "lang", "node", "layout", "embed", "region", "topic", "size"] as const;

export function parseGraphFilter(input: Record<string, unknown>): GraphFilter {
  const query = Object.fromEntries(
    Object.entries(input).filter(([key]) => !(VIEW_ONLY_PARAMS as readonly string[]).includes(key)),
  );
  const result = GraphFilterQuerySchema.safeParse(query);
  if (!result.success) throw new GraphFilterError(result.error.issues.map((i) => toIssue(i, query)));
  return { ...EMPTY_GRAPH_FILTER, ...result.data };
}

/** The filter as query parameters, omitting defaults: what the UI appends to an export URL. */
export function graphFilterToQuery(filter: GraphFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["kinds", "topics", "skills", "regions", "orgKinds", "status", "eventKinds"] as const) {
    if (filter[name].length > 0) params.set(name, filter[name].join(","));
  }
  if (filter.from !== undefined) params.set("from", String(filter.from));
  if (filter.to !== undefined) params.set("to", String(filter.to));
  if (filter.focus !== undefined) {
    params.set("focus", filter.focus);
    if (filter.hops !== 1) params.set("hops", String(filter.hops));
  }
  return params;
}

/** True when the filter keeps every node (no parameter narrows anything). */
export function isEmptyGraphFilter(filter: GraphFilter): boolean {
  return graphFilterToQuery(filter).toString() === "";
}

/** Reads a query string ("?kinds=project&hops=2") into the record parseGraphFilter takes, keeping repeats. */
export function queryRecord(search: string | URLSearchParams): Record<string, string | string[]> {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const record: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const prev = record[key];
    record[key] = prev === undefined ? value : [prev, value].flat();
  }
  return record;
}
