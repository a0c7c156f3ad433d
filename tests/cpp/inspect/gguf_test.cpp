// SPDX-License-Identifier: GPL-3.0-or-later
// GGUF: no Debian package ships one, so the test writes small files with
// the layout of ggml's docs/gguf.md (header, typed key-value pairs, tensor
// infos, padding to general.alignment, tensor data), then reads them back
// whole, cut short, and with hostile counts and lengths.
#include <gtest/gtest.h>

#include <cstring>

#include "inspect_support.hpp"

namespace model_provenance::inspect {
namespace {

enum Type : std::uint32_t {
  u8 = 0, i8 = 1, u16 = 2, i16 = 3, u32 = 4, i32 = 5, f32 = 6, boolean = 7, str = 8, arr = 9, u64 = 10, i64 = 11,
  f64 = 12,
};

// Writes a GGUF file: key-value pairs and tensors are added in order, and
// finish() puts the header in front and the aligned data behind.
class GgufWriter {
 public:
  template <typename T>
  static void put(std::string& out, T value) {
    char raw[sizeof(T)];
    std::memcpy(raw, &value, sizeof(T));
    out.append(raw, sizeof(T));
  }
  static void put_string(std::string& out, std::string_view text) {
    put<std::uint64_t>(out, text.size());
    out += text;
  }

  // A key and its type; the caller appends the value to kv.
  void key(std::string_view name, std::uint32_t type) {
    ++kv_count;
    put_string(kv, name);
    put<std::uint32_t>(kv, type);
  }
  void string(std::string_view name, std::string_view value) {
    key(name, str);
    put_string(kv, value);
  }
  void u32_value(std::string_view name, std::uint32_t value) {
    key(name, u32);
    put<std::uint32_t>(kv, value);
  }
  void strings(std::string_view name, const std::vector<std::string>& values) {
    key(name, arr);
    put<std::uint32_t>(kv, str);
    put<std::uint64_t>(kv, values.size());
    for (const auto& v : values) put_string(kv, v);
  }
  // Where the next key will start in the finished file.
  std::uint64_t next_key_offset() const { return 24 + kv.size(); }

  // A tensor of TYPE whose data takes BYTES bytes.
  void tensor(std::string_view name, std::vector<std::uint64_t> shape, std::uint32_t type, std::uint64_t bytes) {
    ++tensor_count;
    put_string(infos, name);
    put<std::uint32_t>(infos, static_cast<std::uint32_t>(shape.size()));
    for (auto d : shape) put<std::uint64_t>(infos, d);
    put<std::uint32_t>(infos, type);
    data_size = (data_size + alignment - 1) / alignment * alignment;
    put<std::uint64_t>(infos, data_size);
    data_size += bytes;
  }

  std::string finish(std::uint32_t version = 3) const {
    std::string out = "GGUF";
    put<std::uint32_t>(out, version);
    put<std::uint64_t>(out, tensor_count);
    put<std::uint64_t>(out, kv_count);
    out += kv;
    out += infos;
    out.resize((out.size() + alignment - 1) / alignment * alignment, '\0');
    for (std::uint64_t i = 0; i < data_size; ++i) out += static_cast<char>(i * 7);
    return out;
  }

