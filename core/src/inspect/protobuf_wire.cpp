// SPDX-License-Identifier: GPL-3.0-or-later
// The protobuf wire walker of ONNX and Lc0, and the gzip stream under Lc0's
// networks (protobuf_wire.hpp).
#include "protobuf_wire.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <optional>

#include <fmt/format.h>

namespace model_provenance::inspect::detail::wire {

namespace pio = google::protobuf::io;

const char* to_string(WireType type) {
  switch (type) {
    case WireType::varint: return "varint";
    case WireType::fixed64: return "fixed64";
    case WireType::length: return "length-delimited";
    case WireType::start_group: return "start-group";
    case WireType::end_group: return "end-group";
    case WireType::fixed32: return "fixed32";
  }
  return "unknown";
}

float Field::as_float() const {
  const auto bits = static_cast<std::uint32_t>(value);
  float result;
  std::memcpy(&result, &bits, sizeof result);
  return result;
}

double Field::as_double() const {
  double result;
  std::memcpy(&result, &value, sizeof result);
  return result;
}

namespace {

// One CodedInputStream reads at most this much.
constexpr std::uint64_t stream_cap = INT_MAX;

// Skips the rest of group NUMBER, whose start tag was just read, and any
// groups inside it.  FAIL throws, given what was expected.
template <typename Fail>
void skip_group(pio::CodedInputStream& in, std::uint32_t number, std::uint32_t depth, const Limits& limits,
                const Fail& fail) {
  std::vector<std::uint32_t> open{number};
  while (!open.empty()) {
    const std::uint32_t tag = in.ReadTagNoLastTag();
    if (tag == 0) fail(fmt::format("a field tag inside group {}", open.back()));
    const std::uint32_t field = tag >> 3;
    std::uint64_t value = 0;
    std::uint32_t value32 = 0;
    switch (tag & 7) {
      case 0:
        if (!in.ReadVarint64(&value)) fail(fmt::format("a varint for field {}", field));
        break;
      case 1:
        if (!in.ReadLittleEndian64(&value)) fail(fmt::format("8 bytes for field {}", field));
        break;
      case 5:
        if (!in.ReadLittleEndian32(&value32)) fail(fmt::format("4 bytes for field {}", field));
        break;
      case 2:
        if (!in.ReadVarint64(&value)) fail(fmt::format("the length of field {}", field));
        if (value > stream_cap || !in.Skip(static_cast<int>(value)))
          fail(fmt::format("{} bytes of field {}", value, field));
        break;
      case 3:
        if (depth + open.size() >= limits.max_depth)
          fail(fmt::format("groups nested at most {} deep", limits.max_depth));
        open.push_back(field);
        break;
      case 4:
        if (field != open.back()) fail(fmt::format("the end of group {}, not of group {}", open.back(), field));
        open.pop_back();
        break;
      default:
        fail(fmt::format("a wire type from 0 to 5, not {} (field {})", tag & 7, field));
    }
  }
}

}  // namespace

// --- Message ---------------------------------------------------------------

Message::Message(std::string_view bytes, std::uint64_t begin, std::uint64_t end, std::string_view prefix,
                 std::uint32_t depth, const Limits& limits)
    : bytes_(bytes), position_(begin), end_(end), prefix_(prefix), depth_(depth), limits_(limits) {}

std::string Message::where(std::uint64_t position) const {
  return std::string(prefix_) + "byte " + std::to_string(position);
}

void Message::fail(std::uint64_t position, const std::string& what) const { throw FormatError(where(position), what); }

bool Message::next(Field& field) {
  for (;;) {
    if (position_ >= end_) return false;
    const std::uint64_t start = position_;
    const auto window = static_cast<int>(std::min(end_ - start, stream_cap));
    pio::CodedInputStream in(reinterpret_cast<const std::uint8_t*>(bytes_.data() + start), window);
    const auto here = [&] { return start + static_cast<std::uint64_t>(in.CurrentPosition()); };
    const std::uint32_t tag = in.ReadTagNoLastTag();
    if (tag == 0) fail(start, "a field tag (a varint of field number and wire type)");
    field = Field{};
    field.number = tag >> 3;
    if (field.number == 0) fail(start, "a field number above 0");
    const std::uint32_t type = tag & 7;
    std::uint32_t value32 = 0;
    switch (type) {
      case 0:
        if (!in.ReadVarint64(&field.value)) fail(here(), fmt::format("a varint for field {}", field.number));
        break;
      case 1:
        if (!in.ReadLittleEndian64(&field.value)) fail(here(), fmt::format("8 bytes for field {}", field.number));
        break;
      case 5:
        if (!in.ReadLittleEndian32(&value32)) fail(here(), fmt::format("4 bytes for field {}", field.number));
        field.value = value32;
        break;
      case 2: {
        std::uint64_t length = 0;
        if (!in.ReadVarint64(&length)) fail(here(), fmt::format("the length of field {}", field.number));
        const std::uint64_t payload = here();
        if (length > end_ - payload)
          fail(payload, fmt::format("field {}: {} bytes, but only {} remain in its message", field.number, length,
                                    end_ - payload));
        field.type = WireType::length;
        field.offset = payload;
        field.length = length;
        position_ = payload + length;
        return true;
      }
      case 3:
        skip_group(in, field.number, depth_, limits_, [&](const std::string& what) { fail(here(), what); });
        position_ = here();
        continue;
      case 4:
        fail(start, fmt::format("field {}: an end-group tag outside any group", field.number));
      default:
        fail(start, fmt::format("a wire type from 0 to 5, not {} (field {})", type, field.number));
    }
    field.type = static_cast<WireType>(type);
    position_ = here();
    return true;
  }
}

Message Message::enter(const Field& field) const {
  if (depth_ + 1 > limits_.max_depth)
    fail(field.offset, fmt::format("messages nested at most {} deep", limits_.max_depth));
  return Message(bytes_, field.offset, field.offset + field.length, prefix_, depth_ + 1, limits_);
}

void Message::expect(const Field& field, WireType type, const char* what) const {
  if (field.type != type)
    fail(field.type == WireType::length ? field.offset : position_,
         fmt::format("{} (field {}) as {}, not {}", what, field.number, to_string(type), to_string(field.type)));
}

void Message::varints(const Field& field, std::vector<std::uint64_t>& out, std::size_t max, const char* what) const {
  if (field.type == WireType::varint) {
    if (out.size() >= max) fail(position_, fmt::format("at most {} values of {}", max, what));
    out.push_back(field.value);
    return;
  }
  expect(field, WireType::length, what);
  if (field.length > stream_cap) fail(field.offset, fmt::format("{}: packed values under 2 GiB", what));
  pio::CodedInputStream in(reinterpret_cast<const std::uint8_t*>(bytes_.data() + field.offset),
                           static_cast<int>(field.length));
  while (static_cast<std::uint64_t>(in.CurrentPosition()) < field.length) {
    std::uint64_t value = 0;
    if (!in.ReadVarint64(&value))
      fail(field.offset + static_cast<std::uint64_t>(in.CurrentPosition()), fmt::format("a varint of {}", what));
    if (out.size() >= max) fail(field.offset, fmt::format("at most {} values of {}", max, what));
    out.push_back(value);
  }
}

// --- Stream ----------------------------------------------------------------

Stream::Stream(pio::CodedInputStream& in, std::string prefix, const Limits& limits, std::function<void()> check_source)
    : in_(in), prefix_(std::move(prefix)), limits_(limits), check_source_(std::move(check_source)) {}

std::uint64_t Stream::position() const { return static_cast<std::uint64_t>(in_.CurrentPosition()); }

std::string Stream::where() const { return prefix_ + "byte " + std::to_string(position()); }

void Stream::fail(const std::string& what) const { throw FormatError(where(), what); }

bool Stream::next(Field& field) {
  for (;;) {
    if (!limits_stack_.empty() && in_.BytesUntilLimit() == 0) return false;
    const std::uint32_t tag = in_.ReadTagNoLastTag();
    if (tag == 0) {
      if (limits_stack_.empty() && in_.ConsumedEntireMessage()) {
        check_source_();
        return false;
      }
      check_source_();
      fail(limits_stack_.empty() ? "a field tag (a varint of field number and wire type)"
                                 : "a field tag: the stream ends inside a message");
    }
    field = Field{};
    field.number = tag >> 3;
    if (field.number == 0) fail("a field number above 0");
    const std::uint32_t type = tag & 7;
    std::uint32_t value32 = 0;
    bool ok = true;
    switch (type) {
      case 0:
        ok = in_.ReadVarint64(&field.value);
        break;
      case 1:
        ok = in_.ReadLittleEndian64(&field.value);
        break;
      case 5:
        ok = in_.ReadLittleEndian32(&value32);
        field.value = value32;
        break;
      case 2: {
        std::uint64_t length = 0;
        ok = in_.ReadVarint64(&length);
        if (!ok) break;
        const int left = in_.BytesUntilLimit();  // -1 outside any message
        if (left >= 0 && length > static_cast<std::uint64_t>(left))
          fail(fmt::format("field {}: {} bytes, but only {} remain in its message", field.number, length, left));
        if (length > stream_cap)
          fail(fmt::format("field {}: {} bytes, more than the 2 GiB a protobuf stream holds", field.number, length));
        field.offset = position();
        field.length = length;
        break;
      }
      case 3:
        skip_group(in_, field.number, static_cast<std::uint32_t>(limits_stack_.size()), limits_,
                   [this](const std::string& what) {
                     check_source_();
                     fail(what);
                   });
        continue;
      case 4:
        fail(fmt::format("field {}: an end-group tag outside any group", field.number));
      default:
        fail(fmt::format("a wire type from 0 to 5, not {} (field {})", type, field.number));
    }
    if (!ok) {
      check_source_();
      fail(fmt::format("the value of field {} ({})", field.number, to_string(static_cast<WireType>(type))));
    }
    field.type = static_cast<WireType>(type);
    return true;
  }
}

void Stream::expect(const Field& field, WireType type, const char* what) const {
  if (field.type != type)
    fail(fmt::format("{} (field {}) as {}, not {}", what, field.number, to_string(type), to_string(field.type)));
}

void Stream::enter(const Field& field) {
  expect(field, WireType::length, "a message");
  if (limits_stack_.size() + 1 > limits_.max_depth) fail(fmt::format("messages nested at most {} deep", limits_.max_depth));
  limits_stack_.push_back(in_.PushLimit(static_cast<int>(field.length)));
}

void Stream::leave() {
  if (limits_stack_.empty() || in_.BytesUntilLimit() != 0) fail("the end of a message");
  in_.PopLimit(limits_stack_.back());
  limits_stack_.pop_back();
}

void Stream::skip(const Field& field) {
  if (field.type != WireType::length) return;  // scalars were read by next()
  if (!in_.Skip(static_cast<int>(field.length))) {
    check_source_();
    fail(fmt::format("{} bytes of field {}: the stream ends first", field.length, field.number));
  }
}

std::string Stream::string(const Field& field, std::size_t keep) {
  expect(field, WireType::length, "a string");
  std::string text;
  const auto kept = static_cast<int>(std::min<std::uint64_t>(field.length, keep));
  if (!in_.ReadString(&text, kept) || !in_.Skip(static_cast<int>(field.length) - kept)) {
    check_source_();
    fail(fmt::format("{} bytes of field {}: the stream ends first", field.length, field.number));
  }
  return text;
}

void Stream::varints(const Field& field, std::vector<std::uint64_t>& out, std::size_t max, const char* what) {
  if (field.type == WireType::varint) {
    if (out.size() >= max) fail(fmt::format("at most {} values of {}", max, what));
    out.push_back(field.value);
    return;
  }
  expect(field, WireType::length, what);
  const auto limit = in_.PushLimit(static_cast<int>(field.length));
  while (in_.BytesUntilLimit() > 0) {
    std::uint64_t value = 0;
    if (!in_.ReadVarint64(&value)) {
      check_source_();
      fail(fmt::format("a varint of {}", what));
    }
    if (out.size() >= max) fail(fmt::format("at most {} values of {}", max, what));
    out.push_back(value);
  }
  in_.PopLimit(limit);
}

// --- GunzipStream ------------------------------------------------------------

struct GunzipStream::State {
  z_stream z{};
  bool initialized = false;
  std::uint64_t fed = 0;                  // compressed bytes handed to zlib
  std::optional<std::uint64_t> trailing;  // where bytes that are no gzip member begin
  std::string pending;                    // an error to report once the bytes before it are read
  std::uint64_t pending_at = 0;
  std::vector<unsigned char> buffer = std::vector<unsigned char>(64 * 1024);

