// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/detail/string_table.hpp"

#include <cstring>

#include "model-provenance/error.hpp"

namespace model_provenance::detail {

StringTable::StringTable() { places_.push_back(0); }

void StringTable::store(std::string_view s) {
  char prefix[10];
  std::size_t prefix_length = 0;
  for (std::size_t rest = s.size();; rest >>= 7) {
    prefix[prefix_length++] = static_cast<char>((rest & 0x7F) | (rest >= 0x80 ? 0x80 : 0));
    if (rest < 0x80) break;
  }
  const std::size_t needed = prefix_length + s.size();
  if (needed > block_capacity_ - block_used_) {
    const std::size_t pages = (needed + page_size - 1) / page_size;
    if ((pages_.size() + pages) << page_bits > std::size_t{0xFFFF'FFFF} + 1)
      throw Error({ProblemCode::invalid_value, "too much text for one graph (4 GiB)", {}, ""});
    blocks_.push_back(std::make_unique<char[]>(pages * page_size));
    for (std::size_t page = 0; page < pages; ++page)
      pages_.push_back(blocks_.back().get() + page * page_size);
    allocated_bytes_ += pages * page_size;
    block_capacity_ = pages * page_size;
    block_used_ = 0;
  }
  // The block's first page is its number of pages from the end of pages_.
  const std::size_t block_pages = block_capacity_ / page_size;
  const std::size_t first_page = pages_.size() - block_pages;
  places_.push_back(static_cast<std::uint32_t>((first_page << page_bits) + block_used_));
  char* destination = blocks_.back().get() + block_used_;
  std::memcpy(destination, prefix, prefix_length);
  std::memcpy(destination + prefix_length, s.data(), s.size());
  block_used_ += needed;
}

StringId StringTable::add(std::string_view s) {
  if (s.empty()) return empty_string;
  // Step links borrow the top bit of a handle (graph.cpp).
  if (places_.size() >= 0x8000'0000)
    throw Error({ProblemCode::invalid_value, "too many strings for one graph (2^31)", {}, ""});
  store(s);
  return static_cast<StringId>(places_.size() - 1);
}

StringId StringTable::intern(std::string_view s) {
  if (s.empty()) return empty_string;
  if (auto found = interned_.find(s); found != interned_.end()) return found->second;
  StringId id = add(s);
  interned_.emplace(view(id), id);
  return id;
}

void StringTable::seal() {
  interned_ = {};
  places_.shrink_to_fit();
  pages_.shrink_to_fit();
}

std::size_t StringTable::memory_bytes() const {
  return allocated_bytes_ + places_.capacity() * sizeof(std::uint32_t) +
         pages_.capacity() * sizeof(const char*) +
         interned_.size() * (sizeof(std::string_view) + sizeof(StringId) + 2 * sizeof(void*));
}

}  // namespace model_provenance::detail
