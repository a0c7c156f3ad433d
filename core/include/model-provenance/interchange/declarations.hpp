// SPDX-License-Identifier: GPL-3.0-or-later
// What the readers of other formats (SPDX 3, CycloneDX, Hugging Face
// cards and Hub metadata, PROV-JSON) produce: the artifacts and steps a
// document states, before they meet a graph, and what the graph has no
// place for.  Shared by every format; each format has a header of its own.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "model-provenance/types.hpp"

namespace model_provenance::interchange {

// A fact of the document the graph cannot hold, kept so that nothing is
// lost silently: where it is (a JSON pointer, or a line) and what it said.
struct Dropped {
  std::string where;
  std::string what;
};

struct Declarations {
  std::vector<Artifact> artifacts;
  std::vector<Step> steps;
  std::vector<Dropped> dropped;
};

// A verdict to write beside the records, where a format has a place for
// it (SPDX annotations, CycloneDX properties, PROV attributes): plain text,
// so writers need not know the evaluator.
struct Judgement {
  std::string target;   // an artifact id of the declarations
  std::string policy;   // "guix-base-criterion"
  std::string verdict;  // "blocked", or a class: "MOF Class III, Open Model"
  std::string summary;  // the verdict's one line
  std::vector<std::string> reasons;  // blockers, or the facts that would decide it
};

// A document that cannot be read.  FILE is the name given to the reader;
// WHERE a JSON pointer ("/elements/3/name") or "LINE:COLUMN"; the message
// says what was expected there.
class DocumentError : public std::runtime_error {
 public:
  DocumentError(std::string file, std::string where, const std::string& message)
      : std::runtime_error(file + ": " + where + ": " + message),
        file_(std::move(file)),
        where_(std::move(where)) {}
  const std::string& file() const { return file_; }
  const std::string& where() const { return where_; }

 private:
  std::string file_;
  std::string where_;
};

}  // namespace model_provenance::interchange
