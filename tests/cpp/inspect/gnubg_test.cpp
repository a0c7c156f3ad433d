// SPDX-License-Identifier: GPL-3.0-or-later
// GNU Backgammon: Debian's gnubg.wd (gnubg 1.07.001, unpacked by
// build-aux/real-weights), and the text form gnubg.weights written here
// in the layout NeuralNetLoad reads.
#include <gtest/gtest.h>

#include <cstring>

#include "inspect_support.hpp"

namespace model_provenance::inspect {
namespace {

TEST(InspectGnubg, DebianBinaryWeights) {
  const auto path = real_weights("/usr/lib/gnubg/gnubg.wd");
  if (!path) return;
  const Inspection result = inspect_file(*path);
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "gnubg");
  EXPECT_EQ(result.format_detail, "GNU Backgammon weights 1.00, binary, 6 nets");
  EXPECT_EQ(result.size, 408016u);
  EXPECT_EQ(fact(result, "version"), "1.00");
  // Inputs, hidden units and outputs of each net, in gnubg's order.
  const struct {
    const char* net;
    const char* inputs;
    const char* hidden;
  } nets[] = {{"contact", "250", "128"},        {"race", "214", "128"},           {"crashed", "250", "128"},
              {"pruning contact", "200", "16"}, {"pruning crashed", "200", "16"}, {"pruning race", "200", "8"}};
  for (const auto& n : nets) {
    const std::string net = n.net;
    EXPECT_EQ(fact(result, net + ".cInput"), n.inputs) << net;
    EXPECT_EQ(fact(result, net + ".cHidden"), n.hidden) << net;
    EXPECT_EQ(fact(result, net + ".cOutput"), "5") << net;
    // makeweights writes the 1 that reading the text form sets.
    EXPECT_EQ(fact(result, net + ".nTrained"), "1") << net;
    EXPECT_EQ(fact(result, net + ".rBetaHidden"), "0.1") << net;
    EXPECT_EQ(fact(result, net + ".rBetaOutput"), "1") << net;
  }
  ASSERT_EQ(result.tensors.size(), 24u);
  EXPECT_EQ(result.tensors[0].name, "contact.arHiddenWeight");
  EXPECT_EQ(result.tensors[0].dtype, "f32");
  EXPECT_EQ(result.tensors[0].shape, (std::vector<std::uint64_t>{250, 128}));
  EXPECT_EQ(result.tensors[1].shape, (std::vector<std::uint64_t>{5, 128}));
  // (250·128 + 128·5 + 128 + 5)·2 + 214·128 + 128·5 + 128 + 5 + (200·16 + 16·5 + 16 + 5)·2 + 200·8 + 8·5 + 8 + 5
  ASSERT_TRUE(result.parameters);
  EXPECT_EQ(*result.parameters, 101966u);
  // Header, six net headers of 24 bytes, four bytes a parameter.
  EXPECT_EQ(8u + 6u * 24u + 4u * *result.parameters, result.size);
}

TEST(InspectGnubg, DebianBinaryWeightsCutShort) {
  const auto path = real_weights("/usr/lib/gnubg/gnubg.wd");
  if (!path) return;
  const std::string whole = slurp(*path);
  for (std::size_t cut = 8; cut < whole.size(); cut += whole.size() / 101 + 1) {
    const Inspection result = inspect_bytes(std::string_view(whole).substr(0, cut), "cut.wd");
    EXPECT_EQ(result.format, "gnubg");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_NE(result.error->find("cut.wd: byte "), std::string::npos) << *result.error;
  }
}

// The text form: "GNU Backgammon 1.00", then a net of 3 inputs, 2 hidden
// units and 1 output trained on 123456 positions: 3·2 + 1·2 + 2 + 1
// numbers.
const std::string text_weights =
    "GNU Backgammon 1.00\n"
    "3 2 1 123456   0.1000000   1.0000000\n"
    "  0.1\n -0.2\n  0.3\n -0.4\n  0.5\n -0.6\n"
    "  1.5\n -1.5\n"
    "  0.01\n  0.02\n"
    "  +0.5e-3\n";

TEST(InspectGnubg, TextWeights) {
  const Inspection result = inspect_bytes(text_weights, "gnubg.weights");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "gnubg");
  EXPECT_EQ(result.format_detail, "GNU Backgammon weights 1.00, text, 1 nets");
  EXPECT_EQ(fact(result, "version"), "1.00");
  EXPECT_EQ(fact(result, "contact.cInput"), "3");
  EXPECT_EQ(fact(result, "contact.cHidden"), "2");
  EXPECT_EQ(fact(result, "contact.cOutput"), "1");
  EXPECT_EQ(fact(result, "contact.nTrained"), "123456");
  EXPECT_EQ(fact(result, "contact.rBetaHidden"), "0.1");
  EXPECT_EQ(result.parameters, 11u);
  ASSERT_EQ(result.tensors.size(), 4u);
  EXPECT_EQ(result.tensors[0].dtype, "decimal");
}

