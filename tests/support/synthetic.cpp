// SPDX-License-Identifier: GPL-3.0-or-later
#include "synthetic.hpp"

#include <fmt/format.h>

#include <random>

namespace model_provenance::testing {

void add_chain(GraphBuilder& builder, std::uint32_t steps) {
  Artifact data;
  data.id = "data";
  data.kind = ArtifactKind::dataset;
  builder.add(data);
  Artifact weights;
  Step step;
  step.outputs.resize(1);
  step.inputs.resize(1);
  for (std::uint32_t k = 1; k <= steps; ++k) {
    weights.id = fmt::format("w{}", k);
    builder.add(weights);
    step.id = fmt::format("s{}", k);
    step.kind = k == 1 ? StepKind::train : StepKind::fine_tune;
    step.inputs[0] = k == 1 ? StepInput{"data", InputRole::training_data}
                            : StepInput{fmt::format("w{}", k - 1), InputRole::initial_weights};
    step.outputs[0] = weights.id;
    builder.add(step);
  }
}

std::shared_ptr<const Snapshot> make_chain(std::uint32_t steps) {
  GraphBuilder builder;
  add_chain(builder, steps);
  return builder.freeze();
}

void add_random_dag(GraphBuilder& builder, std::uint32_t artifacts, std::uint32_t roots,
                    std::uint64_t seed) {
  std::mt19937_64 random(seed);
  auto id_of = [roots](std::uint32_t i) {
    return i < roots ? fmt::format("d{}", i) : fmt::format("w{}", i);
  };
  Artifact artifact;
  for (std::uint32_t i = 0; i < artifacts; ++i) {
    artifact.id = id_of(i);
    artifact.kind = i < roots ? ArtifactKind::dataset : ArtifactKind::weights;
    builder.add(artifact);
  }
  Step step;
  step.outputs.resize(1);
  for (std::uint32_t i = roots; i < artifacts; ++i) {
    step.id = fmt::format("s{}", i);
    step.outputs[0] = id_of(i);
    step.inputs.clear();
    const auto input_count = 1 + random() % 3;
    bool has_initial = false;
    for (std::uint64_t k = 0; k < input_count; ++k) {
      const std::uint32_t window = i < 100 ? i : 100;
      const std::uint32_t parent = random() % 2 ? i - 1 - static_cast<std::uint32_t>(random() % window)
                                                : static_cast<std::uint32_t>(random() % i);
      InputRole role = InputRole::training_data;
      if (parent >= roots) {
        role = has_initial ? InputRole::teacher_weights : InputRole::initial_weights;
        has_initial = true;
      }
      step.inputs.push_back({id_of(parent), role});
    }
    step.kind = has_initial ? StepKind::fine_tune : StepKind::train;
    builder.add(step);
  }
}

std::shared_ptr<const Snapshot> make_random_dag(std::uint32_t artifacts, std::uint32_t roots,
                                                std::uint64_t seed) {
  GraphBuilder builder;
  add_random_dag(builder, artifacts, roots, seed);
  return builder.freeze();
}

}  // namespace model_provenance::testing
