// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/graph.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "chess_graph.hpp"

namespace model_provenance {
namespace {

using testing::make_artifact;
using testing::make_step;

Artifact full_artifact() {
  Artifact artifact;
  artifact.id = "nnue-pytorch";
  artifact.kind = ArtifactKind::software;
  artifact.name = "nnue-pytorch";
  artifact.version = "2025-11";
  artifact.license = "GPL-3.0-only";
  artifact.sha256 = "C288C895EA924429EA9092E3F36B2B3C1F00F2A3A4C759FF7E57E79E3B43E4A7";
  artifact.uris = {"https://github.com/official-stockfish/nnue-pytorch"};
  artifact.format = "git";
  artifact.availability = Availability::public_download;
  artifact.guix_package = "python-nnue-pytorch";
  artifact.size_bytes = 1234;
  artifact.notes = "trainer for Stockfish nets";
  artifact.sources = {{"https://example.org/a", "2026-11-30", "license"}};
  artifact.backends = {{"cpu", false}, {"cuda", true}};
  return artifact;
}

TEST(Graph, ArtifactRoundTripsThroughTheSnapshot) {
  GraphBuilder builder;
  builder.add(full_artifact());
  auto snapshot = builder.freeze();
  ASSERT_EQ(snapshot->artifact_count(), 1u);
  Artifact expected = full_artifact();
  expected.sha256 = "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7";
  EXPECT_EQ(snapshot->artifact(snapshot->node("nnue-pytorch")), expected);
  EXPECT_EQ(snapshot->license(0), "GPL-3.0-only");
  EXPECT_EQ(snapshot->availability(0), Availability::public_download);
}

TEST(Graph, UnknownFactsStayUnknown) {
  GraphBuilder builder;
  builder.add(make_artifact("opaque", ArtifactKind::weights));
  auto snapshot = builder.freeze();
  Artifact read = snapshot->artifact(0);
  EXPECT_FALSE(read.license);
  EXPECT_FALSE(read.sha256);
  EXPECT_FALSE(read.guix_package);
  EXPECT_FALSE(read.size_bytes);
  EXPECT_EQ(read.availability, Availability::unknown);
  EXPECT_FALSE(snapshot->license(0));
}

TEST(Graph, StepRoundTripsWithInputOrderAndCompute) {
  GraphBuilder builder;
  testing::add_chess_lineage(builder);
  Step step = make_step("distill-small", StepKind::distill,
                        {{"sf-binpack", InputRole::training_data},
                         {"sf-net", InputRole::teacher_weights},
                         {"nnue-pytorch", InputRole::software}},
                        {"small-net"});
  step.compute.hours = 12.5;
  step.compute.hardware_profile = "desktop-cpu";
  step.compute.peak_memory_bytes = 8u << 30;
  step.notes = "a distilled net";
  step.sources = {{"https://example.org/b", "2026-11-30", "compute"}};
  builder.add(step);
  builder.add(make_artifact("small-net", ArtifactKind::weights));
  auto snapshot = builder.freeze();
  EXPECT_EQ(snapshot->step(snapshot->node("distill-small")), step);
  const NodeId node = snapshot->node("distill-small");
  EXPECT_TRUE(snapshot->is_step(node));
  EXPECT_EQ(snapshot->step_kind(node), StepKind::distill);
  ASSERT_EQ(snapshot->inputs(node).size(), 3u);
  EXPECT_EQ(snapshot->inputs(node)[1].role, InputRole::teacher_weights);
  EXPECT_EQ(snapshot->id(snapshot->outputs(node)[0].artifact), "small-net");
  EXPECT_FALSE(snapshot->compute(node).flops);
}

TEST(Graph, ProducersAndConsumers) {
  auto snapshot = testing::make_chess_lineage();
  auto ids = [&](const std::vector<NodeId>& nodes) {
    std::set<std::string> result;
    for (NodeId node : nodes) result.emplace(snapshot->id(node));
    return result;
  };
  EXPECT_EQ(ids(snapshot->producers(snapshot->node("sf-net"))), std::set<std::string>{"train-sf"});
  EXPECT_EQ(ids(snapshot->consumers(snapshot->node("sf-binpack"))),
            (std::set<std::string>{"train-sf", "finetune-sf"}));
  EXPECT_TRUE(snapshot->producers(snapshot->node("syzygy")).empty());
  EXPECT_THROW(snapshot->producers(snapshot->node("train-sf")), Error);
}

TEST(Graph, AlternativeProducersAreKept) {
  GraphBuilder builder;
  testing::add_chess_lineage(builder);
  builder.add(make_step("retrain-sf", StepKind::train,
                        {{"nnue-pytorch", InputRole::software}, {"syzygy", InputRole::training_data}},
                        {"sf-net"}));
  auto snapshot = builder.freeze();
  EXPECT_EQ(snapshot->producers(snapshot->node("sf-net")).size(), 2u);
}

TEST(Graph, ForwardReferencesResolve) {
  GraphBuilder builder;
  builder.add(make_step("train", StepKind::train, {{"data", InputRole::training_data}}, {"net"}));
  builder.add(make_artifact("net", ArtifactKind::weights));
  builder.add(make_artifact("data", ArtifactKind::dataset));
  auto snapshot = builder.freeze();
  EXPECT_EQ(snapshot->id(snapshot->inputs(snapshot->node("train"))[0].artifact), "data");
}

TEST(Graph, UnknownIdIsAnErrorNamingIt) {
  auto snapshot = testing::make_chess_lineage();
  EXPECT_FALSE(snapshot->find("stockfish"));
  try {
    snapshot->node("stockfish");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.problem().code, ProblemCode::unknown_id);
    EXPECT_EQ(error.problem().ids, std::vector<std::string>{"stockfish"});
    EXPECT_STREQ(error.what(), "no artifact or step has id 'stockfish' (field 'id')");
  }
}

// Runs `add` and returns the problem it must reject with.
template <typename Add>
Problem rejection(Add&& add) {
  GraphBuilder builder;
  builder.add(make_artifact("data", ArtifactKind::dataset));
  try {
    add(builder);
  } catch (const Error& error) {
    return error.problem();
  }
  ADD_FAILURE() << "the addition was accepted";
  return {};
}

TEST(GraphValidation, DuplicateIds) {
  auto same_kind = rejection([](GraphBuilder& b) { b.add(make_artifact("data", ArtifactKind::weights)); });
  EXPECT_EQ(same_kind.code, ProblemCode::duplicate_id);
  EXPECT_EQ(same_kind.ids, std::vector<std::string>{"data"});
  EXPECT_EQ(same_kind.message, "id 'data' is already used by an artifact");
  auto step_then_artifact = rejection([](GraphBuilder& b) {
    b.add(make_step("train", StepKind::train, {{"data", InputRole::training_data}}, {"net"}));
    b.add(make_artifact("train", ArtifactKind::weights));
  });
  EXPECT_EQ(step_then_artifact.code, ProblemCode::duplicate_id);
  EXPECT_EQ(step_then_artifact.message, "id 'train' is already used by a step");
  auto artifact_then_step = rejection([](GraphBuilder& b) {
    b.add(make_step("data", StepKind::train, {}, {"net"}));
  });
  EXPECT_EQ(artifact_then_step.code, ProblemCode::duplicate_id);
}

TEST(GraphValidation, EmptyIds) {
  EXPECT_EQ(rejection([](GraphBuilder& b) { b.add(make_artifact("", ArtifactKind::weights)); }).field, "id");
  EXPECT_EQ(rejection([](GraphBuilder& b) { b.add(make_step("", StepKind::train, {}, {"x"})); }).field, "id");
  auto empty_input = rejection([](GraphBuilder& b) {
    b.add(make_step("t", StepKind::train, {{"", InputRole::training_data}}, {"x"}));
  });
  EXPECT_EQ(empty_input.field, "inputs");
  auto empty_output = rejection([](GraphBuilder& b) { b.add(make_step("t", StepKind::train, {}, {""})); });
  EXPECT_EQ(empty_output.field, "outputs");
}

TEST(GraphValidation, StepsMustProduceSomething) {
  auto problem = rejection([](GraphBuilder& b) {
    b.add(make_step("train", StepKind::train, {{"data", InputRole::training_data}}, {}));
  });
  EXPECT_EQ(problem.code, ProblemCode::invalid_value);
  EXPECT_EQ(problem.field, "outputs");
  EXPECT_EQ(problem.message, "step 'train' produces nothing");
}

TEST(GraphValidation, StepConsumingItsOwnOutput) {
  auto problem = rejection([](GraphBuilder& b) {
    b.add(make_step("loop", StepKind::fine_tune, {{"net", InputRole::initial_weights}}, {"net"}));
  });
  EXPECT_EQ(problem.code, ProblemCode::self_consumption);
  EXPECT_EQ(problem.ids, (std::vector<std::string>{"loop", "net"}));
  EXPECT_EQ(problem.field, "inputs");
}

TEST(GraphValidation, OutputListedTwice) {
  auto problem = rejection([](GraphBuilder& b) { b.add(make_step("t", StepKind::train, {}, {"a", "a"})); });
  EXPECT_EQ(problem.code, ProblemCode::invalid_value);
  EXPECT_EQ(problem.message, "step 't' lists output 'a' twice");
}

TEST(GraphValidation, ComputeFigures) {
  auto with_compute = [](Compute compute) {
    return rejection([compute](GraphBuilder& b) {
      Step step = make_step("t", StepKind::train, {}, {"x"});
      step.compute = compute;
      b.add(step);
    });
  };
  EXPECT_EQ(with_compute({.flops = -1.0}).field, "compute.flops");
  EXPECT_EQ(with_compute({.flops = std::numeric_limits<double>::infinity()}).field, "compute.flops");
  EXPECT_EQ(with_compute({.hours = std::nan(""), .hardware_profile = "desktop-cpu"}).field,
            "compute.hours");
  auto no_profile = with_compute({.hours = 3.0});
  EXPECT_EQ(no_profile.field, "compute.hardware-profile");
  EXPECT_EQ(no_profile.ids, std::vector<std::string>{"t"});
}

TEST(GraphValidation, ArtifactFields) {
  auto bad_hash = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("net", ArtifactKind::weights);
    a.sha256 = "c288c895ea92";
    b.add(a);
  });
  EXPECT_EQ(bad_hash.field, "sha256");
  EXPECT_EQ(bad_hash.message, "artifact 'net': sha256 must be 64 hexadecimal digits, got 'c288c895ea92'");
  auto empty_license = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("net", ArtifactKind::weights);
    a.license = "";
    b.add(a);
  });
  EXPECT_EQ(empty_license.field, "license");
  auto backend_on_data = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("games", ArtifactKind::dataset);
    a.backends = {{"cuda", true}};
    b.add(a);
  });
  EXPECT_EQ(backend_on_data.field, "backends");
  EXPECT_EQ(backend_on_data.message, "artifact 'games' is a dataset; only software runs on compute backends");
  auto nameless_backend = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("trainer", ArtifactKind::software);
    a.backends = {{"", false}};
    b.add(a);
  });
  EXPECT_EQ(nameless_backend.field, "backends");
  auto empty_uri = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("net", ArtifactKind::weights);
    a.uris = {""};
    b.add(a);
  });
  EXPECT_EQ(empty_uri.field, "uris");
  auto sourceless = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("net", ArtifactKind::weights);
    a.sources = {{"", "2026-11-30", "license"}};
    b.add(a);
  });
  EXPECT_EQ(sourceless.field, "sources");
}

