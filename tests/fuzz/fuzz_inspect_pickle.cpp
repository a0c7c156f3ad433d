// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the pickle scanner, through the "pytorch-legacy" and
// "pickle" readers.  Any input either reads or stops with an error that
// names a byte offset; never a crash, and never more memory than the
// limits allow.
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
  for (const char* id : {"pytorch-legacy", "pickle"}) {
    const auto* format = mpi::detail::find_format(id);
    if (!format->sniff(bytes, "fuzz.pkl")) continue;
    mpi::Inspection result;
    mpi::detail::Context context{bytes, "fuzz.pkl", limits, result};
    try {
      format->read(context);
      if (result.format_detail.empty()) std::abort();  // a pickle read to its STOP is described
    } catch (const mpi::detail::FormatError& e) {
      if (e.where().rfind("byte ", 0) != 0) std::abort();
    }
    break;
  }
  return 0;
}
