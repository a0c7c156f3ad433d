// SPDX-License-Identifier: GPL-3.0-or-later
// What the interchange tests share: records with a few fields set, and a
// document's text.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "model-provenance/types.hpp"

namespace model_provenance::interchange::testing {

inline Artifact make_artifact(const std::string& id, ArtifactKind kind, const std::string& name = "",
                              const std::string& version = "") {
  Artifact artifact;
  artifact.id = id;
  artifact.kind = kind;
  artifact.name = name;
  artifact.version = version;
  return artifact;
}

inline Step make_step(const std::string& id, StepKind kind, std::vector<StepInput> inputs = {},
                      std::vector<std::string> outputs = {}) {
  Step step;
  step.id = id;
  step.kind = kind;
  step.inputs = std::move(inputs);
  step.outputs = std::move(outputs);
  return step;
}

inline std::string slurp(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

}  // namespace model_provenance::interchange::testing
