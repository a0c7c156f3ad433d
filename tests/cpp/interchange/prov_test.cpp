// SPDX-License-Identifier: GPL-3.0-or-later
// PROV-JSON: the round trip on declarations using every field, the
// mapping of documents written by others (tests/data/prov), and located
// errors on bad input.
#include "model-provenance/interchange/prov.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace model_provenance::interchange {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::filesystem::path data(const std::string& name) { return std::filesystem::path(MP_TEST_DATA) / "prov" / name; }

bool dropped_at(const Declarations& d, const std::string& where, const std::string& part = "") {
  return std::any_of(d.dropped.begin(), d.dropped.end(), [&](const Dropped& x) {
    return x.where == where && x.what.find(part) != std::string::npos;
  });
}

// Declarations that use every field the graph models.
Declarations every_field() {
  Declarations d;
  Artifact net;
  net.id = "stockfish/nn-1c0000000000.nnue";
  net.kind = ArtifactKind::weights;
  net.name = "Stockfish big net";
  net.version = "18";
  net.license = "GPL-3.0-or-later";
  net.sha256 = "1c00000000000000000000000000000000000000000000000000000000000000";
  net.uris = {"https://tests.stockfishchess.org/api/nn/nn-1c0000000000.nnue", "https://example.org/mirror"};
  net.format = "nnue";
  net.availability = Availability::public_download;
  net.guix_package = "stockfish";
  net.size_bytes = 18446744073709551615ULL;
  net.notes = "a re-encoding; \"quoted\" and\nmultiline \xc3\xa9";
  net.sources = {{"https://github.com/official-stockfish/Stockfish/blob/abc/src/evaluate.h", "2026-03-21", "sha256"},
                 {"https://example.org/x", "2026-01-01", ""},
                 {"https://example.org/y", "", ""}};
  d.artifacts.push_back(net);

  Artifact data;
  data.id = "lc0-training-data";
  data.kind = ArtifactKind::dataset;
  data.license = "ODbL-1.0";
  data.availability = Availability::registration;
  d.artifacts.push_back(data);

  Artifact trainer;
  trainer.id = "nnue-pytorch";
  trainer.kind = ArtifactKind::software;
  trainer.name = "nnue-pytorch";
  trainer.license = "GPL-3.0-only";
  trainer.backends = {{"cpu", false}, {"cuda", true}, {"rocm", false}};
  trainer.availability = Availability::on_request;
  d.artifacts.push_back(trainer);

  Artifact card;
  card.id = "card";
  card.kind = ArtifactKind::document;
  card.document_kind = DocumentKind::model_card;
  card.describes = {"stockfish/nn-1c0000000000.nnue", "lc0-training-data"};
  card.license = "";  // stated, and empty: not the same as unknown
  card.availability = Availability::unavailable;
  d.artifacts.push_back(card);

  Artifact teacher;
  teacher.id = "teacher";
  teacher.kind = ArtifactKind::weights;
  d.artifacts.push_back(teacher);
  Artifact init = teacher;
  init.id = "init";
  d.artifacts.push_back(init);
  Artifact generator = teacher;
  generator.id = "generator";
  d.artifacts.push_back(generator);
  Artifact other_doc;
  other_doc.id = "paper";
  other_doc.kind = ArtifactKind::document;
  d.artifacts.push_back(other_doc);

  Step train;
  train.id = "train-big-net";
  train.kind = StepKind::train;
  train.inputs = {{"nnue-pytorch", InputRole::software},
                  {"lc0-training-data", InputRole::training_data},
                  {"init", InputRole::initial_weights},
                  {"teacher", InputRole::teacher_weights},
                  {"generator", InputRole::generator_weights},
                  {"paper", InputRole::document}};
  train.outputs = {"stockfish/nn-1c0000000000.nnue"};
  train.compute.flops = 1.2345678901234567e21;
  train.compute.hours = 0.1;
  train.compute.hardware_profile = "desktop-amd-gpu";
  train.compute.peak_memory_bytes = 34359738368ULL;
  train.compute.storage_bytes = 1;
  train.notes = "two stages";
  train.sources = {{"https://example.org/train", "2026-02-02", "compute"}};
  d.steps.push_back(train);

  const StepKind kinds[] = {StepKind::fine_tune, StepKind::distill, StepKind::generate_data,
                            StepKind::convert, StepKind::quantize, StepKind::merge};
  for (const StepKind kind : kinds) {
    Step step;
    step.id = "step-" + std::string(to_string(kind));
    step.kind = kind;
    step.inputs = {{"teacher", InputRole::initial_weights}};
    d.steps.push_back(step);
  }
  Step empty;
  empty.id = "empty";
  d.steps.push_back(empty);
  return d;
}

