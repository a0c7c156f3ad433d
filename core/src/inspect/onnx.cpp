// SPDX-License-Identifier: GPL-3.0-or-later
// ONNX models (.onnx): one serialized onnx.ModelProto, walked with the
// protobuf wire walker (protobuf_wire.hpp) over the mapped file and never
// parsed into a message, so a weight's bytes are skipped, not read.  Tensor
// data kept in other files (external_data) is named, never opened.
//
// Field numbers from onnx/onnx, onnx/onnx.proto at commit
// 64209faab4da3d679f2d46c7f725f6f2b779279b:
//   ModelProto: ir_version 1 (int64), opset_import 8, producer_name 2,
//     producer_version 3, domain 4, model_version 5 (int64), doc_string 6,
//     graph 7, metadata_props 14, training_info 20, functions 25.
//   OperatorSetIdProto: domain 1, version 2 (int64).
//   StringStringEntryProto: key 1, value 2.
//   GraphProto: node 1, name 2, initializer 5 (TensorProto),
//     sparse_initializer 15 (SparseTensorProto), doc_string 10, input 11,
//     output 12, value_info 13, quantization_annotation 14, metadata_props 16.
//   TensorProto: dims 1 (repeated int64), data_type 2 (TensorProto.DataType),
//     segment 3, *_data 4-7 10 11, name 8, raw_data 9, doc_string 12,
//     external_data 13 (keys location, offset, length, checksum),
//     data_location 14 (DEFAULT 0, EXTERNAL 1), metadata_props 16.
//   SparseTensorProto: values 1 (a TensorProto with the name), indices 2,
//     dims 3 (the dense shape).
#include <cctype>
#include <iterator>
#include <optional>
#include <unordered_set>

#include <fmt/format.h>

#include "format.hpp"
#include "protobuf_wire.hpp"

namespace model_provenance::inspect::detail {
namespace {

using wire::Field;
using wire::Message;
using wire::WireType;

constexpr std::size_t max_rank = 1024;  // dimensions of one tensor
constexpr std::size_t max_name = 1024;

// TensorProto.DataType, in the order of its values (0 to 22).
std::string data_type_name(std::uint64_t type) {
  static const char* const names[] = {
      "UNDEFINED", "FLOAT",      "UINT8",    "INT8",         "UINT16",         "INT16",      "INT32",          "INT64",
      "STRING",    "BOOL",       "FLOAT16",  "DOUBLE",       "UINT32",         "UINT64",     "COMPLEX64",      "COMPLEX128",
      "BFLOAT16",  "FLOAT8E4M3FN", "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ", "UINT4", "INT4"};
  if (type < std::size(names)) return names[type];
  return fmt::format("data type {}", type);
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  text = text.substr(text.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != suffix[i]) return false;
  return true;
}

// The one-byte tags of ModelProto's fields 1 to 8 and 14.
bool model_tag(unsigned char tag) {
  switch (tag) {
    case 0x08: case 0x12: case 0x1a: case 0x22: case 0x28: case 0x32: case 0x3a: case 0x42: case 0x72:
      return true;
    default:
      return false;
  }
}

struct TensorInfo {
  std::string name;
  std::uint64_t data_type = 0;
  std::vector<std::uint64_t> dims;
};

class Reader {
 public:
  explicit Reader(Context& context) : context_(context) {}

