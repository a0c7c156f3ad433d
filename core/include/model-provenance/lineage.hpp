// SPDX-License-Identifier: GPL-3.0-or-later
// Lineage queries on a frozen snapshot.  Every traversal keeps its own
// explicit stack or queue: a chain of a million derivations is an ordinary
// input, not a stack overflow.
#pragma once

#include <cstdint>
#include <optional>
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

// What `start` derives from (steps and artifacts), nearest first, each once,
// at the smallest depth it is reached; `start` itself is not listed.
std::vector<LineageEntry> ancestors(const Snapshot&, NodeId start, const LineageFilter& = {});

// What derives from `start`, nearest first, likewise.
std::vector<LineageEntry> descendants(const Snapshot&, NodeId start, const LineageFilter& = {});

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
