// SPDX-License-Identifier: GPL-3.0-or-later
// The protobuf wire format as ONNX models and Lc0 networks use it, walked
// field by field with libprotobuf's CodedInputStream and never parsed into
// a message: a reader asks for the next field, then takes its value, skips
// it or descends into it.  Lengths are checked against what remains of the
// enclosing message before anything is read, nesting is counted against
// Limits::max_depth, and groups (wire types 3 and 4, which neither format
// uses) are skipped as unknown fields.  The wire format itself:
// protocolbuffers.dev/docs/encoding (tags are number << 3 | wire type).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream.h>

#include "format.hpp"

namespace model_provenance::inspect::detail::wire {

enum class WireType : std::uint8_t {
  varint = 0,
  fixed64 = 1,
  length = 2,  // strings, bytes, messages, packed repeated scalars
  start_group = 3,
  end_group = 4,
  fixed32 = 5,
};

const char* to_string(WireType type);

// One field as found: its number and wire type, its value when a scalar,
// and where its payload is when length-delimited.
struct Field {
  std::uint32_t number = 0;
  WireType type = WireType::varint;
  std::uint64_t value = 0;   // varint, fixed64 or fixed32
  std::uint64_t offset = 0;  // the payload's first byte (length-delimited)
  std::uint64_t length = 0;  // the payload's size (length-delimited)

  float as_float() const;    // a fixed32 holding a float
  double as_double() const;  // a fixed64 holding a double
  std::int64_t as_int64() const { return static_cast<std::int64_t>(value); }
};

// A message in bytes that are all there (a mapped file).  Each field is read
// through its own CodedInputStream over a window of at most 2 GiB starting
// at the field, so a file over 2 GiB -- libprotobuf's limit for one stream --
// is walked too, as long as no single field is that long.  Positions are
// offsets in BYTES; messages say "PREFIXbyte N".
class Message {
 public:
  Message(std::string_view bytes, std::uint64_t begin, std::uint64_t end, std::string_view prefix,
          std::uint32_t depth, const Limits& limits);

  // The next field, or false at the message's end.  Throws FormatError on
  // a bad tag, a short varint, or a length past the message's end.
  bool next(Field& field);
  // The message in a length-delimited field, one level deeper.
  Message enter(const Field& field) const;
  std::string_view payload(const Field& field) const { return bytes_.substr(field.offset, field.length); }
  // A repeated varint field, packed (length-delimited) or not; appends at
  // most MAX values and throws beyond that.
  void varints(const Field& field, std::vector<std::uint64_t>& out, std::size_t max, const char* what) const;
  // Throws unless FIELD has wire type TYPE; WHAT names the field.
  void expect(const Field& field, WireType type, const char* what) const;

  std::string where(std::uint64_t position) const;
  [[noreturn]] void fail(std::uint64_t position, const std::string& what) const;
  std::uint64_t position() const { return position_; }

 private:
  std::string_view bytes_;
  std::uint64_t position_;
  std::uint64_t end_;
  std::string_view prefix_;
  std::uint32_t depth_;
  const Limits& limits_;
};

// A message read from a stream (a gzip stream being inflated), in one
// pass: length-delimited fields are entered with PushLimit, skipped, or
// read as strings, whose kept part is bounded.  One CodedInputStream reads
// at most 2 GiB; a longer stream must stop short of that (GunzipStream
// does) and is reported as too long.  CHECK_SOURCE runs whenever the input
// ends or falls short, and throws the source's own reason when it has one
// (corrupt data, a limit reached), which says more than "truncated".
class Stream {
 public:
  Stream(google::protobuf::io::CodedInputStream& in, std::string prefix, const Limits& limits,
         std::function<void()> check_source);

  // The next field of the current message, or false at its end (or at the
  // end of the stream, for the outermost message).
  bool next(Field& field);
  void enter(const Field& field);  // read the field's message: next() walks it until false
  void leave();                    // after next() returned false inside an entered message
  void skip(const Field& field);
  // The payload as text, keeping its first KEEP bytes and skipping the rest.
  std::string string(const Field& field, std::size_t keep);
  void varints(const Field& field, std::vector<std::uint64_t>& out, std::size_t max, const char* what);
  void expect(const Field& field, WireType type, const char* what) const;

  std::uint64_t position() const;
  std::string where() const;
  [[noreturn]] void fail(const std::string& what) const;

 private:
  google::protobuf::io::CodedInputStream& in_;
  std::string prefix_;
  const Limits& limits_;
  std::function<void()> check_source_;
  std::vector<google::protobuf::io::CodedInputStream::Limit> limits_stack_;
};

// A gzip stream (RFC 1952) inflated with zlib as protobuf reads it, never
// whole: bounded by Limits::max_decompressed_bytes (and kept under the
// 2 GiB one CodedInputStream reads), and by Limits::max_compression_ratio
// once a mebibyte is out, so a decompression bomb ends in an error after a
// bounded amount of work.  Concatenated members are read as one stream, as
// gzip(1) and zlib's gzread() do.  Unlike libprotobuf's GzipInputStream,
// which reports a stream cut short as a clean end, this one tells a
// truncated stream from a finished one.
class GunzipStream final : public google::protobuf::io::ZeroCopyInputStream {
 public:
  GunzipStream(std::string_view compressed, const Limits& limits);
  ~GunzipStream() override;
  GunzipStream(const GunzipStream&) = delete;
  GunzipStream& operator=(const GunzipStream&) = delete;

  bool Next(const void** data, int* size) override;
  void BackUp(int count) override;
  bool Skip(int count) override;
  int64_t ByteCount() const override;

  // Why the stream stopped before the end of its data, and where in the
  // compressed bytes: empty while nothing went wrong.
  const std::string& failure() const { return failure_; }
  std::uint64_t failure_offset() const { return failure_offset_; }
  // Throws the failure, if any, as a FormatError at its compressed offset.
  void check() const;
  // The first COUNT decompressed bytes, or fewer; for sniffing.
  static std::string peek(std::string_view compressed, std::size_t count);

 private:
  struct State;
  bool fill();
  void stop(std::string why);

  std::unique_ptr<State> state_;
  std::string_view compressed_;
  std::uint64_t max_out_;
  std::uint64_t max_ratio_;
  std::uint64_t total_out_ = 0;
  std::int64_t byte_count_ = 0;
  int available_ = 0;  // bytes of the buffer filled
  int backed_up_ = 0;  // of those, given back by BackUp
  bool finished_ = false;
  std::string failure_;
  std::uint64_t failure_offset_ = 0;
};

}  // namespace model_provenance::inspect::detail::wire