TEST(Prov, RoundTripEveryField) {
  const Declarations d = every_field();
  const std::string text = write_prov_json(d);
  const Declarations back = read_prov_json(text, "round-trip.json");
  EXPECT_EQ(back.artifacts, d.artifacts);
  EXPECT_EQ(back.steps, d.steps);
  for (const auto& x : back.dropped) ADD_FAILURE() << x.where << ": " << x.what;
  // And once more: the writer is a function of the declarations.
  EXPECT_EQ(write_prov_json(back), text);
}

// The output validates against the PROV-JSON submission's own schema
// (tests/data/schemas, W3C licence), with python3-jsonschema.
TEST(Prov, OutputMatchesTheSchema) {
  if (std::system("python3 -c 'import jsonschema' 2>/dev/null") != 0) GTEST_SKIP() << "python3-jsonschema is missing";
  const std::string test_data = MP_TEST_DATA;
  const auto dir = std::filesystem::temp_directory_path() / ("mp-prov-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"every-field", write_prov_json(every_field(),
                                      {{"stockfish/nn-1c0000000000.nnue", "guix-base-criterion", "blocked", "s", {"r1", "r2"}},
                                       {"elsewhere", "mof", "MOF Class III, Open Model", "", {}}})},
      {"empty", write_prov_json({})}};
  for (const auto& [name, text] : cases) {
    SCOPED_TRACE(name);
    const auto file = dir / (name + ".json");
    std::ofstream(file) << text;
    const std::string command = "python3 -W ignore " + test_data + "/../interchange/validate-document " + test_data +
                                "/schemas/prov-json.schema.json " + file.string();
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
  std::filesystem::remove_all(dir);
}

TEST(Prov, RoundTripOfADocumentInTheSoftwareRole) {
  // Found by fuzz-interchange_prov: only software becomes a SoftwareAgent.
  Declarations d;
  Artifact manual{.id = "manual", .kind = ArtifactKind::document};
  Artifact net{.id = "net", .kind = ArtifactKind::weights};
  d.artifacts = {manual, net};
  d.steps.push_back(Step{.id = "make", .kind = StepKind::train,
                         .inputs = {{"manual", InputRole::software}}, .outputs = {"net"}});
  const Declarations back = read_prov_json(write_prov_json(d), "round-trip.json");
  EXPECT_EQ(back.artifacts, d.artifacts);
  EXPECT_EQ(back.steps, d.steps);
  for (const auto& x : back.dropped) ADD_FAILURE() << x.where << ": " << x.what;
}

TEST(Prov, WriterShape) {
  const Declarations d = every_field();
  const auto doc = nlohmann::json::parse(write_prov_json(d));
  EXPECT_EQ(doc["prefix"]["mp"], "urn:model-provenance:prov#");
  const auto& net = doc["entity"]["a:stockfish/nn-1c0000000000.nnue"];
  EXPECT_EQ(net["prov:type"]["$"], "mp:weights");
  EXPECT_EQ(net["prov:type"]["type"], "prov:QUALIFIED_NAME");
  EXPECT_EQ(net["prov:label"], "Stockfish big net");
  EXPECT_EQ(net["mp:license"], "GPL-3.0-or-later");
  EXPECT_EQ(doc["activity"]["s:train-big-net"]["prov:type"]["$"], "mp:train");
  EXPECT_EQ(doc["agent"]["a:nnue-pytorch"]["prov:type"]["$"], "prov:SoftwareAgent");
  EXPECT_EQ(doc["used"].size(), 12u);
  EXPECT_EQ(doc["wasGeneratedBy"].size(), 1u);
  EXPECT_EQ(doc["wasAssociatedWith"].size(), 1u);
  EXPECT_EQ(doc["wasDerivedFrom"].size(), 6u);  // one output, six inputs
  bool software_role = false;
  for (const auto& [key, used] : doc["used"].items())
    software_role = software_role || (used["prov:entity"] == "a:nnue-pytorch" && used["prov:role"]["$"] == "mp:software");
  EXPECT_TRUE(software_role);
}

