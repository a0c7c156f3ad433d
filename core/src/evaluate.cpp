// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/evaluate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "model-provenance/lineage.hpp"

namespace model_provenance {

std::string_view to_string(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::reproducible_from_scratch: return "reproducible-from-scratch";
    case VerdictKind::retrainable_from_free_networks: return "retrainable-from-free-networks";
    case VerdictKind::over_budget: return "over-budget";
    case VerdictKind::blocked: return "blocked";
    case VerdictKind::undetermined: return "undetermined";
    case VerdictKind::opaque: return "opaque";
  }
  return "invalid";
}

bool acceptable(VerdictKind kind) {
  return kind == VerdictKind::reproducible_from_scratch ||
         kind == VerdictKind::retrainable_from_free_networks;
}

std::string_view to_string(BlockerKind kind) {
  switch (kind) {
    case BlockerKind::non_free_license: return "non-free-license";
    case BlockerKind::unavailable: return "unavailable";
    case BlockerKind::starting_weights_disallowed: return "starting-weights-disallowed";
    case BlockerKind::proprietary_backend_only: return "proprietary-backend-only";
    case BlockerKind::no_usable_backend: return "no-usable-backend";
    case BlockerKind::exceeds_memory: return "exceeds-memory";
    case BlockerKind::exceeds_storage: return "exceeds-storage";
  }
  return "invalid";
}

std::string format_duration(double hours) {
  if (!std::isfinite(hours)) return "forever";
  if (hours <= 0) return "no time";
  if (hours < 1) {
    const double minutes = std::max(std::round(hours * 60), 1.0);
    return fmt::format("{:.0f} minute{}", minutes, minutes == 1 ? "" : "s");
  }
  if (hours < 48) return fmt::format("{:.1f} hours", hours);
  if (hours < 24 * 14) return fmt::format("{:.1f} days", hours / 24);
  if (hours < 24 * 365) return fmt::format("{:.1f} weeks", hours / (24 * 7));
  return fmt::format("{:.1f} years", hours / (24 * 365.25));
}

namespace {

constexpr std::uint32_t obtain = 0xFFFF'FFFF;  // an artifact's choice: take it as it is
constexpr std::uint16_t count_cap = 0xFFFF;

std::uint16_t add_counts(std::uint32_t a, std::uint32_t b) {
  return static_cast<std::uint16_t>(std::min<std::uint32_t>(a + b, count_cap));
}

// The cost of a (partial) plan, compared lexicographically.  Counts
// saturate: on a DAG, tree costs double with each shared level.
struct Cost {
  float hours = 0;  // single precision halves the passes' memory traffic
  std::uint16_t blockers = 0;
  std::uint16_t missing = 0;
  std::uint16_t obtained_weights = 0;

  // Fewer unknown facts before less time: a plan resting on recorded facts
  // is the one to explain, and its missing facts are those really missing
  // (not an intermediate's availability, when its making is recorded).
  friend bool operator<(const Cost& a, const Cost& b) {
    if (a.blockers != b.blockers) return a.blockers < b.blockers;
    if (a.missing != b.missing) return a.missing < b.missing;
    if (a.hours != b.hours) return a.hours < b.hours;
    return a.obtained_weights < b.obtained_weights;
  }
  friend bool operator==(const Cost&, const Cost&) = default;
  Cost& operator+=(const Cost& other) {
    hours += other.hours;
    blockers = add_counts(blockers, other.blockers);
    missing = add_counts(missing, other.missing);
    obtained_weights = add_counts(obtained_weights, other.obtained_weights);
    return *this;
  }
};

const Cost unreachable{std::numeric_limits<float>::infinity(), count_cap, count_cap, count_cap};

// In the definite pass a missing fact is an obstacle like any other.
enum class Pass { optimistic, definite };

Cost in_pass(Cost cost, Pass pass) {
  if (pass == Pass::definite) cost.blockers = add_counts(cost.blockers, cost.missing);
  return cost;
}

// Where assessments put their reasons when an explanation is wanted.
struct Findings {
  std::vector<Blocker> blockers;
  std::vector<MissingFact> missing;
};

struct StepAssessment {
  Cost cost;  // the step's own: compute hours, obstacles, missing facts
  std::string backend, device;
  std::optional<double> hours;
};

// Results of both passes, side by side: an acyclic graph computes them in
// one traversal, and each read of an artifact's costs is one cache miss.
// An artifact's choice (the step making it, or taking it as it is) is not
// stored: it is whichever option costs what the artifact costs.
struct PassResults {
  std::vector<std::array<Cost, 2>> artifact_cost;
  std::vector<std::array<Cost, 2>> step_cost;
  std::optional<NodeId> forbidden;  // may not be taken as it is
};

std::string gib(std::uint64_t bytes) { return fmt::format("{:.1f} GiB", bytes / double(1 << 30)); }

}  // namespace

struct Evaluator::State {
  std::shared_ptr<const Snapshot> snapshot;
  Policy policy;
  HardwareProfile hardware;
  std::vector<HardwareProfile> known_profiles;
  // Licenses are interned strings: equal text, same pointer.  Filled while
  // constructing, read-only afterwards.
  std::unordered_map<const char*, LicenseJudgement> license_cache[5];  // by criterion
  std::vector<Freeness> own_license;       // by artifact, for its kind; unknown if none
  std::vector<bool> non_free_weights_flag; // by artifact
  std::vector<Cost> obtain_cost;     // by artifact
  std::vector<Cost> step;            // by step index: its own compute and obstacles
  PassResults passes;
  std::vector<bool> in_cycle;         // by node
  std::vector<bool> derived_from_non_free;  // by artifact

