// SPDX-License-Identifier: GPL-3.0-or-later
// A small lineage shaped like Stockfish's, whose query answers the tests
// work out by hand:
//
//   lc0-engine --------------------------------+
//        |                                     |
//        v                                     v
//   [selfplay] -> lc0-selfplay -> [train-lc0] -> lc0-net -> [generate-sf-data] -> sf-binpack
//                                     ^                           ^                   |
//                lczero-training -----+          syzygy ----------+                   v
//                                                      nnue-pytorch ------------> [train-sf] -> sf-net
//                                                                                                 |
//                        sf-binpack, nnue-pytorch, sf-net ----------------> [finetune-sf] -> sf-net-v2
#pragma once

#include "model-provenance/graph.hpp"

namespace model_provenance::testing {

inline Artifact make_artifact(std::string id, ArtifactKind kind) {
  Artifact artifact;
  artifact.id = std::move(id);
  artifact.kind = kind;
  return artifact;
}

inline Step make_step(std::string id, StepKind kind, std::vector<StepInput> inputs,
                      std::vector<std::string> outputs) {
  Step step;
  step.id = std::move(id);
  step.kind = kind;
  step.inputs = std::move(inputs);
  step.outputs = std::move(outputs);
  return step;
}

inline void add_chess_lineage(GraphBuilder& builder) {
  using K = ArtifactKind;
  using R = InputRole;
  for (const char* software : {"lc0-engine", "lczero-training", "nnue-pytorch"})
    builder.add(make_artifact(software, K::software));
  for (const char* data : {"syzygy", "lc0-selfplay", "sf-binpack"})
    builder.add(make_artifact(data, K::dataset));
  for (const char* weights : {"lc0-net", "sf-net", "sf-net-v2"})
    builder.add(make_artifact(weights, K::weights));
  builder.add(make_step("selfplay", StepKind::generate_data, {{"lc0-engine", R::software}},
                        {"lc0-selfplay"}));
  builder.add(make_step("train-lc0", StepKind::train,
                        {{"lczero-training", R::software}, {"lc0-selfplay", R::training_data}},
                        {"lc0-net"}));
  builder.add(make_step("generate-sf-data", StepKind::generate_data,
                        {{"lc0-engine", R::software},
                         {"lc0-net", R::generator_weights},
                         {"syzygy", R::training_data}},
                        {"sf-binpack"}));
  builder.add(make_step("train-sf", StepKind::train,
                        {{"nnue-pytorch", R::software}, {"sf-binpack", R::training_data}},
                        {"sf-net"}));
  builder.add(make_step("finetune-sf", StepKind::fine_tune,
                        {{"nnue-pytorch", R::software},
                         {"sf-net", R::initial_weights},
                         {"sf-binpack", R::training_data}},
                        {"sf-net-v2"}));
}

inline std::shared_ptr<const Snapshot> make_chess_lineage() {
  GraphBuilder builder;
  add_chess_lineage(builder);
  return builder.freeze();
}

}  // namespace model_provenance::testing
