// SPDX-License-Identifier: GPL-3.0-or-later
// TensorFlow Lite models (.tflite): a FlatBuffer with the file identifier
// "TFL3" at bytes 4 to 8, read with a FlatBuffers reader of our own that
// checks every offset against the buffer before following it.  Only
// unsigned (forward) offsets lead from one table to the next and the
// schema bounds the nesting, so a hostile file cannot make it loop.
//
// FlatBuffers binary layout (flatbuffers.dev, "FlatBuffers internals"): the
// buffer starts with a uint32 offset to the root table; a table starts with
// an int32 soffset back to its vtable (table position minus soffset); a
// vtable holds uint16 vtable size, uint16 table size, then one uint16 per
// field: the field's offset in the table, 0 when absent.  Strings and
// vectors are reached by a uint32 offset from where it is stored and start
// with a uint32 length; a vector of tables holds uint32 offsets.
//
// Field order (ids) from tensorflow/lite/schema/schema.fbs as in
// tensorflow/tflite-micro at commit 6cdf0d78a68f33fe452f051713aa218619285438:
//   Model: version 0 (uint), operator_codes 1, subgraphs 2, description 3,
//     buffers 4, metadata_buffer 5, metadata 6, signature_defs 7.
//   SubGraph: tensors 0, inputs 1, outputs 2, operators 3, name 4.
//   Tensor: shape 0 ([int]), type 1 (TensorType, byte), buffer 2 (uint),
//     name 3, quantization 4, is_variable 5, sparsity 6, shape_signature 7,
//     has_rank 8, variant_tensors 9.
//   Buffer: data 0 ([ubyte]), offset 1 (ulong), size 2 (ulong): models
//     over 2 GiB keep data outside the FlatBuffer, at offset (if > 1).
//   Metadata: name 0, buffer 1 (uint).
//   SignatureDef: inputs 0, outputs 1, signature_key 2, deprecated_tag 3,
//     subgraph_index 4.
// The "TFLITE_METADATA" entry's buffer is itself a FlatBuffer, a
// tflite.ModelMetadata (tensorflow/tflite-support,
// tensorflow_lite_support/metadata/metadata_schema.fbs at commit
// 49b22edaca62d3dc53db7c34836210a09595448f; file identifier "M001"):
//   name 0, description 1, version 2, subgraph_metadata 3, author 4,
//   license 5, associated_files 6 (AssociatedFile: name 0, ...),
//   min_parser_version 7.
#include <cstring>
#include <iterator>
#include <optional>

#include <fmt/format.h>

#include "format.hpp"

namespace model_provenance::inspect::detail {
namespace {

// TensorType, by value (0 to 17).
std::string tensor_type_name(std::int8_t type) {
  static const char* const names[] = {"FLOAT32", "FLOAT16",    "INT32",  "UINT8",    "INT64",   "STRING",
                                      "BOOL",    "INT16",      "COMPLEX64", "INT8",  "FLOAT64", "COMPLEX128",
                                      "UINT64",  "RESOURCE",   "VARIANT", "UINT32",  "UINT16",  "INT4"};
  if (type >= 0 && static_cast<std::size_t>(type) < std::size(names)) return names[type];
  return fmt::format("type {}", type);
}

class FlatBuffer;

class Vector {
 public:
  Vector(std::uint64_t position, std::uint32_t count, std::uint32_t element)
      : position_(position), count_(count), element_(element) {}
  std::uint32_t size() const { return count_; }
  std::uint64_t element(std::uint32_t i) const { return position_ + std::uint64_t{i} * element_; }
  std::uint64_t position() const { return position_; }

 private:
  std::uint64_t position_;
  std::uint32_t count_;
  std::uint32_t element_;
};

class Table {
 public:
  Table(const FlatBuffer* buffer, std::uint64_t position, std::uint64_t vtable, std::uint16_t vtable_size,
        std::uint16_t table_size)
      : buffer_(buffer), position_(position), vtable_(vtable), vtable_size_(vtable_size), table_size_(table_size) {}