  const Snapshot& graph() const { return *snapshot; }

  LicenseCriterion criterion_for(ArtifactKind kind) const {
    switch (kind) {
      case ArtifactKind::software: return policy.software_licenses;
      case ArtifactKind::dataset: return policy.data_licenses;
      case ArtifactKind::weights: return policy.weights_licenses;
      case ArtifactKind::document: return policy.document_licenses;
    }
    return policy.weights_licenses;
  }

  // Parses and judges every distinct license once, and records each
  // artifact's freeness, while constructing.
  void prime_license_cache() {
    const Snapshot& g = graph();
    own_license.assign(g.artifact_count(), Freeness::unknown);
    non_free_weights_flag.assign(g.artifact_count(), false);
    for (NodeId a = 0; a < g.artifact_count(); ++a) {
      const auto license = g.license(a);
      if (!license) continue;
      const auto kind = g.artifact_kind(a);
      for (auto criterion : {criterion_for(kind), policy.weights_licenses}) {
        auto& cache = license_cache[static_cast<int>(criterion)];
        if (!cache.count(license->data()))
          cache.emplace(license->data(), judge_license(parse_license_expression(*license), criterion,
                                                       policy.license_overrides));
      }
      own_license[a] = judge_cached(*license, criterion_for(kind)).freeness;
      non_free_weights_flag[a] = kind == ArtifactKind::weights &&
                                 judge_cached(*license, policy.weights_licenses).freeness == Freeness::non_free;
    }
  }

  LicenseJudgement judge_cached(std::string_view license, LicenseCriterion criterion) const {
    const auto& cache = license_cache[static_cast<int>(criterion)];
    if (auto found = cache.find(license.data()); found != cache.end()) return found->second;
    return judge_license(parse_license_expression(license), criterion, policy.license_overrides);
  }

  // The license of an artifact, judged for its kind.
  Cost assess_license(NodeId artifact, Findings* findings) const {
    Cost cost;
    const Snapshot& g = graph();
    // A policy that ignores licenses of this kind needs none recorded.
    if (criterion_for(g.artifact_kind(artifact)) == LicenseCriterion::any) return cost;
    const auto license = g.license(artifact);
    const std::string id(findings ? g.id(artifact) : std::string_view());
    if (!license) {
      ++cost.missing;
      if (findings)
        findings->missing.push_back({artifact, "license",
                                     fmt::format("the license of '{}' is not recorded", id)});
      return cost;
    }
    if (!findings) {
      if (own_license[artifact] == Freeness::non_free) ++cost.blockers;
      if (own_license[artifact] == Freeness::unknown) ++cost.missing;
      return cost;
    }
    const auto criterion = criterion_for(g.artifact_kind(artifact));
    const auto judgement = judge_cached(*license, criterion);
    if (judgement.freeness == Freeness::non_free) {
      ++cost.blockers;
      if (findings)
        findings->blockers.push_back(
            {artifact, BlockerKind::non_free_license,
             fmt::format("license {} of '{}' is not acceptable: {}", *license, id, judgement.reason)});
    } else if (judgement.freeness == Freeness::unknown) {
      ++cost.missing;
      if (findings)
        findings->missing.push_back(
            {artifact, "license",
             *license == "NONE"
                 ? fmt::format("'{}' is published with no licence stated (NONE)", id)
                 : fmt::format("whether license {} of '{}' is free is unknown: {}", *license, id,
                               judgement.reason)});
    }
    return cost;
  }

  // Taking an artifact as it is: allowed, free and available?
  Cost assess_obtain(NodeId artifact, Findings* findings) const {
    const Snapshot& g = graph();
    const ArtifactKind kind = g.artifact_kind(artifact);
    const std::string id(findings ? g.id(artifact) : std::string_view());
    Cost cost = assess_license(artifact, findings);
    if (kind == ArtifactKind::weights) {
      cost.obtained_weights = 1;
      if (!policy.start_from_free_weights) {
        ++cost.blockers;
        if (findings)
          findings->blockers.push_back(
              {artifact, BlockerKind::starting_weights_disallowed,
               fmt::format("policy {} does not allow starting from an existing network such as '{}'",
                           policy.name, id)});
      }
    }
    if (kind == ArtifactKind::dataset && !policy.require_data_available) return cost;
    switch (g.availability(artifact)) {
      case Availability::public_download: break;
      case Availability::registration:
        if (policy.registration_counts_as_available) break;
        ++cost.blockers;
        if (findings)
          findings->blockers.push_back({artifact, BlockerKind::unavailable,
                                        fmt::format("'{}' is available only after registration", id)});
        break;
      case Availability::on_request:
      case Availability::unavailable:
        ++cost.blockers;
        if (findings)
          findings->blockers.push_back(
              {artifact, BlockerKind::unavailable,
               fmt::format("'{}' is {}", id,
                           g.availability(artifact) == Availability::on_request
                               ? "available only on request"
                               : "not available")});
        break;
      case Availability::unknown:
        ++cost.missing;
        if (findings)
          findings->missing.push_back(
              {artifact, "availability", fmt::format("whether '{}' can be obtained is not recorded", id)});
        break;
    }
    return cost;
  }

