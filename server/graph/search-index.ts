/** Full-text search over node names and sv/en labels, insensitive to case and diacritics ("goteborg" finds "Göteborg"). */
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

export class SearchIndex {
  private readonly index = new MiniSearch<SearchDoc>({
    fields: ["sv", "en", "extra"],
    storeFields: ["kind"],
    processTerm: (term) => foldText(term),
    searchOptions: {
      boost: { sv: 2, en: 2 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
      combineWith: "AND",
    },
  });

  constructor(private readonly graph: PartnerGraph) {
    const docs: SearchDoc[] = [];
    graph.forEachNode((key, a) => {
      // Extra terms: a region's seat and ISO code, an organisation's website host.
      const extra =
        a.kind === "region"
          ? `${a.record.seat} ${a.record.iso}`
          : a.kind === "organisation" && a.record.website
            ? new URL(a.record.website).hostname.replace(/^www\./, "")
            : "";
      docs.push({ id: key, kind: a.kind, sv: a.label.sv, en: a.label.en, extra });
    });
    this.index.addAll(docs);
  }

  search(query: string, options: { limit: number; kinds?: readonly NodeKind[] }): SearchHit[] {
    const kinds = options.kinds && options.kinds.length > 0 ? new Set(options.kinds) : undefined;
    const results = this.index.search(query, kinds ? { filter: (r) => kinds.has(r.kind as NodeKind) } : {});
    return results
      .slice(0, options.limit)
      .map((r) => ({ node: toGraphNode(this.graph, r.id as string), score: r.score }));
  }
}
