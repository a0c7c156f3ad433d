// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/license.hpp"

#include <gtest/gtest.h>

#include "model-provenance/error.hpp"

namespace model_provenance {
namespace {

std::string canonical(std::string_view text) { return parse_license_expression(text).to_string(); }

TEST(LicenseExpression, ParsesTheSpdxSyntax) {
  EXPECT_EQ(canonical("MIT"), "MIT");
  EXPECT_EQ(canonical("  GPL-2.0+  "), "GPL-2.0+");
  EXPECT_EQ(canonical("GPL-2.0-or-later WITH Classpath-exception-2.0"),
            "GPL-2.0-or-later WITH Classpath-exception-2.0");
  EXPECT_EQ(canonical("MIT OR Apache-2.0 AND BSD-3-Clause"), "MIT OR Apache-2.0 AND BSD-3-Clause");
  EXPECT_EQ(canonical("(MIT OR Apache-2.0) AND BSD-3-Clause"), "(MIT OR Apache-2.0) AND BSD-3-Clause");
  EXPECT_EQ(canonical("((MIT))"), "MIT");
  EXPECT_EQ(canonical("LicenseRef-Lc0-nets AND DocumentRef-spdx:LicenseRef-x"),
            "LicenseRef-Lc0-nets AND DocumentRef-spdx:LicenseRef-x");
}

TEST(LicenseExpression, AndBindsTighterThanOr) {
  const auto expression = parse_license_expression("MIT OR Apache-2.0 AND BSD-3-Clause");
  ASSERT_EQ(expression.nodes[0].kind, LicenseExpression::Kind::any_of);
  ASSERT_EQ(expression.nodes[0].operands.size(), 2u);
  EXPECT_EQ(expression.nodes[expression.nodes[0].operands[1]].kind, LicenseExpression::Kind::all_of);
}

std::string malformed(std::string_view text) {
  try {
    parse_license_expression(text);
  } catch (const Error& error) {
    EXPECT_EQ(error.problem().field, "license");
    EXPECT_EQ(error.problem().ids, std::vector<std::string>{std::string(text)});
    return error.problem().message;
  }
  ADD_FAILURE() << "accepted '" << text << "'";
  return {};
}

TEST(LicenseExpression, MalformedExpressionsSayWhatAndWhere) {
  EXPECT_EQ(malformed(""), "malformed license expression '': the expression is empty at column 1");
  EXPECT_EQ(malformed("MIT AND"), "malformed license expression 'MIT AND': expected a license id, got the end at column 8");
  EXPECT_EQ(malformed("MIT and Apache-2.0"),
            "malformed license expression 'MIT and Apache-2.0': expected AND, OR or the end, got 'and' at column 5");
  EXPECT_EQ(malformed("(MIT OR Apache-2.0"),
            "malformed license expression '(MIT OR Apache-2.0': expected ')' at column 19");
  EXPECT_EQ(malformed("MIT/Apache-2.0"),
            "malformed license expression 'MIT/Apache-2.0': unexpected character '/' at column 4");
  EXPECT_EQ(malformed("OR MIT"), "malformed license expression 'OR MIT': expected a license id, got the operator OR at column 1");
  EXPECT_EQ(malformed("MIT WITH"),
            "malformed license expression 'MIT WITH': expected an exception id after WITH, got the end at column 9");
  EXPECT_EQ(malformed("MIT )"), "malformed license expression 'MIT )': expected AND, OR or the end, got ')' at column 5");
  EXPECT_NE(malformed(std::string(1000, '(') + "MIT" + std::string(1000, ')')).find("nested too deeply"),
            std::string::npos);
}

TEST(LicenseExpression, LongFlatExpressionsNeedNoRecursion) {
  std::string text = "MIT";
  for (int i = 0; i < 100000; ++i) text += " AND MIT";
  EXPECT_EQ(parse_license_expression(text).nodes.size(), 100002u);
}

Freeness judge(std::string_view text, LicenseCriterion criterion, const LicenseOverrides& overrides = {}) {
  return judge_license(parse_license_expression(text), criterion, overrides).freeness;
}

TEST(LicenseJudgement, FlagsOfTheSpdxList) {
  using C = LicenseCriterion;
  EXPECT_EQ(judge("GPL-3.0-or-later", C::fsf_libre), Freeness::free);
  EXPECT_EQ(judge("CC0-1.0", C::fsf_libre), Freeness::free);
  EXPECT_EQ(judge("CC0-1.0", C::osi_approved), Freeness::non_free);  // not OSI approved in the list
  EXPECT_EQ(judge("ODbL-1.0", C::fsf_libre), Freeness::free);
  EXPECT_EQ(judge("CC-BY-4.0", C::fsf_libre_or_osi_approved), Freeness::free);
  EXPECT_EQ(judge("0BSD", C::fsf_libre), Freeness::non_free);         // OSI approved, not FSF listed
  EXPECT_EQ(judge("0BSD", C::fsf_libre_or_osi_approved), Freeness::free);
  EXPECT_EQ(judge("mit", C::fsf_libre), Freeness::free);  // ids match without regard to case
}

TEST(LicenseJudgement, OpenDataLicensesAreFreeForData) {
  using C = LicenseCriterion;
  EXPECT_EQ(judge("ODC-By-1.0", C::fsf_libre), Freeness::non_free);  // the FSF has not rated it
  EXPECT_EQ(judge("ODC-By-1.0", C::free_data), Freeness::free);
  EXPECT_EQ(judge("PDDL-1.0", C::free_data), Freeness::free);
  EXPECT_EQ(judge("GPL-3.0-or-later", C::free_data), Freeness::free);
  EXPECT_EQ(judge("CC-BY-NC-4.0", C::free_data), Freeness::non_free);
  EXPECT_TRUE(license_facts("odc-by-1.0").open_data);
  EXPECT_EQ(judge("LicenseRef-public-domain", C::fsf_libre), Freeness::free);
  EXPECT_EQ(judge("LicenseRef-public-domain", C::free_data), Freeness::free);
  EXPECT_EQ(judge("public-domain", C::fsf_libre), Freeness::unknown);  // only as a LicenseRef
}

TEST(LicenseJudgement, ModelAndDataLicensesThatRestrictUse) {
  using C = LicenseCriterion;
  for (const char* id : {"llama2", "LicenseRef-llama3", "CreativeML-OpenRAIL-M", "BigScience-OpenRAIL-M",
                         "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0", "CC-BY-NC-ND-3.0-IGO"})
    EXPECT_EQ(judge(id, C::fsf_libre_or_osi_approved), Freeness::non_free) << id;
  const auto judgement = judge_license(parse_license_expression("CC-BY-NC-4.0"), C::fsf_libre);
  EXPECT_EQ(judgement.reason, "CC-BY-NC-4.0: its NonCommercial term restricts use");
  // "any" ignores licenses, except that it still knows nothing of unknowns.
  EXPECT_EQ(judge("llama2", C::any), Freeness::free);
}

TEST(LicenseJudgement, Operators) {
  using C = LicenseCriterion;
  EXPECT_EQ(judge("MIT OR CC-BY-NC-4.0", C::fsf_libre), Freeness::free);
  EXPECT_EQ(judge("MIT AND CC-BY-NC-4.0", C::fsf_libre), Freeness::non_free);
  EXPECT_EQ(judge("MIT AND LicenseRef-unknown", C::fsf_libre), Freeness::unknown);
  EXPECT_EQ(judge("CC-BY-NC-4.0 AND LicenseRef-unknown", C::fsf_libre), Freeness::non_free);
  EXPECT_EQ(judge("CC-BY-NC-4.0 OR LicenseRef-unknown", C::fsf_libre), Freeness::unknown);
  EXPECT_EQ(judge("GPL-2.0-only WITH Classpath-exception-2.0", C::fsf_libre), Freeness::free);
  EXPECT_EQ(judge("GPL-2.0+", C::fsf_libre), Freeness::free);
  const auto both = judge_license(parse_license_expression("CC-BY-NC-4.0 OR CC-BY-ND-4.0"), C::fsf_libre);
  EXPECT_EQ(both.freeness, Freeness::non_free);
  EXPECT_NE(both.reason.find("NonCommercial"), std::string::npos);
  EXPECT_NE(both.reason.find("NoDerivatives"), std::string::npos);
}

TEST(LicenseJudgement, SpecialValuesAndUnknownIds) {
  EXPECT_EQ(judge("NONE", LicenseCriterion::fsf_libre), Freeness::non_free);
  EXPECT_EQ(judge("NOASSERTION", LicenseCriterion::fsf_libre), Freeness::unknown);
  const auto unknown = judge_license(parse_license_expression("LicenseRef-Lc0-nets"), LicenseCriterion::fsf_libre);
  EXPECT_EQ(unknown.freeness, Freeness::unknown);
  EXPECT_EQ(unknown.reason, "LicenseRef-Lc0-nets is not in the SPDX license list " +
                                std::string(spdx_license_list_version()) + " nor known to this tool");
}

TEST(LicenseJudgement, OverridesDecideFirst) {
  LicenseOverrides overrides{.free = {"LicenseRef-Lc0-nets"}, .non_free = {"MIT"}};
  EXPECT_EQ(judge("LicenseRef-lc0-nets", LicenseCriterion::fsf_libre, overrides), Freeness::free);
  EXPECT_EQ(judge("MIT", LicenseCriterion::fsf_libre, overrides), Freeness::non_free);
}

TEST(LicenseFacts, GeneratedTable) {
  EXPECT_EQ(spdx_license_list_version(), "3.28.0");
  const auto gpl = license_facts("GPL-3.0");
  EXPECT_TRUE(gpl.listed);
  EXPECT_TRUE(gpl.deprecated);
  EXPECT_TRUE(gpl.fsf_libre && gpl.osi_approved);
  EXPECT_FALSE(license_facts("No-Such-License").listed);
  EXPECT_TRUE(license_facts("llama2").listed);
}

// Facts that changed after list 3.19, as json/licenses.json of list 3.28.0
// (2026-02-20) states them.
TEST(LicenseFacts, NewerThanList319) {
  // Added after 3.19: the license of Festival, Flite and the Edinburgh
  // Speech Tools.  Listed, but neither rated by the FSF nor OSI approved,
  // so no longer unknown: it fails the criteria that ask for a flag.
  const auto festival = license_facts("MIT-Festival");
  EXPECT_TRUE(festival.listed);
  EXPECT_FALSE(festival.fsf_libre);
  EXPECT_FALSE(festival.osi_approved);
  EXPECT_FALSE(festival.deprecated);
  EXPECT_TRUE(unknown_license_ids(parse_license_expression("MIT-Festival")).empty());
  EXPECT_EQ(judge("MIT-Festival", LicenseCriterion::fsf_libre_or_osi_approved), Freeness::non_free);
  EXPECT_EQ(judge("MIT-Festival", LicenseCriterion::any), Freeness::free);
  // OSI approved now, not FSF rated: BlueOak-1.0.0 and ICU were listed
  // without the flag in 3.19; Unicode-3.0 is new.
  for (const char* id : {"BlueOak-1.0.0", "ICU", "Unicode-3.0"}) {
    EXPECT_TRUE(license_facts(id).osi_approved) << id;
    EXPECT_FALSE(license_facts(id).fsf_libre) << id;
    EXPECT_EQ(judge(id, LicenseCriterion::osi_approved), Freeness::free) << id;
  }
  // Deprecated since 3.19.
  EXPECT_TRUE(license_facts("Net-SNMP").deprecated);
}

TEST(LicenseCriteria, NamesRoundTrip) {
  for (auto c : {LicenseCriterion::fsf_libre, LicenseCriterion::osi_approved,
                 LicenseCriterion::fsf_libre_or_osi_approved, LicenseCriterion::free_data,
                 LicenseCriterion::any})
    EXPECT_EQ(parse_license_criterion(to_string(c)), c);
  EXPECT_FALSE(parse_license_criterion("dfsg"));
}

}  // namespace
}  // namespace model_provenance
