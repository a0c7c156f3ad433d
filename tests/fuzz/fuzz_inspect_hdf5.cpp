// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the HDF5 reader (superblock, root object header,
// attribute messages, global heap) and the Keras configurations in it.
// Any input either reads or stops with an error that names where; never a
// crash, never unbounded time or memory.
#include "inspect_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = fuzz_bytes(data, size);
  if (!mpi::detail::find_format("hdf5")->sniff(bytes, "fuzz.h5")) return 0;
  mpi::Limits limits = fuzz_limits();
  limits.max_header_bytes = 1 << 20;
  // An error is located by a byte of the file or a JSON attribute's own
  // location: any non-empty place.
  fuzz_reader("hdf5", bytes, "fuzz.h5",
              [](const mpi::Inspection& r) { return r.format_detail.rfind("HDF5, superblock version ", 0) == 0; },
              limits, {});
  return 0;
}
