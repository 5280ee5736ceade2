/**
 * GEXF writer (https://gexf.net/schema.html), streaming: a generator of small pieces of text, never the whole
 * document. Two versions, each valid against its own schema:
 * - 1.2 (the default), in the namespace networkx's read_gexf knows (http://www.gexf.net/1.2draft: networkx 2.8 to 3.5
 *   read no other), so a researcher's default reader opens the default file; lists are `liststring` values with "|"
 *   between items (a "|" inside an item written %7C, as in CSV and GraphML);
 * - 1.3 (`version=1.3`), for Gephi 0.9.3+ and networkx 3.6+; lists are 1.3 list values (`["a", "b"]`).
 * Both: typed node and edge attributes (id = title, so every reader maps them alike), viz colour (r, g, b: the one
 * spelling both schemas and networkx's reader accept), size and position (z="0" in 1.2, which requires it), and the
 * provenance in the meta description.
 */
import { DEFAULT_GEXF_VERSION, type GexfVersion } from "../../shared/schema/export";
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
import { joinList, numberText, xml } from "./text";
import { rgbOf } from "./viz";

const GEXF_TYPES: Record<ValueType, string> = {
  string: "string",
  integer: "integer",
  double: "double",
  boolean: "boolean",
  list: "liststring",
};

/** Namespaces and schema of each version; 1.2 keeps the "draft" namespace that readers (networkx) look for. */
const HEADERS: Record<GexfVersion, { ns: string; schema: string }> = {
  "1.2": { ns: "http://www.gexf.net/1.2draft", schema: "http://www.gexf.net/1.2draft/gexf.xsd" },
  "1.3": { ns: "http://gexf.net/1.3", schema: "http://gexf.net/1.3/gexf.xsd" },
};

function gexfValue(version: GexfVersion, type: ValueType, value: Exclude<Value, undefined>): string {
  if (type === "list") {
    const items = value as readonly string[];
    return version === "1.2" ? joinList(items) : `[${items.map((v) => JSON.stringify(v)).join(", ")}]`;
  }
  if (typeof value === "number") return numberText(value);
  return String(value);
}

function* attributeModel<T>(cls: "node" | "edge", columns: readonly Column<T>[]): Generator<string> {
  // No `mode`: 1.3 dropped it from <attributes> (it is the graph's), and 1.2 defaults it to static.
  yield `    <attributes class="${cls}">\n`;
  for (const c of columns) {
    if (c.role !== "data") continue;
    yield `      <attribute id="${xml(c.name)}" title="${xml(c.name)}" type="${GEXF_TYPES[c.type]}"/>\n`;
  }
  yield "    </attributes>\n";
}

function attvalues<T>(version: GexfVersion, columns: readonly Column<T>[], values: readonly Value[]): string {
  let out = "";
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c] as Column<T>;
    const value = values[c];
    if (column.role !== "data" || value === undefined) continue;
    // A 1.2 list is "a|b": an empty one would read back as [""], so it is left out, like any missing value.
    if (version === "1.2" && column.type === "list" && (value as readonly string[]).length === 0) continue;
    out += `<attvalue for="${xml(column.name)}" value="${xml(gexfValue(version, column.type, value))}"/>`;
  }
  return out === "" ? "" : `<attvalues>${out}</attvalues>`;
}

export function* writeGexf(
  source: ExportSource,
  version: GexfVersion = DEFAULT_GEXF_VERSION,
): Generator<string, void, undefined> {
  const { graph, provenance } = source;
  const { ns, schema } = HEADERS[version];
  // 1.2 requires a position's z; 1.3 makes it optional, and a flat map has none.
  const z = version === "1.2" ? ' z="0"' : "";
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<gexf xmlns="${ns}" xmlns:viz="${ns}/viz" `;
  yield 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ';
  yield `xsi:schemaLocation="${ns} ${schema}" version="${version}">\n`;
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
    const [r, g, b] = rgbOf(values[color] as string);
    yield `      <node id="${xml(item.key)}" label="${xml(values[label] as string)}">` +
      attvalues(version, NODE_COLUMNS, values) +
      `<viz:color r="${r}" g="${g}" b="${b}"/>` +
      `<viz:size value="${numberText(values[size] as number)}"/>` +
      `<viz:position x="${numberText(values[x] as number)}" y="${numberText(values[y] as number)}"${z}/>` +
      "</node>\n";
  }
  yield "    </nodes>\n";
  const weightAt = EDGE_COLUMNS.findIndex((c) => c.role === "weight");
  yield `    <edges count="${graph.size}">\n`;
  for (const { item, values } of edgeRows(source)) {
    const weight = values[weightAt] as number;
    yield `      <edge id="${xml(item.key)}" source="${xml(item.source)}" target="${xml(item.target)}" ` +
      `weight="${numberText(weight)}">${attvalues(version, EDGE_COLUMNS, values)}</edge>\n`;
  }
  yield "    </edges>\n";
  yield "  </graph>\n";
  yield "</gexf>\n";
}
