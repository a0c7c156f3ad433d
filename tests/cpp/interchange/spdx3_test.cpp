// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX 3.0.1 JSON-LD: the real documents of tests/data/spdx3, bad input,
// and read(write(d)) == d.
#include "model-provenance/interchange/spdx3.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace mp = model_provenance;
namespace mi = model_provenance::interchange;

namespace {

using mi::testing::make_artifact;
using mi::testing::make_step;
using mi::testing::slurp;

mi::Declarations fixture(const std::string& name) {
  const std::string path = std::string(MP_TEST_DATA) + "/spdx3/" + name;
  return mi::read_spdx3(slurp(path), path);
}

const mp::Artifact& by_name(const mi::Declarations& d, const std::string& name) {
  auto it = std::find_if(d.artifacts.begin(), d.artifacts.end(), [&](const auto& a) { return a.name == name; });
  if (it == d.artifacts.end()) throw std::runtime_error("no artifact named " + name);
  return *it;
}

const mp::Step* making(const mi::Declarations& d, const std::string& id) {
  for (const auto& step : d.steps) {
    if (std::find(step.outputs.begin(), step.outputs.end(), id) != step.outputs.end()) return &step;
  }
  return nullptr;
}

bool has_input(const mp::Step& step, const std::string& id, mp::InputRole role) {
  return std::find(step.inputs.begin(), step.inputs.end(), mp::StepInput{id, role}) != step.inputs.end();
}

std::string error_at(const std::string& text) {
  try {
    mi::read_spdx3(text, "bad.json");
  } catch (const mi::DocumentError& error) {
    EXPECT_EQ(error.file(), "bad.json");
    return error.where();
  }
  return "no error";
}

const char* const fixtures[] = {"dataset-example01.spdx3.json", "sentiment-demo.spdx3.json",
                                "simplehtr-example.spdx3.json"};

}  // namespace

TEST(Spdx3, DatasetExample) {
  const auto d = fixture("dataset-example01.spdx3.json");
  const auto& owid = by_name(d, "Our World in Data CO2 and Greenhouse Gas Emissions dataset");
  EXPECT_EQ(owid.kind, mp::ArtifactKind::dataset);
  EXPECT_EQ(owid.version, "2024-04-15");
  EXPECT_EQ(owid.license, "CC-BY-4.0");
  EXPECT_EQ(owid.sha256, "434d75c84cf86456c16193dbc53beef31eb63f3387425882ddb2ef6acb9d472c");
  EXPECT_EQ(owid.uris, std::vector<std::string>{"https://github.com/owid/co2-data/"});
  EXPECT_EQ(owid.availability, mp::Availability::public_download);
  EXPECT_EQ(owid.size_bytes, 2689u);
  // Not unique enough as an id: a slug of the spdxId, kept in the notes.
  EXPECT_EQ(owid.id, "spdx-org-spdxdocs-datasetpackage1-035470d9-3ede-4952-91c8-c2abb943c90b");
  EXPECT_NE(owid.notes.find("DatasetPackage1-035470d9"), std::string::npos);
  EXPECT_EQ(by_name(d, "data.csv").kind, mp::ArtifactKind::dataset);
  EXPECT_EQ(by_name(d, "data.csv").id, "data.csv");
  EXPECT_EQ(by_name(d, "data.csv").license, std::nullopt);  // unknown, not guessed
  EXPECT_TRUE(d.steps.empty());
  // contains and describes are no derivations; the sha1 has no field.
  auto dropped = [&](const std::string& text) {
    return std::any_of(d.dropped.begin(), d.dropped.end(), [&](const auto& x) { return x.what.find(text) != std::string::npos; });
  };
  EXPECT_TRUE(dropped("contains"));
  EXPECT_TRUE(dropped("describes"));
  EXPECT_TRUE(dropped("sha1"));
}

