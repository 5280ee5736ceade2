/** The graph as the API shows it: node kinds, edge types, and the shapes of nodes and edges sent to the client. */
import { z } from "zod";
import { boundedList, LabelSchema } from "./common";
import { EventKindSchema } from "./event";
import { MAX_CHARS } from "./limits";
import { OrganisationKindSchema } from "./organisation";
import { ProjectStatusSchema } from "./project";

import { NODE_KINDS } from "./value-lists";

export { NODE_KINDS };
export const NodeKindSchema = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof NodeKindSchema>;
/** Node kinds asked for in a query (graph.snapshot, search.query). */
export const NodeKindsSchema = boundedList(NodeKindSchema);

export const EDGE_TYPES = [
  "leads",
  "partner-in",
  "about-topic",
  "offers-skill",
  "needs-skill",
  "active-in",
  "covers",
  "neighbours",
  "funded-by",
  // Ties between organisations (organisation → organisation), each named by the first one's record.
  "member-of",
  "partner-of",
  "part-of",
  // An event's own edges, all from the event.
  "organised-by",
  "event-partner",
  "hosted-at",
  "held-in",
  // Only in the project ↔ project projection drawn by the client:
  "shares-organisation",
  "shares-topic",
] as const;
export const EdgeTypeSchema = z.enum(EDGE_TYPES);
export type EdgeType = z.infer<typeof EdgeTypeSchema>;

/** A node key: kind, colon, id ("organisation:digidem-lab", "region:01"). */
export const NodeKeySchema = z
  .string()
  .max(MAX_CHARS.slug + "organisation:".length, "too long for a node key")
  .regex(/^(project|organisation|topic|skill|region|event):[a-z0-9-]+$/, "must look like 'organisation:digidem-lab'");

export const GraphNodeSchema = z.object({
  key: NodeKeySchema,
  kind: NodeKindSchema,
  label: LabelSchema,
  orgKind: OrganisationKindSchema.optional(),
  status: ProjectStatusSchema.optional(),
  /** A project's years, when known; an event's year (of its start and end). */
  startYear: z.number().int().optional(),
  endYear: z.number().int().optional(),
  eventKind: EventKindSchema.optional(),
  /** An event's dates ("2018-09-02"); endDate only for an event of several days. */
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  /** An event held online. */
  online: z.boolean().optional(),
  /** A region's seat (for the geographic layout). */
  seat: z.object({ lat: z.number(), lon: z.number() }).optional(),
  degree: z.number().int().nonnegative(),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphEdgeSchema = z.object({
  key: z.string(),
  source: NodeKeySchema,
  target: NodeKeySchema,
  type: EdgeTypeSchema,
  /** Strength of a projected link: the number of organisations or topics shared. */
  weight: z.number().positive().optional(),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

export interface GraphSnapshot {
  dataVersion: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
