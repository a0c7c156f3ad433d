// SPDX-License-Identifier: GPL-3.0-or-later
// TFLite: a model FlatBuffer laid out here by hand with schema.fbs's field
// ids (tables after their vtables, children after their parents, as the
// format's forward offsets require), with a TFLite Metadata FlatBuffer in
// one of its buffers and a buffer kept outside the FlatBuffer as models
// over 2 GiB do; then the same model cut short and made hostile.
#include <cstring>
#include <map>

#include <gtest/gtest.h>

#include "inspect_support.hpp"

namespace model_provenance::inspect {
namespace {

// FlatBuffers' binary layout (flatbuffers.dev, "FlatBuffers internals").
class FlatWriter {
 public:
  struct Field {
    unsigned id;
    unsigned size;  // 1, 2, 4 or 8 bytes; an offset is 4, linked later
    std::uint64_t value = 0;
  };
  using Slots = std::map<unsigned, std::size_t>;  // where each field is, by id

  std::size_t here() const { return out.size(); }
  void pad(std::size_t alignment) {
    while (out.size() % alignment != 0) out += '\0';
  }
  template <typename T>
  void put(T value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  template <typename T>
  void set(std::size_t at, T value) {
    std::memcpy(&out[at], &value, sizeof value);
  }
  // Points the offset at AT to TARGET, which comes after it.
  void link(std::size_t at, std::size_t target) { set<std::uint32_t>(at, static_cast<std::uint32_t>(target - at)); }

  // A vtable, then its table; returns the table's position.
  std::size_t table(const std::vector<Field>& fields, Slots& slots) {
    unsigned ids = 0;
    for (const auto& f : fields) ids = std::max(ids, f.id + 1);
    std::vector<std::uint16_t> offsets(ids, 0);
    std::size_t size = 4;
    for (const auto& f : fields) {
      size = (size + f.size - 1) / f.size * f.size;
      offsets[f.id] = static_cast<std::uint16_t>(size);
      size += f.size;
    }
    pad(2);
    const std::size_t vtable = here();
    put<std::uint16_t>(static_cast<std::uint16_t>(4 + 2 * ids));
    put<std::uint16_t>(static_cast<std::uint16_t>(size));
    for (auto o : offsets) put(o);
    pad(8);
    const std::size_t table = here();
    put<std::int32_t>(static_cast<std::int32_t>(table - vtable));
    for (const auto& f : fields) {
      while (here() < table + offsets[f.id]) out += '\0';
      slots[f.id] = here();
      out.append(reinterpret_cast<const char*>(&f.value), f.size);
    }
    while (here() < table + size) out += '\0';
    return table;
  }
  std::size_t table(const std::vector<Field>& fields) {
    Slots ignored;
    return table(fields, ignored);
  }
  std::size_t string(std::string_view text) {
    pad(4);
    const std::size_t at = here();
    put<std::uint32_t>(static_cast<std::uint32_t>(text.size()));
    out += text;
    out += '\0';
    return at;
  }
  std::size_t bytes(std::string_view data) {
    pad(16);  // Buffer.data has force_align 16; the length goes just before
    out.append(12, '\0');
    const std::size_t at = here();
    put<std::uint32_t>(static_cast<std::uint32_t>(data.size()));
    out += data;
    return at;
  }
  std::size_t ints(const std::vector<std::int32_t>& values) {
    pad(4);
    const std::size_t at = here();
    put<std::uint32_t>(static_cast<std::uint32_t>(values.size()));
    for (auto v : values) put(v);
    return at;
  }
  // A vector of N offsets to link later: its position and its slots.
  std::size_t offsets(std::size_t n, std::vector<std::size_t>& slots) {
    pad(4);
    const std::size_t at = here();
    put<std::uint32_t>(static_cast<std::uint32_t>(n));
    for (std::size_t i = 0; i < n; ++i) {
      slots.push_back(here());
      put<std::uint32_t>(0);
    }
    return at;
  }

  std::string out;
};

// A tflite.ModelMetadata (metadata_schema.fbs), file identifier M001.
std::string model_metadata() {
  FlatWriter w;
  w.put<std::uint32_t>(0);
  w.out += "M001";
  FlatWriter::Slots f;
  const auto root = w.table({{0, 4}, {1, 4}, {2, 4}, {4, 4}, {5, 4}, {6, 4}, {7, 4}}, f);
  w.link(0, root);
  w.link(f[0], w.string("Digit classifier"));
  w.link(f[1], w.string("Recognizes handwritten digits."));
  w.link(f[2], w.string("v2"));
  w.link(f[4], w.string("Jane Doe"));
  w.link(f[5], w.string("Apache License. Version 2.0"));
  std::vector<std::size_t> files;
  w.link(f[6], w.offsets(1, files));
  FlatWriter::Slots file;
  w.link(files[0], w.table({{0, 4}, {2, 1, 2}}, file));
  w.link(file[0], w.string("labels.txt"));
  w.link(f[7], w.string("1.0.0"));
  return w.out;
}

struct Options {
  std::uint32_t bias_buffer = 2;
  std::int32_t first_dim = 4;
};

std::string model(const Options& options = {}) {
  FlatWriter w;
  w.put<std::uint32_t>(0);
  w.out += "TFL3";
  FlatWriter::Slots m;
  const auto root = w.table({{0, 4, 3}, {2, 4}, {3, 4}, {4, 4}, {6, 4}, {7, 4}}, m);
  w.link(0, root);
  w.link(m[3], w.string("A dense layer, for the test."));

  // Buffers: the empty sentinel, two weights, two metadata, one outside.
  std::vector<std::size_t> buffers;
  w.link(m[4], w.offsets(6, buffers));
  w.link(buffers[0], w.table({}));
  const std::string contents[] = {std::string(48, '\x01'), std::string(12, '\x02'), std::string("1.14.0\0\0", 8),
                                  model_metadata()};
  for (int i = 0; i < 4; ++i) {
    FlatWriter::Slots b;
    w.link(buffers[i + 1], w.table({{0, 4}}, b));
    w.link(b[0], w.bytes(contents[i]));
  }
  FlatWriter::Slots outside;
  w.link(buffers[5], w.table({{1, 8, 0}, {2, 8, 4}}, outside));

  std::vector<std::size_t> subgraphs;
  w.link(m[2], w.offsets(1, subgraphs));
  FlatWriter::Slots s;
  w.link(subgraphs[0], w.table({{0, 4}, {1, 4}, {2, 4}, {4, 4}}, s));
  w.link(s[1], w.ints({0}));
  w.link(s[2], w.ints({3}));
  w.link(s[4], w.string("main"));
  struct TensorSpec {
    const char* name;
    std::vector<std::int32_t> shape;
    std::int8_t type;
    std::uint32_t buffer;
  };
  const TensorSpec tensors[] = {{"input", {1, 4}, 0, 0},
                                {"dense/kernel", {options.first_dim, 3}, 0, 1},
                                {"dense/bias", {3}, 0, options.bias_buffer},
                                {"big", {2, 2}, 9, 5}};
  std::vector<std::size_t> tensor_slots;
  w.link(s[0], w.offsets(4, tensor_slots));
  for (int i = 0; i < 4; ++i) {
    FlatWriter::Slots t;
    w.link(tensor_slots[i], w.table({{0, 4}, {1, 1, static_cast<std::uint64_t>(tensors[i].type)},
                                     {2, 4, tensors[i].buffer}, {3, 4}}, t));
    w.link(t[0], w.ints(tensors[i].shape));
    w.link(t[3], w.string(tensors[i].name));
  }

  std::vector<std::size_t> metadata;
  w.link(m[6], w.offsets(2, metadata));
  const std::pair<const char*, std::uint32_t> entries[] = {{"min_runtime_version", 3}, {"TFLITE_METADATA", 4}};
  for (int i = 0; i < 2; ++i) {
    FlatWriter::Slots e;
    w.link(metadata[i], w.table({{0, 4}, {1, 4, entries[i].second}}, e));
    w.link(e[0], w.string(entries[i].first));
  }
  std::vector<std::size_t> signatures;
  w.link(m[7], w.offsets(1, signatures));
  FlatWriter::Slots sig;
  w.link(signatures[0], w.table({{2, 4}}, sig));
  w.link(sig[2], w.string("serving_default"));

  // Buffer 5's data, after the FlatBuffer.
  w.pad(16);
  w.set<std::uint64_t>(outside[1], w.here());
  w.out += "\x05\x06\x07\x08";
  return w.out;
}

TEST(InspectTflite, SyntheticModel) {
  const std::string bytes = model();
  const Inspection result = inspect_bytes(bytes, "dense.tflite");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "tflite");
  EXPECT_EQ(result.format_detail, "TFLite model, schema version 3");
  EXPECT_EQ(fact(result, "version"), "3");
  EXPECT_EQ(fact(result, "description"), "A dense layer, for the test.");
  EXPECT_EQ(fact(result, "subgraph.name"), "main");
  EXPECT_EQ(fact(result, "metadata.min_runtime_version"), "1.14.0");
  EXPECT_EQ(fact(result, "metadata.TFLITE_METADATA"), std::to_string(model_metadata().size()) + " bytes");
  EXPECT_EQ(fact(result, "TFLITE_METADATA.name"), "Digit classifier");
  EXPECT_EQ(fact(result, "TFLITE_METADATA.description"), "Recognizes handwritten digits.");
  EXPECT_EQ(fact(result, "TFLITE_METADATA.version"), "v2");
  EXPECT_EQ(fact(result, "TFLITE_METADATA.author"), "Jane Doe");
  EXPECT_EQ(fact(result, "TFLITE_METADATA.license"), "Apache License. Version 2.0");
  EXPECT_EQ(fact(result, "TFLITE_METADATA.associated_files.name"), "labels.txt");
  EXPECT_EQ(fact(result, "TFLITE_METADATA.min_parser_version"), "1.0.0");
  EXPECT_EQ(fact(result, "signature_def"), "serving_default");
  EXPECT_EQ(result.license, "Apache License. Version 2.0");

