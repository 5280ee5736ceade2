/**
 * CSV writers (RFC 4180, UTF-8 without BOM, header row, CRLF-free "\n" lines), streaming. nodes.csv starts with `id`
 * (the node key) and `label`, edges.csv with `id`, `source`, `target`, as Gephi's spreadsheet import expects; lists
 * are "|"-separated. Provenance: each node's `sources`; `data_version`, `exported_at` and `licence` on every node row
 * and `data_version` on every edge row, so a file keeps them wherever it travels. Cells are spelt by shared/csv.ts:
 * text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading `'`; numbers never do.
 */
import { type CsvCell, csvLine } from "../../shared/csv";
import { type Column, EDGE_COLUMNS, type ExportSource, edgeRows, NODE_COLUMNS, nodeRows, type Value } from "./columns";
import { joinList } from "./text";

function cell<T>(column: Column<T>, value: Value): CsvCell {
  if (column.type === "list" && value !== undefined) return joinList(value as readonly string[]);
  return value as Exclude<Value, readonly string[]>;
}

export const NODE_CSV_HEADER = ["id", ...NODE_COLUMNS.map((c) => c.name), "data_version", "exported_at", "licence"];
export const EDGE_CSV_HEADER = ["id", "source", "target", ...EDGE_COLUMNS.map((c) => c.name), "data_version"];

export function* writeNodesCsv(source: ExportSource): Generator<string, void, undefined> {
  const { provenance } = source;
  const tail = [provenance.dataVersion, provenance.exportedAt, provenance.licence];
  yield csvLine(NODE_CSV_HEADER);
  for (const { item, values } of nodeRows(source)) {
    yield csvLine([item.key, ...NODE_COLUMNS.map((c, i) => cell(c, values[i])), ...tail]);
  }
}

export function* writeEdgesCsv(source: ExportSource): Generator<string, void, undefined> {
  const version = source.provenance.dataVersion;
  yield csvLine(EDGE_CSV_HEADER);
  for (const { item, values } of edgeRows(source)) {
    yield csvLine([item.key, item.source, item.target, ...EDGE_COLUMNS.map((c, i) => cell(c, values[i])), version]);
  }
}