  template <typename T>
  T scalar(unsigned field, T fallback, const char* what) const;
  std::optional<std::string_view> string(unsigned field, const char* what) const;
  // A vector of ELEMENT-byte elements; one of entries (tables, numbers)
  // is held to Limits::max_entries, one of bytes only to the buffer.
  std::optional<Vector> vector(unsigned field, std::uint32_t element, const char* what, bool entries = true) const;
  std::uint64_t position() const { return position_; }

 private:
  // Where FIELD is (SIZE bytes of it), or 0 when the table lacks it.
  std::uint64_t field(unsigned field, std::uint64_t size, const char* what) const;

  const FlatBuffer* buffer_;
  std::uint64_t position_;
  std::uint64_t vtable_;
  std::uint16_t vtable_size_;
  std::uint16_t table_size_;
};

class FlatBuffer {
 public:
  // BASE: where the buffer starts in the file, for messages.
  FlatBuffer(std::string_view bytes, std::uint64_t base, const Limits& limits)
      : bytes_(bytes), base_(base), limits_(limits) {}

  [[noreturn]] void fail(std::uint64_t position, const std::string& what) const {
    throw FormatError("byte " + std::to_string(base_ + position), what);
  }
  void need(std::uint64_t position, std::uint64_t size, const char* what) const {
    if (position > bytes_.size() || size > bytes_.size() - position)
      fail(std::min<std::uint64_t>(position, bytes_.size()),
           fmt::format("{}: {} bytes, but the buffer ends at byte {}", what, size, base_ + bytes_.size()));
  }
  template <typename T>
  T read(std::uint64_t position, const char* what) const {
    need(position, sizeof(T), what);
    T value;
    std::memcpy(&value, bytes_.data() + position, sizeof value);
    return value;
  }
  // The target of the uint32 offset stored at POSITION.
  std::uint64_t follow(std::uint64_t position, const char* what) const {
    const auto offset = read<std::uint32_t>(position, what);
    const std::uint64_t target = position + offset;
    if (target >= bytes_.size())
      fail(position, fmt::format("{}: an offset within the buffer, not one to byte {}", what, base_ + target));
    return target;
  }
  Table table(std::uint64_t position, const char* what) const {
    const auto back = read<std::int32_t>(position, what);
    const auto vtable = static_cast<std::int64_t>(position) - back;
    if (vtable < 0 || static_cast<std::uint64_t>(vtable) >= bytes_.size())
      fail(position, fmt::format("{}: a vtable within the buffer", what));
    const auto vt = static_cast<std::uint64_t>(vtable);
    const auto vtable_size = read<std::uint16_t>(vt, what);
    const auto table_size = read<std::uint16_t>(vt + 2, what);
    if (vtable_size < 4 || vtable_size % 2 != 0) fail(vt, fmt::format("{}: a vtable of 4 or more bytes, even", what));
    need(vt, vtable_size, what);
    if (table_size < 4) fail(vt, fmt::format("{}: a table of 4 or more bytes", what));
    need(position, table_size, what);
    return Table(this, position, vt, vtable_size, table_size);
  }
  Table root(const char* what) const { return table(follow(0, what), what); }
  Table table_in(const Vector& vector, std::uint32_t i, const char* what) const {
    return table(follow(vector.element(i), what), what);
  }
  std::string_view string_at(std::uint64_t position, const char* what) const {
    const auto length = read<std::uint32_t>(position, what);
    need(position + 4, length, what);
    return bytes_.substr(position + 4, length);
  }
  const Limits& limits() const { return limits_; }
  std::string_view bytes() const { return bytes_; }
  std::uint64_t base() const { return base_; }

