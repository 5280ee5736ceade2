/**
 * The server's in-memory graph: nodes with their records, typed directed edges, kept in flat arrays.
 *
 * Why not a graphology Graph: at 100k nodes / 1M edges, building one took 10 s of a 13 s cold start (an object, a key
 * string and two hash-table entries per edge; the hub nodes (län, topics) hold tens of thousands of entries each).
 * The read model is rebuilt, never edited in place, so it needs none of graphology's mutation machinery: here edges are
 * three parallel arrays with compressed-sparse-row indexes by source and by target, built in one pass. The class
 * offers the read-only subset of graphology's API that the server uses, with graphology's callback signatures and
 * iteration orders (nodes and edges in insertion order), so code reads the same. graphology stays where its standard
 * library is used on a graph of its own: Louvain (metrics-csr.ts) and reading exports back in tests.
 *
 * Edge keys are not stored: an edge is identified by `type:source->target` (edgeKey), made when asked for.
 */
import type { EdgeType } from "../../shared/schema/graph";
import type { EdgeAttributes, NodeAttributes } from "./model";

export const edgeKey = (type: EdgeType, source: string, target: string): string => `${type}:${source}->${target}`;

export class UnknownGraphNodeError extends Error {
  constructor(readonly key: string) {
    super(`The graph has no node "${key}"`);
    this.name = "UnknownGraphNodeError";
  }
}

export interface NodeEntry {
  node: string;
  attributes: NodeAttributes;
}

export interface EdgeEntry {
  edge: string;
  attributes: EdgeAttributes;
  source: string;
  target: string;
  sourceAttributes: NodeAttributes;
  targetAttributes: NodeAttributes;
}

type EdgeCallback = (
  edge: string,
  attributes: EdgeAttributes,
  source: string,
  target: string,
  sourceAttributes: NodeAttributes,
  targetAttributes: NodeAttributes,
) => void;

/** Collects nodes and edges, then freezes them into a PartnerGraph. Edges may name only nodes already added. */
export class PartnerGraphBuilder {
  private readonly keys: string[];
  private readonly attributes: NodeAttributes[];
  private readonly index: Map<string, number>;
  /** Whether keys and index are another graph's, which must not change. */
  private readonly sharedNodes: boolean;
  private sources = new Int32Array(1024);
  private targets = new Int32Array(1024);
  private readonly edgeAttributes: EdgeAttributes[] = [];
  private size = 0;

  constructor(nodes?: { keys: string[]; index: Map<string, number>; attributes: NodeAttributes[] }) {
    this.keys = nodes?.keys ?? [];
    this.index = nodes?.index ?? new Map();
    this.attributes = nodes?.attributes ?? [];
    this.sharedNodes = nodes !== undefined;
  }

  /**
   * A builder over the same nodes as `graph`, in the same order, with `attributes` instead of its own (one per node):
   * no node is added, so the key list and index are shared with `graph`, not copied. Edges start empty.
   */
  static withNodesOf(graph: PartnerGraph, attributes: NodeAttributes[]): PartnerGraphBuilder {
    if (attributes.length !== graph.order) throw new RangeError("one set of attributes per node is needed");
    return new PartnerGraphBuilder({ ...graph.nodeTables(), attributes });
  }

  /** Adds the node and returns its index, which addEdgeAt takes. */
  addNode(key: string, attributes: NodeAttributes): number {
    if (this.sharedNodes) throw new Error("this builder shares another graph's nodes: it cannot add any");
    if (this.index.has(key)) throw new Error(`The graph already has a node "${key}"`);
    const i = this.keys.length;
    this.index.set(key, i);
    this.keys.push(key);
    this.attributes.push(attributes);
    return i;
  }

  hasNode(key: string): boolean {
    return this.index.has(key);
  }

  indexOf(key: string): number | undefined {
    return this.index.get(key);
  }

  keyAt(i: number): string {
    return this.keys[i] as string;
  }

  /** `attributes` may be shared between edges: nothing writes to them. */
  addEdge(source: string, target: string, attributes: EdgeAttributes): void {
    const s = this.index.get(source);
    if (s === undefined) throw new UnknownGraphNodeError(source);
    const t = this.index.get(target);
    if (t === undefined) throw new UnknownGraphNodeError(target);
    this.addEdgeAt(s, t, attributes);
  }

