// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the pickle scanner, through the "pytorch-legacy" and
// "pickle" readers.  Any input either reads or stops with an error that
// names a byte offset; never a crash, and never more memory than the
// limits allow.
#include "inspect_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = fuzz_bytes(data, size);
  for (const char* id : {"pytorch-legacy", "pickle"}) {
    if (!mpi::detail::find_format(id)->sniff(bytes, "fuzz.pkl")) continue;
    fuzz_reader(id, bytes, "fuzz.pkl",
                // A pickle read to its STOP is described.
                [](const mpi::Inspection& r) { return !r.format_detail.empty(); });
    break;
  }
  return 0;
}