TEST(Prov, Judgements) {
  const Declarations d = every_field();
  const std::vector<Judgement> judgements{
      {"stockfish/nn-1c0000000000.nnue", "guix-base-criterion", "blocked", "needs CUDA", {"nnue-pytorch: cuda"}},
      {"stockfish/nn-1c0000000000.nnue", "osaid-1.0", "undetermined", "data terms unknown", {}},
      {"elsewhere", "mof", "MOF Class III, Open Model", "weights only", {"a", "b"}}};
  const std::string text = write_prov_json(d, judgements);
  const auto doc = nlohmann::json::parse(text);
  const auto& net = doc["entity"]["a:stockfish/nn-1c0000000000.nnue"];
  EXPECT_EQ(net["mp:verdict-guix-base-criterion"], "blocked");
  EXPECT_EQ(net["mp:summary-guix-base-criterion"], "needs CUDA");
  EXPECT_EQ(net["mp:reason-guix-base-criterion"][0], "nnue-pytorch: cuda");
  EXPECT_EQ(net["mp:verdict-osaid-1.0"], "undetermined");
  EXPECT_EQ(doc["entity"]["_:judgement1"]["mp:target"], "elsewhere");
  EXPECT_EQ(doc["entity"]["_:judgement1"]["mp:verdict-mof"], "MOF Class III, Open Model");

  // Verdicts are recomputed, not read: the facts round-trip, the verdicts
  // are dropped where they stand.
  const Declarations back = read_prov_json(text, "judged.json");
  EXPECT_EQ(back.artifacts, d.artifacts);
  EXPECT_EQ(back.steps, d.steps);
  EXPECT_TRUE(dropped_at(back, "/entity/a:stockfish~1nn-1c0000000000.nnue/mp:verdict-guix-base-criterion", "verdict"));
  EXPECT_TRUE(dropped_at(back, "/entity/_:judgement1", "no artifact kind"));
}

TEST(Prov, RoundTripEmpty) {
  const Declarations back = read_prov_json(write_prov_json({}), "empty.json");
  EXPECT_TRUE(back.artifacts.empty());
  EXPECT_TRUE(back.steps.empty());
  EXPECT_TRUE(back.dropped.empty());
}