  // The reference throughput for compute given as hours on another profile:
  // its fastest backend the runner supports, else its fastest.
  static double reference_flops(const HardwareProfile& profile,
                                std::span<const detail::BackendRecord> runner_backends,
                                const Snapshot& g) {
    double best_supported = 0, best = 0;
    for (const auto& capacity : profile.backends) {
      const double flops = profile.sustained_flops(capacity);
      best = std::max(best, flops);
      for (const auto& backend : runner_backends)
        if (g.text(backend.backend) == capacity.backend) best_supported = std::max(best_supported, flops);
    }
    return best_supported > 0 ? best_supported : best;
  }

  StepAssessment assess_step(NodeId step, Findings* findings) const {
    const Snapshot& g = graph();
    StepAssessment result;
    const std::string id(findings ? g.id(step) : std::string_view());
    auto missing = [&](std::string fact, std::string reason) {
      ++result.cost.missing;
      if (findings) findings->missing.push_back({step, std::move(fact), std::move(reason)});
    };
    auto block = [&](BlockerKind kind, std::string reason) {
      ++result.cost.blockers;
      if (findings) findings->blockers.push_back({step, kind, std::move(reason)});
    };

    // The first software input with recorded backends runs the compute.
    std::optional<NodeId> runner, first_software;
    for (const auto& input : g.inputs(step)) {
      if (input.role != InputRole::software) continue;
      if (!first_software) first_software = input.artifact;
      if (!runner && !g.backends(input.artifact).empty()) runner = input.artifact;
    }
    const Snapshot::ComputeView compute = g.compute_view(step);
    if (compute.storage_bytes && *compute.storage_bytes > hardware.storage_bytes)
      block(BlockerKind::exceeds_storage,
            fmt::format("step '{}' needs {} of storage; {} has {}", id, gib(*compute.storage_bytes),
                        hardware.name, gib(hardware.storage_bytes)));
    if (!first_software) {
      missing("software", fmt::format("no software is recorded for step '{}'", id));
      return result;
    }
    if (!runner) {
      missing("backends", fmt::format("the compute backends of '{}' (software of step '{}') are not recorded",
                                      g.id(*first_software), id));
      return result;
    }

    const auto runner_backends = g.backends(*runner);
    const BackendCapacity* best = nullptr;
    bool proprietary_only = false, memory_short = false;
    std::string proprietary_names;  // the usable backends that are proprietary
    std::uint64_t largest_memory = 0;
    for (const auto& backend : runner_backends) {
      const BackendCapacity* capacity = hardware.backend(g.text(backend.backend));
      if (!capacity) continue;
      if ((backend.needs_proprietary || capacity->needs_proprietary) &&
          !policy.allow_proprietary_backends) {
        proprietary_only = true;
        proprietary_names += (proprietary_names.empty() ? "" : ", ") + capacity->backend;
        continue;
      }
      if (compute.peak_memory_bytes && *compute.peak_memory_bytes > capacity->memory_bytes) {
        memory_short = true;
        largest_memory = std::max(largest_memory, capacity->memory_bytes);
        continue;
      }
      if (!best || capacity->peak_flops > best->peak_flops) best = capacity;
    }
    if (!best) {
      std::string offered, supported;
      for (const auto& capacity : hardware.backends) offered += (offered.empty() ? "" : ", ") + capacity.backend;
      for (const auto& backend : runner_backends)
        supported += (supported.empty() ? "" : ", ") + std::string(g.text(backend.backend));
      if (memory_short)
        block(BlockerKind::exceeds_memory,
              fmt::format("step '{}' needs {} of memory; the largest usable backend of {} has {}", id,
                          gib(*compute.peak_memory_bytes), hardware.name, gib(largest_memory)));
      else if (proprietary_only)
        block(BlockerKind::proprietary_backend_only,
              fmt::format("'{}' runs on {} only through proprietary software ({})", g.id(*runner),
                          hardware.name, proprietary_names));
      else
        block(BlockerKind::no_usable_backend,
              fmt::format("'{}' runs on {}; {} offers {}", g.id(*runner), supported, hardware.name,
                          offered));
      return result;
    }
    result.backend = best->backend;
    result.device = best->device;

    std::optional<double> flops = compute.flops;
    if (!flops && compute.hours) {
      const HardwareProfile* profile = find_hardware_profile(compute.hardware_profile, known_profiles);
      if (!profile && compute.hardware_profile == hardware.name) profile = &hardware;
      if (!profile) {
        missing("hardware-profile",
                fmt::format("step '{}' took {} hours on '{}', a hardware profile this evaluation does "
                            "not know",
                            id, *compute.hours, compute.hardware_profile));
        return result;
      }
      flops = *compute.hours * 3600 * reference_flops(*profile, runner_backends, g);
    }
    if (!flops) {
      missing("compute", fmt::format("the compute of step '{}' is not recorded (FLOPs, or hours on "
                                     "a named hardware profile)",
                                     id));
      return result;
    }
    result.hours = *flops / hardware.sustained_flops(*best) / 3600;
    result.cost.hours = static_cast<float>(*result.hours);
    return result;
  }

