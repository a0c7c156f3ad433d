// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the PROV-JSON reader.  Any bytes either read or raise
// a located DocumentError; what reads, written and read again, gives the
// same artifacts and steps and drops nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model-provenance/interchange/prov.hpp"

namespace mi = model_provenance::interchange;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  mi::Declarations first;
  try {
    first = mi::read_prov_json(text, "fuzz.json");
  } catch (const mi::DocumentError& e) {
    if (e.where().empty() || e.file() != "fuzz.json") std::abort();
    return 0;
  }
  for (const auto& dropped : first.dropped)
    if (!dropped.where.starts_with("/")) std::abort();
  const mi::Declarations second = mi::read_prov_json(mi::write_prov_json(first), "again.json");
  if (second.artifacts != first.artifacts || second.steps != first.steps || !second.dropped.empty()) std::abort();
  return 0;
}