  std::uint64_t consumed() const { return fed - z.avail_in; }
};

namespace {

constexpr int gzip_window_bits = 16 + MAX_WBITS;  // a gzip wrapper, not zlib's
constexpr std::uint64_t ratio_grace = 1 << 20;    // below this much output, no ratio check
// Kept below INT_MAX so that the CodedInputStream reading it never meets
// its total-bytes limit (which it reports on stderr).
constexpr std::uint64_t gunzip_cap = INT_MAX - 1;

}  // namespace

GunzipStream::GunzipStream(std::string_view compressed, const Limits& limits)
    : state_(std::make_unique<State>()),
      compressed_(compressed),
      max_out_(std::min<std::uint64_t>(limits.max_decompressed_bytes, gunzip_cap)),
      max_ratio_(limits.max_compression_ratio) {
  if (inflateInit2(&state_->z, gzip_window_bits) == Z_OK)
    state_->initialized = true;
  else
    stop("zlib could not start inflating");
}

GunzipStream::~GunzipStream() {
  if (state_->initialized) inflateEnd(&state_->z);
}

void GunzipStream::stop(std::string why) {
  if (!failure_.empty()) return;
  failure_ = std::move(why);
  failure_offset_ = state_->consumed();
}

void GunzipStream::check() const {
  if (!failure_.empty()) throw FormatError("byte " + std::to_string(failure_offset_), failure_);
}

bool GunzipStream::fill() {
  if (finished_ || !failure_.empty()) return false;
  State& s = *state_;
  if (!s.pending.empty()) {
    failure_ = std::move(s.pending);
    failure_offset_ = s.pending_at;
    return false;
  }
  z_stream& z = s.z;
  for (;;) {
    if (z.avail_in == 0 && s.fed < compressed_.size()) {
      const auto chunk = std::min<std::uint64_t>(compressed_.size() - s.fed, 1u << 30);
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed_.data() + s.fed));
      z.avail_in = static_cast<uInt>(chunk);
      s.fed += chunk;
    }
    z.next_out = s.buffer.data();
    z.avail_out = static_cast<uInt>(s.buffer.size());
    const uInt before = z.avail_in;
    const int rc = inflate(&z, Z_NO_FLUSH);
    const auto produced = static_cast<int>(s.buffer.size() - z.avail_out);
    if (rc == Z_STREAM_END) {
      // A member ends; another may follow, as in `cat a.gz b.gz`.
      const std::uint64_t at = s.consumed();
      if (at == compressed_.size()) {
        finished_ = true;
      } else if (compressed_.size() - at >= 2 && compressed_[at] == '\x1f' && compressed_[at + 1] == '\x8b') {
        inflateReset(&z);
      } else {
        finished_ = true;
        s.trailing = at;
      }
    } else if (rc == Z_BUF_ERROR || (rc == Z_OK && produced == 0 && z.avail_in == before)) {
      if (z.avail_in == 0 && s.fed == compressed_.size()) {
        stop("the end of the gzip stream, but the file ends first (it is cut short)");
        return false;
      }
      if (z.avail_in != 0) {
        stop("gzip data zlib can inflate, but it makes no progress");
        return false;
      }
    } else if (rc != Z_OK) {
      // What was inflated before the bad data is served first.
      s.pending = fmt::format("gzip data zlib can inflate, but it says: {}", z.msg != nullptr ? z.msg : zError(rc));
      s.pending_at = s.consumed();
      if (produced == 0) {
        stop(std::move(s.pending));
        return false;
      }
    }
    if (produced > 0) {
      if (total_out_ + static_cast<std::uint64_t>(produced) > max_out_) {
        stop(max_out_ == gunzip_cap
                 ? std::string("at most 2 GiB once inflated, the most one protobuf stream holds")
                 : fmt::format("at most {} bytes once inflated (Limits::max_decompressed_bytes)", max_out_));
        return false;
      }
      total_out_ += static_cast<std::uint64_t>(produced);
      const std::uint64_t in = std::max<std::uint64_t>(s.consumed(), 1);
      if (total_out_ > ratio_grace && total_out_ / in > max_ratio_) {
        stop(fmt::format("a compression ratio of at most {} (Limits::max_compression_ratio), but {} bytes inflate "
                         "to {}: a decompression bomb?",
                         max_ratio_, in, total_out_));
        return false;
      }
      available_ = produced;
      backed_up_ = 0;
      return true;
    }
    if (finished_) return false;
  }
}

