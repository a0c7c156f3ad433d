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

  std::string_view view(StringId id) const {
    if (id == empty_string) return {};
    const std::uint32_t at = places_[id];
    const char* text = pages_[at >> page_bits] + (at & (page_size - 1));
    // The length before the bytes, seven bits a byte, low bits first.
    std::size_t length = 0;
    for (unsigned shift = 0;; shift += 7) {
      const auto byte = static_cast<unsigned char>(*text++);
      length |= std::size_t{byte & 0x7Fu} << shift;
      if (byte < 0x80) break;
    }
    return {text, length};
  }
  // No more additions: drops what only interning needs, and spare capacity.
  void seal();
  std::size_t size() const { return places_.size(); }
  std::size_t memory_bytes() const;

 private:
  // Strings are placed by a 32-bit number, a page and a position in it,
  // rather than by a 16-byte string_view: on a graph of millions of ids
  // that is 12 bytes a string less.  A string longer than a page gets
  // pages of its own, contiguous.
  static constexpr unsigned page_bits = 20;
  static constexpr std::size_t page_size = std::size_t{1} << page_bits;

  void store(std::string_view s);

  std::vector<std::unique_ptr<char[]>> blocks_;  // one or more pages each
  std::vector<const char*> pages_;
  std::size_t block_used_ = 0;
  std::size_t block_capacity_ = 0;
  std::size_t allocated_bytes_ = 0;
  std::vector<std::uint32_t> places_;  // by StringId; places_[empty_string] unused
  std::unordered_map<std::string_view, StringId> interned_;
};

}  // namespace model_provenance::detail