  std::string kv, infos;
  std::uint64_t kv_count = 0, tensor_count = 0, data_size = 0;
  std::uint64_t alignment = 32;
};

// A small model with the lineage keys of the specification, a chat
// template, a vocabulary and three tensors.
struct Sample {
  std::string bytes;
  std::uint64_t template_offset = 0;
};

Sample sample(std::uint32_t version = 3) {
  GgufWriter w;
  w.string("general.architecture", "llama");
  w.string("general.name", "Tiny Test");
  w.string("general.license", "apache-2.0");
  w.string("general.license.link", "https://www.apache.org/licenses/LICENSE-2.0");
  w.u32_value("general.base_model.count", 2);
  w.string("general.base_model.0.name", "Llama 3.2 1B");
  w.string("general.base_model.0.organization", "Meta Llama");
  w.string("general.base_model.0.repo_url", "https://huggingface.co/meta-llama/Llama-3.2-1B");
  w.string("general.base_model.1.name", "Helper");
  w.string("general.base_model.1.organization", "Acme");
  w.u32_value("general.dataset.count", 1);
  w.string("general.dataset.0.name", "TinyStories");
  w.string("general.dataset.0.repo_url", "https://huggingface.co/datasets/roneneldan/TinyStories");
  w.strings("general.datasets", {"wikitext", "c4"});
  w.strings("general.tags", {"test", "tiny"});
  w.u32_value("llama.context_length", 2048);
  w.key("llama.attention.layer_norm_rms_epsilon", f32);
  GgufWriter::put<float>(w.kv, 0.5f);
  w.key("llama.use_parallel_residual", boolean);
  GgufWriter::put<std::uint8_t>(w.kv, 1);
  w.key("test.signed", i64);
  GgufWriter::put<std::int64_t>(w.kv, -5);
  // [[1, 2], [3]] as i16
  w.key("test.nested", arr);
  GgufWriter::put<std::uint32_t>(w.kv, arr);
  GgufWriter::put<std::uint64_t>(w.kv, 2);
  GgufWriter::put<std::uint32_t>(w.kv, i16);
  GgufWriter::put<std::uint64_t>(w.kv, 2);
  GgufWriter::put<std::int16_t>(w.kv, 1);
  GgufWriter::put<std::int16_t>(w.kv, 2);
  GgufWriter::put<std::uint32_t>(w.kv, i16);
  GgufWriter::put<std::uint64_t>(w.kv, 1);
  GgufWriter::put<std::int16_t>(w.kv, 3);
  std::vector<std::string> tokens;
  for (int i = 0; i < 100; ++i) tokens.push_back("tok" + std::to_string(i));
  w.strings("tokenizer.ggml.tokens", tokens);
  w.key("tokenizer.ggml.scores", arr);
  GgufWriter::put<std::uint32_t>(w.kv, f32);
  GgufWriter::put<std::uint64_t>(w.kv, 100);
  for (int i = 0; i < 100; ++i) GgufWriter::put<float>(w.kv, static_cast<float>(i));
  Sample s;
  s.template_offset = w.next_key_offset();
  w.string("tokenizer.chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}");
  w.u32_value("general.alignment", 32);
  w.tensor("token_embd.weight", {8, 4}, 0, 8 * 4 * 4);  // F32
  w.tensor("blk.0.attn_q.weight", {256, 2}, 12, 2 * 144);  // Q4_K: 256 per block, 144 bytes
  w.tensor("output_norm.weight", {8}, 1, 8 * 2);  // F16
  s.bytes = w.finish(version);
  return s;
}

TEST(InspectGguf, FactsLineageTensorsAndTheChatTemplate) {
  const Sample s = sample();
  const Inspection result = inspect_bytes(s.bytes, "tiny.gguf");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "gguf");
  EXPECT_EQ(result.format_detail, "GGUF version 3");
  EXPECT_EQ(fact(result, "general.architecture"), "llama");
  EXPECT_EQ(fact(result, "general.name"), "Tiny Test");
  EXPECT_EQ(fact(result, "general.license.link"), "https://www.apache.org/licenses/LICENSE-2.0");
  EXPECT_EQ(fact(result, "general.base_model.count"), "2");
  EXPECT_EQ(fact(result, "general.base_model.1.organization"), "Acme");
  EXPECT_EQ(fact(result, "general.tags"), "test, tiny");
  EXPECT_EQ(fact(result, "llama.context_length"), "2048");
  EXPECT_EQ(fact(result, "llama.attention.layer_norm_rms_epsilon"), "0.5");
  EXPECT_EQ(fact(result, "llama.use_parallel_residual"), "true");
  EXPECT_EQ(fact(result, "test.signed"), "-5");
  EXPECT_EQ(fact(result, "test.nested"), "[1, 2], [3]");
  EXPECT_EQ(fact(result, "general.alignment"), "32");
  // A vocabulary is walked, not kept.
  EXPECT_EQ(fact(result, "tokenizer.ggml.tokens"), "(absent)");
  EXPECT_EQ(fact(result, "tokenizer.ggml.scores"), "(absent)");

