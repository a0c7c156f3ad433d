// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every CMU Sphinx reader on the same input (most are
// chosen by a file's name, so each must stand any bytes).  Any input either
// reads or stops with an error that names a byte offset; never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "format.hpp"

namespace mpi = model_provenance::inspect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const char* const ids[] = {"sphinx-gaussians", "sphinx-tmat",        "sphinx-mixw", "sphinx-s3",
                                    "sphinx-sendump",   "sphinx-mdef",        "sphinx-lm",   "sphinx-feat-params",
                                    "sphinx-dict",      "sphinx-readme"};
  mpi::Limits limits;
  limits.max_entries = 100'000;
  for (const char* id : ids) {
    mpi::Inspection result;
    mpi::detail::Context context{bytes, "fuzz.bin", limits, result};
    try {
      mpi::detail::find_format(id)->read(context);
    } catch (const mpi::detail::FormatError& e) {
      if (e.where().rfind("byte ", 0) != 0) std::abort();
    }
  }
  return 0;
}
