// SPDX-License-Identifier: GPL-3.0-or-later
// Building, freezing and querying the two large graphs of the tests: a chain
// of a million derivations and a random DAG of a million artifacts.
//   build/bench/graph-bench --benchmark_counters_tabular=true
// Counters: nodes and edges of the graph, snapshot_MiB (heap held by the
// snapshot), bytes_per_edge (the same over the edges), result (size of a
// query's answer), peak_rss_MiB, and ratio_to_raw: the median time of a
// query over the median time (thread CPU time) of the same query on a plain CSR (raw_csr.hpp),
// both measured in this process.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <ctime>

#include "model-provenance/lineage.hpp"
#include "raw_csr.hpp"
#include "synthetic.hpp"

namespace model_provenance {
namespace {

constexpr std::uint32_t million = 1'000'000;

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

void describe(benchmark::State& state, const Snapshot& graph) {
  state.counters["nodes"] = static_cast<double>(graph.node_count());
  state.counters["edges"] = static_cast<double>(num_edges(graph.graph()));
  state.counters["snapshot_MiB"] = static_cast<double>(graph.memory_bytes()) / (1 << 20);
  state.counters["bytes_per_edge"] =
      static_cast<double>(graph.memory_bytes()) / static_cast<double>(num_edges(graph.graph()));
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}

const Snapshot& chain() {
  static const auto graph = testing::make_chain(million);
  return *graph;
}

const Snapshot& dag() {
  static const auto graph = testing::make_random_dag(million, 1000, 42);
  return *graph;
}

template <typename Fill>
void build_only(benchmark::State& state, Fill fill) {
  for (auto _ : state) {
    GraphBuilder builder;
    fill(builder);
    benchmark::DoNotOptimize(builder.step_count());
    state.PauseTiming();
    builder = GraphBuilder();  // freeing is not part of building
    state.ResumeTiming();
  }
}

template <typename Fill>
void freeze_only(benchmark::State& state, Fill fill) {
  std::shared_ptr<const Snapshot> graph;
  for (auto _ : state) {
    state.PauseTiming();
    GraphBuilder builder;
    fill(builder);
    graph.reset();
    state.ResumeTiming();
    graph = builder.freeze();
  }
  describe(state, *graph);
}

void BM_ChainBuild(benchmark::State& state) {
  build_only(state, [](GraphBuilder& b) { testing::add_chain(b, million); });
}
void BM_ChainFreeze(benchmark::State& state) {
  freeze_only(state, [](GraphBuilder& b) { testing::add_chain(b, million); });
}
void BM_DagBuild(benchmark::State& state) {
  build_only(state, [](GraphBuilder& b) { testing::add_random_dag(b, million, 1000, 42); });
}
void BM_DagFreeze(benchmark::State& state) {
  freeze_only(state, [](GraphBuilder& b) { testing::add_random_dag(b, million, 1000, 42); });
}

// The plain CSR of a snapshot's structure, built once.
const raw::Csr& raw_of(const Snapshot& graph) {
  auto build = [](const Snapshot& g) {
    std::vector<std::pair<std::int32_t, std::int32_t>> edges;
    for (auto edge : boost::make_iterator_range(boost::edges(g.graph())))
      edges.emplace_back(source(edge, g.graph()), target(edge, g.graph()));
    return raw::Csr::from_edges(static_cast<std::int32_t>(g.node_count()), edges);
  };
  if (&graph == &chain()) {
    static const raw::Csr csr = build(graph);
    return csr;
  }
  static const raw::Csr csr = build(graph);
  return csr;
}

// Thread CPU time: the machines running this are shared, and wall time
// swings with their load.
double cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double median(std::vector<double> times) {
  std::sort(times.begin(), times.end());
  return times.empty() ? 0 : times[times.size() / 2];
}

// Times `run` on the snapshot and `raw_run` on its plain CSR in turn, as
// many times each (at least three), and reports the ratio of the medians.
// Taking turns, rather than all of one then all of the other, keeps a
// change in the machine's load from falling on one side only.
template <typename Query, typename RawQuery>
void query(benchmark::State& state, const Snapshot& graph, Query run, RawQuery raw_run) {
  const raw::Csr& csr = raw_of(graph);
  std::size_t result = 0, raw_result = 0;
  std::vector<double> times, raw_times;
  auto time_raw = [&] {
    const double start = cpu_seconds();
    raw_result = raw_run(csr);
    benchmark::DoNotOptimize(raw_result);
    raw_times.push_back(cpu_seconds() - start);
  };
  for (auto _ : state) {
    const double start = cpu_seconds();
    result = run(graph);
    benchmark::DoNotOptimize(result);
    times.push_back(cpu_seconds() - start);
    state.PauseTiming();
    time_raw();
    state.ResumeTiming();
  }
  while (times.size() < 3) {
    const double start = cpu_seconds();
    result = run(graph);
    benchmark::DoNotOptimize(result);
    times.push_back(cpu_seconds() - start);
    time_raw();
  }
  state.counters["result"] = static_cast<double>(result);
  state.counters["raw_result"] = static_cast<double>(raw_result);
  state.counters["ratio_to_raw"] = median(times) / median(raw_times);
  describe(state, graph);
}

NodeId deepest_of_chain() { return chain().node("w1000000"); }
NodeId last_of_dag() { return dag().node("w999999"); }

void BM_ChainAncestorsOfDeepest(benchmark::State& state) {
  query(state, chain(), [](const Snapshot& g) { return ancestors(g, deepest_of_chain()).size(); },
        [](const raw::Csr& r) { return raw::ancestors(r, deepest_of_chain()).size(); });
}
void BM_ChainDescendantsOfRoot(benchmark::State& state) {
  query(state, chain(), [](const Snapshot& g) { return descendants(g, g.node("data")).size(); },
        [](const raw::Csr& r) { return raw::descendants(r, chain().node("data")).size(); });
}
void BM_ChainPathRootToDeepest(benchmark::State& state) {
  query(state, chain(), [](const Snapshot& g) {
    return derivation_path(g, g.node("data"), deepest_of_chain())->size();
  },
        [](const raw::Csr& r) { return raw::path(r, chain().node("data"), deepest_of_chain()).size(); });
}
void BM_ChainRoots(benchmark::State& state) {
  query(state, chain(), [](const Snapshot& g) { return lineage_roots(g, deepest_of_chain()).size(); },
        [](const raw::Csr& r) { return raw::roots(r, deepest_of_chain()).size(); });
}
void BM_ChainDerivationOrder(benchmark::State& state) {
  query(state, chain(), [](const Snapshot& g) {
    return lineage_in_derivation_order(g, deepest_of_chain()).size();
  },
        [](const raw::Csr& r) { return raw::derivation_order(r, deepest_of_chain()).size(); });
}
void BM_ChainDominators(benchmark::State& state) {
  query(state, chain(), [](const Snapshot& g) { return dominators(g, deepest_of_chain()).size(); },
        [](const raw::Csr& r) { return raw::dominators(r, deepest_of_chain()).size(); });
}
void BM_ChainTopologicalOrder(benchmark::State& state) {
  query(state, chain(), [](const Snapshot& g) { return topological_order(g).size(); },
        [](const raw::Csr& r) { return raw::topological_order(r).size(); });
}
void BM_ChainStrongComponents(benchmark::State& state) {
  query(state, chain(), [](const Snapshot& g) { return strongly_connected_components(g).count; },
        [](const raw::Csr& r) { std::vector<std::int32_t> c; return static_cast<std::size_t>(raw::strong_components(r, c)); });
}

void BM_DagAncestorsOfLast(benchmark::State& state) {
  query(state, dag(), [](const Snapshot& g) { return ancestors(g, last_of_dag()).size(); },
        [](const raw::Csr& r) { return raw::ancestors(r, last_of_dag()).size(); });
}
void BM_DagDescendantsOfRoot(benchmark::State& state) {
  query(state, dag(), [](const Snapshot& g) { return descendants(g, g.node("d7")).size(); },
        [](const raw::Csr& r) { return raw::descendants(r, dag().node("d7")).size(); });
}
// The first root of the last artifact's lineage: a long path to it.
NodeId root_of_last() {
  static const NodeId root = lineage_roots(dag(), last_of_dag()).front();
  return root;
}
void BM_DagPathRootToLast(benchmark::State& state) {
  query(state, dag(), [](const Snapshot& g) {
    return derivation_path(g, root_of_last(), last_of_dag())->size();
  }, [](const raw::Csr& r) { return raw::path(r, root_of_last(), last_of_dag()).size(); });
}
void BM_DagRoots(benchmark::State& state) {
  query(state, dag(), [](const Snapshot& g) { return lineage_roots(g, last_of_dag()).size(); },
        [](const raw::Csr& r) { return raw::roots(r, last_of_dag()).size(); });
}
void BM_DagDerivationOrder(benchmark::State& state) {
  query(state, dag(), [](const Snapshot& g) {
    return lineage_in_derivation_order(g, last_of_dag()).size();
  },
        [](const raw::Csr& r) { return raw::derivation_order(r, last_of_dag()).size(); });
}
void BM_DagDominators(benchmark::State& state) {
  query(state, dag(), [](const Snapshot& g) { return dominators(g, last_of_dag()).size(); },
        [](const raw::Csr& r) { return raw::dominators(r, last_of_dag()).size(); });
}
void BM_DagTopologicalOrder(benchmark::State& state) {
  query(state, dag(), [](const Snapshot& g) { return topological_order(g).size(); },
        [](const raw::Csr& r) { return raw::topological_order(r).size(); });
}
void BM_DagStrongComponents(benchmark::State& state) {
  query(state, dag(), [](const Snapshot& g) { return strongly_connected_components(g).count; },
        [](const raw::Csr& r) { std::vector<std::int32_t> c; return static_cast<std::size_t>(raw::strong_components(r, c)); });
}
void BM_DagFindById(benchmark::State& state) {
  std::size_t result = 0;
  for (auto _ : state) {
    result = *dag().find("w123456");
    benchmark::DoNotOptimize(result);
  }
  describe(state, dag());
}

constexpr auto ms = benchmark::kMillisecond;
BENCHMARK(BM_ChainBuild)->Unit(ms)->Iterations(3);
BENCHMARK(BM_ChainFreeze)->Unit(ms)->Iterations(3);
BENCHMARK(BM_ChainAncestorsOfDeepest)->Unit(ms);
BENCHMARK(BM_ChainDescendantsOfRoot)->Unit(ms);
BENCHMARK(BM_ChainPathRootToDeepest)->Unit(ms);
BENCHMARK(BM_ChainRoots)->Unit(ms);
BENCHMARK(BM_ChainDerivationOrder)->Unit(ms);
BENCHMARK(BM_ChainDominators)->Unit(ms);
BENCHMARK(BM_ChainTopologicalOrder)->Unit(ms);
BENCHMARK(BM_ChainStrongComponents)->Unit(ms);
BENCHMARK(BM_DagBuild)->Unit(ms)->Iterations(3);
BENCHMARK(BM_DagFreeze)->Unit(ms)->Iterations(3);
BENCHMARK(BM_DagAncestorsOfLast)->Unit(ms);
BENCHMARK(BM_DagDescendantsOfRoot)->Unit(ms);
BENCHMARK(BM_DagPathRootToLast)->Unit(ms);
BENCHMARK(BM_DagRoots)->Unit(ms);
BENCHMARK(BM_DagDerivationOrder)->Unit(ms);
BENCHMARK(BM_DagDominators)->Unit(ms);
BENCHMARK(BM_DagTopologicalOrder)->Unit(ms);
BENCHMARK(BM_DagStrongComponents)->Unit(ms);
BENCHMARK(BM_DagFindById);

}  // namespace
}  // namespace model_provenance

BENCHMARK_MAIN();
