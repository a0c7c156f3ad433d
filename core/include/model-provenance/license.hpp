// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX license expressions, and whether a license is free by a criterion.
// Freeness comes from the flags of the SPDX license list (FSF libre, OSI
// approved), plus model and data licenses that list lacks or that need
// saying: the Llama community licenses, the RAIL family and the Creative
// Commons NonCommercial and NoDerivatives variants are not free.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace model_provenance {

// A parsed expression as a tree in one vector; node 0 is the root.
struct LicenseExpression {
  enum class Kind : std::uint8_t { license, all_of /* AND */, any_of /* OR */ };
  struct Node {
    Kind kind = Kind::license;
    std::string id;          // license: as written (LicenseRef-... included)
    bool or_later = false;   // license: written with a trailing '+'
    std::string exception;   // license: the WITH exception, if any
    std::vector<std::uint32_t> operands;  // all_of / any_of
  };
  std::vector<Node> nodes;

  // The expression in canonical form (operators upper case, parentheses
  // only where needed).
  std::string to_string() const;
};

// Parses SPDX 2.3 annex D syntax.  A malformed expression is an Error
// (invalid_value, field "license") saying what was expected and at which
// column (1-based).
LicenseExpression parse_license_expression(std::string_view text);

// Which licenses a policy accepts for one kind of artifact.
enum class LicenseCriterion : std::uint8_t {
  fsf_libre,                  // the FSF's free software definition
  osi_approved,               // the Open Source Definition
  fsf_libre_or_osi_approved,  // used for DFSG-like: no machine-readable DFSG list exists
  // For data, which the free software definitions do not cover: FSF libre,
  // OSI approved, or conformant with the Open Definition (ODC licenses).
  free_data,
  any,  // the license does not matter
};
std::string_view to_string(LicenseCriterion);
std::optional<LicenseCriterion> parse_license_criterion(std::string_view);

enum class Freeness : std::uint8_t { free, non_free, unknown };
std::string_view to_string(Freeness);

struct LicenseJudgement {
  Freeness freeness = Freeness::unknown;
  // For non-free and unknown: which license decided it and why, e.g.
  // "CC-BY-NC-4.0 is not FSF libre" or "LicenseRef-Foo is not in the SPDX
  // license list 3.28.0".
  std::string reason;
};

// Licenses a user (or policy) declares free or non-free beyond the table,
// e.g. their own LicenseRef- ids.  Matched without regard to case.
struct LicenseOverrides {
  std::vector<std::string> free;
  std::vector<std::string> non_free;
  // How NONE is judged: the publisher states no licence at all.  Non-free
  // for most policies; unknown (a deciding fact to settle) for those that
  // ask whether a user may practically use what is published.
  Freeness unstated = Freeness::non_free;
};

// OR is free when any operand is (the user may pick it), AND when all are;
// WITH and '+' keep the base license's freeness, since exceptions and later
// versions only add permissions.  NONE is judged as the overrides say,
// NOASSERTION unknown.
LicenseJudgement judge_license(const LicenseExpression&, LicenseCriterion,
                               const LicenseOverrides& = {});

// Facts about one license id, from the SPDX list or the supplement.
struct LicenseFacts {
  bool listed = false;      // in the SPDX list or the supplement
  bool fsf_libre = false;
  bool osi_approved = false;
  bool deprecated = false;
  bool open_data = false;            // conformant with the Open Definition
  std::string_view non_free_reason;  // supplement: why it is not free
};
LicenseFacts license_facts(std::string_view id);

// The ids of EXPRESSION this tool does not know (neither in the SPDX list,
// the supplement, nor LicenseRef-, NONE or NOASSERTION), each with the
// known id nearest to it ("" when none is close): a typo such as CC-BY-4
// for CC-BY-4.0 would otherwise pass as an unknown license.
std::vector<std::pair<std::string, std::string>> unknown_license_ids(const LicenseExpression&);

// The word of CANDIDATES nearest to WORD by edit distance, ignoring case,
// if it is close enough to be a likely typo; "" otherwise.
std::string nearest_name(std::string_view word, const std::vector<std::string_view>& candidates);
std::string_view spdx_license_list_version();

}  // namespace model_provenance
