// SPDX-License-Identifier: GPL-3.0-or-later
// CycloneDX ML-BOMs: the real documents of tests/data/cyclonedx, bad
// input, read(write(d)) == d, and the output against the published schema.
#include "model-provenance/interchange/cyclonedx.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace mp = model_provenance;
namespace mi = model_provenance::interchange;

namespace {

using mi::testing::make_artifact;
using mi::testing::make_step;
using mi::testing::slurp;

mi::Declarations fixture(const std::string& name) {
  const std::string path = std::string(MP_TEST_DATA) + "/cyclonedx/" + name;
  return mi::read_cyclonedx(slurp(path), path);
}

const mp::Artifact* find(const mi::Declarations& d, const std::string& id) {
  for (const auto& a : d.artifacts) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

bool dropped(const mi::Declarations& d, const std::string& text, const std::string& where = "") {
  return std::any_of(d.dropped.begin(), d.dropped.end(), [&](const auto& x) {
    return x.what.find(text) != std::string::npos && x.where.rfind(where, 0) == 0;
  });
}

std::string error_at(const std::string& text) {
  try {
    mi::read_cyclonedx(text, "bad.json");
  } catch (const mi::DocumentError& error) {
    EXPECT_EQ(error.file(), "bad.json");
    return error.where();
  }
  return "no error";
}

const char* const fixtures[] = {"valid-machine-learning-1.5.json", "valid-machine-learning-1.6.json",
                                "valid-machine-learning-considerations-env-1.6.json",
                                "valid-machine-learning-1.7.json"};

mi::Declarations rich() {
  mi::Declarations d;
  mp::Artifact net = make_artifact("net", mp::ArtifactKind::weights, "A net", "2");
  net.license = "GPL-3.0-or-later";
  net.sha256 = std::string(64, 'b');
  net.uris = {"https://example.org/net", "https://mirror.example.org/net"};
  net.format = "gguf";
  net.availability = mp::Availability::registration;
  net.guix_package = "llama";
  net.size_bytes = 77;
  net.notes = "a note";
  net.sources = {{"https://example.org/page", "2026-11-30", "license"}};
  mp::Artifact a = make_artifact("a", mp::ArtifactKind::weights, "A");
  a.license = "Apache-2.0";
  mp::Artifact b = make_artifact("b", mp::ArtifactKind::weights, "B");
  mp::Artifact data = make_artifact("data", mp::ArtifactKind::dataset, "Data");
  data.availability = mp::Availability::unavailable;
  mp::Artifact tool = make_artifact("merger", mp::ArtifactKind::software, "merger");
  tool.backends = {{"cpu", false}};
  mp::Artifact card = make_artifact("card", mp::ArtifactKind::document, "Card");
  card.document_kind = mp::DocumentKind::technical_report;
  card.describes = {"net"};
  d.artifacts = {net, a, b, data, tool, card};
  mp::Step merge = make_step("merge-net", mp::StepKind::merge);
  merge.inputs = {{"a", mp::InputRole::initial_weights}, {"b", mp::InputRole::initial_weights},
                  {"data", mp::InputRole::training_data}, {"merger", mp::InputRole::software}};
  merge.outputs = {"net"};
  merge.compute.hours = 0.5;
  merge.compute.hardware_profile = "desktop-cpu";
  merge.notes = "merged";
  mp::Step quantize = make_step("q", mp::StepKind::quantize);
  quantize.inputs = {{"net", mp::InputRole::initial_weights}};
  quantize.outputs = {"net-q4"};
  d.steps = {merge, quantize};
  return d;
}

}  // namespace

TEST(CycloneDx, MachineLearning16) {
  const auto d = fixture("valid-machine-learning-1.6.json");
  const auto* model = find(d, "CompVis/stable-diffusion");
  ASSERT_EQ(model, nullptr);  // a name with "/" is no id: the bom-ref is
  model = find(d, "component-a");
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(model->kind, mp::ArtifactKind::weights);
  EXPECT_EQ(model->name, "CompVis/stable-diffusion");
  EXPECT_EQ(model->version, "1.4");
  EXPECT_EQ(model->license, std::nullopt);  // the BOM states none
  // The model card's inline data set is the training data.
  const auto* data = find(d, "Training-Data");
  if (data == nullptr) data = find(d, "training-data");
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(data->kind, mp::ArtifactKind::dataset);
  EXPECT_EQ(data->uris, std::vector<std::string>{"https://example.com/path/to/dataset"});
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].kind, mp::StepKind::train);
  EXPECT_EQ(d.steps[0].outputs, std::vector<std::string>{"component-a"});
  EXPECT_EQ(d.steps[0].inputs, (std::vector<mp::StepInput>{{data->id, mp::InputRole::training_data}}));
  EXPECT_EQ(d.steps[0].notes, "training approach: supervised");
  EXPECT_TRUE(dropped(d, "task goes here", "/components/0/modelCard/modelParameters/task"));
  EXPECT_TRUE(dropped(d, "quantitativeAnalysis", "/components/0/modelCard"));
  EXPECT_TRUE(dropped(d, "custom-value", "/components/0/modelCard"));
}

