// SPDX-License-Identifier: GPL-3.0-or-later
// Verdicts on small graphs whose answers are worked out by hand.  The test
// machine has round numbers: a CPU of 1e12 FLOP/s, a free ROCm GPU of 1e13
// and a proprietary CUDA GPU of 2e13, all fully used (utilization 1), so one
// hour is 3.6e15 FLOPs on the CPU, 3.6e16 on ROCm and 7.2e16 on CUDA.
#include "model-provenance/evaluate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>

#include "chess_graph.hpp"
#include "synthetic.hpp"

namespace model_provenance {
namespace {

using testing::make_artifact;
using testing::make_step;
constexpr std::uint64_t gib = std::uint64_t{1} << 30;

HardwareProfile test_box() {
  HardwareProfile box;
  box.name = "test-box";
  box.description = "round numbers";
  box.backends = {{"cpu", "test CPU", 1e12, 64 * gib, false},
                  {"rocm", "test AMD GPU", 1e13, 16 * gib, false},
                  {"cuda", "test NVIDIA GPU", 2e13, 24 * gib, true}};
  box.storage_bytes = 1'000'000'000'000;
  box.utilization = 1.0;
  return box;
}

HardwareProfile cpu_only() {
  HardwareProfile box = test_box();
  box.name = "cpu-box";
  box.backends.resize(1);
  return box;
}

Policy policy(std::string_view name) { return *find_policy(name, builtin_policies()); }

Artifact artifact(std::string id, ArtifactKind kind, std::optional<std::string> license,
                  Availability availability = Availability::public_download) {
  Artifact a = make_artifact(std::move(id), kind);
  a.license = std::move(license);
  a.availability = availability;
  return a;
}

Artifact trainer(std::vector<BackendSupport> backends = {{"cpu", false}, {"rocm", false}},
                 std::optional<std::string> license = "GPL-3.0-or-later") {
  Artifact a = artifact("trainer", ArtifactKind::software, std::move(license));
  a.backends = std::move(backends);
  return a;
}

Step train(double flops, std::string id = "train", std::string output = "net") {
  Step step = make_step(std::move(id), StepKind::train,
                        {{"trainer", InputRole::software}, {"corpus", InputRole::training_data}},
                        {std::move(output)});
  step.compute.flops = flops;
  return step;
}

// trainer + corpus -> [train] -> net, with the pieces a test changes.
struct Simple {
  Artifact software = trainer();
  Artifact corpus = artifact("corpus", ArtifactKind::dataset, "CC-BY-4.0");
  Artifact net = artifact("net", ArtifactKind::weights, "Apache-2.0");
  Step step = train(3.6e16);  // one hour on ROCm

