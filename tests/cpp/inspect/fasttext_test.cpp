// SPDX-License-Identifier: GPL-3.0-or-later
// fastText: the real model of ../shared/fixtures/weights, read to its
// last byte, and the same model cut short or corrupted.
#include <gtest/gtest.h>

#include "inspect_support.hpp"

namespace model_provenance::inspect {
namespace {

TEST(InspectFastText, RealModel) {
  const auto path = test_weights("sentiment-demo-fasttext.bin");
  const Inspection result = inspect_file(path);
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "fasttext");
  EXPECT_EQ(result.format_detail, "fastText model, version 12, quantized");
  EXPECT_EQ(fact(result, "args.model"), "supervised");
  EXPECT_EQ(fact(result, "args.loss"), "softmax");
  EXPECT_EQ(fact(result, "args.dim"), "21");
  EXPECT_EQ(fact(result, "dictionary.labels"), "4");
  EXPECT_EQ(result.sha256, sha256_hex(slurp(path)));
  ASSERT_EQ(result.tensors.size(), 2u);
  EXPECT_EQ(result.tensors[0].name, "input");
  ASSERT_TRUE(result.parameters);
  EXPECT_GT(*result.parameters, 0u);
  EXPECT_TRUE(result.safety.empty());
}

TEST(InspectFastText, TruncatedAnywhereIsLocated) {
  const std::string whole = slurp(test_weights("sentiment-demo-fasttext.bin"));
  for (std::size_t cut = 8; cut < whole.size(); cut += whole.size() / 97 + 1) {
    const Inspection result = inspect_bytes(std::string_view(whole).substr(0, cut), "cut.bin");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_NE(result.error->find("cut.bin: byte "), std::string::npos) << *result.error;
    EXPECT_EQ(result.format, "fasttext");
  }
}

TEST(InspectFastText, TrailingBytesAreAnError) {
  const std::string whole = slurp(test_weights("sentiment-demo-fasttext.bin")) + "xx";
  const Inspection result = inspect_bytes(whole, "long.bin");
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("2 more bytes follow"), std::string::npos) << *result.error;
}

}  // namespace
}  // namespace model_provenance::inspect
