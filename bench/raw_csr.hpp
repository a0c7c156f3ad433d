// SPDX-License-Identifier: GPL-3.0-or-later
// The yardstick of graph-bench: a plain hand-written compressed sparse row
// graph (two int32 arrays per direction) and the textbook algorithms over
// it, with no filters, no depths, no records and no checks.  Each project
// query is timed against its counterpart here in the same process; the
// ratio is the "ratio_to_raw" counter (issue 15 asks for at most 1.5).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace model_provenance::raw {

struct Csr {
  std::vector<std::int32_t> out_start, out_target;  // forward: node -> successors
  std::vector<std::int32_t> in_start, in_source;    // backward: node -> predecessors

  // From an edge list (source, target) over nodes [0, n).
  template <typename Edges>
  static Csr from_edges(std::int32_t n, const Edges& edges) {
    Csr g;
    g.out_start.assign(n + 1, 0);
    g.in_start.assign(n + 1, 0);
    for (const auto& [s, t] : edges) {
      ++g.out_start[s + 1];
      ++g.in_start[t + 1];
    }
    for (std::int32_t v = 0; v < n; ++v) {
      g.out_start[v + 1] += g.out_start[v];
      g.in_start[v + 1] += g.in_start[v];
    }
    g.out_target.resize(g.out_start[n]);
    g.in_source.resize(g.in_start[n]);
    std::vector<std::int32_t> out_next(g.out_start.begin(), g.out_start.end() - 1);
    std::vector<std::int32_t> in_next(g.in_start.begin(), g.in_start.end() - 1);
    for (const auto& [s, t] : edges) {
      g.out_target[out_next[s]++] = static_cast<std::int32_t>(t);
      g.in_source[in_next[t]++] = static_cast<std::int32_t>(s);
    }
    return g;
  }
  std::int32_t size() const { return static_cast<std::int32_t>(out_start.size() - 1); }
};