 private:
  std::string_view bytes_;
  std::uint64_t base_;
  const Limits& limits_;
};

std::uint64_t Table::field(unsigned field, std::uint64_t size, const char* what) const {
  const std::uint64_t slot = 4 + 2 * std::uint64_t{field};
  if (slot + 2 > vtable_size_) return 0;
  const auto offset = buffer_->read<std::uint16_t>(vtable_ + slot, what);
  if (offset == 0) return 0;
  if (offset + size > table_size_)
    buffer_->fail(position_, fmt::format("{}: field {} within the table's {} bytes", what, field, table_size_));
  return position_ + offset;
}

template <typename T>
T Table::scalar(unsigned id, T fallback, const char* what) const {
  const auto at = field(id, sizeof(T), what);
  return at == 0 ? fallback : buffer_->read<T>(at, what);
}

std::optional<std::string_view> Table::string(unsigned id, const char* what) const {
  const auto at = field(id, 4, what);
  if (at == 0) return std::nullopt;
  return buffer_->string_at(buffer_->follow(at, what), what);
}

std::optional<Vector> Table::vector(unsigned id, std::uint32_t element, const char* what, bool entries) const {
  const auto at = field(id, 4, what);
  if (at == 0) return std::nullopt;
  const auto target = buffer_->follow(at, what);
  const auto count = buffer_->read<std::uint32_t>(target, what);
  buffer_->need(target + 4, std::uint64_t{count} * element, what);
  if (entries && count > buffer_->limits().max_entries)
    buffer_->fail(target, fmt::format("{}: at most {} entries, not {}", what, buffer_->limits().max_entries, count));
  return Vector(target + 4, count, element);
}

class Reader {
 public:
  explicit Reader(Context& context) : context_(context), model_(context.bytes, 0, context.limits) {}

  void read() {
    if (context_.bytes.size() < 8 || context_.bytes.substr(4, 4) != "TFL3")
      throw FormatError("byte 4", "the file identifier TFL3");
    const Table model = model_.root("Model");
    const auto version = model.scalar<std::uint32_t>(0, 0, "Model.version");
    context_.fact("version", std::to_string(version));
    if (auto description = model.string(3, "Model.description"))
      context_.fact("description", printable(*description));
    buffers_ = model.vector(4, 4, "Model.buffers");
    std::uint32_t subgraph_count = 0;
    if (auto subgraphs = model.vector(2, 4, "Model.subgraphs")) {
      subgraph_count = subgraphs->size();
      for (std::uint32_t i = 0; i < subgraphs->size(); ++i)
        read_subgraph(model_.table_in(*subgraphs, i, "SubGraph"), i);
    }
    if (auto metadata = model.vector(6, 4, "Model.metadata"))
      for (std::uint32_t i = 0; i < metadata->size(); ++i) read_metadata(model_.table_in(*metadata, i, "Metadata"));
    if (auto signatures = model.vector(7, 4, "Model.signature_defs")) {
      for (std::uint32_t i = 0; i < signatures->size(); ++i) {
        const Table signature = model_.table_in(*signatures, i, "SignatureDef");
        if (auto key = signature.string(2, "SignatureDef.signature_key"))
          context_.fact("signature_def", printable(*key, 256));
      }
    }
    context_.out.format_detail = fmt::format("TFLite model, schema version {}", version);
    if (subgraph_count > 1) context_.out.format_detail += fmt::format(", {} subgraphs", subgraph_count);
    context_.out.parameters = parameters_;
  }

 private:
  // The bytes of buffer INDEX: its data vector, or, in a model over 2 GiB,
  // the part of the file its offset and size name.
  std::string_view buffer(std::uint32_t index, std::uint64_t at) const {
    if (!buffers_ || index >= buffers_->size())
      model_.fail(at, fmt::format("buffer {}, but the model has {}", index, buffers_ ? buffers_->size() : 0));
    const Table buffer = model_.table_in(*buffers_, index, "Buffer");
    if (auto data = buffer.vector(0, 1, "Buffer.data", false); data && data->size() > 0)
      return context_.bytes.substr(data->position(), data->size());
    const auto offset = buffer.scalar<std::uint64_t>(1, 0, "Buffer.offset");
    const auto size = buffer.scalar<std::uint64_t>(2, 0, "Buffer.size");
    if (offset <= 1 || size == 0) return {};
    if (offset > context_.bytes.size() || size > context_.bytes.size() - offset)
      model_.fail(buffer.position(), fmt::format("Buffer {}: {} bytes at byte {}, past the end of the file", index,
                                                 size, offset));
    return context_.bytes.substr(offset, size);
  }