  std::shared_ptr<const Snapshot> freeze() const {
    GraphBuilder builder;
    builder.add(software);
    builder.add(corpus);
    builder.add(net);
    builder.add(step);
    return builder.freeze();
  }
  Verdict verdict(const Policy& p = policy("guix-base-criterion"), const HardwareProfile& hw = test_box()) const {
    auto graph = freeze();
    return Evaluator(graph, p, hw).evaluate(graph->node("net"));
  }
};

std::vector<std::string> ids(const Snapshot& g, const std::vector<NodeId>& nodes) {
  std::vector<std::string> result;
  for (NodeId n : nodes) result.emplace_back(g.id(n));
  return result;
}

TEST(Evaluate, ReproducibleFromScratch) {
  Simple simple;
  auto graph = simple.freeze();
  const Verdict v = Evaluator(graph, policy("guix-base-criterion"), test_box()).evaluate(graph->node("net"));
  EXPECT_EQ(v.kind, VerdictKind::reproducible_from_scratch);
  EXPECT_DOUBLE_EQ(v.hours, 1.0);
  ASSERT_EQ(v.plan.size(), 1u);
  EXPECT_EQ(v.plan[0].backend, "rocm");  // faster than the CPU; CUDA is not allowed
  EXPECT_EQ(v.plan[0].device, "test AMD GPU");
  EXPECT_EQ(ids(*graph, v.obtained), (std::vector<std::string>{"trainer", "corpus"}));
  EXPECT_TRUE(v.blockers.empty());
  EXPECT_TRUE(v.missing.empty());
  EXPECT_EQ(v.summary, "can be re-trained from scratch with free software in about 1.0 hours on test-box");
  EXPECT_EQ(v.classification, "reproducible-from-scratch");
  EXPECT_EQ(v.explanation.front(), "net: reproducible-from-scratch under policy guix-base-criterion, on test-box (round numbers)");
}

TEST(Evaluate, TheHardwareSetsTheTime) {
  EXPECT_DOUBLE_EQ(Simple().verdict(policy("guix-base-criterion"), cpu_only()).hours, 10.0);
}

TEST(Evaluate, OverBudgetSaysWhereTheTimeGoes) {
  Simple simple;
  simple.step.compute.flops = 3.6e19;  // 1,000 hours on ROCm, over three weeks (504 hours)
  const Verdict v = simple.verdict();
  EXPECT_EQ(v.kind, VerdictKind::over_budget);
  EXPECT_DOUBLE_EQ(v.hours, 1000.0);
  EXPECT_EQ(v.summary, "re-training takes about 6.0 weeks on test-box, over the budget of 3.0 weeks; 100% of it in 'train'");
  // With no budget, the same plan is acceptable.
  Policy unlimited = policy("guix-base-criterion");
  unlimited.budget_hours.reset();
  EXPECT_EQ(simple.verdict(unlimited).kind, VerdictKind::reproducible_from_scratch);
}

TEST(Evaluate, BlockedByTheDataLicense) {
  Simple simple;
  simple.corpus.license = "CC-BY-NC-4.0";
  auto graph = simple.freeze();
  const Verdict v = Evaluator(graph, policy("guix-base-criterion"), test_box()).evaluate(graph->node("net"));
  EXPECT_EQ(v.kind, VerdictKind::blocked);
  ASSERT_EQ(v.blockers.size(), 1u);
  EXPECT_EQ(v.blockers[0].node, graph->node("corpus"));
  EXPECT_EQ(v.blockers[0].kind, BlockerKind::non_free_license);
  EXPECT_EQ(v.summary, "cannot be re-made under guix-base-criterion: license CC-BY-NC-4.0 of 'corpus' is not "
                       "acceptable: CC-BY-NC-4.0: its NonCommercial term restricts use");
}

TEST(Evaluate, BlockedByUnavailableData) {
  Simple simple;
  simple.corpus.availability = Availability::unavailable;
  const Verdict v = simple.verdict();
  EXPECT_EQ(v.kind, VerdictKind::blocked);
  ASSERT_EQ(v.blockers.size(), 1u);
  EXPECT_EQ(v.blockers[0].kind, BlockerKind::unavailable);
  EXPECT_EQ(v.blockers[0].reason, "'corpus' is not available");
}

TEST(Evaluate, CudaOnlyTrainerIsBlockedUnlessProprietaryBackendsCount) {
  Simple simple;
  simple.software = trainer({{"cuda", true}});
  const Verdict blocked = simple.verdict();
  EXPECT_EQ(blocked.kind, VerdictKind::blocked);
  ASSERT_EQ(blocked.blockers.size(), 1u);
  EXPECT_EQ(blocked.blockers[0].kind, BlockerKind::proprietary_backend_only);
  EXPECT_EQ(blocked.blockers[0].reason,
            "'trainer' runs on test-box only through proprietary software (cuda)");
  Policy lenient = policy("guix-base-criterion");
  lenient.allow_proprietary_backends = true;
  const Verdict allowed = simple.verdict(lenient);
  EXPECT_EQ(allowed.kind, VerdictKind::reproducible_from_scratch);
  EXPECT_DOUBLE_EQ(allowed.hours, 0.5);
  EXPECT_EQ(allowed.plan[0].backend, "cuda");
}

TEST(Evaluate, NoBackendOnTheHardware) {
  Simple simple;
  simple.software = trainer({{"rocm", false}});
  const Verdict v = simple.verdict(policy("guix-base-criterion"), cpu_only());
  EXPECT_EQ(v.kind, VerdictKind::blocked);
  EXPECT_EQ(v.blockers.at(0).kind, BlockerKind::no_usable_backend);
  EXPECT_EQ(v.blockers.at(0).reason, "'trainer' runs on rocm; cpu-box offers cpu");
}

TEST(Evaluate, MemoryDecidesTheBackend) {
  Simple simple;
  simple.step.compute.peak_memory_bytes = 32 * gib;  // more than the 16 GiB GPU
  const Verdict on_cpu = simple.verdict();
  EXPECT_EQ(on_cpu.kind, VerdictKind::reproducible_from_scratch);
  EXPECT_EQ(on_cpu.plan.at(0).backend, "cpu");
  EXPECT_DOUBLE_EQ(on_cpu.hours, 10.0);
  simple.software = trainer({{"rocm", false}});
  const Verdict v = simple.verdict();
  EXPECT_EQ(v.kind, VerdictKind::blocked);
  EXPECT_EQ(v.blockers.at(0).kind, BlockerKind::exceeds_memory);
  EXPECT_EQ(v.blockers.at(0).reason,
            "step 'train' needs 32.0 GiB of memory; the largest usable backend of test-box has 16.0 GiB");
}

TEST(Evaluate, StorageIsChecked) {
  Simple simple;
  simple.step.compute.storage_bytes = 2'000'000'000'000;
  const Verdict v = simple.verdict();
  EXPECT_EQ(v.kind, VerdictKind::blocked);
  EXPECT_EQ(v.blockers.at(0).kind, BlockerKind::exceeds_storage);
}

TEST(Evaluate, UnknownFactsMakeItUndetermined) {
  Simple unknown_license;
  unknown_license.corpus.license.reset();
  const Verdict v = unknown_license.verdict();
  EXPECT_EQ(v.kind, VerdictKind::undetermined);
  ASSERT_EQ(v.missing.size(), 1u);
  EXPECT_EQ(v.missing[0].fact, "license");
  EXPECT_EQ(v.summary, "undetermined under guix-base-criterion: the license of 'corpus' is not recorded");

  Simple unknown_compute;
  unknown_compute.step.compute.flops.reset();
  const Verdict w = unknown_compute.verdict();
  EXPECT_EQ(w.kind, VerdictKind::undetermined);
  EXPECT_EQ(w.missing.at(0).fact, "compute");
  EXPECT_FALSE(w.plan.at(0).hours);

  Simple unknown_backends;
  unknown_backends.software.backends.clear();
  EXPECT_EQ(unknown_backends.verdict().missing.at(0).fact, "backends");

  Simple license_ref;
  license_ref.software.license = "LicenseRef-trainer";
  EXPECT_EQ(license_ref.verdict().kind, VerdictKind::undetermined);
  Policy declared = policy("guix-base-criterion");
  declared.license_overrides.free = {"LicenseRef-trainer"};
  EXPECT_EQ(license_ref.verdict(declared).kind, VerdictKind::reproducible_from_scratch);
}

TEST(Evaluate, AStepWithoutSoftwareIsUndetermined) {
  GraphBuilder builder;
  builder.add(artifact("corpus", ArtifactKind::dataset, "CC0-1.0"));
  builder.add(artifact("net", ArtifactKind::weights, "MIT"));
  Step step = make_step("train", StepKind::train, {{"corpus", InputRole::training_data}}, {"net"});
  step.compute.flops = 1;
  builder.add(step);
  auto graph = builder.freeze();
  const Verdict v = Evaluator(graph, policy("guix-base-criterion"), test_box()).evaluate(graph->node("net"));
  EXPECT_EQ(v.kind, VerdictKind::undetermined);
  EXPECT_EQ(v.missing.at(0).reason, "no software is recorded for step 'train'");
}

TEST(Evaluate, ComputeInHoursOnAnotherProfile) {
  Simple simple;
  simple.step.compute.flops.reset();
  simple.step.compute.hours = 2;
  simple.step.compute.hardware_profile = "desktop-amd-gpu";
  const Verdict v = simple.verdict();
  // 2 hours of the built-in RX 7900 XTX at 61.4e12 x 0.462, on a 1e13 GPU.
  EXPECT_NEAR(v.hours, 2 * 61.4e12 * 0.462 / 1e13, 1e-9);
  simple.step.compute.hardware_profile = "a-cluster";
  const Verdict unknown = simple.verdict();
  EXPECT_EQ(unknown.kind, VerdictKind::undetermined);
  EXPECT_EQ(unknown.missing.at(0).fact, "hardware-profile");
}

TEST(Evaluate, OpaqueWeights) {
  GraphBuilder builder;
  builder.add(artifact("blob", ArtifactKind::weights, "MIT"));
  auto graph = builder.freeze();
  const Verdict v = Evaluator(graph, policy("guix-base-criterion"), test_box()).evaluate(0);
  EXPECT_EQ(v.kind, VerdictKind::opaque);
  EXPECT_EQ(v.summary, "no provenance recorded: nothing says how 'blob' was made");
}

TEST(Evaluate, TheWeightsOwnLicenseCounts) {
  Simple simple;
  simple.net.license = "CC-BY-NC-4.0";
  const Verdict v = simple.verdict();
  EXPECT_EQ(v.kind, VerdictKind::blocked);
  EXPECT_EQ(v.blockers.at(0).reason,
            "license CC-BY-NC-4.0 of 'net' is not acceptable: CC-BY-NC-4.0: its NonCommercial term restricts use");
}

// base (free, downloadable) -> [fine-tune] -> tuned, where base could also
// be pretrained from the corpus in 1,000 hours on ROCm.
struct FineTune {
  bool base_pretrainable = true;
  std::optional<std::string> base_license = "Apache-2.0";

