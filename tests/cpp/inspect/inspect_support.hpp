// SPDX-License-Identifier: GPL-3.0-or-later
// What the inspect tests share: test files, and looking up facts.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../interchange/test_support.hpp"
#include "model-provenance/inspect.hpp"

namespace model_provenance::inspect {

inline std::filesystem::path test_weights(const std::string& name) {
  return std::filesystem::path(MP_TEST_DATA) / "weights" / name;
}

// A file's bytes, read as the interchange tests read documents.
using interchange::testing::slurp;

// A real weights file a Debian package installs (tesseract-ocr-eng,
// opencv-data, pocketsphinx-en-us; gnubg's is unpacked by
// build-aux/real-weights, which sets MP_REAL_WEIGHTS_DIR).  Absent, the
// test is skipped, unless MP_REQUIRE_REAL_WEIGHTS is set, as .ci/run sets
// it: then a missing file fails.  Use as
//   const auto path = real_weights("/usr/share/...");
//   if (!path) return;
inline std::optional<std::filesystem::path> real_weights(const std::filesystem::path& debian_path) {
  std::vector<std::filesystem::path> candidates;
  if (const char* dir = std::getenv("MP_REAL_WEIGHTS_DIR"))
    candidates.push_back(std::filesystem::path(dir) / debian_path.relative_path());
  candidates.push_back(debian_path);
  for (const auto& candidate : candidates)
    if (std::filesystem::is_regular_file(candidate)) return candidate;
  if (std::getenv("MP_REQUIRE_REAL_WEIGHTS") != nullptr)
    ADD_FAILURE() << debian_path << " is missing: run build-aux/real-weights";
  else
    GTEST_LOG_(INFO) << "skipped: " << debian_path << " is missing (build-aux/real-weights installs it)";
  return std::nullopt;
}

// The value of the first fact named KEY, or "(absent)".
inline std::string fact(const Inspection& result, const std::string& key) {
  for (const auto& f : result.facts)
    if (f.key == key) return f.value;
  return "(absent)";
}

}  // namespace model_provenance::inspect
