// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the spdx3 reader.  Any input either reads or raises
// DocumentError; what reads is written, and the written document reads
// back to the same artifacts and steps.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model-provenance/interchange/spdx3.hpp"

namespace mi = model_provenance::interchange;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  mi::Declarations declarations;
  try {
    declarations = mi::read_spdx3(text, "fuzz.json");
  } catch (const mi::DocumentError&) {
    return 0;  // malformed: the error says where
  }
  const auto again = mi::read_spdx3(mi::write_spdx3(declarations), "written.json");
  if (again.artifacts != declarations.artifacts || again.steps != declarations.steps) std::abort();
  return 0;
}