  std::shared_ptr<const Snapshot> freeze() const {
    GraphBuilder builder;
    builder.add(trainer());
    builder.add(artifact("corpus", ArtifactKind::dataset, "CC-BY-4.0"));
    builder.add(artifact("base", ArtifactKind::weights, base_license));
    builder.add(artifact("tuned", ArtifactKind::weights, "Apache-2.0"));
    if (base_pretrainable) builder.add(train(3.6e19, "pretrain", "base"));
    Step tune = make_step("fine-tune", StepKind::fine_tune,
                          {{"trainer", InputRole::software},
                           {"base", InputRole::initial_weights},
                           {"corpus", InputRole::training_data}},
                          {"tuned"});
    tune.compute.flops = 3.6e15;  // six minutes on ROCm
    builder.add(tune);
    return builder.freeze();
  }
};

TEST(Evaluate, RetrainableFromFreeNetworks) {
  auto graph = FineTune().freeze();
  const Verdict v = Evaluator(graph, policy("guix-base-criterion"), test_box()).evaluate(graph->node("tuned"));
  EXPECT_EQ(v.kind, VerdictKind::retrainable_from_free_networks);
  EXPECT_DOUBLE_EQ(v.hours, 0.1);
  EXPECT_EQ(ids(*graph, {v.plan.at(0).step}), std::vector<std::string>{"fine-tune"});
  EXPECT_EQ(v.summary, "can be re-trained with free software from free networks (base) in about 6 minutes on test-box");
}

TEST(Evaluate, FromTrainingDataMustPretrain) {
  auto graph = FineTune().freeze();
  const Verdict v = Evaluator(graph, policy("from-training-data"), test_box()).evaluate(graph->node("tuned"));
  // Taking base is not allowed, so it is pretrained: 1,000.1 hours.
  EXPECT_EQ(v.kind, VerdictKind::over_budget);
  EXPECT_DOUBLE_EQ(v.hours, 1000.1);
  EXPECT_EQ(ids(*graph, {v.plan.at(0).step, v.plan.at(1).step}), (std::vector<std::string>{"pretrain", "fine-tune"}));

  FineTune opaque_base;
  opaque_base.base_pretrainable = false;
  auto g2 = opaque_base.freeze();
  const Verdict w = Evaluator(g2, policy("from-training-data"), test_box()).evaluate(g2->node("tuned"));
  EXPECT_EQ(w.kind, VerdictKind::blocked);
  EXPECT_EQ(w.blockers.at(0).kind, BlockerKind::starting_weights_disallowed);
}

// lines (unavailable) -> [train] -> float -> [quantize] -> int8 -> [convert]
// -> shipped: the shipped file is a copy of an integer network whose float
// parent cannot be trained again, its training data being unpublished.
std::shared_ptr<const Snapshot> re_encoded_chain() {
  GraphBuilder builder;
  builder.add(trainer({{"cpu", false}}));
  builder.add(artifact("lines", ArtifactKind::dataset, "CC0-1.0", Availability::unavailable));
  builder.add(artifact("float", ArtifactKind::weights, "Apache-2.0", Availability::unavailable));
  builder.add(artifact("int8", ArtifactKind::weights, "Apache-2.0"));
  builder.add(artifact("shipped", ArtifactKind::weights, "Apache-2.0"));
  Step learn = make_step("learn", StepKind::train,
                         {{"trainer", InputRole::software}, {"lines", InputRole::training_data}}, {"float"});
  learn.compute.flops = 3.6e15;
  builder.add(learn);
  Step integerize = make_step("integerize", StepKind::quantize,
                              {{"trainer", InputRole::software}, {"float", InputRole::initial_weights}}, {"int8"});
  integerize.compute.flops = 3.6e12;
  builder.add(integerize);
  Step copy = make_step("copy", StepKind::convert,
                        {{"trainer", InputRole::software}, {"int8", InputRole::initial_weights}}, {"shipped"});
  copy.compute.flops = 3.6e12;
  builder.add(copy);
  return builder.freeze();
}

TEST(Evaluate, FromTrainingDataBlamesTheUpstreamNetwork) {
  auto graph = re_encoded_chain();
  // The base criterion starts from the free int8 network.
  const Verdict guix = Evaluator(graph, policy("guix-base-criterion"), test_box()).evaluate(graph->node("shipped"));
  EXPECT_EQ(guix.kind, VerdictKind::retrainable_from_free_networks);
  // From training data, the intermediate int8 network is no stopping
  // point: the plan goes up to the float network, whose data is missing.
  const Verdict v = Evaluator(graph, policy("from-training-data"), test_box()).evaluate(graph->node("shipped"));
  EXPECT_EQ(v.kind, VerdictKind::blocked);
  ASSERT_EQ(v.blockers.size(), 1u);
  EXPECT_EQ(v.blockers[0].node, graph->node("lines"));
  EXPECT_EQ(v.blockers[0].kind, BlockerKind::unavailable);
  EXPECT_EQ(v.summary, "cannot be re-made under from-training-data: making 'float': 'lines' is not available");
  EXPECT_EQ(ids(*graph, {v.plan.at(0).step, v.plan.at(1).step, v.plan.at(2).step}),
            (std::vector<std::string>{"learn", "integerize", "copy"}));
  // Summaries agree on the verdict.
  const auto all = Evaluator(graph, policy("from-training-data"), test_box()).evaluate_all();
  for (const auto& summary : all) EXPECT_EQ(summary.kind, VerdictKind::blocked) << graph->id(summary.target);
}

TEST(Evaluate, AnOpaqueNetworkIsNamedAsSuch) {
  FineTune opaque_base;
  opaque_base.base_pretrainable = false;
  auto graph = opaque_base.freeze();
  const Verdict v = Evaluator(graph, policy("from-training-data"), test_box()).evaluate(graph->node("tuned"));
  EXPECT_EQ(v.summary,
            "cannot be re-made under from-training-data: nothing records how the network 'base' was made, and "
            "policy from-training-data does not allow starting from an existing network");
}

TEST(Evaluate, UnknownComputeIsNotZeroHours) {
  Simple known;
  const Verdict v = known.verdict();
  EXPECT_TRUE(v.hours_known);
  Simple unknown;
  unknown.step.compute.flops.reset();
  const Verdict w = unknown.verdict();
  EXPECT_FALSE(w.hours_known);
  EXPECT_EQ(w.hours, 0.0);
  auto graph = unknown.freeze();
  const auto all = Evaluator(graph, policy("guix-base-criterion"), test_box()).evaluate_all();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_FALSE(all[0].hours_known);
  auto known_graph = known.freeze();
  EXPECT_TRUE(Evaluator(known_graph, policy("guix-base-criterion"), test_box()).evaluate_all().at(0).hours_known);
  // Nothing planned: nothing known either.
  GraphBuilder builder;
  builder.add(artifact("opaque", ArtifactKind::weights, "MIT"));
  auto opaque = builder.freeze();
  const Evaluator evaluator(opaque, policy("guix-base-criterion"), test_box());
  EXPECT_FALSE(evaluator.evaluate(0).hours_known);
  EXPECT_FALSE(evaluator.evaluate_all().at(0).hours_known);
}

// Compute decides only against a budget.
TEST(Evaluate, UnknownComputeDecidesNothingWithoutABudget) {
  Simple simple;
  simple.step.compute.flops.reset();
  EXPECT_EQ(simple.verdict().kind, VerdictKind::undetermined);
  for (const char* name : {"osaid-1.0", "debian-ml-policy"}) {
    const Verdict v = simple.verdict(policy(name));
    EXPECT_EQ(v.kind, VerdictKind::reproducible_from_scratch) << name;
    EXPECT_TRUE(v.missing.empty()) << name;
    EXPECT_FALSE(v.hours_known) << name;  // still unknown, and said so in the plan
    EXPECT_NE(std::find(v.explanation.begin(), v.explanation.end(), "  1. train (train) on rocm (test AMD GPU): compute unknown"),
              v.explanation.end());
  }
  EXPECT_EQ(simple.verdict(policy("osaid-1.0")).classification, "Open Source AI");
  EXPECT_EQ(simple.verdict(policy("debian-ml-policy")).classification, "Free");
}

TEST(Evaluate, TakenAsTheyAreLinesLabelEveryField) {
  Simple simple;
  simple.corpus.license.reset();
  simple.corpus.availability = Availability::unknown;
  const Verdict v = simple.verdict();
  EXPECT_NE(std::find(v.explanation.begin(), v.explanation.end(),
                      "  corpus (dataset, license: not recorded, availability: not recorded)"),
            v.explanation.end());
  EXPECT_NE(std::find(v.explanation.begin(), v.explanation.end(),
                      "  trainer (software, license: GPL-3.0-or-later, availability: public-download)"),
            v.explanation.end());
}

TEST(Evaluate, LicenseLineageFlagsDerivativesOfNonFreeWeights) {
  FineTune llama;
  llama.base_pretrainable = false;
  llama.base_license = "llama2";
  GraphBuilder builder;
  auto graph = llama.freeze();
  const Evaluator evaluator(graph, policy("guix-base-criterion"), test_box());
  const Verdict v = evaluator.evaluate(graph->node("tuned"));
  EXPECT_EQ(v.kind, VerdictKind::blocked);  // the llama2 base is an input
  ASSERT_EQ(v.license_lineage.size(), 1u);
  EXPECT_EQ(v.license_lineage[0],
            "'tuned' declares Apache-2.0, but derives from 'base' under llama2: llama2: a Llama community "
            "license restricts use and users (acceptable use policy, user threshold)");
  const auto all = evaluator.evaluate_all();
  auto tuned = std::find_if(all.begin(), all.end(), [&](auto& s) { return s.target == graph->node("tuned"); });
  ASSERT_NE(tuned, all.end());
  EXPECT_TRUE(tuned->license_contradicted);
  auto base = std::find_if(all.begin(), all.end(), [&](auto& s) { return s.target == graph->node("base"); });
  EXPECT_FALSE(base->license_contradicted);
}

TEST(Evaluate, LicenseLineageIsQuietWhenTheLicenseIsTheBasesOwn) {
  // A Llama 2 fine-tune under llama2 claims nothing its lineage denies.
  GraphBuilder builder;
  builder.add(trainer());
  builder.add(artifact("corpus", ArtifactKind::dataset, "CC-BY-4.0"));
  builder.add(artifact("base", ArtifactKind::weights, "llama2"));
  builder.add(artifact("tuned", ArtifactKind::weights, "llama2"));
  builder.add(Step{.id = "tune", .kind = StepKind::fine_tune,
                   .inputs = {{"trainer", InputRole::software}, {"corpus", InputRole::training_data},
                              {"base", InputRole::initial_weights}},
                   .outputs = {"tuned"}});
  auto graph = builder.freeze();
  const Evaluator evaluator(graph, policy("guix-base-criterion"), test_box());
  EXPECT_TRUE(evaluator.evaluate(graph->node("tuned")).license_lineage.empty());
  for (const auto& summary : evaluator.evaluate_all()) EXPECT_FALSE(summary.license_contradicted);
}

TEST(Evaluate, CheapestAlternativeWins) {
  Simple simple;
  GraphBuilder builder;
  builder.add(trainer());
  builder.add(artifact("corpus", ArtifactKind::dataset, "CC-BY-4.0"));
  builder.add(artifact("net", ArtifactKind::weights, "Apache-2.0"));
  builder.add(train(3.6e17, "slow"));  // 10 hours
  builder.add(train(3.6e16, "fast"));  // 1 hour
  auto graph = builder.freeze();
  const Verdict v = Evaluator(graph, policy("guix-base-criterion"), test_box()).evaluate(graph->node("net"));
  EXPECT_EQ(graph->id(v.plan.at(0).step), "fast");
}

TEST(Evaluate, ASelfPlayLoopMayNotStartFromItsOwnResult) {
  GraphBuilder builder({.allow_cycles = true});
  builder.add(trainer());
  Artifact engine = artifact("engine", ArtifactKind::software, "GPL-3.0-or-later");
  engine.backends = {{"cpu", false}};
  builder.add(engine);
  builder.add(artifact("net", ArtifactKind::weights, "GPL-3.0-or-later"));
  builder.add(artifact("games", ArtifactKind::dataset, "ODbL-1.0", Availability::unavailable));
  Step selfplay = make_step("selfplay", StepKind::generate_data,
                            {{"engine", InputRole::software}, {"net", InputRole::generator_weights}}, {"games"});
  selfplay.compute.flops = 3.6e15;
  builder.add(selfplay);
  Step learn = make_step("learn", StepKind::train,
                         {{"trainer", InputRole::software}, {"games", InputRole::training_data}}, {"net"});
  learn.compute.flops = 3.6e15;
  builder.add(learn);
  auto graph = builder.freeze();
  const Evaluator evaluator(graph, policy("guix-base-criterion"), test_box());
  // Without the rule, games would come from self-play with net itself.
  const Verdict v = evaluator.evaluate(graph->node("net"));
  EXPECT_EQ(v.kind, VerdictKind::blocked);
  EXPECT_EQ(v.blockers.at(0).reason, "'games' is not available");
  EXPECT_EQ(evaluator.evaluate_all().at(0).kind, VerdictKind::blocked);
}

TEST(Evaluate, EvaluateAllAgreesWithEvaluate) {
  FineTune fine_tune;
  auto graph = fine_tune.freeze();
  for (const auto& name : {"guix-base-criterion", "from-training-data", "debian-ml-policy", "osaid-1.0", "mof"}) {
    const Evaluator evaluator(graph, policy(name), test_box());
    const auto all = evaluator.evaluate_all();
    ASSERT_EQ(all.size(), 2u);  // base and tuned
    for (const auto& summary : all) EXPECT_EQ(summary.kind, evaluator.evaluate(summary.target).kind) << name;
  }
}

// The same graph in three builds: steps in order of derivation (the linear
// in-order pass), in reverse (Kahn's order), and with an unrelated cycle
// (Knuth's priority queue).  Every weights artifact must get the same answer.
TEST(Evaluate, TheThreeTraversalsAgree) {
  const auto hub = testing::make_model_hub(3000, 5);
  auto rebuild = [&](bool reverse_steps, bool add_cycle) {
    GraphBuilder builder({.allow_cycles = add_cycle});
    for (NodeId a = 0; a < hub->artifact_count(); ++a) builder.add(hub->artifact(a));
    std::vector<NodeId> steps;
    for (NodeId n = static_cast<NodeId>(hub->artifact_count()); n < hub->node_count(); ++n) steps.push_back(n);
    if (reverse_steps) std::reverse(steps.begin(), steps.end());
    for (NodeId n : steps) builder.add(hub->step(n));
    if (add_cycle) {
      builder.add(artifact("loop-net", ArtifactKind::weights, "MIT"));
      builder.add(artifact("loop-games", ArtifactKind::dataset, "CC0-1.0"));
      builder.add(make_step("loop-play", StepKind::generate_data, {{"loop-net", InputRole::generator_weights}},
                            {"loop-games"}));
      builder.add(make_step("loop-learn", StepKind::train, {{"loop-games", InputRole::training_data}},
                            {"loop-net"}));
    }
    return builder.freeze();
  };
  const auto in_order = rebuild(false, false), kahn = rebuild(true, false), knuth = rebuild(false, true);
  ASSERT_FALSE(knuth->acyclic());
  auto verdicts = [](const std::shared_ptr<const Snapshot>& graph) {
    return Evaluator(graph, policy("guix-base-criterion"), test_box()).evaluate_all();
  };
  const auto a = verdicts(in_order), b = verdicts(kahn), c = verdicts(knuth);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.size() + 1, c.size());  // loop-net comes last
  std::map<VerdictKind, int> kinds;
  for (std::size_t i = 0; i < a.size(); ++i) {
    ++kinds[a[i].kind];
    for (const auto* other : {&b[i], &c[i]}) {
      EXPECT_EQ(a[i].kind, other->kind) << in_order->id(a[i].target);
      EXPECT_FLOAT_EQ(a[i].hours, other->hours) << in_order->id(a[i].target);
      EXPECT_EQ(a[i].blockers, other->blockers);
      EXPECT_EQ(a[i].license_contradicted, other->license_contradicted);
    }
  }
  EXPECT_GE(kinds.size(), 4u);  // the hub exercises most verdicts
}

TEST(Classification, DebianMlPolicy) {
  const Policy debian = policy("debian-ml-policy");
  EXPECT_EQ(Simple().verdict(debian).classification, "Free");
  Simple non_free_data;
  non_free_data.corpus.license = "CC-BY-NC-4.0";
  EXPECT_EQ(non_free_data.verdict(debian).classification, "ToxicCandy");
  Simple registration;
  registration.corpus.availability = Availability::registration;  // not "publicly available"
  EXPECT_EQ(registration.verdict(debian).classification, "ToxicCandy");
  EXPECT_EQ(registration.verdict().kind, VerdictKind::reproducible_from_scratch);  // Guix accepts it
  Simple non_free_weights;
  non_free_weights.net.license = "CC-BY-NC-4.0";
  EXPECT_EQ(non_free_weights.verdict(debian).classification, "Non-free");
}

TEST(Classification, Osaid) {
  const Policy osaid = policy("osaid-1.0");
  Simple closed_data;  // data need only be described
  closed_data.corpus.license = "CC-BY-NC-4.0";
  closed_data.corpus.availability = Availability::unavailable;
  EXPECT_EQ(closed_data.verdict(osaid).classification, "Open Source AI");
  Simple undescribed_license;  // the data's license does not matter to OSAID
  undescribed_license.corpus.license.reset();
  EXPECT_EQ(undescribed_license.verdict(osaid).classification, "Open Source AI");
  Simple cc0_code;  // CC0 is not OSI approved
  cc0_code.software.license = "CC0-1.0";
  EXPECT_EQ(cc0_code.verdict(osaid).classification, "not Open Source AI");
  Simple cc0_weights;
  cc0_weights.net.license = "CC0-1.0";
  EXPECT_EQ(cc0_weights.verdict(osaid).classification,
            "not Open Source AI (parameters not under OSI-approved terms)");
}

// The MOF's components, recorded for a small open model: trainer + corpus
// -> [train] -> net -> [quantize] -> net-q8, with a document of each kind
// describing `net`, a data card for the corpus, and software for the
// quantizer.  Tests remove or change one piece and read the class.
struct OpenModel {
  std::map<DocumentKind, std::optional<std::string>> documents{
      {DocumentKind::model_card, "CC-BY-4.0"},           {DocumentKind::technical_report, "CC-BY-4.0"},
      {DocumentKind::evaluation_results, "CC-BY-4.0"},   {DocumentKind::inference_code, "Apache-2.0"},
      {DocumentKind::evaluation_code, "Apache-2.0"},     {DocumentKind::evaluation_data, "CC-BY-4.0"},
      {DocumentKind::intermediate_parameters, "Apache-2.0"}, {DocumentKind::research_paper, "CC-BY-4.0"},
      {DocumentKind::data_preprocessing_code, "Apache-2.0"}};
  std::optional<std::string> data_card = "CC-BY-4.0";
  std::optional<std::string> trainer_license = "MIT";
  Availability corpus_availability = Availability::public_download;
  // The documents describe this artifact: the model before quantization.
  std::string described = "net";
  bool second_dataset = false;

