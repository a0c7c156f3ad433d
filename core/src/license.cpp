// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/license.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <cctype>

#include "model-provenance/error.hpp"

namespace model_provenance {
namespace {

struct SpdxLicense {
  std::string_view id;
  bool fsf_libre;
  bool osi_approved;
  bool deprecated;
};
#include "spdx_license_list.inc"

// Licenses of weights and data that the SPDX list lacks, or lists
// without saying why they fail: each restricts use, which no free license
// does.  Spellings include the Hugging Face license tags.
struct NonFreeLicense {
  std::string_view id;
  std::string_view reason;
};
constexpr std::string_view llama_reason =
    "a Llama community license restricts use and users (acceptable use policy, user threshold)";
constexpr std::string_view rail_reason = "a Responsible AI License (RAIL) restricts use";
constexpr NonFreeLicense non_free_licenses[] = {
    {"llama2", llama_reason},
    {"Llama-2-Community", llama_reason},
    {"llama3", llama_reason},
    {"llama3.1", llama_reason},
    {"llama3.2", llama_reason},
    {"llama3.3", llama_reason},
    {"llama4", llama_reason},
    {"Llama-3-Community", llama_reason},
    {"OpenRAIL", rail_reason},
    {"OpenRAIL-M", rail_reason},
    {"CreativeML-OpenRAIL-M", rail_reason},
    {"BigScience-OpenRAIL-M", rail_reason},
    {"BigScience-BLOOM-RAIL-1.0", rail_reason},
    {"BigCode-OpenRAIL-M", rail_reason},
};

bool same_id(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool less_id(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) < std::tolower(static_cast<unsigned char>(y));
  });
}

// Creative Commons NonCommercial and NoDerivatives variants, whatever their
// version: CC-BY-NC-4.0, CC-BY-NC-ND-3.0-IGO, CC-BY-ND-2.0, ...
std::string_view creative_commons_restriction(std::string_view id) {
  if (id.size() < 3 || !same_id(id.substr(0, 3), "CC-")) return {};
  for (std::size_t at = 0; (at = id.find('-', at)) != std::string_view::npos; ++at) {
    const std::string_view part = id.substr(at + 1, 2);
    const bool ends = at + 3 >= id.size() || id[at + 3] == '-';
    if (ends && same_id(part, "NC")) return "its NonCommercial term restricts use";
    if (ends && same_id(part, "ND")) return "its NoDerivatives term forbids modified versions";
  }
  return {};
}

constexpr std::string_view license_ref_prefix = "LicenseRef-";

// The whole UTF-8 character at AT, for messages: half a character would
// make them invalid text.
std::string_view character_at(std::string_view text, std::size_t at) {
  const auto byte = static_cast<unsigned char>(text[at]);
  std::size_t length = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  length = std::min(length, text.size() - at);
  for (std::size_t k = 1; k < length; ++k)
    if ((static_cast<unsigned char>(text[at + k]) & 0xC0) != 0x80) return text.substr(at, k);
  return text.substr(at, length);
}

// Data licenses conformant with the Open Definition, which the SPDX list
// does not flag: the Open Data Commons family (the ODC-By announcement says
// it complies with the Open Knowledge Definition,
// http://blog.okfn.org/taxonomy/okf-projects/open-data-commons/, read
// 2026-11-30), and the Creative Commons licenses that are free anyway.
constexpr std::string_view open_data_licenses[] = {
    "PDDL-1.0", "ODC-By-1.0", "ODbL-1.0", "CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0",
};

}  // namespace

std::string_view spdx_license_list_version() { return generated_list_version; }

std::string nearest_name(std::string_view word, const std::vector<std::string_view>& candidates) {
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  // Levenshtein distance, two rows.
  auto distance = [&](std::string_view a, std::string_view b) {
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      current[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j)
        current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
      std::swap(previous, current);
    }
    return previous[b.size()];
  };
  std::string_view best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  auto starts_with = [&](std::string_view text, std::string_view prefix) {
    return prefix.size() <= text.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [&](char a, char b) { return lower(a) == lower(b); });
  };
  for (std::string_view candidate : candidates) {
    // What was typed may be the start of the name (desktop-amd).
    const std::size_t d = !word.empty() && starts_with(candidate, word) ? 1 : distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  // A likely typo: a few edits, fewer than a third of the word.
  if (best.empty() || best_distance > std::max<std::size_t>(2, word.size() / 3)) return {};
  return std::string(best);
}