  ASSERT_EQ(result.tensors.size(), 4u);
  EXPECT_EQ(result.tensors[0].name, "input");
  EXPECT_EQ(result.tensors[0].dtype, "FLOAT32");
  EXPECT_EQ(result.tensors[0].shape, (std::vector<std::uint64_t>{1, 4}));
  EXPECT_EQ(result.tensors[1].name, "dense/kernel");
  EXPECT_EQ(result.tensors[1].shape, (std::vector<std::uint64_t>{4, 3}));
  EXPECT_EQ(result.tensors[3].name, "big");
  EXPECT_EQ(result.tensors[3].dtype, "INT8");
  // The kernel, the bias and the tensor whose data is outside the FlatBuffer;
  // the input has only the empty buffer 0.
  ASSERT_TRUE(result.parameters);
  EXPECT_EQ(*result.parameters, 12u + 3u + 4u);
}

TEST(InspectTflite, TruncatedAnywhereIsLocated) {
  const std::string bytes = model();
  for (std::size_t cut = 8; cut < bytes.size(); ++cut) {
    const Inspection result = inspect_bytes(std::string_view(bytes).substr(0, cut), "cut.tflite");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_EQ(result.error->rfind("cut.tflite: byte ", 0), 0u) << *result.error;
  }
}

TEST(InspectTflite, HostileModels) {
  const auto error = [](const std::string& bytes, const Limits& limits = {}) {
    const Inspection result = inspect_bytes(bytes, "bad.tflite", limits);
    EXPECT_EQ(result.format, "tflite");
    EXPECT_TRUE(result.error);
    return result.error.value_or("");
  };
  const std::string good = model();
  // The root offset past the end.
  std::string past = good;
  past[0] = '\xff';
  past[1] = '\xff';
  past[2] = '\xff';
  EXPECT_NE(error(past).find("bad.tflite: byte 0: Model: an offset within the buffer"), std::string::npos)
      << error(past);
  // The root table's vtable before the start of the file.
  std::string vtable = good;
  std::uint32_t root;
  std::memcpy(&root, vtable.data(), 4);
  const std::int32_t back = 0x7fffffff;
  std::memcpy(&vtable[root], &back, 4);
  EXPECT_NE(error(vtable).find("Model: a vtable within the buffer"), std::string::npos) << error(vtable);
  // A tensor naming a buffer the model lacks; a negative dimension.
  EXPECT_NE(error(model({.bias_buffer = 99})).find("buffer 99, but the model has 6"), std::string::npos);
  EXPECT_NE(error(model({.first_dim = -1})).find("Tensor.shape: dimensions at least 0, not -1"), std::string::npos);
  // More buffers than the limit; a vector longer than the file.
  Limits limits;
  limits.max_entries = 3;
  EXPECT_NE(error(good, limits).find("Model.buffers: at most 3 entries, not 6"), std::string::npos)
      << error(good, limits);
  std::string longer = good;
  std::uint32_t model_table;
  std::memcpy(&model_table, longer.data(), 4);
  // Model.buffers is field 4: follow the vtable to its slot and its vector.
  std::int32_t soffset;
  std::memcpy(&soffset, &longer[model_table], 4);
  const std::size_t vt = model_table - static_cast<std::size_t>(soffset);
  std::uint16_t slot;
  std::memcpy(&slot, &longer[vt + 4 + 2 * 4], 2);
  std::uint32_t to_vector;
  std::memcpy(&to_vector, &longer[model_table + slot], 4);
  const std::uint32_t huge = 0x10000000;
  std::memcpy(&longer[model_table + slot + to_vector], &huge, 4);
  EXPECT_NE(error(longer).find("Model.buffers: 1073741824 bytes, but the buffer ends at byte"), std::string::npos)
      << error(longer);
}

TEST(InspectTflite, SniffsTheFileIdentifier) {
  EXPECT_EQ(inspect_bytes(model(), "model.bin").format, "tflite");
  std::string other = model();
  other[7] = '4';
  EXPECT_EQ(inspect_bytes(other, "model.tflite").format, "unknown");
}

}  // namespace
}  // namespace model_provenance::inspect
