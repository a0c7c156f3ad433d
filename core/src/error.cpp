// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/error.hpp"

#include <fmt/format.h>

namespace model_provenance {

std::string_view to_string(ProblemCode code) {
  switch (code) {
    case ProblemCode::invalid_value: return "invalid-value";
    case ProblemCode::duplicate_id: return "duplicate-id";
    case ProblemCode::unknown_reference: return "unknown-reference";
    case ProblemCode::self_consumption: return "self-consumption";
    case ProblemCode::cycle: return "cycle";
    case ProblemCode::unknown_id: return "unknown-id";
    case ProblemCode::not_acyclic: return "not-acyclic";
  }
  return "invalid";
}

std::string describe(const Problem& problem) {
  std::string text = problem.message;
  if (!problem.field.empty()) text += fmt::format(" (field '{}')", problem.field);
  return text;
}

Error::Error(Problem problem) : std::runtime_error(describe(problem)), problem_(std::move(problem)) {}

namespace {

constexpr std::size_t problems_listed = 20;

std::string summarize(const std::vector<Problem>& problems) {
  std::string text = fmt::format("{} problem{} in the provenance graph:", problems.size(),
                                 problems.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < problems.size() && i < problems_listed; ++i)
    text += "\n  " + describe(problems[i]);
  if (problems.size() > problems_listed)
    text += fmt::format("\n  ... and {} more", problems.size() - problems_listed);
  return text;
}

}  // namespace

ValidationError::ValidationError(std::vector<Problem> problems)
    : std::runtime_error(summarize(problems)), problems_(std::move(problems)) {}

}  // namespace model_provenance
