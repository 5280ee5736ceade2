/**
 * What the count line counts: the nodes the graph draws, by kind. The project projection draws only projects; every
 * other layout draws every visible node, topics, skills and län included. Pure.
 */
import type { NodeKind } from "../../../shared/schema/graph";
import { NODE_KINDS } from "../../../shared/schema/value-lists";
import type { Layout } from "../../state/url-state";

/** Kinds in the order the line names them (organisations and projects first: they are what people look for). */
export const COUNT_ORDER: readonly NodeKind[] = ["organisation", "project", "region", "topic", "skill", "event"];

export function countDrawn(keys: Iterable<string>, layout: Layout): Record<NodeKind, number> {
  const counts = Object.fromEntries(NODE_KINDS.map((k) => [k, 0])) as Record<NodeKind, number>;
  for (const key of keys) {
    const kind = key.slice(0, key.indexOf(":")) as NodeKind;
    if (!(kind in counts)) continue;
    if (layout === "projects" && kind !== "project") continue;
    counts[kind]++;
  }
  return counts;
}
