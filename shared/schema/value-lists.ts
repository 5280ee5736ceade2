/**
 * The fixed lists of values the schemas are built on (node kinds, statuses, roles, match terms), without zod: the
 * client's first view needs these lists, and importing them from the schema files would put zod (25 KB gzip) into
 * its first download. The schema files re-export them.
 */

export const NODE_KINDS = ["project", "organisation", "topic", "skill", "region", "event"] as const;

export const EVENT_KINDS = ["hackathon", "meetup", "workshop", "conference", "consultation", "other"] as const;

export const ORGANISATION_KINDS = [
  "association",
  "cooperative",
  "company",
  "research-institute",
  "university",
  "school",
  "municipality",
  "region",
  "agency",
  "network",
  "local-group",
  "funder",
  "foundation",
  "venue",
] as const;

export const PROJECT_STATUSES = ["planned", "active", "completed", "unknown"] as const;

/** Anonymous visitors have no account; every account has exactly one of these roles, in rising order of power. */
export const ROLES = ["member", "coordinator", "administrator"] as const;

/** True when `role` includes the powers of `needed` (an administrator can do what a coordinator can). */
export const hasRole = (role: (typeof ROLES)[number] | undefined, needed: (typeof ROLES)[number]): boolean =>
  role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(needed);

export const MATCH_TERMS = ["topics", "skills", "geography", "network"] as const;

export const WEIGHT_MAX = 5;

/** Defaults chosen by the leave-one-out evaluation (`npm run evaluate`, see README). */
export const DEFAULT_WEIGHTS: Record<(typeof MATCH_TERMS)[number], number> = {
  topics: 1,
  skills: 0.5,
  geography: 0.5,
  network: 0.25,
};

/** The query parameter that carries a GEXF version, as in /api/export/graph.gexf?version=1.3. */
export const GEXF_VERSION_PARAM = "version";
