// SPDX-License-Identifier: GPL-3.0-or-later
// Tesseract .traineddata: Debian's eng.traineddata (tesseract-ocr-eng
// 1:4.1.0-2), and small files written with TessdataManager's layout (u32
// entry count, i64 offsets, -1 for absent entries, the entries in order).
#include <gtest/gtest.h>

#include <cstring>
#include <map>

#include "inspect_support.hpp"

namespace model_provenance::inspect {
namespace {

TEST(InspectTraineddata, DebianEnglish) {
  const auto path = real_weights("/usr/share/tesseract-ocr/5/tessdata/eng.traineddata");
  if (!path) return;
  const Inspection result = inspect_file(*path);
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "traineddata");
  EXPECT_EQ(result.format_detail, "Tesseract traineddata, version 4.00.00alpha, LSTM");
  EXPECT_EQ(result.size, 4113088u);
  EXPECT_EQ(fact(result, "version"), "4.00.00alpha:eng:synth20170629");
  EXPECT_EQ(fact(result, "version.tesseract"), "4.00.00alpha");
  EXPECT_EQ(fact(result, "version.language"), "eng");
  EXPECT_EQ(fact(result, "version.training"), "synth20170629");
  EXPECT_EQ(fact(result, "version.network"), "(absent)");
  // Only the LSTM engine's entries: the offsets are 196 (after the table
  // of 24), 401832, 406154, 4100948, 4105686, 4112046 and 4113058.
  std::map<std::string, std::string> components;
  for (const auto& f : result.facts)
    if (f.key.rfind("component.", 0) == 0) components[f.key.substr(10)] = f.value;
  EXPECT_EQ(components, (std::map<std::string, std::string>{
                            {"lstm", "401636 bytes"},
                            {"lstm-punc-dawg", "4322 bytes"},
                            {"lstm-word-dawg", "3694794 bytes"},
                            {"lstm-number-dawg", "4738 bytes"},
                            {"lstm-unicharset", "6360 bytes"},
                            {"lstm-recoder", "1012 bytes"},
                            {"version", "30 bytes"},
                        }));
  EXPECT_FALSE(result.parameters);
  EXPECT_TRUE(result.safety.empty());
}

void put32(std::string& out, std::uint32_t value) {
  char raw[4];
  std::memcpy(raw, &value, 4);
  out.append(raw, 4);
}
void put64(std::string& out, std::int64_t value) {
  char raw[8];
  std::memcpy(raw, &value, 8);
  out.append(raw, 8);
}

// A traineddata of COUNT entries with the given contents by type.
std::string traineddata(std::uint32_t count, const std::map<std::uint32_t, std::string>& entries,
                        bool swapped = false) {
  std::string out;
  put32(out, swapped ? __builtin_bswap32(count) : count);
  std::int64_t offset = 4 + 8 * static_cast<std::int64_t>(count);
  std::string data;
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto it = entries.find(i);
    const std::int64_t value = it == entries.end() ? -1 : offset;
    put64(out, swapped ? static_cast<std::int64_t>(__builtin_bswap64(static_cast<std::uint64_t>(value))) : value);
    if (it != entries.end()) {
      data += it->second;
      offset += static_cast<std::int64_t>(it->second.size());
    }
  }
  return out + data;
}

const std::string spec = "[1,36,0,1Ct3,3,16Mp3,3Lfys48Mp3,3Lfx96Lrx96Lfx192O1c1]";

TEST(InspectTraineddata, VersionPartsAndLegacyEntries) {
  const std::string bytes = traineddata(
      24, {{0, "tessedit_ocr_engine_mode 2\n"}, {1, "unicharset"}, {3, "templates"}, {17, "lstm!"},
           {23, "4.00.00alpha:deu:synth20170629:" + spec}});
  const Inspection result = inspect_bytes(bytes, "deu.traineddata");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format_detail, "Tesseract traineddata, version 4.00.00alpha, LSTM, legacy");
  EXPECT_EQ(fact(result, "version.language"), "deu");
  EXPECT_EQ(fact(result, "version.training"), "synth20170629");
  EXPECT_EQ(fact(result, "version.network"), spec);
  EXPECT_EQ(fact(result, "config"), "tessedit_ocr_engine_mode 2\n");
  EXPECT_EQ(fact(result, "component.unicharset"), "10 bytes");
  EXPECT_EQ(fact(result, "component.inttemp"), "9 bytes");
  EXPECT_EQ(fact(result, "component.lstm"), "5 bytes");
}

