// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: Hub metadata in JSON lines.  Every line either reads
// or is a DocumentError located at LINE:POINTER; what reads goes through
// the license lineage, whose findings name models read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "model-provenance/interchange/hub.hpp"

namespace mp = model_provenance;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  mp::interchange::HubLineage lineage;
  std::uint64_t read = 0;
  mp::interchange::read_hub_lines(
      in, "fuzz.jsonl",
      [&](const mp::interchange::HubRecord& record) {
        if (record.id.empty()) std::abort();
        ++read;
        lineage.add(record);
      },
      [&](const mp::interchange::DocumentError& error) {
        const auto colon = error.where().find(':');
        if (colon == std::string::npos || error.where()[colon + 1] != '/') std::abort();
      });
  const auto report = lineage.run(10);
  if (report.models > read || report.offending.size() > report.declared_free) std::abort();
  // The same text as declarations, with errors thrown.
  std::istringstream again(std::string(reinterpret_cast<const char*>(data), size));
  try {
    (void)mp::interchange::read_hub_metadata(again, "fuzz.jsonl");
  } catch (const mp::interchange::DocumentError&) {
  }
  return 0;
}
