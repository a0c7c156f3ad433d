// SPDX-License-Identifier: GPL-3.0-or-later
// safetensors: the test writes files with the layout of the format's
// README (u64 header length, JSON header padded with spaces, byte buffer)
// and reads them back whole, cut short, and broken in the ways the
// reference reader refuses.
#include <gtest/gtest.h>

#include <cstring>

#include "inspect_support.hpp"

namespace model_provenance::inspect {
namespace {

// A safetensors file of HEADER (JSON text) and DATA_SIZE bytes of data,
// the header padded with spaces to a multiple of 8 as the reference
// writer does.
std::string safetensors(std::string header, std::uint64_t data_size) {
  header.resize((header.size() + 7) / 8 * 8, ' ');
  std::string out(8, '\0');
  const std::uint64_t length = header.size();
  std::memcpy(out.data(), &length, 8);
  out += header;
  for (std::uint64_t i = 0; i < data_size; ++i) out += static_cast<char>(i);
  return out;
}

// Three tensors listed out of offset order, a scalar among them, and
// __metadata__ with lineage keys.
const std::string sample_header =
    R"({"b.bias":{"dtype":"BF16","shape":[3],"data_offsets":[24,30]},)"
    R"("__metadata__":{"format":"pt","license":"mit","base_model":"google-bert/bert-base-uncased"},)"
    R"("a.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},)"
    R"("c.step":{"dtype":"I64","shape":[],"data_offsets":[30,38],"comment":{"any":[1,2]}}})";

TEST(InspectSafetensors, TensorsMetadataAndLineage) {
  const std::string bytes = safetensors(sample_header, 38);
  const Inspection result = inspect_bytes(bytes, "model.safetensors");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "safetensors");
  EXPECT_EQ(result.format_detail, "safetensors, " + std::to_string(bytes.size() - 8 - 38) + "-byte header");
  EXPECT_EQ(fact(result, "__metadata__.format"), "pt");
  EXPECT_EQ(fact(result, "__metadata__.license"), "mit");
  EXPECT_EQ(fact(result, "__metadata__.base_model"), "google-bert/bert-base-uncased");
  ASSERT_TRUE(result.license);
  EXPECT_EQ(*result.license, "mit");
  EXPECT_EQ(result.base_models, std::vector<std::string>{"google-bert/bert-base-uncased"});
  // In header order.
  ASSERT_EQ(result.tensors.size(), 3u);
  EXPECT_EQ(result.tensors[0].name, "b.bias");
  EXPECT_EQ(result.tensors[0].dtype, "BF16");
  EXPECT_EQ(result.tensors[0].shape, std::vector<std::uint64_t>{3});
  EXPECT_EQ(result.tensors[1].name, "a.weight");
  EXPECT_EQ(result.tensors[1].shape, (std::vector<std::uint64_t>{2, 3}));
  EXPECT_EQ(result.tensors[2].name, "c.step");
  EXPECT_TRUE(result.tensors[2].shape.empty());
  ASSERT_TRUE(result.parameters);
  EXPECT_EQ(*result.parameters, 3u + 6u + 1u);
  EXPECT_TRUE(result.safety.empty());
}

TEST(InspectSafetensors, EmptyTensorsAndNullMetadata) {
  const Inspection result = inspect_bytes(
      safetensors(R"({"__metadata__":null,"e":{"dtype":"F16","shape":[0,4],"data_offsets":[0,0]}})", 0), "e.st");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "safetensors");
  EXPECT_EQ(result.parameters, 0u);
  EXPECT_FALSE(result.license);

  const Inspection spec = inspect_bytes(
      safetensors(R"({"__metadata__":{"modelspec.title":"T","modelspec.license":"CreativeML-OpenRAIL-M"}})", 0), "s.st");
  ASSERT_FALSE(spec.error) << *spec.error;
  EXPECT_EQ(spec.license, "CreativeML-OpenRAIL-M");
  EXPECT_EQ(fact(spec, "__metadata__.modelspec.title"), "T");
  EXPECT_EQ(spec.tensor_count, 0u);
}

TEST(InspectSafetensors, TruncatedAnywhereIsLocated) {
  const std::string whole = safetensors(sample_header, 38);
  for (std::size_t cut = 10; cut < whole.size(); ++cut) {
    const Inspection result = inspect_bytes(std::string_view(whole).substr(0, cut), "cut.safetensors");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_NE(result.error->find("cut.safetensors: byte "), std::string::npos) << *result.error;
    EXPECT_EQ(result.format, "safetensors");
  }
}

void expect_error(const std::string& bytes, const std::string& expected, const Limits& limits = {}) {
  const Inspection result = inspect_bytes(bytes, "bad.safetensors", limits);
  ASSERT_TRUE(result.error) << expected;
  EXPECT_NE(result.error->find(expected), std::string::npos) << *result.error;
  EXPECT_EQ(result.format, "safetensors");
}

