// SPDX-License-Identifier: GPL-3.0-or-later
// Exports one of the large test graphs as an edge list and times the
// project's lineage queries on it, for bench/peers.py:
//   build-release/bench/export-graph chain|dag EDGES [REPEAT]
// chain: make_chain(1e6); dag: make_random_dag(1e6, 1000, 42).  EDGES gets
// a first line "nodes N" and then one "SOURCE TARGET" line per edge, in the
// snapshot's node numbers (artifacts, then steps; an artifact an edge
// enters is made by the step it leaves).  Standard output gets one JSON
// object: the query nodes and, per query, the median of REPEAT runs
// (default 5) in milliseconds and the size of its answer.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "model-provenance/lineage.hpp"
#include "synthetic.hpp"

using namespace model_provenance;

namespace {

struct Timed {
  std::string name;
  double median_ms;
  std::size_t size;
};

Timed time_query(const std::string& name, int repeat, const std::function<std::size_t()>& query) {
  std::vector<double> ms;
  std::size_t size = 0;
  for (int i = 0; i < repeat; ++i) {
    const auto start = std::chrono::steady_clock::now();
    size = query();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return {name, ms[ms.size() / 2], size};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || (std::string(argv[1]) != "chain" && std::string(argv[1]) != "dag")) {
    std::fprintf(stderr, "usage: %s chain|dag EDGES [REPEAT]\n", argv[0]);
    return 2;
  }
  const bool chain = std::string(argv[1]) == "chain";
  const int repeat = argc > 3 ? std::max(1, std::stoi(argv[3])) : 5;
  const auto snapshot = chain ? testing::make_chain(1'000'000) : testing::make_random_dag(1'000'000, 1000, 42);
  const Snapshot& g = *snapshot;
  const auto& structure = g.graph();

  std::FILE* out = std::fopen(argv[2], "w");
  if (!out) {
    std::perror(argv[2]);
    return 1;
  }
  fmt::print(out, "nodes {}\n", g.node_count());
  std::string buffer;
  for (NodeId u = 0; u < g.node_count(); ++u)
    for (auto edge : boost::make_iterator_range(out_edges(u, structure))) {
      fmt::format_to(std::back_inserter(buffer), "{} {}\n", u, target(edge, structure));
      if (buffer.size() > (1 << 20)) {
        std::fwrite(buffer.data(), 1, buffer.size(), out);
        buffer.clear();
      }
    }
  std::fwrite(buffer.data(), 1, buffer.size(), out);
  if (std::fclose(out) != 0) {
    std::perror(argv[2]);
    return 1;
  }

  // The nodes graph-bench queries; the DAG's path starts from a root of the
  // last artifact's lineage, so that one exists.
  const NodeId target = g.node(chain ? "w1000000" : "w999999");
  const NodeId descendants_from = g.node(chain ? "data" : "d7");
  const NodeId path_from = chain ? g.node("data") : lineage_roots(g, target).front();

  std::vector<Timed> times;
  times.push_back(time_query("ancestors", repeat, [&] { return ancestors(g, target).size(); }));
  times.push_back(time_query("descendants", repeat, [&] { return descendants(g, descendants_from).size(); }));
  times.push_back(time_query("path", repeat, [&] {
    const auto path = derivation_path(g, path_from, target);
    return path ? path->size() : 0;
  }));
  times.push_back(time_query("topological_order", repeat, [&] { return topological_order(g).size(); }));
  times.push_back(time_query("scc", repeat, [&] { return std::size_t{strongly_connected_components(g).count}; }));
  times.push_back(time_query("dominators", repeat, [&] { return dominators(g, target).size(); }));

  fmt::print("{{\"graph\": \"{}\", \"nodes\": {}, \"edges\": {}, \"target\": {}, \"descendants_from\": {}, "
             "\"path_from\": {}, \"repeat\": {}, \"queries\": {{",
             argv[1], g.node_count(), num_edges(structure), target, descendants_from, path_from, repeat);
  for (std::size_t i = 0; i < times.size(); ++i)
    fmt::print("{}\"{}\": {{\"ms\": {:.3f}, \"size\": {}}}", i ? ", " : "", times[i].name, times[i].median_ms,
               times[i].size);
  fmt::print("}}}}\n");
  return 0;
}
