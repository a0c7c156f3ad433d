// SPDX-License-Identifier: GPL-3.0-or-later
// HDF5 files (.h5, .hdf5), read as far as the root group's attributes:
// where Keras 2 (keras/src/legacy/saving/legacy_h5_format.py,
// save_model_to_hdf5) keeps model_config (the model as JSON, Lambda
// layers and all), training_config, keras_version and backend.  Every
// string attribute of the root group is a fact.
//
// The layout follows the HDF5 File Format Specification Version 3.0
// (doxygen/examples/H5.format.html in the HDF5 sources):
//  - II.A "Format Signature and Superblock": the signature \211HDF\r\n\032\n
//    at byte 0, 512, 1024, 2048, ...; superblock versions 0 and 1 (the
//    root group's symbol table entry, III.C, holds its object header
//    address) and 2 and 3 (the root object header address itself);
//    addresses relative to the base address, all ones when undefined;
//  - IV.A.1 "Data Object Header Prefix": version 1 (no signature, 16 bytes,
//    messages 8-byte aligned with an 8-byte envelope) and version 2 ("OHDR",
//    flags, optional times and attribute thresholds, chunk size of 1, 2, 4
//    or 8 bytes, 4- or 6-byte envelopes, a checksum);
//  - IV.A.2.q "Object Header Continuation" (0x0010): further chunks, raw in
//    version 1, "OCHK" blocks in version 2;
//  - IV.A.2.m "Attribute Message" (0x000C), versions 1 to 3; IV.A.2.d
//    "Datatype Message" (class 3 fixed-length strings, class 9
//    variable-length strings); IV.A.2.b "Dataspace Message" versions 1 and
//    2; III.E "Global Heap" collections ("GCOL"), where variable-length
//    strings are kept (a 4-byte length, then the collection's address and
//    the object's index);
//  - IV.A.2.v "Attribute Info Message" (0x0015): when it names a fractal
//    heap, some attributes are in dense storage (III.G fractal heap, III.A.2
//    version 2 B-tree), which this reader does not walk: it says so in a
//    fact instead of guessing.
// Checksums are not verified, and groups below the root are not walked.
#include <fmt/format.h>

#include <optional>
#include <set>

#include "keras.hpp"

namespace model_provenance::inspect::detail {
namespace {

constexpr std::string_view signature = "\x89HDF\r\n\x1a\n";

std::optional<std::uint64_t> find_signature(std::string_view bytes) {
  if (bytes.substr(0, 8) == signature) return 0;
  for (std::uint64_t at = 512; at + 8 <= bytes.size() && at != 0; at *= 2)
    if (bytes.substr(at, 8) == signature) return at;
  return std::nullopt;
}

bool sniff(std::string_view bytes, std::string_view) { return find_signature(bytes).has_value(); }

std::uint64_t pad8(std::uint64_t n) { return (n + 7) & ~std::uint64_t{7}; }

struct Attribute {
  std::string name;
  std::string value;  // the string's text; several elements joined by newlines
  bool is_string = false;
};

class Reader {
 public:
  explicit Reader(Context& context) : context_(context), file_(context.bytes) {}

  void read() {
    const std::uint64_t start = *find_signature(context_.bytes);
    file_.seek(start + 8);
    const std::uint8_t version = file_.u8("superblock version");
    std::uint64_t root = 0;
    if (version == 0 || version == 1) {
      file_.skip(4, "superblock versions");  // free-space, root symbol table entry, reserved, shared header
      offset_size_ = file_.u8("size of offsets");
      length_size_ = file_.u8("size of lengths");
      check_sizes();
      file_.skip(1 + 2 + 2 + 4, "superblock fields");  // reserved, group K values, consistency flags
      if (version == 1) file_.skip(4, "indexed storage K");
      base_ = address("base address");
      address("free-space info address");
      address("end of file address");
      address("driver information block address");
      // The root group's symbol table entry: link name offset, object header address.
      address("root link name offset");
      root = address("root object header address");
    } else if (version == 2 || version == 3) {
      offset_size_ = file_.u8("size of offsets");
      length_size_ = file_.u8("size of lengths");
      check_sizes();
      file_.skip(1, "file consistency flags");
      base_ = address("base address");
      address("superblock extension address");
      address("end of file address");
      root = address("root object header address");
    } else {
      fail_at(start + 8, fmt::format("superblock version 0 to 3, not {}", version));
    }
    context_.out.format_detail = fmt::format("HDF5, superblock version {}", version);
    if (root == undefined_) fail_at(file_.offset(), "a root group address");
    walk_object_header(absolute(root, "root object header"));
    report();
  }