TEST(InspectTraineddata, ByteSwappedPreFourAndUnknownEntries) {
  const Inspection swapped = inspect_bytes(traineddata(24, {{23, "4.1.0:fra"}}, true), "fra.traineddata");
  ASSERT_FALSE(swapped.error) << *swapped.error;
  EXPECT_EQ(swapped.format_detail, "Tesseract traineddata, version 4.1.0, byte-swapped");
  EXPECT_EQ(fact(swapped, "version.language"), "fra");
  EXPECT_EQ(fact(swapped, "version.training"), "(absent)");

  // Tesseract 3 files have fewer entries and no version.
  const Inspection old = inspect_bytes(traineddata(17, {{1, "u"}, {3, "t"}, {16, "p"}}), "old.traineddata");
  ASSERT_FALSE(old.error) << *old.error;
  EXPECT_EQ(old.format_detail, "Tesseract traineddata, pre-4.0 (no version entry), legacy");
  EXPECT_EQ(fact(old, "component.params-model"), "1 bytes");

  const Inspection future = inspect_bytes(traineddata(30, {{23, "6.0"}, {29, "new"}}), "new.traineddata");
  ASSERT_FALSE(future.error) << *future.error;
  EXPECT_EQ(fact(future, "component.entry 29"), "3 bytes");
}

TEST(InspectTraineddata, SniffedOnlyByNameAndAConsistentTable) {
  const std::string bytes = traineddata(24, {{23, "4.1.0:eng"}});
  EXPECT_EQ(inspect_bytes(bytes, "eng.bin").format, "unknown");
  std::string moved = bytes;
  moved[4 + 8 * 23] += 1;  // the first entry is not right after the table
  EXPECT_EQ(inspect_bytes(moved, "eng.traineddata").format, "unknown");
  EXPECT_EQ(inspect_bytes(std::string(4, '\xff'), "eng.traineddata").format, "unknown");
}

void expect_error(const std::string& bytes, const std::string& expected) {
  const Inspection result = inspect_bytes(bytes, "bad.traineddata");
  EXPECT_EQ(result.format, "traineddata");
  ASSERT_TRUE(result.error) << expected;
  EXPECT_NE(result.error->find(expected), std::string::npos) << *result.error;
}

TEST(InspectTraineddata, InconsistentOffsetsAreLocated) {
  const std::string good = traineddata(24, {{17, "lstm"}, {21, "unicharset"}, {23, "4.1.0:eng"}});
  // The second present entry's offset before the first's.
  std::string before = good;
  before[4 + 8 * 21] = '\x10';
  expect_error(before, "bad.traineddata: byte 172: the offset of lstm-unicharset, after lstm at 196 and within the "
                       "file (219 bytes), not 16");
  // Past the end of the file.
  std::string past = good;
  past[4 + 8 * 23 + 3] = 1;
  expect_error(past, "byte 188: the offset of version, after lstm-unicharset at 200 and within the file (219 bytes), "
                     "not 16777426");
  // Other negative offsets than -1.
  std::string negative = good;
  negative[4 + 8 * 23 + 7] = '\x80';
  expect_error(negative, "byte 188: the offset of version");
  // Cut in the table or below the last entry's offset (210): an error.
  // A cut inside the last entry cannot be told from a shorter entry, by
  // Tesseract either.
  for (std::size_t cut = 4; cut < 210; ++cut) {
    const Inspection result = inspect_bytes(std::string_view(good).substr(0, cut), "cut.traineddata");
    EXPECT_EQ(result.format, "traineddata") << cut;
    ASSERT_TRUE(result.error) << cut;
    EXPECT_NE(result.error->find("cut.traineddata: byte "), std::string::npos) << *result.error;
  }
}

}  // namespace
}  // namespace model_provenance::inspect
