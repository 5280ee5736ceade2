"""Times PageRank, Louvain and one-node-against-all Jaccard with igraph or networkx on an edge list, prints JSON.

Usage: python3 algorithms.py TOOL EDGES_FILE NODE REPEATS [ALGORITHM ...]
  TOOL       igraph | networkx
  EDGES_FILE first line "n m", then one "u v" line per undirected edge (0-based node indices)
  NODE       the node whose Jaccard similarity with every node is computed
  REPEATS    how many times each algorithm runs (the median is reported)
  ALGORITHM  any of build, pagerank, louvain, jaccard (default: all)

Jaccard is over plain neighbour sets: igraph runs with loops=False (its default, True, counts every node as its own
neighbour). Written for tests/bench/algorithms.bench.ts, which runs ours on the same graph and prints the ratios. Exits with
code 3 and a message naming the missing package if the tool is not installed.
"""
import json
import statistics
import sys
import time


def read_edges(path):
    with open(path) as f:
        n, m = (int(x) for x in f.readline().split())
        flat = [int(x) for x in f.read().split()]
    it = iter(flat)
    edges = list(zip(it, it))
    assert len(edges) == m, (len(edges), m)
    return n, edges


def timed(fn, repeats):
    """Median of `repeats` runs; the first is a warm-up left out unless it took over a second (as the Node side)."""
    start = time.perf_counter()
    value = fn()
    first = (time.perf_counter() - start) * 1000
    times = [first] if first > 1000 or repeats == 1 else []
    while len(times) < repeats:
        start = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), times, value


def run_igraph(n, edges, node, repeats, wanted):
    import igraph

    out = {"version": igraph.__version__}
    build_ms, _, g = timed(lambda: igraph.Graph(n=n, edges=edges, directed=False), repeats)
    out["build"] = {"ms": build_ms}
    pairs = [(node, v) for v in range(n)]
    if "pagerank" in wanted:
        ms, times, pr = timed(lambda: g.pagerank(damping=0.85), repeats)
        out["pagerank"] = {"ms": ms, "times": times, "sample": pr[:20], "sum": sum(pr)}
    if "louvain" in wanted:
        ms, times, parts = timed(lambda: g.community_multilevel(), repeats)
        out["louvain"] = {"ms": ms, "times": times, "communities": len(parts), "modularity": parts.modularity}
    if "jaccard" in wanted:
        ms, times, sims = timed(lambda: g.similarity_jaccard(pairs=pairs, loops=False), repeats)
        out["jaccard"] = {"ms": ms, "times": times, "sum": sum(sims), "nonzero": sum(1 for s in sims if s > 0)}
    return out


def run_networkx(n, edges, node, repeats, wanted):
    import networkx as nx

    def build():
        g = nx.Graph()
        g.add_nodes_from(range(n))
        g.add_edges_from(edges)
        return g

    out = {"version": nx.__version__}
    build_ms, _, g = timed(build, 1)
    out["build"] = {"ms": build_ms}
    pairs = [(node, v) for v in range(n)]
    if "pagerank" in wanted:
        ms, times, pr = timed(lambda: nx.pagerank(g, alpha=0.85, tol=1e-6), repeats)
        out["pagerank"] = {"ms": ms, "times": times, "sample": [pr[i] for i in range(min(20, n))], "sum": sum(pr.values())}
    if "louvain" in wanted:
        ms, times, parts = timed(lambda: nx.community.louvain_communities(g, seed=1), repeats)
        out["louvain"] = {
            "ms": ms,
            "times": times,
            "communities": len(parts),
            "modularity": nx.community.modularity(g, parts),
        }
    if "jaccard" in wanted:
        ms, times, sims = timed(lambda: [s for _, _, s in nx.jaccard_coefficient(g, pairs)], repeats)
        out["jaccard"] = {"ms": ms, "times": times, "sum": sum(sims), "nonzero": sum(1 for s in sims if s > 0)}
    return out


def main():
    tool, path, node, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    wanted = set(sys.argv[5:]) or {"pagerank", "louvain", "jaccard"}
    package = {"igraph": "python3-igraph", "networkx": "python3-networkx"}[tool]
    try:
        __import__(tool)
    except ImportError:
        print(f"{tool} is not installed for {sys.executable}: sudo apt-get install -y {package}", file=sys.stderr)
        sys.exit(3)
    n, edges = read_edges(path)
    run = run_igraph if tool == "igraph" else run_networkx
    print(json.dumps(run(n, edges, node, repeats, wanted)))


if __name__ == "__main__":
    main()
