// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/lineage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>

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

// The CSR arrays of a snapshot's structure, read directly: Boost's edge
// iterators and descriptors cost little, but a walk does nothing else.
struct Rows {
  const std::uint32_t* out_start;
  const NodeId* out_target;
  const std::uint32_t* in_start;
  const NodeId* in_source;
  NodeId first_step;
  explicit Rows(const Snapshot& snapshot)
      : out_start(snapshot.graph().m_forward.m_rowstart.data()),
        out_target(snapshot.graph().m_forward.m_column.data()),
        in_start(snapshot.graph().m_backward.m_rowstart.data()),
        in_source(snapshot.graph().m_backward.m_column.data()),
        first_step(static_cast<NodeId>(snapshot.artifact_count())) {}
  bool is_artifact(NodeId node) const { return node < first_step; }
};

bool follows_everything(const LineageFilter& filter) {
  return filter.roles == all_roles && filter.step_kinds == all_step_kinds;
}

// Whether a walk toward ancestors follows in-edge `edge` of `node`: into an
// artifact, from a producing step of a kind the filter follows; into a
// step, from an input in a role it follows.
bool follows_in_edge(const Snapshot& snapshot, const Rows& rows, NodeId node, std::uint32_t edge,
                     const LineageFilter& filter) {
  if (rows.is_artifact(node)) return follows_kind(snapshot, rows.in_source[edge], filter);
  // A step's in-edges are in the order of its inputs (see freeze()).
  return filter.roles == all_roles ||
         (filter.roles & role_bit(snapshot.inputs(node)[edge - rows.in_start[node]].role));
}

