#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The project's lineage queries against NetworkX and python-igraph.

How to run it (from the source tree, after a Release build of export-graph):

    apt-get install -y python3-networkx python3-igraph   # Debian's packages
    cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DMP_BUILD_TESTS=OFF -DMP_BUILD_DOC=OFF
    cmake --build build-release -j2 --target export-graph
    /usr/bin/python3 bench/peers.py [--build build-release] [--repeat 3] [--graphs chain,dag] [--keep DIR]

For each graph, make_chain(1e6) and make_random_dag(1e6, 1000, 42) of
tests/support, build-release/bench/export-graph writes the snapshot's edge
list (node numbers of the snapshot: artifacts, then steps) and prints the
median time of the project's own query on that same snapshot, in C++.  This
script then loads the edge list into NetworkX (DiGraph) and igraph (Graph,
directed), runs the same queries from the same nodes, and prints for each
the median time (of --repeat runs), the size of the answer, and the ratios
peer / project (above 1: the project is faster).

The queries, and what stands for them in each library:
  ancestors          ancestors(target)         nx.ancestors           Graph.subcomponent(mode="in")
  descendants        descendants(from)         nx.descendants         Graph.subcomponent(mode="out")
  path               derivation_path(from, t)  nx.shortest_path       Graph.get_shortest_paths
  topological_order  topological_order()       nx.topological_sort    Graph.topological_sorting
  scc                strongly_connected_comp.  nx.number_strongly_... Graph.connected_components("strong")
  dominators         dominators(target)        nx.immediate_dominators  Graph.dominator
For dominators, the libraries compute immediate dominators from one root:
the script adds a virtual root with an edge to every node nothing enters
(the lineage's roots are among them) and walks the immediate dominators up
from the target; nodes listed exclude the target and the virtual root,
which is what the project's dominators() lists.  The virtual root is added
once, outside the timing.  Answer sizes are printed so that a difference in
meaning shows; ancestors and descendants exclude the start node everywhere.

Run it with Debian's own Python (/usr/bin/python3), which sees the Debian
packages; another python3 on the PATH (pyenv, a venv) may not.

Loading the graphs into NetworkX takes a few GiB of memory and a minute or
two; nothing here is part of the build or of the tests.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

QUERIES = ["ancestors", "descendants", "path", "topological_order", "scc", "dominators"]


def need_modules():
    missing = []
    try:
        import networkx  # noqa: F401
    except ImportError:
        missing.append("python3-networkx")
    try:
        import igraph  # noqa: F401
    except ImportError:
        missing.append("python3-igraph")
    if missing:
        sys.exit("peers.py needs NetworkX and python-igraph; on Debian: apt-get install -y "
                 + " ".join(missing) + f"\n(and run it with /usr/bin/python3; this is {sys.executable})")


def timed(repeat, query):
    times, size = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        size = query()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), size


def read_edges(path):
    with open(path) as f:
        nodes = int(f.readline().split()[1])
        edges = [tuple(map(int, line.split())) for line in f]
    return nodes, edges


def networkx_queries(nodes, edges, meta):
    import networkx as nx
    g = nx.DiGraph()
    g.add_nodes_from(range(nodes))
    g.add_edges_from(edges)
    root = nodes  # the virtual root of the dominator query
    rooted = g.copy()
    rooted.add_edges_from((root, v) for v in range(nodes) if g.in_degree(v) == 0)
    t, d, p = meta["target"], meta["descendants_from"], meta["path_from"]

    def dominators():
        idom = nx.immediate_dominators(rooted, root)
        node, chain = idom[t], []
        while node != root:
            chain.append(node)
            node = idom[node]
        return len(chain)

    return {
        "ancestors": lambda: len(nx.ancestors(g, t)),
        "descendants": lambda: len(nx.descendants(g, d)),
        "path": lambda: len(nx.shortest_path(g, p, t)),
        "topological_order": lambda: len(list(nx.topological_sort(g))),
        "scc": lambda: nx.number_strongly_connected_components(g),
        "dominators": dominators,
    }


def igraph_queries(nodes, edges, meta):
    import igraph as ig
    g = ig.Graph(n=nodes, edges=edges, directed=True)
    root = nodes
    indegree = g.indegree()
    rooted = ig.Graph(n=nodes + 1, edges=edges + [(root, v) for v in range(nodes) if indegree[v] == 0],
                      directed=True)
    t, d, p = meta["target"], meta["descendants_from"], meta["path_from"]

    def dominators():
        idom = rooted.dominator(root, mode="out")
        node, chain = idom[t], []
        while node != root and node >= 0:
            chain.append(node)
            node = idom[node]
        return len(chain)

    return {
        # subcomponent includes the start node; the project's answer does not.
        "ancestors": lambda: len(g.subcomponent(t, mode="in")) - 1,
        "descendants": lambda: len(g.subcomponent(d, mode="out")) - 1,
        "path": lambda: len(g.get_shortest_paths(p, to=t, mode="out", output="vpath")[0]),
        "topological_order": lambda: len(g.topological_sorting(mode="out")),
        "scc": lambda: len(g.connected_components(mode="strong")),
        "dominators": dominators,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default="build-release", help="CMake build tree with bench/export-graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (median reported)")
    parser.add_argument("--graphs", default="chain,dag", help="comma-separated: chain, dag")
    parser.add_argument("--keep", help="directory to keep the edge lists in (default: a temporary one)")
    args = parser.parse_args()
    need_modules()
    exporter = os.path.join(args.build, "bench", "export-graph")
    if not os.access(exporter, os.X_OK):
        sys.exit(f"{exporter} not found: cmake --build {args.build} --target export-graph")
    workdir = args.keep or tempfile.mkdtemp(prefix="mp-peers-")
    os.makedirs(workdir, exist_ok=True)
    rows = []
    try:
        for graph in args.graphs.split(","):
            edges_path = os.path.join(workdir, f"{graph}.edges")
            meta = json.loads(subprocess.run([exporter, graph, edges_path, str(max(args.repeat, 3))],
                                             check=True, capture_output=True, text=True).stdout)
            nodes, edges = read_edges(edges_path)
            print(f"{graph}: {nodes} nodes, {len(edges)} edges", file=sys.stderr)
            peers = {}
            for name, make in [("networkx", networkx_queries), ("igraph", igraph_queries)]:
                start = time.perf_counter()
                queries = make(nodes, edges, meta)
                print(f"  {name}: loaded in {time.perf_counter() - start:.1f} s", file=sys.stderr)
                peers[name] = {q: timed(args.repeat, queries[q]) for q in QUERIES}
                del queries
            for q in QUERIES:
                ours = meta["queries"][q]
                rows.append((graph, q, ours["ms"], ours["size"], *peers["networkx"][q], *peers["igraph"][q]))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    header = ("graph", "query", "project ms", "size", "networkx ms", "size", "igraph ms", "size",
              "nx/project", "igraph/project")
    print(("{:<6} {:<18} " + "{:>12} " * 8).format(*header).rstrip())
    for graph, q, ms, size, nx_ms, nx_size, ig_ms, ig_size in rows:
        print(f"{graph:<6} {q:<18} {ms:>12.2f} {size:>12} {nx_ms:>12.2f} {nx_size:>12} {ig_ms:>12.2f} "
              f"{ig_size:>12} {nx_ms / ms:>12.1f} {ig_ms / ms:>12.1f}")


if __name__ == "__main__":
    main()
