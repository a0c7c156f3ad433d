// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the TFLite reader.  Any input either reads or stops
// with an error that names a byte offset; never a crash, and never more
// memory than the limits allow.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "format.hpp"

namespace mpi = model_provenance::inspect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  mpi::Limits limits;
  limits.max_entries = 100'000;
  mpi::Inspection result;
  mpi::detail::Context context{bytes, "fuzz.bin", limits, result};
  try {
    mpi::detail::find_format("tflite")->read(context);
  } catch (const mpi::detail::FormatError& e) {
    if (e.where().rfind("byte ", 0) != 0) std::abort();
  }
  return 0;
}
