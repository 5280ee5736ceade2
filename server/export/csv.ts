/**
 * CSV writers (RFC 4180, UTF-8 without BOM, header row, CRLF-free "\n" lines), streaming. nodes.csv starts with `id`
 * (the node key) and `label`, edges.csv with `id`, `source`, `target`, as Gephi's spreadsheet import expects; lists
 * are "|"-separated. Provenance: each node's `sources`; `data_version`, `exported_at` and `licence` on every node row
 * and `data_version` on every edge row, so a file keeps them wherever it travels.
 */
import { type Column, EDGE_COLUMNS, type ExportSource, edgeRows, NODE_COLUMNS, nodeRows, type Value } from "./columns";
import { csvField, joinList, numberText } from "./text";

function cell<T>(column: Column<T>, value: Value): string {
  if (value === undefined) return "";
  if (column.type === "list") return csvField(joinList(value as readonly string[]));
  if (typeof value === "number") return numberText(value);
  return csvField(String(value));
}

const line = (cells: readonly string[]) => `${cells.join(",")}\n`;

export const NODE_CSV_HEADER = ["id", ...NODE_COLUMNS.map((c) => c.name), "data_version", "exported_at", "licence"];
export const EDGE_CSV_HEADER = ["id", "source", "target", ...EDGE_COLUMNS.map((c) => c.name), "data_version"];

export function* writeNodesCsv(source: ExportSource): Generator<string, void, undefined> {
  const { provenance } = source;
  const tail = [String(provenance.dataVersion), provenance.exportedAt, csvField(provenance.licence)];
  yield line(NODE_CSV_HEADER);
  for (const { item, values } of nodeRows(source)) {
    yield line([csvField(item.key), ...NODE_COLUMNS.map((c, i) => cell(c, values[i])), ...tail]);
  }
}

export function* writeEdgesCsv(source: ExportSource): Generator<string, void, undefined> {
  const version = String(source.provenance.dataVersion);
  yield line(EDGE_CSV_HEADER);
  for (const { item, values } of edgeRows(source)) {
    yield line([
      csvField(item.key),
      csvField(item.source),
      csvField(item.target),
      ...EDGE_COLUMNS.map((c, i) => cell(c, values[i])),
      version,
    ]);
  }
}
