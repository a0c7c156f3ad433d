// SPDX-License-Identifier: GPL-3.0-or-later
// ONNX: a ModelProto written here field by field with onnx.proto's field
// numbers (no Debian package ships an .onnx model), read back; the same
// model cut short everywhere; hostile lengths, tags and nesting.
#include <gtest/gtest.h>

#include "inspect_support.hpp"
#include "protobuf_writer.hpp"

namespace model_provenance::inspect {
namespace {

ProtoWriter entry(std::string_view key, std::string_view value) {
  ProtoWriter e;
  e.bytes(1, key).bytes(2, value);
  return e;
}

ProtoWriter opset(std::string_view domain, std::uint64_t version) {
  ProtoWriter o;
  if (!domain.empty()) o.bytes(1, domain);
  o.varint(2, version);
  return o;
}

// A TensorProto: dims 1, data_type 2, name 8, raw_data 9.
ProtoWriter tensor(std::string_view name, std::vector<std::uint64_t> dims, std::uint64_t type, bool packed) {
  ProtoWriter t;
  if (packed)
    t.packed(1, dims);
  else
    for (auto d : dims) t.varint(1, d);
  t.varint(2, type);
  t.bytes(8, name);
  std::uint64_t count = 1;
  for (auto d : dims) count *= d;
  t.bytes(9, std::string(count * 4, '\x01'));
  return t;
}

struct Model {
  std::string bytes;
  std::vector<std::size_t> field_ends;  // where each top-level field ends
};

Model model() {
  ProtoWriter graph;
  ProtoWriter node;
  node.bytes(1, "input").bytes(2, "output").bytes(4, "Gemm");
  graph.message(1, node);
  graph.bytes(2, "main_graph");
  graph.message(5, tensor("fc.weight", {4, 3}, 1, true));
  graph.message(5, tensor("fc.bias", {3}, 10, false));
  ProtoWriter external;
  external.packed(1, {2, 2}).varint(2, 1).bytes(8, "ext.weight");
  external.message(13, entry("location", "weights.bin")).message(13, entry("offset", "0"));
  external.varint(14, 1);
  graph.message(5, external);
  ProtoWriter values;
  values.packed(1, {2}).varint(2, 1).bytes(8, "sparse.weight").bytes(9, std::string(8, '\0'));
  ProtoWriter indices;
  indices.packed(1, {2}).varint(2, 7).bytes(9, std::string(16, '\0'));
  ProtoWriter sparse;
  sparse.message(1, values).message(2, indices).packed(3, {10, 10});
  graph.message(15, sparse);
  graph.bytes(10, "A linear layer.");
  graph.message(16, entry("stage", "fine-tuned"));

  Model m;
  ProtoWriter w;
  const auto end = [&] { m.field_ends.push_back(w.size()); };
  w.varint(1, 8), end();
  w.bytes(2, "pytorch"), end();
  w.bytes(3, "2.1.0"), end();
  w.bytes(4, "ai.example"), end();
  w.varint(5, 3), end();
  w.bytes(6, "A demo model."), end();
  w.message(7, graph), end();
  w.message(8, opset("", 17)), end();
  w.message(8, opset("com.microsoft", 1)), end();
  // Unknown fields are skipped: a varint, and a group with a nested group.
  w.varint(99, 12345), end();
  w.tag(98, 3).varint(1, 1).tag(2, 3).bytes(3, "x").tag(2, 4).tag(98, 4), end();
  w.message(14, entry("license", "Apache-2.0")), end();
  w.message(14, entry("base_model", "bert-base-uncased, distilbert-base-uncased")), end();
  w.message(14, entry("Datasets", "squad")), end();
  m.bytes = w.str();
  return m;
}

TEST(InspectOnnx, SyntheticModel) {
  const Inspection result = inspect_bytes(model().bytes, "demo.onnx");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "onnx");
  EXPECT_EQ(result.format_detail, "ONNX model, IR version 8, opset 17");
  EXPECT_EQ(fact(result, "ir_version"), "8");
  EXPECT_EQ(fact(result, "producer_name"), "pytorch");
  EXPECT_EQ(fact(result, "producer_version"), "2.1.0");
  EXPECT_EQ(fact(result, "domain"), "ai.example");
  EXPECT_EQ(fact(result, "model_version"), "3");
  EXPECT_EQ(fact(result, "doc_string"), "A demo model.");
  EXPECT_EQ(fact(result, "graph.name"), "main_graph");
  EXPECT_EQ(fact(result, "graph.doc_string"), "A linear layer.");
  EXPECT_EQ(fact(result, "graph.metadata_props.stage"), "fine-tuned");
  EXPECT_EQ(fact(result, "opset_import"), "ai.onnx 17");
  EXPECT_EQ(fact(result, "external_data.location"), "weights.bin");
  EXPECT_EQ(fact(result, "metadata_props.license"), "Apache-2.0");
  std::vector<std::string> opsets;
  for (const auto& f : result.facts)
    if (f.key == "opset_import") opsets.push_back(f.value);
  EXPECT_EQ(opsets, (std::vector<std::string>{"ai.onnx 17", "com.microsoft 1"}));
  EXPECT_EQ(result.license, "Apache-2.0");
  EXPECT_EQ(result.base_models, (std::vector<std::string>{"bert-base-uncased", "distilbert-base-uncased"}));
  EXPECT_EQ(result.datasets, (std::vector<std::string>{"squad"}));