TEST(Spdx3, SentimentDemo) {
  const auto d = fixture("sentiment-demo.spdx3.json");
  const auto& model = by_name(d, "Sentiment Demo: A Simple AI Application and its AI BOM Example");
  EXPECT_EQ(model.kind, mp::ArtifactKind::weights);
  EXPECT_EQ(model.license, "CC0-1.0");
  EXPECT_EQ(model.uris, std::vector<std::string>{"https://github.com/bact/sentimentdemo"});
  const auto& data = by_name(d, "Data after preprocessing");
  EXPECT_EQ(data.kind, mp::ArtifactKind::dataset);
  EXPECT_EQ(data.size_bytes, 117553u);
  EXPECT_EQ(data.license, "CC0-1.0");
  // model.bin trainedOn train.txt, valid.txt; train.py generates model.bin.
  const auto& bin = by_name(d, "model.bin");
  EXPECT_EQ(bin.kind, mp::ArtifactKind::weights);
  const mp::Step* train = making(d, bin.id);
  ASSERT_NE(train, nullptr);
  EXPECT_EQ(train->kind, mp::StepKind::train);
  EXPECT_TRUE(has_input(*train, "train.txt", mp::InputRole::training_data));
  EXPECT_TRUE(has_input(*train, "valid.txt", mp::InputRole::training_data));
  EXPECT_TRUE(has_input(*train, "train.py", mp::InputRole::software));
  EXPECT_FALSE(has_input(*train, "test.txt", mp::InputRole::training_data));  // testedOn
  // preprocess.py generates the three splits.
  const mp::Step* split = making(d, "test.txt");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ(split->kind, mp::StepKind::generate_data);
  EXPECT_TRUE(has_input(*split, "preprocess.py", mp::InputRole::software));
  EXPECT_TRUE(std::any_of(d.dropped.begin(), d.dropped.end(), [](const auto& x) {
    return x.what.find("testedOn") != std::string::npos && x.where.rfind("/@graph/", 0) == 0;
  }));
}

TEST(Spdx3, SimpleHtr) {
  const auto d = fixture("simplehtr-example.spdx3.json");
  const auto& word = by_name(d, "word-model");
  // Two elements are named word-model (a package and an AI package).
  const auto* ai = &word;
  for (const auto& a : d.artifacts) {
    if (a.name == "word-model" && a.license) ai = &a;
  }
  EXPECT_EQ(ai->kind, mp::ArtifactKind::weights);
  EXPECT_EQ(ai->license, "MIT");
  EXPECT_EQ(ai->version, "0.0");
  const auto& iam = by_name(d, "IAMdataset");
  EXPECT_EQ(iam.id, "IAMdataset");
  EXPECT_EQ(iam.kind, mp::ArtifactKind::dataset);
  EXPECT_EQ(iam.availability, mp::Availability::registration);
  EXPECT_EQ(iam.size_bytes, 4620000000u);
  ASSERT_TRUE(iam.license);
  EXPECT_EQ(iam.license->rfind("LicenseRef-", 0), 0u);
  const mp::Step* train = making(d, ai->id);
  ASSERT_NE(train, nullptr);
  EXPECT_EQ(train->kind, mp::StepKind::train);
  EXPECT_TRUE(has_input(*train, "IAMdataset", mp::InputRole::training_data));
  EXPECT_EQ(by_name(d, "numpy").license, "BSD-2-Clause-FreeBSD");
  EXPECT_EQ(by_name(d, "numpy").version, "1.19.5");
  EXPECT_EQ(by_name(d, "numpy").kind, mp::ArtifactKind::software);
  // Software depending on software is no derivation.
  EXPECT_TRUE(std::any_of(d.dropped.begin(), d.dropped.end(),
                          [](const auto& x) { return x.what.find("dependsOn https://pypi.org/project/numpy") != std::string::npos; }));
}

TEST(Spdx3, FixturesRoundTrip) {
  for (const char* name : fixtures) {
    SCOPED_TRACE(name);
    const auto d = fixture(name);
    const auto again = mi::read_spdx3(mi::write_spdx3(d), "written.json");
    EXPECT_EQ(again.artifacts, d.artifacts);
    EXPECT_EQ(again.steps, d.steps);
  }
}