  PassResults empty_results() const {
    const Snapshot& g = graph();
    PassResults results;
    results.artifact_cost.resize(g.artifact_count());
    results.step_cost.assign(g.step_count(), {unreachable, unreachable});
    return results;
  }

  // Costs step s in pass p from its inputs' costs, lowering its outputs'.
  void cost_step(PassResults& results, std::size_t s, int p) const {
    const Snapshot& g = graph();
    const NodeId node = static_cast<NodeId>(g.artifact_count() + s);
    Cost total = in_pass(step[s], static_cast<Pass>(p));
    for (const auto& input : g.inputs(node)) total += results.artifact_cost[input.artifact][p];
    results.step_cost[s][p] = total;
    for (const auto& output : g.outputs(node))
      if (total < results.artifact_cost[output.artifact][p]) results.artifact_cost[output.artifact][p] = total;
  }

  // On an acyclic graph, any order in which an artifact comes after all its
  // producers settles it at its least cost: both passes in one linear
  // traversal (Kahn's order), no priority queue.  Also marks weights derived
  // from weights whose license the policy rejects.
  PassResults acyclic_passes(std::vector<bool>& derived_from_non_free) const {
    const Snapshot& g = graph();
    const auto& structure = g.graph();
    const std::size_t artifacts = g.artifact_count(), steps = g.step_count();
    PassResults results = empty_results();
    std::vector<std::uint32_t> waiting(steps), producers_left(artifacts);
    std::vector<NodeId> ready;
    auto reset = [&] {
      for (NodeId a = 0; a < artifacts; ++a) {
        results.artifact_cost[a] = {in_pass(obtain_cost[a], Pass::optimistic),
                                    in_pass(obtain_cost[a], Pass::definite)};
        producers_left[a] = static_cast<std::uint32_t>(in_degree(a, structure));
      }
      derived_from_non_free.assign(artifacts, false);
      ready.clear();
    };
    auto run_step = [&](std::size_t s) {
      const NodeId node = static_cast<NodeId>(artifacts + s);
      std::array<Cost, 2> total{in_pass(step[s], Pass::optimistic), in_pass(step[s], Pass::definite)};
      bool derives = false;
      for (const auto& input : g.inputs(node)) {
        const auto& cost = results.artifact_cost[input.artifact];
        total[0] += cost[0];
        total[1] += cost[1];
        derives |= derives_weights(input.role) &&
                   (derived_from_non_free[input.artifact] || non_free_weights(input.artifact));
      }
      results.step_cost[s] = total;
      for (const auto& output : g.outputs(node)) {
        auto& cost = results.artifact_cost[output.artifact];
        for (int p : {0, 1})
          if (total[p] < cost[p]) cost[p] = total[p];
        if (derives) derived_from_non_free[output.artifact] = true;
        if (--producers_left[output.artifact] == 0) ready.push_back(output.artifact);
      }
    };

    // Steps are usually added after the steps making their inputs (a hub
    // adds a model after its base): then the order of addition is an order
    // of derivation, and walking records in order is far kinder to caches.
    reset();
    bool in_order = true;
    for (std::size_t s = 0; s < steps && in_order; ++s) {
      for (const auto& input : g.inputs(static_cast<NodeId>(artifacts + s)))
        in_order &= producers_left[input.artifact] == 0;
      if (in_order) run_step(s);
    }
    if (in_order) return results;

    // Otherwise Kahn's order: an artifact is ready once all its producers
    // are costed, a step once all its inputs are ready.
    reset();
    for (NodeId a = 0; a < artifacts; ++a)
      if (producers_left[a] == 0) ready.push_back(a);
    for (std::size_t s = 0; s < steps; ++s) {
      waiting[s] = static_cast<std::uint32_t>(g.inputs(static_cast<NodeId>(artifacts + s)).size());
      if (waiting[s] == 0) run_step(s);
    }
    while (!ready.empty()) {
      const NodeId artifact = ready.back();
      ready.pop_back();
      // One edge per use: a step that uses an artifact twice waits for both.
      for (auto edge : boost::make_iterator_range(out_edges(artifact, structure))) {
        const std::size_t s = target(edge, structure) - artifacts;
        if (--waiting[s] == 0) run_step(s);
      }
    }
    return results;
  }

