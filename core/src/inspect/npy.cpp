// SPDX-License-Identifier: GPL-3.0-or-later
// NumPy's .npy and .npz files (numpy/lib/format.py; NEP 1, "A simple file
// format for NumPy arrays").  A .npy file is the magic string "\x93NUMPY",
// a major and minor version (1.0, 2.0 or 3.0), the header's length (two
// bytes little-endian in 1.0, four in 2.0 and 3.0), and the header: the
// repr of a Python dict with exactly the keys 'descr', 'fortran_order'
// and 'shape', padded with spaces to a multiple of 64 bytes and ended by a
// newline; ASCII in 1.0 and 2.0, UTF-8 in 3.0.  The array data follows:
// the raw elements, or, for dtypes holding Python objects, a pickle of the
// array (format.write_array), which is scanned like any pickle.
// A .npz file is a zip of .npy members (numpy.savez, savez_compressed),
// each an array named by its member name less ".npy".
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <variant>

#include "archive.hpp"
#include "pickle.hpp"

namespace model_provenance::inspect::detail {
namespace {

constexpr std::string_view npy_magic = "\x93NUMPY";

std::uint64_t little_endian(std::string_view bytes, std::size_t at, std::size_t size) {
  std::uint64_t value = 0;
  for (std::size_t k = size; k-- > 0;) value = value << 8 | static_cast<unsigned char>(bytes[at + k]);
  return value;
}

// ---------------------------------------------------------------------------
// The header: a Python literal, read by a small parser of its own that
// knows strings, integers, booleans, None, tuples, lists and dicts, and
// nothing else (numpy reads it with ast.literal_eval).

struct Literal {
  enum class Kind { string, integer, boolean, none, sequence, dict } kind = Kind::none;
  std::string text;       // string
  std::int64_t number = 0;  // integer (when it fits), boolean
  bool fits = true;
  std::vector<Literal> items;    // sequence
  std::vector<Literal> entries;  // dict: values, each with its key
  std::string key;               // a dict entry's key (strings only)
  std::string_view source;                               // the literal as written
};

class LiteralParser {
 public:
  LiteralParser(std::string_view text, std::uint64_t base, std::string prefix, std::uint32_t max_depth)
      : text_(text), base_(base), prefix_(std::move(prefix)), max_depth_(max_depth) {}

  Literal parse() {
    Literal value = parse_value(0);
    skip_space();
    if (at_ != text_.size()) fail("the end of the header after its dict");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw FormatError(fmt::format("{}byte {}", prefix_, base_ + at_), "NumPy header: " + what);
  }
  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r'))
      ++at_;
  }
  bool next_is(char c) {
    skip_space();
    return at_ < text_.size() && text_[at_] == c;
  }
  void expect(char c) {
    if (!next_is(c)) fail(fmt::format("'{}'", c));
    ++at_;
  }

  Literal parse_value(std::uint32_t depth) {
    if (depth > max_depth_) fail(fmt::format("values nested no deeper than {}", max_depth_));
    skip_space();
    if (at_ >= text_.size()) fail("a value");
    const std::size_t start = at_;
    Literal value;
    const char c = text_[at_];
    if (c == '\'' || c == '"') {
      value.kind = Literal::Kind::string;
      value.text = parse_string();
    } else if (c == '(' || c == '[') {
      const char close = c == '(' ? ')' : ']';
      value.kind = Literal::Kind::sequence;
      ++at_;
      while (!next_is(close)) {
        value.items.push_back(parse_value(depth + 1));
        if (next_is(',')) ++at_;
        else if (!next_is(close)) fail(fmt::format("',' or '{}'", close));
      }
      ++at_;
    } else if (c == '{') {
      value.kind = Literal::Kind::dict;
      ++at_;
      while (!next_is('}')) {
        skip_space();
        if (at_ >= text_.size() || (text_[at_] != '\'' && text_[at_] != '"')) fail("a string key");
        std::string key = parse_string();
        expect(':');
        value.entries.push_back(parse_value(depth + 1));
        value.entries.back().key = std::move(key);
        if (next_is(',')) ++at_;
        else if (!next_is('}')) fail("',' or '}'");
      }
      ++at_;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      value.kind = Literal::Kind::integer;
      bool negative = false;
      if (c == '-') {
        negative = true;
        ++at_;
      }
      const std::size_t digits = at_;
      std::uint64_t number = 0;
      while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
        if (number > (1ull << 62) / 10) value.fits = false;
        number = number * 10 + static_cast<std::uint64_t>(text_[at_] - '0');
        ++at_;
      }
      if (at_ == digits) fail("digits");
      if (at_ < text_.size() && text_[at_] == 'L') ++at_;  // Python 2's long suffix, written by old NumPy
      value.number = negative ? -static_cast<std::int64_t>(number) : static_cast<std::int64_t>(number);
    } else if (text_.compare(at_, 4, "True") == 0 || text_.compare(at_, 5, "False") == 0) {
      value.kind = Literal::Kind::boolean;
      value.number = text_[at_] == 'T';
      at_ += value.number ? 4 : 5;
    } else if (text_.compare(at_, 4, "None") == 0) {
      value.kind = Literal::Kind::none;
      at_ += 4;
    } else {
      fail("a string, number, boolean, None, tuple, list or dict");
    }
    value.source = text_.substr(start, at_ - start);
    return value;
  }