TEST(Spdx3, EveryFieldRoundTrips) {
  mi::Declarations d;
  mp::Artifact net = make_artifact("net", mp::ArtifactKind::weights, "A net", "2");
  net.license = "GPL-3.0-or-later";
  net.sha256 = std::string(64, 'a');
  net.uris = {"https://example.org/net", "https://mirror.example.org/net"};
  net.format = "nnue";
  net.availability = mp::Availability::public_download;
  net.guix_package = "stockfish";
  net.size_bytes = 1234;
  net.notes = "a note";
  net.sources = {{"https://example.org/page", "2026-11-30", "license"}};
  mp::Artifact base = make_artifact("base", mp::ArtifactKind::weights);
  base.license = "NONE";
  mp::Artifact data = make_artifact("data", mp::ArtifactKind::dataset, "Games");
  data.availability = mp::Availability::on_request;
  data.size_bytes = 99;
  mp::Artifact tool = make_artifact("trainer", mp::ArtifactKind::software, "trainer");
  tool.backends = {{"rocm", false}, {"cuda", true}};
  mp::Artifact card = make_artifact("card", mp::ArtifactKind::document, "Card");
  card.document_kind = mp::DocumentKind::model_card;
  card.describes = {"net"};
  d.artifacts = {net, base, data, tool, card};
  mp::Step step = make_step("tune", mp::StepKind::fine_tune);
  step.inputs = {{"base", mp::InputRole::initial_weights}, {"data", mp::InputRole::training_data},
                 {"trainer", mp::InputRole::software}, {"teacher-elsewhere", mp::InputRole::teacher_weights}};
  step.outputs = {"net"};
  step.compute.flops = 1e18;
  step.compute.hours = 2.5;
  step.compute.hardware_profile = "desktop-amd-gpu";
  step.compute.peak_memory_bytes = 1u << 30;
  step.compute.storage_bytes = 5;
  step.notes = "notes";
  step.sources = {{"https://example.org/run", "2026-11-30", ""}};
  d.steps = {step, make_step("empty", mp::StepKind::convert)};
  const std::string text = mi::write_spdx3(d, {{"net", "guix-base-criterion", "blocked", "needs CUDA", {"trainer needs cuda"}}});
  EXPECT_NE(text.find("\"annotationType\": \"review\""), std::string::npos);
  EXPECT_NE(text.find("guix-base-criterion: blocked -- needs CUDA"), std::string::npos);
  EXPECT_NE(text.find("\"relationshipType\": \"trainedOn\""), std::string::npos);
  const auto again = mi::read_spdx3(text, "written.json");
  EXPECT_EQ(again.artifacts, d.artifacts);
  EXPECT_EQ(again.steps, d.steps);
}

TEST(Spdx3, LocatedErrors) {
  EXPECT_EQ(error_at("{\"@graph\": [\n  {\"type\": \"Person\""), "2:20");
  EXPECT_EQ(error_at(""), "1:1");
  EXPECT_EQ(error_at("[]"), "/");
  EXPECT_EQ(error_at("{\"@graph\": 3}"), "/@graph");
  EXPECT_EQ(error_at("{\"@graph\": [{\"spdxId\": \"x\"}]}"), "/@graph/0");
  EXPECT_EQ(error_at("{\"@graph\": [{\"type\": \"ai_AIPackage\", \"name\": 7}]}"), "/@graph/0/name");
  EXPECT_EQ(error_at("{\"@graph\": [{\"type\": \"dataset_DatasetPackage\", \"dataset_datasetSize\": 123456789012345678901234567890}]}"),
            "/@graph/0/dataset_datasetSize");
  EXPECT_EQ(error_at("{\"@graph\": [{\"type\": \"dataset_DatasetPackage\", \"dataset_datasetSize\": -1}]}"),
            "/@graph/0/dataset_datasetSize");
  EXPECT_EQ(error_at("{\"@graph\": [{\"type\": \"x\", \"a\": 1e999}]}"), "1:36");
  EXPECT_EQ(error_at("{\"@graph\": [{\"type\": \"Relationship\", \"from\": \"a\", \"relationshipType\": \"trainedOn\", \"to\": [1]}]}"),
            "/@graph/0/to/0");
  EXPECT_EQ(error_at("{\"@graph\": [{\"type\": \"a~b/c\", \"spdxId\": \"x\"}, {\"type\": \"Annotation\", \"subject\": \"x\", "
                     "\"contentType\": \"application/vnd.model-provenance+json\", \"statement\": \"{\"}]}"),
            "/@graph/1/statement");
  std::string deep(100000, '[');
  EXPECT_EQ(error_at(deep), "1:201");
}