std::vector<Problem> freeze_problems(GraphBuilder& builder) {
  try {
    builder.freeze();
  } catch (const ValidationError& error) {
    return error.problems();
  }
  ADD_FAILURE() << "freeze() accepted the graph";
  return {};
}

TEST(GraphValidation, UnknownReferencesAreAllReported) {
  GraphBuilder builder;
  builder.add(make_artifact("net", ArtifactKind::weights));
  builder.add(make_step("train", StepKind::train,
                        {{"trainer", InputRole::software}, {"games", InputRole::training_data}},
                        {"net", "log"}));
  auto problems = freeze_problems(builder);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].code, ProblemCode::unknown_reference);
  EXPECT_EQ(problems[0].ids, (std::vector<std::string>{"train", "trainer"}));
  EXPECT_EQ(problems[0].field, "inputs");
  EXPECT_EQ(problems[0].message, "step 'train' names unknown artifact 'trainer'");
  EXPECT_EQ(problems[1].ids, (std::vector<std::string>{"train", "games"}));
  EXPECT_EQ(problems[2].ids, (std::vector<std::string>{"train", "log"}));
  EXPECT_EQ(problems[2].field, "outputs");
}

// A document is not derived from nor needed by what it describes: the
// relation is kept apart from derivations, in both directions.
TEST(Graph, DocumentsDescribeArtifacts) {
  GraphBuilder builder;
  Artifact card = make_artifact("card", ArtifactKind::document);
  card.document_kind = DocumentKind::model_card;
  card.describes = {"net", "net-q8"};  // the second is added later
  builder.add(make_artifact("net", ArtifactKind::weights));
  builder.add(card);
  Artifact paper = make_artifact("paper", ArtifactKind::document);
  paper.document_kind = DocumentKind::research_paper;
  paper.describes = {"net"};
  builder.add(paper);
  builder.add(make_artifact("net-q8", ArtifactKind::weights));
  builder.add(make_step("quantize", StepKind::quantize, {{"net", InputRole::initial_weights}}, {"net-q8"}));
  auto g = builder.freeze();
  const NodeId net = g->node("net"), q8 = g->node("net-q8"), c = g->node("card"), p = g->node("paper");
  EXPECT_EQ(g->documents_of(net), (std::vector<NodeId>{c, p}));
  EXPECT_EQ(g->documents_of(q8), (std::vector<NodeId>{c}));
  EXPECT_EQ(g->described(c), (std::vector<NodeId>{net, q8}));
  EXPECT_TRUE(g->documents_of(c).empty());
  EXPECT_EQ(g->document_kind(c), DocumentKind::model_card);
  EXPECT_EQ(g->document_kind(net), DocumentKind::other);
  // The full copy gives both back as added.
  const Artifact read = g->artifact(c);
  EXPECT_EQ(read.document_kind, DocumentKind::model_card);
  EXPECT_EQ(read.describes, (std::vector<std::string>{"net", "net-q8"}));
  // No derivation edge: the card is in nobody's lineage.
  EXPECT_TRUE(g->consumers(c).empty());
  EXPECT_EQ(in_degree(c, g->graph()) + out_degree(c, g->graph()), 0u);
  EXPECT_THROW(g->documents_of(g->node("quantize")), Error);
}