// A document written by hand the way another tool might: its own prefix
// for the project's namespace, plain-string roles, software as an agent
// only, vocabulary of schema.org, and facts the graph has no place for.
TEST(Prov, ForeignDocument) {
  const std::string text = R"({
  "prefix": {"ex": "http://example.org/", "m": "urn:model-provenance:prov#",
             "schema": "https://schema.org/"},
  "entity": {
    "ex:corpus": {"prov:type": {"$": "schema:Dataset", "type": "prov:QUALIFIED_NAME"},
                  "prov:label": "a corpus", "m:license": "CC-BY-4.0"},
    "ex:model": {"m:kind": "weights", "ex:accuracy": 0.9},
    "ex:base": {"prov:type": {"$": "m:weights", "type": "prov:QUALIFIED_NAME"}},
    "ex:mystery": {"prov:label": "what is this?"}
  },
  "activity": {
    "ex:tune": {"prov:type": {"$": "m:fine-tune", "type": "prov:QUALIFIED_NAME"},
                "prov:startTime": "2024-01-01T00:00:00Z", "m:hours": 3, "m:hardware-profile": "desktop-cpu"},
    "ex:meeting": {}
  },
  "agent": {
    "ex:trainer": {"prov:type": {"$": "prov:SoftwareAgent", "type": "prov:QUALIFIED_NAME"},
                   "prov:label": "trainer", "m:license": "MIT"},
    "ex:alice": {"prov:type": {"$": "prov:Person", "type": "prov:QUALIFIED_NAME"}}
  },
  "used": {
    "_:u1": {"prov:activity": "ex:tune", "prov:entity": "ex:corpus", "prov:role": "training-data"},
    "_:u2": {"prov:activity": "ex:tune", "prov:entity": "ex:base",
             "prov:role": {"$": "m:initial-weights", "type": "prov:QUALIFIED_NAME"}},
    "_:u3": {"prov:activity": "ex:tune", "prov:entity": "ex:mystery", "prov:role": "training-data"},
    "_:u4": {"prov:activity": "ex:tune", "prov:entity": "ex:base", "prov:role": "inspiration"}
  },
  "wasGeneratedBy": {"_:g1": {"prov:activity": "ex:tune", "prov:entity": "ex:model"},
                     "_:g2": {"prov:entity": "ex:model"}},
  "wasAssociatedWith": {"_:w1": {"prov:activity": "ex:tune", "prov:agent": "ex:trainer"},
                        "_:w2": {"prov:activity": "ex:tune", "prov:agent": "ex:alice"}},
  "wasDerivedFrom": {"_:d1": {"prov:generatedEntity": "ex:model", "prov:usedEntity": "ex:base",
                              "prov:activity": "ex:tune"},
                     "_:d2": {"prov:generatedEntity": "ex:model", "prov:usedEntity": "ex:corpus"}},
  "wasAttributedTo": {"_:a1": {"prov:entity": "ex:model", "prov:agent": "ex:alice"}}
})";
  const Declarations d = read_prov_json(text, "foreign.json");
  ASSERT_EQ(d.artifacts.size(), 4u);
  EXPECT_EQ(d.artifacts[0].id, "ex:corpus");
  EXPECT_EQ(d.artifacts[0].kind, ArtifactKind::dataset);
  EXPECT_EQ(d.artifacts[0].name, "a corpus");
  EXPECT_EQ(d.artifacts[0].license, "CC-BY-4.0");
  EXPECT_EQ(d.artifacts[1].id, "ex:model");
  EXPECT_EQ(d.artifacts[1].kind, ArtifactKind::weights);
  EXPECT_FALSE(d.artifacts[1].license.has_value());
  EXPECT_EQ(d.artifacts[2].id, "ex:base");
  EXPECT_EQ(d.artifacts[3].id, "ex:trainer");
  EXPECT_EQ(d.artifacts[3].kind, ArtifactKind::software);
  EXPECT_EQ(d.artifacts[3].name, "trainer");
  EXPECT_EQ(d.artifacts[3].license, "MIT");
  ASSERT_EQ(d.steps.size(), 1u);
  const Step& tune = d.steps[0];
  EXPECT_EQ(tune.id, "ex:tune");
  EXPECT_EQ(tune.kind, StepKind::fine_tune);
  EXPECT_EQ(tune.compute.hours, 3.0);
  EXPECT_EQ(tune.compute.hardware_profile, "desktop-cpu");
  const std::vector<StepInput> inputs{{"ex:corpus", InputRole::training_data},
                                      {"ex:base", InputRole::initial_weights},
                                      {"ex:trainer", InputRole::software}};
  EXPECT_EQ(tune.inputs, inputs);
  EXPECT_EQ(tune.outputs, std::vector<std::string>{"ex:model"});

  EXPECT_TRUE(dropped_at(d, "/entity/ex:model/ex:accuracy", "no place"));
  EXPECT_TRUE(dropped_at(d, "/entity/ex:mystery", "no artifact kind"));
  EXPECT_TRUE(dropped_at(d, "/activity/ex:tune/prov:startTime"));
  EXPECT_TRUE(dropped_at(d, "/activity/ex:meeting", "no step kind"));
  EXPECT_TRUE(dropped_at(d, "/agent/ex:alice", "not a prov:SoftwareAgent"));
  EXPECT_TRUE(dropped_at(d, "/used/_:u3", "ex:mystery is no artifact"));
  EXPECT_TRUE(dropped_at(d, "/used/_:u4", "inspiration"));
  EXPECT_TRUE(dropped_at(d, "/wasGeneratedBy/_:g2", "without prov:activity"));
  EXPECT_TRUE(dropped_at(d, "/wasAssociatedWith/_:w2", "no prov:SoftwareAgent"));
  EXPECT_TRUE(dropped_at(d, "/wasDerivedFrom/_:d2", "by no activity"));
  EXPECT_TRUE(dropped_at(d, "/wasAttributedTo/_:a1"));
  EXPECT_FALSE(dropped_at(d, "/wasDerivedFrom/_:d1"));
  EXPECT_EQ(d.dropped.size(), 11u);
}

