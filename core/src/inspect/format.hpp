// SPDX-License-Identifier: GPL-3.0-or-later
// What every format reader of inspect shares: the bounded cursor over a
// file's bytes, the error that says where, and the table of formats.
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "model-provenance/inspect.hpp"

namespace model_provenance::inspect::detail {

// Reading stopped: WHERE says where in the file ("byte 1234", or a zip
// member and an offset in it), the message what was expected there.
class FormatError : public std::runtime_error {
 public:
  FormatError(std::string where, const std::string& message)
      : std::runtime_error(where + ": " + message), where_(std::move(where)) {}
  const std::string& where() const { return where_; }

 private:
  std::string where_;
};

// What a reader works on: the bytes, the name they go by, the limits, and
// the result it fills in as it goes, so what was read before an error is
// kept.
struct Context {
  std::string_view bytes;
  std::string name;  // the file, or "FILE:MEMBER" inside an archive
  const Limits& limits;
  Inspection& out;
  std::uint32_t depth = 0;  // archives inside archives

  void fact(std::string key, std::string value) { out.facts.push_back({std::move(key), std::move(value)}); }
  void finding(Concern concern, std::string what, std::string where) {
    out.safety.push_back({concern, std::move(what), std::move(where)});
  }
  // Adds a tensor, counting it even past the listing limit.
  void tensor(Tensor t) {
    ++out.tensor_count;
    if (out.tensors.size() < limits.max_listed_tensors) out.tensors.push_back(std::move(t));
  }
};

// Little-endian reads over a byte range that never run past its end: a
// short read throws FormatError naming the offset and what was wanted.
// BASE is the range's offset in the file, for messages.
class Cursor {
 public:
  Cursor(std::string_view bytes, std::uint64_t base = 0, std::string where_prefix = "")
      : bytes_(bytes), base_(base), prefix_(std::move(where_prefix)) {}

  std::uint64_t offset() const { return position_; }  // within the range
  std::uint64_t remaining() const { return bytes_.size() - position_; }
  bool at_end() const { return position_ == bytes_.size(); }
  std::string where() const { return where_at(position_); }
  std::string where_at(std::uint64_t position) const {
    return prefix_ + "byte " + std::to_string(base_ + position);
  }
  [[noreturn]] void fail(const std::string& what) const { throw FormatError(where(), what); }

  void seek(std::uint64_t position) {
    if (position > bytes_.size()) fail("an offset within the file (" + std::to_string(position) + " is past its end)");
    position_ = position;
  }
  void skip(std::uint64_t count, const char* what = "data") {
    need(count, what);
    position_ += count;
  }
  std::string_view take(std::uint64_t count, const char* what = "data") {
    need(count, what);
    std::string_view part = bytes_.substr(position_, count);
    position_ += count;
    return part;
  }
  template <typename T>
  T read(const char* what) {
    static_assert(std::is_trivially_copyable_v<T>);
    need(sizeof(T), what);
    T value;
    std::memcpy(&value, bytes_.data() + position_, sizeof(T));
    position_ += sizeof(T);
    return value;  // the formats read here are little-endian, as is every host we build for
  }
  std::uint8_t u8(const char* what) { return read<std::uint8_t>(what); }
  std::uint16_t u16(const char* what) { return read<std::uint16_t>(what); }
  std::uint32_t u32(const char* what) { return read<std::uint32_t>(what); }
  std::int32_t i32(const char* what) { return read<std::int32_t>(what); }
  std::uint64_t u64(const char* what) { return read<std::uint64_t>(what); }
  std::int64_t i64(const char* what) { return read<std::int64_t>(what); }
  float f32(const char* what) { return read<float>(what); }
  double f64(const char* what) { return read<double>(what); }

 private:
  void need(std::uint64_t count, const char* what) const {
    if (count > remaining())
      fail(std::string(what) + ": " + std::to_string(count) + " bytes, but only " + std::to_string(remaining()) +
           " remain");
  }

  std::string_view bytes_;
  std::uint64_t base_;
  std::string prefix_;
  std::uint64_t position_ = 0;
};

// Text taken from a file for display: invalid UTF-8 and control characters
// other than newline and tab become U+FFFD, and it is cut at MAX bytes.
std::string printable(std::string_view text, std::size_t max = 4096);

// Products of declared dimensions, saturating instead of wrapping: a
// hostile shape gives a huge count, never a wrong small one.
std::uint64_t saturating_product(const std::vector<std::uint64_t>& shape);
std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b);

// One format: SNIFF says from the first bytes (and the name, for formats
// with no magic) whether a file is one; READ fills the context's result.
struct Format {
  const char* id;
  const char* description;
  bool (*sniff)(std::string_view bytes, std::string_view name);
  void (*read)(Context& context);
};

// Every format, in the order sniffing tries them (formats.cpp).
const std::vector<Format>& formats();
const Format* find_format(std::string_view id);

// Reads BYTES as whatever format they sniff as, into CONTEXT's result;
// archives call it for their members.  Returns false when no format
// matches.
bool read_any(Context& context);

}  // namespace model_provenance::inspect::detail