  // Knuth's algorithm, for graphs with cycles: artifacts settle in order of
  // cost; a step is costed once all its inputs have settled.  `forbidden`
  // may not be taken as it is (the target itself, when it lies on a cycle).
  void knuth_pass(PassResults& results, int p, std::optional<NodeId> forbidden) const {
    const Snapshot& g = graph();
    const auto& structure = g.graph();
    const std::size_t artifacts = g.artifact_count(), steps = g.step_count();
    using Entry = std::pair<Cost, NodeId>;
    auto later = [](const Entry& x, const Entry& y) { return y.first < x.first; };
    std::vector<Entry> initial;
    initial.reserve(artifacts);
    for (NodeId a = 0; a < artifacts; ++a) {
      results.artifact_cost[a][p] = forbidden == a ? unreachable : in_pass(obtain_cost[a], static_cast<Pass>(p));
      if (forbidden != a) initial.emplace_back(results.artifact_cost[a][p], a);
    }
    std::priority_queue<Entry, std::vector<Entry>, decltype(later)> queue(later, std::move(initial));
    std::vector<bool> settled(artifacts, false);
    std::vector<std::uint32_t> waiting(steps);
    auto run_step = [&](std::size_t s) {
      cost_step(results, s, p);
      // Superiority: a step costs at least what its inputs cost, so it
      // cannot lower an output that has settled already.
      for (const auto& output : g.outputs(static_cast<NodeId>(artifacts + s)))
        if (!settled[output.artifact] && results.artifact_cost[output.artifact][p] == results.step_cost[s][p])
          queue.emplace(results.artifact_cost[output.artifact][p], output.artifact);
    };
    for (std::size_t s = 0; s < steps; ++s) {
      waiting[s] = static_cast<std::uint32_t>(g.inputs(static_cast<NodeId>(artifacts + s)).size());
      if (waiting[s] == 0) run_step(s);
    }
    while (!queue.empty()) {
      const auto [cost, artifact] = queue.top();
      queue.pop();
      if (settled[artifact] || !(cost == results.artifact_cost[artifact][p])) continue;
      settled[artifact] = true;
      for (auto edge : boost::make_iterator_range(out_edges(artifact, structure))) {
        const std::size_t s = target(edge, structure) - artifacts;
        if (--waiting[s] == 0) run_step(s);
      }
    }
  }

  PassResults cyclic_passes(std::optional<NodeId> forbidden) const {
    PassResults results = empty_results();
    results.forbidden = forbidden;
    knuth_pass(results, 0, forbidden);
    knuth_pass(results, 1, forbidden);
    return results;
  }

  static bool derives_weights(InputRole role) {
    return role == InputRole::initial_weights || role == InputRole::teacher_weights;
  }

  bool non_free_weights(NodeId artifact) const { return non_free_weights_flag[artifact]; }

  // Weights derived (fine-tuned, distilled, merged, converted) from weights
  // whose license the policy rejects, through any number of steps: a
  // breadth-first search from those weights, for graphs with cycles.
  std::vector<bool> propagate_non_free_lineage() const {
    const Snapshot& g = graph();
    const auto& structure = g.graph();
    std::vector<bool> derived(g.artifact_count(), false), queued(g.artifact_count(), false);
    std::vector<NodeId> frontier;
    for (NodeId a = 0; a < g.artifact_count(); ++a)
      if (non_free_weights(a)) {
        frontier.push_back(a);
        queued[a] = true;
      }
    for (std::size_t head = 0; head < frontier.size(); ++head) {
      const NodeId artifact = frontier[head];
      for (auto edge : boost::make_iterator_range(out_edges(artifact, structure))) {
        const NodeId s = target(edge, structure);
        const auto inputs = g.inputs(s);
        if (std::none_of(inputs.begin(), inputs.end(), [&](const auto& input) {
              return input.artifact == artifact && derives_weights(input.role);
            }))
          continue;
        for (const auto& output : g.outputs(s)) {
          derived[output.artifact] = true;
          if (!queued[output.artifact]) {
            queued[output.artifact] = true;
            frontier.push_back(output.artifact);
          }
        }
      }
    }
    return derived;
  }
};

namespace {

VerdictKind decide(bool has_producers, const Cost& optimistic, const Cost& definite,
                   const std::optional<double>& budget) {
  if (!has_producers) return VerdictKind::opaque;
  if (optimistic.blockers > 0) return VerdictKind::blocked;
  if (budget && optimistic.hours > *budget) return VerdictKind::over_budget;
  if (definite.blockers == 0 && (!budget || definite.hours <= *budget))
    return definite.obtained_weights > 0 ? VerdictKind::retrainable_from_free_networks
                                         : VerdictKind::reproducible_from_scratch;
  return VerdictKind::undetermined;
}

}  // namespace

Evaluator::Evaluator(std::shared_ptr<const Snapshot> snapshot, Policy policy, HardwareProfile hardware,
                     std::vector<HardwareProfile> known_profiles)
    : state_(std::make_unique<State>()) {
  if (!snapshot)
    throw Error({ProblemCode::invalid_value, "the evaluator needs a snapshot", {}, "snapshot"});
  validate(policy);
  validate(hardware);
  for (const auto& profile : known_profiles) validate(profile);
  State& s = *state_;
  s.snapshot = std::move(snapshot);
  s.policy = std::move(policy);
  s.hardware = std::move(hardware);
  s.known_profiles = std::move(known_profiles);
  const Snapshot& g = *s.snapshot;

  s.prime_license_cache();
  s.obtain_cost.resize(g.artifact_count());
  for (NodeId a = 0; a < g.artifact_count(); ++a) s.obtain_cost[a] = s.assess_obtain(a, nullptr);
  s.step.resize(g.step_count());
  for (std::size_t i = 0; i < g.step_count(); ++i)
    s.step[i] = s.assess_step(static_cast<NodeId>(g.artifact_count() + i), nullptr).cost;
  s.in_cycle.assign(g.node_count(), false);
  if (g.acyclic()) {
    s.passes = s.acyclic_passes(s.derived_from_non_free);
  } else {
    s.passes = s.cyclic_passes(std::nullopt);
    for (const auto& component : strongly_connected_components(g).cyclic)
      for (NodeId node : component) s.in_cycle[node] = true;
    s.derived_from_non_free = s.propagate_non_free_lineage();
  }
}

Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;

