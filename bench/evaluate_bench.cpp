// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluating every weights artifact of a Hugging Face-scale model hub:
// 2,000,000 artifacts (see make_model_hub).  Target: under 2 s and 1 GiB on
// one core.
//   build-release/bench/evaluate-bench --benchmark_counters_tabular=true
// Counters: artifacts, steps, edges (all step inputs and outputs),
// derivation_edges (inputs other than software), snapshot_MiB,
// evaluation_peak_MiB (resident memory the evaluation adds at its peak),
// and how many weights got each verdict; evaluate_ms (median CPU time of
// one evaluation), raw_dp_ms (median of the raw DP pass of raw_dp.hpp over
// the same graph, run between the evaluations) and ratio_to_raw_dp (their
// quotient: the goal of issue 15 is at most 1.5).
//
// The evaluator does more than the raw pass: it reads every artifact's and
// step's record, judges licenses, availability and backends, checks that
// the order of addition is an order of derivation, marks weights derived
// from non-free ones, and keeps what evaluate() needs; like the raw pass it
// runs both passes (optimistic and definite) and one summary per weights
// artifact.  It hides part of the wait for randomly placed input costs by
// prefetching the inputs of a step some steps ahead, which the plain raw
// pass does not: raw_dp_prefetch_ms (and ratio_to_raw_dp_prefetch) time
// the raw pass prefetching the same way, the floor for an evaluator that
// does so.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <map>
#include <string>

#include "model-provenance/evaluate.hpp"
#include "raw_dp.hpp"
#include "synthetic.hpp"

namespace model_provenance {
namespace {

// Resident and peak resident memory, in MiB, from /proc/self/status.
double status_mib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind(field + ":", 0) == 0) return std::stod(line.substr(field.size() + 1)) / 1024.0;
  return 0;
}

// Makes VmHWM restart from the current resident size (Linux clear_refs).
void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

const std::shared_ptr<const Snapshot>& hub() {
  static const auto graph = testing::make_model_hub(2'000'000, 7);
  return graph;
}

void BM_EvaluateModelHub(benchmark::State& state) {
  const auto& graph = hub();
  const HardwareProfile& hardware = *find_hardware_profile("desktop-amd-gpu", builtin_hardware_profiles());
  std::vector<VerdictSummary> verdicts;
  double added_peak = 0;
  const auto raw = bench::RawGraph::from(*graph);
  std::vector<double> evaluate_ms, raw_ms, raw_prefetch_ms;
  // CPU time of this thread: the machine may be shared.
  struct clock {
    static double now() {
      timespec t{};
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
      return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
    }
  };
  auto ms_since = [](double start) { return clock::now() - start; };
  for (auto _ : state) {
    state.PauseTiming();
    verdicts.clear();
    verdicts.shrink_to_fit();
    const double before = status_mib("VmRSS");
    reset_peak();
    state.ResumeTiming();
    const auto start = clock::now();
    {
      Evaluator evaluator(graph, default_policy(), hardware);
      verdicts = evaluator.evaluate_all();
    }
    evaluate_ms.push_back(ms_since(start));
    state.PauseTiming();
    added_peak = std::max(added_peak, status_mib("VmHWM") - before);
    {
      const auto raw_start = clock::now();
      const auto summaries = raw.run();
      benchmark::DoNotOptimize(summaries.data());
      raw_ms.push_back(ms_since(raw_start));
    }
    {
      const auto raw_start = clock::now();
      const auto summaries = raw.run(16);  // as far ahead as the evaluator asks
      benchmark::DoNotOptimize(summaries.data());
      raw_prefetch_ms.push_back(ms_since(raw_start));
    }
    state.ResumeTiming();
  }
  std::size_t derivation_edges = 0;
  for (NodeId s = static_cast<NodeId>(graph->artifact_count()); s < graph->node_count(); ++s)
    for (const auto& input : graph->inputs(s)) derivation_edges += input.role != InputRole::software;
  state.counters["artifacts"] = static_cast<double>(graph->artifact_count());
  state.counters["steps"] = static_cast<double>(graph->step_count());
  state.counters["edges"] = static_cast<double>(num_edges(graph->graph()));
  state.counters["derivation_edges"] = static_cast<double>(derivation_edges);
  state.counters["snapshot_MiB"] = static_cast<double>(graph->memory_bytes()) / (1 << 20);
  state.counters["evaluation_peak_MiB"] = added_peak;
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
  };
  state.counters["evaluate_ms"] = median(evaluate_ms);
  state.counters["raw_dp_ms"] = median(raw_ms);
  state.counters["ratio_to_raw_dp"] = median(evaluate_ms) / median(raw_ms);
  state.counters["raw_dp_prefetch_ms"] = median(raw_prefetch_ms);
  state.counters["ratio_to_raw_dp_prefetch"] = median(evaluate_ms) / median(raw_prefetch_ms);
  std::map<VerdictKind, double> counts;
  for (const auto& verdict : verdicts) ++counts[verdict.kind];
  for (const auto& [kind, count] : counts) state.counters[std::string(to_string(kind))] = count;
}

BENCHMARK(BM_EvaluateModelHub)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace model_provenance

BENCHMARK_MAIN();
