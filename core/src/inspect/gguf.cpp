// SPDX-License-Identifier: GPL-3.0-or-later
// GGUF, the file format of ggml and llama.cpp.  Layout from the
// specification, ggml-org/ggml docs/gguf.md (commit d99724f2b141): the
// magic "GGUF", a u32 version, u64 tensor and key-value counts, the
// key-value pairs (u64-length strings, typed values, arrays of any type,
// nested ones included), the tensor infos (name, u32 dimension count, u64
// dimensions, u32 ggml type, u64 offset), then padding to
// general.alignment and the tensor data.  Version 1 (u32 lengths) is no
// longer read by ggml and is refused here too; version 3 may be
// big-endian, which is refused with a message saying so.  Block sizes of
// the ggml types are those of ggml's type_traits (src/ggml.c) and block
// structs (src/ggml-common.h) at the same commit, so each tensor's data
// is checked to lie within the file.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>

#include "format.hpp"

namespace model_provenance::inspect::detail {
namespace {

enum ValueType : std::uint32_t {
  uint8 = 0,
  int8 = 1,
  uint16 = 2,
  int16 = 3,
  uint32 = 4,
  int32 = 5,
  float32 = 6,
  boolean = 7,
  string = 8,
  array = 9,
  uint64 = 10,
  int64 = 11,
  float64 = 12,
};

// Bytes of a fixed-size value, 0 for strings and arrays.
std::uint64_t value_size(std::uint32_t type) {
  switch (type) {
    case uint8: case int8: case boolean: return 1;
    case uint16: case int16: return 2;
    case uint32: case int32: case float32: return 4;
    case uint64: case int64: case float64: return 8;
    default: return 0;
  }
}

// The least bytes an array element of TYPE takes: arrays of strings or
// arrays cannot claim more elements than the file has room for.
std::uint64_t least_size(std::uint32_t type) {
  if (type == string) return 8;
  if (type == array) return 12;
  return value_size(type);
}

// A ggml type: its name (the enum's, without GGML_TYPE_), elements per
// block and bytes per block.
struct GgmlType {
  const char* name;
  std::uint32_t block;
  std::uint32_t bytes;
};

const GgmlType* ggml_type(std::uint32_t type) {
  // Indexed by enum ggml_type; types whose support was removed have no name.
  static const GgmlType types[] = {
      {"F32", 1, 4},         {"F16", 1, 2},        {"Q4_0", 32, 18},     {"Q4_1", 32, 20},
      {nullptr, 0, 0},       {nullptr, 0, 0},      {"Q5_0", 32, 22},     {"Q5_1", 32, 24},
      {"Q8_0", 32, 34},      {"Q8_1", 32, 36},     {"Q2_K", 256, 84},    {"Q3_K", 256, 110},
      {"Q4_K", 256, 144},    {"Q5_K", 256, 176},   {"Q6_K", 256, 210},   {"Q8_K", 256, 292},
      {"IQ2_XXS", 256, 66},  {"IQ2_XS", 256, 74},  {"IQ3_XXS", 256, 98}, {"IQ1_S", 256, 50},
      {"IQ4_NL", 32, 18},    {"IQ3_S", 256, 110},  {"IQ2_S", 256, 82},   {"IQ4_XS", 256, 136},
      {"I8", 1, 1},          {"I16", 1, 2},        {"I32", 1, 4},        {"I64", 1, 8},
      {"F64", 1, 8},         {"IQ1_M", 256, 56},   {"BF16", 1, 2},       {nullptr, 0, 0},
      {nullptr, 0, 0},       {nullptr, 0, 0},      {"TQ1_0", 256, 54},   {"TQ2_0", 256, 66},
      {nullptr, 0, 0},       {nullptr, 0, 0},      {nullptr, 0, 0},      {"MXFP4", 32, 17},
      {"NVFP4", 64, 36},     {"Q1_0", 128, 18},    {"Q2_0", 64, 18},
  };
  if (type >= std::size(types) || types[type].name == nullptr) return nullptr;
  return &types[type];
}

// Arrays longer than this are walked but not kept as facts: a
// tokenizer's vocabulary says nothing of lineage.
constexpr std::uint64_t max_kept_array = 64;
constexpr std::size_t max_fact_text = 4096;

std::string_view read_string(Cursor& in, const char* what) {
  const std::uint64_t length = in.u64(what);
  return in.take(length, what);
}

// Skips a string, or keeps it (printable) in TEXT.
void string_value(Cursor& in, std::string* text) {
  const std::uint64_t length = in.u64("string length");
  const std::string_view value = in.take(length, "string");
  if (text != nullptr && text->size() < max_fact_text) *text += printable(value, max_fact_text - text->size());
}

// Reads one scalar of TYPE, appending it to TEXT when there is one.
void scalar_value(Cursor& in, std::uint32_t type, std::string* text) {
  if (type == string) return string_value(in, text);
  const auto start = in.offset();
  std::string value;
  switch (type) {
    case uint8: value = std::to_string(in.u8("u8")); break;
    case int8: value = std::to_string(in.read<std::int8_t>("i8")); break;
    case uint16: value = std::to_string(in.u16("u16")); break;
    case int16: value = std::to_string(in.read<std::int16_t>("i16")); break;
    case uint32: value = std::to_string(in.u32("u32")); break;
    case int32: value = std::to_string(in.i32("i32")); break;
    case float32: value = fmt::format("{}", in.f32("f32")); break;
    case uint64: value = std::to_string(in.u64("u64")); break;
    case int64: value = std::to_string(in.i64("i64")); break;
    case float64: value = fmt::format("{}", in.f64("f64")); break;
    case boolean: {
      const std::uint8_t b = in.u8("bool");
      if (b > 1) {
        in.seek(start);
        in.fail(fmt::format("a bool, 0 or 1, not {}", b));
      }
      value = b ? "true" : "false";
      break;
    }
    default:
      in.fail(fmt::format("a value of a GGUF metadata type (0 to 12), not type {}", type));
  }
  if (text != nullptr && text->size() < max_fact_text) *text += value;
}

// Reads a value of TYPE, arrays of arrays included, without recursion:
// an explicit stack of the arrays still open.  Each element takes at
// least a byte, so the walk is linear in the file.  TEXT, when given,
// receives the value as text, except for long arrays: then it returns
// false.  STRINGS, when given, receives the strings of a top-level string
// array.
bool read_value(Cursor& in, std::uint32_t type, std::string* text, const Limits& limits,
                std::vector<std::string>* strings = nullptr) {
  if (type != array) {
    scalar_value(in, type, text);
    return true;
  }
  struct Open {
    std::uint32_t type;
    std::uint64_t left;
    bool first = true;
  };
  std::vector<Open> open;
  const auto open_array = [&] {
    if (open.size() >= limits.max_depth)
      in.fail(fmt::format("arrays nested at most {} deep", limits.max_depth));
    const std::uint32_t element = in.u32("array element type");
    if (element > float64) in.fail(fmt::format("an array element type (0 to 12), not {}", element));
    const std::uint64_t length = in.u64("array length");
    const std::uint64_t least = least_size(element);
    if (length > in.remaining() / least)
      in.fail(fmt::format("an array of {} elements of type {}, with room for at most {}", length, element,
                          in.remaining() / least));
    if (text != nullptr && !open.empty()) *text += '[';
    open.push_back({element, length});
  };
  open_array();
  const bool kept = open.back().left <= max_kept_array;
  if (!kept) text = nullptr;
  while (!open.empty()) {
    Open& top = open.back();
    if (top.left == 0) {
      open.pop_back();
      if (text != nullptr && !open.empty()) *text += ']';
      continue;
    }
    if (text == nullptr && top.type != array && top.type != string && strings == nullptr) {
      // Fixed-size elements: skipped all at once.
      in.skip(top.left * value_size(top.type), "array elements");
      top.left = 0;
      continue;
    }
    --top.left;
    if (text != nullptr && !top.first) *text += ", ";
    top.first = false;
    if (top.type == array) {
      open_array();  // invalidates TOP
    } else if (strings != nullptr && open.size() == 1 && top.type == string) {
      std::string element;
      string_value(in, &element);
      if (strings->size() < 1000) strings->push_back(element);
      if (text != nullptr && text->size() < max_fact_text) *text += element;
    } else {
      scalar_value(in, top.type, text);
    }
  }
  return kept;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// general.base_model.N.FIELD or general.dataset.N.FIELD: N and FIELD.
std::optional<std::pair<std::uint64_t, std::string>> numbered(std::string_view key, std::string_view prefix) {
  if (!starts_with(key, prefix)) return std::nullopt;
  key.remove_prefix(prefix.size());
  const auto dot = key.find('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  std::uint64_t n = 0;
  const auto [end, error] = std::from_chars(key.data(), key.data() + dot, n);
  if (error != std::errc() || end != key.data() + dot) return std::nullopt;
  return std::make_pair(n, std::string(key.substr(dot + 1)));
}

// What the file says of one parent model or data set, by field.
using Described = std::map<std::uint64_t, std::map<std::string, std::string>>;

// Its best name: the repository URL, else organization/name, else the
// name, else the URL.
std::vector<std::string> names(const Described& described) {
  std::vector<std::string> result;
  for (const auto& [n, fields] : described) {
    const auto get = [&fields = fields](const char* field) {
      const auto it = fields.find(field);
      return it == fields.end() ? std::string() : it->second;
    };
    std::string name = get("repo_url");
    if (name.empty() && !get("name").empty())
      name = get("organization").empty() ? get("name") : get("organization") + "/" + get("name");
    if (name.empty()) name = get("url");
    if (!name.empty()) result.push_back(name);
  }
  return result;
}

bool sniff(std::string_view bytes, std::string_view) { return bytes.substr(0, 4) == "GGUF"; }

void read(Context& context) {
  Cursor in(context.bytes);
  in.take(4, "magic");
  const std::uint32_t version = in.u32("version");
  if ((version & 0xFFFF) == 0 && version != 0) {
    in.seek(4);
    in.fail(fmt::format("a little-endian GGUF version; {:#x} is a big-endian file, which is not read", version));
  }
  if (version != 2 && version != 3) {
    in.seek(4);
    in.fail(fmt::format("GGUF version 2 or 3, not {}", version));
  }
  context.out.format_detail = fmt::format("GGUF version {}", version);
  const std::uint64_t tensor_count = in.u64("tensor count");
  const std::uint64_t kv_count = in.u64("metadata key-value count");
  // A key-value pair takes at least 13 bytes (an empty key, a type, a
  // byte), a tensor info 24 (an empty name, no dimensions, type, offset).
  if (kv_count > context.limits.max_entries || kv_count > in.remaining() / 13)
    in.fail(fmt::format("metadata of {} key-value pairs, more than the file or the limit of {} allows", kv_count,
                        context.limits.max_entries));
  if (tensor_count > context.limits.max_entries || tensor_count > in.remaining() / 24)
    in.fail(fmt::format("{} tensors, more than the file or the limit of {} allows", tensor_count,
                        context.limits.max_entries));

  std::uint64_t alignment = 32;  // when general.alignment is absent
  Described base_models, datasets;
  std::vector<std::string> dataset_list;
  // Lineage read so far goes into the result even if a later pair is bad.
  const auto claim_lineage = [&] {
    for (auto& name : names(base_models)) context.out.base_models.push_back(std::move(name));
    for (auto& name : dataset_list) context.out.datasets.push_back(std::move(name));
    for (auto& name : names(datasets)) context.out.datasets.push_back(std::move(name));
  };
  try {
    for (std::uint64_t i = 0; i < kv_count; ++i) {
      const std::uint64_t key_offset = in.offset();
      const std::string_view key = read_string(in, "metadata key");
      if (key.empty() || key.size() > 65535) {
        in.seek(key_offset);
        in.fail(fmt::format("a metadata key of 1 to 65535 bytes, not {}", key.size()));
      }
      const std::uint64_t type_offset = in.offset();
      const std::uint32_t type = in.u32("value type");
      if (type > float64) {
        in.seek(type_offset);
        in.fail(fmt::format("a GGUF metadata value type (0 to 12), not {} (key \"{}\")", type, printable(key, 256)));
      }
      std::string text;
      const bool general = starts_with(key, "general.");
      const bool wanted_list = key == "general.datasets";
      // Long arrays are not kept: a vocabulary is not a fact.
      bool kept;
      try {
        kept = read_value(in, type, &text, context.limits, wanted_list ? &dataset_list : nullptr);
      } catch (const FormatError& e) {
        const std::string what = e.what();
        throw FormatError(e.where(), fmt::format("value of \"{}\": {}", printable(key, 256),
                                                 what.substr(std::min(what.size(), e.where().size() + 2))));
      }
      if (kept) context.fact(printable(key, 1024), text);
      if (key == "general.alignment") {
        if (type != uint32) {
          in.seek(type_offset);
          in.fail("general.alignment of type u32");
        }
        alignment = std::stoull(text);
        if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
          in.seek(type_offset + 4);
          in.fail(fmt::format("general.alignment a power of two, not {}", alignment));
        }
      }
      if (!general && !starts_with(key, "tokenizer.chat_template")) continue;
      if (key == "general.license" && type == string) context.out.license = text;
      if (auto n = numbered(key, "general.base_model.")) base_models[n->first][n->second] = text;
      if (auto n = numbered(key, "general.dataset.")) datasets[n->first][n->second] = text;
      if (key == "tokenizer.chat_template" || starts_with(key, "tokenizer.chat_template.")) {
        const std::string name = key.size() > 24 ? " \"" + printable(key.substr(24), 256) + "\"" : std::string();
        context.finding(Concern::review,
                        "chat template" + name +
                            " (Jinja, runs when the model is loaded by a template engine; CVE-2024-34359)",
                        in.where_at(key_offset));
      }
    }
  } catch (...) {
    claim_lineage();
    throw;
  }
  claim_lineage();

  // Tensor infos; their data is checked once the data's start is known.
  struct Extent {
    std::uint64_t info;  // where its info starts, for messages
    std::uint64_t offset;
    std::uint64_t bytes;
    std::string name;
  };
  std::vector<Extent> extents;
  std::uint64_t parameters = 0;
  for (std::uint64_t i = 0; i < tensor_count; ++i) {
    const std::uint64_t info = in.offset();
    const std::string name = printable(read_string(in, "tensor name"), 256);
    const std::uint32_t dimensions = in.u32("dimension count");
    if (dimensions > 4) {
      in.seek(in.offset() - 4);
      in.fail(fmt::format("tensor \"{}\": at most 4 dimensions (GGML_MAX_DIMS), not {}", name, dimensions));
    }
    std::vector<std::uint64_t> shape;
    for (std::uint32_t d = 0; d < dimensions; ++d) shape.push_back(in.u64("dimension"));
    const std::uint64_t type_offset = in.offset();
    const std::uint32_t type = in.u32("tensor type");
    const std::uint64_t offset = in.u64("tensor data offset");
    const std::uint64_t elements = saturating_product(shape);
    parameters = saturating_add(parameters, elements);
    const GgmlType* known = ggml_type(type);
    if (known == nullptr) {
      in.seek(type_offset);
      in.fail(fmt::format("tensor \"{}\": a ggml type, not {}", name, type));
    }
    const std::uint64_t row = shape.empty() ? 1 : shape[0];
    if (row % known->block != 0) {
      in.seek(info);
      in.fail(fmt::format("tensor \"{}\": rows of a multiple of {} elements, the block of {}, not {}", name,
                          known->block, known->name, row));
    }
    // The data's size, saturating: a huge shape is caught as past the end.
    const std::uint64_t blocks = elements / known->block;
    const std::uint64_t bytes =
        blocks > UINT64_MAX / known->bytes ? UINT64_MAX : blocks * known->bytes;
    extents.push_back({info, offset, bytes, name});
    context.tensor({name, known->name, std::move(shape)});
  }
  context.out.parameters = parameters;

  if (tensor_count == 0) return;
  const std::uint64_t end_of_infos = in.offset();
  const std::uint64_t data_start = (end_of_infos + alignment - 1) / alignment * alignment;
  if (data_start > context.bytes.size())
    in.fail(fmt::format("padding to the alignment of {} and tensor data, but the file ends", alignment));
  const std::uint64_t data_size = context.bytes.size() - data_start;
  for (const auto& extent : extents) {
    if (extent.offset % alignment != 0)
      throw FormatError(in.where_at(extent.info),
                        fmt::format("tensor \"{}\": data at an offset aligned to {}, not {}", extent.name,
                                    alignment, extent.offset));
    if (extent.offset > data_size || extent.bytes > data_size - extent.offset)
      throw FormatError(in.where_at(extent.info),
                        fmt::format("tensor \"{}\": {} bytes of data at offset {}, but the data has only {}",
                                    extent.name, extent.bytes, extent.offset, data_size));
  }
}

}  // namespace

const Format& gguf_format() {
  static const Format format{"gguf", "GGUF (ggml, llama.cpp)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