const Snapshot& Evaluator::snapshot() const { return *state_->snapshot; }
const Policy& Evaluator::policy() const { return state_->policy; }
const HardwareProfile& Evaluator::hardware() const { return state_->hardware; }

namespace {

// The best producing step of `target` in a pass, with the target's own
// license added; nullopt when nothing produces it.
struct Choice {
  NodeId step;
  Cost cost;
};

std::optional<Choice> best_producer(const Snapshot& g, NodeId target, const PassResults& results,
                                    int pass, const Cost& own) {
  std::optional<Choice> best;
  for (auto edge : boost::make_iterator_range(in_edges(target, g.graph()))) {
    const NodeId s = source(edge, g.graph());
    Cost cost = results.step_cost[s - g.artifact_count()][pass];
    cost += own;
    if (!best || cost < best->cost) best = Choice{s, cost};
  }
  return best;
}

}  // namespace

namespace {

// The results that hold for one target: the shared ones, or for a target
// on a cycle, those of passes in which it may not be taken as it is.
const PassResults& results_for(const Evaluator::State& s, NodeId target,
                               std::optional<PassResults>& own) {
  if (!s.in_cycle[target]) return s.passes;
  own = s.cyclic_passes(target);
  return *own;
}

}  // namespace

std::vector<VerdictSummary> Evaluator::evaluate_all() const {
  const State& s = *state_;
  const Snapshot& g = *s.snapshot;
  std::vector<VerdictSummary> summaries;
  summaries.reserve(g.artifact_count());
  for (NodeId a = 0; a < g.artifact_count(); ++a) {
    if (g.artifact_kind(a) != ArtifactKind::weights) continue;
    const Cost own = s.assess_license(a, nullptr);
    std::optional<PassResults> own_results;
    const PassResults& results = results_for(s, a, own_results);
    const auto best = best_producer(g, a, results, 0, own);
    const auto best_definite = best_producer(g, a, results, 1, in_pass(own, Pass::definite));
    const VerdictKind kind = decide(best.has_value(), best ? best->cost : Cost{},
                                    best_definite ? best_definite->cost : Cost{}, s.policy.budget_hours);
    summaries.push_back({a, kind, best ? best->cost.hours : 0.0,
                         best ? best->cost.blockers : own.blockers,
                         best ? best->cost.missing : own.missing, s.derived_from_non_free[a]});
  }
  return summaries;
}

namespace {

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const auto& part : parts) joined += (joined.empty() ? "" : std::string(separator)) + part;
  return joined;
}

// The first few reasons, then how many more.
template <typename Item>
std::string first_reasons(const std::vector<Item>& items, std::size_t shown = 2) {
  std::vector<std::string> reasons;
  for (std::size_t i = 0; i < items.size() && i < shown; ++i) reasons.push_back(items[i].reason);
  std::string text = join(reasons, "; ");
  if (items.size() > shown) text += fmt::format(" (and {} more)", items.size() - shown);
  return text;
}

// The option an artifact's cost came from; ties go to taking it as it is,
// as in the passes, which lower a cost only when a step is strictly cheaper.
std::uint32_t choice_of(const Evaluator::State& s, const PassResults& results, NodeId artifact, int pass) {
  const Snapshot& g = *s.snapshot;
  const Cost& cost = results.artifact_cost[artifact][pass];
  if (results.forbidden != artifact && in_pass(s.obtain_cost[artifact], static_cast<Pass>(pass)) == cost)
    return obtain;
  for (auto edge : boost::make_iterator_range(in_edges(artifact, g.graph()))) {
    const NodeId step = source(edge, g.graph());
    if (results.step_cost[step - g.artifact_count()][pass] == cost) return step;
  }
  return obtain;
}

// Post-order over the plan's steps from `first`: each step after the steps
// making its inputs, each once; inputs chosen as they are go to `obtained`.
void extract_plan(const Evaluator::State& s, NodeId first, const PassResults& results, int pass,
                  Verdict& verdict, Findings& findings) {
  const Snapshot& g = *s.snapshot;
  std::unordered_set<NodeId> seen;
  std::vector<std::pair<NodeId, bool>> stack{{first, false}};
  while (!stack.empty()) {
    const auto [node, inputs_done] = stack.back();
    stack.pop_back();
    if (inputs_done) {
      StepAssessment assessment = s.assess_step(node, &findings);
      verdict.plan.push_back({node, std::move(assessment.backend), std::move(assessment.device),
                              assessment.hours});
      continue;
    }
    if (!seen.insert(node).second) continue;
    stack.emplace_back(node, true);
    for (const auto& input : g.inputs(node)) {
      const std::uint32_t choice = choice_of(s, results, input.artifact, pass);
      if (choice != obtain) {
        if (!seen.count(choice)) stack.emplace_back(choice, false);
      } else if (seen.insert(input.artifact).second) {
        verdict.obtained.push_back(input.artifact);
        s.assess_obtain(input.artifact, &findings);
      }
    }
  }
}

