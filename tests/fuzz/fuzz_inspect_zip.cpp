// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: zip archives through libzip and the readers built on
// them (PyTorch zip checkpoints, NumPy .npz, Keras .keras), and any other
// zip's members read within the limits.  Any input either reads or stops
// with an error that names where; never a crash, never more memory than
// the limits allow, whatever the archive declares.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "archive.hpp"
#include "format.hpp"

namespace mpi = model_provenance::inspect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  mpi::Limits limits;
  limits.max_entries = 10'000;
  limits.max_header_bytes = 1 << 20;
  limits.max_decompressed_bytes = 16 << 20;
  mpi::Inspection result;
  mpi::detail::Context context{bytes, "fuzz.zip", limits, result};
  try {
    for (const char* id : {"pytorch-zip", "keras", "npz"}) {
      const auto* format = mpi::detail::find_format(id);
      if (format->sniff(bytes, "fuzz.zip")) {
        format->read(context);
        return 0;
      }
    }
    // Any other zip: every member, as far as the limits allow.
    const mpi::detail::ZipArchive zip(bytes, limits);
    for (const auto& member : zip.members()) zip.read(member);
  } catch (const mpi::detail::FormatError& e) {
    if (e.where().empty()) std::abort();
  }
  return 0;
}
