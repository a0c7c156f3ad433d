// SPDX-License-Identifier: GPL-3.0-or-later
// Lc0: a pblczero.Net written here with net.proto's field numbers and
// gzipped by a small deflate writer of the test's own (stored blocks, and
// fixed-Huffman back-references for a decompression bomb), read back; the
// same network cut short everywhere, corrupted, followed by junk; bombs
// that must stop at the limits.
#include <gtest/gtest.h>

#include "inspect_support.hpp"
#include "protobuf_writer.hpp"

namespace model_provenance::inspect {
namespace {

// CRC-32 as gzip computes it (RFC 1952: reflected polynomial 0xEDB88320).
std::uint32_t crc32(std::string_view data, std::uint32_t crc = 0) {
  crc = ~crc;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

// Deflate's bit order (RFC 1951, 3.1.1): values LSB first, Huffman codes
// MSB first.
class BitWriter {
 public:
  void bits(std::uint32_t value, int count) {
    for (int i = 0; i < count; ++i) put((value >> i) & 1u);
  }
  void code(std::uint32_t code, int length) {
    for (int i = length - 1; i >= 0; --i) put((code >> i) & 1u);
  }
  void align() {
    while (used_ != 0) put(0);
  }
  void byte_string(std::string_view data) { out_ += data; }  // when aligned
  const std::string& str() const { return out_; }

 private:
  void put(std::uint32_t bit) {
    current_ |= static_cast<unsigned char>(bit << used_);
    if (++used_ == 8) {
      out_ += static_cast<char>(current_);
      current_ = 0;
      used_ = 0;
    }
  }
  std::string out_;
  unsigned char current_ = 0;
  int used_ = 0;
};

void stored_blocks(BitWriter& w, std::string_view data, bool final) {
  std::size_t position = 0;
  do {
    const auto size = std::min<std::size_t>(data.size() - position, 65535);
    const bool last = final && position + size == data.size();
    w.bits(last ? 1 : 0, 1);
    w.bits(0, 2);  // BTYPE 00, stored
    w.align();
    const auto length = static_cast<std::uint16_t>(size);
    const auto complement = static_cast<std::uint16_t>(~length);
    w.byte_string(std::string_view(reinterpret_cast<const char*>(&length), 2));
    w.byte_string(std::string_view(reinterpret_cast<const char*>(&complement), 2));
    w.byte_string(data.substr(position, size));
    position += size;
  } while (position < data.size());
}

std::string gzip_member(const std::string& deflated, std::uint32_t crc, std::uint32_t size) {
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);  // deflate, no flags, Unix
  out += deflated;
  out.append(reinterpret_cast<const char*>(&crc), 4);
  out.append(reinterpret_cast<const char*>(&size), 4);
  return out;
}

std::string gzip(std::string_view data) {
  BitWriter w;
  stored_blocks(w, data, true);
  return gzip_member(w.str(), crc32(data), static_cast<std::uint32_t>(data.size()));
}

// PREFIX, then 1 + 258 × REPEATS zero bytes: a literal 0 and REPEATS
// copies of (length 258, distance 1), 13 bits each, in a fixed-Huffman
// block.
std::string gzip_bomb(std::string_view prefix, std::size_t repeats) {
  BitWriter w;
  stored_blocks(w, prefix, false);
  w.bits(1, 1);           // BFINAL
  w.bits(1, 2);           // BTYPE 01, fixed Huffman codes
  w.code(0x30, 8);        // literal 0 (0-143: 00110000 + value)
  for (std::size_t i = 0; i < repeats; ++i) {
    w.code(0xC5, 8);      // length 258 (symbol 285: 11000000 + 5)
    w.code(0, 5);         // distance 1 (code 0)
  }
  w.code(0, 7);           // end of block (symbol 256)
  w.align();
  std::uint32_t crc = crc32(prefix);
  const std::string zeros(1 << 16, '\0');
  std::uint64_t left = 1 + 258 * std::uint64_t{repeats};
  while (left > 0) {
    const auto n = std::min<std::uint64_t>(left, zeros.size());
    crc = crc32(std::string_view(zeros).substr(0, n), crc);
    left -= n;
  }
  return gzip_member(w.str(), crc, static_cast<std::uint32_t>(prefix.size() + 1 + 258 * std::uint64_t{repeats}));
}

ProtoWriter layer(std::size_t count, std::uint64_t encoding = 0, std::vector<std::uint64_t> dims = {}) {
  ProtoWriter l;
  l.float32(1, -1.0f).float32(2, 1.0f);
  l.bytes(3, std::string(count * (encoding == 4 ? 4 : 2), 'w'));
  if (encoding != 0) l.varint(4, encoding);
  if (!dims.empty()) l.packed(5, dims);
  return l;
}

ProtoWriter conv_block(std::size_t weights, std::size_t biases) {
  ProtoWriter c;
  c.message(1, layer(weights)).message(2, layer(biases));
  return c;
}

ProtoWriter weights() {
  ProtoWriter w;
  w.message(1, conv_block(72, 8));
  for (int i = 0; i < 2; ++i) {
    ProtoWriter residual;
    ProtoWriter se;
    se.message(1, layer(8)).message(2, layer(2));
    residual.message(1, conv_block(36, 4)).message(2, conv_block(36, 4)).message(3, se);
    w.message(2, residual);
  }
  w.message(3, conv_block(16, 2));
  w.message(4, layer(100));
  ProtoWriter smolgen;
  smolgen.message(1, layer(6));
  ProtoWriter mha;
  mha.message(1, layer(12, 4, {3, 4})).message(9, smolgen);
  w.message(27, ProtoWriter().message(1, mha));
  w.varint(28, 4);  // headcount, a scalar
  ProtoWriter value_head;
  value_head.message(1, layer(10));
  w.message(44, ProtoWriter().message(1, value_head));
  return w;
}

std::string net() {
  ProtoWriter n;
  n.fixed32(1, 0x1c0);
  n.bytes(2, "GPL-3.0-or-later, a test network");
  n.message(3, ProtoWriter().varint(1, 0).varint(2, 28).varint(3, 2));
  ProtoWriter network_format;
  network_format.varint(1, 1).varint(2, 2).varint(3, 4).varint(4, 2).varint(5, 2).varint(6, 1).varint(7, 1);
  n.message(4, ProtoWriter().varint(1, 1).message(2, network_format));
  ProtoWriter training;
  training.varint(1, 1000).float32(2, 0.02f).float32(3, 0.25f).float32(4, 1.5f).float32(5, 0.5f);
  training.bytes(6, "--batch-size=1024");
  n.message(5, training);
  n.message(10, weights());
  return n.str();
}

TEST(InspectLc0, SyntheticNetwork) {
  const std::string file = gzip(net());
  const Inspection result = inspect_bytes(file, "test-net.pb.gz");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "lc0");
  EXPECT_EQ(result.format_detail, "Lc0 network, NETWORK_SE_WITH_HEADFORMAT");
  EXPECT_EQ(result.license, "GPL-3.0-or-later, a test network");
  EXPECT_EQ(fact(result, "min_version"), "0.28.2");
  EXPECT_EQ(fact(result, "format.weights_encoding"), "LINEAR16");
  EXPECT_EQ(fact(result, "format.network_format.input"), "INPUT_CLASSICAL_112_PLANE");
  EXPECT_EQ(fact(result, "format.network_format.output"), "OUTPUT_WDL");
  EXPECT_EQ(fact(result, "format.network_format.network"), "NETWORK_SE_WITH_HEADFORMAT");
  EXPECT_EQ(fact(result, "format.network_format.policy"), "POLICY_CONVOLUTION");
  EXPECT_EQ(fact(result, "format.network_format.value"), "VALUE_WDL");
  EXPECT_EQ(fact(result, "format.network_format.moves_left"), "MOVES_LEFT_V1");
  EXPECT_EQ(fact(result, "format.network_format.default_activation"), "DEFAULT_ACTIVATION_MISH");
  EXPECT_EQ(fact(result, "training_params.training_steps"), "1000");
  EXPECT_EQ(fact(result, "training_params.learning_rate"), "0.02");
  EXPECT_EQ(fact(result, "training_params.mse_loss"), "0.25");
  EXPECT_EQ(fact(result, "training_params.policy_loss"), "1.5");
  EXPECT_EQ(fact(result, "training_params.accuracy"), "0.5");
  EXPECT_EQ(fact(result, "training_params.lc0_params"), "--batch-size=1024");