  /** addEdge by the two nodes' indexes (from addNode): saves two key lookups per edge when building from records. */
  addEdgeAt(s: number, t: number, attributes: EdgeAttributes): void {
    if (!(s >= 0 && s < this.keys.length && t >= 0 && t < this.keys.length))
      throw new RangeError(`No node at index ${s} or ${t}`);
    if (this.size === this.sources.length) {
      const grow = (a: Int32Array) => {
        const bigger = new Int32Array(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.sources = grow(this.sources);
      this.targets = grow(this.targets);
    }
    this.sources[this.size] = s;
    this.targets[this.size] = t;
    this.edgeAttributes.push(attributes);
    this.size++;
  }

  /**
   * The graph with these nodes and, instead of the edges added, the given edge columns (as PartnerGraph.edgeColumns
   * gives them): a saved read model's edges taken back without one call per edge. Every end is checked.
   */
  buildWithEdges(
    sources: Int32Array,
    targets: Int32Array,
    attributes: EdgeAttributes[],
    groups?: EdgeGroups,
  ): PartnerGraph {
    if (this.size !== 0) throw new Error("this builder already holds edges");
    if (sources.length !== targets.length || sources.length !== attributes.length)
      throw new RangeError("the edge columns differ in length");
    const order = this.keys.length;
    for (let e = 0; e < sources.length; e++) {
      const s = sources[e] as number;
      const t = targets[e] as number;
      if (!(s >= 0 && s < order && t >= 0 && t < order)) throw new RangeError(`Edge ${e} names no node (${s}, ${t})`);
    }
    return new PartnerGraph(this.keys, this.attributes, this.index, sources, targets, attributes, groups);
  }

  build(): PartnerGraph {
    return new PartnerGraph(
      this.keys,
      this.attributes,
      this.index,
      this.sources.slice(0, this.size),
      this.targets.slice(0, this.size),
      this.edgeAttributes,
    );
  }
}

/** Edge ids grouped by one end, in edge order within a group: offsets has one more entry than there are nodes. */
interface EdgeGroup {
  offsets: Int32Array;
  edges: Int32Array;
}

/** A graph's edges grouped by source (`out`) and by target (`in`). */
export interface EdgeGroups {
  out: EdgeGroup;
  in: EdgeGroup;
}

function groupEdges(ends: Int32Array, order: number): EdgeGroup {
  const offsets = new Int32Array(order + 1);
  for (let e = 0; e < ends.length; e++) {
    const i = (ends[e] as number) + 1;
    offsets[i] = (offsets[i] as number) + 1;
  }
  for (let i = 0; i < order; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const fill = offsets.slice(0, order);
  const edges = new Int32Array(ends.length);
  for (let e = 0; e < ends.length; e++) {
    const i = ends[e] as number;
    edges[fill[i] as number] = e;
    fill[i] = (fill[i] as number) + 1;
  }
  return { offsets, edges };
}

export class PartnerGraph {
  readonly order: number;
  readonly size: number;
  private readonly out: EdgeGroup;
  private readonly in: EdgeGroup;

  constructor(
    private readonly keys: readonly string[],
    private readonly attributes: readonly NodeAttributes[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly sources: Int32Array,
    private readonly targets: Int32Array,
    private readonly edgeAttributes: readonly EdgeAttributes[],
    /** The edges grouped by source and by target, when already made (a saved read model): else made here. */
    groups?: EdgeGroups,
  ) {
    this.order = keys.length;
    this.size = sources.length;
    this.out = groups?.out ?? groupEdges(sources, this.order);
    this.in = groups?.in ?? groupEdges(targets, this.order);
    for (const group of [this.out, this.in])
      if (group.offsets.length !== this.order + 1 || group.edges.length !== this.size)
        throw new RangeError("the edge groups do not fit the graph");
  }

  private at(key: string): number {
    const i = this.index.get(key);
    if (i === undefined) throw new UnknownGraphNodeError(key);
    return i;
  }

  private keyOfEdge(e: number): string {
    return edgeKey(
      (this.edgeAttributes[e] as EdgeAttributes).type,
      this.keys[this.sources[e] as number] as string,
      this.keys[this.targets[e] as number] as string,
    );
  }

  private visit(e: number, callback: EdgeCallback): void {
    const s = this.sources[e] as number;
    const t = this.targets[e] as number;
    callback(
      this.keyOfEdge(e),
      this.edgeAttributes[e] as EdgeAttributes,
      this.keys[s] as string,
      this.keys[t] as string,
      this.attributes[s] as NodeAttributes,
      this.attributes[t] as NodeAttributes,
    );
  }

  hasNode(key: string): boolean {
    return this.index.has(key);
  }

  /** The key list and index, for a builder that keeps this graph's nodes (PartnerGraphBuilder.withNodesOf). */
  nodeTables(): { keys: string[]; index: Map<string, number> } {
    return { keys: this.keys as string[], index: this.index as Map<string, number> };
  }

  /** The edges as columns, in edge order: the arrays themselves, not copies (read them, never write to them). */
  edgeColumns(): {
    sources: Int32Array;
    targets: Int32Array;
    attributes: readonly EdgeAttributes[];
    groups: EdgeGroups;
  } {
    return {
      sources: this.sources,
      targets: this.targets,
      attributes: this.edgeAttributes,
      groups: { out: this.out, in: this.in },
    };
  }

  /** Attributes by node index (a copy). */
  attributeList(): NodeAttributes[] {
    return this.attributes.slice();
  }

  /** The node's position in the node order (0 … order − 1), or undefined. */
  indexOf(key: string): number | undefined {
    return this.index.get(key);
  }

  /** Node keys in insertion order (a copy). */
  nodes(): string[] {
    return this.keys.slice();
  }

  /** Edge keys in insertion order. */
  edges(): string[] {
    return Array.from({ length: this.size }, (_, e) => this.keyOfEdge(e));
  }

  keyAt(i: number): string {
    const key = this.keys[i];
    if (key === undefined) throw new RangeError(`No node at index ${i}`);
    return key;
  }

  attributesAt(i: number): NodeAttributes {
    const attributes = this.attributes[i];
    if (attributes === undefined) throw new RangeError(`No node at index ${i}`);
    return attributes;
  }

  /** The kind of the node at index i (see indexOf). */
  kindAt(i: number): NodeAttributes["kind"] {
    return (this.attributes[i] as NodeAttributes).kind;
  }

  getNodeAttributes(key: string): NodeAttributes {
    return this.attributes[this.at(key)] as NodeAttributes;
  }

  outDegree(key: string): number {
    const i = this.at(key);
    return (this.out.offsets[i + 1] as number) - (this.out.offsets[i] as number);
  }

  inDegree(key: string): number {
    const i = this.at(key);
    return (this.in.offsets[i + 1] as number) - (this.in.offsets[i] as number);
  }

  /** In-edges plus out-edges. */
  degree(key: string): number {
    return this.outDegree(key) + this.inDegree(key);
  }

  forEachNode(callback: (key: string, attributes: NodeAttributes) => void): void {
    for (let i = 0; i < this.order; i++) callback(this.keys[i] as string, this.attributes[i] as NodeAttributes);
  }

  *nodeEntries(): Generator<NodeEntry, void, undefined> {
    for (let i = 0; i < this.order; i++)
      yield { node: this.keys[i] as string, attributes: this.attributes[i] as NodeAttributes };
  }

  forEachEdge(callback: EdgeCallback): void {
    for (let e = 0; e < this.size; e++) this.visit(e, callback);
  }

  *edgeEntries(): Generator<EdgeEntry, void, undefined> {
    for (let e = 0; e < this.size; e++) {
      const s = this.sources[e] as number;
      const t = this.targets[e] as number;
      yield {
        edge: this.keyOfEdge(e),
        attributes: this.edgeAttributes[e] as EdgeAttributes,
        source: this.keys[s] as string,
        target: this.keys[t] as string,
        sourceAttributes: this.attributes[s] as NodeAttributes,
        targetAttributes: this.attributes[t] as NodeAttributes,
      };
    }
  }

  /** The node's out-edges; with `target`, only those to it. */
  forEachOutEdge(key: string, callback: EdgeCallback): void {
    const i = this.at(key);
    for (let j = this.out.offsets[i] as number, end = this.out.offsets[i + 1] as number; j < end; j++)
      this.visit(this.out.edges[j] as number, callback);
  }

  forEachInEdge(key: string, callback: EdgeCallback): void {
    const i = this.at(key);
    for (let j = this.in.offsets[i] as number, end = this.in.offsets[i + 1] as number; j < end; j++)
      this.visit(this.in.edges[j] as number, callback);
  }

  /** Keys of the out-edges from `source` to `target` (graphology's `outEdges(source, target)`). */
  outEdges(source: string, target: string): string[] {
    const t = this.at(target);
    const found: string[] = [];
    const i = this.at(source);
    for (let j = this.out.offsets[i] as number, end = this.out.offsets[i + 1] as number; j < end; j++) {
      const e = this.out.edges[j] as number;
      if (this.targets[e] === t) found.push(this.keyOfEdge(e));
    }
    return found;
  }

  /**
   * Calls back once per distinct neighbour, in or out, until the callback returns true; says whether one did. Out-
   * neighbours come first, then in-neighbours that are not also out-neighbours, as in graphology.
   */
  someNeighbor(key: string, predicate: (neighbour: string, attributes: NodeAttributes) => boolean): boolean {
    const i = this.at(key);
    const seen = new Set<number>();
    for (let j = this.out.offsets[i] as number, end = this.out.offsets[i + 1] as number; j < end; j++) {
      const n = this.targets[this.out.edges[j] as number] as number;
      if (seen.has(n)) continue;
      seen.add(n);
      if (predicate(this.keys[n] as string, this.attributes[n] as NodeAttributes)) return true;
    }
    for (let j = this.in.offsets[i] as number, end = this.in.offsets[i + 1] as number; j < end; j++) {
      const n = this.sources[this.in.edges[j] as number] as number;
      if (seen.has(n)) continue;
      seen.add(n);
      if (predicate(this.keys[n] as string, this.attributes[n] as NodeAttributes)) return true;
    }
    return false;
  }

  forEachNeighbor(key: string, callback: (neighbour: string, attributes: NodeAttributes) => void): void {
    this.someNeighbor(key, (neighbour, attributes) => {
      callback(neighbour, attributes);
      return false;
    });
  }

  /**
   * Edges `from` … `to` − 1 (by default all) as their two ends' node indexes, with the edge's attributes: the flat
   * form typed-array algorithms read.
   */
  forEachEdgeIndex(
    callback: (e: number, source: number, target: number, attributes: EdgeAttributes) => void,
    from = 0,
    to = this.size,
  ): void {
    for (let e = from; e < to; e++)
      callback(e, this.sources[e] as number, this.targets[e] as number, this.edgeAttributes[e] as EdgeAttributes);
  }
}
