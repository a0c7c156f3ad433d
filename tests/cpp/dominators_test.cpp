// SPDX-License-Identifier: GPL-3.0-or-later
// The iterative Lengauer-Tarjan against the definition: d dominates v when
// removing d cuts v off from the root.
#include "model-provenance/detail/dominators.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <random>

namespace model_provenance::detail {
namespace {

using Edges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// Vertices reached from root without passing through `removed`.
std::vector<bool> reached(std::uint32_t n, std::uint32_t root, const Edges& edges,
                          std::uint32_t removed) {
  std::vector<bool> seen(n, false);
  if (root == removed) return seen;
  std::deque<std::uint32_t> queue{root};
  seen[root] = true;
  while (!queue.empty()) {
    const std::uint32_t v = queue.front();
    queue.pop_front();
    for (auto [from, to] : edges)
      if (from == v && to != removed && !seen[to]) {
        seen[to] = true;
        queue.push_back(to);
      }
  }
  return seen;
}

// The immediate dominator is the strict dominator dominated by all others,
// which is the one with the most strict dominators of its own.
std::vector<std::uint32_t> dominators_by_definition(std::uint32_t n, std::uint32_t root,
                                                    const Edges& edges) {
  const auto reachable = reached(n, root, edges, no_vertex);
  std::vector<std::vector<std::uint32_t>> strict(n);
  for (std::uint32_t d = 0; d < n; ++d) {
    if (!reachable[d]) continue;
    const auto without_d = reached(n, root, edges, d);
    for (std::uint32_t v = 0; v < n; ++v)
      if (v != d && reachable[v] && !without_d[v]) strict[v].push_back(d);
  }
  std::vector<std::uint32_t> idom(n, no_vertex);
  for (std::uint32_t v = 0; v < n; ++v)
    for (std::uint32_t d : strict[v])
      if (idom[v] == no_vertex || strict[d].size() > strict[idom[v]].size()) idom[v] = d;
  idom[root] = root;
  return idom;
}

TEST(Dominators, TextbookExample) {
  // Lengauer and Tarjan's own figure 1 (R=0, A..L = 1..12).
  const Edges edges{{0, 1}, {0, 2}, {0, 3}, {1, 4}, {2, 1}, {2, 4}, {2, 5}, {3, 6}, {3, 7},
                    {4, 12}, {5, 8}, {6, 9}, {7, 9}, {7, 10}, {8, 5}, {8, 11}, {9, 11},
                    {10, 9}, {11, 0}, {11, 9}, {12, 8}};
  const std::vector<std::uint32_t> expected{0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 7, 0, 4};
  EXPECT_EQ(immediate_dominators(13, 0, edges), expected);
}

TEST(Dominators, UnreachableVerticesHaveNone) {
  const auto idom = immediate_dominators(4, 0, {{0, 1}, {2, 3}});
  EXPECT_EQ(idom[1], 0u);
  EXPECT_EQ(idom[2], no_vertex);
  EXPECT_EQ(idom[3], no_vertex);
}

TEST(Dominators, AgreeWithTheDefinitionOnRandomGraphs) {
  std::mt19937 random(20261130);
  for (int trial = 0; trial < 300; ++trial) {
    const std::uint32_t n = 2 + random() % 60;
    const std::uint32_t m = random() % (4 * n);
    Edges edges;
    for (std::uint32_t e = 0; e < m; ++e) edges.emplace_back(random() % n, random() % n);
    const std::uint32_t root = random() % n;
    ASSERT_EQ(immediate_dominators(n, root, edges), dominators_by_definition(n, root, edges))
        << "trial " << trial;
  }
}

TEST(Dominators, DeepGraphsNeedNoDeepStack) {
  // A chain whose vertices also all reach back toward the root: path
  // compression walks the whole depth.
  const std::uint32_t n = 1'000'000;
  Edges edges;
  for (std::uint32_t v = 1; v < n; ++v) edges.emplace_back(v - 1, v);
  for (std::uint32_t v = 2; v < n; ++v) edges.emplace_back(v, v - 2);
  edges.emplace_back(n - 1, 1);
  const auto idom = immediate_dominators(n, 0, edges);
  for (std::uint32_t v = 1; v < n; ++v) ASSERT_EQ(idom[v], v - 1) << v;
}

}  // namespace
}  // namespace model_provenance::detail