  // 80 (input) + 2 × 90 (residual blocks) + 18 (policy) + 100 + 18 (encoder) + 10 (value head).
  ASSERT_TRUE(result.parameters);
  EXPECT_EQ(*result.parameters, 406u);
  ASSERT_EQ(result.tensors.size(), 20u);
  EXPECT_EQ(result.tensors[0].name, "weights.input.weights");
  EXPECT_EQ(result.tensors[0].dtype, "LINEAR16");
  EXPECT_EQ(result.tensors[0].shape, (std::vector<std::uint64_t>{72}));
  EXPECT_EQ(result.tensors[7].name, "weights.residual[0].se.b1");
  EXPECT_EQ(result.tensors[13].name, "weights.residual[1].se.b1");
  EXPECT_EQ(result.tensors[16].name, "weights.ip_pol_w");
  EXPECT_EQ(result.tensors[17].name, "weights.encoder[0].mha.q_w");
  EXPECT_EQ(result.tensors[17].dtype, "FLOAT32");
  EXPECT_EQ(result.tensors[17].shape, (std::vector<std::uint64_t>{3, 4}));
  EXPECT_EQ(result.tensors[18].name, "weights.encoder[0].mha.smolgen.compress");
  EXPECT_EQ(result.tensors[19].name, "weights.value_heads.winner.ip_val_w");
}

TEST(InspectLc0, OnnxNetwork) {
  ProtoWriter onnx;
  onnx.bytes(1, std::string(300, 'o')).varint(2, 10).bytes(3, "/input/planes").bytes(6, "/output/policy");
  ProtoWriter n;
  n.fixed32(1, 0x1c0).message(11, onnx);
  const Inspection result = inspect_bytes(gzip(n.str()), "onnx-net.pb.gz");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format_detail, "Lc0 network, ONNX model inside");
  EXPECT_EQ(fact(result, "onnx_model.model"), "300 bytes");
  EXPECT_EQ(fact(result, "onnx_model.data_type"), "FLOAT16");
  EXPECT_EQ(fact(result, "onnx_model.input_planes"), "/input/planes");
  EXPECT_EQ(fact(result, "onnx_model.output_policy"), "/output/policy");
  EXPECT_FALSE(result.parameters);
}

