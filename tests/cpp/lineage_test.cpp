// SPDX-License-Identifier: GPL-3.0-or-later
// Lineage queries on the hand-drawn graph of chess_graph.hpp; every expected
// answer is read off that drawing.
#include "model-provenance/lineage.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <random>
#include <set>

#include "chess_graph.hpp"
#include "synthetic.hpp"

namespace model_provenance {
namespace {

using Depths = std::map<std::string, std::uint32_t>;
using Ids = std::vector<std::string>;

class ChessLineage : public ::testing::Test {
 protected:
  std::shared_ptr<const Snapshot> graph = testing::make_chess_lineage();
  NodeId node(std::string_view id) const { return graph->node(id); }
  Depths depths(const Lineage& entries) const {
    Depths result;
    for (const auto& entry : entries)
      EXPECT_TRUE(result.emplace(graph->id(entry.node), entry.depth).second) << "listed twice";
    return result;
  }
  Ids ids(const std::vector<NodeId>& nodes) const {
    Ids result;
    for (NodeId n : nodes) result.emplace_back(graph->id(n));
    return result;
  }
};

TEST_F(ChessLineage, AncestorsWithDepths) {
  EXPECT_EQ(depths(ancestors(*graph, node("sf-net"))),
            (Depths{{"train-sf", 1}, {"nnue-pytorch", 1}, {"sf-binpack", 1},
                    {"generate-sf-data", 2}, {"lc0-engine", 2}, {"lc0-net", 2}, {"syzygy", 2},
                    {"train-lc0", 3}, {"lczero-training", 3}, {"lc0-selfplay", 3},
                    {"selfplay", 4}}));
}

TEST_F(ChessLineage, AncestorsAreListedNearestFirst) {
  const auto lineage = ancestors(*graph, node("sf-net"));
  const std::vector<LineageEntry> found(lineage.begin(), lineage.end());
  for (std::size_t i = 1; i < found.size(); ++i) EXPECT_LE(found[i - 1].depth, found[i].depth);
  // Backward, the entries are the same.
  const std::vector<LineageEntry> backward(lineage.rbegin(), lineage.rend());
  EXPECT_TRUE(std::equal(found.rbegin(), found.rend(), backward.begin(), backward.end()));
  EXPECT_EQ(lineage.deepest(), found.back().depth);
}

TEST_F(ChessLineage, AncestorsFilteredByRole) {
  LineageFilter data_only{.roles = role_bit(InputRole::training_data)};
  EXPECT_EQ(depths(ancestors(*graph, node("sf-net"), data_only)),
            (Depths{{"train-sf", 1}, {"sf-binpack", 1}, {"generate-sf-data", 2}, {"syzygy", 2}}));
}

TEST_F(ChessLineage, AncestorsFilteredByStepKind) {
  LineageFilter no_generation{.step_kinds = all_step_kinds & ~step_kind_bit(StepKind::generate_data)};
  EXPECT_EQ(depths(ancestors(*graph, node("sf-net"), no_generation)),
            (Depths{{"train-sf", 1}, {"nnue-pytorch", 1}, {"sf-binpack", 1}}));
}

TEST_F(ChessLineage, AncestorsWithDepthLimit) {
  EXPECT_EQ(depths(ancestors(*graph, node("sf-net"), {.max_depth = 1})),
            (Depths{{"train-sf", 1}, {"nnue-pytorch", 1}, {"sf-binpack", 1}}));
  EXPECT_TRUE(ancestors(*graph, node("sf-net"), {.max_depth = 0}).empty());
}

TEST_F(ChessLineage, AncestorsOfAStep) {
  EXPECT_EQ(depths(ancestors(*graph, node("train-sf"), {.max_depth = 1})),
            (Depths{{"nnue-pytorch", 1}, {"sf-binpack", 1}}));
}

TEST_F(ChessLineage, RootHasNoAncestors) {
  EXPECT_TRUE(ancestors(*graph, node("syzygy")).empty());
}

TEST_F(ChessLineage, Descendants) {
  EXPECT_EQ(depths(descendants(*graph, node("lc0-net"))),
            (Depths{{"generate-sf-data", 1}, {"sf-binpack", 1}, {"train-sf", 2}, {"sf-net", 2},
                    {"finetune-sf", 2}, {"sf-net-v2", 2}}));
}

TEST_F(ChessLineage, DescendantsFollowOnlyTheRolesAsked) {
  LineageFilter not_as_generator{.roles = all_roles & ~role_bit(InputRole::generator_weights)};
  EXPECT_TRUE(descendants(*graph, node("lc0-net"), not_as_generator).empty());
  // nnue-pytorch is software of both Stockfish steps.
  LineageFilter software{.roles = role_bit(InputRole::software), .max_depth = 1};
  EXPECT_EQ(depths(descendants(*graph, node("nnue-pytorch"), software)),
            (Depths{{"train-sf", 1}, {"sf-net", 1}, {"finetune-sf", 1}, {"sf-net-v2", 1}}));
}

TEST_F(ChessLineage, DerivationPath) {
  EXPECT_EQ(ids(*derivation_path(*graph, node("lc0-selfplay"), node("sf-net"))),
            (Ids{"lc0-selfplay", "train-lc0", "lc0-net", "generate-sf-data", "sf-binpack",
                 "train-sf", "sf-net"}));
  EXPECT_EQ(ids(*derivation_path(*graph, node("sf-net"), node("sf-net"))), Ids{"sf-net"});
  EXPECT_FALSE(derivation_path(*graph, node("sf-net"), node("lc0-selfplay")));
  LineageFilter data_only{.roles = role_bit(InputRole::training_data)};
  EXPECT_FALSE(derivation_path(*graph, node("lc0-net"), node("sf-net"), data_only));
}

TEST_F(ChessLineage, Roots) {
  auto as_set = [](Ids v) { return std::set<std::string>(v.begin(), v.end()); };
  EXPECT_EQ(as_set(ids(lineage_roots(*graph, node("sf-net")))),
            (std::set<std::string>{"lc0-engine", "lczero-training", "nnue-pytorch", "syzygy"}));
  // Within one derivation, sf-binpack still has a producer: not a root.
  EXPECT_EQ(ids(lineage_roots(*graph, node("sf-net"), {.max_depth = 1})), Ids{"nnue-pytorch"});
  EXPECT_EQ(ids(lineage_roots(*graph, node("syzygy"))), Ids{"syzygy"});
  // Not following data generation makes its output a root.
  LineageFilter no_generation{.step_kinds = all_step_kinds & ~step_kind_bit(StepKind::generate_data)};
  EXPECT_EQ(as_set(ids(lineage_roots(*graph, node("sf-net"), no_generation))),
            (std::set<std::string>{"nnue-pytorch", "sf-binpack"}));
}

TEST_F(ChessLineage, TopologicalOrderPutsInputsFirst) {
  const auto order = topological_order(*graph);
  ASSERT_EQ(order.size(), graph->node_count());
  std::vector<std::size_t> position(graph->node_count());
  for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  for (auto edge : boost::make_iterator_range(edges(graph->graph())))
    EXPECT_LT(position[source(edge, graph->graph())], position[target(edge, graph->graph())]);
}

TEST_F(ChessLineage, LineageInDerivationOrder) {
  const auto order = lineage_in_derivation_order(*graph, node("sf-net"));
  ASSERT_EQ(order.size(), 12u);  // eleven ancestors and sf-net
  EXPECT_EQ(graph->id(order.back()), "sf-net");
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < order.size(); ++i) position[std::string(graph->id(order[i]))] = i;
  EXPECT_LT(position["selfplay"], position["lc0-selfplay"]);
  EXPECT_LT(position["lc0-selfplay"], position["train-lc0"]);
  EXPECT_LT(position["lc0-net"], position["generate-sf-data"]);
  EXPECT_LT(position["syzygy"], position["generate-sf-data"]);
  EXPECT_LT(position["sf-binpack"], position["train-sf"]);
  EXPECT_EQ(position.count("sf-net-v2"), 0u);
}

TEST_F(ChessLineage, NoCyclicComponentsInADag) {
  const auto components = strongly_connected_components(*graph);
  EXPECT_EQ(components.count, graph->node_count());
  EXPECT_TRUE(components.cyclic.empty());
}

TEST_F(ChessLineage, Dominators) {
  // nnue-pytorch feeds train-sf directly, so only train-sf is unavoidable.
  EXPECT_EQ(ids(dominators(*graph, node("sf-net"))), Ids{"train-sf"});
  // Following training data alone, the lineage is a single chain from syzygy.
  LineageFilter data_only{.roles = role_bit(InputRole::training_data)};
  EXPECT_EQ(ids(dominators(*graph, node("sf-net"), data_only)),
            (Ids{"train-sf", "sf-binpack", "generate-sf-data", "syzygy"}));
  EXPECT_EQ(ids(dominators(*graph, node("sf-net-v2"))), Ids{"finetune-sf"});
  EXPECT_TRUE(dominators(*graph, node("syzygy")).empty());
}

TEST_F(ChessLineage, BadNodesAreErrors) {
  const auto past_end = static_cast<NodeId>(graph->node_count());
  EXPECT_THROW(ancestors(*graph, past_end), Error);
  EXPECT_THROW(descendants(*graph, past_end), Error);
  EXPECT_THROW(derivation_path(*graph, 0, past_end), Error);
  EXPECT_THROW(lineage_roots(*graph, past_end), Error);
  EXPECT_THROW(dominators(*graph, past_end), Error);
  EXPECT_THROW(lineage_in_derivation_order(*graph, past_end), Error);
}

TEST_F(ChessLineage, DerivationOrderUnderAFilter) {
  LineageFilter data_only{.roles = role_bit(InputRole::training_data)};
  EXPECT_EQ(ids(lineage_in_derivation_order(*graph, node("sf-net"), data_only)),
            (Ids{"syzygy", "generate-sf-data", "sf-binpack", "train-sf", "sf-net"}));
  EXPECT_EQ(ids(lineage_in_derivation_order(*graph, node("sf-net"), {.max_depth = 1})),
            (Ids{"sf-binpack", "nnue-pytorch", "train-sf", "sf-net"}));
}

// Depths are not stored but read off the order of the walk: they agree with
// distances counted here, from artifacts and from steps, both ways, with
// and without a depth limit.
std::map<NodeId, std::uint32_t> depths_by_hand(const Snapshot& graph, NodeId start, bool up,
                                               std::uint32_t max_depth) {
  auto neighbours = [&](NodeId node) {
    std::vector<NodeId> result;
    if (graph.is_artifact(node)) return up ? graph.producers(node) : graph.consumers(node);
    for (const auto& link : up ? graph.inputs(node) : graph.outputs(node)) result.push_back(link.artifact);
    return result;
  };
  // A node's depth is the number of steps on a shortest path to it, both
  // ends included.
  std::map<NodeId, std::uint32_t> depth{{start, graph.is_step(start) ? 1u : 0u}};
  std::deque<NodeId> queue{start};
  while (!queue.empty()) {
    const NodeId node = queue.front();
    queue.pop_front();
    for (const NodeId next : neighbours(node)) {
      const std::uint32_t next_depth = depth[node] + (graph.is_step(next) ? 1u : 0u);
      if (next_depth <= max_depth && depth.emplace(next, next_depth).second) queue.push_back(next);
    }
  }
  depth.erase(start);
  return depth;
}

TEST(LineageDepths, AgreeWithDistancesCountedByHand) {
  for (std::uint32_t trial = 0; trial < 8; ++trial) {
    const auto graph = testing::make_random_dag(150 + trial * 40, 1 + trial % 4, 100 + trial);
    for (NodeId start = 0; start < graph->node_count(); start += 5) {
      for (const std::uint32_t max_depth : {~0u, 2u}) {
        LineageFilter filter;
        if (max_depth != ~0u) filter.max_depth = max_depth;
        for (const bool up : {true, false}) {
          const auto lineage = up ? ancestors(*graph, start, filter) : descendants(*graph, start, filter);
          std::map<NodeId, std::uint32_t> found;
          std::uint32_t previous = 1;
          for (const auto& [node, depth] : lineage) {
            ASSERT_TRUE(found.emplace(node, depth).second) << "listed twice";
            ASSERT_LE(previous, depth) << "not nearest first";
            previous = depth;
          }
          ASSERT_EQ(found, depths_by_hand(*graph, start, up, max_depth))
              << "trial " << trial << ", start " << graph->id(start) << (up ? ", ancestors" : ", descendants");
          ASSERT_EQ(lineage.deepest(), lineage.empty() ? 0 : previous);
        }
      }
    }
  }
}

class CyclicLineage : public ::testing::Test {
 protected:
  std::shared_ptr<const Snapshot> graph = [] {
    GraphBuilder builder({.allow_cycles = true});
    builder.add(testing::make_artifact("lc0-engine", ArtifactKind::software));
    builder.add(testing::make_artifact("net", ArtifactKind::weights));
    builder.add(testing::make_artifact("games", ArtifactKind::dataset));
    builder.add(testing::make_artifact("distilled", ArtifactKind::weights));
    builder.add(testing::make_step(
        "selfplay", StepKind::generate_data,
        {{"lc0-engine", InputRole::software}, {"net", InputRole::generator_weights}}, {"games"}));
    builder.add(testing::make_step("train", StepKind::train, {{"games", InputRole::training_data}},
                                   {"net"}));
    builder.add(testing::make_step("distill", StepKind::distill,
                                   {{"net", InputRole::teacher_weights}}, {"distilled"}));
    return builder.freeze();
  }();
};

TEST_F(CyclicLineage, ComponentsShowTheLoop) {
  const auto components = strongly_connected_components(*graph);
  ASSERT_EQ(components.cyclic.size(), 1u);
  std::set<std::string> loop;
  for (NodeId n : components.cyclic[0]) loop.emplace(graph->id(n));
  EXPECT_EQ(loop, (std::set<std::string>{"net", "games", "selfplay", "train"}));
}

TEST_F(CyclicLineage, TraversalsTerminate) {
  EXPECT_EQ(ancestors(*graph, graph->node("distilled")).size(), 6u);
  EXPECT_EQ(descendants(*graph, graph->node("lc0-engine")).size(), 6u);
}

TEST_F(CyclicLineage, OrderingIsAnErrorNamingTheLoop) {
  try {
    topological_order(*graph);
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.problem().code, ProblemCode::not_acyclic);
    EXPECT_EQ(error.problem().ids.size(), 2u);
  }
  EXPECT_THROW(lineage_in_derivation_order(*graph, graph->node("distilled")), Error);
  // Two derivations up, the loop is not yet closed; three close it.
  Ids order;
  for (NodeId n : lineage_in_derivation_order(*graph, graph->node("distilled"), {.max_depth = 2}))
    order.emplace_back(graph->id(n));
  EXPECT_EQ(order, (Ids{"games", "train", "net", "distill", "distilled"}));
  EXPECT_THROW(lineage_in_derivation_order(*graph, graph->node("distilled"), {.max_depth = 3}), Error);
}

