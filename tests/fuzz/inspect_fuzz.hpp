// SPDX-License-Identifier: GPL-3.0-or-later
// What the inspect fuzz targets share: run one format's reader on the
// input under tight limits.  Reading either ends, and the result must pass
// the target's check, or stops with an error that says where (starting
// with one of WHERE, "byte " by default); anything else aborts, as does a
// crash or a sanitizer report.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string_view>

#include "format.hpp"

namespace mpi = model_provenance::inspect;

inline mpi::Limits fuzz_limits() {
  mpi::Limits limits;
  limits.max_entries = 100'000;
  return limits;
}

inline std::string_view fuzz_bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline bool fuzz_any_result(const mpi::Inspection&) { return true; }

template <typename Check>
void fuzz_reader(const char* id, std::string_view bytes, const char* name, Check check,
                 const mpi::Limits& limits = fuzz_limits(),
                 std::initializer_list<std::string_view> where = {"byte "}) {
  mpi::Inspection result;
  mpi::detail::Context context{bytes, name, limits, result};
  try {
    mpi::detail::find_format(id)->read(context);
    if (!check(result)) std::abort();
  } catch (const mpi::detail::FormatError& e) {
    const bool located = where.size() == 0
                             ? !e.where().empty()
                             : std::any_of(where.begin(), where.end(), [&](std::string_view prefix) {
                                 return e.where().rfind(prefix, 0) == 0;
                               });
    if (!located) std::abort();
  }
}
