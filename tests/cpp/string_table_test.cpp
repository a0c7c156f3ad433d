// SPDX-License-Identifier: GPL-3.0-or-later
// The string table places strings by 32-bit numbers (a page and a position,
// the length before the bytes): every string comes back whole, whatever its
// length and wherever pages end.
#include "model-provenance/detail/string_table.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace model_provenance::detail {
namespace {

TEST(StringTable, EmptyIsTheFirstHandle) {
  StringTable table;
  EXPECT_EQ(table.add(""), empty_string);
  EXPECT_EQ(table.intern(""), empty_string);
  EXPECT_EQ(table.view(empty_string), "");
  EXPECT_EQ(table.size(), 1u);
}

TEST(StringTable, StringsOfEveryLengthComeBackAcrossPages) {
  StringTable table;
  std::mt19937 random(15);
  std::vector<std::string> added;
  std::vector<StringId> ids;
  // Lengths around the one-, two- and three-byte length prefixes, and
  // enough strings to fill several pages; some longer than a page.
  const std::vector<std::size_t> lengths{1, 2, 127, 128, 129, 16383, 16384, 70000};
  for (int round = 0; round < 40; ++round)
    for (std::size_t length : lengths) {
      std::string text(length + random() % 3, ' ');
      for (char& c : text) c = static_cast<char>('a' + random() % 26);
      added.push_back(text);
      ids.push_back(table.add(text));
    }
  constexpr std::size_t page = std::size_t{1} << 20;
  for (const std::size_t length : {page - 1, page, 3 * page + 5}) {
    added.emplace_back(length, 'x');
    ids.push_back(table.add(added.back()));
    added.emplace_back("after a long one");
    ids.push_back(table.add(added.back()));
  }
  table.seal();
  for (std::size_t i = 0; i < added.size(); ++i)
    ASSERT_EQ(table.view(ids[i]), added[i]) << "string " << i;
  EXPECT_GE(table.memory_bytes(), 3 * page);
}

TEST(StringTable, InterningGivesOneHandleAndNewStringsDoNotMoveOldOnes) {
  StringTable table;
  const StringId license = table.intern("GPL-3.0-or-later");
  const std::string_view first = table.view(license);
  for (int i = 0; i < 200'000; ++i) table.add("model-" + std::to_string(i));
  EXPECT_EQ(table.intern("GPL-3.0-or-later"), license);
  EXPECT_EQ(first.data(), table.view(license).data());
  EXPECT_EQ(table.view(table.add("last")), "last");
}

}  // namespace
}  // namespace model_provenance::detail
