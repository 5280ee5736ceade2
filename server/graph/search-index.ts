/**
 * Full-text search over node names and sv/en labels, insensitive to case and diacritics ("goteborg" finds "Göteborg").
 * The index is built on demand: in small steps (`buildSome`, which the server runs in the background after start) or
 * all at once by the first search. At 100k nodes building it takes seconds, which should not delay a cold start.
 */
import MiniSearch from "minisearch";
import type { GraphNode, NodeKind } from "../../shared/schema/graph";
import type { PartnerGraph } from "./model";
import { toGraphNode } from "./snapshot";

/** Lower case without diacritics: "Örebro" → "orebro". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

interface SearchDoc {
  id: string;
  kind: NodeKind;
  sv: string;
  en: string;
  extra: string;
}

export interface SearchHit {
  node: GraphNode;
  score: number;
}

const newMiniSearch = () =>
  new MiniSearch<SearchDoc>({
    fields: ["sv", "en", "extra"],
    storeFields: ["kind"],
    // Documents are folded once when they are made (see docOf); queries are folded term by term.
    processTerm: (term) => term,
    searchOptions: {
      processTerm: (term) => foldText(term),
      boost: { sv: 2, en: 2 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
      combineWith: "AND",
    },
  });

/** What a new index may take over from the previous data version's: its documents, all but the changed nodes'. */
export interface SearchCarryOver {
  from: SearchIndex;
  /** Keys of the nodes written since: added, changed or removed. */
  changed: Iterable<string>;
}

/**
 * Broad queries at scale: from this many nodes on, a query is first tried on the best-connected nodes only, the
 * BROAD_SCAN best of each kind (and of each kind of organisation). When they already hold `limit` matches, the query
 * names a word much of the graph shares ("syntetisk", "kommun", "proj"), and those are the answer, best connected
 * first: scoring it in MiniSearch would touch every match (300 ms for 100 000 matches, with the event loop held).
 * Below that size, and for every other query, MiniSearch ranks (BM25), as it does on the seed.
 */
export const BROAD_SCAN_MIN_NODES = 20_000;
const BROAD_SCAN = 100;
const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];

export class SearchIndex {
  private readonly index: MiniSearch<SearchDoc>;
  private readonly keys: string[];
  /** The best-connected nodes of each kind, most connected first, with their words: made by the first search. */
  private hubs: { key: string; kind: NodeKind; words: string[] }[] | undefined;
  /** How many of `keys` are in the index. */
  private added = 0;

  /**
   * With `carry`, a complete previous index is taken over (and must not be used again) and only the changed nodes are
   * re-indexed: after a write at 100k nodes that is milliseconds instead of seconds.
   */
  constructor(
    private readonly graph: PartnerGraph,
    carry?: SearchCarryOver,
    /** From how many nodes on broad queries are answered from the best-connected ones (Infinity: never; benchmarks). */
    private readonly broadScanMinNodes = BROAD_SCAN_MIN_NODES,
  ) {
    this.keys = graph.nodes();
    if (carry?.from.ready) {
      this.index = carry.from.index;
      for (const key of carry.changed) {
        if (this.index.has(key)) this.index.discard(key);
        if (graph.hasNode(key)) this.index.add(this.docOf(key));
      }
      this.added = this.keys.length;
    } else this.index = newMiniSearch();
  }

  /** Whether every node is indexed. */
  get ready(): boolean {
    return this.added === this.keys.length;
  }

  /** Indexes nodes for about `budgetMs` milliseconds; returns whether the index is complete. */
  buildSome(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    while (this.added < this.keys.length) {
      const end = Math.min(this.keys.length, this.added + 256);
      for (let i = this.added; i < end; i++) this.index.add(this.docOf(this.keys[i] as string));
      this.added = end;
      if (performance.now() >= until) break;
    }
    return this.ready;
  }

  search(query: string, options: { limit: number; kinds?: readonly NodeKind[] }): SearchHit[] {
    this.buildSome(Number.POSITIVE_INFINITY);
    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : undefined;
    const broad = this.broadMatches(query, options.limit, kinds);
    if (broad) return broad;
    const results = this.index.search(query, kinds ? { filter: (r) => kinds.has(r.kind as NodeKind) } : {});
    return results
      .slice(0, options.limit)
      .map((r) => ({ node: toGraphNode(this.graph, r.id as string), score: r.score }));
  }

  /** The answer to a broad query from the best-connected nodes (see BROAD_SCAN_MIN_NODES), or undefined. */
  private broadMatches(
    query: string,
    limit: number,
    kinds: ReadonlySet<NodeKind> | undefined,
  ): SearchHit[] | undefined {
    if (this.keys.length < this.broadScanMinNodes) return undefined;
    const terms = tokenize(foldText(query)).filter((t) => t.length > 0);
    if (terms.length === 0) return undefined;
    this.hubs ??= this.bestConnected();
    const hits: SearchHit[] = [];
    for (const hub of this.hubs) {
      if (kinds && !kinds.has(hub.kind)) continue;
      // As MiniSearch matches here (prefix, every term): a broad answer is a subset of what it would find.
      if (!terms.every((t) => hub.words.some((w) => w.startsWith(t)))) continue;
      hits.push({ node: toGraphNode(this.graph, hub.key), score: limit - hits.length });
      if (hits.length === limit) return hits;
    }
    return undefined;
  }

  /** Of each kind (organisations: each kind of organisation), the BROAD_SCAN of highest degree; highest first. */
  private bestConnected(): { key: string; kind: NodeKind; words: string[] }[] {
    const groups = new Map<string, { key: string; degree: number }[]>();
    for (const key of this.keys) {
      const a = this.graph.getNodeAttributes(key);
      const group = a.kind === "organisation" ? `organisation:${a.record.kind}` : a.kind;
      let best = groups.get(group);
      if (!best) {
        best = [];
        groups.set(group, best);
      }
      const degree = this.graph.degree(key);
      if (best.length === BROAD_SCAN && degree <= (best[BROAD_SCAN - 1] as { degree: number }).degree) continue;
      // A sorted window of BROAD_SCAN, not a sort of every node.
      let i = Math.min(best.length, BROAD_SCAN - 1);
      while (i > 0 && (best[i - 1] as { degree: number }).degree < degree) i--;
      best.splice(i, 0, { key, degree });
      if (best.length > BROAD_SCAN) best.pop();
    }
    return [...groups.values()]
      .flat()
      .sort((a, b) => b.degree - a.degree)
      .map(({ key }) => {
        const doc = this.docOf(key);
        return { key, kind: doc.kind, words: tokenize(`${doc.sv} ${doc.en} ${doc.extra}`) };
      });
  }

  private docOf(key: string): SearchDoc {
    const a = this.graph.getNodeAttributes(key);
    // Extra terms: a region's seat and ISO code, an organisation's website host, an event's city.
    const extra =
      a.kind === "region"
        ? `${a.record.seat} ${a.record.iso}`
        : a.kind === "organisation" && a.record.website
          ? new URL(a.record.website).hostname.replace(/^www\./, "")
          : a.kind === "event"
            ? (a.record.city ?? "")
            : "";
    // Organisations and projects have one name in both languages: index it once (half the work at 100k nodes, and a
    // name no longer scores twice against a topic whose sv and en labels differ).
    const en = a.label.en === a.label.sv ? "" : foldText(a.label.en);
    return { id: key, kind: a.kind, sv: foldText(a.label.sv), en, extra: extra && foldText(extra) };
  }
}
