/**
 * The export files, by name as they appear in the URLs (/api/export/graph.gexf …): writer, media type, and the
 * download name (partnerkartan-graph-2026-11-27.gexf; "-filtered" when a filter narrowed the graph).
 */

import { DEFAULT_GEXF_VERSION, type GexfVersion } from "../../shared/schema/export";
import type { ExportSource } from "./columns";
import { writeEdgesCsv, writeNodesCsv } from "./csv";
import { writeGexf } from "./gexf";
import { writeGraphml } from "./graphml";
import { writeJson } from "./json";

/** Choices a caller may make about a file's format (only GEXF has one: its version). */
export interface ExportOptions {
  gexfVersion: GexfVersion;
}
export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { gexfVersion: DEFAULT_GEXF_VERSION };

export interface ExportFile {
  /** What the file holds, as the first part of the download name. */
  part: "graph" | "nodes" | "edges";
  extension: "gexf" | "graphml" | "json" | "csv";
  contentType: string;
  write(source: ExportSource, options?: ExportOptions): Generator<string, void, undefined>;
}

export const EXPORT_FILES = {
  "graph.gexf": {
    part: "graph",
    extension: "gexf",
    contentType: "application/gexf+xml; charset=utf-8",
    write: (source, options = DEFAULT_EXPORT_OPTIONS) => writeGexf(source, options.gexfVersion),
  },
  "graph.graphml": {
    part: "graph",
    extension: "graphml",
    contentType: "application/graphml+xml; charset=utf-8",
    write: writeGraphml,
  },
  "graph.json": { part: "graph", extension: "json", contentType: "application/json; charset=utf-8", write: writeJson },
  "nodes.csv": {
    part: "nodes",
    extension: "csv",
    contentType: "text/csv; charset=utf-8; header=present",
    write: writeNodesCsv,
  },
  "edges.csv": {
    part: "edges",
    extension: "csv",
    contentType: "text/csv; charset=utf-8; header=present",
    write: writeEdgesCsv,
  },
} as const satisfies Record<string, ExportFile>;
export type ExportFileName = keyof typeof EXPORT_FILES;
export const EXPORT_FILE_NAMES = Object.keys(EXPORT_FILES) as ExportFileName[];

/** The formats the CLI offers, and the files each writes. */
export const EXPORT_FORMATS = {
  gexf: ["graph.gexf"],
  graphml: ["graph.graphml"],
  json: ["graph.json"],
  csv: ["nodes.csv", "edges.csv"],
} as const satisfies Record<string, readonly ExportFileName[]>;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** The download name: what, whether filtered, the export date (UTC). */
export function downloadName(file: ExportFileName, exportedAt: string, filtered: boolean): string {
  const { part, extension } = EXPORT_FILES[file];
  return `partnerkartan-${part}${filtered ? "-filtered" : ""}-${exportedAt.slice(0, 10)}.${extension}`;
}