void expect_error(const std::string& bytes, const std::string& expected) {
  const Inspection result = inspect_bytes(bytes, "bad.weights");
  EXPECT_EQ(result.format, "gnubg");
  ASSERT_TRUE(result.error) << expected;
  EXPECT_NE(result.error->find(expected), std::string::npos) << *result.error;
}

TEST(InspectGnubg, TextWeightsBroken) {
  // Cut anywhere after the version, up to the last number's "+": a
  // number is missing, or the file has no room for those its net needs.
  // (Cut after "+0" or "+0.", the last number is still one.)
  for (std::size_t cut = 21; cut + 6 < text_weights.size(); ++cut) expect_error(text_weights.substr(0, cut), "byte ");
  expect_error("GNU Backgammon 1.00\n3 2 x 1 0.1 1\n", "bad.weights: byte 24: output count: a positive count, not \"x\"");
  expect_error("GNU Backgammon 1.00\n3 2 1 1 0.1 1\n0.1\nzero\n0 0 0 0 0 0 0 0 0\n", "byte 38: a weight: a number, not \"zero\"");
  expect_error("GNU Backgammon 1.00\n3 2 1 1 0 1\n", "byte 28: net 1: a positive hidden beta, not 0");
  expect_error("GNU Backgammon 1.00\n4294967295 4294967295 1 1 0.1 1\n",
               "net 1: 18446744073709551615 numbers of weights and thresholds, but only 1 bytes remain");
}

void put32(std::string& out, std::uint32_t value) {
  char raw[4];
  std::memcpy(raw, &value, 4);
  out.append(raw, 4);
}
void putf(std::string& out, float value) {
  char raw[4];
  std::memcpy(raw, &value, 4);
  out.append(raw, 4);
}

TEST(InspectGnubg, BinaryWeightsBroken) {
  std::string header;
  putf(header, 472.3782f);
  putf(header, 1.0f);
  expect_error(header, "bad.weights: byte 8: a neural net after the magic and the version");
  std::string huge = header;
  put32(huge, 0xFFFFFFFFu);
  put32(huge, 0xFFFFFFFFu);
  put32(huge, 0xFFFFFFFFu);
  put32(huge, 1);
  putf(huge, 0.1f);
  putf(huge, 1.0f);
  expect_error(huge, "byte 32: net 1: 18446744073709551615 floats of weights and thresholds, but only 0 bytes remain");
  std::string zero = header;
  put32(zero, 0);
  put32(zero, 1);
  put32(zero, 1);
  put32(zero, 1);
  putf(zero, 0.1f);
  putf(zero, 1.0f);
  expect_error(zero, "byte 8: net 1: at least one input, hidden unit and output, and positive betas, not 0 1 1");
}

}  // namespace
}  // namespace model_provenance::inspect