TEST(InspectLc0, SniffsByNameOrInflatedMagic) {
  const std::string file = gzip(net());
  EXPECT_EQ(inspect_bytes(file, "weights_run1_744204").format, "lc0");
  EXPECT_EQ(inspect_bytes(gzip("plain text"), "notes.txt.gz").format, "unknown");
  EXPECT_EQ(inspect_bytes(gzip("plain text"), "notes.pb.gz").format, "lc0");
}

TEST(InspectLc0, ConcatenatedMembersAreOneStream) {
  const std::string whole = net();
  const std::string file = gzip(whole.substr(0, 100)) + gzip(whole.substr(100));
  const Inspection result = inspect_bytes(file, "two.pb.gz");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.parameters, 406u);
}

TEST(InspectLc0, TruncatedAnywhereIsLocated) {
  const std::string file = gzip(net());
  for (std::size_t cut = 2; cut < file.size(); ++cut) {
    const Inspection result = inspect_bytes(std::string_view(file).substr(0, cut), "cut.pb.gz");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_EQ(result.format, "lc0");
    EXPECT_NE(result.error->find("byte "), std::string::npos) << *result.error;
    EXPECT_EQ(result.error->rfind("cut.pb.gz: ", 0), 0u) << *result.error;
  }
  const Inspection cut = inspect_bytes(std::string_view(file).substr(0, file.size() - 4), "cut.pb.gz");
  ASSERT_TRUE(cut.error);
  EXPECT_EQ(*cut.error, "cut.pb.gz: byte " + std::to_string(file.size() - 4) +
                            ": the end of the gzip stream, but the file ends first (it is cut short)");
}