  std::string parse_string() {
    const char quote = text_[at_++];
    std::string out;
    while (true) {
      if (at_ >= text_.size()) fail("the end of a string");
      const char c = text_[at_++];
      if (c == quote) return out;
      if (c == '\\') {
        if (at_ >= text_.size()) fail("the end of a string");
        out += text_[at_++];
        continue;
      }
      out += c;
    }
  }

  std::string_view text_;
  std::uint64_t base_;
  std::string prefix_;
  std::uint32_t max_depth_;
  std::size_t at_ = 0;
};

const Literal* lookup(const Literal& dict, std::string_view key) {
  for (const auto& entry : dict.entries)
    if (entry.key == key) return &entry;
  return nullptr;
}

// A dtype string as dtype.str writes it ("<f4", "|b1", "<U10", "|O",
// "<M8[ns]"): its item size, or nullopt for one this reader does not size.
std::optional<std::uint64_t> item_size(std::string_view descr) {
  if (!descr.empty() && (descr[0] == '<' || descr[0] == '>' || descr[0] == '|' || descr[0] == '=')) descr.remove_prefix(1);
  if (descr.empty()) return std::nullopt;
  const char kind = descr[0];
  std::string_view digits = descr.substr(1);
  if (const auto bracket = digits.find('['); bracket != std::string_view::npos) digits = digits.substr(0, bracket);
  if (kind == 'O' && digits.empty()) return 8;
  if (kind == '?' && digits.empty()) return 1;
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  std::uint64_t size = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    size = size * 10 + static_cast<std::uint64_t>(c - '0');
  }
  switch (kind) {
    case 'b': case 'i': case 'u': case 'f': case 'c': case 'S': case 'V': case 'M': case 'm': case 'a': case 'O':
      return size;
    case 'U':
      return size * 4;
    default:
      return std::nullopt;
  }
}

// Whether a descr holds Python objects: a type string of kind 'O', also
// inside a structured dtype's fields.
bool holds_objects(const Literal& descr) {
  if (descr.kind == Literal::Kind::string) {
    std::string_view type = descr.text;
    if (!type.empty() && (type[0] == '<' || type[0] == '>' || type[0] == '|' || type[0] == '=')) type.remove_prefix(1);
    return !type.empty() && type[0] == 'O';
  }
  for (const auto& item : descr.items)
    if (holds_objects(item)) return true;
  return false;
}

struct Header {
  int major = 0;
  int minor = 0;
  std::uint64_t data_offset = 0;  // where the array data starts
  std::string dtype;
  bool objects = false;
  std::optional<std::uint64_t> item;
  std::vector<std::uint64_t> shape;
};

// Reads the header at the start of BYTES (which may be only a prefix of
// the file); PREFIX goes before "byte N" in errors.
Header read_header(std::string_view bytes, const Limits& limits, const std::string& prefix) {
  Cursor in(bytes, 0, prefix);
  if (in.take(6, "the magic string \\x93NUMPY") != npy_magic) in.fail("the magic string \\x93NUMPY");
  Header header;
  header.major = in.u8("major version");
  header.minor = in.u8("minor version");
  if (header.major < 1 || header.major > 3 || header.minor != 0)
    throw FormatError(prefix + "byte 6", fmt::format("NumPy format version 1.0, 2.0 or 3.0, not {}.{}", header.major,
                                                     header.minor));
  const std::uint64_t length = header.major == 1 ? in.u16("header length") : in.u32("header length");
  if (length > limits.max_header_bytes)
    in.fail(fmt::format("a header of at most {} bytes, not {}", limits.max_header_bytes, length));
  const std::uint64_t text_at = in.offset();
  std::string_view text = in.take(length, "the header");
  header.data_offset = in.offset();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\0')) text.remove_suffix(1);
  const Literal dict = LiteralParser(text, text_at, prefix, limits.max_depth).parse();
  const auto where = [&] { return fmt::format("{}byte {}", prefix, text_at); };
  if (dict.kind != Literal::Kind::dict || dict.entries.size() != 3)
    throw FormatError(where(), "NumPy header: a dict of 'descr', 'fortran_order' and 'shape'");
  const Literal* descr = lookup(dict, "descr");
  const Literal* fortran = lookup(dict, "fortran_order");
  const Literal* shape = lookup(dict, "shape");
  if (descr == nullptr || fortran == nullptr || shape == nullptr)
    throw FormatError(where(), "NumPy header: the keys 'descr', 'fortran_order' and 'shape'");
  if (fortran->kind != Literal::Kind::boolean) throw FormatError(where(), "NumPy header: 'fortran_order' True or False");
  if (shape->kind != Literal::Kind::sequence) throw FormatError(where(), "NumPy header: 'shape' a tuple");
  for (const auto& dimension : shape->items) {
    if (dimension.kind != Literal::Kind::integer || dimension.number < 0 || !dimension.fits)
      throw FormatError(where(), "NumPy header: 'shape' of non-negative integers");
    header.shape.push_back(static_cast<std::uint64_t>(dimension.number));
  }
  if (descr->kind == Literal::Kind::string) {
    header.dtype = printable(descr->text, 64);
    header.item = item_size(descr->text);
  } else if (descr->kind == Literal::Kind::sequence) {
    header.dtype = printable(descr->source, 256);
  } else {
    throw FormatError(where(), "NumPy header: 'descr' a string or a list of fields");
  }
  header.objects = holds_objects(*descr);
  return header;
}