TEST(InspectSafetensors, DataMustCoverTheBufferExactly) {
  // A hole between tensors; the name's opening quote is at byte 8 + 1.
  expect_error(safetensors(R"({"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},)"
                           R"("b":{"dtype":"U8","shape":[2],"data_offsets":[3,5]}})", 5),
               "byte 61: tensor \"b\": data_offsets beginning at 2, where the tensor before ends, not 3");
  // Overlap.
  expect_error(safetensors(R"({"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},)"
                           R"("b":{"dtype":"U8","shape":[2],"data_offsets":[1,3]}})", 3),
               "tensor \"b\": data_offsets beginning at 2, where the tensor before ends, not 1");
  // Sizes that do not match the dtype and shape.
  expect_error(safetensors(R"({"a":{"dtype":"F32","shape":[100],"data_offsets":[0,4]}})", 4),
               "byte 9: tensor \"a\": 100 elements of F32, more than the 4 bytes of data_offsets [0, 4] hold");
  expect_error(safetensors(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})", 4),
               "tensor \"a\": 8 bytes for 2 elements of F32, not the 4 of data_offsets [0, 4]");
  expect_error(safetensors(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,12]}})", 12),
               "tensor \"a\": 8 bytes for 2 elements of F32, not the 12 of data_offsets [0, 12]");
  expect_error(safetensors(R"({"a":{"dtype":"F4","shape":[3],"data_offsets":[0,2]}})", 2),
               "tensor \"a\": 3 elements of F4, not a whole number of bytes");
  // Past the end, and bytes after the last tensor.
  expect_error(safetensors(R"({"a":{"dtype":"U8","shape":[8],"data_offsets":[0,8]}})", 4),
               "tensor \"a\": data_offsets [0, 8] within the 4 bytes of data");
  const std::string longer = safetensors(R"({"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]}})", 6);
  expect_error(longer, "byte " + std::to_string(longer.size() - 2) +
                           ": the end of the file, as the tensors' data ends here, but 2 more bytes follow");
  // A huge shape saturates instead of wrapping to a small size.
  expect_error(safetensors(R"({"a":{"dtype":"U8","shape":[4294967296,4294967296],"data_offsets":[0,0]}})", 0),
               "18446744073709551615 elements of U8, more than the 0 bytes");
  expect_error(safetensors(R"({"a":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}})", 1),
               "tensor \"a\": a safetensors dtype, not \"Q4\"");
}

TEST(InspectSafetensors, HeaderErrorsAreLocated) {
  // Syntax: the offending character.
  expect_error(safetensors(R"({"a" 1})", 0), "byte 13: JSON header: syntax error while parsing object separator");
  expect_error(safetensors(R"({"a":{"dtype":"U8","shape":[-1],"data_offsets":[0,0]}})", 0),
               "byte 37: tensor \"a\": shape: a non-negative integer, not -1");
  expect_error(safetensors(R"({"a":{"dtype":"U8","shape":[1.5],"data_offsets":[0,0]}})", 0),
               "tensor \"a\": shape: a non-negative integer, not 1.5");
  expect_error(safetensors(R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1,2]}})", 3),
               "tensor \"a\": data_offsets of two numbers, [BEGIN, END], not 3");
  expect_error(safetensors(R"({"a":{"dtype":7,"shape":[1],"data_offsets":[0,1]}})", 1),
               "byte 22: tensor \"a\": dtype a string, not a number");
  expect_error(safetensors(R"({"a":{"shape":[1],"data_offsets":[0,1]}})", 1), "tensor \"a\": a \"dtype\"");
  expect_error(safetensors(R"({"a":[1]})", 0), "byte 13: tensor \"a\": an object, not an array");
  expect_error(safetensors(R"({"__metadata__":{"k":1}})", 0), "byte 29: __metadata__: an object of strings, not a number");
  expect_error(safetensors(R"({"a":{"dtype":"U8","shape":[0],"data_offsets":[0,0]},"a":{}})", 0),
               "a tensor name used once, not \"a\" again");
  expect_error(safetensors(R"({"a":{"dtype":"U8","dtype":"U8"}})", 0), "\"dtype\" once per tensor");
  expect_error(safetensors(R"({"a":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}} x)", 0),
               "JSON header: syntax error while parsing value");
  // Invalid UTF-8 in a string: the offending byte.
  expect_error(safetensors("{\"__metadata__\":{\"k\":\"ab\xff\"}}", 0),
               "byte 32: JSON header: syntax error while parsing value - invalid string: ill-formed UTF-8 byte");
}

TEST(InspectSafetensors, HostileLengthsAndNesting) {
  // A header longer than the file.
  std::string bytes = safetensors(R"({"a":{}})", 0);
  bytes[0] = 100;
  expect_error(bytes, "byte 8: JSON header: 100 bytes, but only 8 remain");
  // A header longer than the limit.
  Limits small;
  small.max_header_bytes = 4;
  expect_error(safetensors(R"({"a":{}})", 0), "byte 0: a header of at most 4 bytes, not 8", small);
  // Nesting past the limit inside a field the format does not define.
  const std::string deep = R"({"a":{"x":)" + std::string(1000, '[') + std::string(1000, ']') + "}}";
  expect_error(safetensors(deep, 0), "JSON nested at most 256 deep");
  Limits few;
  few.max_entries = 1;
  expect_error(safetensors(sample_header, 38), "at most 1 tensors", few);
}

TEST(InspectSafetensors, SniffingWantsAnObjectAfterTheLength) {
  std::string bytes = safetensors(sample_header, 38);
  bytes[8] = '[';
  EXPECT_EQ(inspect_bytes(bytes, "x.safetensors").format, "unknown");
  EXPECT_EQ(inspect_bytes("{\"not\": \"safetensors\"}", "x.json").format, "unknown");
}

}  // namespace
}  // namespace model_provenance::inspect