 private:
  [[noreturn]] void fail_at(std::uint64_t at, const std::string& what) const {
    throw FormatError(fmt::format("byte {}", at), what);
  }
  void check_sizes() {
    for (const auto size : {offset_size_, length_size_})
      if (size != 2 && size != 4 && size != 8) fail_at(file_.offset() - 1, fmt::format("a size of 2, 4 or 8 bytes, not {}", size));
    undefined_ = offset_size_ == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * offset_size_)) - 1;
  }
  static std::uint64_t sized(Cursor& in, std::uint8_t size, const char* what) {
    switch (size) {
      case 1: return in.u8(what);
      case 2: return in.u16(what);
      case 4: return in.u32(what);
      default: return in.u64(what);
    }
  }
  std::uint64_t address(const char* what) { return sized(file_, offset_size_, what); }
  std::uint64_t absolute(std::uint64_t relative, const char* what) const {
    if (relative == undefined_ || relative > context_.bytes.size() || base_ > context_.bytes.size() - relative)
      fail_at(file_.offset(), fmt::format("{}: an address within the file, not {}", what, relative));
    return base_ + relative;
  }

  // --- object headers
  void walk_object_header(std::uint64_t at) {
    file_.seek(at);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> chunks;  // where the messages are, and their length
    bool v2 = false;
    bool creation_order = false;
    std::uint64_t messages_left = UINT64_MAX;
    if (context_.bytes.substr(at, 4) == "OHDR") {
      v2 = true;
      file_.skip(4);
      const std::uint8_t version = file_.u8("object header version");
      if (version != 2) fail_at(at + 4, fmt::format("object header version 2, not {}", version));
      const std::uint8_t flags = file_.u8("object header flags");
      creation_order = (flags & 0x04) != 0;
      if (flags & 0x20) file_.skip(16, "object header times");
      if (flags & 0x10) file_.skip(4, "attribute storage thresholds");
      const std::uint64_t size = sized(file_, static_cast<std::uint8_t>(1u << (flags & 3)), "size of chunk 0");
      chunks.emplace_back(file_.offset(), size);
    } else {
      const std::uint8_t version = file_.u8("object header version");
      if (version != 1) fail_at(at, fmt::format("object header version 1 or 2, not {}", version));
      file_.skip(1, "reserved");
      messages_left = file_.u16("number of header messages");
      file_.skip(4, "object reference count");
      const std::uint64_t size = file_.u32("object header size");
      file_.skip(4, "padding");
      chunks.emplace_back(file_.offset(), size);
    }
    std::set<std::uint64_t> seen;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      if (chunks.size() > 4096) fail_at(chunks[i].first, "no more than 4096 object header continuations");
      auto [start, length] = chunks[i];
      if (!seen.insert(start).second) fail_at(start, "an object header continuation not seen before (a loop)");
      file_.seek(start);
      // In version 2, chunk 0's size counts its messages only; a
      // continuation block's length counts its signature "OCHK" and its
      // checksum too.
      if (i > 0 && v2) {
        if (context_.bytes.substr(start, 4) != "OCHK") fail_at(start, "the signature OCHK of a continuation block");
        file_.skip(4);
        if (length < 8) fail_at(start, "a continuation block of at least 8 bytes");
        length -= 8;
      }
      if (length > file_.remaining()) fail_at(start, fmt::format("an object header chunk of {} bytes within the file", length));
      const std::uint64_t end = file_.offset() + length;
      const std::uint64_t envelope = v2 ? (creation_order ? 6 : 4) : 8;
      while (end - file_.offset() >= envelope && messages_left > 0) {
        const std::uint64_t message_at = file_.offset();
        std::uint16_t type;
        std::uint8_t flags;
        std::uint64_t size;
        if (v2) {
          type = file_.u8("message type");
          size = file_.u16("message size");
          flags = file_.u8("message flags");
          if (creation_order) file_.skip(2, "message creation order");
        } else {
          type = file_.u16("message type");
          size = file_.u16("message size");
          flags = file_.u8("message flags");
          file_.skip(3, "reserved");
        }
        if (size > end - file_.offset()) fail_at(message_at, fmt::format("a message of {} bytes within its chunk", size));
        const std::uint64_t data_at = file_.offset();
        const std::string_view data = file_.take(size);
        if (messages_left != UINT64_MAX) --messages_left;
        if (++messages_ > context_.limits.max_entries)
          fail_at(message_at, fmt::format("no more than {} header messages", context_.limits.max_entries));
        if (flags & 0x02) {
          if (type == 0x000C) shared_attributes_ = true;  // kept in the shared message table
          continue;
        }
        if (type == 0x0010) {  // continuation: offset and length of the next chunk
          Cursor in(data, data_at);
          const std::uint64_t next = sized(in, offset_size_, "continuation offset");
          const std::uint64_t next_length = sized(in, length_size_, "continuation length");
          chunks.emplace_back(absolute(next, "continuation"), next_length);
        } else if (type == 0x000C) {
          attribute(data, data_at);
        } else if (type == 0x0015) {
          attribute_info(data, data_at);
        }
      }
    }
  }

  void attribute_info(std::string_view data, std::uint64_t at) {
    Cursor in(data, at);
    in.u8("attribute info version");
    const std::uint8_t flags = in.u8("attribute info flags");
    if (flags & 0x01) in.u16("maximum creation index");
    const std::uint64_t heap = sized(in, offset_size_, "fractal heap address");
    if (heap != undefined_) dense_attributes_ = true;
  }

  void attribute(std::string_view data, std::uint64_t at) {
    Cursor in(data, at);
    const std::uint8_t version = in.u8("attribute message version");
    if (version < 1 || version > 3) in.fail(fmt::format("attribute message version 1 to 3, not {}", version));
    const std::uint8_t flags = in.u8("attribute message flags");
    const std::uint16_t name_size = in.u16("attribute name size");
    const std::uint16_t type_size = in.u16("attribute datatype size");
    const std::uint16_t space_size = in.u16("attribute dataspace size");
    if (version == 3) in.u8("attribute name encoding");
    std::string_view name = in.take(name_size, "attribute name");
    if (version == 1) in.skip(pad8(name_size) - name_size, "attribute name padding");
    if (const auto nul = name.find('\0'); nul != std::string_view::npos) name = name.substr(0, nul);
    const std::uint64_t type_at = at + in.offset();
    const std::string_view type = in.take(type_size, "attribute datatype");
    if (version == 1) in.skip(pad8(type_size) - type_size, "attribute datatype padding");
    const std::uint64_t space_at = at + in.offset();
    const std::string_view space = in.take(space_size, "attribute dataspace");
    if (version == 1) in.skip(pad8(space_size) - space_size, "attribute dataspace padding");
    const std::uint64_t value_at = at + in.offset();
    const std::string_view value = data.substr(in.offset());
    Attribute attribute;
    attribute.name = printable(name, 256);
    if (version > 1 && (flags & 0x03)) {  // shared datatype or dataspace: not followed
      attributes_.push_back(std::move(attribute));
      return;
    }
    const std::uint64_t count = elements(space, space_at);
    read_strings(attribute, type, type_at, value, value_at, count);
    attributes_.push_back(std::move(attribute));
  }

  std::uint64_t elements(std::string_view space, std::uint64_t at) const {
    Cursor in(space, at);
    const std::uint8_t version = in.u8("dataspace version");
    const std::uint8_t rank = in.u8("dataspace dimensionality");
    in.u8("dataspace flags");
    std::uint8_t kind = 1;
    if (version == 1) {
      in.skip(5, "reserved");
      if (rank == 0) return 1;  // scalar
    } else if (version == 2) {
      kind = in.u8("dataspace type");
      if (kind == 0) return 1;  // scalar
      if (kind == 2) return 0;  // null
    } else {
      in.fail(fmt::format("dataspace version 1 or 2, not {}", version));
    }
    std::vector<std::uint64_t> dims;
    for (std::uint8_t i = 0; i < rank; ++i) dims.push_back(sized(in, length_size_, "dimension size"));
    return saturating_product(dims);
  }

  void read_strings(Attribute& attribute, std::string_view type, std::uint64_t type_at, std::string_view value,
                    std::uint64_t value_at, std::uint64_t count) {
    Cursor in(type, type_at);
    const std::uint8_t class_version = in.u8("datatype class and version");
    const std::uint8_t bits0 = in.u8("datatype bit field");
    in.skip(2, "datatype bit field");
    const std::uint32_t size = in.u32("datatype size");
    const int type_class = class_version & 0x0F;
    Cursor data(value, value_at);
    if (type_class == 3) {  // fixed-length string, padded with NULs or spaces
      if (size == 0) return;
      attribute.is_string = true;
      for (std::uint64_t i = 0; i < count && attribute.value.size() < max_value_; ++i) {
        std::string_view text = data.take(size, "fixed-length string");
        const auto nul = text.find('\0');
        if (nul != std::string_view::npos) text = text.substr(0, nul);
        while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
        append(attribute, text);
      }
    } else if (type_class == 9 && (bits0 & 0x0F) == 1) {  // variable-length string, in the global heap
      attribute.is_string = true;
      for (std::uint64_t i = 0; i < count && attribute.value.size() < max_value_; ++i) {
        const std::uint32_t length = data.u32("variable-length string length");
        const std::uint64_t collection = sized(data, offset_size_, "global heap collection address");
        const std::uint32_t index = data.u32("global heap object index");
        if (collection == 0 && index == 0) {  // a null string
          append(attribute, {});
          continue;
        }
        std::string_view text = heap_object(collection, index, value_at + data.offset() - 4);
        append(attribute, text.substr(0, length));
      }
    }
  }

  void append(Attribute& attribute, std::string_view text) {
    if (!attribute.value.empty()) attribute.value += '\n';
    attribute.value.append(text.substr(0, max_value_ - std::min(max_value_, attribute.value.size())));
  }

  // The data of object INDEX in the global heap collection at COLLECTION.
  std::string_view heap_object(std::uint64_t collection, std::uint32_t index, std::uint64_t from) {
    const std::uint64_t at = absolute(collection, "global heap collection");
    Cursor in(context_.bytes);
    in.seek(at);
    if (in.take(4, "global heap signature") != "GCOL") fail_at(at, "the signature GCOL of a global heap collection");
    in.u8("global heap version");
    in.skip(3, "reserved");
    const std::uint64_t size = sized(in, length_size_, "global heap collection size");
    if (size > context_.bytes.size() - at || size < 8 + std::uint64_t{length_size_})
      fail_at(at, fmt::format("a global heap collection of {} bytes within the file", size));
    const std::uint64_t end = at + size;
    while (end - in.offset() >= 8 + std::uint64_t{length_size_}) {
      if (++heap_steps_ > context_.limits.max_entries) fail_at(in.offset(), "fewer global heap objects");
      const std::uint16_t object = in.u16("heap object index");
      in.skip(6, "reference count and reserved");
      const std::uint64_t object_size = sized(in, length_size_, "heap object size");
      if (object == 0) break;  // free space to the end of the collection
      if (object_size > end - in.offset()) fail_at(in.offset(), "a heap object within its collection");
      const std::string_view data = context_.bytes.substr(in.offset(), object_size);
      if (object == index) return data;
      in.skip(std::min(pad8(object_size), end - in.offset()));
    }
    fail_at(from, fmt::format("global heap object {} in the collection at byte {}", index, at));
  }

  void report() {
    bool keras = false;
    for (const auto& attribute : attributes_) {
      if (!attribute.is_string) continue;
      if (attribute.name == "model_config") {
        keras = true;
        read_keras_config(context_, attribute.value, "model_config attribute", "model_config.");
      } else if (attribute.name == "training_config") {
        read_json_facts(context_, attribute.value, "training_config attribute", "training_config.");
      } else {
        keras = keras || attribute.name == "keras_version";
        context_.fact(attribute.name, printable(attribute.value));
        if (attribute.name == "license" && !context_.out.license) context_.out.license = printable(attribute.value, 256);
      }
    }
    if (keras) context_.out.format_detail += ", Keras model";
    if (dense_attributes_)
      context_.fact("hdf5 limitation", "root group attributes in dense storage (fractal heap) were not read");
    if (shared_attributes_)
      context_.fact("hdf5 limitation", "root group attributes in the shared message table were not read");
  }

  Context& context_;
  std::size_t max_value_ = context_.limits.max_header_bytes;
  Cursor file_;
  std::uint8_t offset_size_ = 8;
  std::uint8_t length_size_ = 8;
  std::uint64_t undefined_ = ~std::uint64_t{0};
  std::uint64_t base_ = 0;
  std::uint64_t messages_ = 0;
  std::uint64_t heap_steps_ = 0;
  bool dense_attributes_ = false;
  bool shared_attributes_ = false;
  std::vector<Attribute> attributes_;
};

void read(Context& context) { Reader(context).read(); }

}  // namespace

const Format& hdf5_format() {
  static const Format format{"hdf5", "HDF5 file (Keras 2 .h5 models)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
