// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the GGUF reader.  Any input either reads or stops
// with an error that names a byte offset; never a crash, and never more
// memory than the limits allow.
#include "inspect_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_reader("gguf", fuzz_bytes(data, size), "fuzz.gguf",
              // A file read to its end has its size.
              [](const mpi::Inspection& r) { return r.parameters.has_value(); });
  return 0;
}
