// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the HDF5 reader (superblock, root object header,
// attribute messages, global heap) and the Keras configurations in it.
// Any input either reads or stops with an error that names where; never a
// crash, never unbounded time or memory.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "format.hpp"

namespace mpi = model_provenance::inspect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto* format = mpi::detail::find_format("hdf5");
  if (!format->sniff(bytes, "fuzz.h5")) return 0;
  mpi::Limits limits;
  limits.max_entries = 100'000;
  limits.max_header_bytes = 1 << 20;
  mpi::Inspection result;
  mpi::detail::Context context{bytes, "fuzz.h5", limits, result};
  try {
    format->read(context);
    if (result.format_detail.rfind("HDF5, superblock version ", 0) != 0) std::abort();
  } catch (const mpi::detail::FormatError& e) {
    // "byte N" in the file, or a JSON attribute's own location.
    if (e.where().empty()) std::abort();
  }
  return 0;
}