// Calls visit(next) for each node one derivation away from `node` that the
// filter follows: toward ancestors, an artifact's producing steps and a
// step's inputs; toward descendants, an artifact's consuming steps and a
// step's outputs.  `artifact` tells which `node` is, so that a caller
// knowing it for many nodes decides once.  Always inlined: a walk does
// little else per node, and a call per node (with the walk's state spilled
// to memory around it) costs a third of the time.
template <typename Visit>
[[gnu::always_inline]] inline void for_each_neighbour(const Snapshot& snapshot, const Rows& rows,
                                                     NodeId node, bool artifact,
                                                     Direction direction,
                                                     const LineageFilter& filter, Visit&& visit) {
  if (direction == Direction::toward_ancestors) {
    if (artifact) {
      const std::uint32_t end = rows.in_start[node + 1];
      if (filter.step_kinds == all_step_kinds) {
        for (std::uint32_t e = rows.in_start[node]; e < end; ++e) visit(rows.in_source[e]);
      } else {
        for (std::uint32_t e = rows.in_start[node]; e < end; ++e)
          if (follows_kind(snapshot, rows.in_source[e], filter)) visit(rows.in_source[e]);
      }
    } else if (filter.roles == all_roles) {
      // A step's in-edges are in the order of its inputs (see freeze()).
      const std::uint32_t end = rows.in_start[node + 1];
      for (std::uint32_t e = rows.in_start[node]; e < end; ++e) visit(rows.in_source[e]);
    } else {
      for (const auto& input : snapshot.inputs(node))
        if (filter.roles & role_bit(input.role)) visit(input.artifact);
    }
    return;
  }
  if (artifact) {
    const std::uint32_t end = rows.out_start[node + 1];
    if (follows_everything(filter)) {
      for (std::uint32_t e = rows.out_start[node]; e < end; ++e) visit(rows.out_target[e]);
      return;
    }
    for (std::uint32_t e = rows.out_start[node]; e < end; ++e) {
      const NodeId step = rows.out_target[e];
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
    // A step's out-edges are in the order of its outputs.
    const std::uint32_t end = rows.out_start[node + 1];
    for (std::uint32_t e = rows.out_start[node]; e < end; ++e) visit(rows.out_target[e]);
  }
}

template <typename Visit>
void for_each_neighbour(const Snapshot& snapshot, const Rows& rows, NodeId node,
                        Direction direction, const LineageFilter& filter, Visit&& visit) {
  for_each_neighbour(snapshot, rows, node, rows.is_artifact(node), direction, filter,
                     std::forward<Visit>(visit));
}

template <typename Visit>
void for_each_neighbour(const Snapshot& snapshot, NodeId node, Direction direction,
                        const LineageFilter& filter, Visit&& visit) {
  for_each_neighbour(snapshot, Rows(snapshot), node, direction, filter, std::forward<Visit>(visit));
}

// A set of nodes, one bit each.
class Bitmap {
 public:
  explicit Bitmap(std::size_t size, bool full = false)
      : words_((size + 63) / 64, full ? ~std::uint64_t{0} : 0) {}
  // Whether `node` was in the set; it is afterwards.
  bool test_and_set(NodeId node) {
    std::uint64_t& word = words_[node >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (node & 63);
    const bool was = word & bit;
    word |= bit;
    return was;
  }
  bool test(NodeId node) const { return words_[node >> 6] & (std::uint64_t{1} << (node & 63)); }
  void remove(NodeId node) { words_[node >> 6] &= ~(std::uint64_t{1} << (node & 63)); }

 private:
  std::vector<std::uint64_t> words_;
};

void check_node(const Snapshot& snapshot, NodeId node, const char* argument) {
  if (!snapshot.contains(node))
    throw Error({ProblemCode::unknown_id,
                 fmt::format("node {} is not in this snapshot of {} nodes", node,
                             snapshot.node_count()),
                 {},
                 argument});
}

// Breadth-first walk from `start`; visit(node, from) for each node reached,
// once, in the order they are appended to `queue` (which the walk uses as
// its queue: it holds every node reached, `start` excluded).  A visit
// returning bool stops the walk by returning false.  Returns the depth of
// the last node listed when the walk ran to its end (0 when it reached
// nothing).
template <typename Visit>
std::uint32_t walk(const Snapshot& snapshot, NodeId start, Direction direction,
                   const LineageFilter& filter, std::vector<NodeId>& queue, Visit&& visit) {
  constexpr bool may_stop = !std::is_void_v<std::invoke_result_t<Visit&, NodeId, NodeId>>;
  const Rows rows(snapshot);
  // A copy the queue's stores cannot alias: the masks stay in registers.
  const LineageFilter own_filter = filter;
  Bitmap seen(snapshot.node_count());
  seen.test_and_set(start);
  const std::uint32_t max_depth = filter.max_depth.value_or(~std::uint32_t{0});
  bool keep_going = true;
  auto reach_from = [&](NodeId from) {
    return [&, from](NodeId next) {
      if (seen.test_and_set(next)) return;
      if constexpr (may_stop) {
        if (!keep_going) return;
        queue.push_back(next);
        keep_going = visit(next, from);
      } else {
        queue.push_back(next);
        visit(next, from);
      }
    };
  };
  // What `start` reaches is one derivation away whatever it is.
  if (max_depth >= 1)
    for_each_neighbour(snapshot, rows, start, rows.is_artifact(start), direction, own_filter,
                       reach_from(start));
  // Then layer by layer: derivations alternate artifacts and steps, so the
  // nodes of a layer are all of one kind, and entering a step is one
  // derivation further.  Each layer's kind and depth are settled once, the
  // depth changing where Lineage reads it: where steps follow artifacts.
  std::uint32_t depth = 0;
  for (std::size_t begin = 0; keep_going && begin < queue.size();) {
    const std::size_t end = queue.size();
    const bool artifacts = rows.is_artifact(queue[begin]);
    if (!artifacts || depth == 0) ++depth;
    if ((artifacts ? depth + 1 : depth) > max_depth) break;
    if (artifacts) {
      for (std::size_t head = begin; keep_going && head < end; ++head)
        for_each_neighbour(snapshot, rows, queue[head], true, direction, own_filter,
                           reach_from(queue[head]));
    } else {
      for (std::size_t head = begin; keep_going && head < end; ++head)
        for_each_neighbour(snapshot, rows, queue[head], false, direction, own_filter,
                           reach_from(queue[head]));
    }
    begin = end;
  }
  return depth;
}

[[noreturn]] void reject_cycle(const Snapshot& snapshot, NodeId from, NodeId to) {
  throw Error({ProblemCode::not_acyclic,
               fmt::format("the lineage is cyclic: '{}' derives from '{}', which derives from it",
                           snapshot.id(from), snapshot.id(to)),
               {std::string(snapshot.id(from)), std::string(snapshot.id(to))},
               "inputs"});
}

}  // namespace

Lineage ancestors(const Snapshot& snapshot, NodeId start, const LineageFilter& filter) {
  check_node(snapshot, start, "start");
  std::vector<NodeId> found;
  const std::uint32_t deepest =
      walk(snapshot, start, Direction::toward_ancestors, filter, found, [](NodeId, NodeId) {});
  return Lineage(std::move(found), static_cast<NodeId>(snapshot.artifact_count()), deepest);
}

Lineage descendants(const Snapshot& snapshot, NodeId start, const LineageFilter& filter) {
  check_node(snapshot, start, "start");
  std::vector<NodeId> found;
  const std::uint32_t deepest =
      walk(snapshot, start, Direction::toward_descendants, filter, found, [](NodeId, NodeId) {});
  return Lineage(std::move(found), static_cast<NodeId>(snapshot.artifact_count()), deepest);
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
  std::vector<NodeId> queue;
  walk(snapshot, descendant, Direction::toward_ancestors, filter, queue,
       [&](NodeId node, NodeId from) {
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
  const Rows rows(snapshot);
  // Whatever the roles, an artifact is produced when a step it follows
  // outputs it.
  auto produced = [&](NodeId artifact) {
    if (filter.step_kinds == all_step_kinds) return rows.in_start[artifact + 1] != rows.in_start[artifact];
    for (std::uint32_t e = rows.in_start[artifact]; e < rows.in_start[artifact + 1]; ++e)
      if (follows_kind(snapshot, rows.in_source[e], filter)) return true;
    return false;
  };
  std::vector<NodeId> roots;
  if (snapshot.is_artifact(start) && !produced(start)) roots.push_back(start);
  const auto lineage = ancestors(snapshot, start, filter);
  for (const NodeId node : lineage.nodes())
    if (rows.is_artifact(node) && !produced(node)) roots.push_back(node);
  std::sort(roots.begin(), roots.end());
  return roots;
}

std::vector<NodeId> topological_order(const Snapshot& snapshot) {
  if (!snapshot.acyclic()) {
    const auto components = strongly_connected_components(snapshot);
    const auto& cycle = components.cyclic.front();
    reject_cycle(snapshot, cycle[0], cycle[1]);
  }
  // Kahn's algorithm over the CSR arrays: nodes without inputs first, in
  // node order, then each node once its last predecessor is listed.
  const Rows rows(snapshot);
  const auto node_count = static_cast<NodeId>(snapshot.node_count());
  std::vector<std::uint32_t> waiting(node_count);
  std::vector<NodeId> order;
  order.reserve(node_count);
  for (NodeId node = 0; node < node_count; ++node) {
    waiting[node] = rows.in_start[node + 1] - rows.in_start[node];
    if (waiting[node] == 0) order.push_back(node);
  }
  for (std::size_t head = 0; head < order.size(); ++head) {
    const NodeId node = order[head];
    const std::uint32_t end = rows.out_start[node + 1];
    for (std::uint32_t e = rows.out_start[node]; e < end; ++e)
      if (--waiting[rows.out_target[e]] == 0) order.push_back(rows.out_target[e]);
  }
  return order;
}

std::vector<NodeId> lineage_in_derivation_order(const Snapshot& snapshot, NodeId start,
                                                const LineageFilter& filter) {
  check_node(snapshot, start, "start");
  // Depth-first post-order toward ancestors lists every node after all it
  // derives from.  The walk stays inside the (depth-limited) lineage; with
  // no depth limit, that is whatever the walk reaches.  `entered` holds the
  // nodes opened, and under a depth limit also those outside the lineage,
  // never to be opened; `listed` holds the nodes closed (and those outside),
  // so that an entered node not listed is open: reaching it again is a
  // cycle, which only a snapshot with cycles needs to look for.
  const auto node_count = snapshot.node_count();
  const bool limited = filter.max_depth.has_value();
  const bool may_cycle = !snapshot.acyclic();
  Bitmap entered(node_count, limited), listed(may_cycle ? node_count : 0, limited);
  if (limited) {
    const auto inside = ancestors(snapshot, start, filter);
    for (const NodeId node : inside.nodes()) entered.remove(node);
    entered.remove(start);
    if (may_cycle) {
      for (const NodeId node : inside.nodes()) listed.remove(node);
      listed.remove(start);
    }
  }

  // The open nodes, each with the in-edges it has yet to look at: the
  // edges before `edges_left`, taken last first (the order of the
  // recursive definition pushing parents on a stack).
  const Rows rows(snapshot);
  const bool every_edge = follows_everything(filter);
  std::vector<NodeId> order;
  std::vector<std::pair<NodeId, std::uint32_t>> open_nodes{{start, rows.in_start[start + 1]}};
  entered.test_and_set(start);
  while (!open_nodes.empty()) {
    auto& [node, edges_left] = open_nodes.back();
    if (edges_left == rows.in_start[node]) {
      if (may_cycle) listed.test_and_set(node);
      order.push_back(node);
      open_nodes.pop_back();
      continue;
    }
    const std::uint32_t edge = --edges_left;
    if (!every_edge && !follows_in_edge(snapshot, rows, node, edge, filter)) continue;
    const NodeId parent = rows.in_source[edge];
    if (!entered.test_and_set(parent)) {
      open_nodes.emplace_back(parent, rows.in_start[parent + 1]);  // `node` dangles from here
    } else if (may_cycle && !listed.test(parent)) {
      reject_cycle(snapshot, node, parent);
    }
  }
  return order;
}

StrongComponents strongly_connected_components(const Snapshot& snapshot) {
  // Tarjan's algorithm with an explicit call stack, roots taken in node
  // order and edges in CSR order: the components are numbered as they
  // complete, as Boost's strong_components numbers them.
  StrongComponents result;
  const Rows rows(snapshot);
  const auto node_count = static_cast<NodeId>(snapshot.node_count());
  auto& component = result.component_of;
  component.assign(node_count, detail::no_vertex);
  std::vector<std::uint32_t> index(node_count, detail::no_vertex), low(node_count);
  std::vector<NodeId> stack;
  std::vector<std::pair<NodeId, std::uint32_t>> calls;  // node, next edge
  std::uint32_t next_index = 0, count = 0;
  for (NodeId root = 0; root < node_count; ++root) {
    if (index[root] != detail::no_vertex) continue;
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    calls.emplace_back(root, rows.out_start[root]);
    while (!calls.empty()) {
      auto& [node, edge] = calls.back();
      if (edge < rows.out_start[node + 1]) {
        const NodeId next = rows.out_target[edge++];
        if (index[next] == detail::no_vertex) {
          index[next] = low[next] = next_index++;
          stack.push_back(next);
          calls.emplace_back(next, rows.out_start[next]);
        } else if (component[next] == detail::no_vertex) {
          low[node] = std::min(low[node], index[next]);
        }
        continue;
      }
      const NodeId finished = node;
      calls.pop_back();
      if (low[finished] == index[finished]) {
        NodeId member;
        do {
          member = stack.back();
          stack.pop_back();
          component[member] = count;
        } while (member != finished);
        ++count;
      }
      if (!calls.empty()) {
        const NodeId caller = calls.back().first;
        low[caller] = std::min(low[caller], low[finished]);
      }
    }
  }
  result.count = count;
  if (count == node_count) return result;
  std::vector<std::uint32_t> size(result.count, 0);
  for (std::uint32_t c : result.component_of) ++size[c];
  std::vector<std::uint32_t> slot(result.count, detail::no_vertex);
  for (NodeId node = 0; node < node_count; ++node) {
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

namespace {

// Dominators in an acyclic lineage: one pass of Cooper, Harvey and Kennedy
// ("A simple, fast dominance algorithm", 2001) in derivation order, where
// every parent comes before its children, so one pass is the fixed point.
// Nodes are ranked by their place in that order, 0 standing for the virtual
// source feeding every root.
std::vector<NodeId> acyclic_dominators(const Snapshot& snapshot, NodeId target,
                                       const LineageFilter& filter) {
  const std::vector<NodeId> order = lineage_in_derivation_order(snapshot, target, filter);
  std::vector<std::uint32_t> rank(snapshot.node_count(), 0);  // 0: outside the lineage
  for (std::uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i + 1;
  std::vector<std::uint32_t> idom(order.size() + 1, 0);
  const Rows rows(snapshot);
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    std::uint32_t dominator = detail::no_vertex;
    for_each_neighbour(snapshot, rows, order[i], Direction::toward_ancestors, filter,
                       [&](NodeId parent) {
                         std::uint32_t other = rank[parent];
                         if (other == 0) return;  // beyond the depth limit
                         if (dominator == detail::no_vertex) {
                           dominator = other;
                           return;
                         }
                         while (other != dominator) {
                           while (other > dominator) other = idom[other];
                           while (dominator > other) dominator = idom[dominator];
                         }
                       });
    idom[i + 1] = dominator == detail::no_vertex ? 0 : dominator;
  }
  std::vector<NodeId> result;
  for (std::uint32_t r = idom[order.size()]; r != 0; r = idom[r]) result.push_back(order[r - 1]);
  return result;
}

}  // namespace

std::vector<NodeId> dominators(const Snapshot& snapshot, NodeId target,
                               const LineageFilter& filter) {
  check_node(snapshot, target, "target");
  if (snapshot.acyclic()) return acyclic_dominators(snapshot, target, filter);
  // With cycles, Lengauer and Tarjan over the lineage numbered locally: 0
  // is a virtual source feeding every root, so that "every path from any
  // root" becomes "every path from 0".
  std::vector<NodeId> local_to_node{detail::no_vertex, target};
  const auto lineage = ancestors(snapshot, target, filter);
  local_to_node.insert(local_to_node.end(), lineage.nodes().begin(), lineage.nodes().end());
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
