// SPDX-License-Identifier: GPL-3.0-or-later
// safetensors.  Layout from huggingface/safetensors README.md ("Format")
// and safetensors/src/tensor.rs (commit 24b0b2857fef): a u64
// little-endian header length N, N bytes of JSON starting with '{' (maybe
// padded with spaces), then the byte buffer.  The header maps tensor names
// to {"dtype", "shape", "data_offsets": [BEGIN, END]} relative to the
// buffer, plus "__metadata__", a map of strings to strings.  As the
// reference reader does, the tensors sorted by offset must cover the
// buffer with neither hole nor overlap, each as long as its dtype and
// shape say, and the buffer must end with the file.
//
// The header is read by nlohmann-json's event (SAX) interface, so a huge
// header costs memory for its tensor list only, never for a document
// tree, and an iterator that counts what the parser has read locates each
// error in the file.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "format.hpp"

namespace model_provenance::inspect::detail {
namespace {

// Bits per element of each dtype of enum Dtype (tensor.rs, bitsize).
std::uint32_t dtype_bits(std::string_view dtype) {
  static const std::pair<std::string_view, std::uint32_t> dtypes[] = {
      {"BOOL", 8},        {"F4", 4},           {"F6_E2M3", 6},     {"F6_E3M2", 6}, {"U8", 8},   {"I8", 8},
      {"F8_E5M2", 8},     {"F8_E4M3", 8},      {"F8_E8M0", 8},     {"F8_E4M3FNUZ", 8},
      {"F8_E5M2FNUZ", 8}, {"I16", 16},         {"U16", 16},        {"F16", 16},    {"BF16", 16}, {"I32", 32},
      {"U32", 32},        {"F32", 32},         {"C64", 64},        {"F64", 64},    {"I64", 64}, {"U64", 64},
  };
  for (const auto& [name, bits] : dtypes)
    if (name == dtype) return bits;
  return 0;
}

// A const char* that tells a shared counter how far the parser has read.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, const char** read) : at_(at), read_(read) {}
  reference operator*() const { return *at_; }
  CountingIterator& operator++() {
    *read_ = ++at_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& other) const { return at_ == other.at_; }
  bool operator!=(const CountingIterator& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  const char** read_;
};

struct Entry {
  std::string name;
  std::uint64_t where = 0;  // file offset of its name, for messages
  std::string dtype;
  bool has_dtype = false, has_shape = false, has_offsets = false;
  std::vector<std::uint64_t> shape;
  std::uint64_t begin = 0, end = 0;
  std::size_t offsets_seen = 0;
};

// Follows the header's events: the top object, each tensor's entry and
// the metadata map.  A handler returning false stops the parse; the
// first complaint and where it was are kept.
class Header {
 public:
  using json = nlohmann::json;

  Header(Context& context, const char* base, const char** read, std::uint64_t file_offset)
      : context_(context), base_(base), read_(read), file_offset_(file_offset) {}

  std::vector<Entry> entries;
  std::optional<FormatError> error;

