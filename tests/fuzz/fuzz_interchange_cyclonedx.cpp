// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the cyclonedx reader.  Any input either reads or raises
// DocumentError; what reads is written, and the written document reads
// back to the same artifacts and steps.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model-provenance/interchange/cyclonedx.hpp"

namespace mi = model_provenance::interchange;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  mi::Declarations declarations;
  try {
    declarations = mi::read_cyclonedx(text, "fuzz.json");
  } catch (const mi::DocumentError&) {
    return 0;  // malformed: the error says where
  }
  const auto again = mi::read_cyclonedx(mi::write_cyclonedx(declarations), "written.json");
  if (again.artifacts != declarations.artifacts || again.steps != declarations.steps) std::abort();
  return 0;
}