struct Bitmap {
  std::vector<std::uint64_t> words;
  explicit Bitmap(std::int32_t n) : words((static_cast<std::size_t>(n) + 63) / 64, 0) {}
  bool test_and_set(std::int32_t v) {
    std::uint64_t& w = words[static_cast<std::uint32_t>(v) >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (v & 63);
    const bool was = w & bit;
    w |= bit;
    return was;
  }
};

// Breadth-first search from start over one direction; the nodes reached,
// start excluded.
inline std::vector<std::int32_t> bfs(const std::vector<std::int32_t>& start_of,
                                     const std::vector<std::int32_t>& adjacent, std::int32_t start) {
  Bitmap seen(static_cast<std::int32_t>(start_of.size() - 1));
  seen.test_and_set(start);
  // The queue is the answer: start is expanded first but never queued, so
  // that no pass removes it afterwards.
  std::vector<std::int32_t> queue;
  std::int32_t v = start;
  for (std::size_t head = 0;; ++head) {
    for (std::int32_t e = start_of[v]; e < start_of[v + 1]; ++e)
      if (!seen.test_and_set(adjacent[e])) queue.push_back(adjacent[e]);
    if (head == queue.size()) break;
    v = queue[head];
  }
  return queue;
}

inline std::vector<std::int32_t> ancestors(const Csr& g, std::int32_t v) {
  return bfs(g.in_start, g.in_source, v);
}
inline std::vector<std::int32_t> descendants(const Csr& g, std::int32_t v) {
  return bfs(g.out_start, g.out_target, v);
}

// A shortest path from `from` to `to`, searched backward from `to`.
inline std::vector<std::int32_t> path(const Csr& g, std::int32_t from, std::int32_t to) {
  std::vector<std::int32_t> next(g.size(), -1);
  Bitmap seen(g.size());
  seen.test_and_set(to);
  std::vector<std::int32_t> queue{to};
  bool found = from == to;
  for (std::size_t head = 0; head < queue.size() && !found; ++head) {
    const std::int32_t v = queue[head];
    for (std::int32_t e = g.in_start[v]; e < g.in_start[v + 1]; ++e) {
      const std::int32_t u = g.in_source[e];
      if (seen.test_and_set(u)) continue;
      next[u] = v;
      if (u == from) {
        found = true;
        break;
      }
      queue.push_back(u);
    }
  }
  std::vector<std::int32_t> result;
  if (!found) return result;
  for (std::int32_t v = from; v != -1; v = v == to ? -1 : next[v]) result.push_back(v);
  return result;
}

// Ancestors (and v) without predecessors, sorted.
inline std::vector<std::int32_t> roots(const Csr& g, std::int32_t v) {
  std::vector<std::int32_t> lineage = ancestors(g, v);
  lineage.push_back(v);
  std::vector<std::int32_t> result;
  for (std::int32_t u : lineage)
    if (g.in_start[u] == g.in_start[u + 1]) result.push_back(u);
  std::sort(result.begin(), result.end());
  return result;
}

// The ancestors of v and v, each after its predecessors: iterative
// depth-first post-order over the backward arrays.
inline std::vector<std::int32_t> derivation_order(const Csr& g, std::int32_t v) {
  Bitmap seen(g.size());
  std::vector<std::int32_t> order;
  std::vector<std::pair<std::int32_t, std::int32_t>> stack{{v, g.in_start[v]}};
  seen.test_and_set(v);
  while (!stack.empty()) {
    auto& [u, e] = stack.back();
    if (e == g.in_start[u + 1]) {
      order.push_back(u);
      stack.pop_back();
      continue;
    }
    const std::int32_t w = g.in_source[e++];
    if (!seen.test_and_set(w)) stack.emplace_back(w, g.in_start[w]);
  }
  return order;
}

// Kahn's algorithm.
inline std::vector<std::int32_t> topological_order(const Csr& g) {
  const std::int32_t n = g.size();
  std::vector<std::int32_t> indegree(n);
  std::vector<std::int32_t> order;
  order.reserve(n);
  for (std::int32_t v = 0; v < n; ++v) {
    indegree[v] = g.in_start[v + 1] - g.in_start[v];
    if (indegree[v] == 0) order.push_back(v);
  }
  for (std::size_t head = 0; head < order.size(); ++head) {
    const std::int32_t v = order[head];
    for (std::int32_t e = g.out_start[v]; e < g.out_start[v + 1]; ++e)
      if (--indegree[g.out_target[e]] == 0) order.push_back(g.out_target[e]);
  }
  return order;
}

// Iterative Tarjan; the number of strong components.
inline std::int32_t strong_components(const Csr& g, std::vector<std::int32_t>& component) {
  const std::int32_t n = g.size();
  std::vector<std::int32_t> index(n, -1), low(n);
  std::vector<std::int32_t> stack;
  std::vector<std::pair<std::int32_t, std::int32_t>> calls;
  component.assign(n, -1);
  std::int32_t next_index = 0, count = 0;
  for (std::int32_t root = 0; root < n; ++root) {
    if (index[root] != -1) continue;
    calls.emplace_back(root, g.out_start[root]);
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    while (!calls.empty()) {
      auto& [v, e] = calls.back();
      if (e < g.out_start[v + 1]) {
        const std::int32_t w = g.out_target[e++];
        if (index[w] == -1) {
          index[w] = low[w] = next_index++;
          stack.push_back(w);
          calls.emplace_back(w, g.out_start[w]);
        } else if (component[w] == -1) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      const std::int32_t done = v;
      calls.pop_back();
      if (low[done] == index[done]) {
        std::int32_t w;
        do {
          w = stack.back();
          stack.pop_back();
          component[w] = count;
        } while (w != done);
        ++count;
      }
      if (!calls.empty()) low[calls.back().first] = std::min(low[calls.back().first], low[done]);
    }
  }
  return count;
}

// The dominators of v over its lineage (roots fed by a virtual source), in
// one Cooper-Harvey-Kennedy pass over the derivation order (acyclic input).
inline std::vector<std::int32_t> dominators(const Csr& g, std::int32_t v) {
  const std::vector<std::int32_t> order = derivation_order(g, v);
  std::vector<std::int32_t> rank(g.size());  // position + 1; 0 is the source
  std::vector<std::int32_t> idom(order.size() + 1, 0);
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<std::int32_t>(i + 1);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::int32_t u = order[i];
    std::int32_t d = -1;
    for (std::int32_t e = g.in_start[u]; e < g.in_start[u + 1]; ++e) {
      std::int32_t p = rank[g.in_source[e]];
      if (d == -1) {
        d = p;
        continue;
      }
      while (p != d) {
        while (p > d) p = idom[p];
        while (d > p) d = idom[d];
      }
    }
    idom[i + 1] = d == -1 ? 0 : d;
  }
  std::vector<std::int32_t> result;
  for (std::int32_t r = idom[order.size()]; r != 0; r = idom[r]) result.push_back(order[r - 1]);
  return result;
}

}  // namespace model_provenance::raw