  std::shared_ptr<const Snapshot> freeze() const {
    GraphBuilder builder;
    builder.add(trainer({{"cpu", false}}, trainer_license));
    builder.add(artifact("corpus", ArtifactKind::dataset, "CC-BY-4.0", corpus_availability));
    builder.add(artifact("net", ArtifactKind::weights, "Apache-2.0"));
    builder.add(artifact("net-q8", ArtifactKind::weights, "Apache-2.0"));
    Artifact quantizer = artifact("quantizer", ArtifactKind::software, "MIT");
    quantizer.backends = {{"cpu", false}};
    builder.add(quantizer);
    Step step = train(3.6e15);
    if (second_dataset) {
      builder.add(artifact("extra", ArtifactKind::dataset, "CC0-1.0"));
      step.inputs.push_back({"extra", InputRole::training_data});
    }
    builder.add(step);
    builder.add(make_step("quantize", StepKind::quantize,
                          {{"quantizer", InputRole::software}, {"net", InputRole::initial_weights}}, {"net-q8"}));
    for (const auto& [kind, license] : documents) {
      Artifact document = artifact(std::string(to_string(kind)), ArtifactKind::document, license);
      document.document_kind = kind;
      document.describes = {described};
      builder.add(document);
    }
    if (data_card) {
      Artifact card = artifact("corpus-card", ArtifactKind::document, data_card);
      card.document_kind = DocumentKind::data_card;
      card.describes = {"corpus"};
      builder.add(card);
    }
    return builder.freeze();
  }
  Verdict verdict(std::string_view target = "net-q8") const {
    auto graph = freeze();
    return Evaluator(graph, policy("mof"), test_box()).evaluate(graph->node(target));
  }
};

const Component& component(const Verdict& v, std::string_view name) {
  auto found = std::find_if(v.components.begin(), v.components.end(),
                            [&](const Component& c) { return c.name == name; });
  if (found == v.components.end()) throw std::runtime_error("no component " + std::string(name));
  return *found;
}

TEST(ModelOpennessFramework, EveryComponentOpenIsClassI) {
  const Verdict v = OpenModel().verdict();
  EXPECT_EQ(v.classification, "MOF Class I, Open Science");
  EXPECT_EQ(v.components.size(), 17u);  // MOF's 16, the parameters split into final and intermediate
  for (const auto& c : v.components)
    EXPECT_TRUE(!c.required || c.status == ComponentStatus::open) << c.name << ": " << c.detail;
  // Documents about the network count for its quantized copy.
  EXPECT_EQ(component(v, "model card").status, ComponentStatus::open);
  // Training code is the software of every step making weights: the
  // trainer and the quantizer.
  EXPECT_EQ(component(v, "training code").artifacts.size(), 2u);
  EXPECT_EQ(v.summary.rfind("MOF Class I, Open Science under mof: ", 0), 0u) << v.summary;
}

TEST(ModelOpennessFramework, EachClassNamesWhatTheNextLacks) {
  OpenModel no_paper;
  no_paper.documents.erase(DocumentKind::research_paper);
  EXPECT_EQ(no_paper.verdict().classification,
            "MOF Class II, Open Tooling (for Class I: research paper not recorded)");

  OpenModel closed_inference;
  closed_inference.documents[DocumentKind::inference_code] = "CC-BY-NC-4.0";
  const Verdict v = closed_inference.verdict();
  EXPECT_EQ(v.classification, "MOF Class III, Open Model (for Class II: inference code not open)");
  EXPECT_EQ(component(v, "inference code").status, ComponentStatus::not_open);
  // Code is judged as code: CC-BY-NC is no free software license either.
  EXPECT_NE(component(v, "inference code").detail.find("CC-BY-NC-4.0"), std::string::npos);

  OpenModel no_card;
  no_card.documents.erase(DocumentKind::model_card);
  EXPECT_EQ(no_card.verdict().classification, "not classified (for Class III: model card not recorded)");
}

TEST(ModelOpennessFramework, ALicenseNotRecordedIsNotOpenYet) {
  OpenModel unknown;
  unknown.documents[DocumentKind::evaluation_data] = std::nullopt;
  const Verdict v = unknown.verdict();
  EXPECT_EQ(v.classification, "MOF Class III, Open Model (for Class II: evaluation data not known to be open)");
  EXPECT_EQ(component(v, "evaluation data").status, ComponentStatus::unknown);
  EXPECT_EQ(component(v, "evaluation data").detail, "the license of 'evaluation-data' is not recorded");
}

TEST(ModelOpennessFramework, TheWholeLineageCounts) {
  // The trainer of the upstream step that made `net`, not only the
  // quantizer of the last step.  With no architecture document, the
  // training code would have given the architecture.
  OpenModel closed_trainer;
  closed_trainer.trainer_license = "CC-BY-NC-4.0";
  const Verdict v = closed_trainer.verdict();
  EXPECT_EQ(component(v, "training code").status, ComponentStatus::not_open);
  EXPECT_EQ(component(v, "model architecture").status, ComponentStatus::not_open);
  EXPECT_EQ(v.classification, "not classified (for Class III: model architecture not open)");
  // An architecture document of its own makes it Class III.
  closed_trainer.documents[DocumentKind::model_architecture] = "Apache-2.0";
  EXPECT_EQ(closed_trainer.verdict().classification,
            "MOF Class III, Open Model (for Class II: training code not open)");
  // A license this tool cannot judge leaves the class where the facts are.
  OpenModel unknown_trainer;
  unknown_trainer.trainer_license = "LicenseRef-trainer-terms";
  EXPECT_EQ(component(unknown_trainer.verdict(), "training code").status, ComponentStatus::unknown);

  // An unpublished upstream dataset keeps it from Class I.
  OpenModel unpublished;
  unpublished.corpus_availability = Availability::unavailable;
  const Verdict w = unpublished.verdict();
  EXPECT_EQ(w.classification, "MOF Class II, Open Tooling (for Class I: datasets not open)");
  EXPECT_EQ(component(w, "datasets").detail, "'corpus' is not published");

  // Every dataset needs a data card.
  OpenModel two_datasets;
  two_datasets.second_dataset = true;
  const Verdict x = two_datasets.verdict();
  EXPECT_EQ(component(x, "data card").status, ComponentStatus::missing);
  EXPECT_EQ(x.classification, "not classified (for Class III: data card not recorded)");
}

TEST(ModelOpennessFramework, DocumentsMustDescribeTheModel) {
  // A card about the corpus is no model card; nor is one about another model.
  OpenModel elsewhere;
  elsewhere.described = "corpus";
  const Verdict v = elsewhere.verdict();
  EXPECT_EQ(component(v, "model card").status, ComponentStatus::missing);
  // A fine-tune is another model: its base's documents are not its own.
  GraphBuilder builder;
  builder.add(trainer({{"cpu", false}}, "MIT"));
  builder.add(artifact("corpus", ArtifactKind::dataset, "CC-BY-4.0"));
  builder.add(artifact("base", ArtifactKind::weights, "Apache-2.0"));
  builder.add(artifact("tuned", ArtifactKind::weights, "Apache-2.0"));
  builder.add(train(3.6e15, "pretrain", "base"));
  builder.add(make_step("fine-tune", StepKind::fine_tune,
                        {{"trainer", InputRole::software}, {"base", InputRole::initial_weights},
                         {"corpus", InputRole::training_data}},
                        {"tuned"}));
  Artifact card = artifact("base-card", ArtifactKind::document, "CC-BY-4.0");
  card.document_kind = DocumentKind::model_card;
  card.describes = {"base"};
  builder.add(card);
  auto graph = builder.freeze();
  const Evaluator evaluator(graph, policy("mof"), test_box());
  EXPECT_EQ(component(evaluator.evaluate(graph->node("base")), "model card").status, ComponentStatus::open);
  EXPECT_EQ(component(evaluator.evaluate(graph->node("tuned")), "model card").status, ComponentStatus::missing);
}

TEST(ModelOpennessFramework, APaperStandsForTheTechnicalReport) {
  OpenModel paper_only;
  paper_only.documents.erase(DocumentKind::technical_report);
  const Verdict v = paper_only.verdict();
  EXPECT_EQ(component(v, "technical report").status, ComponentStatus::open);
  EXPECT_EQ(v.classification, "MOF Class I, Open Science");
  paper_only.documents.erase(DocumentKind::research_paper);
  EXPECT_EQ(paper_only.verdict().classification,
            "not classified (for Class III: technical report not recorded)");
}

TEST(ModelOpennessFramework, TheFormatOfADocumentIsNotItsKind) {
  // Before document kinds, a format string made a model card.
  GraphBuilder builder;
  builder.add(trainer({{"cpu", false}}, "MIT"));
  builder.add(artifact("corpus", ArtifactKind::dataset, "CC-BY-4.0"));
  builder.add(artifact("net", ArtifactKind::weights, "Apache-2.0"));
  builder.add(train(3.6e15));
  Artifact card = artifact("card", ArtifactKind::document, "CC-BY-4.0");
  card.format = "model-card";
  card.describes = {"net"};
  builder.add(card);
  auto graph = builder.freeze();
  const Verdict v = Evaluator(graph, policy("mof"), test_box()).evaluate(graph->node("net"));
  EXPECT_EQ(component(v, "model card").status, ComponentStatus::missing);
}

TEST(ModelOpennessFramework, OnlyUnderTheMofPolicy) {
  auto graph = OpenModel().freeze();
  EXPECT_TRUE(Evaluator(graph, policy("osaid-1.0"), test_box()).evaluate(graph->node("net")).components.empty());
}

// Classification policies lead with their class; a policy with no budget
// makes no claim about time in its summary.
TEST(Classification, SummariesLeadWithTheClass) {
  Simple simple;
  simple.step.compute.flops = 3.6e21;  // 11 years on ROCm
  const Verdict osaid = simple.verdict(policy("osaid-1.0"));
  EXPECT_EQ(osaid.classification, "Open Source AI");
  EXPECT_EQ(osaid.summary,
            "Open Source AI under osaid-1.0: the parameters (Apache-2.0) and the code ('trainer') are under "
            "OSI-approved terms; its training data is described ('corpus'), which OSAID asks for instead of "
            "the data itself");
  EXPECT_EQ(osaid.explanation.at(0), "net: Open Source AI under policy osaid-1.0, on test-box (round numbers)");
  EXPECT_EQ(osaid.explanation.at(1),
            "re-making it: can be re-trained from scratch with free software in about 11.4 years on test-box");
  const Verdict debian = simple.verdict(policy("debian-ml-policy"));
  EXPECT_EQ(debian.summary.rfind("Free under debian-ml-policy: its license Apache-2.0 is free", 0), 0u)
      << debian.summary;
  const Verdict mof = simple.verdict(policy("mof"));
  EXPECT_EQ(mof.summary.rfind("not classified under mof: for Class III, ", 0), 0u) << mof.summary;
  for (const auto* v : {&osaid, &debian, &mof}) EXPECT_EQ(v->summary.find("years"), std::string::npos) << v->summary;

  Simple closed;
  closed.corpus.license = "CC-BY-NC-4.0";
  EXPECT_EQ(closed.verdict(policy("debian-ml-policy")).summary,
            "ToxicCandy under debian-ml-policy: its license Apache-2.0 is free, but license CC-BY-NC-4.0 of "
            "'corpus' is not acceptable: CC-BY-NC-4.0: its NonCommercial term restricts use");
  // Policies without classes keep the verdict as their summary.
  EXPECT_EQ(closed.verdict().summary.rfind("cannot be re-made under guix-base-criterion: ", 0), 0u);
}

TEST(Evaluate, Errors) {
  auto graph = Simple().freeze();
  const Evaluator evaluator(graph, policy("guix-base-criterion"), test_box());
  EXPECT_THROW(evaluator.evaluate(graph->node("train")), Error);
  EXPECT_THROW(evaluator.evaluate(1000), Error);
  Policy negative = policy("guix-base-criterion");
  negative.budget_hours = -1;
  try {
    Evaluator(graph, negative, test_box());
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.problem().field, "budget-hours");
  }
  HardwareProfile idle = test_box();
  idle.utilization = 0;
  EXPECT_THROW(Evaluator(graph, policy("guix-base-criterion"), idle), Error);
  HardwareProfile bare = test_box();
  bare.backends.clear();
  EXPECT_THROW(Evaluator(graph, policy("guix-base-criterion"), bare), Error);
  EXPECT_THROW(Evaluator(nullptr, policy("guix-base-criterion"), test_box()), Error);
}