  ASSERT_TRUE(result.license);
  EXPECT_EQ(*result.license, "apache-2.0");
  EXPECT_EQ(result.base_models,
            (std::vector<std::string>{"https://huggingface.co/meta-llama/Llama-3.2-1B", "Acme/Helper"}));
  EXPECT_EQ(result.datasets, (std::vector<std::string>{"wikitext", "c4",
                                                       "https://huggingface.co/datasets/roneneldan/TinyStories"}));

  ASSERT_EQ(result.safety.size(), 1u);
  EXPECT_EQ(result.safety[0].concern, Concern::review);
  EXPECT_EQ(result.safety[0].what,
            "chat template (Jinja, runs when the model is loaded by a template engine; CVE-2024-34359)");
  EXPECT_EQ(result.safety[0].where, "byte " + std::to_string(s.template_offset));
  EXPECT_FALSE(result.runs_code());

  ASSERT_EQ(result.tensors.size(), 3u);
  EXPECT_EQ(result.tensor_count, 3u);
  EXPECT_EQ(result.tensors[0].name, "token_embd.weight");
  EXPECT_EQ(result.tensors[0].dtype, "F32");
  EXPECT_EQ(result.tensors[0].shape, (std::vector<std::uint64_t>{8, 4}));
  EXPECT_EQ(result.tensors[1].dtype, "Q4_K");
  EXPECT_EQ(result.tensors[2].dtype, "F16");
  ASSERT_TRUE(result.parameters);
  EXPECT_EQ(*result.parameters, 32u + 512u + 8u);
}

TEST(InspectGguf, VersionTwoAndNamedChatTemplates) {
  GgufWriter w;
  w.string("general.architecture", "gpt2");
  w.string("tokenizer.chat_template.tool_use", "{{ tools }}");
  const Inspection result = inspect_bytes(w.finish(2), "v2.gguf");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format_detail, "GGUF version 2");
  ASSERT_EQ(result.safety.size(), 1u);
  EXPECT_EQ(result.safety[0].what,
            "chat template \"tool_use\" (Jinja, runs when the model is loaded by a template engine; CVE-2024-34359)");
  EXPECT_EQ(result.safety[0].where, "byte 68");  // after general.architecture: 24 + 8 + 20 + 4 + 8 + 4
  EXPECT_EQ(result.parameters, 0u);
}

TEST(InspectGguf, TruncatedAnywhereIsLocated) {
  const std::string whole = sample().bytes;
  for (std::size_t cut = 4; cut < whole.size(); ++cut) {
    const Inspection result = inspect_bytes(std::string_view(whole).substr(0, cut), "cut.gguf");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_NE(result.error->find("cut.gguf: byte "), std::string::npos) << *result.error;
    EXPECT_EQ(result.format, "gguf");
  }
}

// A file of one key-value pair whose value is VALUE, of TYPE.
std::string one_pair(std::uint32_t type, const std::string& value, std::uint64_t kv_count = 1) {
  GgufWriter w;
  w.key("k", type);
  w.kv += value;
  w.kv_count = kv_count;
  return w.finish();
}

// Reading BYTES stops with an error containing EXPECTED.
void expect_error(const std::string& bytes, const std::string& expected, const Limits& limits = {}) {
  const Inspection result = inspect_bytes(bytes, "bad.gguf", limits);
  ASSERT_TRUE(result.error) << expected;
  EXPECT_NE(result.error->find(expected), std::string::npos) << *result.error;
  EXPECT_EQ(result.format, "gguf");
}