TEST(GraphValidation, DocumentFields) {
  auto kind_on_weights = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("net", ArtifactKind::weights);
    a.document_kind = DocumentKind::model_card;
    b.add(a);
  });
  EXPECT_EQ(kind_on_weights.field, "document-kind");
  EXPECT_EQ(kind_on_weights.message, "artifact 'net' is weights; only documents have a document kind (model-card)");
  auto describing_data = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("games", ArtifactKind::dataset);
    a.describes = {"net"};
    b.add(a);
  });
  EXPECT_EQ(describing_data.field, "describes");
  auto itself = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("card", ArtifactKind::document);
    a.describes = {"card"};
    b.add(a);
  });
  EXPECT_EQ(itself.message, "document 'card' describes itself");
  auto twice = rejection([](GraphBuilder& b) {
    Artifact a = make_artifact("card", ArtifactKind::document);
    a.describes = {"net", "net"};
    b.add(a);
  });
  EXPECT_EQ(twice.message, "document 'card' lists 'net' twice in describes");

  GraphBuilder builder;
  Artifact card = make_artifact("card", ArtifactKind::document);
  card.describes = {"nothing", "train"};
  builder.add(card);
  builder.add(make_artifact("net", ArtifactKind::weights));
  builder.add(make_step("train", StepKind::train, {}, {"net"}));
  auto problems = freeze_problems(builder);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].code, ProblemCode::unknown_reference);
  EXPECT_EQ(problems[0].message, "document 'card' describes unknown artifact 'nothing'");
  EXPECT_EQ(problems[0].field, "describes");
  EXPECT_EQ(problems[1].message, "document 'card' describes 'train', which is a step, not an artifact");
}