TEST_F(CyclicLineage, DominatorsEnterTheLoopThroughItsOnlyEntry) {
  // The only way in from a root is lc0-engine -> selfplay.
  Ids found;
  for (NodeId n : dominators(*graph, graph->node("distilled"))) found.emplace_back(graph->id(n));
  EXPECT_EQ(found, (Ids{"distill", "net", "train", "games", "selfplay", "lc0-engine"}));
}

// The acyclic pass (Cooper-Harvey-Kennedy) against the definition, on
// random DAGs: d is listed when removing it cuts the target off from every
// root of its lineage; nearest first means each listed node is dominated by
// those after it.
std::vector<NodeId> parents(const Snapshot& graph, NodeId node) {
  std::vector<NodeId> result;
  if (node < graph.artifact_count()) return graph.producers(node);
  for (const auto& link : graph.inputs(node)) result.push_back(link.artifact);
  return result;
}

// Whether `target` is reached from a root of its lineage without `removed`.
bool reached_without(const Snapshot& graph, NodeId target, NodeId removed) {
  if (target == removed) return false;
  std::set<NodeId> seen{target};
  std::deque<NodeId> queue{target};
  while (!queue.empty()) {
    const NodeId v = queue.front();
    queue.pop_front();
    const auto up = parents(graph, v);
    if (up.empty()) return true;  // a root, walking backwards
    for (NodeId p : up)
      if (p != removed && seen.insert(p).second) queue.push_back(p);
  }
  return false;
}

TEST(Dominators, AcyclicPassAgreesWithTheDefinition) {
  std::mt19937 random(20261130);
  for (int trial = 0; trial < 40; ++trial) {
    const auto graph = testing::make_random_dag(60 + trial * 5, 1 + trial % 4, trial);
    for (int pick = 0; pick < 10; ++pick) {
      const NodeId target = random() % graph->artifact_count();
      std::vector<NodeId> expected;
      for (const auto& entry : ancestors(*graph, target))
        if (!reached_without(*graph, target, entry.node)) expected.push_back(entry.node);
      const auto found = dominators(*graph, target);
      std::vector<NodeId> sorted_found = found, sorted_expected = expected;
      std::sort(sorted_found.begin(), sorted_found.end());
      std::sort(sorted_expected.begin(), sorted_expected.end());
      ASSERT_EQ(sorted_found, sorted_expected) << "trial " << trial << ", target " << graph->id(target);
      // Nearest first: removing a later one also cuts off an earlier one.
      for (std::size_t i = 0; i + 1 < found.size(); ++i)
        ASSERT_FALSE(reached_without(*graph, found[i], found[i + 1])) << "trial " << trial;
    }
  }
}

}  // namespace
}  // namespace model_provenance
