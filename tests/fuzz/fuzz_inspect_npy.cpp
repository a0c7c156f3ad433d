// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the NumPy .npy reader, its header parser and, for
// object arrays, the pickle scanner.  Any input either reads or stops with
// an error that names a byte offset; never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "format.hpp"

namespace mpi = model_provenance::inspect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto* format = mpi::detail::find_format("npy");
  if (!format->sniff(bytes, "fuzz.npy")) return 0;
  mpi::Limits limits;
  limits.max_entries = 100'000;
  mpi::Inspection result;
  mpi::detail::Context context{bytes, "fuzz.npy", limits, result};
  try {
    format->read(context);
    if (result.tensor_count != 1 || !result.parameters) std::abort();  // one array, counted
  } catch (const mpi::detail::FormatError& e) {
    if (e.where().rfind("byte ", 0) != 0) std::abort();
  }
  return 0;
}
