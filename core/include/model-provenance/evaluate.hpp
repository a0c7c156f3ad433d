// SPDX-License-Identifier: GPL-3.0-or-later
// Could a user re-produce this network under a policy, on their hardware?
//
// The evaluator finds the cheapest plan over the AND/OR graph: an artifact
// costs the least of taking it as it is (when the policy allows) and of
// each step producing it; a step costs its inputs plus its own compute on
// the best backend the policy allows on the user's hardware.  That is
// Knuth's generalisation of Dijkstra's algorithm to superior functions
// (Knuth 1977, "A generalization of Dijkstra's algorithm"), which also
// settles cyclic graphs such as recorded self-play loops.
//
// A plan's cost is, in order of importance: the number of blocking
// components (non-free licenses, unavailable data, proprietary-only
// backends, ...), the wall-clock hours, the number of missing facts, the
// number of networks taken as they are.  Unknown facts count as no
// obstacle and no time in the optimistic pass; a second, definite pass
// counts them as obstacles.  Shared intermediate results are counted once
// per use while searching (the usual tree cost of hyperpaths); plans are
// reported with each step once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model-provenance/graph.hpp"
#include "model-provenance/policy.hpp"

namespace model_provenance {

enum class VerdictKind : std::uint8_t {
  reproducible_from_scratch,
  retrainable_from_free_networks,
  over_budget,
  blocked,
  undetermined,
  opaque,  // nothing records how it was made
};
std::string_view to_string(VerdictKind);
// True for the two kinds that mean the weights can be re-made.  Under a
// policy with classes (debian-ml-policy, osaid-1.0, mof) the class decides
// instead: the Scheme acceptable-verdict? reads Verdict::classification.
bool acceptable(VerdictKind);

enum class BlockerKind : std::uint8_t {
  non_free_license,
  unavailable,
  starting_weights_disallowed,
  proprietary_backend_only,
  no_usable_backend,
  exceeds_memory,
  exceeds_storage,
};
std::string_view to_string(BlockerKind);

struct Blocker {
  NodeId node;
  BlockerKind kind;
  std::string reason;  // e.g. "license CC-BY-NC-4.0 of 'games': CC-BY-NC-4.0: its NonCommercial ..."
};

struct MissingFact {
  NodeId node;
  std::string fact;    // license, availability, compute, software, backends, hardware-profile
  std::string reason;  // what is unknown and what would settle it
};

// One component of the Model Openness Framework, and what the lineage
// shows of it.  open: recorded, under a license MOF accepts for its content
// type, and obtainable; not_open: recorded, but its license is not open or
// it cannot be had; unknown: recorded, but its license or availability is
// not; missing: nothing recorded.
enum class ComponentStatus : std::uint8_t { open, not_open, unknown, missing };
std::string_view to_string(ComponentStatus);

struct Component {
  std::string name;        // "model card", "training code", "datasets", ...
  int mof_class = 3;       // the class that first requires it: 3, 2 or 1
  ContentType content = ContentType::document;
  bool required = true;    // false for MOF's optional components
  ComponentStatus status = ComponentStatus::missing;
  std::vector<NodeId> artifacts;  // what it rests on (documents, software, data, weights)
  std::string detail;      // what was found, or what is not open or not recorded
};

struct PlannedStep {
  NodeId step;
  std::string backend;  // empty when unknown
  std::string device;
  std::optional<double> hours;  // on the user's hardware; nullopt: unknown
};

struct Verdict {
  NodeId target = 0;
  VerdictKind kind = VerdictKind::opaque;
  std::string policy;
  std::string hardware;
  std::optional<double> budget_hours;
  double hours = 0;                  // the plan's known wall-clock, each step once
  // Whether `hours` is the plan's whole wall-clock: false when the compute
  // of a planned step is unknown, or nothing is planned (opaque).
  bool hours_known = false;
  std::vector<PlannedStep> plan;     // in derivation order
  std::vector<NodeId> obtained;      // artifacts taken as they are
  std::vector<Blocker> blockers;     // on the plan with fewest obstacles
  std::vector<MissingFact> missing;  // facts that would decide an undetermined verdict
  std::vector<std::string> license_lineage;  // declared licenses the lineage contradicts
  // The policy's own class (ToxicCandy, MOF Class II, ...) and, in
  // parentheses, what it rests on or lacks for the next class; the verdict
  // kind for policies without classes.
  std::string classification;
  std::vector<Component> components;  // MOF's, for the mof classification
  // One line, fit for a lint warning: under a classification policy, the
  // class and its reasons; otherwise whether and how the weights can be
  // re-made.
  std::string summary;
  std::vector<std::string> explanation;
};

// What evaluate_all returns for each weights artifact: enough to sort and
// count millions of them; evaluate() gives the full explanation of one.
// Ordered to take 24 bytes, not 32: a hub's summaries are tens of megabytes.
struct VerdictSummary {
  NodeId target;
  VerdictKind kind;
  bool license_contradicted;
  bool hours_known;  // false when a step of that plan has unknown compute, or there is none
  std::uint32_t blockers;
  std::uint32_t missing;
  double hours;  // the optimistic plan's (tree) cost
};

// Evaluates the weights of one snapshot under one policy and hardware.
// Construction runs both passes over the whole graph; afterwards every
// member function is const and safe to call from many threads.
class Evaluator {
 public:
  Evaluator(std::shared_ptr<const Snapshot> snapshot, Policy policy, HardwareProfile hardware,
            std::vector<HardwareProfile> known_profiles = builtin_hardware_profiles());
  ~Evaluator();
  Evaluator(Evaluator&&) noexcept;

  // Any artifact; an Error for a step.
  Verdict evaluate(NodeId artifact) const;
  // Every weights artifact, in node order.
  std::vector<VerdictSummary> evaluate_all() const;

  const Snapshot& snapshot() const;
  const Policy& policy() const;
  const HardwareProfile& hardware() const;

  struct State;  // the implementation's

 private:
  std::unique_ptr<State> state_;
};

// "45 minutes", "3.2 hours", "2.5 days", "3.1 weeks", "4.2 years".
std::string format_duration(double hours);

}  // namespace model_provenance
