// SPDX-License-Identifier: GPL-3.0-or-later
// Immediate dominators by Lengauer and Tarjan (1979), simple version with
// path compression.  Boost's lengauer_tarjan_dominator_tree compresses paths
// recursively, which overflows the stack on deep lineages, and keeps a
// std::deque per vertex; this one uses explicit stacks and linked buckets.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace model_provenance::detail {

constexpr std::uint32_t no_vertex = 0xFFFF'FFFF;

// Adjacency lists of vertices 0..n-1 in compressed form.
class Adjacency {
 public:
  Adjacency(std::uint32_t vertex_count, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges,
            bool reversed);
  std::span<const std::uint32_t> of(std::uint32_t vertex) const {
    return {targets_.data() + offsets_[vertex], offsets_[vertex + 1] - offsets_[vertex]};
  }

 private:
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint32_t> targets_;
};

// idom[v] for every vertex reachable from root; idom[root] == root and
// no_vertex for vertices root does not reach.
std::vector<std::uint32_t> immediate_dominators(
    std::uint32_t vertex_count, std::uint32_t root,
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges);

}  // namespace model_provenance::detail