TEST(InspectGguf, HostileCountsAndLengthsAreErrors) {
  std::string huge_count;
  GgufWriter::put<std::uint64_t>(huge_count, ~0ull);
  expect_error(one_pair(str, huge_count), "bad.gguf: byte 45: value of \"k\": string: 18446744073709551615 bytes, but only 19 remain");
  expect_error(one_pair(u8, "x", 1'000'000'000), "bad.gguf: byte 24: metadata of 1000000000 key-value");
  std::string huge_array;
  GgufWriter::put<std::uint32_t>(huge_array, str);
  GgufWriter::put<std::uint64_t>(huge_array, 1ull << 40);
  expect_error(one_pair(arr, huge_array), "an array of 1099511627776 elements");
  expect_error(one_pair(13, ""), "byte 33: a GGUF metadata value type (0 to 12), not 13");
  expect_error(one_pair(boolean, "\x02"), "byte 37: value of \"k\": a bool, 0 or 1, not 2");
  std::string long_key;
  GgufWriter::put<std::uint64_t>(long_key, 70000);
  long_key += std::string(70000, 'k');
  expect_error("GGUF" + std::string("\x03\0\0\0", 4) + std::string(8, '\0') + std::string("\x01\0\0\0\0\0\0\0", 8) +
                   long_key + std::string(20, '\0'),
               "byte 24: a metadata key of 1 to 65535 bytes, not 70000");

  // Arrays of arrays nested past the limit: the walk stops at the limit,
  // without recursion.
  std::string deep;
  for (int i = 0; i < 300; ++i) {
    GgufWriter::put<std::uint32_t>(deep, arr);
    GgufWriter::put<std::uint64_t>(deep, 1);
  }
  expect_error(one_pair(arr, deep), "arrays nested at most 256 deep");
  Limits shallow;
  shallow.max_depth = 3;
  expect_error(one_pair(arr, deep), "arrays nested at most 3 deep", shallow);
}

TEST(InspectGguf, VersionsAndByteOrder) {
  std::string bytes = sample().bytes;
  bytes[4] = 1;
  expect_error(bytes, "bad.gguf: byte 4: GGUF version 2 or 3, not 1");
  bytes[4] = 0;
  bytes[7] = 3;  // 0x03000000: a big-endian version 3
  expect_error(bytes, "0x3000000 is a big-endian file");
}

TEST(InspectGguf, TensorInfosAreChecked) {
  {
    GgufWriter w;
    w.tensor("five", {1, 1, 1, 1, 1}, 0, 4);
    expect_error(w.finish(), "tensor \"five\": at most 4 dimensions");
  }
  {
    GgufWriter w;
    w.tensor("odd", {100}, 12, 144);  // Q4_K rows are multiples of 256
    expect_error(w.finish(), "byte 24: tensor \"odd\": rows of a multiple of 256 elements");
  }
  {
    GgufWriter w;
    w.tensor("t", {4}, 31, 16);  // Q4_0_4_4, removed
    expect_error(w.finish(), "tensor \"t\": a ggml type, not 31");
  }
  {
    GgufWriter w;
    w.tensor("big", {1ull << 40, 1ull << 40}, 0, 16);
    expect_error(w.finish(), "tensor \"big\": 18446744073709551615 bytes of data");
  }
  {
    GgufWriter w;
    w.alignment = 8;  // the writer aligns to 8, the file says nothing: 32
    w.tensor("a", {2}, 0, 8);
    w.tensor("b", {2}, 0, 8);
    expect_error(w.finish(), "tensor \"b\": data at an offset aligned to 32, not 8");
  }
  {
    GgufWriter w;
    w.u32_value("general.alignment", 24);
    expect_error(w.finish(), "general.alignment a power of two, not 24");
  }
}

TEST(InspectGguf, LongStringsArePrintableAndCut) {
  GgufWriter w;
  w.string("general.description", std::string(10000, 'x') + "\x01");
  w.string("general.author", "bad \xff byte");
  const Inspection result = inspect_bytes(w.finish(), "long.gguf");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(fact(result, "general.description"), std::string(4096, 'x') + "…");
  EXPECT_EQ(fact(result, "general.author"), "bad \xEF\xBF\xBD byte");
}

}  // namespace
}  // namespace model_provenance::inspect