std::string classify(const Evaluator::State& s, const Verdict& verdict,
                     std::optional<NodeId> producing_step) {
  const Snapshot& g = *s.snapshot;
  const Policy& policy = s.policy;
  const auto license = g.license(verdict.target);
  const Freeness own = license ? s.judge_cached(*license, policy.weights_licenses).freeness
                               : Freeness::unknown;
  switch (policy.classification) {
    case Classification::none: return std::string(to_string(verdict.kind));
    case Classification::debian_ml_policy:
      if (own == Freeness::non_free) return "Non-free";
      if (own == Freeness::unknown) return "undetermined (the weights' license is unknown)";
      switch (verdict.kind) {
        case VerdictKind::reproducible_from_scratch:
        case VerdictKind::retrainable_from_free_networks:
        case VerdictKind::over_budget: return "Free";
        case VerdictKind::blocked:
        case VerdictKind::opaque: return "ToxicCandy";
        case VerdictKind::undetermined: return "undetermined (Free or ToxicCandy)";
      }
      break;
    case Classification::osaid:
      if (own == Freeness::non_free) return "not Open Source AI (parameters not under OSI-approved terms)";
      if (own == Freeness::unknown) return "undetermined (the weights' license is unknown)";
      switch (verdict.kind) {
        case VerdictKind::reproducible_from_scratch:
        case VerdictKind::retrainable_from_free_networks:
        case VerdictKind::over_budget: return "Open Source AI";
        case VerdictKind::blocked: return "not Open Source AI";
        case VerdictKind::opaque: return "not Open Source AI (no data information or code recorded)";
        case VerdictKind::undetermined: return "undetermined";
      }
      break;
    case Classification::mof: {
      // Judged on the components recorded: the weights, and the documents,
      // software and data of the step that produced them.
      std::vector<std::string> lacking;
      if (own != Freeness::free) lacking.push_back("open parameters");
      bool model_card = false, data_card = false, report = false, paper = false;
      bool code_open = producing_step.has_value(), data_open = producing_step.has_value();
      if (producing_step)
        for (const auto& input : g.inputs(*producing_step)) {
          const auto kind = g.artifact_kind(input.artifact);
          const Cost cost = s.assess_obtain(input.artifact, nullptr);
          const bool open = cost.blockers == 0 && cost.missing == 0;
          if (kind == ArtifactKind::document && open) {
            const auto format = g.format(input.artifact);
            model_card |= format == "model-card";
            data_card |= format == "data-card";
            report |= format == "technical-report";
            paper |= format == "paper";
          }
          if (input.role == InputRole::software) code_open &= open;
          if (input.role == InputRole::training_data) data_open &= open;
        }
      if (!model_card) lacking.push_back("model card");
      if (!data_card) lacking.push_back("data card");
      if (!report) lacking.push_back("technical report");
      if (!lacking.empty()) return "not classified (lacking: " + join(lacking, ", ") + ")";
      if (!code_open) return "MOF Class III (lacking for Class II: open training code)";
      std::vector<std::string> lacking_for_one;
      if (!data_open) lacking_for_one.push_back("open datasets");
      if (!paper) lacking_for_one.push_back("research paper");
      if (!lacking_for_one.empty())
        return "MOF Class II (lacking for Class I: " + join(lacking_for_one, ", ") + ")";
      return "MOF Class I";
    }
  }
  return std::string(to_string(verdict.kind));
}

}  // namespace