  void read_subgraph(const Table& subgraph, std::uint32_t index) {
    std::string prefix;
    if (index > 0) prefix = fmt::format("subgraph {}/", index);
    if (auto name = subgraph.string(4, "SubGraph.name")) context_.fact("subgraph.name", printable(*name, 256));
    const auto tensors = subgraph.vector(0, 4, "SubGraph.tensors");
    if (!tensors) return;
    for (std::uint32_t i = 0; i < tensors->size(); ++i) {
      const Table tensor = model_.table_in(*tensors, i, "Tensor");
      std::vector<std::uint64_t> shape;
      if (auto dims = tensor.vector(0, 4, "Tensor.shape")) {
        for (std::uint32_t d = 0; d < dims->size(); ++d) {
          const auto dim = model_.read<std::int32_t>(dims->element(d), "Tensor.shape");
          if (dim < 0) model_.fail(dims->element(d), fmt::format("Tensor.shape: dimensions at least 0, not {}", dim));
          shape.push_back(static_cast<std::uint64_t>(dim));
        }
      }
      const auto type = tensor.scalar<std::int8_t>(1, 0, "Tensor.type");
      const auto buffer_index = tensor.scalar<std::uint32_t>(2, 0, "Tensor.buffer");
      std::string name = prefix;
      if (auto n = tensor.string(3, "Tensor.name")) name += printable(*n, 1024);
      // Buffer 0 is the empty sentinel; a tensor with data is a parameter.
      if (buffer_index != 0 && !buffer(buffer_index, tensor.position()).empty())
        parameters_ = saturating_add(parameters_, saturating_product(shape));
      context_.tensor({std::move(name), tensor_type_name(type), std::move(shape)});
    }
  }

  void read_metadata(const Table& metadata) {
    const auto name = printable(metadata.string(0, "Metadata.name").value_or(""), 256);
    const auto index = metadata.scalar<std::uint32_t>(1, 0, "Metadata.buffer");
    const std::string_view data = buffer(index, metadata.position());
    if (name == "min_runtime_version") {
      // A version string, NUL-padded.
      context_.fact("metadata.min_runtime_version", printable(data.substr(0, data.find('\0')), 64));
    } else if (name == "TFLITE_METADATA") {
      context_.fact("metadata.TFLITE_METADATA", fmt::format("{} bytes", data.size()));
      read_model_metadata(data);
    } else {
      context_.fact("metadata." + name, fmt::format("{} bytes", data.size()));
    }
  }

  void read_model_metadata(std::string_view data) {
    if (data.size() < 8 || data.substr(4, 4) != "M001") return;  // not the metadata schema this reads
    const FlatBuffer nested(data, static_cast<std::uint64_t>(data.data() - context_.bytes.data()), context_.limits);
    const Table root = nested.root("ModelMetadata");
    static const struct {
      unsigned id;
      const char* key;
    } strings[] = {{0, "name"}, {1, "description"}, {2, "version"}, {4, "author"}, {5, "license"}, {7, "min_parser_version"}};
    for (const auto& s : strings) {
      const auto value = root.string(s.id, "ModelMetadata");
      if (!value) continue;
      auto text = printable(*value);
      if (s.id == 5 && !text.empty()) context_.out.license = text;
      context_.fact(std::string("TFLITE_METADATA.") + s.key, std::move(text));
    }
    if (auto files = root.vector(6, 4, "ModelMetadata.associated_files")) {
      for (std::uint32_t i = 0; i < files->size(); ++i) {
        const Table file = nested.table_in(*files, i, "AssociatedFile");
        if (auto file_name = file.string(0, "AssociatedFile.name"))
          context_.fact("TFLITE_METADATA.associated_files.name", printable(*file_name, 256));
      }
    }
  }

  Context& context_;
  FlatBuffer model_;
  std::optional<Vector> buffers_;
  std::uint64_t parameters_ = 0;
};

bool sniff(std::string_view bytes, std::string_view) { return bytes.size() >= 8 && bytes.substr(4, 4) == "TFL3"; }

void read(Context& context) { Reader(context).read(); }

}  // namespace

const Format& tflite_format() {
  static const Format format{"tflite", "TensorFlow Lite model (.tflite, FlatBuffers \"TFL3\")", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
