/** The export URLs for the current filter, as pure data: one per file the server offers (server/export/formats.ts). */
import { GEXF_VERSION_PARAM } from "../../../shared/schema/value-lists";

export interface ExportLink {
  file: "graph.gexf" | "graph.graphml" | "graph.json" | "nodes.csv" | "edges.csv";
  /** A parameter of the file's own (GEXF's version), appended after the filter. */
  query?: string;
  label: string;
  hint: string;
}

export const EXPORT_LINKS: readonly ExportLink[] = [
  { file: "graph.gexf", label: "gexf", hint: "gexfHint" },
  { file: "graph.gexf", query: `${GEXF_VERSION_PARAM}=1.3`, label: "gexf13", hint: "gexf13Hint" },
  { file: "graph.graphml", label: "graphml", hint: "graphmlHint" },
  { file: "graph.json", label: "json", hint: "jsonHint" },
  { file: "nodes.csv", label: "nodesCsv", hint: "nodesCsvHint" },
  { file: "edges.csv", label: "edgesCsv", hint: "edgesCsvHint" },
];

/** `filterQuery` is the filter part of the page's query string, with or without the leading "?". */
export function exportUrl(file: ExportLink["file"], filterQuery: string, query = ""): string {
  const all = [filterQuery.replace(/^\?/, ""), query].filter((q) => q !== "").join("&");
  return `/api/export/${file}${all ? `?${all}` : ""}`;
}