std::string strip_npy(std::string_view name) {
  if (const auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  if (name.size() > 4 && name.substr(name.size() - 4) == ".npy") name.remove_suffix(4);
  return printable(name, 512);
}

// What a header tells the result: the tensor, and for object arrays the
// pickle after it.  DATA is all of the array's bytes that are at hand;
// DECLARED how many there are in the file or member.  LABEL names the file
// or member in findings, PREFIX in errors.
void describe(Context& context, const Header& header, const std::string& name, std::string_view data,
              std::uint64_t declared, const std::string& label, const std::string& prefix) {
  const std::uint64_t count = saturating_product(header.shape);
  context.tensor({name, header.dtype, header.shape});
  context.out.parameters = saturating_add(context.out.parameters.value_or(0), count);
  if (header.objects) {
    // The data is a pickle of the array (numpy.lib.format.write_array).
    const PickleScan scan = scan_pickle(data, context.limits, prefix, header.data_offset);
    report_pickle(context, scan, label);
    return;
  }
  if (header.item) {
    const std::uint64_t needed = saturating_product({count, *header.item});
    if (needed > declared)
      throw FormatError(fmt::format("{}byte {}", prefix, header.data_offset),
                        fmt::format("array data of {} bytes, but only {} remain", needed, declared));
  }
}

bool sniff_npy(std::string_view bytes, std::string_view) {
  return bytes.size() >= 10 && bytes.substr(0, 6) == npy_magic;
}

void read_npy(Context& context) {
  const std::string prefix = context.depth == 0 ? std::string() : context.name + ": ";
  const Header header = read_header(context.bytes, context.limits, prefix);
  context.fact("npy format version", fmt::format("{}.{}", header.major, header.minor));
  context.out.format_detail = fmt::format("NumPy array file, format version {}.{}", header.major, header.minor);
  if (header.objects) context.out.format_detail += ", Python objects (pickled)";
  const std::string_view data = context.bytes.substr(header.data_offset);
  describe(context, header, strip_npy(context.name), data, data.size(), context.name, prefix);
}

// .npz: a zip whose members all end in .npy.
bool sniff_npz(std::string_view bytes, std::string_view) {
  const auto names = zip_member_names(bytes);
  if (names.empty()) return false;
  for (const auto& name : names)
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".npy") != 0) return false;
  return true;
}

void read_npz(Context& context) {
  ZipArchive zip(context.bytes, context.limits);
  std::size_t arrays = 0;
  bool compressed = false;
  bool objects = false;
  for (const auto& member : zip.members()) {
    const std::string label = member.label();
    const std::string prefix = label + ": ";
    compressed = compressed || !member.stored;
    // The header first: the magic, versions and length, then the header itself.
    std::string head = zip.read(member, 12);
    if (head.size() < 10 || std::string_view(head).substr(0, 6) != npy_magic)
      throw FormatError(prefix + "byte 0", "a .npy member starting with \\x93NUMPY");
    const auto major = static_cast<unsigned char>(head[6]);
    std::uint64_t length = major == 1 ? little_endian(head, 8, 2) : head.size() >= 12 ? little_endian(head, 8, 4) : 0;
    if (length > context.limits.max_header_bytes)
      throw FormatError(prefix + "byte 8", fmt::format("a header of at most {} bytes, not {}",
                                                       context.limits.max_header_bytes, length));
    head = zip.read(member, (major == 1 ? 10 : 12) + length);
    Header header = read_header(head, context.limits, prefix);
    objects = objects || header.objects;
    std::string data;
    if (header.objects) data = zip.read(member).substr(header.data_offset);
    const std::uint64_t declared = member.size > header.data_offset ? member.size - header.data_offset : 0;
    describe(context, header, strip_npy(member.name), data, declared, label, prefix);
    ++arrays;
  }
  context.out.format_detail = fmt::format("NumPy .npz archive of {} arrays{}{}", arrays,
                                          compressed ? ", compressed" : "", objects ? ", Python objects (pickled)" : "");
}

}  // namespace

const Format& npy_format() {
  static const Format format{"npy", "NumPy array file (.npy)", sniff_npy, read_npy};
  return format;
}

const Format& npz_format() {
  static const Format format{"npz", "NumPy array archive (.npz)", sniff_npz, read_npz};
  return format;
}

}  // namespace model_provenance::inspect::detail
