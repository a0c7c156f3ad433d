// SPDX-License-Identifier: GPL-3.0-or-later
// Errors carry what went wrong, the ids involved and the field they came
// from, so that the Guile layer can turn them into conditions with irritants
// and the annotation DSL can point at the offending form.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace model_provenance {

enum class ProblemCode : std::uint8_t {
  invalid_value,       // a field holds something it cannot hold
  duplicate_id,        // two additions share an id
  unknown_reference,   // a step names an artifact that was never added
  self_consumption,    // a step lists the same artifact as input and output
  cycle,               // derivations loop back on themselves
  unknown_id,          // a query names an id the snapshot does not have
  not_acyclic,         // a query that needs a DAG was given a cyclic graph
};

std::string_view to_string(ProblemCode);

struct Problem {
  ProblemCode code;
  std::string message;           // complete sentence fragment, no trailing dot
  std::vector<std::string> ids;  // the ids involved, in a meaningful order
  std::string field;             // e.g. "inputs", "outputs", "compute.hours"
};

// One problem.  what() is the message with the ids and field.
class Error : public std::runtime_error {
 public:
  explicit Error(Problem problem);
  const Problem& problem() const noexcept { return problem_; }

 private:
  Problem problem_;
};

// Everything freeze() found wrong at once, so a user fixes all of it in one
// round.  what() lists the first problems and counts the rest.
class ValidationError : public std::runtime_error {
 public:
  explicit ValidationError(std::vector<Problem> problems);
  const std::vector<Problem>& problems() const noexcept { return problems_; }

 private:
  std::vector<Problem> problems_;
};

std::string describe(const Problem&);

}  // namespace model_provenance