TEST(GraphValidation, ReferenceToAStep) {
  GraphBuilder builder;
  builder.add(make_artifact("data", ArtifactKind::dataset));
  builder.add(make_step("prepare", StepKind::generate_data, {}, {"data"}));
  builder.add(make_step("train", StepKind::train, {{"prepare", InputRole::training_data}}, {"net"}));
  builder.add(make_artifact("net", ArtifactKind::weights));
  auto problems = freeze_problems(builder);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "step 'train' names 'prepare', which is a step, not an artifact");
}

TEST(GraphValidation, RoleMustFitTheArtifactKind) {
  GraphBuilder builder;
  builder.add(make_artifact("data", ArtifactKind::dataset));
  builder.add(make_artifact("net", ArtifactKind::weights));
  builder.add(make_step("train", StepKind::train, {{"data", InputRole::software}}, {"net"}));
  auto problems = freeze_problems(builder);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, ProblemCode::invalid_value);
  EXPECT_EQ(problems[0].message,
            "step 'train' uses 'data' (a dataset) as software; software expects software");
}

TEST(GraphValidation, CyclesAreReportedWithTheirIds) {
  GraphBuilder builder;
  builder.add(make_artifact("lc0-engine", ArtifactKind::software));
  builder.add(make_artifact("net", ArtifactKind::weights));
  builder.add(make_artifact("games", ArtifactKind::dataset));
  builder.add(make_step("selfplay", StepKind::generate_data,
                        {{"lc0-engine", InputRole::software}, {"net", InputRole::generator_weights}},
                        {"games"}));
  builder.add(make_step("train", StepKind::train, {{"games", InputRole::training_data}}, {"net"}));
  auto problems = freeze_problems(builder);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, ProblemCode::cycle);
  EXPECT_EQ(problems[0].ids, (std::vector<std::string>{"net", "selfplay", "games", "train"}));
  EXPECT_EQ(problems[0].message, "derivations form a cycle: net -> selfplay -> games -> train -> net");
}

