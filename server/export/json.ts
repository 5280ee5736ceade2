/**
 * JSON in graphology's serialisation format (`Graph.from(json)` or `graph.import(json)` reads it back), streaming:
 * `{ attributes, options, nodes: [{ key, attributes }], edges: [{ key, source, target, attributes }] }`. Graph
 * attributes hold the provenance; node and edge attributes are the export columns, lists as arrays.
 */
import { EDGE_COLUMNS, type ExportSource, edgeRows, NODE_COLUMNS, nodeRows, type Value } from "./columns";
import { provenanceAttributes } from "./provenance";

function attributes(columns: readonly { name: string }[], values: readonly Value[]): string {
  const out: Record<string, Exclude<Value, undefined>> = {};
  for (let c = 0; c < columns.length; c++) {
    const value = values[c];
    if (value === undefined) continue;
    // Non-finite numbers (never expected) have no JSON form: leave the attribute out rather than write null.
    if (typeof value === "number" && !Number.isFinite(value)) continue;
    out[(columns[c] as { name: string }).name] = value;
  }
  return JSON.stringify(out);
}

export function* writeJson(source: ExportSource): Generator<string, void, undefined> {
  yield `{"attributes":${JSON.stringify(provenanceAttributes(source.provenance))},`;
  yield '"options":{"type":"directed","multi":false,"allowSelfLoops":true},\n"nodes":[\n';
  let first = true;
  for (const { item, values } of nodeRows(source)) {
    yield `${first ? "" : ",\n"}{"key":${JSON.stringify(item.key)},"attributes":${attributes(NODE_COLUMNS, values)}}`;
    first = false;
  }
  yield '\n],\n"edges":[\n';
  first = true;
  for (const { item, values } of edgeRows(source)) {
    yield `${first ? "" : ",\n"}{"key":${JSON.stringify(item.key)},"source":${JSON.stringify(item.source)},` +
      `"target":${JSON.stringify(item.target)},"attributes":${attributes(EDGE_COLUMNS, values)}}`;
    first = false;
  }
  yield "\n]}\n";
}