TEST(InspectLc0, TrailingBytesAndCorruptionAreErrors) {
  const std::string file = gzip(net());
  const Inspection trailing = inspect_bytes(file + "xyz", "long.pb.gz");
  ASSERT_TRUE(trailing.error);
  EXPECT_EQ(*trailing.error, "long.pb.gz: byte " + std::to_string(file.size()) +
                                 ": the end of the file after the gzip stream, but 3 more bytes follow");
  // A changed letter of the license: the protobuf still reads, the CRC-32 does not match.
  std::string corrupt = file;
  const auto at = corrupt.find("test network");
  ASSERT_NE(at, std::string::npos);
  corrupt[at] = 'b';
  const Inspection bad = inspect_bytes(corrupt, "bad.pb.gz");
  ASSERT_TRUE(bad.error);
  EXPECT_NE(bad.error->find("incorrect data check"), std::string::npos) << *bad.error;
}

TEST(InspectLc0, BombsStopAtTheLimits) {
  // Net.magic, then an unknown field said to hold 100 MB of zeros.
  ProtoWriter prefix;
  prefix.fixed32(1, 0x1c0).tag(15, 2).raw(ProtoWriter::varint_bytes(100'000'000));
  const std::string bomb = gzip_bomb(prefix.str(), 20'000);  // about 5 MB inflated from 32 kB
  Limits ratio;
  ratio.max_compression_ratio = 100;
  const Inspection by_ratio = inspect_bytes(bomb, "bomb.pb.gz", ratio);
  ASSERT_TRUE(by_ratio.error);
  EXPECT_NE(by_ratio.error->find("a compression ratio of at most 100 (Limits::max_compression_ratio)"),
            std::string::npos)
      << *by_ratio.error;
  Limits size;
  size.max_decompressed_bytes = 2 << 20;
  const Inspection by_size = inspect_bytes(bomb, "bomb.pb.gz", size);
  ASSERT_TRUE(by_size.error);
  EXPECT_NE(by_size.error->find("at most 2097152 bytes once inflated (Limits::max_decompressed_bytes)"),
            std::string::npos)
      << *by_size.error;
  // Within the limits, the bomb is only a stream that ends inside its field.
  const Inspection allowed = inspect_bytes(bomb, "bomb.pb.gz");
  ASSERT_TRUE(allowed.error);
  EXPECT_NE(allowed.error->find("100000000 bytes of field 15: the stream ends first"), std::string::npos)
      << *allowed.error;
}

TEST(InspectLc0, HostileNetworks) {
  const auto error = [](const ProtoWriter& n) {
    const Inspection result = inspect_bytes(gzip(n.str()), "bad.pb.gz");
    EXPECT_TRUE(result.error);
    return result.error.value_or("");
  };
  EXPECT_NE(error(ProtoWriter().fixed32(1, 0x1c1)).find("the magic number 0x1c0, not 0x1c1"), std::string::npos);
  EXPECT_NE(error(ProtoWriter().bytes(2, "no magic")).find("gzip stream: byte 0: the magic number Net.magic"),
            std::string::npos);
  // Three bytes of LINEAR16 params.
  ProtoWriter odd;
  odd.message(1, ProtoWriter().message(1, ProtoWriter().bytes(3, "abc")));
  EXPECT_NE(error(ProtoWriter().fixed32(1, 0x1c0).message(4, ProtoWriter().varint(1, 1)).message(10, odd))
                .find("weights.input.weights: params of whole 2-byte values, not 3 bytes"),
            std::string::npos);
  // A layer longer than its block.
  ProtoWriter block;
  block.tag(1, 2).raw(ProtoWriter::varint_bytes(500)).raw("xyz");
  const std::string longer = error(ProtoWriter().fixed32(1, 0x1c0).message(10, ProtoWriter().message(1, block)));
  EXPECT_NE(longer.find("gzip stream: byte 12: field 1: 500 bytes, but only 3 remain in its message"),
            std::string::npos)
      << longer;
  // More layers than Limits::max_entries.
  ProtoWriter many;
  for (int i = 0; i < 10; ++i) many.message(2, ProtoWriter().message(1, ProtoWriter().message(1, layer(1))));
  Limits limits;
  limits.max_entries = 5;
  const Inspection result =
      inspect_bytes(gzip(ProtoWriter().fixed32(1, 0x1c0).message(10, many).str()), "many.pb.gz", limits);
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("at most 5 layers"), std::string::npos) << *result.error;
}

}  // namespace
}  // namespace model_provenance::inspect
