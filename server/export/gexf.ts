/**
 * GEXF 1.3 writer (https://gexf.net/schema.html), streaming: a generator of small pieces of text, never the whole
 * document. Typed node and edge attributes (id = title, so every reader maps them alike), lists as 1.3 list values
 * (`["a", "b"]`), viz colour (r, g, b and hex), size and position, and the provenance in the meta description.
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
import { describeProvenance } from "./provenance";
import { numberText, xml } from "./text";
import { rgbOf } from "./viz";

const GEXF_TYPES: Record<ValueType, string> = {
  string: "string",
  integer: "integer",
  double: "double",
  boolean: "boolean",
  list: "liststring",
};

function gexfValue(type: ValueType, value: Exclude<Value, undefined>): string {
  if (type === "list") return `[${(value as readonly string[]).map((v) => JSON.stringify(v)).join(", ")}]`;
  if (typeof value === "number") return numberText(value);
  return String(value);
}

function* attributeModel<T>(cls: "node" | "edge", columns: readonly Column<T>[]): Generator<string> {
  yield `    <attributes class="${cls}" mode="static">\n`;
  for (const c of columns) {
    if (c.role !== "data") continue;
    yield `      <attribute id="${xml(c.name)}" title="${xml(c.name)}" type="${GEXF_TYPES[c.type]}"/>\n`;
  }
  yield "    </attributes>\n";
}

function attvalues<T>(columns: readonly Column<T>[], values: readonly Value[]): string {
  let out = "";
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c] as Column<T>;
    const value = values[c];
    if (column.role !== "data" || value === undefined) continue;
    out += `<attvalue for="${xml(column.name)}" value="${xml(gexfValue(column.type, value))}"/>`;
  }
  return out === "" ? "" : `<attvalues>${out}</attvalues>`;
}

export function* writeGexf(source: ExportSource): Generator<string, void, undefined> {
  const { graph, provenance } = source;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" ';
  yield 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ';
  yield 'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield `  <meta lastmodifieddate="${provenance.exportedAt.slice(0, 10)}">\n`;
  yield `    <creator>${xml(provenance.generator)}</creator>\n`;
  yield `    <description>${xml(describeProvenance(provenance))}</description>\n`;
  yield "    <keywords>civic tech, Sweden, partner map, projects, organisations</keywords>\n";
  yield "  </meta>\n";
  yield '  <graph defaultedgetype="directed" mode="static">\n';
  yield* attributeModel("node", NODE_COLUMNS);
  yield* attributeModel("edge", EDGE_COLUMNS);

  const at = (name: string) => NODE_COLUMNS.findIndex((c) => c.name === name);
  const [label, x, y, size, color] = [at("label"), at("x"), at("y"), at("size"), at("color")];
  yield `    <nodes count="${graph.order}">\n`;
  for (const { item, values } of nodeRows(source)) {
    const hex = values[color] as string;
    const [r, g, b] = rgbOf(hex);
    yield `      <node id="${xml(item.key)}" label="${xml(values[label] as string)}">` +
      attvalues(NODE_COLUMNS, values) +
      `<viz:color r="${r}" g="${g}" b="${b}" hex="${hex}"/>` +
      `<viz:size value="${numberText(values[size] as number)}"/>` +
      `<viz:position x="${numberText(values[x] as number)}" y="${numberText(values[y] as number)}"/>` +
      "</node>\n";
  }
  yield "    </nodes>\n";
  const weightAt = EDGE_COLUMNS.findIndex((c) => c.role === "weight");
  yield `    <edges count="${graph.size}">\n`;
  for (const { item, values } of edgeRows(source)) {
    const weight = values[weightAt] as number;
    yield `      <edge id="${xml(item.key)}" source="${xml(item.source)}" target="${xml(item.target)}" ` +
      `weight="${numberText(weight)}">${attvalues(EDGE_COLUMNS, values)}</edge>\n`;
  }
  yield "    </edges>\n";
  yield "  </graph>\n";
  yield "</gexf>\n";
}
