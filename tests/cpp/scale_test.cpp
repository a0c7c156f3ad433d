// SPDX-License-Identifier: GPL-3.0-or-later
// Every query on a chain of a million derivations (two million nodes deep)
// and on a random DAG of a million artifacts.  These check correctness and
// that nothing recurses with the graph's depth; speed is measured in bench/.
#include <gtest/gtest.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <set>

#include "model-provenance/lineage.hpp"
#include "synthetic.hpp"

namespace model_provenance {
namespace {

constexpr std::uint32_t chain_steps = 1'000'000;

class MillionStepChain : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { graph = testing::make_chain(chain_steps); }
  static void TearDownTestSuite() { graph.reset(); }
  static inline std::shared_ptr<const Snapshot> graph;
  NodeId deepest() const { return graph->node("w" + std::to_string(chain_steps)); }
};

TEST_F(MillionStepChain, Shape) {
  EXPECT_EQ(graph->artifact_count(), chain_steps + 1u);
  EXPECT_EQ(graph->step_count(), chain_steps);
  EXPECT_TRUE(graph->acyclic());
}

TEST_F(MillionStepChain, AncestorsOfTheDeepestNode) {
  const auto found = ancestors(*graph, deepest());
  ASSERT_EQ(found.size(), 2u * chain_steps);
  const LineageEntry last = *found.rbegin();
  EXPECT_EQ(graph->id(last.node), "data");
  EXPECT_EQ(last.depth, chain_steps);
  // Two entries at each depth, the step first.
  std::uint32_t position = 0;
  for (const auto& [node, depth] : found) {
    ASSERT_EQ(depth, position / 2 + 1) << "entry " << position;
    ASSERT_EQ(graph->is_step(node), position % 2 == 0) << "entry " << position;
    ++position;
  }
  EXPECT_EQ(ancestors(*graph, deepest(), {.max_depth = 10}).size(), 20u);
}

TEST_F(MillionStepChain, DescendantsOfTheRoot) {
  const auto found = descendants(*graph, graph->node("data"));
  ASSERT_EQ(found.size(), 2u * chain_steps);
  EXPECT_EQ(found.nodes().back(), deepest());
  EXPECT_EQ(found.deepest(), chain_steps);
}

TEST_F(MillionStepChain, PathRootsAndOrder) {
  const auto path = derivation_path(*graph, graph->node("data"), deepest());
  ASSERT_TRUE(path);
  EXPECT_EQ(path->size(), 2u * chain_steps + 1);
  EXPECT_EQ(graph->id((*path)[1]), "s1");
  EXPECT_EQ(lineage_roots(*graph, deepest()), std::vector<NodeId>{graph->node("data")});
  const auto order = lineage_in_derivation_order(*graph, deepest());
  ASSERT_EQ(order.size(), 2u * chain_steps + 1);
  EXPECT_EQ(order, *path);
  EXPECT_EQ(topological_order(*graph), *path);
}

TEST_F(MillionStepChain, EveryNodeDominatesTheDeepest) {
  const auto found = dominators(*graph, deepest());
  ASSERT_EQ(found.size(), 2u * chain_steps);
  EXPECT_EQ(graph->id(found.front()), "s" + std::to_string(chain_steps));
  EXPECT_EQ(graph->id(found.back()), "data");
}

TEST_F(MillionStepChain, NoCycles) {
  EXPECT_TRUE(strongly_connected_components(*graph).cyclic.empty());
}

class MillionNodeDag : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { graph = testing::make_random_dag(1'000'000, 1'000, 42); }
  static void TearDownTestSuite() { graph.reset(); }
  static inline std::shared_ptr<const Snapshot> graph;
  NodeId last() const { return graph->node("w999999"); }
};

TEST_F(MillionNodeDag, AncestorsMatchABoostSearchOnTheReversedGraph) {
  const auto found = ancestors(*graph, last());
  std::vector<boost::default_color_type> colour(graph->node_count(), boost::white_color);
  auto reversed = boost::make_reverse_graph(graph->graph());
  boost::breadth_first_visit(reversed, last(),
                             boost::color_map(boost::make_iterator_property_map(
                                 colour.begin(), get(boost::vertex_index, graph->graph()))));
  std::size_t reached = 0;
  for (auto c : colour) reached += c != boost::white_color;
  EXPECT_EQ(found.size(), reached - 1);
  EXPECT_GT(found.size(), 1000u);
  for (const NodeId node : found.nodes()) ASSERT_NE(colour[node], boost::white_color);
}

TEST_F(MillionNodeDag, DescendantsAndPathsAgree) {
  const NodeId root = graph->node("d7");
  const auto lineage = descendants(*graph, root);
  const std::vector<LineageEntry> found(lineage.begin(), lineage.end());
  ASSERT_FALSE(found.empty());
  // A path leads from the root to each of a sample of its descendants.
  for (std::size_t i = 0; i < found.size(); i += found.size() / 20 + 1) {
    const auto path = derivation_path(*graph, root, found[i].node);
    ASSERT_TRUE(path);
    EXPECT_EQ(path->front(), root);
    EXPECT_EQ(path->back(), found[i].node);
    // Path length is 2 * depth + 1 for an artifact, 2 * depth for a step:
    // breadth-first search finds a shortest derivation.
    EXPECT_EQ(path->size(), 2 * found[i].depth + (graph->is_artifact(found[i].node) ? 1 : 0));
  }
}

TEST_F(MillionNodeDag, OrdersRespectEveryEdge) {
  const auto order = topological_order(*graph);
  ASSERT_EQ(order.size(), graph->node_count());
  std::vector<std::uint32_t> position(graph->node_count());
  for (std::uint32_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  for (auto edge : boost::make_iterator_range(edges(graph->graph())))
    ASSERT_LT(position[source(edge, graph->graph())], position[target(edge, graph->graph())]);
  const auto lineage = lineage_in_derivation_order(*graph, last());
  EXPECT_EQ(lineage.size(), ancestors(*graph, last()).size() + 1);
  EXPECT_EQ(lineage.back(), last());
}

TEST_F(MillionNodeDag, RootsAndDominatorsLieInTheLineage) {
  std::set<NodeId> lineage;
  for (const auto& entry : ancestors(*graph, last())) lineage.insert(entry.node);
  const auto roots = lineage_roots(*graph, last());
  ASSERT_FALSE(roots.empty());
  for (NodeId root : roots) {
    EXPECT_TRUE(lineage.count(root));
    EXPECT_EQ(graph->artifact_kind(root), ArtifactKind::dataset);
  }
  const auto chokepoints = dominators(*graph, last());
  ASSERT_FALSE(chokepoints.empty());  // at least the producing step
  EXPECT_EQ(graph->id(chokepoints.front()), "s999999");
  for (NodeId node : chokepoints) EXPECT_TRUE(lineage.count(node));
}

TEST_F(MillionNodeDag, NoCycles) {
  const auto components = strongly_connected_components(*graph);
  EXPECT_EQ(components.count, graph->node_count());
}

}  // namespace
}  // namespace model_provenance
