// SPDX-License-Identifier: GPL-3.0-or-later
// The Hugging Face model-card reader on real cards (tests/data/huggingface,
// whose README says where each came from) and on bad front matter.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "model-provenance/interchange/huggingface.hpp"
#include "model-provenance/license.hpp"

namespace model_provenance::interchange {
namespace {

std::string slurp(const std::string& name) {
  std::ifstream in(std::string(MP_TEST_DATA) + "/huggingface/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const Artifact* find(const Declarations& d, std::string_view id) {
  for (const auto& a : d.artifacts)
    if (a.id == id) return &a;
  return nullptr;
}

bool dropped(const Declarations& d, std::string_view what) {
  return std::ranges::any_of(d.dropped, [&](const Dropped& x) { return x.what.starts_with(what); });
}

std::string error_where(std::string_view text) {
  try {
    read_model_card(text, "README.md", "someone/model");
  } catch (const DocumentError& error) {
    EXPECT_EQ(error.file(), "README.md");
    return error.where();
  }
  ADD_FAILURE() << "no error for: " << text;
  return "";
}

TEST(HuggingFaceCard, LicenseTable) {
  EXPECT_EQ(hub_license_to_spdx("apache-2.0"), "Apache-2.0");
  EXPECT_EQ(hub_license_to_spdx("MIT"), "MIT");
  EXPECT_EQ(hub_license_to_spdx("llama2"), "llama2");
  EXPECT_EQ(hub_license_to_spdx("openrail"), "OpenRAIL");
  EXPECT_EQ(hub_license_to_spdx("cc-by-nc-4.0"), "CC-BY-NC-4.0");
  EXPECT_EQ(hub_license_to_spdx("other"), std::nullopt);
  EXPECT_EQ(hub_license_to_spdx("unknown"), std::nullopt);
  EXPECT_EQ(hub_license_to_spdx("gemma"), std::nullopt);
  EXPECT_EQ(hub_license_to_spdx("no-such-licence"), std::nullopt);
  // Every SPDX id of the table is one this tool knows.
  for (std::string_view hub : {"apache-2.0", "mit", "llama2", "llama3.1", "openrail", "openrail++",
                               "bigscience-openrail-m", "cc-by-nc-4.0", "cc0-1.0", "odbl",
                               "gpl-3.0", "agpl-3.0", "c-uda", "etalab-2.0"}) {
    const auto spdx = hub_license_to_spdx(hub);
    ASSERT_TRUE(spdx) << hub;
    EXPECT_TRUE(license_facts(*spdx).listed) << hub << " -> " << *spdx;
  }
}

TEST(HuggingFaceCard, LlamaTwoFineTuneWithDatasets) {
  const auto d = read_model_card(slurp("meditron-7b-chat.md"), "meditron-7b-chat.md",
                                 "malhajar/meditron-7b-chat");
  const Artifact* model = find(d, "malhajar/meditron-7b-chat");
  ASSERT_TRUE(model);
  EXPECT_EQ(model->kind, ArtifactKind::weights);
  EXPECT_EQ(model->license, "llama2");
  EXPECT_EQ(model->uris.at(0), "https://huggingface.co/malhajar/meditron-7b-chat");
  ASSERT_TRUE(find(d, "epfl-llm/meditron-7b"));
  const Artifact* data = find(d, "datasets/yahma/alpaca-cleaned");
  ASSERT_TRUE(data);
  EXPECT_EQ(data->kind, ArtifactKind::dataset);
  EXPECT_FALSE(data->license);  // the card does not say
  ASSERT_EQ(d.steps.size(), 1u);
  const Step& step = d.steps[0];
  EXPECT_EQ(step.kind, StepKind::fine_tune);
  EXPECT_NE(step.notes.find("inferred"), std::string::npos);
  EXPECT_EQ(step.outputs, std::vector<std::string>{"malhajar/meditron-7b-chat"});
  ASSERT_EQ(step.inputs.size(), 2u);
  EXPECT_EQ(step.inputs[0], (StepInput{"epfl-llm/meditron-7b", InputRole::initial_weights}));
  EXPECT_EQ(step.inputs[1], (StepInput{"datasets/yahma/alpaca-cleaned", InputRole::training_data}));
  EXPECT_TRUE(dropped(d, "model-index: evaluation results"));
  EXPECT_TRUE(dropped(d, "language"));
  // Where a dropped fact was: the line of its key in the file.
  for (const auto& x : d.dropped) {
    if (x.what.starts_with("model-index")) {
      EXPECT_EQ(x.where, "10:1");
    }
  }
}

TEST(HuggingFaceCard, QuantizationByQuantizedBy) {
  const auto d = read_model_card(slurp("luna-ai-llama2-uncensored-ggml.md"), "luna.md",
                                 "TheBloke/Luna-AI-Llama2-Uncensored-GGML");
  EXPECT_EQ(find(d, "TheBloke/Luna-AI-Llama2-Uncensored-GGML")->license, "llama2");
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].kind, StepKind::quantize);
  EXPECT_EQ(d.steps[0].inputs.at(0).artifact, "Tap-M/Luna-AI-Llama2-Uncensored");
  EXPECT_NE(d.steps[0].notes.find("quantized_by"), std::string::npos);
}

TEST(HuggingFaceCard, ApacheGgufWithLists) {
  const auto d = read_model_card(slurp("granite-4.1-8b-gguf.md"), "granite.md",
                                 "eaddario/granite-4.1-8b-GGUF");
  const Artifact* model = find(d, "eaddario/granite-4.1-8b-GGUF");
  EXPECT_EQ(model->license, "Apache-2.0");
  EXPECT_NE(model->notes.find("pipeline: text-generation"), std::string::npos);
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].kind, StepKind::quantize);  // from the gguf tag
  EXPECT_EQ(d.steps[0].inputs.at(0).artifact, "ibm-granite/granite-4.1-8b");
  EXPECT_EQ(d.steps[0].inputs.at(1).artifact, "datasets/eaddario/imatrix-calibration");
}