// SPDX 3.0.1's JSON schema could not be vendored (see
// tests/data/schemas/README): these are the model's minimum counts that
// every element written has, and every reference resolves in the
// document or its imports.
TEST(Spdx3, OutputHasWhatSpdxRequires) {
  mi::Declarations d = fixture("simplehtr-example.spdx3.json");
  d.steps.push_back(make_step("distill", mp::StepKind::distill, {{"teacher", mp::InputRole::teacher_weights}}, {"student"}));
  const auto document = nlohmann::json::parse(mi::write_spdx3(d, {{"student", "mof", "Class III", "", {}}}));
  EXPECT_EQ(document["@context"], "https://spdx.org/rdf/3.0.1/spdx-context.jsonld");
  std::set<std::string> known;
  for (const auto& element : document["@graph"]) {
    if (element.contains("spdxId")) {
      EXPECT_TRUE(known.insert(element["spdxId"].get<std::string>()).second);
    }
    if (element["type"] == "SpdxDocument" && element.contains("import")) {
      for (const auto& map : element["import"]) known.insert(map["externalSpdxId"].get<std::string>());
    }
  }
  auto resolves = [&](const nlohmann::json& iri) { return known.count(iri.get<std::string>()) != 0; };
  std::size_t relationships = 0;
  for (const auto& element : document["@graph"]) {
    SCOPED_TRACE(element.dump());
    ASSERT_TRUE(element.contains("type"));
    const std::string type = element["type"];
    if (type == "CreationInfo") {
      EXPECT_EQ(element["@id"], "_:creationinfo");
      EXPECT_EQ(element["specVersion"], "3.0.1");
      EXPECT_TRUE(element["created"].is_string());
      ASSERT_FALSE(element["createdBy"].empty());
      for (const auto& agent : element["createdBy"]) {
        EXPECT_TRUE(resolves(agent));
      }
      continue;
    }
    EXPECT_TRUE(element["spdxId"].is_string());
    EXPECT_EQ(element["creationInfo"], "_:creationinfo");
    if (type == "Relationship") {
      ++relationships;
      EXPECT_TRUE(resolves(element["from"]));
      ASSERT_FALSE(element["to"].empty());
      for (const auto& to : element["to"]) {
        EXPECT_TRUE(resolves(to));
      }
      EXPECT_TRUE(element["relationshipType"].is_string());
    } else if (type == "Annotation") {
      EXPECT_TRUE(resolves(element["subject"]));
      EXPECT_TRUE(element["annotationType"] == "other" || element["annotationType"] == "review");
      EXPECT_TRUE(element["statement"].is_string());
    } else if (type == "dataset_DatasetPackage") {
      EXPECT_FALSE(element["dataset_datasetType"].empty());
      EXPECT_TRUE(element["name"].is_string());
    } else if (type == "ai_AIPackage" || type == "software_Package") {
      EXPECT_TRUE(element["name"].is_string());
    } else if (type == "build_Build") {
      EXPECT_TRUE(element["build_buildType"].is_string());
    } else if (type == "SpdxDocument") {
      for (const auto& root : element["rootElement"]) {
        EXPECT_TRUE(resolves(root));
      }
    }
  }
  EXPECT_GT(relationships, 10u);
}