// Two bundles binding "ex" to different namespaces name two artifacts
// alike: the later gets its URI for id, and the round trip keeps both.
TEST(Prov, BundlesBindingApart) {
  const std::string text = R"({
  "prefix": {"mp": "urn:model-provenance:prov#"},
  "bundle": {
    "_:b1": {"prefix": {"ex": "http://one.example/"},
             "entity": {"ex:e": {"mp:kind": "dataset"}},
             "activity": {"ex:t": {"mp:kind": "train"}},
             "used": {"_:u": {"prov:activity": "ex:t", "prov:entity": "ex:e", "prov:role": "training-data"}}},
    "_:b2": {"prefix": {"ex": "http://two.example/"},
             "entity": {"ex:e": {"mp:kind": "weights"}},
             "wasGeneratedBy": {"_:g": {"prov:activity": "_:nowhere", "prov:entity": "ex:e"}}}
  }
})";
  const Declarations d = read_prov_json(text, "bundles.json");
  ASSERT_EQ(d.artifacts.size(), 2u);
  EXPECT_EQ(d.artifacts[0].id, "ex:e");
  EXPECT_EQ(d.artifacts[0].kind, ArtifactKind::dataset);
  EXPECT_EQ(d.artifacts[1].id, "http://two.example/e");
  EXPECT_EQ(d.artifacts[1].kind, ArtifactKind::weights);
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].inputs, (std::vector<StepInput>{{"ex:e", InputRole::training_data}}));
  EXPECT_TRUE(dropped_at(d, "/bundle/_:b2/wasGeneratedBy/_:g", "_:nowhere is no step"));
  const Declarations back = read_prov_json(write_prov_json(d), "again.json");
  EXPECT_EQ(back.artifacts, d.artifacts);
  EXPECT_EQ(back.steps, d.steps);
  EXPECT_TRUE(back.dropped.empty());
}

// Software that is both an entity and an agent: the entity holds the
// facts, the agent's extra attributes are dropped, the input is one.
TEST(Prov, SoftwareAgentAndEntity) {
  const std::string text = R"({
  "prefix": {"mp": "urn:model-provenance:prov#", "ex": "http://example.org/"},
  "entity": {"ex:tool": {"mp:kind": "software", "prov:label": "the tool"}},
  "agent": {"ex:tool": {"prov:type": {"$": "prov:SoftwareAgent", "type": "prov:QUALIFIED_NAME"}, "prov:label": "tool"}},
  "activity": {"ex:t": {"mp:kind": "convert"}},
  "used": {"_:u": {"prov:activity": "ex:t", "prov:entity": "ex:tool", "prov:role": "software"}},
  "wasAssociatedWith": {"_:w": {"prov:activity": "ex:t", "prov:agent": "ex:tool", "prov:plan": "ex:recipe"}}
})";
  const Declarations d = read_prov_json(text, "tool.json");
  ASSERT_EQ(d.artifacts.size(), 1u);
  EXPECT_EQ(d.artifacts[0].name, "the tool");
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].inputs, (std::vector<StepInput>{{"ex:tool", InputRole::software}}));
  EXPECT_TRUE(dropped_at(d, "/agent/ex:tool/prov:label", "holds the artifact"));
  EXPECT_TRUE(dropped_at(d, "/wasAssociatedWith/_:w/prov:plan"));
  EXPECT_EQ(d.dropped.size(), 2u);
}

TEST(Prov, NumbersMustBeFinite) {
  const std::string prefix = R"({"prefix": {"mp": "urn:model-provenance:prov#", "ex": "http://example.org/"}, )";
  EXPECT_THROW(read_prov_json(prefix + R"("activity": {"ex:t": {"mp:kind": "train", "mp:hours": "nan"}}})", "x"),
               DocumentError);
  EXPECT_THROW(read_prov_json(prefix + R"("activity": {"ex:t": {"mp:kind": "train", "mp:flops": -1}}})", "x"),
               DocumentError);
  const Declarations d = read_prov_json(prefix + R"("activity": {"ex:t": {"mp:kind": "train", "mp:flops": 1e21, "mp:hours": {"$": "2.5", "type": "xsd:double"}}}})", "x");
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].compute.flops, 1e21);
  EXPECT_EQ(d.steps[0].compute.hours, 2.5);
}

