// SPDX-License-Identifier: GPL-3.0-or-later
// From a string id to a 32-bit node number: an open-addressing table that
// stores only numbers and a hash, reading keys back through the caller's
// string table.  A std::unordered_map<std::string, ...> would cost about
// five times the memory at Hugging Face scale.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace model_provenance::detail {

class IdIndex {
 public:
  static constexpr std::uint32_t absent = 0xFFFF'FFFF;

  // key_of(value) must give back the key a value was inserted under.
  template <typename KeyOf>
  std::optional<std::uint32_t> find(std::string_view key, const KeyOf& key_of) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t hash = hash_of(key);
    for (std::size_t i = hash & mask(); slots_[i].value != absent; i = (i + 1) & mask())
      if (slots_[i].hash == hash && key_of(slots_[i].value) == key) return slots_[i].value;
    return std::nullopt;
  }

  // Inserts unless the key is present; returns the value stored under it.
  template <typename KeyOf>
  std::uint32_t insert(std::string_view key, std::uint32_t value, const KeyOf& key_of) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow();
    const std::uint32_t hash = hash_of(key);
    std::size_t i = hash & mask();
    for (; slots_[i].value != absent; i = (i + 1) & mask())
      if (slots_[i].hash == hash && key_of(slots_[i].value) == key) return slots_[i].value;
    slots_[i] = {hash, value};
    ++count_;
    return value;
  }

  // Renumbers every value, e.g. when a builder's numbering becomes a
  // snapshot's.  Hashes depend on keys only, so slots stay put.
  template <typename Renumber>
  void renumber(const Renumber& renumber) {
    for (auto& slot : slots_)
      if (slot.value != absent) slot.value = renumber(slot.value);
  }

  std::size_t size() const { return count_; }
  std::size_t memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t value = absent;
  };

  static std::uint32_t hash_of(std::string_view key) {
    const std::size_t h = std::hash<std::string_view>{}(key);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }
  std::size_t mask() const { return slots_.size() - 1; }

  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (const Slot& slot : old) {
      if (slot.value == absent) continue;
      std::size_t i = slot.hash & mask();
      while (slots_[i].value != absent) i = (i + 1) & mask();
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

}  // namespace model_provenance::detail