Verdict Evaluator::evaluate(NodeId target) const {
  const State& s = *state_;
  const Snapshot& g = *s.snapshot;
  if (!g.contains(target) || !g.is_artifact(target))
    throw Error({ProblemCode::invalid_value,
                 g.contains(target)
                     ? fmt::format("only artifacts have verdicts; '{}' is a step", g.id(target))
                     : fmt::format("only artifacts have verdicts; node {} is not in the snapshot", target),
                 g.contains(target) ? std::vector<std::string>{std::string(g.id(target))}
                                    : std::vector<std::string>{},
                 "target"});
  Verdict verdict;
  verdict.target = target;
  verdict.policy = s.policy.name;
  verdict.hardware = s.hardware.name;
  verdict.budget_hours = s.policy.budget_hours;

  Findings findings;
  const Cost own = s.assess_license(target, &findings);
  std::optional<PassResults> own_results;
  const PassResults& results = results_for(s, target, own_results);
  const auto best = best_producer(g, target, results, 0, own);
  const auto best_definite = best_producer(g, target, results, 1, in_pass(own, Pass::definite));
  verdict.kind = decide(best.has_value(), best ? best->cost : Cost{},
                        best_definite ? best_definite->cost : Cost{}, s.policy.budget_hours);
  std::optional<NodeId> producing_step;
  if (best) {
    const bool definite = acceptable(verdict.kind);
    producing_step = definite ? best_definite->step : best->step;
    extract_plan(s, *producing_step, results, definite ? 1 : 0, verdict, findings);
  }
  verdict.blockers = std::move(findings.blockers);
  verdict.missing = std::move(findings.missing);
  for (const auto& step : verdict.plan) verdict.hours += step.hours.value_or(0);

  const std::string id(g.id(target));
  const auto license = g.license(target);
  if (s.derived_from_non_free[target]) {
    const LineageFilter weights_lineage{
        .roles = role_bit(InputRole::initial_weights) | role_bit(InputRole::teacher_weights)};
    for (const auto& entry : ancestors(g, target, weights_lineage)) {
      if (!g.is_artifact(entry.node) || !g.license(entry.node)) continue;
      const auto judgement = s.judge_cached(*g.license(entry.node), s.policy.weights_licenses);
      if (judgement.freeness != Freeness::non_free) continue;
      verdict.license_lineage.push_back(fmt::format(
          "'{}' {}, but derives from '{}' under {}: {}", id,
          license ? fmt::format("declares {}", *license) : std::string("declares no license"),
          g.id(entry.node), *g.license(entry.node), judgement.reason));
    }
  }
  verdict.classification = classify(s, verdict, producing_step);

  // The one-line summary.
  const std::string on = fmt::format("on {}", s.hardware.name);
  switch (verdict.kind) {
    case VerdictKind::reproducible_from_scratch:
      verdict.summary = fmt::format("can be re-trained from scratch with free software in about {} {}",
                                    format_duration(verdict.hours), on);
      break;
    case VerdictKind::retrainable_from_free_networks: {
      std::vector<std::string> networks;
      for (NodeId node : verdict.obtained)
        if (g.artifact_kind(node) == ArtifactKind::weights) networks.emplace_back(g.id(node));
      verdict.summary = fmt::format(
          "can be re-trained with free software from free networks ({}) in about {} {}",
          join(networks, ", "), format_duration(verdict.hours), on);
      break;
    }
    case VerdictKind::over_budget: {
      auto heaviest = std::max_element(verdict.plan.begin(), verdict.plan.end(), [](const auto& a, const auto& b) {
        return a.hours.value_or(0) < b.hours.value_or(0);
      });
      verdict.summary = fmt::format("re-training takes {}{} {}, over the budget of {}",
                                    verdict.missing.empty() ? "about " : "at least ",
                                    format_duration(verdict.hours), on,
                                    format_duration(*s.policy.budget_hours));
      if (heaviest != verdict.plan.end() && verdict.hours > 0)
        verdict.summary += fmt::format("; {:.0f}% of it in '{}'",
                                       100 * heaviest->hours.value_or(0) / verdict.hours,
                                       g.id(heaviest->step));
      break;
    }
    case VerdictKind::blocked:
      verdict.summary = "cannot be re-made under " + s.policy.name + ": " + first_reasons(verdict.blockers);
      break;
    case VerdictKind::undetermined:
      verdict.summary = "undetermined under " + s.policy.name + ": " + first_reasons(verdict.missing);
      break;
    case VerdictKind::opaque:
      verdict.summary = fmt::format("no provenance recorded: nothing says how '{}' was made", id);
      break;
  }
  if (!verdict.license_lineage.empty())
    verdict.summary += "; license lineage: " + verdict.license_lineage.front();

  // The explanation, line by line.
  auto& lines = verdict.explanation;
  lines.push_back(fmt::format("{}: {} under policy {}, on {} ({})", id, to_string(verdict.kind),
                              s.policy.name, s.hardware.name, s.hardware.description));
  lines.push_back(fmt::format("budget: {}", s.policy.budget_hours
                                                ? format_duration(*s.policy.budget_hours)
                                                : std::string("none")));
  if (!verdict.plan.empty()) {
    const bool any_known = std::any_of(verdict.plan.begin(), verdict.plan.end(),
                                       [](const PlannedStep& step) { return step.hours.has_value(); });
    const bool all_known = std::all_of(verdict.plan.begin(), verdict.plan.end(),
                                       [](const PlannedStep& step) { return step.hours.has_value(); });
    lines.push_back(!any_known  ? std::string("plan, compute unknown:")
                    : all_known ? fmt::format("plan, {} in all:", format_duration(verdict.hours))
                                : fmt::format("plan, {} in all for the steps whose compute is known:",
                                              format_duration(verdict.hours)));
    for (std::size_t i = 0; i < verdict.plan.size(); ++i) {
      const auto& step = verdict.plan[i];
      lines.push_back(fmt::format(
          "  {}. {} ({}){}: {}", i + 1, g.id(step.step), to_string(g.step_kind(step.step)),
          step.backend.empty() ? "" : fmt::format(" on {} ({})", step.backend, step.device),
          step.hours ? format_duration(*step.hours) : std::string("compute unknown")));
    }
  }
  if (!verdict.obtained.empty()) {
    lines.push_back("taken as they are:");
    for (NodeId node : verdict.obtained) {
      const auto obtained_license = g.license(node);
      lines.push_back(fmt::format("  {} ({}, license {}, {})", g.id(node), to_string(g.artifact_kind(node)),
                                  obtained_license ? *obtained_license : "unknown",
                                  to_string(g.availability(node))));
    }
  }
  if (!verdict.blockers.empty()) {
    lines.push_back("blocking:");
    for (const auto& blocker : verdict.blockers) lines.push_back("  - " + blocker.reason);
  }
  if (!verdict.missing.empty()) {
    lines.push_back(verdict.kind == VerdictKind::undetermined ? "deciding facts not recorded:"
                                                              : "facts not recorded:");
    for (const auto& fact : verdict.missing) lines.push_back("  - " + fact.reason);
  }
  if (!verdict.license_lineage.empty()) {
    lines.push_back("license lineage:");
    for (const auto& warning : verdict.license_lineage) lines.push_back("  - " + warning);
  }
  lines.push_back(fmt::format("classification under {}: {}", s.policy.name, verdict.classification));
  return verdict;
}

}  // namespace model_provenance