  bool null() { return lookahead_ = 0, scalar("null"); }
  bool boolean(bool) { return lookahead_ = 0, scalar("a boolean"); }
  // The parser has read one character past a number when it reports it.
  bool number_integer(json::number_integer_t value) {
    lookahead_ = 1;
    if (in_ == In::shape || in_ == In::offsets) return complain(fmt::format("{}, not {}", expected(), value));
    return scalar("a number");
  }
  bool number_unsigned(json::number_unsigned_t value) {
    lookahead_ = 1;
    if (in_ == In::shape) {
      entry_.shape.push_back(value);
      return true;
    }
    if (in_ == In::offsets) {
      if (entry_.offsets_seen == 0) entry_.begin = value;
      if (entry_.offsets_seen == 1) entry_.end = value;
      ++entry_.offsets_seen;
      return true;
    }
    return scalar("a number");
  }
  bool number_float(json::number_float_t, const json::string_t& text) {
    lookahead_ = 1;
    if (in_ == In::shape || in_ == In::offsets) return complain(fmt::format("{}, not {}", expected(), text));
    return scalar("a number");
  }
  bool binary(json::binary_t&) { return lookahead_ = 0, scalar("binary data"); }
  bool string(json::string_t& value) {
    lookahead_ = 0;
    if (skipping_ > 0) return true;
    if (in_ == In::metadata_value) {
      context_.fact("__metadata__." + printable(key_, 256), printable(value));
      // "license" and "base_model" as some writers copy them from the
      // model card; "modelspec.license" of Stability AI's ModelSpec.
      if (key_ == "license" || key_ == "modelspec.license") context_.out.license = printable(value, 1024);
      if (key_ == "base_model") context_.out.base_models.push_back(printable(value, 1024));
      in_ = In::metadata;
      return true;
    }
    if (in_ == In::field && field_ == "dtype") {
      entry_.dtype = value;
      entry_.has_dtype = true;
      in_ = In::entry;
      return true;
    }
    return scalar("a string");
  }
  bool start_object(std::size_t) {
    lookahead_ = 0;
    if (!deeper()) return false;
    if (skipping_ > 0) return ++skipping_, true;
    switch (in_) {
      case In::start: in_ = In::top; return true;
      case In::tensor_value: in_ = In::entry; keys_.clear(); return true;
      case In::metadata_start: in_ = In::metadata; keys_.clear(); return true;
      case In::field: return known_field() ? complain(field_kind("an object")) : skip();
      default: return complain(expected() + ", not an object");
    }
  }
  bool start_array(std::size_t) {
    lookahead_ = 0;
    if (!deeper()) return false;
    if (skipping_ > 0) return ++skipping_, true;
    if (in_ == In::field && field_ == "shape") {
      entry_.has_shape = true;
      in_ = In::shape;
      return true;
    }
    if (in_ == In::field && field_ == "data_offsets") {
      entry_.has_offsets = true;
      in_ = In::offsets;
      return true;
    }
    if (in_ == In::field) return known_field() ? complain(field_kind("an array")) : skip();
    return complain(expected() + ", not an array");
  }
  bool end_array() {
    lookahead_ = 0;
    --depth_;
    if (skipping_ > 0) return leave_skipped();
    if (in_ == In::offsets && entry_.offsets_seen != 2)
      return complain(fmt::format("tensor \"{}\": data_offsets of two numbers, [BEGIN, END], not {}",
                                  printable(entry_.name, 256), entry_.offsets_seen));
    in_ = In::entry;
    return true;
  }
  bool key(json::string_t& name) {
    lookahead_ = 0;
    if (skipping_ > 0) return true;
    switch (in_) {
      case In::top:
        if (!names_.insert(name).second) return complain(fmt::format("a tensor name used once, not \"{}\" again",
                                                                      printable(name, 256)));
        if (name == "__metadata__") {
          in_ = In::metadata_start;
          return true;
        }
        if (entries.size() >= context_.limits.max_entries)
          return complain(fmt::format("at most {} tensors", context_.limits.max_entries));
        entry_ = Entry{};
        entry_.name = name;
        entry_.where = key_start();
        in_ = In::tensor_value;
        return true;
      case In::entry:
        if (!keys_.insert(name).second) return complain(fmt::format("\"{}\" once per tensor", printable(name, 256)));
        field_ = name;
        in_ = In::field;
        return true;
      case In::metadata:
        if (!keys_.insert(name).second)
          return complain(fmt::format("__metadata__ keys used once, not \"{}\" again", printable(name, 256)));
        key_ = name;
        in_ = In::metadata_value;
        return true;
      default:
        return complain(expected());
    }
  }
  bool end_object() {
    lookahead_ = 0;
    --depth_;
    if (skipping_ > 0) return leave_skipped();
    switch (in_) {
      case In::entry: {
        const char* missing = !entry_.has_dtype ? "dtype" : !entry_.has_shape ? "shape"
                                                           : !entry_.has_offsets ? "data_offsets" : nullptr;
        if (missing != nullptr)
          return complain(fmt::format("tensor \"{}\": a \"{}\"", printable(entry_.name, 256), missing));
        entries.push_back(std::move(entry_));
        keys_.clear();
        in_ = In::top;
        return true;
      }
      case In::metadata:
        keys_.clear();
        in_ = In::top;
        return true;
      case In::top:
        in_ = In::done;
        return true;
      default:
        return complain(expected());
    }
  }
  // POSITION counts the characters read, the offending one included, less
  // any read ahead and put back.
  template <class Exception>
  bool parse_error(std::size_t position, const std::string&, const Exception& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 2:
    // syntax error ...": what follows the last ": " of the prefix.
    std::string what = e.what();
    if (const auto colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    const std::uint64_t at = position > 0 ? position - 1 : 0;
    error.emplace(fmt::format("byte {}", file_offset_ + at), "JSON header: " + printable(what, 512));
    return false;
  }

 private:
  enum class In { start, top, tensor_value, entry, field, shape, offsets, metadata_start, metadata, metadata_value, done };

  std::uint64_t position() const { return static_cast<std::uint64_t>(*read_ - base_); }
  // Where the key just read starts: its opening quote, the last quote
  // before its closing one that no backslash escapes.
  std::uint64_t key_start() const {
    const std::uint64_t closing = position() - 1;
    for (std::uint64_t i = closing; i-- > 0;) {
      if (base_[i] != '"') continue;
      std::uint64_t backslashes = 0;
      while (backslashes < i && base_[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return closing;
  }

  // The complaint is about the last character read, or the last of a
  // number.
  bool complain(const std::string& what) {
    const std::uint64_t read = position() - std::min<std::uint64_t>(position(), lookahead_);
    if (!error) error.emplace(fmt::format("byte {}", file_offset_ + (read > 0 ? read - 1 : 0)), what);
    return false;
  }
  std::string expected() const {
    switch (in_) {
      case In::start: return "a JSON object";
      case In::tensor_value: return fmt::format("tensor \"{}\": an object", printable(entry_.name, 256));
      case In::metadata_start:
      case In::metadata:
      case In::metadata_value: return "__metadata__: an object of strings";
      case In::shape:
      case In::offsets:
        return fmt::format("tensor \"{}\": {}: a non-negative integer", printable(entry_.name, 256), field_);
      default: return "a tensor entry";
    }
  }
  // A value that is not wanted where it is.
  bool scalar(const char* what) {
    if (skipping_ > 0) return true;
    if (in_ == In::field) {
      // An unknown field's value, or a known one of the wrong kind.
      if (known_field()) return complain(field_kind(what));
      in_ = In::entry;
      return true;
    }
    if (in_ == In::metadata_start && std::string_view(what) == "null") {
      in_ = In::top;
      return true;
    }
    return complain(fmt::format("{}, not {}", expected(), what));
  }
  bool known_field() const { return field_ == "dtype" || field_ == "shape" || field_ == "data_offsets"; }
  std::string field_kind(const char* what) const {
    return fmt::format("tensor \"{}\": {} {}, not {}", printable(entry_.name, 256), field_,
                       field_ == "dtype" ? "a string" : "an array of integers", what);
  }
  // Values of fields the format does not define are passed over.
  bool skip() {
    skipping_ = 1;
    return true;
  }
  bool leave_skipped() {
    if (--skipping_ == 0) in_ = In::entry;
    return true;
  }
  bool deeper() {
    if (++depth_ > context_.limits.max_depth)
      return complain(fmt::format("JSON nested at most {} deep", context_.limits.max_depth));
    return true;
  }

  Context& context_;
  const char* base_;
  const char** read_;
  std::uint64_t file_offset_;
  In in_ = In::start;
  std::uint32_t depth_ = 0;
  std::uint32_t skipping_ = 0;
  std::uint32_t lookahead_ = 0;
  Entry entry_;
  std::string field_, key_;
  std::unordered_set<std::string> names_, keys_;
};

// A header length under 4 GiB and a JSON object starting right after
// it; the length is not checked against the file's, so a cut file is
// still read, and its error says where it ends.
bool sniff(std::string_view bytes, std::string_view) {
  if (bytes.size() < 10) return false;
  std::uint64_t length;
  std::memcpy(&length, bytes.data(), sizeof length);
  const char next = bytes[9];
  return length >= 2 && length < (1ull << 32) && bytes[8] == '{' &&
         (next == '"' || next == '}' || next == ' ' || next == '\n' || next == '\r' || next == '\t');
}

void read(Context& context) {
  Cursor in(context.bytes);
  const std::uint64_t length = in.u64("header length");
  if (length > context.limits.max_header_bytes) {
    in.seek(0);
    in.fail(fmt::format("a header of at most {} bytes, not {}", context.limits.max_header_bytes, length));
  }
  const std::string_view text = in.take(length, "JSON header");
  context.out.format_detail = fmt::format("safetensors, {}-byte header", length);
  if (text.empty() || text[0] != '{') {
    in.seek(8);
    in.fail("a JSON header starting with '{'");
  }

  const char* read = text.data();
  Header header(context, text.data(), &read, 8);
  const bool ok = nlohmann::json::sax_parse(CountingIterator(text.data(), &read),
                                            CountingIterator(text.data() + text.size(), &read), &header,
                                            nlohmann::json::input_format_t::json, true);
  if (header.error) throw *header.error;
  if (!ok) in.fail("a complete JSON header");

  // The tensors, in header order; then their data, in offset order.
  auto& entries = header.entries;
  std::uint64_t parameters = 0;
  for (auto& entry : entries) {
    parameters = saturating_add(parameters, saturating_product(entry.shape));
    context.tensor({printable(entry.name, 256), printable(entry.dtype, 64), entry.shape});
  }
  context.out.parameters = parameters;

  const std::uint64_t data_start = 8 + length;
  const std::uint64_t data_size = context.bytes.size() - data_start;
  std::vector<const Entry*> order;
  order.reserve(entries.size());
  for (const auto& entry : entries) order.push_back(&entry);
  std::sort(order.begin(), order.end(), [](const Entry* a, const Entry* b) {
    return std::tie(a->begin, a->end) < std::tie(b->begin, b->end);
  });
  std::uint64_t next = 0;
  for (const Entry* entry : order) {
    const auto fail = [&](const std::string& what) {
      throw FormatError(fmt::format("byte {}", 8 + entry->where), fmt::format("tensor \"{}\": {}",
                                                                                printable(entry->name, 256), what));
    };
    if (entry->begin != next)
      fail(fmt::format("data_offsets beginning at {}, where the tensor before ends, not {}", next, entry->begin));
    if (entry->end < entry->begin) fail(fmt::format("data_offsets [{}, {}] ending before they begin", entry->begin,
                                                    entry->end));
    if (entry->end > data_size)
      fail(fmt::format("data_offsets [{}, {}] within the {} bytes of data", entry->begin, entry->end, data_size));
    if (const std::uint32_t bits = dtype_bits(entry->dtype)) {
      const std::uint64_t elements = saturating_product(entry->shape);
      // END - BEGIN is at most the file's size: more elements cannot fit.
      if (elements > (entry->end - entry->begin) * 8 / bits + 1)
        fail(fmt::format("{} elements of {}, more than the {} bytes of data_offsets [{}, {}] hold", elements,
                         entry->dtype, entry->end - entry->begin, entry->begin, entry->end));
      const std::uint64_t total_bits = elements * bits;
      if (total_bits % 8 != 0) fail(fmt::format("{} elements of {}, not a whole number of bytes", elements, entry->dtype));
      if (total_bits / 8 != entry->end - entry->begin)
        fail(fmt::format("{} bytes for {} elements of {}, not the {} of data_offsets [{}, {}]", total_bits / 8,
                         elements, entry->dtype, entry->end - entry->begin, entry->begin, entry->end));
    } else {
      fail(fmt::format("a safetensors dtype, not \"{}\"", printable(entry->dtype, 64)));
    }
    next = entry->end;
  }
  if (next != data_size)
    throw FormatError(fmt::format("byte {}", data_start + next),
                      fmt::format("the end of the file, as the tensors' data ends here, but {} more bytes follow",
                                  data_size - next));
}

}  // namespace

const Format& safetensors_format() {
  static const Format format{"safetensors", "safetensors (Hugging Face)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
