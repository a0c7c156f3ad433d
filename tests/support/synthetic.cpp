// SPDX-License-Identifier: GPL-3.0-or-later
#include "synthetic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
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

namespace model_provenance::testing {

std::shared_ptr<const Snapshot> make_model_hub(std::uint32_t artifacts, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  auto chance = [&random](double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; };
  auto pick = [&random](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  GraphBuilder builder;

  // Trainers: most run on free backends, some only on CUDA.
  const std::vector<std::string> trainers{"transformers", "nnue-pytorch", "lczero-training", "axolotl",
                                          "llama.cpp-quantize", "cuda-only-trainer"};
  for (const auto& name : trainers) {
    Artifact software;
    software.id = name;
    software.kind = ArtifactKind::software;
    software.license = name == "cuda-only-trainer" ? "MIT" : "Apache-2.0";
    software.availability = Availability::public_download;
    if (name == "cuda-only-trainer")
      software.backends = {{"cuda", true}};
    else
      software.backends = {{"cpu", false}, {"rocm", false}, {"cuda", true}};
    builder.add(software);
  }

  const std::uint32_t dataset_count = std::max<std::uint32_t>(artifacts / 20, 1);
  const std::uint32_t base_count = std::max<std::uint32_t>(artifacts / 5000, 1);
  const std::vector<std::optional<std::string>> data_licenses{
      "CC-BY-4.0", "CC-BY-SA-4.0", "ODbL-1.0", "CC0-1.0", "CC-BY-NC-4.0", std::nullopt};
  const std::vector<Availability> availabilities{Availability::public_download, Availability::public_download,
                                                 Availability::registration, Availability::unavailable,
                                                 Availability::unknown};
  Artifact dataset;
  dataset.kind = ArtifactKind::dataset;
  for (std::uint32_t i = 0; i < dataset_count; ++i) {
    dataset.id = fmt::format("data{}", i);
    dataset.license = data_licenses[pick(data_licenses.size())];
    dataset.availability = availabilities[pick(availabilities.size())];
    builder.add(dataset);
  }

  const std::vector<std::optional<std::string>> model_licenses{
      "Apache-2.0", "Apache-2.0", "MIT", "llama2", "CC-BY-NC-4.0", "OpenRAIL", std::nullopt, std::nullopt};
  // Zipf weights over base models: base k gets weight 1/(k+1)^1.1.
  std::vector<double> zipf(base_count);
  for (std::uint32_t k = 0; k < base_count; ++k) zipf[k] = 1.0 / std::pow(k + 1.0, 1.1);
  std::discrete_distribution<std::uint32_t> base_of(zipf.begin(), zipf.end());

  Artifact model;
  model.kind = ArtifactKind::weights;
  model.availability = Availability::public_download;
  Step step;
  const std::uint32_t model_count = artifacts - dataset_count;
  for (std::uint32_t m = 0; m < model_count; ++m) {
    model.id = fmt::format("model{}", m);
    model.license = model_licenses[pick(model_licenses.size())];
    builder.add(model);
    step = Step{};
    step.id = fmt::format("make{}", m);
    step.outputs = {model.id};
    // Compute log-uniform over 1e12..1e24 FLOPs; one step in ten unknown.
    if (!chance(0.1)) step.compute.flops = std::pow(10.0, 12 + 12 * std::uniform_real_distribution<double>(0, 1)(random));
    auto data = [&] { return StepInput{fmt::format("data{}", pick(dataset_count)), InputRole::training_data}; };
    if (m < base_count) {
      step.kind = StepKind::train;
      step.inputs = {{trainers[pick(trainers.size())], InputRole::software}, data()};
      if (chance(0.5)) step.inputs.push_back(data());
    } else {
      auto parent = [&] {
        const std::uint32_t p = chance(1.0 / 3) ? base_of(random) : static_cast<std::uint32_t>(pick(m));
        return fmt::format("model{}", p);
      };
      const auto kind = pick(20);
      step.inputs = {{trainers[pick(trainers.size())], InputRole::software}};
      if (kind < 12) {
        step.kind = StepKind::fine_tune;
        step.inputs.push_back({parent(), InputRole::initial_weights});
        if (chance(0.5)) step.inputs.push_back(data());
      } else if (kind < 17) {
        step.kind = StepKind::quantize;
        step.inputs.push_back({parent(), InputRole::initial_weights});
      } else if (kind < 19) {
        step.kind = StepKind::distill;
        step.inputs.push_back({parent(), InputRole::teacher_weights});
        step.inputs.push_back(data());
      } else {
        step.kind = StepKind::merge;
        step.inputs.push_back({parent(), InputRole::initial_weights});
        auto second = parent();
        if (second != step.inputs[1].artifact) step.inputs.push_back({second, InputRole::initial_weights});
      }
    }
    builder.add(step);
  }
  return builder.freeze();
}

}  // namespace model_provenance::testing
