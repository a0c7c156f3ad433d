// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the Lc0 reader, inflating as it reads.  Any input
// either reads or stops with an error that names a byte offset, in the
// file or in the inflated stream; never a crash, and never more memory or
// inflated bytes than the limits allow.
#include "inspect_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mpi::Limits limits = fuzz_limits();
  limits.max_decompressed_bytes = 64 << 20;
  fuzz_reader("lc0", fuzz_bytes(data, size), "fuzz.pb.gz", fuzz_any_result, limits, {"byte ", "gzip stream: byte "});
  return 0;
}