// Documents written by the prov package's serializer (tests/data/prov/README.md).
TEST(Prov, RealDocumentsRead) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(MP_TEST_DATA) / "prov")) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    SCOPED_TRACE(entry.path().string());
    const Declarations d = read_prov_json(slurp(entry.path()), entry.path().filename().string());
    // None states our kinds: nothing maps, everything is dropped, located.
    EXPECT_TRUE(d.artifacts.empty());
    EXPECT_TRUE(d.steps.empty());
    EXPECT_FALSE(d.dropped.empty());
    for (const auto& x : d.dropped) {
      EXPECT_TRUE(x.where.starts_with("/")) << x.where;
      EXPECT_FALSE(x.what.empty());
    }
  }
  EXPECT_EQ(files, 9u);
}

TEST(Prov, RealDocumentsConcrete) {
  const Declarations bundles = read_prov_json(slurp(data("bundle4.json")), "bundle4.json");
  EXPECT_EQ(bundles.dropped.size(), 8u);
  EXPECT_TRUE(dropped_at(bundles, "/entity/foo:bundle1", "no artifact kind"));
  EXPECT_TRUE(dropped_at(bundles, "/bundle/ex:bundle1/entity/ex:e1", "no artifact kind"));
  EXPECT_TRUE(dropped_at(bundles, "/bundle/ex:bundle2/activity/ex:aa1", "no step kind"));
  EXPECT_TRUE(dropped_at(bundles, "/bundle/ex:bundle1/used/ex:use1", "ex:a1 used ex:e1"));

  const Declarations scruffy = read_prov_json(slurp(data("scruffy-usage1-M.json")), "scruffy");
  EXPECT_TRUE(dropped_at(scruffy, "/used/ex:use1/0"));
  EXPECT_TRUE(dropped_at(scruffy, "/used/ex:use1/1"));

  const Declarations derivation = read_prov_json(slurp(data("derivation13.json")), "derivation13.json");
  ASSERT_EQ(derivation.dropped.size(), 1u);
  EXPECT_EQ(derivation.dropped[0].where, "/wasDerivedFrom/ex:prim1");
  EXPECT_NE(derivation.dropped[0].what.find("ex:e2 from ex:e1 by ex:a"), std::string::npos);

  const Declarations defaulted = read_prov_json(slurp(data("attr_activity0.json")), "attr_activity0.json");
  ASSERT_EQ(defaulted.dropped.size(), 1u);
  EXPECT_EQ(defaulted.dropped[0].where, "/activity/a0");

  const Declarations usage = read_prov_json(slurp(data("usage7.json")), "usage7.json");
  EXPECT_TRUE(dropped_at(usage, "/used/_:u4", "ex:a1 is no step"));

  const Declarations agent = read_prov_json(slurp(data("agent8.json")), "agent8.json");
  EXPECT_TRUE(dropped_at(agent, "/agent/ex:ag8", "not a prov:SoftwareAgent"));

  const Declarations association = read_prov_json(slurp(data("association8.json")), "association8.json");
  EXPECT_TRUE(dropped_at(association, "/wasAssociatedWith/ex:assoc8", "ex:a1 is no step"));
}

TEST(Prov, RealMalformedDocuments) {
  const std::map<std::string, std::string> where{
      {"bad_bundle_shape.json", "/bundle"},
      {"bad_prefix_map.json", "/prefix"},
      {"bad_record_content.json", "/entity/ex:e1"},
      {"bad_record_shape.json", "/entity"},
      {"bad_typed_literal.json", "/entity/ex:e1/ex:attr"},
      {"empty.json", "1:1"},
      {"not_json.json", "1:3"},
      {"top_level_list.json", "/"},
      {"top_level_scalar.json", "/"},
      {"unknown_record_type.json", "/notarealtype"},
  };
  for (const auto& [file, expected] : where) {
    SCOPED_TRACE(file);
    try {
      read_prov_json(slurp(data("malformed/" + file)), file);
      ADD_FAILURE() << "no error";
    } catch (const DocumentError& e) {
      EXPECT_EQ(e.file(), file);
      EXPECT_EQ(e.where(), expected) << e.what();
    }
  }
}

std::string error_where(const std::string& text) {
  try {
    read_prov_json(text, "bad.json");
  } catch (const DocumentError& e) {
    return e.where();
  }
  return "(no error)";
}

