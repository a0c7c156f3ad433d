// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the NumPy .npy reader, its header parser and, for
// object arrays, the pickle scanner.  Any input either reads or stops with
// an error that names a byte offset; never a crash.
#include "inspect_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = fuzz_bytes(data, size);
  if (!mpi::detail::find_format("npy")->sniff(bytes, "fuzz.npy")) return 0;
  fuzz_reader("npy", bytes, "fuzz.npy",
              // One array, counted.
              [](const mpi::Inspection& r) { return r.tensor_count == 1 && r.parameters.has_value(); });
  return 0;
}
