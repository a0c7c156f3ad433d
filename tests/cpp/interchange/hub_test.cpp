// SPDX-License-Identifier: GPL-3.0-or-later
// Hub metadata in JSON lines: fields, located errors, and the license
// lineage of a synthetic hub whose offenders are known.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "hub_synthetic.hpp"
#include "model-provenance/interchange/hub.hpp"

namespace model_provenance::interchange {
namespace {

struct Copy {
  std::string id;
  std::vector<std::string> licenses, bases, datasets;
  std::optional<HubRelation> relation;
  std::uint64_t line;
};

std::vector<Copy> read_all(const std::string& text) {
  std::istringstream in(text);
  std::vector<Copy> out;
  read_hub_lines(in, "hub.jsonl", [&](const HubRecord& r) {
    Copy c{std::string(r.id), {}, {}, {}, r.relation, r.line};
    for (auto x : r.licenses) c.licenses.emplace_back(x);
    for (auto x : r.base_models) c.bases.emplace_back(x);
    for (auto x : r.datasets) c.datasets.emplace_back(x);
    out.push_back(std::move(c));
  });
  return out;
}

std::string error_where(const std::string& text) {
  try {
    read_all(text);
  } catch (const DocumentError& error) {
    return error.where();
  }
  ADD_FAILURE() << "no error for: " << text.substr(0, 200);
  return "";
}

TEST(HubLines, CardDataAndTags) {
  const auto models = read_all(
      R"({"_id":"x","id":"someone/llama-ft","likes":3,"tags":["transformers","base_model:finetune:meta-llama/Llama-2-7b-hf","base_model:meta-llama/Llama-2-7b-hf","license:apache-2.0","dataset:tatsu-lab/alpaca"],"cardData":{"license":"apache-2.0","base_model":"meta-llama/Llama-2-7b-hf","datasets":["tatsu-lab/alpaca"]}})"
      "\n\n"
      R"({"modelId":"other/quant","tags":["gguf","base_model:quantized:someone/llama-ft","license:llama2"]})"
      "\r\n"
      R"({"id":"m/merge","cardData":{"base_model":["a/x","b/y"],"base_model_relation":"merge","license":null}})");
  ASSERT_EQ(models.size(), 3u);
  EXPECT_EQ(models[0].id, "someone/llama-ft");
  EXPECT_EQ(models[0].licenses, std::vector<std::string>{"apache-2.0"});
  EXPECT_EQ(models[0].bases, std::vector<std::string>{"meta-llama/Llama-2-7b-hf"});
  EXPECT_EQ(models[0].relation, HubRelation::finetune);  // from the tag
  EXPECT_EQ(models[0].datasets, std::vector<std::string>{"tatsu-lab/alpaca"});
  EXPECT_EQ(models[1].id, "other/quant");
  EXPECT_EQ(models[1].line, 3u);
  EXPECT_EQ(models[1].licenses, std::vector<std::string>{"llama2"});
  EXPECT_EQ(models[1].bases, std::vector<std::string>{"someone/llama-ft"});
  EXPECT_EQ(models[1].relation, HubRelation::quantized);
  EXPECT_EQ(models[2].bases, (std::vector<std::string>{"a/x", "b/y"}));
  EXPECT_EQ(models[2].relation, HubRelation::merge);
  EXPECT_TRUE(models[2].licenses.empty());
}

TEST(HubLines, Declarations) {
  std::istringstream in(
      R"({"id":"a/base","cardData":{"license":"llama2"}})"
      "\n"
      R"({"id":"b/ft","cardData":{"license":"apache-2.0","base_model":"a/base","datasets":"d/x"}})"
      "\n"
      R"({"id":"b/ft","cardData":{"license":"mit"}})"
      "\n");
  const auto d = read_hub_metadata(in, "hub.jsonl");
  ASSERT_EQ(d.artifacts.size(), 3u);
  EXPECT_EQ(d.artifacts[0].license, "llama2");
  EXPECT_EQ(d.artifacts[1].license, "Apache-2.0");
  EXPECT_EQ(d.artifacts[2].id, "datasets/d/x");
  ASSERT_EQ(d.steps.size(), 1u);
  EXPECT_EQ(d.steps[0].kind, StepKind::fine_tune);
  EXPECT_EQ(d.steps[0].inputs.at(0), (StepInput{"a/base", InputRole::initial_weights}));
  ASSERT_EQ(d.dropped.size(), 1u);
  EXPECT_EQ(d.dropped[0].where, "3:/");
  EXPECT_EQ(d.dropped[0].what, "a second line for b/ft: line 2 stands");
}

TEST(HubLines, LocatedErrors) {
  // A truncated line.
  EXPECT_EQ(error_where("{\"id\":\"a/b\"}\n{\"id\":\"c/d\",\"tags\":[\"x\""), "2:/");
  // Wrong types.
  EXPECT_EQ(error_where(R"({"id":7})"), "1:/id");
  EXPECT_EQ(error_where(R"({"id":"a/b","tags":"license:mit"})"), "1:/tags");
  EXPECT_EQ(error_where(R"({"id":"a/b","tags":["x",3]})"), "1:/tags/1");
  EXPECT_EQ(error_where(R"({"id":"a/b","cardData":{"base_model":["x",{"y":1}]}})"),
            "1:/cardData/base_model/1");
  EXPECT_EQ(error_where(R"({"id":"a/b","cardData":{"license":{}}})"), "1:/cardData/license");
  EXPECT_EQ(error_where(R"({"id":"a/b","cardData":{"base_model_relation":"copy"}})"),
            "1:/cardData/base_model_relation");
  EXPECT_EQ(error_where(R"({"id":"a/b","cardData":[1]})"), "1:/cardData");
  EXPECT_EQ(error_where("[1,2]"), "1:/");
  EXPECT_EQ(error_where(R"({"likes":1})"), "1:/");
  // Deeply nested JSON: in a member read, an error; unbalanced, an
  // error; balanced in a member skipped, valid JSON, read.
  const std::string open(100000, '['), close(100000, ']');
  EXPECT_EQ(error_where(R"({"id":"a/b","cardData":{"base_model":)" + open + close + "}}"),
            "1:/cardData/base_model/0");
  EXPECT_EQ(error_where(R"({"id":"a/b","x":)" + open + "}").substr(0, 2), "1:");
  EXPECT_EQ(read_all(R"({"id":"a/b","x":)" + open + close + "}").size(), 1u);
  // Errors go to the handler and reading goes on.
  std::istringstream in("{\"id\":1}\n{\"id\":\"a/b\"}\nnot json\n");
  std::vector<std::string> where;
  std::uint64_t seen = 0;
  read_hub_lines(in, "f", [&](const HubRecord&) { ++seen; },
                 [&](const DocumentError& e) { where.push_back(e.where()); });
  EXPECT_EQ(seen, 1u);
  EXPECT_EQ(where, (std::vector<std::string>{"1:/id", "3:/"}));
}

TEST(HubLines, HugeStringsAndLongLines) {
  const std::string huge(5 << 20, 'x');
  const auto models = read_all("{\"id\":\"a/b\",\"description\":\"" + huge + "\",\"cardData\":{\"license\":\"" +
                               huge + "\"}}\n{\"id\":\"c/d\"}");
  ASSERT_EQ(models.size(), 2u);
  EXPECT_EQ(models[0].licenses.at(0).size(), huge.size());
  EXPECT_EQ(models[1].id, "c/d");
}

LineageReport lineage(const std::string& text) {
  std::istringstream in(text);
  HubLineage hub;
  read_hub_lines(in, "hub.jsonl", [&](const HubRecord& r) { hub.add(r); });
  return hub.run();
}

TEST(HubLineage, NearestOffendingAncestor) {
  const auto report = lineage(
      R"({"id":"meta-llama/Llama-2-7b-hf","cardData":{"license":"llama2"}})" "\n"
      R"({"id":"x/chat","cardData":{"license":"llama2","base_model":"meta-llama/Llama-2-7b-hf"}})" "\n"
      R"({"id":"y/ft","cardData":{"license":"apache-2.0","base_model":"x/chat"}})" "\n"
      R"({"id":"z/quant","tags":["license:mit","base_model:quantized:y/ft"]})" "\n"
      R"({"id":"free/base","cardData":{"license":"apache-2.0"}})" "\n"
      R"({"id":"free/ft","cardData":{"license":"mit","base_model":"free/base"}})" "\n"
      R"({"id":"w/merge","cardData":{"license":"apache-2.0","base_model":["free/ft","ghost/gone"]}})" "\n"
      R"({"id":"c/one","cardData":{"license":"apache-2.0","base_model":["c/two","c/one"]}})" "\n"
      R"({"id":"c/two","cardData":{"license":"apache-2.0","base_model":"c/one"}})" "\n");
  EXPECT_EQ(report.models, 9u);
  ASSERT_EQ(report.offending.size(), 2u);
  auto by_model = report.offending;
  std::ranges::sort(by_model, {}, &LineageFinding::model);
  EXPECT_EQ(by_model[0].model, "y/ft");
  EXPECT_EQ(by_model[0].license, "Apache-2.0");
  EXPECT_EQ(by_model[0].ancestor, "x/chat");  // the nearest
  EXPECT_EQ(by_model[0].ancestor_license, "llama2");
  EXPECT_EQ(by_model[0].distance, 1u);
  EXPECT_EQ(by_model[1].model, "z/quant");
  EXPECT_EQ(by_model[1].ancestor, "x/chat");
  EXPECT_EQ(by_model[1].distance, 2u);
  // A missing ancestor is unknown, and reported.
  ASSERT_EQ(report.missing.size(), 1u);
  EXPECT_EQ(report.missing[0].first, "ghost/gone");
  EXPECT_EQ(report.undetermined, 1u);
  EXPECT_EQ(report.undetermined_sample.at(0).model, "w/merge");
  // A cycle is found, and a model naming itself is not one.
  auto cyclic = report.cyclic;
  std::ranges::sort(cyclic);
  EXPECT_EQ(cyclic, (std::vector<std::string>{"c/one", "c/two"}));
  EXPECT_EQ(report.self_references, 1u);
}

TEST(HubLineage, SyntheticHubOffendersAreExactlyFound) {
  std::stringstream file;
  const auto stats = testing::write_synthetic_hub(file, 50'000, 7);
  EXPECT_EQ(stats.models, 50'000u);
  EXPECT_GT(stats.merges, 0u);
  EXPECT_LE(stats.max_depth, 6u);
  EXPECT_GT(stats.offending, 0u);
  HubLineage hub;
  std::uint64_t lines = 0;
  read_hub_lines(file, "synthetic.jsonl", [&](const HubRecord& r) {
    ++lines;
    hub.add(r);
  });
  EXPECT_EQ(lines, stats.models);
  const auto report = hub.run();
  EXPECT_EQ(report.models, stats.models);
  EXPECT_EQ(report.offending.size(), stats.offending);
  EXPECT_EQ(report.self_references, stats.self_references);
  EXPECT_EQ(report.cyclic.size(), stats.cyclic);
  EXPECT_FALSE(report.missing.empty());
  // Deterministic from the seed.
  std::stringstream again;
  testing::write_synthetic_hub(again, 50'000, 7);
  EXPECT_EQ(again.str(), file.str());
}

}  // namespace
}  // namespace model_provenance::interchange
