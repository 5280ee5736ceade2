/** The in-memory graph's attributes for nodes and edges, and the key helpers. The graph itself: partner-graph.ts. */
import type { Label } from "../../shared/schema/common";
import type { Event } from "../../shared/schema/event";
import type { FundingCall } from "../../shared/schema/funding-call";
import type { EdgeType, NodeKind } from "../../shared/schema/graph";
import type { Organisation } from "../../shared/schema/organisation";
import type { Project } from "../../shared/schema/project";
import type { Region } from "../../shared/schema/region";
import type { Skill } from "../../shared/schema/skill";
import type { Topic } from "../../shared/schema/topic";

export type NodeRecord =
  | { kind: "project"; record: Project }
  | { kind: "organisation"; record: Organisation }
  | { kind: "topic"; record: Topic }
  | { kind: "skill"; record: Skill }
  | { kind: "region"; record: Region }
  | { kind: "event"; record: Event };

export type NodeAttributes = NodeRecord & { id: string; label: Label };

export interface EdgeAttributes {
  type: EdgeType;
  /** For funded-by edges: the funding call the money came through. */
  fundingCall?: FundingCall;
}

export type { PartnerGraph } from "./partner-graph";

export const nodeKey = (kind: NodeKind, id: string): string => `${kind}:${id}`;

export function parseNodeKey(key: string): { kind: NodeKind; id: string } {
  const colon = key.indexOf(":");
  return { kind: key.slice(0, colon) as NodeKind, id: key.slice(colon + 1) };
}