bool GunzipStream::Next(const void** data, int* size) {
  if (backed_up_ > 0) {
    *data = state_->buffer.data() + (available_ - backed_up_);
    *size = backed_up_;
    byte_count_ += backed_up_;
    backed_up_ = 0;
    return true;
  }
  if (!fill()) {
    if (finished_ && state_->trailing && failure_.empty()) {
      failure_ = fmt::format("the end of the file after the gzip stream, but {} more bytes follow",
                             compressed_.size() - *state_->trailing);
      failure_offset_ = *state_->trailing;
    }
    return false;
  }
  *data = state_->buffer.data();
  *size = available_;
  byte_count_ += available_;
  return true;
}

void GunzipStream::BackUp(int count) {
  backed_up_ = count;
  byte_count_ -= count;
}

bool GunzipStream::Skip(int count) {
  while (count > 0) {
    const void* data = nullptr;
    int size = 0;
    if (!Next(&data, &size)) return false;
    if (size > count) {
      BackUp(size - count);
      return true;
    }
    count -= size;
  }
  return true;
}

int64_t GunzipStream::ByteCount() const { return byte_count_; }

std::string GunzipStream::peek(std::string_view compressed, std::size_t count) {
  z_stream z{};
  if (inflateInit2(&z, gzip_window_bits) != Z_OK) return {};
  std::string out(count, '\0');
  const auto input = std::min<std::size_t>(compressed.size(), 1 << 16);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(input);
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(count);
  while (z.avail_out > 0) {
    const int rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK) break;
  }
  out.resize(count - z.avail_out);
  inflateEnd(&z);
  return out;
}

}  // namespace model_provenance::inspect::detail::wire
