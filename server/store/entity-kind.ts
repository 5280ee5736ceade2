/** The kinds of entity the store keeps, and for each the data-set list it belongs to. */
import type { DatasetPart } from "../../shared/schema/dataset";

export type EntityKind = "region" | "topic" | "skill" | "organisation" | "funding-call" | "project" | "event";

export const KIND_OF_PART: Record<DatasetPart, EntityKind> = {
  regions: "region",
  topics: "topic",
  skills: "skill",
  organisations: "organisation",
  fundingCalls: "funding-call",
  projects: "project",
  events: "event",
};

/** How an entity kind is named in messages ("unknown funding call \"x\""). */
export const ENTITY_KIND_NOUNS: Record<EntityKind, string> = {
  region: "län",
  topic: "topic",
  skill: "skill",
  organisation: "organisation",
  "funding-call": "funding call",
  project: "project",
  event: "event",
};
