// SPDX-License-Identifier: GPL-3.0-or-later
// The lineage of Stockfish 18's big NNUE net, as far as public sources tell
// it: nnue-pytorch trains it on positions from Lc0 self-play, scored by Lc0
// networks that were themselves trained on self-play games.  Facts that no
// source settles are left unknown.  Prints the net's ancestors, the roots
// of its lineage, the derivations every re-creation must go through, and
// the verdict of each built-in policy on a desktop with an AMD GPU.
#include <fmt/format.h>

#include <exception>

#include "model-provenance/evaluate.hpp"
#include "model-provenance/lineage.hpp"

using namespace model_provenance;

namespace {

const Source guix_stockfish{"https://git.savannah.gnu.org/cgit/guix.git/tree/gnu/packages/games.scm",
                            "2026-03-01", "uri, sha256"};
const Source stockfish_networks{"https://github.com/official-stockfish/networks", "2026-11-30",
                                "license"};
// The blog post of 2021-06-14, "the importance of open data"; its exact
// address is not recorded yet.
const Source lc0_open_data{"https://lczero.org/blog/", "2026-11-30", "license"};
const Source nnue_pytorch_repository{"https://github.com/official-stockfish/nnue-pytorch",
                                     "2026-11-30", "backends"};

Artifact software(std::string id, std::optional<std::string> license,
                  std::vector<BackendSupport> backends, std::vector<Source> sources) {
  Artifact artifact;
  artifact.id = std::move(id);
  artifact.kind = ArtifactKind::software;
  artifact.license = std::move(license);
  artifact.availability = Availability::public_download;
  artifact.backends = std::move(backends);
  artifact.sources = std::move(sources);
  return artifact;
}

std::shared_ptr<const Snapshot> stockfish_lineage() {
  GraphBuilder builder;
  Artifact net;
  net.id = "stockfish-18-big-net";
  net.name = "nn-c288c895ea92.nnue";
  net.kind = ArtifactKind::weights;
  net.license = "CC0-1.0";
  net.sha256 = "c288c895ea924429ea9092e3f36b2b3c1f00f2a3a4c759ff7e57e79e3b43e4a7";
  net.uris = {"https://tests.stockfishchess.org/api/nn/nn-c288c895ea92.nnue"};
  net.format = "nnue";
  net.availability = Availability::public_download;
  net.guix_package = "stockfish";
  net.sources = {guix_stockfish, stockfish_networks};
  builder.add(net);

  builder.add(software("nnue-pytorch", std::nullopt,
                       {{"cpu", false}, {"rocm", false}, {"cuda", true}},
                       {nnue_pytorch_repository}));
  builder.add(software("lc0-engine", "GPL-3.0-or-later", {{"cpu", false}, {"cuda", true}},
                       {{"https://github.com/LeelaChessZero/lc0", "2026-11-30", "license"}}));
  builder.add(software("lczero-training", std::nullopt, {},
                       {{"https://github.com/LeelaChessZero/lczero-training", "2026-11-30", ""}}));

  Artifact games;
  games.id = "lc0-self-play-games";
  games.kind = ArtifactKind::dataset;
  games.license = "ODbL-1.0";
  games.availability = Availability::public_download;
  games.sources = {lc0_open_data};
  builder.add(games);

  Artifact lc0_net;
  lc0_net.id = "lc0-network";
  lc0_net.kind = ArtifactKind::weights;
  lc0_net.notes = "which Lc0 networks scored the data is not recorded here";
  builder.add(lc0_net);

  Artifact binpack;
  binpack.id = "stockfish-training-binpack";
  binpack.kind = ArtifactKind::dataset;
  binpack.format = "binpack";
  binpack.notes = "over 100 billion positions of Lc0 data (Stockfish 18 release notes)";
  builder.add(binpack);

  auto step = [&builder](std::string id, StepKind kind, std::vector<StepInput> inputs,
                         std::string output) {
    Step s;
    s.id = std::move(id);
    s.kind = kind;
    s.inputs = std::move(inputs);
    s.outputs = {std::move(output)};
    builder.add(s);
  };
  step("lc0-self-play", StepKind::generate_data, {{"lc0-engine", InputRole::software}},
       "lc0-self-play-games");
  step("train-lc0-network", StepKind::train,
       {{"lczero-training", InputRole::software}, {"lc0-self-play-games", InputRole::training_data}},
       "lc0-network");
  step("score-positions-with-lc0", StepKind::generate_data,
       {{"lc0-engine", InputRole::software}, {"lc0-network", InputRole::generator_weights}},
       "stockfish-training-binpack");
  step("train-stockfish-big-net", StepKind::train,
       {{"nnue-pytorch", InputRole::software},
        {"stockfish-training-binpack", InputRole::training_data}},
       "stockfish-18-big-net");
  return builder.freeze();
}

std::string describe(const Snapshot& graph, NodeId node) {
  if (graph.is_step(node)) return fmt::format("step      {}", to_string(graph.step_kind(node)));
  auto license = graph.license(node);
  return fmt::format("{:<9} license {}", to_string(graph.artifact_kind(node)),
                     license ? *license : "unknown");
}

}  // namespace

int main() try {
  const auto graph = stockfish_lineage();
  const NodeId net = graph->node("stockfish-18-big-net");
  fmt::print("Ancestors of {} ({}):\n", graph->id(net), describe(*graph, net));
  for (const auto& [node, depth] : ancestors(*graph, net))
    fmt::print("  {} {:<28} {}\n", depth, graph->id(node), describe(*graph, node));
  fmt::print("Roots:");
  for (NodeId root : lineage_roots(*graph, net)) fmt::print(" {}", graph->id(root));
  fmt::print("\nEvery re-creation goes through:");
  for (NodeId node : dominators(*graph, net)) fmt::print(" {}", graph->id(node));
  fmt::print("\n");
  const HardwareProfile& hardware = *find_hardware_profile("desktop-amd-gpu", builtin_hardware_profiles());
  for (const Policy& policy : builtin_policies()) {
    const Verdict verdict = Evaluator(graph, policy, hardware).evaluate(net);
    fmt::print("\n{}\n", verdict.summary);
    for (const auto& line : verdict.explanation) fmt::print("  {}\n", line);
  }
  return 0;
} catch (const std::exception& error) {
  fmt::print(stderr, "stockfish-lineage: {}\n", error.what());
  return 1;
}