std::vector<std::pair<std::string, std::string>> unknown_license_ids(const LicenseExpression& expression) {
  static const std::vector<std::string_view> known = [] {
    std::vector<std::string_view> ids;
    for (const auto& entry : spdx_licenses) ids.push_back(entry.id);
    for (const auto& entry : non_free_licenses) ids.push_back(entry.id);
    return ids;
  }();
  std::vector<std::pair<std::string, std::string>> unknown;
  for (const auto& node : expression.nodes) {
    if (node.kind != LicenseExpression::Kind::license) continue;
    const std::string_view id = node.id;
    if (id == "NONE" || id == "NOASSERTION") continue;
    if (id.size() > license_ref_prefix.size() &&
        same_id(id.substr(0, license_ref_prefix.size()), license_ref_prefix))
      continue;
    if (license_facts(id).listed) continue;
    unknown.emplace_back(node.id, nearest_name(id, known));
  }
  return unknown;
}

LicenseFacts license_facts(std::string_view id) {
  LicenseFacts facts;
  std::string_view bare = id;
  if (bare.size() > license_ref_prefix.size() &&
      same_id(bare.substr(0, license_ref_prefix.size()), license_ref_prefix))
    bare.remove_prefix(license_ref_prefix.size());
  for (const auto& entry : non_free_licenses)
    if (same_id(entry.id, bare)) {
      facts.listed = true;
      facts.non_free_reason = entry.reason;
      return facts;
    }
  // Works in the public domain carry no license; SPDX has no id for that,
  // so annotations write LicenseRef-public-domain.  Nothing restricts them.
  if (same_id(bare, "public-domain") && bare.size() != id.size()) {
    facts.listed = facts.fsf_libre = facts.open_data = true;
    return facts;
  }
  if (auto reason = creative_commons_restriction(id); !reason.empty()) facts.non_free_reason = reason;
  const auto* end = std::end(spdx_licenses);
  const auto* found = std::lower_bound(
      std::begin(spdx_licenses), end, id,
      [](const SpdxLicense& entry, std::string_view key) { return less_id(entry.id, key); });
  for (auto open : open_data_licenses)
    if (same_id(open, id)) facts.open_data = true;
  if (found != end && same_id(found->id, id)) {
    facts.listed = true;
    facts.fsf_libre = found->fsf_libre;
    facts.osi_approved = found->osi_approved;
    facts.deprecated = found->deprecated;
  }
  return facts;
}

