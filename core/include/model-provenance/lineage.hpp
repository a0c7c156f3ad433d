// SPDX-License-Identifier: GPL-3.0-or-later
// Lineage queries on a frozen snapshot.  Every traversal keeps its own
// explicit stack or queue: a chain of a million derivations is an ordinary
// input, not a stack overflow.
#pragma once

#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "model-provenance/graph.hpp"

namespace model_provenance {

// Which derivations a query follows.  A step is entered only if its kind is
// in step_kinds; through a step, only inputs whose role is in roles are
// followed.  Depth counts derivation steps: the producing step of an
// artifact and that step's inputs are at depth 1, their producers at 2.
struct LineageFilter {
  RoleMask roles = all_roles;
  StepKindMask step_kinds = all_step_kinds;
  std::optional<std::uint32_t> max_depth;
};

struct LineageEntry {
  NodeId node;
  std::uint32_t depth;
  friend bool operator==(const LineageEntry&, const LineageEntry&) = default;
};

class Lineage;

// What `start` derives from (steps and artifacts), nearest first, each once,
// at the smallest depth it is reached; `start` itself is not listed.
Lineage ancestors(const Snapshot&, NodeId start, const LineageFilter& = {});

// What derives from `start`, nearest first, likewise.
Lineage descendants(const Snapshot&, NodeId start, const LineageFilter& = {});

// The answer of ancestors() and descendants(): the nodes in the order a
// breadth-first walk reaches them, iterated as LineageEntry (node, depth).
// Depths take no memory: derivations alternate artifacts and steps, so the
// walk lists runs of one kind, and a new depth begins exactly where a step
// follows an artifact.  On a lineage of millions of nodes, that halves what
// a query writes.
class Lineage {
 public:
  class iterator {
   public:
    using iterator_concept = std::bidirectional_iterator_tag;
    using iterator_category = std::input_iterator_tag;  // entries are made, not stored
    using value_type = LineageEntry;
    using difference_type = std::ptrdiff_t;
    using reference = LineageEntry;

    iterator() = default;
    LineageEntry operator*() const { return {*at_, depth_}; }
    iterator& operator++() {
      const bool left_artifact = *at_ < first_step_;
      ++at_;
      if (at_ != end_ && left_artifact && *at_ >= first_step_) ++depth_;
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    iterator& operator--() {
      if (at_ != end_ && *at_ >= first_step_ && at_[-1] < first_step_) --depth_;
      --at_;
      return *this;
    }
    iterator operator--(int) {
      iterator before = *this;
      --*this;
      return before;
    }
    friend bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }

   private:
    friend class Lineage;
    iterator(const NodeId* at, const NodeId* end, NodeId first_step, std::uint32_t depth)
        : at_(at), end_(end), first_step_(first_step), depth_(depth) {}
    const NodeId* at_ = nullptr;
    const NodeId* end_ = nullptr;
    NodeId first_step_ = 0;
    std::uint32_t depth_ = 0;  // of *at_; at the end, that of the last entry
  };
  using const_iterator = iterator;
  using reverse_iterator = std::reverse_iterator<iterator>;

  Lineage() = default;
  iterator begin() const { return {nodes_.data(), end_of_nodes(), first_step_, 1}; }
  iterator end() const { return {end_of_nodes(), end_of_nodes(), first_step_, deepest_}; }
  reverse_iterator rbegin() const { return reverse_iterator(end()); }
  reverse_iterator rend() const { return reverse_iterator(begin()); }
  std::size_t size() const { return nodes_.size(); }
  bool empty() const { return nodes_.empty(); }
  // The nodes alone, nearest first.  Not of a temporary, which `for (NodeId
  // n : ancestors(...).nodes())` would leave dangling.
  std::span<const NodeId> nodes() const& { return nodes_; }
  std::span<const NodeId> nodes() const&& = delete;
  // The depth of the last entry; 0 when there is none.
  std::uint32_t deepest() const { return deepest_; }

 private:
  friend Lineage ancestors(const Snapshot&, NodeId, const LineageFilter&);
  friend Lineage descendants(const Snapshot&, NodeId, const LineageFilter&);
  Lineage(std::vector<NodeId> nodes, NodeId first_step, std::uint32_t deepest)
      : nodes_(std::move(nodes)), first_step_(first_step), deepest_(deepest) {}
  const NodeId* end_of_nodes() const { return nodes_.data() + nodes_.size(); }

  std::vector<NodeId> nodes_;
  NodeId first_step_ = 0;  // the snapshot's artifact_count()
  std::uint32_t deepest_ = 0;
};

// One shortest derivation from `ancestor` to `descendant`, both included,
// alternating artifacts and steps; nullopt when `descendant` does not derive
// from `ancestor` under the filter.
std::optional<std::vector<NodeId>> derivation_path(const Snapshot&, NodeId ancestor,
                                                   NodeId descendant, const LineageFilter& = {});

// The artifacts where the lineage of `start` ends: reached, and with no
// producing step the filter follows (raw data, software, opaque weights).
// `start` itself when nothing produces it.  Sorted by node.
std::vector<NodeId> lineage_roots(const Snapshot&, NodeId start, const LineageFilter& = {});

// Every node, inputs before the steps that use them before their outputs
// (Kahn's order: the nodes nothing derives into first, by node number, then
// each node as soon as the last of its predecessors is listed).  Error
// (not_acyclic) on a snapshot frozen with cycles that has some.
std::vector<NodeId> topological_order(const Snapshot&);

// The lineage of `start` (its ancestors under the filter, then `start`) in
// derivation order.  Error (not_acyclic) naming a cycle inside it.
std::vector<NodeId> lineage_in_derivation_order(const Snapshot&, NodeId start,
                                                const LineageFilter& = {});

struct StrongComponents {
  std::vector<std::uint32_t> component_of;  // by node
  std::uint32_t count = 0;
  std::vector<std::vector<NodeId>> cyclic;  // components of two nodes or more, sorted
};
StrongComponents strongly_connected_components(const Snapshot&);

// The nodes every derivation of `target` passes through: whatever roots its
// lineage starts from, each path from them to `target` crosses these.
// Nearest first; `target` itself is not listed.  Empty when some input is
// independent of every other (no single chokepoint) and for a root.
// Acyclic snapshots take one Cooper-Harvey-Kennedy pass in derivation
// order; others Lengauer-Tarjan (detail/dominators.hpp).
std::vector<NodeId> dominators(const Snapshot&, NodeId target, const LineageFilter& = {});

}  // namespace model_provenance
