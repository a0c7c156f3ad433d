// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/detail/dominators.hpp"

namespace model_provenance::detail {

Adjacency::Adjacency(std::uint32_t vertex_count,
                     const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges,
                     bool reversed)
    : offsets_(vertex_count + 1, 0), targets_(edges.size()) {
  for (const auto& [from, to] : edges) ++offsets_[(reversed ? to : from) + 1];
  for (std::uint32_t v = 0; v < vertex_count; ++v) offsets_[v + 1] += offsets_[v];
  std::vector<std::uint32_t> next(offsets_.begin(), offsets_.end() - 1);
  for (const auto& [from, to] : edges)
    targets_[next[reversed ? to : from]++] = reversed ? from : to;
}

std::vector<std::uint32_t> immediate_dominators(
    std::uint32_t vertex_count, std::uint32_t root,
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  const Adjacency successors(vertex_count, edges, false);
  const Adjacency predecessors(vertex_count, edges, true);

  // Depth-first numbering from the root, with an explicit stack of
  // (vertex, index of the next successor to look at).
  std::vector<std::uint32_t> dfnum(vertex_count, no_vertex), parent(vertex_count, no_vertex);
  std::vector<std::uint32_t> vertex;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stack{{root, 0}};
  dfnum[root] = 0;
  vertex.push_back(root);
  while (!stack.empty()) {
    auto& [v, next] = stack.back();
    auto out = successors.of(v);
    if (next == out.size()) {
      stack.pop_back();
      continue;
    }
    const std::uint32_t w = out[next++];
    if (dfnum[w] != no_vertex) continue;
    dfnum[w] = static_cast<std::uint32_t>(vertex.size());
    vertex.push_back(w);
    parent[w] = v;
    stack.emplace_back(w, 0);
  }

  std::vector<std::uint32_t> semi(vertex_count, no_vertex), ancestor(vertex_count, no_vertex),
      best(vertex_count), idom(vertex_count, no_vertex), samedom(vertex_count, no_vertex),
      bucket_head(vertex_count, no_vertex), bucket_next(vertex_count, no_vertex);
  for (std::uint32_t v = 0; v < vertex_count; ++v) best[v] = v;

  // The vertex of least semidominator on the forest path above v, with the
  // path compressed on the way; the recursion of the paper, unrolled.
  std::vector<std::uint32_t> chain;
  auto lowest_semi_above = [&](std::uint32_t v) {
    chain.clear();
    for (std::uint32_t u = v; ancestor[u] != no_vertex && ancestor[ancestor[u]] != no_vertex;
         u = ancestor[u])
      chain.push_back(u);
    for (auto w = chain.rbegin(); w != chain.rend(); ++w) {
      const std::uint32_t a = ancestor[*w];
      const std::uint32_t b = best[a];
      ancestor[*w] = ancestor[a];
      if (dfnum[semi[b]] < dfnum[semi[best[*w]]]) best[*w] = b;
    }
    return best[v];
  };

  for (std::size_t i = vertex.size() - 1; i >= 1; --i) {
    const std::uint32_t n = vertex[i];
    const std::uint32_t p = parent[n];
    std::uint32_t s = p;
    for (std::uint32_t v : predecessors.of(n)) {
      if (dfnum[v] == no_vertex) continue;  // not reachable from the root
      const std::uint32_t candidate = dfnum[v] <= dfnum[n] ? v : semi[lowest_semi_above(v)];
      if (dfnum[candidate] < dfnum[s]) s = candidate;
    }
    semi[n] = s;
    bucket_next[n] = bucket_head[s];
    bucket_head[s] = n;
    ancestor[n] = p;
    for (std::uint32_t v = bucket_head[p]; v != no_vertex; v = bucket_next[v]) {
      const std::uint32_t y = lowest_semi_above(v);
      if (semi[y] == semi[v])
        idom[v] = p;
      else
        samedom[v] = y;
    }
    bucket_head[p] = no_vertex;
  }
  for (std::size_t i = 1; i < vertex.size(); ++i) {
    const std::uint32_t n = vertex[i];
    if (samedom[n] != no_vertex) idom[n] = idom[samedom[n]];
  }
  idom[root] = root;
  return idom;
}

}  // namespace model_provenance::detail