  ASSERT_EQ(result.tensors.size(), 4u);
  EXPECT_EQ(result.tensors[0].name, "fc.weight");
  EXPECT_EQ(result.tensors[0].dtype, "FLOAT");
  EXPECT_EQ(result.tensors[0].shape, (std::vector<std::uint64_t>{4, 3}));
  EXPECT_EQ(result.tensors[1].name, "fc.bias");
  EXPECT_EQ(result.tensors[1].dtype, "FLOAT16");
  EXPECT_EQ(result.tensors[1].shape, (std::vector<std::uint64_t>{3}));
  EXPECT_EQ(result.tensors[2].name, "ext.weight");
  EXPECT_EQ(result.tensors[3].name, "sparse.weight");
  EXPECT_EQ(result.tensors[3].dtype, "FLOAT (sparse)");
  EXPECT_EQ(result.tensors[3].shape, (std::vector<std::uint64_t>{10, 10}));
  // 12 + 3 + 4 dense, and the sparse tensor's 2 stored values.
  ASSERT_TRUE(result.parameters);
  EXPECT_EQ(*result.parameters, 21u);
}

TEST(InspectOnnx, SniffsByNameOrFirstFields) {
  const std::string bytes = model().bytes;
  EXPECT_EQ(inspect_bytes(bytes, "model.bin").format, "onnx");  // ir_version 8, then producer_name
  EXPECT_EQ(inspect_bytes(bytes, "MODEL.ONNX").format, "onnx");
  // A SavedModel begins with saved_model_schema_version 1 and meta_graphs.
  ProtoWriter saved_model;
  saved_model.varint(1, 1).bytes(2, "graph");
  EXPECT_EQ(inspect_bytes(saved_model.str(), "saved_model.pb").format, "unknown");
  EXPECT_EQ(inspect_bytes(saved_model.str(), "odd.onnx").format, "onnx");
  EXPECT_EQ(inspect_bytes(std::string("\x07\x01\x02", 3), "odd.onnx").format, "unknown");
}

// Protobuf has no end marker: a model cut between two top-level fields is
// a shorter model; cut anywhere else, reading stops at a named byte.
TEST(InspectOnnx, TruncatedAnywhereIsLocatedOrAShorterModel) {
  const Model m = model();
  for (std::size_t cut = 1; cut < m.bytes.size(); ++cut) {
    const Inspection result = inspect_bytes(std::string_view(m.bytes).substr(0, cut), "cut.onnx");
    const bool boundary = std::find(m.field_ends.begin(), m.field_ends.end(), cut) != m.field_ends.end();
    if (boundary) {
      EXPECT_FALSE(result.error) << cut << ": " << *result.error;
    } else {
      ASSERT_TRUE(result.error) << cut;
      EXPECT_EQ(result.error->rfind("cut.onnx: byte ", 0), 0u) << *result.error;
    }
  }
}

TEST(InspectOnnx, FactsReadBeforeAnErrorStay) {
  ProtoWriter w;
  w.varint(1, 9).bytes(2, "exporter").tag(7, 2).raw(ProtoWriter::varint_bytes(1ull << 40));
  const Inspection result = inspect_bytes(w.str(), "long.onnx");
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("long.onnx: byte 19: field 7: 1099511627776 bytes, but only 0 remain"),
            std::string::npos)
      << *result.error;
  EXPECT_EQ(fact(result, "producer_name"), "exporter");
}

