// SPDX-License-Identifier: GPL-3.0-or-later
// Strings of a graph, stored once in large chunks and named by 32-bit
// handles, so that a record of two million artifacts costs tens of bytes
// each rather than hundreds (empty std::strings alone take 32 bytes).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace model_provenance::detail {

using StringId = std::uint32_t;
constexpr StringId empty_string = 0;
// An unknown value, as opposed to a known empty one.
constexpr StringId unknown_string = 0xFFFF'FFFF;

class StringTable {
 public:
  StringTable();
  StringTable(StringTable&&) noexcept = default;
  StringTable& operator=(StringTable&&) noexcept = default;

  // A new handle for s (ids, notes: values that rarely repeat).
  StringId add(std::string_view s);
  // The same handle for equal strings (licenses, formats, backends, dates).
  StringId intern(std::string_view s);

  std::string_view view(StringId id) const { return views_[id]; }
  // No more additions: drops what only interning needs, and spare capacity.
  void seal();
  std::size_t size() const { return views_.size(); }
  std::size_t memory_bytes() const;

 private:
  std::string_view store(std::string_view s);

  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t chunk_used_ = 0;
  std::size_t chunk_capacity_ = 0;
  std::size_t allocated_bytes_ = 0;
  std::vector<std::string_view> views_;
  std::unordered_map<std::string_view, StringId> interned_;
};

}  // namespace model_provenance::detail
