// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every CMU Sphinx reader on the same input (most are
// chosen by a file's name, so each must stand any bytes).  Any input either
// reads or stops with an error that names a byte offset; never a crash.
#include "inspect_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const ids[] = {"sphinx-gaussians", "sphinx-tmat",        "sphinx-mixw", "sphinx-s3",
                                    "sphinx-sendump",   "sphinx-mdef",        "sphinx-lm",   "sphinx-feat-params",
                                    "sphinx-dict",      "sphinx-readme"};
  for (const char* id : ids) fuzz_reader(id, fuzz_bytes(data, size), "fuzz.bin", fuzz_any_result);
  return 0;
}
