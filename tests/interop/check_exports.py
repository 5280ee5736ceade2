#!/usr/bin/env python3
"""Reads Partnerkartan's exports with networkx and igraph and checks them against what the API said.

Usage: /usr/bin/python3 tests/interop/check_exports.py DIR

DIR holds one folder per case, each with graph.gexf (the default, GEXF 1.2), graph-1.3.gexf (?version=1.3),
graph.graphml, nodes.csv, edges.csv and expected.json (node and edge counts, and some nodes' and edges' attributes, as
the API gave them). Run by `npm run test:interop`, which makes them. Needs Debian's python3-networkx and
python3-igraph. The default GEXF is read with plain `networkx.read_gexf(path)`, as a researcher would; the 1.3 file
only where the installed networkx knows 1.3 (3.6 and later), which is reported. Exits 1 on any mismatch, listing each.
"""
import csv
import json
import math
import os
import sys

try:
    import igraph
    import networkx as nx
    from networkx.readwrite import gexf as nx_gexf
except ImportError as error:  # pragma: no cover - environment check
    sys.exit(f"missing {error.name}: apt-get install -y python3-networkx python3-igraph")

# networkx 3.6 added GEXF 1.3 (networkx PR #8196); Debian 12's 2.8, Ubuntu 24.04's 3.2 and Debian 13's 3.4 read only
# 1.1draft and 1.2draft. Nothing is registered here: the default file must open as it is.
READS_GEXF_13 = "1.3" in nx_gexf.GEXF.versions

problems = []
checks = 0


def check(case, reader, what, got, want, tolerance=None):
    global checks
    checks += 1
    same = (
        math.isclose(float(got), float(want), rel_tol=tolerance, abs_tol=1e-12)
        if tolerance is not None and got is not None
        else got == want
    )
    if not same:
        problems.append(f"{case}: {reader}: {what}: got {got!r}, expected {want!r}")


def check_graph(case, reader, count_nodes, count_edges, node_attr, has_edge, degree_of, expected):
    check(case, reader, "node count", count_nodes, expected["nodes"])
    check(case, reader, "edge count", count_edges, expected["edges"])
    for key, want in expected["sampleNodes"].items():
        for name in ("kind", "label", "label_en", "entity_id", "community"):
            got = node_attr(key, name)
            check(case, reader, f"{key} {name}", int(got) if name == "community" else got, want[name])
        check(case, reader, f"{key} degree attribute", int(node_attr(key, "degree")), want["degree"])
        check(case, reader, f"{key} degree counted by {reader}", degree_of(key), want["degreeInFile"])
        check(case, reader, f"{key} pagerank", node_attr(key, "pagerank"), want["pagerank"], 1e-12)
    for edge in expected["sampleEdges"]:
        check(case, reader, f"edge {edge['source']} -> {edge['target']} ({edge['relation']})", has_edge(edge), True)


def check_case(case, folder):
    with open(os.path.join(folder, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)

    # networkx, the default GEXF (1.2), and the 1.3 file where this networkx reads 1.3
    gexf_files = [("graph.gexf", "networkx read_gexf")]
    if READS_GEXF_13:
        gexf_files.append(("graph-1.3.gexf", "networkx read_gexf (1.3)"))
    for name, reader in gexf_files:
        g = nx.read_gexf(os.path.join(folder, name))
        check(case, reader, "directed", g.is_directed(), True)
        check_graph(
            case,
            reader,
            g.number_of_nodes(),
            g.number_of_edges(),
            lambda key, attr, g=g: g.nodes[key].get(attr),
            lambda e, g=g: any(d.get("relation") == e["relation"] for d in _edge_data(g, e["source"], e["target"])),
            lambda key, g=g: g.degree(key),
            expected,
        )

    # networkx, GraphML
    h = nx.read_graphml(os.path.join(folder, "graph.graphml"))
    check(case, "networkx read_graphml", "data_version", h.graph.get("data_version"), expected["dataVersion"])
    check(case, "networkx read_graphml", "licence present", bool(h.graph.get("licence")), True)
    check_graph(
        case,
        "networkx read_graphml",
        h.number_of_nodes(),
        h.number_of_edges(),
        lambda key, name: h.nodes[key].get(name),
        lambda e: any(d.get("relation") == e["relation"] for d in _edge_data(h, e["source"], e["target"])),
        lambda key: h.degree(key),
        expected,
    )

    # igraph, GraphML
    i = igraph.Graph.Read_GraphML(os.path.join(folder, "graph.graphml"))
    index = {v["id"]: v.index for v in i.vs}
    check(case, "igraph Read_GraphML", "directed", i.is_directed(), True)
    check_graph(
        case,
        "igraph Read_GraphML",
        i.vcount(),
        i.ecount(),
        lambda key, name: i.vs[index[key]][name],
        lambda e: _igraph_has_edge(i, index, e),
        lambda key: i.degree(index[key]),
        expected,
    )

    # The metrics, recomputed independently on the undirected simple view the export describes.
    if expected.get("metricsExact"):
        view = i.as_undirected(mode="collapse")
        ranks = view.pagerank(damping=0.85)
        between = nx.betweenness_centrality(nx.Graph(h.to_undirected()), normalized=True)
        for key in expected["sampleNodes"]:
            check(case, "igraph pagerank", f"{key} pagerank", ranks[index[key]], i.vs[index[key]]["pagerank"], 1e-3)
            check(case, "networkx betweenness", f"{key} betweenness", between[key], h.nodes[key]["betweenness"], 1e-6)

    # CSV, with the standard library
    with open(os.path.join(folder, "nodes.csv"), encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(folder, "edges.csv"), encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    check(case, "csv nodes.csv", "row count", len(nodes), expected["nodes"])
    check(case, "csv edges.csv", "row count", len(edges), expected["edges"])
    by_id = {row["id"]: row for row in nodes}
    for key, want in expected["sampleNodes"].items():
        check(case, "csv nodes.csv", f"{key} label", by_id[key]["label"], want["label"])
        check(case, "csv nodes.csv", f"{key} sources", by_id[key]["sources"], "|".join(s.replace("|", "%7C") for s in want["sources"]))


def _edge_data(g, source, target):
    if not g.has_edge(source, target):
        return []
    data = g.get_edge_data(source, target)
    return list(data.values()) if g.is_multigraph() else [data]


def _igraph_has_edge(i, index, e):
    s, t = index[e["source"]], index[e["target"]]
    return any(edge.target == t and edge["relation"] == e["relation"] for edge in i.es.select(_source=s))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    cases = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    for case in cases:
        check_case(case, os.path.join(root, case))
    print(f"networkx {nx.__version__}, python-igraph {igraph.__version__}: {checks} checks on {len(cases)} cases")
    if not READS_GEXF_13:
        print(f"networkx {nx.__version__} does not read GEXF 1.3 (3.6 does): graph-1.3.gexf not read")
    if problems:
        print(f"{len(problems)} mismatches:")
        for p in problems:
            print(f"  {p}")
        sys.exit(1)
    print("OK: every export reads back with matching counts and attributes")


if __name__ == "__main__":
    main()
