/** An export fixture: the small data set with names that test escaping, its graph, metrics and an export source. */

import type { ExportSource, NodeItem, Row, Value } from "../../../server/export/columns";
import { NODE_COLUMNS, nodeRows } from "../../../server/export/columns";
import { prepareExport } from "../../../server/export/prepare";
import { buildGraph } from "../../../server/graph/build";
import { computeMetrics } from "../../../server/graph/metrics";
import type { PartnerGraph } from "../../../server/graph/model";
import type { Dataset } from "../../../shared/schema/dataset";
import { EMPTY_GRAPH_FILTER, type GraphFilter } from "../../../shared/schema/graph-filter";
import { smallDataset } from "../../fixtures/dataset";

/** A name with every character XML and CSV must escape, a line break, a tab and a control character. */
export const TRICKY_NAME = "Föreningen \"Öppna\" <data> & co, 'ett'\nrad två\tflik\u0007 |pipe";
/** What survives: XML cannot carry U+0007, so writers drop it. */
export const TRICKY_NAME_WRITTEN = TRICKY_NAME.replace("\u0007", "");

/**
 * The same test of escaping as the server may store it: names may hold no control characters or line breaks
 * (shared/schema/text.ts), summaries may hold line breaks and tabs.
 */
export const TRICKY_STORABLE_NAME = "Föreningen \"Öppna\" <data> & co, 'ett' =1+2 |pipe";
export const TRICKY_STORABLE_SUMMARY = "Rad ett <b>&amp;</b>\nrad två\tflik \"citat\", 'apostrof' |pipe";

/** `storable`: a data set the server accepts (for tests through HTTP); otherwise names carry control characters too. */
export function exportDataset({ storable = false } = {}): Dataset {
  const data = smallDataset();
  const org = data.organisations.find((o) => o.id === "civic-tech-goteborg");
  if (!org) throw new Error("fixture changed: civic-tech-goteborg missing");
  org.name = storable ? TRICKY_STORABLE_NAME : TRICKY_NAME;
  if (storable) org.summary = { sv: TRICKY_STORABLE_SUMMARY, en: TRICKY_STORABLE_SUMMARY };
  org.sources = ["https://example.org/a?x=1&y=2", "https://example.org/b|c"];
  return data;
}

export const FIXED_NOW = new Date("2026-11-27T10:00:00.000Z");

export function exportSource(
  filter: GraphFilter = EMPTY_GRAPH_FILTER,
  graph: PartnerGraph = buildGraph(exportDataset()),
): ExportSource {
  return prepareExport({
    graph,
    metrics: computeMetrics(graph),
    filter,
    dataVersion: 3,
    origin: "seed",
    now: FIXED_NOW,
  });
}

/** Each node's export attributes by key, as the columns define them (missing values left out). */
export function expectedNodes(
  source: ExportSource,
  map: (name: string, value: Exclude<Value, undefined>) => unknown = (_n, v) => v,
) {
  const out: Record<string, Record<string, unknown>> = {};
  for (const { item, values } of nodeRows(source) as Generator<Row<NodeItem>>) {
    const attrs: Record<string, unknown> = {};
    NODE_COLUMNS.forEach((c, i) => {
      const value = values[i];
      if (value !== undefined) attrs[c.name] = map(c.name, value);
    });
    out[item.key] = attrs;
  }
  return out;
}

export const text = (pieces: Iterable<string>) => [...pieces].join("");