TEST(Prov, BadInput) {
  // Truncated: the writer's output cut anywhere is an error with a line
  // and column, never a crash.
  const std::string whole = write_prov_json(every_field());
  for (std::size_t cut = 0; cut + 1 < whole.size(); cut += 37) {
    const std::string where = error_where(whole.substr(0, cut));
    EXPECT_NE(where.find(':'), std::string::npos) << cut;
  }
  EXPECT_EQ(error_where("{\n  \"entity\": {\n    \"a:x\": }"), "3:12");

  // Wrong types, with the pointer of the value.
  const std::string prefix = R"({"prefix": {"mp": "urn:model-provenance:prov#", "ex": "http://example.org/"}, )";
  EXPECT_EQ(error_where(prefix + R"("activity": {"ex:t": {"prov:type": {"$": "mp:train", "type": "prov:QUALIFIED_NAME"}, "mp:flops": "many"}}})"),
            "/activity/ex:t/mp:flops");
  EXPECT_EQ(error_where(prefix + R"("entity": {"ex:w": {"mp:kind": "weights", "mp:size-bytes": -1}}})"),
            "/entity/ex:w/mp:size-bytes");
  EXPECT_EQ(error_where(prefix + R"("entity": {"ex:w": {"mp:kind": "weights", "mp:availability": "sometimes"}}})"),
            "/entity/ex:w/mp:availability");
  EXPECT_EQ(error_where(prefix + R"("entity": {"ex:w": {"mp:kind": ["weights", null]}}})"), "/entity/ex:w/mp:kind/1");
  EXPECT_EQ(error_where(prefix + R"("entity": {"ex:w": 3}})"), "/entity/ex:w");
  EXPECT_EQ(error_where(prefix + R"("used": {"_:u": {"prov:activity": 3, "prov:entity": "ex:w"}}})"),
            "/used/_:u/prov:activity");
  EXPECT_EQ(error_where(R"({"prefix": {"ex": 1}})"), "/prefix/ex");
  EXPECT_EQ(error_where(R"({"bundle": {"ex:b": []}, "prefix": {"ex": "http://example.org/"}})"), "/bundle/ex:b");

  // Unknown prefixes, wherever a qualified name is.
  EXPECT_EQ(error_where(R"({"entity": {"zz:e": {}}})"), "/entity/zz:e");
  EXPECT_EQ(error_where(prefix + R"("entity": {"ex:e": {"zz:attr": 1}}})"), "/entity/ex:e/zz:attr");
  EXPECT_EQ(error_where(prefix + R"("used": {"_:u": {"prov:activity": "zz:a"}}})"), "/used/_:u/prov:activity");
  EXPECT_EQ(error_where(prefix + R"("entity": {"ex:e": {"prov:type": {"$": "zz:T", "type": "prov:QUALIFIED_NAME"}}}})"),
            "/entity/ex:e/prov:type/$");
  EXPECT_EQ(error_where(R"({"entity": {"e": {}}})"), "/entity/e");
  // A JSON pointer escapes "/" and "~".
  EXPECT_EQ(error_where(prefix + R"("entity": {"ex:a/b~c": {"zz:attr": 1}}})"), "/entity/ex:a~1b~0c/zz:attr");

  // Deep documents: an error at the bracket too deep, not a stack overflow.
  const std::string deep = "{\"entity\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(error_where(deep), "1:75");
  EXPECT_EQ(error_where("[1] [2]"), "1:5");
}

TEST(Prov, LargeDocument) {
  // A chain of 10,000 fine-tunes reads back exactly.
  Declarations d;
  for (int i = 0; i <= 10000; ++i) {
    Artifact a;
    a.id = "model-" + std::to_string(i);
    a.license = i % 2 ? "Apache-2.0" : "MIT";
    d.artifacts.push_back(a);
    if (i == 0) continue;
    Step s;
    s.id = "tune-" + std::to_string(i);
    s.kind = StepKind::fine_tune;
    s.inputs = {{"model-" + std::to_string(i - 1), InputRole::initial_weights}};
    s.outputs = {a.id};
    d.steps.push_back(s);
  }
  const Declarations back = read_prov_json(write_prov_json(d), "large.json");
  EXPECT_EQ(back.artifacts, d.artifacts);
  EXPECT_EQ(back.steps, d.steps);
  EXPECT_TRUE(back.dropped.empty());
}

}  // namespace
}  // namespace model_provenance::interchange
