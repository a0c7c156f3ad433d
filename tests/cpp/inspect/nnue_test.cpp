// SPDX-License-Identifier: GPL-3.0-or-later
// Stockfish NNUE: the test writes the header of Network::write_header
// (u32 version, u32 hash, u32 length, description) followed by the feature
// transformer's hash and the LEB128 magic, as Stockfish's nets begin, and
// reads it back.
#include <gtest/gtest.h>

#include <cstring>

#include "inspect_support.hpp"

namespace model_provenance::inspect {
namespace {

void put32(std::string& out, std::uint32_t value) {
  char raw[4];
  std::memcpy(raw, &value, 4);
  out.append(raw, 4);
}

std::string nnue(std::uint32_t version, std::uint32_t hash, std::string_view description,
                 std::uint32_t transformer_hash = 0x5F134CB8u, bool compressed = true) {
  std::string out;
  put32(out, version);
  put32(out, hash);
  put32(out, static_cast<std::uint32_t>(description.size()));
  out += description;
  put32(out, transformer_hash);
  if (compressed) out += "COMPRESSED_LEB128";
  out += std::string(64, '\x01');  // the start of the parameters
  return out;
}

const std::string description = "Network trained with the https://github.com/official-stockfish/nnue-pytorch trainer.";

TEST(InspectNnue, HeaderFactsAndTheNameConvention) {
  const Inspection result = inspect_bytes(nnue(0x7AF32F20u, 0x1C103FA0u, description), "nets/nn-1111cefa1111.nnue");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "nnue");
  EXPECT_EQ(result.format_detail, "Stockfish NNUE, version 0x7af32f20");
  EXPECT_EQ(fact(result, "version"), "0x7af32f20");
  EXPECT_EQ(fact(result, "architecture hash"), "0x1c103fa0");
  EXPECT_EQ(fact(result, "description"), description);
  EXPECT_EQ(fact(result, "feature transformer hash"), "0x5f134cb8");
  EXPECT_EQ(fact(result, "compression"), "LEB128");
  EXPECT_EQ(fact(result, "expected sha256 prefix"), "1111cefa1111");
  // The layers depend on the architecture: no count is guessed.
  EXPECT_FALSE(result.parameters);
  EXPECT_TRUE(result.tensors.empty());
}

TEST(InspectNnue, EveryKnownVersionIsSniffedWhateverTheName) {
  for (const std::uint32_t version : {0x7AF32F16u, 0x7AF32F20u, 0x6A448AFAu}) {
    const Inspection result = inspect_bytes(nnue(version, 1, "x", 2, false), "evalfile");
    ASSERT_FALSE(result.error) << *result.error;
    EXPECT_EQ(result.format, "nnue") << version;
    EXPECT_EQ(fact(result, "compression"), "(absent)");
    EXPECT_EQ(fact(result, "expected sha256 prefix"), "(absent)");
  }
}

TEST(InspectNnue, UnknownVersionsByTheirName) {
  const std::string bytes = nnue(0x12345678u, 1, "other engine");
  const Inspection named = inspect_bytes(bytes, "other.nnue");
  ASSERT_FALSE(named.error) << *named.error;
  EXPECT_EQ(named.format, "nnue");
  EXPECT_EQ(named.format_detail, "Stockfish NNUE, version 0x12345678 (not one Stockfish has used)");
  EXPECT_EQ(inspect_bytes(bytes, "other.bin").format, "unknown");
  // Names that are not nn-<12 lowercase hex digits>.nnue claim no hash.
  for (const char* name : {"nn-1111CEFA1111.nnue", "nn-1111cefa111.nnue", "xnn-1111cefa1111.nnue"})
    EXPECT_EQ(fact(inspect_bytes(bytes, name), "expected sha256 prefix"), "(absent)") << name;
}

TEST(InspectNnue, TruncatedHeadersAndHostileLengthsAreErrors) {
  const std::string whole = nnue(0x6A448AFAu, 7, description);
  // Up to the feature transformer's hash, every cut is an error.
  for (std::size_t cut = 12; cut < 12 + description.size() + 4; ++cut) {
    const Inspection result = inspect_bytes(std::string_view(whole).substr(0, cut), "cut.nnue");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_NE(result.error->find("cut.nnue: byte "), std::string::npos) << *result.error;
    EXPECT_EQ(result.format, "nnue");
  }
  std::string hostile = whole;
  hostile[8] = hostile[9] = hostile[10] = hostile[11] = '\xff';
  const Inspection result = inspect_bytes(hostile, "hostile.nnue");
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("hostile.nnue: byte 12: description: 4294967295 bytes, but only"), std::string::npos)
      << *result.error;
  // A description that is not text is shown with replacement characters.
  const Inspection odd = inspect_bytes(nnue(0x7AF32F20u, 1, "a\x01\xff"), "odd.nnue");
  EXPECT_EQ(fact(odd, "description"), "a\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace model_provenance::inspect