TEST(GraphValidation, CyclesMayBeAllowed) {
  GraphBuilder builder({.allow_cycles = true});
  builder.add(make_artifact("net", ArtifactKind::weights));
  builder.add(make_artifact("games", ArtifactKind::dataset));
  builder.add(make_step("selfplay", StepKind::generate_data, {{"net", InputRole::generator_weights}},
                        {"games"}));
  builder.add(make_step("train", StepKind::train, {{"games", InputRole::training_data}}, {"net"}));
  auto snapshot = builder.freeze();
  EXPECT_FALSE(snapshot->acyclic());
}

TEST(GraphValidation, ManyProblemsAreSummarized) {
  GraphBuilder builder;
  for (int i = 0; i < 25; ++i)
    builder.add(make_step("s" + std::to_string(i), StepKind::train, {}, {"missing" + std::to_string(i)}));
  try {
    builder.freeze();
    FAIL();
  } catch (const ValidationError& error) {
    EXPECT_EQ(error.problems().size(), 25u);
    EXPECT_NE(std::string(error.what()).find("25 problems in the provenance graph"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("... and 5 more"), std::string::npos);
  }
}

TEST(Graph, BuilderIsEmptyAfterFreezeEvenOnFailure) {
  GraphBuilder builder;
  builder.add(make_step("s", StepKind::train, {}, {"missing"}));
  EXPECT_THROW(builder.freeze(), ValidationError);
  EXPECT_EQ(builder.step_count(), 0u);
  builder.add(make_artifact("s", ArtifactKind::weights));  // the id is free again
  auto snapshot = builder.freeze();
  EXPECT_EQ(snapshot->node_count(), 1u);
  EXPECT_EQ(builder.artifact_count(), 0u);
}

TEST(Graph, NodeKindChecks) {
  auto snapshot = testing::make_chess_lineage();
  EXPECT_THROW(snapshot->step(snapshot->node("sf-net")), Error);
  EXPECT_THROW(snapshot->artifact(snapshot->node("train-sf")), Error);
  EXPECT_THROW(snapshot->inputs(static_cast<NodeId>(snapshot->node_count())), Error);
  EXPECT_GT(snapshot->memory_bytes(), 0u);
}

// Regression: a step naming itself as its output was indexed before
// its record existed, and looking the name up read past the end.
TEST(GraphBuilder, StepNamingItselfIsAProblemNotACrash) {
  for (bool first : {true, false}) {
    GraphBuilder builder;
    if (!first) {
      builder.add(Artifact{.id = "data", .kind = ArtifactKind::dataset});
      builder.add(Step{.id = "other", .kind = StepKind::train,
                           .inputs = {{"data", InputRole::training_data}}, .outputs = {"net"}});
      builder.add(Artifact{.id = "net", .kind = ArtifactKind::weights});
    }
    builder.add(Step{.id = "s", .kind = StepKind::train, .outputs = {"s"}});
    try {
      builder.freeze();
      FAIL() << "froze a step that names itself";
    } catch (const ValidationError& e) {
      ASSERT_EQ(e.problems().size(), 1u);
      EXPECT_EQ(e.problems()[0].message, "step 's' names 's', which is a step, not an artifact");
    }
  }
}

}  // namespace
}  // namespace model_provenance