TEST(CycloneDx, EnergyIsDropped) {
  const auto d = fixture("valid-machine-learning-considerations-env-1.6.json");
  ASSERT_EQ(d.artifacts.size(), 1u);
  EXPECT_EQ(d.artifacts[0].id, "meta-llama/Llama-2-7b" == d.artifacts[0].name ? "huggingface.co-meta-llama-Llama-2-7b" : "");
  EXPECT_EQ(d.artifacts[0].uris, std::vector<std::string>{"https://huggingface.co/meta-llama/Llama-2-7b"});
  EXPECT_TRUE(d.steps.empty());
  EXPECT_TRUE(dropped(d, "energy of training: {\"unit\":\"kWh\",\"value\":0.4}",
                      "/components/0/modelCard/considerations/environmentalConsiderations/energyConsumptions/0"));
}

TEST(CycloneDx, VersionsAgree) {
  const auto v15 = fixture("valid-machine-learning-1.5.json");
  const auto v16 = fixture("valid-machine-learning-1.6.json");
  const auto v17 = fixture("valid-machine-learning-1.7.json");
  EXPECT_EQ(v15.artifacts, v16.artifacts);
  EXPECT_EQ(v16.steps, v17.steps);
}

TEST(CycloneDx, PedigreeAndDependencies) {
  const std::string bom = R"({"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
    {"type": "machine-learning-model", "bom-ref": "pkg:huggingface/org/tuned", "name": "tuned",
     "licenses": [{"license": {"id": "Apache-2.0"}}],
     "hashes": [{"alg": "SHA-256", "content": "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789"}],
     "pedigree": {"ancestors": [{"type": "machine-learning-model", "name": "base", "version": "1",
                                 "licenses": [{"expression": "LicenseRef-llama2"}]}]},
     "modelCard": {"modelParameters": {"datasets": [{"ref": "set"}], "approach": {"type": "supervised"}}}},
    {"type": "data", "bom-ref": "set", "name": "the set"},
    {"type": "library", "bom-ref": "trl", "name": "trl", "licenses": [{"license": {"name": "Odd terms"}}]},
    {"type": "container", "name": "box"}],
   "dependencies": [{"ref": "pkg:huggingface/org/tuned", "dependsOn": ["trl"]}, {"ref": "trl", "dependsOn": ["set"]}]})";
  const auto d = mi::read_cyclonedx(bom, "bom.json");
  const auto* tuned = find(d, "tuned");
  ASSERT_NE(tuned, nullptr);
  EXPECT_EQ(tuned->license, "Apache-2.0");
  EXPECT_EQ(tuned->sha256, "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
  ASSERT_NE(find(d, "base"), nullptr);
  EXPECT_EQ(find(d, "base")->license, "LicenseRef-llama2");
  EXPECT_EQ(find(d, "trl")->license, "LicenseRef-odd-terms");
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].id, "fine-tune-tuned");
  EXPECT_EQ(d.steps[0].kind, mp::StepKind::fine_tune);
  EXPECT_EQ(d.steps[0].inputs, (std::vector<mp::StepInput>{{"set", mp::InputRole::training_data},
                                                           {"base", mp::InputRole::initial_weights},
                                                           {"trl", mp::InputRole::software}}));
  EXPECT_TRUE(dropped(d, "component of type container", "/components/3"));
  EXPECT_TRUE(dropped(d, "trl depends on set", "/dependencies/1/dependsOn/0"));
}

