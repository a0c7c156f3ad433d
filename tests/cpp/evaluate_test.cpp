// SPDX-License-Identifier: GPL-3.0-or-later
// Verdicts on small graphs whose answers are worked out by hand.  The test
// machine has round numbers: a CPU of 1e12 FLOP/s, a free ROCm GPU of 1e13
// and a proprietary CUDA GPU of 2e13, all fully used (utilization 1), so one
// hour is 3.6e15 FLOPs on the CPU, 3.6e16 on ROCm and 7.2e16 on CUDA.
#include "model-provenance/evaluate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

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

TEST(Classification, ModelOpennessFramework) {
  auto classify = [](std::vector<std::string> documents, std::optional<std::string> trainer_license) {
    GraphBuilder builder;
    builder.add(trainer({{"cpu", false}}, trainer_license));
    builder.add(artifact("corpus", ArtifactKind::dataset, "CC-BY-4.0"));
    builder.add(artifact("net", ArtifactKind::weights, "Apache-2.0"));
    Step step = train(3.6e15);
    for (const auto& format : documents) {
      Artifact document = artifact(format, ArtifactKind::document, "CC-BY-4.0");
      document.format = format;
      builder.add(document);
      step.inputs.push_back({format, InputRole::document});
    }
    builder.add(step);
    auto graph = builder.freeze();
    return Evaluator(graph, policy("mof"), test_box()).evaluate(graph->node("net")).classification;
  };
  const std::vector<std::string> all{"model-card", "data-card", "technical-report", "paper"};
  EXPECT_EQ(classify(all, "MIT"), "MOF Class I");
  EXPECT_EQ(classify({"model-card", "data-card", "technical-report"}, "MIT"),
            "MOF Class II (lacking for Class I: research paper)");
  EXPECT_EQ(classify(all, std::nullopt), "MOF Class III (lacking for Class II: open training code)");
  EXPECT_EQ(classify({"model-card"}, "MIT"), "not classified (lacking: data card, technical report)");
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