TEST(InspectOnnx, HostileInput) {
  const auto error = [](const ProtoWriter& w) {
    const Inspection result = inspect_bytes(w.str(), "bad.onnx");
    EXPECT_TRUE(result.error);
    return result.error.value_or("");
  };
  // A length past the end of the enclosing message.
  ProtoWriter graph;
  graph.tag(5, 2).raw(ProtoWriter::varint_bytes(1000)).raw("abc");
  ProtoWriter w1;
  w1.varint(1, 8).message(7, graph);
  EXPECT_NE(error(w1).find("field 5: 1000 bytes, but only 3 remain in its message"), std::string::npos) << error(w1);
  // A varint that never ends.
  ProtoWriter w2;
  w2.varint(1, 8).tag(5, 0).raw(std::string(12, '\xff'));
  EXPECT_NE(error(w2).find("a varint for field 5"), std::string::npos) << error(w2);
  // Field number 0, wire types 6 and 7, an end-group with no group.
  EXPECT_NE(error(ProtoWriter().varint(1, 8).raw("\x01\x01")).find("a field number above 0"),
            std::string::npos);
  EXPECT_NE(error(ProtoWriter().varint(1, 8).tag(3, 7)).find("a wire type from 0 to 5, not 7"), std::string::npos);
  EXPECT_NE(error(ProtoWriter().varint(1, 8).tag(3, 4)).find("an end-group tag outside any group"),
            std::string::npos);
  // Groups nested past Limits::max_depth.
  ProtoWriter deep;
  deep.varint(1, 8);
  for (int i = 0; i < 300; ++i) deep.tag(50, 3);
  EXPECT_NE(error(deep).find("groups nested at most 256 deep"), std::string::npos) << error(deep);
  // A field of the wrong wire type.
  EXPECT_NE(error(ProtoWriter().varint(1, 8).varint(7, 1)).find("ModelProto.graph (field 7) as length-delimited, not varint"),
            std::string::npos);
  // A negative dimension, and more dimensions than any tensor has.
  ProtoWriter negative_graph;
  negative_graph.message(5, ProtoWriter().varint(1, static_cast<std::uint64_t>(-1)).varint(2, 1));
  EXPECT_NE(error(ProtoWriter().varint(1, 8).message(7, negative_graph)).find("at least 0, not -1"),
            std::string::npos);
  ProtoWriter wide_graph;
  wide_graph.message(5, ProtoWriter().packed(1, std::vector<std::uint64_t>(2000, 1)));
  EXPECT_NE(error(ProtoWriter().varint(1, 8).message(7, wide_graph)).find("at most 1024 values of TensorProto.dims"),
            std::string::npos);
}

TEST(InspectOnnx, InitializerLimit) {
  ProtoWriter graph;
  for (int i = 0; i < 5; ++i) graph.message(5, tensor("t", {1}, 1, true));
  ProtoWriter w;
  w.varint(1, 8).message(7, graph);
  Limits limits;
  limits.max_entries = 3;
  const Inspection result = inspect_bytes(w.str(), "many.onnx", limits);
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("at most 3 initializers"), std::string::npos) << *result.error;
  limits.max_entries = 100;
  limits.max_listed_tensors = 2;
  const Inspection listed = inspect_bytes(w.str(), "many.onnx", limits);
  ASSERT_FALSE(listed.error) << *listed.error;
  EXPECT_EQ(listed.tensor_count, 5u);
  EXPECT_EQ(listed.tensors.size(), 2u);
  EXPECT_EQ(listed.parameters, 5u);
}

}  // namespace
}  // namespace model_provenance::inspect