TEST(CycloneDx, FixturesRoundTrip) {
  for (const char* name : fixtures) {
    SCOPED_TRACE(name);
    const auto d = fixture(name);
    const auto again = mi::read_cyclonedx(mi::write_cyclonedx(d), "written.json");
    EXPECT_EQ(again.artifacts, d.artifacts);
    EXPECT_EQ(again.steps, d.steps);
  }
}

TEST(CycloneDx, EveryFieldRoundTrips) {
  const auto d = rich();
  const std::string text = mi::write_cyclonedx(d, {{"net", "mof", "MOF Class III, Open Model", "", {"a", "b"}}});
  EXPECT_NE(text.find("\"model-provenance:verdict:mof\""), std::string::npos);
  EXPECT_NE(text.find("\"model-provenance:reason:mof\""), std::string::npos);
  const auto again = mi::read_cyclonedx(text, "written.json");
  EXPECT_EQ(again.artifacts, d.artifacts);
  EXPECT_EQ(again.steps, d.steps);
}

// The output validates against CycloneDX's published 1.6 schema
// (tests/data/schemas, Apache-2.0), with python3-jsonschema.
TEST(CycloneDx, OutputMatchesTheSchema) {
  if (std::system("python3 -c 'import jsonschema' 2>/dev/null") != 0) GTEST_SKIP() << "python3-jsonschema is missing";
  const std::string data = MP_TEST_DATA;
  const auto dir = std::filesystem::temp_directory_path() / ("mp-cyclonedx-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::vector<std::pair<std::string, mi::Declarations>> cases = {{"rich", rich()}};
  for (const char* name : fixtures) cases.emplace_back(name, fixture(name));
  for (const auto& [name, declarations] : cases) {
    SCOPED_TRACE(name);
    const auto file = dir / (name + std::string(".out.json"));
    std::ofstream(file) << mi::write_cyclonedx(declarations, {{"net", "guix-base-criterion", "blocked", "s", {"r"}}});
    const std::string command = "python3 -W ignore " + data + "/../interchange/validate-document " + data +
                                "/schemas/bom-1.6.schema.json " + file.string();
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
  std::filesystem::remove_all(dir);
}

TEST(CycloneDx, LocatedErrors) {
  EXPECT_EQ(error_at("{\"bomFormat\": \"CycloneDX\",\n \"components\": [{"), "2:18");
  EXPECT_EQ(error_at("{\"bomFormat\": \"SPDX\", \"specVersion\": \"1.6\"}"), "/bomFormat");
  EXPECT_EQ(error_at("{\"bomFormat\": \"CycloneDX\"}"), "/specVersion");
  EXPECT_EQ(error_at("{\"specVersion\": \"1.6\", \"components\": {}}"), "/components");
  EXPECT_EQ(error_at("{\"specVersion\": \"1.6\", \"components\": [{\"name\": \"x\"}]}"), "/components/0");
  EXPECT_EQ(error_at("{\"specVersion\": \"1.6\", \"components\": [{\"type\": \"data\", \"name\": \"x\", \"components\": [{\"type\": 3}]}]}"),
            "/components/0/components/0/type");
  EXPECT_EQ(error_at("{\"specVersion\": \"1.6\", \"components\": [{\"type\": \"machine-learning-model\", \"name\": \"x\", "
                     "\"modelCard\": {\"modelParameters\": {\"datasets\": [7]}}}]}"),
            "/components/0/modelCard/modelParameters/datasets/0");
  EXPECT_EQ(error_at("{\"specVersion\": \"1.6\", \"metadata\": {\"properties\": [{\"name\": \"model-provenance:step\", "
                     "\"value\": \"{\\\"id\\\": \\\"s\\\", \\\"kind\\\": \\\"bake\\\"}\"}]}}"),
            "/metadata/properties/0/value/kind");
  EXPECT_EQ(error_at("{\"specVersion\": \"1.6\", \"version\": 1e999}"), "1:39");
  std::string deep = "{\"specVersion\": \"1.6\", \"x\": " + std::string(5000, '{');
  EXPECT_EQ(error_at(deep), "1:228");
}