// ------------------------------------------------------------------ parser

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  LicenseExpression parse() {
    skip_space();
    if (at_ == text_.size()) fail("the expression is empty");
    expression_.nodes.emplace_back();  // the root, filled in below
    const std::uint32_t top = parse_or(0);
    skip_space();
    if (at_ != text_.size()) fail(fmt::format("expected AND, OR or the end, got '{}'", next_word()));
    expression_.nodes[0] = std::move(expression_.nodes[top]);
    expression_.nodes.erase(expression_.nodes.begin() + top);
    // Erasing shifted every later node down by one.
    for (auto& node : expression_.nodes)
      for (auto& operand : node.operands)
        if (operand > top) --operand;
    return std::move(expression_);
  }

 private:
  static constexpr std::size_t max_depth = 200;  // parentheses nested deeper are hostile

  [[noreturn]] void fail(const std::string& what) const {
    throw Error({ProblemCode::invalid_value,
                 fmt::format("malformed license expression '{}': {} at column {}", printable(text_),
                             printable(what), at_ + 1),
                 {printable(text_)}, "license"});
  }

  // Messages carry no raw control character (a newline would split them).
  static std::string printable(std::string_view text) {
    std::string result;
    for (unsigned char c : text)
      result += c < 0x20 || c == 0x7F ? fmt::format("\\x{:02X}", c) : std::string(1, static_cast<char>(c));
    return result;
  }

  void skip_space() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
  }

  static bool id_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == ':';
  }

  std::string_view next_word() const {
    std::size_t end = at_;
    while (end < text_.size() && id_char(text_[end])) ++end;
    return end == at_ ? text_.substr(at_, 1) : text_.substr(at_, end - at_);
  }

  // Consumes `keyword` if it is the next word.
  bool keyword(std::string_view word) {
    skip_space();
    if (next_word() != word) return false;
    at_ += word.size();
    return true;
  }

  std::uint32_t add(LicenseExpression::Node node) {
    expression_.nodes.push_back(std::move(node));
    return static_cast<std::uint32_t>(expression_.nodes.size() - 1);
  }

  template <typename Operand>
  std::uint32_t parse_list(LicenseExpression::Kind kind, std::string_view word, Operand operand) {
    std::uint32_t first = operand();
    if (!keyword(word)) return first;
    LicenseExpression::Node list;
    list.kind = kind;
    list.operands.push_back(first);
    do list.operands.push_back(operand());
    while (keyword(word));
    return add(std::move(list));
  }

  std::uint32_t parse_or(std::size_t depth) {
    return parse_list(LicenseExpression::Kind::any_of, "OR", [&] { return parse_and(depth); });
  }

  std::uint32_t parse_and(std::size_t depth) {
    return parse_list(LicenseExpression::Kind::all_of, "AND", [&] { return parse_with(depth); });
  }

  std::uint32_t parse_with(std::size_t depth) {
    skip_space();
    if (at_ < text_.size() && text_[at_] == '(') {
      if (depth >= max_depth) fail("parentheses are nested too deeply");
      ++at_;
      const std::uint32_t inner = parse_or(depth + 1);
      skip_space();
      if (at_ >= text_.size() || text_[at_] != ')') fail("expected ')'");
      ++at_;
      return inner;
    }
    LicenseExpression::Node license;
    license.id = parse_id("a license id");
    if (at_ < text_.size() && text_[at_] == '+') {
      license.or_later = true;
      ++at_;
    }
    if (keyword("WITH")) license.exception = parse_id("an exception id after WITH");
    return add(std::move(license));
  }

  std::string parse_id(std::string_view what) {
    skip_space();
    const std::string_view word = next_word();
    if (at_ == text_.size()) fail(fmt::format("expected {}, got the end", what));
    if (!id_char(word[0])) fail(fmt::format("expected {}, got '{}'", what, word));
    if (word == "AND" || word == "OR" || word == "WITH")
      fail(fmt::format("expected {}, got the operator {}", what, word));
    if (word == "and" || word == "or" || word == "with")
      fail(fmt::format("'{}' is not an operator: operators are upper case", word));
    at_ += word.size();
    // After an id comes '+', space, ')' or the end: catches "MIT/Apache".
    if (at_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[at_])) &&
        text_[at_] != ')' && text_[at_] != '+')
      fail(fmt::format("unexpected character '{}'", character_at(text_, at_)));
    return std::string(word);
  }

  std::string_view text_;
  std::size_t at_ = 0;
  LicenseExpression expression_;
};

}  // namespace

LicenseExpression parse_license_expression(std::string_view text) { return Parser(text).parse(); }

std::string LicenseExpression::to_string() const {
  // Iterative, like everything walking user input: a post-order over an
  // explicit stack, building each node's text from its operands'.
  std::vector<std::string> text(nodes.size());
  std::vector<std::pair<std::uint32_t, bool>> stack{{0, false}};
  while (!stack.empty()) {
    auto [index, operands_done] = stack.back();
    stack.pop_back();
    const Node& node = nodes[index];
    if (node.kind == Kind::license) {
      text[index] = node.id + (node.or_later ? "+" : "") +
                    (node.exception.empty() ? "" : " WITH " + node.exception);
      continue;
    }
    if (!operands_done) {
      stack.emplace_back(index, true);
      for (std::uint32_t operand : node.operands) stack.emplace_back(operand, false);
      continue;
    }
    const char* separator = node.kind == Kind::all_of ? " AND " : " OR ";
    for (std::uint32_t operand : node.operands) {
      if (!text[index].empty()) text[index] += separator;
      // AND binds tighter than OR: an OR inside an AND needs parentheses.
      const bool parenthesize = node.kind == Kind::all_of && nodes[operand].kind == Kind::any_of;
      text[index] += parenthesize ? "(" + text[operand] + ")" : text[operand];
    }
  }
  return text[0];
}

// ------------------------------------------------------------- judgement

std::string_view to_string(LicenseCriterion criterion) {
  switch (criterion) {
    case LicenseCriterion::fsf_libre: return "fsf-libre";
    case LicenseCriterion::osi_approved: return "osi-approved";
    case LicenseCriterion::fsf_libre_or_osi_approved: return "fsf-libre-or-osi-approved";
    case LicenseCriterion::free_data: return "free-data";
    case LicenseCriterion::any: return "any";
  }
  return "invalid";
}

std::optional<LicenseCriterion> parse_license_criterion(std::string_view name) {
  for (auto criterion : {LicenseCriterion::fsf_libre, LicenseCriterion::osi_approved,
                         LicenseCriterion::fsf_libre_or_osi_approved, LicenseCriterion::free_data,
                         LicenseCriterion::any})
    if (to_string(criterion) == name) return criterion;
  return std::nullopt;
}

