// SPDX-License-Identifier: GPL-3.0-or-later
// The Hub reader, the license lineage of 2 million models, and the
// model-card reader.
//   build/bench/hub-bench --benchmark_counters_tabular=true
// A synthetic hub of 2 million models (tests/support/hub_synthetic.hpp;
// MP_HUB_MODELS overrides the count) is written once to a temporary file,
// untimed.  Counters: bytes_per_second (the reader's MB/s), models,
// offending (models flagged), peak_rss_MiB (getrusage, the whole
// process: run one benchmark alone with --benchmark_filter for its own).
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hub_synthetic.hpp"
#include "model-provenance/interchange/huggingface.hpp"
#include "model-provenance/interchange/hub.hpp"

namespace model_provenance {
namespace {

using namespace interchange;

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

struct HubFile {
  std::filesystem::path path;
  testing::SyntheticHubStats stats;
  HubFile() {
    std::uint64_t models = 2'000'000;
    if (const char* n = std::getenv("MP_HUB_MODELS")) models = std::strtoull(n, nullptr, 10);
    path = std::filesystem::temp_directory_path() /
           ("mp-hub-bench-" + std::to_string(::getpid()) + ".jsonl");
    std::ofstream out(path, std::ios::binary);
    stats = testing::write_synthetic_hub(out, models, 42);
  }
  ~HubFile() { std::filesystem::remove(path); }
};

const HubFile& hub_file() {
  static const HubFile file;
  return file;
}

void BM_HubRead(benchmark::State& state) {
  const auto& file = hub_file();
  std::uint64_t models = 0;
  for (auto _ : state) {
    std::ifstream in(file.path, std::ios::binary);
    models = 0;
    read_hub_lines(in, file.path.string(), [&](const HubRecord&) { ++models; });
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.stats.bytes));
  state.counters["models"] = static_cast<double>(models);
  state.counters["file_MiB"] = static_cast<double>(file.stats.bytes) / (1 << 20);
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}

// Reading every line and judging the license lineage of every model: the
// issue's budget is under 10 s and 2 GiB for 2 million models.
void BM_HubLicenseLineage(benchmark::State& state) {
  const auto& file = hub_file();
  LineageReport report;
  std::size_t lineage_bytes = 0;
  for (auto _ : state) {
    std::ifstream in(file.path, std::ios::binary);
    HubLineage lineage;
    read_hub_lines(in, file.path.string(), [&](const HubRecord& record) { lineage.add(record); });
    lineage_bytes = lineage.memory_bytes();
    report = lineage.run();
  }
  if (report.offending.size() != file.stats.offending)
    state.SkipWithError("the lineage found other offenders than the generator made");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.stats.bytes));
  state.counters["models"] = static_cast<double>(report.models);
  state.counters["offending"] = static_cast<double>(report.offending.size());
  state.counters["undetermined"] = static_cast<double>(report.undetermined);
  state.counters["missing"] = static_cast<double>(report.missing.size());
  state.counters["lineage_MiB"] = static_cast<double>(lineage_bytes) / (1 << 20);
  state.counters["peak_rss_MiB"] = peak_rss_mib();
}

void BM_ModelCard(benchmark::State& state) {
  std::vector<std::string> cards;
  std::uint64_t bytes = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(MP_TEST_DATA) + "/huggingface")) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    cards.push_back(text.str());
    bytes += cards.back().size();
  }
  for (auto _ : state)
    for (const auto& card : cards) benchmark::DoNotOptimize(read_model_card(card, "README.md", "a/b"));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["cards"] = static_cast<double>(cards.size());
}

BENCHMARK(BM_HubRead)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_HubLicenseLineage)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_ModelCard)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace model_provenance

BENCHMARK_MAIN();
