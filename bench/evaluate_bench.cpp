// SPDX-License-Identifier: GPL-3.0-or-later
// Evaluating every weights artifact of a Hugging Face-scale model hub:
// 2,000,000 artifacts (see make_model_hub).  Target: under 2 s and 1 GiB on
// one core.
//   build-release/bench/evaluate-bench --benchmark_counters_tabular=true
// Counters: artifacts, steps, edges (all step inputs and outputs),
// derivation_edges (inputs other than software), snapshot_MiB,
// evaluation_peak_MiB (resident memory the evaluation adds at its peak),
// and how many weights got each verdict.
#include <benchmark/benchmark.h>

#include <fstream>
#include <map>
#include <string>

#include "model-provenance/evaluate.hpp"
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
  for (auto _ : state) {
    state.PauseTiming();
    verdicts.clear();
    verdicts.shrink_to_fit();
    const double before = status_mib("VmRSS");
    reset_peak();
    state.ResumeTiming();
    {
      Evaluator evaluator(graph, default_policy(), hardware);
      verdicts = evaluator.evaluate_all();
    }
    state.PauseTiming();
    added_peak = std::max(added_peak, status_mib("VmHWM") - before);
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
  std::map<VerdictKind, double> counts;
  for (const auto& verdict : verdicts) ++counts[verdict.kind];
  for (const auto& [kind, count] : counts) state.counters[std::string(to_string(kind))] = count;
}

BENCHMARK(BM_EvaluateModelHub)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace model_provenance

BENCHMARK_MAIN();
