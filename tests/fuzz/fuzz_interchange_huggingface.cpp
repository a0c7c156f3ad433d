// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: Hugging Face model cards.  Any input either reads or
// is a DocumentError located at LINE:COLUMN; what reads has the model
// first, and every step input names an artifact read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model-provenance/interchange/huggingface.hpp"

namespace mp = model_provenance;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto d = mp::interchange::read_model_card(text, "README.md", "fuzz/model");
    if (d.artifacts.empty() || d.artifacts[0].id != "fuzz/model") std::abort();
    for (const auto& step : d.steps)
      for (const auto& input : step.inputs) {
        bool found = false;
        for (const auto& a : d.artifacts) found = found || a.id == input.artifact;
        if (!found) std::abort();
      }
  } catch (const mp::interchange::DocumentError& error) {
    if (error.where().find(':') == std::string::npos) std::abort();
  }
  return 0;
}
