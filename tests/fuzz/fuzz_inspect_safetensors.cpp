// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the safetensors reader, its JSON header read through
// nlohmann-json's events.  Any input either reads or stops with an error
// that names a byte offset; never a crash, and never more memory than the
// limits allow.
#include "inspect_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_reader("safetensors", fuzz_bytes(data, size), "fuzz.safetensors",
              // A file read to its end has its size.
              [](const mpi::Inspection& r) { return r.parameters.has_value(); });
  return 0;
}
