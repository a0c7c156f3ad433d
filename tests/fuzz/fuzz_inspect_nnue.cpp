// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Stockfish NNUE header reader.  Any input either
// reads or stops with an error that names a byte offset; never a crash,
// and never more memory than the limits allow.
#include "inspect_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz_reader("nnue", fuzz_bytes(data, size), "fuzz.nnue",
              // A header read has its version.
              [](const mpi::Inspection& r) { return !r.facts.empty(); });
  return 0;
}
