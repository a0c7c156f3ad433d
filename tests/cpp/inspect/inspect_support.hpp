// SPDX-License-Identifier: GPL-3.0-or-later
// What the inspect tests share: test files, and looking up facts.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "model-provenance/inspect.hpp"

namespace model_provenance::inspect {

inline std::filesystem::path test_weights(const std::string& name) {
  return std::filesystem::path(MP_TEST_DATA) / "weights" / name;
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The value of the first fact named KEY, or "(absent)".
inline std::string fact(const Inspection& result, const std::string& key) {
  for (const auto& f : result.facts)
    if (f.key == key) return f.value;
  return "(absent)";
}

}  // namespace model_provenance::inspect
