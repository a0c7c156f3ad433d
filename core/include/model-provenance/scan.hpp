// SPDX-License-Identifier: GPL-3.0-or-later
// Finding trained weights inside an unpacked source tree: model files by
// their names, and weights compiled into C and C++ sources as large
// initialized numeric arrays.  Nothing is executed or decoded; every file
// is read at most once, up to a size limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace model_provenance {

struct ScanOptions {
  // Arrays named like weights (or in a file generated from a model) count
  // from this size, and are weights when a file has this many values in
  // all; other arrays are listed as tables from MIN_ARRAY_VALUES.
  std::size_t min_learned_array_values = 16;
  std::size_t min_weights_values = 256;
  std::size_t min_array_values = 2048;
  // String literals holding this many bytes of base64 or hexadecimal text
  // are listed as an embedded blob, which serialized models often are.
  std::size_t min_blob_bytes = 32 * 1024;
  // Larger files are listed as skipped, not read.
  std::uintmax_t max_file_bytes = std::uintmax_t{256} << 20;
  // Directories deeper than this are not entered (a guard against loops
  // and hostile trees; symbolic links are never followed).
  std::size_t max_depth = 64;
};

struct ScanFinding {
  std::string path;    // relative to the scanned root
  // A model format ("onnx", "tflite"...); "c-weights", arrays of a C or
  // C++ file named like weights; "c-table", a large array of numbers that
  // is not; "c-blob", encoded data in string literals; or "skipped".
  std::string kind;
  std::string detail;  // e.g. "12 arrays named like weights, 40960 values (such as ...)"
  std::uintmax_t bytes = 0;
  std::size_t values = 0;  // for c-weights and c-table: how many numbers
  bool in_tests = false;    // under a test directory: test data, seldom installed
};

// Scans ROOT (a directory, or one file) and returns the findings in path
// order.  Throws Error (invalid_value, field "path") when ROOT cannot be
// read; unreadable entries below it are listed as skipped.
std::vector<ScanFinding> scan_source_tree(const std::filesystem::path& root, const ScanOptions& = {});

// The findings in the text of one C or C++ source file (c-weights,
// c-table, c-blob), PATH naming it in them.
std::vector<ScanFinding> scan_source_text(const std::string& path, std::string_view text,
                                          const ScanOptions& = {});

// The arrays of one C or C++ source text with at least MIN_VALUES numbers:
// (declaration, count) pairs.  Exposed for tests.
std::vector<std::pair<std::string, std::size_t>> numeric_arrays(std::string_view source,
                                                                std::size_t min_values);

}  // namespace model_provenance