TEST(HuggingFaceCard, AdapterWithOtherLicence) {
  const auto d = read_model_card(slurp("llava-next-7b-qlora-sft-plant-disease.md"), "llava.md",
                                 "navik11/llava-next-7b-qlora-sft-plant-disease");
  const Artifact* model = find(d, "navik11/llava-next-7b-qlora-sft-plant-disease");
  EXPECT_FALSE(model->license);  // "other": unknown
  EXPECT_TRUE(dropped(d, "other: no SPDX counterpart"));
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].kind, StepKind::fine_tune);
  EXPECT_NE(d.steps[0].notes.find("adapter"), std::string::npos);
  EXPECT_EQ(d.steps[0].inputs.at(0).artifact, "llava-hf/llava-1.5-7b-hf");
}

TEST(HuggingFaceCard, NoFrontMatter) {
  const auto d = read_model_card("# A model\n\nNo metadata.\n", "README.md", "a/b");
  ASSERT_EQ(d.artifacts.size(), 1u);
  EXPECT_EQ(d.artifacts[0].id, "a/b");
  EXPECT_FALSE(d.artifacts[0].license);
  EXPECT_TRUE(d.steps.empty());
  EXPECT_EQ(read_model_card("", "README.md", "a/b").artifacts.size(), 1u);
  EXPECT_EQ(read_model_card("---\n---\n", "README.md", "a/b").artifacts.size(), 1u);
}

TEST(HuggingFaceCard, StatedRelationsAndMerges) {
  auto d = read_model_card("---\nbase_model:\n- a/x\n- b/y\n---\n", "R", "m/merged");
  EXPECT_EQ(d.steps.at(0).kind, StepKind::merge);
  EXPECT_EQ(d.steps[0].inputs.size(), 2u);
  d = read_model_card("---\nbase_model: a/x\nbase_model_relation: quantized\nlicense: mit\n---\n", "R",
                      "m/q");
  EXPECT_EQ(d.steps.at(0).kind, StepKind::quantize);
  EXPECT_EQ(d.steps[0].notes.find("inferred"), std::string::npos);
  d = read_model_card("---\nbase_model: https://huggingface.co/a/x\ntags:\n- base_model:adapter:a/x\n---\n",
                      "R", "m/a");
  EXPECT_EQ(d.steps.at(0).inputs.at(0).artifact, "a/x");
  EXPECT_NE(d.steps[0].notes.find("adapter"), std::string::npos);
  // A card naming itself as its base: no derivation.
  d = read_model_card("---\nbase_model: m/self\n---\n", "R", "m/self");
  EXPECT_TRUE(d.steps.empty());
  // Datasets with no base model: a training step.
  d = read_model_card("---\ndatasets: some/data\nlicense: [mit, apache-2.0]\n---\n", "R", "m/t");
  EXPECT_EQ(d.steps.at(0).kind, StepKind::train);
  EXPECT_EQ(find(d, "m/t")->license, "MIT AND Apache-2.0");
}

TEST(HuggingFaceCard, LocatedErrors) {
  // Malformed YAML, at the line of the file (the front matter starts on line 2).
  EXPECT_EQ(error_where("---\nlicense: mit\nbase_model: [a/b\n---\n"), "4:1");
  // Wrong types, at the value.
  EXPECT_EQ(error_where("---\nlicense: mit\nbase_model:\n  x: y\n---\n"), "4:3");
  EXPECT_EQ(error_where("---\ndatasets:\n- a\n- [b, c]\n---\n"), "4:3");
  EXPECT_EQ(error_where("---\nbase_model: a/b\nbase_model_relation: copy\n---\n"), "3:22");
  EXPECT_EQ(error_where("---\n- just\n- a list\n---\n"), "2:1");
  // An unclosed front matter.
  EXPECT_EQ(error_where("---\nlicense: mit\n"), "3:1");
  try {
    read_model_card("---\nbase_model_relation: copy\n---\n", "card.md", "a/b");
  } catch (const DocumentError& error) {
    EXPECT_NE(std::string(error.what()).find("expected adapter, merge, quantized or finetune"),
              std::string::npos);
  }
}

TEST(HuggingFaceCard, HugeAndDeepInput) {
  const std::string huge(1 << 20, 'x');
  auto d = read_model_card("---\nlicense: " + huge + "\n---\n", "R", "a/b");
  EXPECT_FALSE(d.artifacts[0].license);
  // Deep nesting is an error or a value, never a crash.
  std::string deep = "---\nx: ";
  for (int i = 0; i < 5000; ++i) deep += "[";
  deep += "\n---\n";
  EXPECT_THROW(read_model_card(deep, "R", "a/b"), DocumentError);
}

}  // namespace
}  // namespace model_provenance::interchange
