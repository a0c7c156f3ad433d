// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Lc0 reader, inflating as it reads.  Any input
// either reads or stops with an error that names a byte offset, in the
// file or in the inflated stream; never a crash, and never more memory or
// inflated bytes than the limits allow.
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
  limits.max_decompressed_bytes = 64 << 20;
  mpi::Inspection result;
  mpi::detail::Context context{bytes, "fuzz.pb.gz", limits, result};
  try {
    mpi::detail::find_format("lc0")->read(context);
  } catch (const mpi::detail::FormatError& e) {
    if (e.where().rfind("byte ", 0) != 0 && e.where().rfind("gzip stream: byte ", 0) != 0) std::abort();
  }
  return 0;
}
