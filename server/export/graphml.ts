/**
 * GraphML writer (http://graphml.graphdrawing.org/), streaming: a generator of small pieces of text. graphology-graphml
 * only reads, so this is ours. Every key is declared with its type (`attr.type` boolean, int, double, string) before
 * the graph; lists are strings with "|" between items; the provenance is in graph-level data. Key ids are prefixed by
 * what they are for (g_, n_, e_), and no key is named `id`, which igraph keeps for the node ids.
 */
import {
  type Column,
  EDGE_COLUMNS,
  type ExportSource,
  edgeRows,
  NODE_COLUMNS,
  nodeRows,
  type Value,
  type ValueType,
} from "./columns";
import { provenanceAttributes } from "./provenance";
import { joinList, numberText, xml } from "./text";

const GRAPHML_TYPES: Record<ValueType, string> = {
  string: "string",
  integer: "int",
  double: "double",
  boolean: "boolean",
  list: "string",
};

function graphmlValue(type: ValueType, value: Exclude<Value, undefined>): string {
  if (type === "list") return joinList(value as readonly string[]);
  if (typeof value === "number") return numberText(value);
  return String(value);
}

function dataOf<T>(prefix: string, columns: readonly Column<T>[], values: readonly Value[]): string {
  let out = "";
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c] as Column<T>;
    const value = values[c];
    if (value === undefined) continue;
    out += `<data key="${prefix}${column.name}">${xml(graphmlValue(column.type, value))}</data>`;
  }
  return out;
}

export function* writeGraphml(source: ExportSource): Generator<string, void, undefined> {
  const graphData = provenanceAttributes(source.provenance);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ';
  yield 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ';
  yield 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [name, value] of Object.entries(graphData)) {
    const type = typeof value === "number" ? "int" : "string";
    yield `  <key id="g_${name}" for="graph" attr.name="${name}" attr.type="${type}"/>\n`;
  }
  for (const c of NODE_COLUMNS)
    yield `  <key id="n_${c.name}" for="node" attr.name="${c.name}" attr.type="${GRAPHML_TYPES[c.type]}"/>\n`;
  for (const c of EDGE_COLUMNS)
    yield `  <key id="e_${c.name}" for="edge" attr.name="${c.name}" attr.type="${GRAPHML_TYPES[c.type]}"/>\n`;
  yield '  <graph id="partnerkartan" edgedefault="directed">\n';
  for (const [name, value] of Object.entries(graphData)) yield `    <data key="g_${name}">${xml(value)}</data>\n`;
  for (const { item, values } of nodeRows(source)) {
    yield `    <node id="${xml(item.key)}">${dataOf("n_", NODE_COLUMNS, values)}</node>\n`;
  }
  for (const { item, values } of edgeRows(source)) {
    yield `    <edge id="${xml(item.key)}" source="${xml(item.source)}" target="${xml(item.target)}">` +
      `${dataOf("e_", EDGE_COLUMNS, values)}</edge>\n`;
  }
  yield "  </graph>\n";
  yield "</graphml>\n";
}