  void read() {
    Message model(context_.bytes, 0, context_.bytes.size(), "", 0, context_.limits);
    Field field;
    bool graph = false;
    while (model.next(field)) {
      switch (field.number) {
        case 1:
          model.expect(field, WireType::varint, "ModelProto.ir_version");
          ir_version_ = field.as_int64();
          context_.fact("ir_version", std::to_string(field.as_int64()));
          break;
        case 2: context_.fact("producer_name", text(model, field, "ModelProto.producer_name")); break;
        case 3: context_.fact("producer_version", text(model, field, "ModelProto.producer_version")); break;
        case 4: context_.fact("domain", text(model, field, "ModelProto.domain")); break;
        case 5:
          model.expect(field, WireType::varint, "ModelProto.model_version");
          context_.fact("model_version", std::to_string(field.as_int64()));
          break;
        case 6: context_.fact("doc_string", text(model, field, "ModelProto.doc_string")); break;
        case 7:
          model.expect(field, WireType::length, "ModelProto.graph");
          read_graph(model.enter(field));
          graph = true;
          break;
        case 8: read_opset(model, field); break;
        case 14: {
          model.expect(field, WireType::length, "ModelProto.metadata_props");
          auto [key, value] = entry(model.enter(field));
          lineage(key, value);
          context_.fact("metadata_props." + key, std::move(value));
          break;
        }
        default: break;  // training_info, functions, fields of later versions
      }
    }
    std::string detail = "ONNX model";
    if (ir_version_) detail += fmt::format(", IR version {}", *ir_version_);
    if (default_opset_) detail += fmt::format(", opset {}", *default_opset_);
    context_.out.format_detail = detail;
    if (graph) context_.out.parameters = parameters_;
  }

 private:
  static std::string text(const Message& message, const Field& field, const char* what,
                          std::size_t max = 4096) {
    message.expect(field, WireType::length, what);
    return printable(message.payload(field), max);
  }

  // A StringStringEntryProto.
  static std::pair<std::string, std::string> entry(Message message) {
    std::pair<std::string, std::string> result;
    Field field;
    while (message.next(field)) {
      if (field.number == 1) result.first = text(message, field, "StringStringEntryProto.key", 256);
      if (field.number == 2) result.second = text(message, field, "StringStringEntryProto.value");
    }
    return result;
  }

  void read_opset(const Message& model, const Field& field) {
    model.expect(field, WireType::length, "ModelProto.opset_import");
    Message opset = model.enter(field);
    std::string domain;
    std::int64_t version = 0;
    Field f;
    while (opset.next(f)) {
      if (f.number == 1) domain = text(opset, f, "OperatorSetIdProto.domain", 256);
      if (f.number == 2) {
        opset.expect(f, WireType::varint, "OperatorSetIdProto.version");
        version = f.as_int64();
      }
    }
    // The empty domain is the default operator set, ai.onnx.
    if (domain.empty() || domain == "ai.onnx") default_opset_ = version;
    context_.fact("opset_import", fmt::format("{} {}", domain.empty() ? "ai.onnx" : domain, version));
  }

  // Metadata keys that state lineage, as model cards spell them.
  void lineage(const std::string& key, const std::string& value) {
    std::string k;
    for (char c : key) k += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto list = [&value] {
      std::vector<std::string> items;
      std::size_t start = 0;
      while (start <= value.size()) {
        auto end = value.find(',', start);
        if (end == std::string::npos) end = value.size();
        auto item = value.substr(start, end - start);
        item.erase(0, item.find_first_not_of(" \t\n"));
        item.erase(item.find_last_not_of(" \t\n") + 1);
        if (!item.empty()) items.push_back(item);
        start = end + 1;
      }
      return items;
    };
    if ((k == "license" || k == "licence") && !value.empty()) context_.out.license = value;
    if (k == "base_model" || k == "base_models")
      for (auto& item : list()) context_.out.base_models.push_back(std::move(item));
    if (k == "dataset" || k == "datasets")
      for (auto& item : list()) context_.out.datasets.push_back(std::move(item));
  }

  void read_graph(Message graph) {
    Field field;
    while (graph.next(field)) {
      switch (field.number) {
        case 2: context_.fact("graph.name", text(graph, field, "GraphProto.name")); break;
        case 10: context_.fact("graph.doc_string", text(graph, field, "GraphProto.doc_string")); break;
        case 5: {
          graph.expect(field, WireType::length, "GraphProto.initializer");
          count_tensor(graph, field);
          TensorInfo tensor = read_tensor(graph.enter(field), field.offset);
          parameters_ = saturating_add(parameters_, saturating_product(tensor.dims));
          context_.tensor({std::move(tensor.name), data_type_name(tensor.data_type), std::move(tensor.dims)});
          break;
        }
        case 15: {
          graph.expect(field, WireType::length, "GraphProto.sparse_initializer");
          count_tensor(graph, field);
          read_sparse(graph.enter(field), field.offset);
          break;
        }
        case 16: {
          graph.expect(field, WireType::length, "GraphProto.metadata_props");
          auto [key, value] = entry(graph.enter(field));
          context_.fact("graph.metadata_props." + key, std::move(value));
          break;
        }
        default: break;  // nodes, inputs, outputs, value_info, annotations
      }
    }
  }

