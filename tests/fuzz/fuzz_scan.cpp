// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the source scanner's reading of C and C++ text (arrays,
// casts, character constants, comments, string literals).  Any bytes are
// read without crashing; every array reported has the numbers asked for.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model-provenance/scan.hpp"

namespace mp = model_provenance;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const auto& [declaration, values] : mp::numeric_arrays(text, 1))
    if (values < 1 || declaration.size() > 600) std::abort();
  mp::ScanOptions options;
  options.min_weights_values = 4;
  options.min_array_values = 8;
  options.min_blob_bytes = 64;
  for (const auto& finding : mp::scan_source_text("fuzz.c", text, options))
    if (finding.kind != "c-weights" && finding.kind != "c-table" && finding.kind != "c-blob") std::abort();
  return 0;
}
