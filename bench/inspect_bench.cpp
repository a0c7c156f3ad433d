// SPDX-License-Identifier: GPL-3.0-or-later
// inspect over a mixed directory of 1,000 weights files, reading headers
// only and then hashing too; SHA-256 against sha256sum on one large file.
//   build/bench/inspect-bench --benchmark_counters_tabular=true
// The directory (untimed setup) holds copies of every seed file of the
// inspect fuzz targets (a few of each format, with their real layouts),
// the fastText model of tests/data/weights, and Debian's real weights
// files where installed (eng.traineddata, OpenCV cascades, the
// PocketSphinx model, gnubg.wd under MP_REAL_WEIGHTS_DIR), round-robin.
// MP_INSPECT_FILES overrides 1,000; MP_HASH_MIB the large file's size.
// The page cache is warm: after the first iteration every file is in
// memory, so the hashing figure is the digest's speed, not the disk's.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "model-provenance/inspect.hpp"

namespace model_provenance::inspect {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> samples() {
  std::vector<fs::path> found;
  const fs::path corpus = fs::path(MP_SOURCE_DIR) / "tests/fuzz/corpus";
  for (const auto& dir : fs::directory_iterator(corpus))
    if (dir.path().filename().string().rfind("inspect_", 0) == 0)
      for (const auto& file : fs::directory_iterator(dir.path()))
        if (file.path().filename().string().rfind("crash-", 0) != 0) found.push_back(file.path());
  found.push_back(fs::path(MP_SOURCE_DIR) / "tests/data/weights/sentiment-demo-fasttext.bin");
  std::vector<fs::path> debian = {"/usr/share/tesseract-ocr/5/tessdata/eng.traineddata",
                                  "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml",
                                  "/usr/share/opencv4/lbpcascades/lbpcascade_frontalface.xml"};
  for (const char* name : {"means", "variances", "mdef", "sendump", "transition_matrices", "feat.params", "README"})
    debian.push_back(fs::path("/usr/share/pocketsphinx/model/en-us/en-us") / name);
  if (const char* dir = std::getenv("MP_REAL_WEIGHTS_DIR")) debian.push_back(fs::path(dir) / "usr/lib/gnubg/gnubg.wd");
  for (const auto& file : debian)
    if (fs::is_regular_file(file)) found.push_back(file);
  std::sort(found.begin(), found.end());
  return found;
}

struct MixedDirectory {
  fs::path root;
  std::size_t files = 0;
  std::uint64_t bytes = 0;
  MixedDirectory() {
    std::size_t wanted = 1000;
    if (const char* n = std::getenv("MP_INSPECT_FILES")) wanted = std::strtoull(n, nullptr, 10);
    root = fs::temp_directory_path() / ("mp-inspect-bench-" + std::to_string(::getpid()));
    fs::create_directories(root);
    const auto from = samples();
    for (std::size_t i = 0; i < wanted; ++i) {
      const auto& sample = from[i % from.size()];
      // Each copy in a directory of its own, under its own name: several
      // formats are known by name (feat.params, README, mdef).
      const auto dir = root / std::to_string(i);
      fs::create_directories(dir);
      fs::copy_file(sample, dir / sample.filename());
      bytes += fs::file_size(sample);
    }
    files = wanted;
  }
  ~MixedDirectory() { fs::remove_all(root); }
};

MixedDirectory& mixed() {
  static MixedDirectory directory;
  return directory;
}

void run_directory(benchmark::State& state, bool hash) {
  auto& directory = mixed();
  Options options;
  options.hash = hash;
  std::map<std::string, std::size_t> formats;
  std::size_t errors = 0;
  for (auto _ : state) {
    formats.clear();
    errors = 0;
    inspect_paths({directory.root}, options, [&](const Inspection& i) {
      ++formats[i.format];
      if (i.error) ++errors;
    });
  }
  state.counters["files"] = static_cast<double>(directory.files);
  state.counters["formats"] = static_cast<double>(formats.size());
  state.counters["unknown"] = static_cast<double>(formats["unknown"]);
  state.counters["errors"] = static_cast<double>(errors);
  state.counters["files_per_second"] =
      benchmark::Counter(static_cast<double>(directory.files), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["MiB"] = static_cast<double>(directory.bytes) / (1 << 20);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * directory.bytes));
}

void BM_InspectMixedDirectoryHeaders(benchmark::State& state) { run_directory(state, false); }
void BM_InspectMixedDirectoryHashed(benchmark::State& state) { run_directory(state, true); }
BENCHMARK(BM_InspectMixedDirectoryHeaders)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_InspectMixedDirectoryHashed)->Unit(benchmark::kMillisecond)->UseRealTime();

struct LargeFile {
  fs::path path;
  std::uint64_t bytes = 0;
  LargeFile() {
    std::uint64_t mib = 512;
    if (const char* n = std::getenv("MP_HASH_MIB")) mib = std::strtoull(n, nullptr, 10);
    path = fs::temp_directory_path() / ("mp-hash-bench-" + std::to_string(::getpid()));
    std::ofstream out(path, std::ios::binary);
    std::mt19937_64 random(42);
    std::vector<std::uint64_t> block(1 << 17);
    for (std::uint64_t written = 0; written < mib; ++written) {
      for (auto& word : block) word = random();
      out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(block.size() * 8));
    }
    bytes = mib << 20;
  }
  ~LargeFile() { fs::remove(path); }
};

LargeFile& large() {
  static LargeFile file;
  return file;
}

void BM_Sha256File(benchmark::State& state) {
  auto& file = large();
  for (auto _ : state) benchmark::DoNotOptimize(sha256_file(file.path));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.bytes));
}
BENCHMARK(BM_Sha256File)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same file through coreutils' sha256sum, as the yardstick.
void BM_Sha256sumCommand(benchmark::State& state) {
  auto& file = large();
  const std::string command = "sha256sum " + file.path.string() + " >/dev/null";
  for (auto _ : state)
    if (std::system(command.c_str()) != 0) state.SkipWithError("sha256sum failed");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.bytes));
}
BENCHMARK(BM_Sha256sumCommand)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace model_provenance::inspect

BENCHMARK_MAIN();
