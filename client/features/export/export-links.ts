/** The export URLs for the current filter, as pure data: one per file the server offers (server/export/formats.ts). */

export const EXPORT_LINKS = [
  { file: "graph.gexf", label: "gexf", hint: "gexfHint" },
  { file: "graph.graphml", label: "graphml", hint: "graphmlHint" },
  { file: "graph.json", label: "json", hint: "jsonHint" },
  { file: "nodes.csv", label: "nodesCsv", hint: "nodesCsvHint" },
  { file: "edges.csv", label: "edgesCsv", hint: "edgesCsvHint" },
] as const;

export type ExportLink = (typeof EXPORT_LINKS)[number];

/** `filterQuery` is the filter part of the page's query string, with or without the leading "?". */
export function exportUrl(file: ExportLink["file"], filterQuery: string): string {
  const query = filterQuery.replace(/^\?/, "");
  return `/api/export/${file}${query ? `?${query}` : ""}`;
}