TEST(Evaluate, BuiltInsAreValid) {
  EXPECT_EQ(builtin_policies().size(), 5u);
  EXPECT_EQ(default_policy().name, "guix-base-criterion");
  EXPECT_EQ(*default_policy().budget_hours, 504.0);
  for (const auto& p : builtin_policies()) EXPECT_NO_THROW(validate(p)) << p.name;
  for (const auto& h : builtin_hardware_profiles()) {
    EXPECT_NO_THROW(validate(h)) << h.name;
    EXPECT_FALSE(h.sources.empty()) << h.name;
  }
  EXPECT_TRUE(find_hardware_profile("desktop-nvidia-gpu", builtin_hardware_profiles())->backend("cuda")->needs_proprietary);
}

TEST(Duration, Formatting) {
  EXPECT_EQ(format_duration(0), "no time");
  EXPECT_EQ(format_duration(0.01), "1 minute");
  EXPECT_EQ(format_duration(0.1), "6 minutes");
  EXPECT_EQ(format_duration(5), "5.0 hours");
  EXPECT_EQ(format_duration(72), "3.0 days");
  EXPECT_EQ(format_duration(504), "3.0 weeks");
  EXPECT_EQ(format_duration(24 * 365.25 * 2), "2.0 years");
}

}  // namespace
}  // namespace model_provenance