std::string_view to_string(Freeness freeness) {
  switch (freeness) {
    case Freeness::free: return "free";
    case Freeness::non_free: return "non-free";
    case Freeness::unknown: return "unknown";
  }
  return "invalid";
}

namespace {

LicenseJudgement judge_id(std::string_view id, LicenseCriterion criterion,
                          const LicenseOverrides& overrides) {
  auto listed_in = [id](const std::vector<std::string>& ids) {
    return std::any_of(ids.begin(), ids.end(), [id](const std::string& other) { return same_id(id, other); });
  };
  if (listed_in(overrides.non_free)) return {Freeness::non_free, fmt::format("{} is declared non-free", id)};
  if (listed_in(overrides.free)) return {Freeness::free, {}};
  if (criterion == LicenseCriterion::any) return {Freeness::free, {}};
  if (id == "NONE")
    return {overrides.unstated == Freeness::free ? Freeness::unknown : overrides.unstated,
            "no licence is stated by its publisher (NONE)"};
  if (id == "NOASSERTION") return {Freeness::unknown, "the license is not asserted (NOASSERTION)"};
  const LicenseFacts facts = license_facts(id);
  if (!facts.non_free_reason.empty())
    return {Freeness::non_free, fmt::format("{}: {}", id, facts.non_free_reason)};
  if (!facts.listed)
    return {Freeness::unknown,
            fmt::format("{} is not in the SPDX license list {} nor known to this tool", id,
                        spdx_license_list_version())};
  switch (criterion) {
    case LicenseCriterion::fsf_libre:
      if (facts.fsf_libre) return {Freeness::free, {}};
      return {Freeness::non_free, fmt::format("{} is not FSF libre", id)};
    case LicenseCriterion::osi_approved:
      if (facts.osi_approved) return {Freeness::free, {}};
      return {Freeness::non_free, fmt::format("{} is not OSI approved", id)};
    case LicenseCriterion::fsf_libre_or_osi_approved:
      if (facts.fsf_libre || facts.osi_approved) return {Freeness::free, {}};
      return {Freeness::non_free, fmt::format("{} is neither FSF libre nor OSI approved", id)};
    case LicenseCriterion::free_data:
      if (facts.fsf_libre || facts.osi_approved || facts.open_data) return {Freeness::free, {}};
      return {Freeness::non_free,
              fmt::format("{} is neither FSF libre, OSI approved nor an open data license", id)};
    case LicenseCriterion::any: break;
  }
  return {Freeness::free, {}};
}

}  // namespace

LicenseJudgement judge_license(const LicenseExpression& expression, LicenseCriterion criterion,
                               const LicenseOverrides& overrides) {
  if (expression.nodes.empty()) return {Freeness::unknown, "the license is unknown"};
  std::vector<LicenseJudgement> judgement(expression.nodes.size());
  std::vector<std::pair<std::uint32_t, bool>> stack{{0, false}};
  while (!stack.empty()) {
    auto [index, operands_done] = stack.back();
    stack.pop_back();
    const auto& node = expression.nodes[index];
    if (node.kind == LicenseExpression::Kind::license) {
      judgement[index] = judge_id(node.id, criterion, overrides);
      continue;
    }
    if (!operands_done) {
      stack.emplace_back(index, true);
      for (std::uint32_t operand : node.operands) stack.emplace_back(operand, false);
      continue;
    }
    // AND: the first non-free operand decides, else the first unknown.
    // OR: the first free operand decides, else the first unknown.
    const Freeness decisive =
        node.kind == LicenseExpression::Kind::all_of ? Freeness::non_free : Freeness::free;
    LicenseJudgement result{node.kind == LicenseExpression::Kind::all_of ? Freeness::free
                                                                         : Freeness::non_free,
                            {}};
    std::vector<std::string> reasons;
    for (std::uint32_t operand : node.operands) {
      const auto& part = judgement[operand];
      if (part.freeness == decisive) {
        result = part;
        reasons.clear();
        break;
      }
      if (part.freeness == Freeness::unknown && result.freeness != Freeness::unknown) result = part;
      if (!part.reason.empty()) reasons.push_back(part.reason);
    }
    // A non-free OR names every alternative it rejected.
    if (result.freeness == Freeness::non_free && node.kind == LicenseExpression::Kind::any_of) {
      result.reason.clear();
      for (const auto& reason : reasons) result.reason += (result.reason.empty() ? "" : "; ") + reason;
    }
    judgement[index] = std::move(result);
  }
  return judgement[0];
}

}  // namespace model_provenance
