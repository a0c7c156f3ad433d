// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/detail/string_table.hpp"

#include <cstring>

#include "model-provenance/error.hpp"

namespace model_provenance::detail {
namespace {
constexpr std::size_t chunk_bytes = std::size_t{1} << 20;
}

StringTable::StringTable() { views_.emplace_back(); }

std::string_view StringTable::store(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > chunk_capacity_ - chunk_used_) {
    // A string longer than a chunk gets a chunk of its own; the current
    // chunk stays open only if the long string did not replace it.
    std::size_t capacity = s.size() > chunk_bytes ? s.size() : chunk_bytes;
    chunks_.push_back(std::make_unique<char[]>(capacity));
    allocated_bytes_ += capacity;
    chunk_capacity_ = capacity;
    chunk_used_ = 0;
  }
  char* destination = chunks_.back().get() + chunk_used_;
  std::memcpy(destination, s.data(), s.size());
  chunk_used_ += s.size();
  return {destination, s.size()};
}

StringId StringTable::add(std::string_view s) {
  if (s.empty()) return empty_string;
  // Step links borrow the top bit of a handle (graph.cpp).
  if (views_.size() >= 0x8000'0000)
    throw Error({ProblemCode::invalid_value, "too many strings for one graph (2^31)", {}, ""});
  views_.push_back(store(s));
  return static_cast<StringId>(views_.size() - 1);
}

StringId StringTable::intern(std::string_view s) {
  if (s.empty()) return empty_string;
  if (auto found = interned_.find(s); found != interned_.end()) return found->second;
  StringId id = add(s);
  interned_.emplace(views_[id], id);
  return id;
}

void StringTable::seal() {
  interned_ = {};
  views_.shrink_to_fit();
}

std::size_t StringTable::memory_bytes() const {
  return allocated_bytes_ + views_.capacity() * sizeof(std::string_view) +
         interned_.size() * (sizeof(std::string_view) + sizeof(StringId) + 2 * sizeof(void*));
}

}  // namespace model_provenance::detail
