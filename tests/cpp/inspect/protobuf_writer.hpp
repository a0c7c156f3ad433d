// SPDX-License-Identifier: GPL-3.0-or-later
// What the ONNX and Lc0 tests share: a protobuf wire-format writer, to
// build messages byte by byte with the real field numbers (and hostile
// ones no serializer would write).  The encoding: protocolbuffers.dev,
// "Encoding" (a tag is number << 3 | wire type; varints are little-endian
// base 128).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace model_provenance::inspect {

class ProtoWriter {
 public:
  static std::string varint_bytes(std::uint64_t value) {
    std::string out;
    while (value >= 0x80) {
      out += static_cast<char>((value & 0x7f) | 0x80);
      value >>= 7;
    }
    out += static_cast<char>(value);
    return out;
  }

  ProtoWriter& tag(std::uint32_t field, unsigned wire_type) {
    out_ += varint_bytes((std::uint64_t{field} << 3) | wire_type);
    return *this;
  }
  ProtoWriter& varint(std::uint32_t field, std::uint64_t value) {
    tag(field, 0);
    out_ += varint_bytes(value);
    return *this;
  }
  ProtoWriter& fixed32(std::uint32_t field, std::uint32_t value) {
    tag(field, 5);
    out_.append(reinterpret_cast<const char*>(&value), 4);
    return *this;
  }
  ProtoWriter& float32(std::uint32_t field, float value) {
    std::uint32_t bits;
    std::memcpy(&bits, &value, 4);
    return fixed32(field, bits);
  }
  ProtoWriter& bytes(std::uint32_t field, std::string_view data) {
    tag(field, 2);
    out_ += varint_bytes(data.size());
    out_ += data;
    return *this;
  }
  ProtoWriter& message(std::uint32_t field, const ProtoWriter& inner) { return bytes(field, inner.str()); }
  ProtoWriter& packed(std::uint32_t field, const std::vector<std::uint64_t>& values) {
    std::string data;
    for (auto v : values) data += varint_bytes(v);
    return bytes(field, data);
  }
  ProtoWriter& raw(std::string_view data) {
    out_ += data;
    return *this;
  }

  const std::string& str() const { return out_; }
  std::size_t size() const { return out_.size(); }

 private:
  std::string out_;
};

}  // namespace model_provenance::inspect
