// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/lineage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include "model-provenance/detail/dominators.hpp"

namespace model_provenance {
namespace {

enum class Direction { toward_ancestors, toward_descendants };

// The unfiltered cases skip reading step records: on graphs of millions of
// nodes those reads are cache misses that double a walk's time.
bool follows_kind(const Snapshot& snapshot, NodeId step, const LineageFilter& filter) {
  return filter.step_kinds == all_step_kinds ||
         (filter.step_kinds & step_kind_bit(snapshot.step_kind(step)));
}

// Calls visit(next) for each node one derivation away from `node` that the
// filter follows: toward ancestors, an artifact's producing steps and a
// step's inputs; toward descendants, an artifact's consuming steps and a
// step's outputs.
template <typename Visit>
void for_each_neighbour(const Snapshot& snapshot, NodeId node, Direction direction,
                        const LineageFilter& filter, Visit&& visit) {
  const DerivationGraph& graph = snapshot.graph();
  if (direction == Direction::toward_ancestors) {
    if (snapshot.is_artifact(node)) {
      for (auto edge : boost::make_iterator_range(in_edges(node, graph)))
        if (follows_kind(snapshot, source(edge, graph), filter)) visit(source(edge, graph));
    } else {
      for (const auto& input : snapshot.inputs(node))
        if (filter.roles & role_bit(input.role)) visit(input.artifact);
    }
    return;
  }
  if (snapshot.is_artifact(node)) {
    for (auto edge : boost::make_iterator_range(out_edges(node, graph))) {
      const NodeId step = target(edge, graph);
      if (!follows_kind(snapshot, step, filter)) continue;
      if (filter.roles == all_roles) {
        visit(step);
        continue;
      }
      // Parallel edges (one artifact in two roles) differ only in role, so
      // the edge is followed when any of its roles is.
      const auto inputs = snapshot.inputs(step);
      if (std::any_of(inputs.begin(), inputs.end(), [&](const auto& input) {
            return input.artifact == node && (filter.roles & role_bit(input.role));
          }))
        visit(step);
    }
  } else {
    for (const auto& output : snapshot.outputs(node)) visit(output.artifact);
  }
}

void check_node(const Snapshot& snapshot, NodeId node, const char* argument) {
  if (!snapshot.contains(node))
    throw Error({ProblemCode::unknown_id,
                 fmt::format("node {} is not in this snapshot of {} nodes", node,
                             snapshot.node_count()),
                 {},
                 argument});
}

// Breadth-first walk from `start`; visit(node, from, depth) for each node
// reached, once.  Stops early when visit returns false.
template <typename Visit>
void walk(const Snapshot& snapshot, NodeId start, Direction direction, const LineageFilter& filter,
          Visit&& visit) {
  std::vector<bool> seen(snapshot.node_count(), false);
  seen[start] = true;
  std::vector<LineageEntry> queue{{start, 0}};
  for (std::size_t head = 0; head < queue.size(); ++head) {
    // Not a structured binding: C++17 lambdas (and clang) cannot capture one.
    const NodeId node = queue[head].node;
    const std::uint32_t depth = queue[head].depth;
    // Entering a step is one derivation further; leaving it is not.  A
    // step we start from counts as the first derivation.
    const std::uint32_t next_depth =
        snapshot.is_artifact(node) ? depth + 1 : (node == start ? 1 : depth);
    if (filter.max_depth && next_depth > *filter.max_depth) continue;
    bool keep_going = true;
    for_each_neighbour(snapshot, node, direction, filter, [&](NodeId next) {
      if (!keep_going || seen[next]) return;
      seen[next] = true;
      queue.push_back({next, next_depth});
      keep_going = visit(next, node, next_depth);
    });
    if (!keep_going) return;
  }
}

std::vector<LineageEntry> collect(const Snapshot& snapshot, NodeId start, Direction direction,
                                  const LineageFilter& filter) {
  check_node(snapshot, start, "start");
  std::vector<LineageEntry> found;
  walk(snapshot, start, direction, filter, [&](NodeId node, NodeId, std::uint32_t depth) {
    found.push_back({node, depth});
    return true;
  });
  return found;
}

[[noreturn]] void reject_cycle(const Snapshot& snapshot, NodeId from, NodeId to) {
  throw Error({ProblemCode::not_acyclic,
               fmt::format("the lineage is cyclic: '{}' derives from '{}', which derives from it",
                           snapshot.id(from), snapshot.id(to)),
               {std::string(snapshot.id(from)), std::string(snapshot.id(to))},
               "inputs"});
}

}  // namespace

std::vector<LineageEntry> ancestors(const Snapshot& snapshot, NodeId start,
                                    const LineageFilter& filter) {
  return collect(snapshot, start, Direction::toward_ancestors, filter);
}

std::vector<LineageEntry> descendants(const Snapshot& snapshot, NodeId start,
                                      const LineageFilter& filter) {
  return collect(snapshot, start, Direction::toward_descendants, filter);
}

std::optional<std::vector<NodeId>> derivation_path(const Snapshot& snapshot, NodeId ancestor,
                                                   NodeId descendant,
                                                   const LineageFilter& filter) {
  check_node(snapshot, ancestor, "ancestor");
  check_node(snapshot, descendant, "descendant");
  if (ancestor == descendant) return std::vector<NodeId>{ancestor};
  // Search upward from the descendant: an ancestor cone is usually far
  // smaller than a base model's descendants.
  std::vector<NodeId> toward_descendant(snapshot.node_count(), detail::no_vertex);
  bool found = false;
  walk(snapshot, descendant, Direction::toward_ancestors, filter,
       [&](NodeId node, NodeId from, std::uint32_t) {
         toward_descendant[node] = from;
         found = node == ancestor;
         return !found;
       });
  if (!found) return std::nullopt;
  std::vector<NodeId> path{ancestor};
  while (path.back() != descendant) path.push_back(toward_descendant[path.back()]);
  return path;
}

std::vector<NodeId> lineage_roots(const Snapshot& snapshot, NodeId start,
                                  const LineageFilter& filter) {
  check_node(snapshot, start, "start");
  std::vector<NodeId> candidates{start};
  for (const auto& entry : ancestors(snapshot, start, filter)) candidates.push_back(entry.node);
  std::vector<NodeId> roots;
  for (NodeId node : candidates) {
    if (!snapshot.is_artifact(node)) continue;
    bool produced = false;
    LineageFilter any_role = filter;
    any_role.roles = all_roles;
    for_each_neighbour(snapshot, node, Direction::toward_ancestors, any_role,
                       [&](NodeId) { produced = true; });
    if (!produced) roots.push_back(node);
  }
  std::sort(roots.begin(), roots.end());
  return roots;
}

std::vector<NodeId> topological_order(const Snapshot& snapshot) {
  if (!snapshot.acyclic()) {
    const auto components = strongly_connected_components(snapshot);
    const auto& cycle = components.cyclic.front();
    reject_cycle(snapshot, cycle[0], cycle[1]);
  }
  std::vector<NodeId> order;
  order.reserve(snapshot.node_count());
  boost::topological_sort(snapshot.graph(), std::back_inserter(order));
  std::reverse(order.begin(), order.end());
  return order;
}

std::vector<NodeId> lineage_in_derivation_order(const Snapshot& snapshot, NodeId start,
                                                const LineageFilter& filter) {
  check_node(snapshot, start, "start");
  // Depth-first post-order toward ancestors lists every node after all it
  // derives from.  The walk stays inside the (depth-limited) lineage.
  enum : std::uint8_t { outside, unvisited, open, done };
  std::vector<std::uint8_t> state(snapshot.node_count(), outside);
  state[start] = unvisited;
  for (const auto& entry : ancestors(snapshot, start, filter)) state[entry.node] = unvisited;

  // One flat stack of parents still to visit; each open node remembers
  // where its own parents begin on it.
  std::vector<NodeId> order, pending;
  std::vector<std::pair<NodeId, std::size_t>> open_nodes;
  auto open_node = [&](NodeId node) {
    state[node] = open;
    open_nodes.emplace_back(node, pending.size());
    for_each_neighbour(snapshot, node, Direction::toward_ancestors, filter,
                       [&](NodeId parent) { pending.push_back(parent); });
  };
  open_node(start);
  while (!open_nodes.empty()) {
    const auto [node, parents_begin] = open_nodes.back();
    if (pending.size() == parents_begin) {
      state[node] = done;
      order.push_back(node);
      open_nodes.pop_back();
      continue;
    }
    const NodeId parent = pending.back();
    pending.pop_back();
    if (state[parent] == open) reject_cycle(snapshot, node, parent);
    if (state[parent] == unvisited) open_node(parent);
  }
  return order;
}

StrongComponents strongly_connected_components(const Snapshot& snapshot) {
  StrongComponents result;
  const auto& graph = snapshot.graph();
  result.component_of.resize(snapshot.node_count());
  result.count = static_cast<std::uint32_t>(boost::strong_components(
      graph, boost::make_iterator_property_map(result.component_of.begin(),
                                               get(boost::vertex_index, graph))));
  std::vector<std::uint32_t> size(result.count, 0);
  for (std::uint32_t c : result.component_of) ++size[c];
  std::vector<std::uint32_t> slot(result.count, detail::no_vertex);
  for (NodeId node = 0; node < snapshot.node_count(); ++node) {
    const std::uint32_t c = result.component_of[node];
    if (size[c] < 2) continue;
    if (slot[c] == detail::no_vertex) {
      slot[c] = static_cast<std::uint32_t>(result.cyclic.size());
      result.cyclic.emplace_back();
    }
    result.cyclic[slot[c]].push_back(node);
  }
  return result;
}

std::vector<NodeId> dominators(const Snapshot& snapshot, NodeId target,
                               const LineageFilter& filter) {
  check_node(snapshot, target, "target");
  // Number the lineage locally: 0 is a virtual source feeding every root,
  // so that "every path from any root" becomes "every path from 0".
  std::vector<NodeId> local_to_node{detail::no_vertex, target};
  for (const auto& entry : ancestors(snapshot, target, filter)) local_to_node.push_back(entry.node);
  std::vector<std::uint32_t> node_to_local(snapshot.node_count(), detail::no_vertex);
  for (std::uint32_t local = 1; local < local_to_node.size(); ++local)
    node_to_local[local_to_node[local]] = local;

  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (std::uint32_t local = 1; local < local_to_node.size(); ++local) {
    bool has_parent = false;
    for_each_neighbour(snapshot, local_to_node[local], Direction::toward_ancestors, filter,
                       [&](NodeId parent) {
                         if (node_to_local[parent] == detail::no_vertex) return;
                         edges.emplace_back(node_to_local[parent], local);
                         has_parent = true;
                       });
    if (!has_parent) edges.emplace_back(0, local);
  }
  const auto idom = detail::immediate_dominators(
      static_cast<std::uint32_t>(local_to_node.size()), 0, edges);

  std::vector<NodeId> result;
  for (std::uint32_t local = idom[1]; local != detail::no_vertex && local != 0;
       local = idom[local])
    result.push_back(local_to_node[local]);
  return result;
}

}  // namespace model_provenance