  void count_tensor(const Message& graph, const Field& field) {
    if (++tensors_ > context_.limits.max_entries)
      graph.fail(field.offset, fmt::format("at most {} initializers", context_.limits.max_entries));
  }

  static void check_dims(const Message& message, std::uint64_t at, const std::vector<std::uint64_t>& dims) {
    for (const auto d : dims)
      if (static_cast<std::int64_t>(d) < 0)
        message.fail(at, fmt::format("dimensions of an initializer at least 0, not {}", static_cast<std::int64_t>(d)));
  }

  TensorInfo read_tensor(Message tensor, std::uint64_t at) {
    TensorInfo result;
    Field field;
    while (tensor.next(field)) {
      switch (field.number) {
        case 1: tensor.varints(field, result.dims, max_rank, "TensorProto.dims"); break;
        case 2:
          tensor.expect(field, WireType::varint, "TensorProto.data_type");
          result.data_type = field.value;
          break;
        case 8: result.name = text(tensor, field, "TensorProto.name", max_name); break;
        case 13: {
          tensor.expect(field, WireType::length, "TensorProto.external_data");
          auto [key, value] = entry(tensor.enter(field));
          if (key == "location" && seen_locations_.insert(value).second)
            context_.fact("external_data.location", std::move(value));
          break;
        }
        default: break;  // the data itself, segment, doc_string, data_location
      }
    }
    check_dims(tensor, at, result.dims);
    return result;
  }

  void read_sparse(Message sparse, std::uint64_t at) {
    TensorInfo values;
    std::vector<std::uint64_t> dims;
    Field field;
    while (sparse.next(field)) {
      if (field.number == 1) {
        sparse.expect(field, WireType::length, "SparseTensorProto.values");
        values = read_tensor(sparse.enter(field), field.offset);
      } else if (field.number == 3) {
        sparse.varints(field, dims, max_rank, "SparseTensorProto.dims");
      }
    }
    check_dims(sparse, at, dims);
    // The stored values are the parameters; the tensor has the dense shape.
    parameters_ = saturating_add(parameters_, saturating_product(values.dims));
    context_.tensor({std::move(values.name), data_type_name(values.data_type) + " (sparse)", std::move(dims)});
  }

  Context& context_;
  std::uint64_t parameters_ = 0;
  std::uint64_t tensors_ = 0;
  std::optional<std::int64_t> ir_version_;
  std::optional<std::int64_t> default_opset_;
  std::unordered_set<std::string> seen_locations_;
};

// No magic number: a name ending in .onnx and a first byte that is the tag
// of a ModelProto field, or, whatever the name, the ir_version field (IR 3
// or later, which also tells it from a TensorFlow SavedModel's "08 01")
// followed by another ModelProto field.
bool sniff(std::string_view bytes, std::string_view name) {
  if (bytes.empty()) return false;
  const auto first = static_cast<unsigned char>(bytes[0]);
  if (ends_with_ignoring_case(name, ".onnx")) return model_tag(first);
  if (bytes.size() < 3) return false;
  const auto version = static_cast<unsigned char>(bytes[1]);
  return first == 0x08 && version >= 3 && version <= 30 && model_tag(static_cast<unsigned char>(bytes[2])) &&
         bytes[2] != 0x08;
}

void read(Context& context) { Reader(context).read(); }

}  // namespace

const Format& onnx_format() {
  static const Format format{"onnx", "ONNX model (.onnx, a protobuf ModelProto)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
