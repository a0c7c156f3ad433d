// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/evaluate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <queue>
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
  // Steps whose wall-clock is unknown: `hours` leaves them out.  It fits
  // in the padding of the fields above: a Cost is still 12 bytes.
  std::uint16_t unknown_hours = 0;

  // Fewer unknown facts before less time: a plan resting on recorded facts
  // is the one to explain, and its missing facts are those really missing
  // (not an intermediate's availability, when its making is recorded).
  friend bool operator<(const Cost& a, const Cost& b) {
    if (a.blockers != b.blockers) return a.blockers < b.blockers;
    if (a.missing != b.missing) return a.missing < b.missing;
    if (a.hours != b.hours) return a.hours < b.hours;
    if (a.obtained_weights != b.obtained_weights) return a.obtained_weights < b.obtained_weights;
    return a.unknown_hours < b.unknown_hours;
  }
  friend bool operator==(const Cost&, const Cost&) = default;
  Cost& operator+=(const Cost& other) {
    hours += other.hours;
    blockers = add_counts(blockers, other.blockers);
    missing = add_counts(missing, other.missing);
    obtained_weights = add_counts(obtained_weights, other.obtained_weights);
    unknown_hours = add_counts(unknown_hours, other.unknown_hours);
    return *this;
  }
};
static_assert(sizeof(Cost) == 12, "a Cost stays small: the passes stream millions of them");

const Cost unreachable{std::numeric_limits<float>::infinity(), count_cap, count_cap, count_cap, count_cap};

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
  std::string backend, device;  // with findings only
  std::optional<double> hours;
};

// What is known of an artifact besides its costs, as bits of ArtifactSlot::facts.
enum ArtifactFact : std::uint8_t {
  is_weights = 1,
  license_blocks = 2,           // its license, judged for its kind, is not acceptable
  license_missing = 4,          // its license is unrecorded or of unknown freeness, and the policy
                                // judges licenses of its kind
  non_free_weights = 8,         // weights under a license the policy rejects for weights
  free_as_weights = 16,         // a license the policy accepts for weights
  derived_from_non_free = 32,   // made, through any steps, from non_free_weights
};

// Everything a pass reads of an input artifact, in one 32-byte slot that
// never straddles cache lines: the passes read each input at a random
// place, and separate arrays (costs, flags, how many producers are left)
// would each cost a cache miss.
struct alignas(32) ArtifactSlot {
  std::array<Cost, 2> cost;       // by pass
  std::uint32_t producers_left;   // steps making it not yet costed (acyclic passes)
  std::uint8_t facts;             // ArtifactFact bits; kept in the shared results only
};
static_assert(sizeof(ArtifactSlot) == 32, "an artifact's slot fills half a cache line");

// Results of both passes, side by side: an acyclic graph computes them in
// one traversal.  An artifact's choice (the step making it, or taking it as
// it is) is not stored: it is whichever option costs what the artifact costs.
struct PassResults {
  std::vector<ArtifactSlot> artifacts;
  std::vector<std::array<Cost, 2>> step_cost;
  std::optional<NodeId> forbidden;  // may not be taken as it is
};

// An open-addressing map from small keys (interned string addresses, node
// numbers) to indexes: a lookup per artifact or step must cost less than a
// std::unordered_map's division and pointer chase.
class FlatIndex {
 public:
  std::optional<std::uint32_t> find(std::uint64_t key) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t i = position(key);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].first == key) return slots_[i].second;
      if (slots_[i].first == vacant) return std::nullopt;
    }
  }
  void insert(std::uint64_t key, std::uint32_t value) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    std::size_t i = position(key);
    while (slots_[i].first != vacant && slots_[i].first != key) i = (i + 1) & (slots_.size() - 1);
    count_ += slots_[i].first == vacant;
    slots_[i] = {key, value};
  }

 private:
  static constexpr std::uint64_t vacant = ~std::uint64_t{0};
  std::size_t position(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E37'79B9'7F4A'7C15) >> shift_);
  }
  void grow() {
    auto old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), {vacant, 0});
    shift_ = 64 - static_cast<int>(std::countr_zero(slots_.size()));
    count_ = 0;
    for (const auto& [key, value] : old)
      if (key != vacant) insert(key, value);
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> slots_;
  std::size_t count_ = 0;
  int shift_ = 64;
};

std::string gib(std::uint64_t bytes) { return fmt::format("{:.1f} GiB", bytes / double(1 << 30)); }

}  // namespace

struct Evaluator::State {
  std::shared_ptr<const Snapshot> snapshot;
  Policy policy;
  HardwareProfile hardware;
  std::vector<HardwareProfile> known_profiles;
  // Licenses are interned strings: equal text, same pointer.  Each
  // distinct license is judged once, for the criteria its artifacts need,
  // while constructing; read-only afterwards.
  FlatIndex license_index;  // address of the text -> licenses
  std::vector<std::array<std::optional<LicenseJudgement>, 5>> licenses;  // by criterion
  // By step index: its own compute and obstacles.  Only graphs that are not
  // costed in order of addition need them kept (Kahn's order, Knuth's).
  std::vector<Cost> step;
  PassResults passes;  // its artifact slots also hold every artifact's facts
  std::vector<bool> in_cycle;         // by node
  // The hardware's capacity for each backend of a software that runs a
  // step (nullptr: not offered), by runner.  Used only while constructing
  // (assess_step without findings), emptied afterwards.
  mutable FlatIndex runner_index;
  mutable std::vector<std::vector<const BackendCapacity*>> runner_capacities;

  std::uint8_t facts(NodeId artifact) const { return passes.artifacts[artifact].facts; }

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

  static Cost license_cost(std::uint8_t facts) {
    Cost cost;
    cost.blockers = (facts & license_blocks) ? 1 : 0;
    cost.missing = (facts & license_missing) ? 1 : 0;
    return cost;
  }

  static std::uint64_t address(std::string_view text) { return reinterpret_cast<std::uintptr_t>(text.data()); }

  // The number of a distinct license in `licenses`, adding it the first
  // time (while constructing only: afterwards `licenses` is read-only).
  std::uint32_t license_number(std::string_view license) {
    auto index = license_index.find(address(license));
    if (!index) {
      index = static_cast<std::uint32_t>(licenses.size());
      licenses.emplace_back();
      license_index.insert(address(license), *index);
    }
    return *index;
  }

  // The freeness of a license under a criterion, judging it the first time.
  Freeness judge_once(std::string_view license, LicenseCriterion criterion) {
    auto& judged = licenses[license_number(license)][static_cast<int>(criterion)];
    if (!judged) judged = judge_license(parse_license_expression(license), criterion, policy.license_overrides);
    return judged->freeness;
  }

  LicenseJudgement judge_cached(std::string_view license, LicenseCriterion criterion) const {
    if (const auto index = license_index.find(address(license)))
      if (const auto& judged = licenses[*index][static_cast<int>(criterion)]) return *judged;
    return judge_license(parse_license_expression(license), criterion, policy.license_overrides);
  }

  // An artifact's facts, from its record and its license judged for its
  // kind and as weights.
  std::uint8_t find_facts(NodeId artifact) {
    const Snapshot& g = graph();
    const ArtifactKind kind = g.artifact_kind(artifact);
    const LicenseCriterion own = criterion_for(kind);
    std::uint8_t facts = kind == ArtifactKind::weights ? is_weights : 0;
    const auto license = g.license(artifact);
    if (!license) return own == LicenseCriterion::any ? facts : facts | license_missing;
    const Freeness freeness = judge_once(*license, own);
    // A policy that ignores licenses of this kind needs none recorded.
    if (own != LicenseCriterion::any && freeness == Freeness::non_free) facts |= license_blocks;
    if (own != LicenseCriterion::any && freeness == Freeness::unknown) facts |= license_missing;
    const Freeness as_weights = judge_once(*license, policy.weights_licenses);
    if (as_weights == Freeness::free) facts |= free_as_weights;
    if (as_weights == Freeness::non_free && kind == ArtifactKind::weights) facts |= non_free_weights;
    return facts;
  }

  // The license of an artifact, judged for its kind: without findings,
  // as find_facts recorded it.
  Cost assess_license(NodeId artifact, Findings* findings) const {
    if (!findings) return license_cost(facts(artifact));
    Cost cost;
    const Snapshot& g = graph();
    // A policy that ignores licenses of this kind needs none recorded.
    if (criterion_for(g.artifact_kind(artifact)) == LicenseCriterion::any) return cost;
    const auto license = g.license(artifact);
    const std::string id(g.id(artifact));
    if (!license) {
      ++cost.missing;
      findings->missing.push_back({artifact, "license", fmt::format("the license of '{}' is not recorded", id)});
      return cost;
    }
    const auto criterion = criterion_for(g.artifact_kind(artifact));
    const auto judgement = judge_cached(*license, criterion);
    if (judgement.freeness == Freeness::non_free) {
      ++cost.blockers;
      findings->blockers.push_back(
          {artifact, BlockerKind::non_free_license,
           fmt::format("license {} of '{}' is not acceptable: {}", *license, id, judgement.reason)});
    } else if (judgement.freeness == Freeness::unknown) {
      ++cost.missing;
      findings->missing.push_back(
          {artifact, "license",
           *license == "NONE" ? fmt::format("'{}' is published with no licence stated (NONE)", id)
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
               in_degree(artifact, g.graph()) == 0
                   ? fmt::format("nothing records how the network '{}' was made, and policy {} does not "
                                 "allow starting from an existing network",
                                 id, policy.name)
                   : fmt::format("policy {} does not allow starting from an existing network such as '{}'",
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

  // Taking an artifact as it is, in the passes.  A policy that asks for
  // networks to be re-made from their data does not let a network whose
  // making is recorded be taken as it is: its plan goes up to where that
  // making fails, and the blame names the network upstream, not an
  // intermediate re-encoding of it.  A network nothing makes is still an
  // option, blocked as starting weights.
  Cost obtain_cost(NodeId artifact) const {
    const Snapshot& g = graph();
    if (!policy.start_from_free_weights && (facts(artifact) & is_weights) && in_degree(artifact, g.graph()) > 0)
      return unreachable;
    return assess_obtain(artifact, nullptr);
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
    result.cost.unknown_hours = 1;  // until its hours are found
    const std::string id(findings ? g.id(step) : std::string_view());
    // Reasons are formatted only when an explanation is wanted: `reason`
    // is a callable returning the text, called only with findings.
    auto missing = [&](const char* fact, auto reason) {
      ++result.cost.missing;
      if (findings) findings->missing.push_back({step, fact, reason()});
    };
    auto block = [&](BlockerKind kind, auto reason) {
      ++result.cost.blockers;
      if (findings) findings->blockers.push_back({step, kind, reason()});
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
      block(BlockerKind::exceeds_storage, [&] {
        return fmt::format("step '{}' needs {} of storage; {} has {}", id, gib(*compute.storage_bytes),
                        hardware.name, gib(hardware.storage_bytes));
      });
    if (!first_software) {
      missing("software", [&] { return fmt::format("no software is recorded for step '{}'", id); });
      return result;
    }
    if (!runner) {
      missing("backends", [&] {
        return fmt::format("the compute backends of '{}' (software of step '{}') are not recorded",
                           g.id(*first_software), id);
      });
      return result;
    }

    const auto runner_backends = g.backends(*runner);
    const BackendCapacity* best = nullptr;
    bool proprietary_only = false, memory_short = false;
    std::string proprietary_names;  // the usable backends that are proprietary
    std::uint64_t largest_memory = 0;
    // Resolving backend names is string work: once per runner while
    // constructing; evaluate() (with findings, maybe from many threads)
    // resolves them itself.
    const std::vector<const BackendCapacity*>* resolved = nullptr;
    if (!findings) {
      auto index = runner_index.find(*runner);
      if (!index) {
        index = static_cast<std::uint32_t>(runner_capacities.size());
        runner_index.insert(*runner, *index);
        auto& capacities = runner_capacities.emplace_back();
        for (const auto& backend : runner_backends) capacities.push_back(hardware.backend(g.text(backend.backend)));
      }
      resolved = &runner_capacities[*index];
    }
    for (std::size_t i = 0; i < runner_backends.size(); ++i) {
      const auto& backend = runner_backends[i];
      const BackendCapacity* capacity = resolved ? (*resolved)[i] : hardware.backend(g.text(backend.backend));
      if (!capacity) continue;
      if ((backend.needs_proprietary || capacity->needs_proprietary) &&
          !policy.allow_proprietary_backends) {
        proprietary_only = true;
        if (findings) proprietary_names += (proprietary_names.empty() ? "" : ", ") + capacity->backend;
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
      if (memory_short)
        block(BlockerKind::exceeds_memory, [&] {
          return fmt::format("step '{}' needs {} of memory; the largest usable backend of {} has {}", id,
                             gib(*compute.peak_memory_bytes), hardware.name, gib(largest_memory));
        });
      else if (proprietary_only)
        block(BlockerKind::proprietary_backend_only, [&] {
          return fmt::format("'{}' runs on {} only through proprietary software ({})", g.id(*runner),
                             hardware.name, proprietary_names);
        });
      else
        block(BlockerKind::no_usable_backend, [&] {
          std::string offered, supported;
          for (const auto& capacity : hardware.backends)
            offered += (offered.empty() ? "" : ", ") + capacity.backend;
          for (const auto& backend : runner_backends)
            supported += (supported.empty() ? "" : ", ") + std::string(g.text(backend.backend));
          return fmt::format("'{}' runs on {}; {} offers {}", g.id(*runner), supported, hardware.name,
                             offered);
        });
      return result;
    }
    // Names are for plans; copying them for every step of a hub would cost
    // more than the rest of its assessment.
    if (findings) {
      result.backend = best->backend;
      result.device = best->device;
    }

    // Compute decides only against a budget: under a policy without one
    // (OSAID, Debian's, MOF), an unknown figure leaves the wall-clock
    // unknown but decides nothing, and is no missing fact.
    auto compute_missing = [&](const char* fact, auto reason) {
      if (policy.budget_hours) missing(fact, reason);
    };
    std::optional<double> flops = compute.flops;
    if (!flops && compute.hours) {
      const HardwareProfile* profile = find_hardware_profile(compute.hardware_profile, known_profiles);
      if (!profile && compute.hardware_profile == hardware.name) profile = &hardware;
      if (!profile) {
        compute_missing("hardware-profile", [&] {
          return fmt::format("step '{}' took {} hours on '{}', a hardware profile this evaluation "
                             "does not know",
                             id, *compute.hours, compute.hardware_profile);
        });
        return result;
      }
      flops = *compute.hours * 3600 * reference_flops(*profile, runner_backends, g);
    }
    if (!flops) {
      compute_missing("compute", [&] {
        return fmt::format("the compute of step '{}' is not recorded (FLOPs, or hours on "
                           "a named hardware profile)",
                           id);
      });
      return result;
    }
    result.hours = *flops / hardware.sustained_flops(*best) / 3600;
    result.cost.hours = static_cast<float>(*result.hours);
    result.cost.unknown_hours = 0;
    return result;
  }

  PassResults empty_results() const {
    const Snapshot& g = graph();
    PassResults results;
    results.artifacts.resize(g.artifact_count());
    results.step_cost.assign(g.step_count(), {unreachable, unreachable});
    return results;
  }

  // The slots the passes start from: each artifact's facts, its costs
  // taken as it is, and how many steps make it.  Facts and those costs rest
  // only on the artifact's license, kind and availability and on whether a
  // step makes it: artifacts alike in these (in a hub, nearly all are alike
  // to some other) copy them from the first such artifact.
  void fill_artifact_slots() {
    const Snapshot& g = graph();
    FlatIndex alike_index;
    std::vector<ArtifactSlot> alike;
    passes.artifacts.clear();
    passes.artifacts.reserve(g.artifact_count());
    for (NodeId a = 0; a < g.artifact_count(); ++a) {
      const auto license = g.license(a);
      const auto producers = static_cast<std::uint32_t>(in_degree(a, g.graph()));
      const std::uint64_t key = (license ? std::uint64_t{license_number(*license)} + 1 : 0) << 8 |
                                static_cast<std::uint64_t>(g.artifact_kind(a)) << 4 |
                                static_cast<std::uint64_t>(g.availability(a)) << 1 | (producers > 0);
      ArtifactSlot& slot = passes.artifacts.emplace_back();
      if (const auto first = alike_index.find(key)) {
        slot = alike[*first];
      } else {
        slot.facts = find_facts(a);
        const Cost obtain = obtain_cost(a);
        slot.cost = {in_pass(obtain, Pass::optimistic), in_pass(obtain, Pass::definite)};
        alike_index.insert(key, static_cast<std::uint32_t>(alike.size()));
        alike.push_back(slot);
      }
      slot.producers_left = producers;
    }
  }

  // Every step's own cost, kept for the orders other than that of
  // addition: Kahn's, and Knuth's (again for each target on a cycle).
  std::vector<Cost> own_step_costs() const {
    const Snapshot& g = graph();
    std::vector<Cost> costs(g.step_count());
    for (std::size_t i = 0; i < g.step_count(); ++i)
      costs[i] = assess_step(static_cast<NodeId>(g.artifact_count() + i), nullptr).cost;
    return costs;
  }

  // Costs step s in pass p from its inputs' costs, lowering its outputs'.
  void cost_step(PassResults& results, std::size_t s, int p) const {
    const Snapshot& g = graph();
    const NodeId node = static_cast<NodeId>(g.artifact_count() + s);
    Cost total = in_pass(step[s], static_cast<Pass>(p));
    for (const auto& input : g.inputs(node)) total += results.artifacts[input.artifact].cost[p];
    results.step_cost[s][p] = total;
    for (const auto& output : g.outputs(node))
      if (total < results.artifacts[output.artifact].cost[p]) results.artifacts[output.artifact].cost[p] = total;
  }

  // Costs step s (own cost `own`) in both passes from its inputs' costs,
  // into `total`, lowering its outputs' costs and marking them derived from
  // non-free weights when it derives from such weights; outputs whose last
  // producer this is go to `ready`, if given.  False, changing nothing,
  // when a step not yet costed makes one of its inputs.
  bool cost_acyclic_step(PassResults& results, std::size_t s, const Cost& own, std::array<Cost, 2>& total,
                         std::vector<NodeId>* ready = nullptr) const {
    const Snapshot& g = graph();
    const NodeId node = static_cast<NodeId>(g.artifact_count() + s);
    total = {in_pass(own, Pass::optimistic), in_pass(own, Pass::definite)};
    bool derives = false;
    for (const auto& input : g.inputs(node)) {
      const ArtifactSlot& slot = results.artifacts[input.artifact];
      if (slot.producers_left != 0) return false;
      total[0] += slot.cost[0];
      total[1] += slot.cost[1];
      derives |= derives_weights(input.role) && (slot.facts & (derived_from_non_free | non_free_weights));
    }
    for (const auto& output : g.outputs(node)) {
      ArtifactSlot& slot = results.artifacts[output.artifact];
      for (int p : {0, 1})
        if (total[p] < slot.cost[p]) slot.cost[p] = total[p];
      if (derives) slot.facts |= derived_from_non_free;
      if (--slot.producers_left == 0 && ready) ready->push_back(output.artifact);
    }
    return true;
  }

  // On an acyclic graph, any order in which an artifact comes after all its
  // producers settles it at its least cost: both passes in one linear
  // traversal, no priority queue.  Steps are usually added after the steps
  // making their inputs (a hub adds a model after its base): then the order
  // of addition is such an order, far kinder to caches, and each step is
  // assessed as it comes.  False, leaving the results partial, when a step
  // uses an artifact that a later step makes.
  //
  // Nearly all the time goes into waiting for input slots, read at random
  // places.  So steps are assessed a batch at a time, and the passes over
  // the batch run in a tight loop that asks for the input slots of a step
  // some steps ahead: many slots are fetched at once instead of one by one.
  bool passes_in_order_of_addition(PassResults& results) const {
    const Snapshot& g = graph();
    const auto artifacts = static_cast<NodeId>(g.artifact_count());
    const std::size_t steps = g.step_count();
    constexpr std::size_t batch = 256, ahead = 16;
    std::array<Cost, batch> own;
    results.step_cost.clear();
    results.step_cost.reserve(steps);
    for (std::size_t first = 0; first < steps; first += batch) {
      const std::size_t end = std::min(steps, first + batch);
      for (std::size_t s = first; s < end; ++s)
        own[s - first] = assess_step(static_cast<NodeId>(artifacts + s), nullptr).cost;
      for (std::size_t s = first; s < end; ++s) {
        if (s + ahead < steps)
          for (const auto& input : g.inputs(static_cast<NodeId>(artifacts + s + ahead)))
            __builtin_prefetch(&results.artifacts[input.artifact]);
        if (!cost_acyclic_step(results, s, own[s - first], results.step_cost.emplace_back())) return false;
      }
    }
    return true;
  }

  // Otherwise Kahn's order, from the start again: an artifact is ready once
  // all its producers are costed, a step once all its inputs are ready.
  void passes_in_kahn_order(PassResults& results) const {
    const Snapshot& g = graph();
    const auto& structure = g.graph();
    const std::size_t artifacts = g.artifact_count(), steps = g.step_count();
    std::vector<NodeId> ready;
    for (NodeId a = 0; a < artifacts; ++a) {
      ArtifactSlot& slot = results.artifacts[a];
      const Cost obtain = obtain_cost(a);
      slot.cost = {in_pass(obtain, Pass::optimistic), in_pass(obtain, Pass::definite)};
      slot.producers_left = static_cast<std::uint32_t>(in_degree(a, structure));
      slot.facts &= ~derived_from_non_free;
      if (slot.producers_left == 0) ready.push_back(a);
    }
    results.step_cost.assign(steps, {unreachable, unreachable});
    std::vector<std::uint32_t> waiting(steps);
    auto run_step = [&](std::size_t s) { cost_acyclic_step(results, s, step[s], results.step_cost[s], &ready); };
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
      Cost& cost = results.artifacts[a].cost[p];
      cost = forbidden == a ? unreachable : in_pass(obtain_cost(a), static_cast<Pass>(p));
      if (forbidden != a) initial.emplace_back(cost, a);
    }
    std::priority_queue<Entry, std::vector<Entry>, decltype(later)> queue(later, std::move(initial));
    std::vector<bool> settled(artifacts, false);
    std::vector<std::uint32_t> waiting(steps);
    auto run_step = [&](std::size_t s) {
      cost_step(results, s, p);
      // Superiority: a step costs at least what its inputs cost, so it
      // cannot lower an output that has settled already.
      for (const auto& output : g.outputs(static_cast<NodeId>(artifacts + s))) {
        const Cost& cost = results.artifacts[output.artifact].cost[p];
        if (!settled[output.artifact] && cost == results.step_cost[s][p]) queue.emplace(cost, output.artifact);
      }
    };
    for (std::size_t s = 0; s < steps; ++s) {
      waiting[s] = static_cast<std::uint32_t>(g.inputs(static_cast<NodeId>(artifacts + s)).size());
      if (waiting[s] == 0) run_step(s);
    }
    while (!queue.empty()) {
      const auto [cost, artifact] = queue.top();
      queue.pop();
      if (settled[artifact] || !(cost == results.artifacts[artifact].cost[p])) continue;
      settled[artifact] = true;
      for (auto edge : boost::make_iterator_range(out_edges(artifact, structure))) {
        const std::size_t s = target(edge, structure) - artifacts;
        if (--waiting[s] == 0) run_step(s);
      }
    }
  }

  // Both passes by Knuth's algorithm into `results`, whose step costs start
  // unreachable (a step whose inputs never settle is never costed).
  void cyclic_passes(PassResults& results, std::optional<NodeId> forbidden) const {
    results.forbidden = forbidden;
    knuth_pass(results, 0, forbidden);
    knuth_pass(results, 1, forbidden);
  }

  static bool derives_weights(InputRole role) {
    return role == InputRole::initial_weights || role == InputRole::teacher_weights;
  }

  // Weights derived (fine-tuned, distilled, merged, converted) from weights
  // whose license the policy rejects, through any number of steps: a
  // breadth-first search from those weights, for graphs with cycles.
  std::vector<bool> propagate_non_free_lineage() const {
    const Snapshot& g = graph();
    const auto& structure = g.graph();
    std::vector<bool> derived(g.artifact_count(), false), queued(g.artifact_count(), false);
    std::vector<NodeId> frontier;
    for (NodeId a = 0; a < g.artifact_count(); ++a)
      if (facts(a) & non_free_weights) {
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

  s.fill_artifact_slots();
  s.in_cycle.assign(g.node_count(), false);
  if (g.acyclic()) {
    if (!s.passes_in_order_of_addition(s.passes)) {
      s.step = s.own_step_costs();
      s.passes_in_kahn_order(s.passes);
    }
  } else {
    s.step = s.own_step_costs();
    s.passes.step_cost.assign(g.step_count(), {unreachable, unreachable});
    s.cyclic_passes(s.passes, std::nullopt);
    for (const auto& component : strongly_connected_components(g).cyclic)
      for (NodeId node : component) s.in_cycle[node] = true;
    const std::vector<bool> derived = s.propagate_non_free_lineage();
    for (NodeId a = 0; a < g.artifact_count(); ++a)
      if (derived[a]) s.passes.artifacts[a].facts |= derived_from_non_free;
  }
  s.runner_index = {};
  s.runner_capacities.clear();
}

Evaluator::~Evaluator() = default;
Evaluator::Evaluator(Evaluator&&) noexcept = default;

const Snapshot& Evaluator::snapshot() const { return *state_->snapshot; }
const Policy& Evaluator::policy() const { return state_->policy; }
const HardwareProfile& Evaluator::hardware() const { return state_->hardware; }

namespace {

// A lineage contradicts a license only when the weights claim a free one
// while deriving from non-free weights: a Llama 2 fine-tune under llama2
// says what it is.
bool license_contradicted(const Evaluator::State& s, NodeId artifact) {
  return (s.facts(artifact) & derived_from_non_free) && (s.facts(artifact) & free_as_weights);
}

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
  own = s.empty_results();
  s.cyclic_passes(*own, target);
  return *own;
}

}  // namespace

std::vector<VerdictSummary> Evaluator::evaluate_all() const {
  const State& s = *state_;
  const Snapshot& g = *s.snapshot;
  std::vector<VerdictSummary> summaries;
  summaries.reserve(g.artifact_count());
  for (NodeId a = 0; a < g.artifact_count(); ++a) {
    if (!(s.facts(a) & is_weights)) continue;
    const Cost own = s.assess_license(a, nullptr);
    std::optional<PassResults> own_results;
    const PassResults& results = results_for(s, a, own_results);
    // Both passes' best producers in one walk over the producers.
    std::optional<Choice> best, best_definite;
    const Cost own_definite = in_pass(own, Pass::definite);
    for (auto edge : boost::make_iterator_range(in_edges(a, g.graph()))) {
      const NodeId producer = source(edge, g.graph());
      const auto& costs = results.step_cost[producer - g.artifact_count()];
      Cost cost = costs[0], definite = costs[1];
      cost += own;
      definite += own_definite;
      if (!best || cost < best->cost) best = Choice{producer, cost};
      if (!best_definite || definite < best_definite->cost) best_definite = Choice{producer, definite};
    }
    const VerdictKind kind = decide(best.has_value(), best ? best->cost : Cost{},
                                    best_definite ? best_definite->cost : Cost{}, s.policy.budget_hours);
    summaries.push_back({.target = a,
                         .kind = kind,
                         .license_contradicted = license_contradicted(s, a),
                         .hours_known = best.has_value() && best->cost.unknown_hours == 0,
                         .blockers = best ? best->cost.blockers : own.blockers,
                         .missing = best ? best->cost.missing : own.missing,
                         .hours = best ? best->cost.hours : 0.0});
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
  const Cost& cost = results.artifacts[artifact].cost[pass];
  if (results.forbidden != artifact && in_pass(s.obtain_cost(artifact), static_cast<Pass>(pass)) == cost)
    return obtain;
  for (auto edge : boost::make_iterator_range(in_edges(artifact, g.graph()))) {
    const NodeId step = source(edge, g.graph());
    if (results.step_cost[step - g.artifact_count()][pass] == cost) return step;
  }
  return obtain;
}

// Post-order over the plan's steps from `first`: each step after the steps
// making its inputs, each once; inputs chosen as they are go to `obtained`.
// What the obstacles of an upstream step keep from being made: "making
// 'X'" names its first output, a network (or data) the target derives
// from, so that the blame points at the upstream artifact, not only at the
// data or software that fails it.  Nothing for a step making the target.
void name_what_is_blocked(const Snapshot& g, NodeId step, NodeId target, Findings& findings,
                          std::size_t first_new) {
  const auto outputs = g.outputs(step);
  if (first_new == findings.blockers.size() || outputs.empty() ||
      std::any_of(outputs.begin(), outputs.end(), [&](const auto& o) { return o.artifact == target; }))
    return;
  NodeId made = outputs.front().artifact;
  for (const auto& output : outputs)
    if (g.artifact_kind(output.artifact) == ArtifactKind::weights) {
      made = output.artifact;
      break;
    }
  for (std::size_t i = first_new; i < findings.blockers.size(); ++i)
    findings.blockers[i].reason = fmt::format("making '{}': {}", g.id(made), findings.blockers[i].reason);
}

void extract_plan(const Evaluator::State& s, NodeId first, const PassResults& results, int pass,
                  Verdict& verdict, Findings& findings) {
  const Snapshot& g = *s.snapshot;
  std::unordered_set<NodeId> seen;
  std::vector<std::pair<NodeId, bool>> stack{{first, false}};
  while (!stack.empty()) {
    const auto [node, inputs_done] = stack.back();
    stack.pop_back();
    if (inputs_done) {
      const std::size_t before = findings.blockers.size();
      StepAssessment assessment = s.assess_step(node, &findings);
      name_what_is_blocked(g, node, verdict.target, findings, before);
      verdict.plan.push_back({node, std::move(assessment.backend), std::move(assessment.device),
                              assessment.hours});
      continue;
    }
    if (!seen.insert(node).second) continue;
    stack.emplace_back(node, true);
    const std::size_t before = findings.blockers.size();
    for (const auto& input : g.inputs(node)) {
      const std::uint32_t choice = choice_of(s, results, input.artifact, pass);
      if (choice != obtain) {
        if (!seen.count(choice)) stack.emplace_back(choice, false);
      } else if (seen.insert(input.artifact).second) {
        verdict.obtained.push_back(input.artifact);
        s.assess_obtain(input.artifact, &findings);
      }
    }
    name_what_is_blocked(g, node, verdict.target, findings, before);
  }
}

// ------------------------------------------------------------------ MOF

// The Model Openness Framework (arXiv:2403.13784; the components, their
// classes and content types as its reference tool, the Model Openness
// Tool, lists them), judged on the whole lineage of a model:
//   - documents (model card, research paper, ...) count when they describe
//     the model itself, in any of its encodings: the target and the
//     weights it is converted or quantized from;
//   - data cards must cover every dataset the lineage uses;
//   - training code is the software of every step of the lineage that
//     makes weights, data preprocessing code that of every step that makes
//     data (and data-preprocessing-code documents);
//   - datasets are every dataset of the lineage, model parameters the
//     target's and those of the networks it is fine-tuned or distilled
//     from.
// Generator networks (self-play) are left out: the data they made is what
// the model was trained on, and it is judged as data.
class MofClassifier {
 public:
  MofClassifier(const Evaluator::State& s, NodeId target) : s_(s), g_(*s.snapshot), target_(target) {
    LineageFilter filter;
    filter.roles = all_roles & ~role_bit(InputRole::generator_weights) & ~role_bit(InputRole::document);
    for (const auto& entry : ancestors(g_, target, filter)) {
      const NodeId node = entry.node;
      if (g_.is_step(node)) {
        steps_.push_back(node);
      } else if (g_.artifact_kind(node) == ArtifactKind::dataset) {
        datasets_.push_back(node);
      } else if (g_.artifact_kind(node) == ArtifactKind::weights) {
        upstream_weights_.push_back(node);
      }
    }
    // The model itself: the target and what it is a re-encoding of.
    model_.push_back(target);
    for (std::size_t i = 0; i < model_.size(); ++i)
      for (NodeId step : g_.producers(model_[i])) {
        const StepKind kind = g_.step_kind(step);
        if (kind != StepKind::convert && kind != StepKind::quantize) continue;
        for (const auto& input : g_.inputs(step))
          if (input.role == InputRole::initial_weights &&
              std::find(model_.begin(), model_.end(), input.artifact) == model_.end())
            model_.push_back(input.artifact);
      }
    std::erase_if(upstream_weights_, [this](NodeId w) {
      return std::find(model_.begin(), model_.end(), w) != model_.end();
    });
    std::sort(steps_.begin(), steps_.end());
    std::sort(datasets_.begin(), datasets_.end());
  }

  std::vector<Component> components() const {
    std::vector<Component> all;
    const Component training = training_code();
    all.push_back(parameters());
    all.push_back(architecture(training));
    all.push_back(documents("model card", 3, DocumentKind::model_card));
    all.push_back(data_card());
    all.push_back(technical_report());
    all.push_back(documents("evaluation results", 3, DocumentKind::evaluation_results));
    all.push_back(documents("sample model outputs", 3, DocumentKind::sample_outputs, false));
    all.push_back(training);
    all.push_back(documents("inference code", 2, DocumentKind::inference_code));
    all.push_back(documents("evaluation code", 2, DocumentKind::evaluation_code));
    all.push_back(documents("evaluation data", 2, DocumentKind::evaluation_data));
    all.push_back(documents("supporting libraries and tools", 2, DocumentKind::supporting_libraries, false));
    all.push_back(datasets());
    all.push_back(preprocessing_code());
    all.push_back(documents("intermediate parameters", 1, DocumentKind::intermediate_parameters));
    all.push_back(documents("research paper", 1, DocumentKind::research_paper));
    all.push_back(documents("model metadata", 1, DocumentKind::model_metadata, false));
    return all;
  }

 private:
  struct Judged {
    ComponentStatus status;
    std::string text;  // "'x' (Apache-2.0)", or why it is not open
  };

  LicenseCriterion criterion(ContentType content) const {
    switch (content) {
      case ContentType::code: return s_.policy.software_licenses;
      case ContentType::data: return s_.policy.data_licenses;
      case ContentType::document: return s_.policy.document_licenses;
    }
    return s_.policy.document_licenses;
  }

  // One artifact: open if its license is open for its content type and it
  // can be had.
  Judged judge(NodeId a, LicenseCriterion criterion) const {
    const std::string id(g_.id(a));
    const auto license = g_.license(a);
    Judged result{ComponentStatus::open, ""};
    if (criterion != LicenseCriterion::any) {
      if (!license) {
        result = {ComponentStatus::unknown, fmt::format("the license of '{}' is not recorded", id)};
      } else {
        const auto judgement = s_.judge_cached(*license, criterion);
        if (judgement.freeness == Freeness::non_free)
          return {ComponentStatus::not_open,
                  fmt::format("'{}' is under {}, not an open license: {}", id, *license, judgement.reason)};
        if (judgement.freeness == Freeness::unknown)
          result = {ComponentStatus::unknown,
                    *license == "NONE" ? fmt::format("'{}' is published with no licence stated", id)
                                       : fmt::format("whether license {} of '{}' is open is unknown: {}",
                                                     *license, id, judgement.reason)};
      }
    }
    switch (g_.availability(a)) {
      case Availability::public_download: break;
      case Availability::registration:
        if (s_.policy.registration_counts_as_available) break;
        return {ComponentStatus::not_open, fmt::format("'{}' is available only after registration", id)};
      case Availability::on_request:
        return {ComponentStatus::not_open, fmt::format("'{}' is available only on request", id)};
      case Availability::unavailable:
        return {ComponentStatus::not_open, fmt::format("'{}' is not published", id)};
      case Availability::unknown:
        if (result.status == ComponentStatus::open)
          result = {ComponentStatus::unknown, fmt::format("whether '{}' can be obtained is not recorded", id)};
        break;
    }
    if (result.status == ComponentStatus::open)
      result.text = license ? fmt::format("'{}' ({})", id, *license) : fmt::format("'{}'", id);
    return result;
  }

  // The documents of KIND describing any of NODES, in node order.
  std::vector<NodeId> documents_of(DocumentKind kind, const std::vector<NodeId>& nodes) const {
    std::vector<NodeId> found;
    for (NodeId node : nodes)
      for (NodeId document : g_.documents_of(node))
        if (g_.document_kind(document) == kind &&
            std::find(found.begin(), found.end(), document) == found.end())
          found.push_back(document);
    std::sort(found.begin(), found.end());
    return found;
  }

  // A component met by any one of CANDIDATES that is open.
  Component any_of(Component c, const std::vector<NodeId>& candidates, LicenseCriterion criterion,
                   std::string none) const {
    if (candidates.empty()) {
      c.status = ComponentStatus::missing;
      c.detail = std::move(none);
      return c;
    }
    std::vector<std::string> open, problems;
    ComponentStatus best = ComponentStatus::not_open;
    for (NodeId candidate : candidates) {
      const Judged judged = judge(candidate, criterion);
      if (judged.status == ComponentStatus::open) {
        c.artifacts.push_back(candidate);
        open.push_back(judged.text);
        best = ComponentStatus::open;
      } else {
        if (judged.status == ComponentStatus::unknown && best == ComponentStatus::not_open)
          best = ComponentStatus::unknown;
        problems.push_back(judged.text);
      }
    }
    if (best != ComponentStatus::open) c.artifacts = candidates;
    c.status = best;
    c.detail = best == ComponentStatus::open ? join_items(open) : join_items(problems);
    return c;
  }

  // A component met when every one of its parts is.
  struct Part {
    ComponentStatus status;
    std::string text;
    std::optional<NodeId> artifact;
  };
  static Component all_of(Component c, const std::vector<Part>& parts, std::string none) {
    if (parts.empty()) {
      c.status = ComponentStatus::missing;
      c.detail = std::move(none);
      return c;
    }
    auto worst = ComponentStatus::open;
    auto rank = [](ComponentStatus status) {
      switch (status) {
        case ComponentStatus::open: return 0;
        case ComponentStatus::unknown: return 1;
        case ComponentStatus::missing: return 2;
        case ComponentStatus::not_open: return 3;
      }
      return 3;
    };
    std::vector<std::string> open, problems;
    for (const Part& part : parts) {
      if (rank(part.status) > rank(worst)) worst = part.status;
      (part.status == ComponentStatus::open ? open : problems).push_back(part.text);
      if (part.artifact) c.artifacts.push_back(*part.artifact);
    }
    c.status = worst;
    c.detail = worst == ComponentStatus::open ? join_items(open) : join_items(problems);
    return c;
  }

  static std::string join_items(const std::vector<std::string>& items, std::size_t shown = 3) {
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < shown; ++i) text += (i ? "; " : "") + items[i];
    if (items.size() > shown) text += fmt::format(" (and {} more)", items.size() - shown);
    return text;
  }

  static Component make(std::string name, int mof_class, ContentType content, bool required = true) {
    Component c;
    c.name = std::move(name);
    c.mof_class = mof_class;
    c.content = content;
    c.required = required;
    return c;
  }

  std::string model_names() const {
    std::string names;
    for (NodeId node : model_) names += (names.empty() ? "'" : ", '") + std::string(g_.id(node)) + "'";
    return names;
  }

  Component documents(std::string name, int mof_class, DocumentKind kind, bool required = true) const {
    const ContentType content = content_type(kind);
    return any_of(make(std::move(name), mof_class, content, required), documents_of(kind, model_),
                  criterion(content),
                  fmt::format("none describes {}", model_names()));
  }

  Component parameters() const {
    std::vector<Part> parts;
    for (NodeId w : model_) {
      if (w != target_ && g_.artifact_kind(w) != ArtifactKind::weights) continue;
      const Judged judged = judge(w, s_.policy.weights_licenses);
      parts.push_back({judged.status, judged.text, w});
    }
    for (NodeId w : upstream_weights_) {
      const Judged judged = judge(w, s_.policy.weights_licenses);
      parts.push_back({judged.status,
                       judged.status == ComponentStatus::open ? judged.text
                                                               : "upstream network: " + judged.text,
                       w});
    }
    return all_of(make("model parameters", 3, ContentType::data), parts, "");
  }

  // The steps of the lineage that make weights (training code) or data
  // (data preprocessing code).
  std::vector<NodeId> steps_making(ArtifactKind kind) const {
    std::vector<NodeId> found;
    for (NodeId step : steps_) {
      const auto outputs = g_.outputs(step);
      if (std::any_of(outputs.begin(), outputs.end(),
                      [&](const auto& o) { return g_.artifact_kind(o.artifact) == kind; }))
        found.push_back(step);
    }
    return found;
  }

  std::vector<Part> software_parts(const std::vector<NodeId>& steps) const {
    std::vector<Part> parts;
    for (NodeId step : steps) {
      bool any = false;
      for (const auto& input : g_.inputs(step)) {
        if (input.role != InputRole::software) continue;
        any = true;
        const Judged judged = judge(input.artifact, s_.policy.software_licenses);
        parts.push_back({judged.status, judged.text, input.artifact});
      }
      if (!any)
        parts.push_back({ComponentStatus::missing,
                         fmt::format("no software is recorded for step '{}'", g_.id(step)), std::nullopt});
    }
    return parts;
  }

  Component training_code() const {
    return all_of(make("training code", 2, ContentType::code), software_parts(steps_making(ArtifactKind::weights)),
                  fmt::format("nothing records how '{}' was made", g_.id(target_)));
  }

  Component architecture(const Component& training) const {
    Component c = make("model architecture", 3, ContentType::code);
    const auto documents = documents_of(DocumentKind::model_architecture, model_);
    if (!documents.empty()) {
      c = any_of(c, documents, criterion(ContentType::code), "");
      if (c.status == ComponentStatus::open) return c;
    }
    // The code that trains a network defines its architecture.
    if (training.status == ComponentStatus::open || documents.empty()) {
      c.status = training.status;
      c.artifacts = training.artifacts;
      c.detail = training.status == ComponentStatus::open
                     ? "in the training code: " + training.detail
                     : "neither a model-architecture document nor open training code (" + training.detail + ")";
    }
    return c;
  }

  Component data_card() const {
    const auto for_model = documents_of(DocumentKind::data_card, model_);
    std::vector<Part> parts;
    for (NodeId dataset : datasets_) {
      auto cards = documents_of(DocumentKind::data_card, {dataset});
      for (NodeId card : for_model)
        if (std::find(cards.begin(), cards.end(), card) == cards.end()) cards.push_back(card);
      const Component one =
          any_of(make("", 3, ContentType::document), cards, criterion(ContentType::document),
                 fmt::format("none describes '{}'", g_.id(dataset)));
      parts.push_back({one.status, one.detail, std::nullopt});
    }
    if (datasets_.empty() && !for_model.empty())
      return any_of(make("data card", 3, ContentType::document), for_model, criterion(ContentType::document), "");
    Component c = all_of(make("data card", 3, ContentType::document), parts,
                         "no training data is recorded in the lineage, nor a data card for the model");
    // Every card it rests on, once.
    c.artifacts.clear();
    for (NodeId dataset : datasets_)
      for (NodeId card : documents_of(DocumentKind::data_card, {dataset}))
        if (std::find(c.artifacts.begin(), c.artifacts.end(), card) == c.artifacts.end())
          c.artifacts.push_back(card);
    for (NodeId card : for_model)
      if (std::find(c.artifacts.begin(), c.artifacts.end(), card) == c.artifacts.end())
        c.artifacts.push_back(card);
    return c;
  }

  // The technical report may be left out when a research paper is given
  // (the Model Openness Tool's evaluator: "The technical report (cid 11)
  // MAY be omitted if a research paper (cid 21) is provided").
  Component technical_report() const {
    Component c = documents("technical report", 3, DocumentKind::technical_report);
    if (c.status == ComponentStatus::open) return c;
    const Component paper = documents("research paper", 1, DocumentKind::research_paper);
    if (paper.status != ComponentStatus::open) return c;
    c.status = ComponentStatus::open;
    c.artifacts = paper.artifacts;
    c.detail = "the research paper stands for it: " + paper.detail;
    return c;
  }

  Component datasets() const {
    std::vector<Part> parts;
    for (NodeId dataset : datasets_) {
      const Judged judged = judge(dataset, s_.policy.data_licenses);
      parts.push_back({judged.status, judged.text, dataset});
    }
    return all_of(make("datasets", 1, ContentType::data), parts,
                  steps_.empty() ? fmt::format("nothing records how '{}' was made", g_.id(target_))
                                 : std::string("no training data is recorded in the lineage"));
  }

  Component preprocessing_code() const {
    std::vector<Part> parts = software_parts(steps_making(ArtifactKind::dataset));
    std::vector<NodeId> about = model_;
    about.insert(about.end(), datasets_.begin(), datasets_.end());
    const auto documents = documents_of(DocumentKind::data_preprocessing_code, about);
    if (!documents.empty()) {
      const Component one =
          any_of(make("", 1, ContentType::code), documents, criterion(ContentType::code), "");
      parts.push_back({one.status, one.detail, one.artifacts.empty() ? std::nullopt
                                                                     : std::optional(one.artifacts.front())});
    }
    return all_of(make("data preprocessing code", 1, ContentType::code), parts,
                  "no data-preprocessing-code document, nor a recorded step making the training data");
  }

  const Evaluator::State& s_;
  const Snapshot& g_;
  NodeId target_;
  std::vector<NodeId> steps_, datasets_, upstream_weights_, model_;
};

std::string_view status_words(ComponentStatus status) {
  switch (status) {
    case ComponentStatus::open: return "open";
    case ComponentStatus::not_open: return "not open";
    case ComponentStatus::unknown: return "not known to be open";
    case ComponentStatus::missing: return "not recorded";
  }
  return "invalid";
}

std::string_view class_name(int mof_class) {
  switch (mof_class) {
    case 1: return "Class I";
    case 2: return "Class II";
    default: return "Class III";
  }
}

// The class a model reaches: the highest whose required components, and
// those of the classes below it, are all open; 0 for none.
int mof_class_reached(const std::vector<Component>& components) {
  int reached = 0;
  for (int mof_class : {3, 2, 1}) {
    const bool met = std::all_of(components.begin(), components.end(), [&](const Component& c) {
      return !c.required || c.mof_class < mof_class || c.status == ComponentStatus::open;
    });
    if (!met) break;
    reached = mof_class;
  }
  return reached;
}

std::vector<const Component*> lacking_for(const std::vector<Component>& components, int mof_class) {
  std::vector<const Component*> lacking;
  for (const auto& c : components)
    if (c.required && c.mof_class >= mof_class && c.status != ComponentStatus::open) lacking.push_back(&c);
  return lacking;
}

// ------------------------------------------------------ classifications

// A policy's class for a verdict: a label ("ToxicCandy", "MOF Class II,
// Open Tooling"), what it rests on or lacks (the parenthesis of the
// classification), and the summary line that leads with it.
struct Classified {
  std::string label;
  std::string details;
  std::string summary;
};

Classified classify(const Evaluator::State& s, Verdict& verdict, const std::string& remaking) {
  const Snapshot& g = *s.snapshot;
  const Policy& policy = s.policy;
  const std::string id(g.id(verdict.target));
  const std::string under = " under " + policy.name + ": ";
  const auto license = g.license(verdict.target);
  const LicenseJudgement own = license ? s.judge_cached(*license, policy.weights_licenses)
                                       : LicenseJudgement{Freeness::unknown, ""};
  const std::string license_unknown =
      !license ? fmt::format("the license of '{}' is not recorded", id)
               : fmt::format("whether license {} of '{}' is free is unknown: {}", *license, id, own.reason);
  const std::string license_refused =
      license ? fmt::format("license {} of '{}' is not acceptable: {}", *license, id, own.reason) : "";
  auto with = [](std::string label, std::string details, std::string summary) {
    return Classified{std::move(label), std::move(details), std::move(summary)};
  };
  // The artifacts of a plan taken as they are, of one kind, quoted.
  auto obtained = [&](ArtifactKind kind) {
    std::vector<std::string> ids;
    for (NodeId node : verdict.obtained)
      if (g.artifact_kind(node) == kind) ids.push_back(fmt::format("'{}'", g.id(node)));
    std::string text;
    for (std::size_t i = 0; i < ids.size() && i < 3; ++i) text += (i ? ", " : "") + ids[i];
    if (ids.size() > 3) text += fmt::format(" and {} more", ids.size() - 3);
    return text;
  };

  switch (policy.classification) {
    case Classification::none:
      return with(std::string(to_string(verdict.kind)), "", remaking);

    case Classification::debian_ml_policy:
      if (own.freeness == Freeness::non_free)
        return with("Non-free", "", "Non-free" + under + license_refused);
      if (own.freeness == Freeness::unknown)
        return with("undetermined", "the weights' license is unknown", "undetermined" + under + license_unknown);
      switch (verdict.kind) {
        case VerdictKind::reproducible_from_scratch:
        case VerdictKind::retrainable_from_free_networks:
        case VerdictKind::over_budget:
          return with("Free", "",
                      fmt::format("Free{}its license {} is free, and a free training program can re-make it "
                                  "from free, public data",
                                  under, *license));
        case VerdictKind::blocked:
          return with("ToxicCandy", "",
                      fmt::format("ToxicCandy{}its license {} is free, but {}", under, *license,
                                  first_reasons(verdict.blockers)));
        case VerdictKind::opaque:
          return with("ToxicCandy", "",
                      fmt::format("ToxicCandy{}its license {} is free, but nothing records how '{}' was made",
                                  under, *license, id));
        case VerdictKind::undetermined:
          return with("undetermined", "Free or ToxicCandy",
                      "undetermined under " + policy.name + " (Free or ToxicCandy): " +
                          first_reasons(verdict.missing));
      }
      break;

    case Classification::osaid:
      if (own.freeness == Freeness::non_free)
        return with("not Open Source AI", "parameters not under OSI-approved terms",
                    "not Open Source AI" + under + "the parameters are not under OSI-approved terms: " +
                        license_refused);
      if (own.freeness == Freeness::unknown)
        return with("undetermined", "the weights' license is unknown", "undetermined" + under + license_unknown);
      switch (verdict.kind) {
        case VerdictKind::reproducible_from_scratch:
        case VerdictKind::retrainable_from_free_networks:
        case VerdictKind::over_budget: {
          const std::string code = obtained(ArtifactKind::software), data = obtained(ArtifactKind::dataset),
                            networks = obtained(ArtifactKind::weights);
          std::string summary = fmt::format("Open Source AI{}the parameters ({}){} are under OSI-approved terms",
                                            under, *license,
                                            code.empty() ? "" : " and the code (" + code + ")");
          if (!networks.empty()) summary += "; it starts from " + networks + ", taken as they are";
          summary += data.empty() ? "; no training data is recorded"
                                  : "; its training data is described (" + data +
                                        "), which OSAID asks for instead of the data itself";
          return with("Open Source AI", "", summary);
        }
        case VerdictKind::blocked:
          return with("not Open Source AI", "", "not Open Source AI" + under + first_reasons(verdict.blockers));
        case VerdictKind::opaque:
          return with("not Open Source AI", "no data information or code recorded",
                      fmt::format("not Open Source AI{}no data information or code is recorded: nothing "
                                  "says how '{}' was made",
                                  under, id));
        case VerdictKind::undetermined:
          return with("undetermined", "", "undetermined" + under + first_reasons(verdict.missing));
      }
      break;

    case Classification::mof: {
      verdict.components = MofClassifier(s, verdict.target).components();
      const int reached = mof_class_reached(verdict.components);
      static constexpr std::string_view names[] = {"", "Open Science", "Open Tooling", "Open Model"};
      const std::string label =
          reached ? fmt::format("MOF {}, {}", class_name(reached), names[reached]) : std::string("not classified");
      if (reached == 1)
        return with(label, "",
                    label + under + "every component MOF requires is recorded and open, along the whole lineage");
      const int next = reached ? reached - 1 : 3;
      const auto lacking = lacking_for(verdict.components, next);
      std::string details = fmt::format("for {}:", class_name(next));
      std::string reasons;
      for (std::size_t i = 0; i < lacking.size(); ++i) {
        const Component& c = *lacking[i];
        details += fmt::format("{} {} {}", i ? "," : "", c.name, status_words(c.status));
        if (i < 3)
          reasons += c.status == ComponentStatus::missing
                         ? fmt::format("{}{} not recorded", i ? "; " : "", c.name)
                         : fmt::format("{}{} {}: {}", i ? "; " : "", c.name, status_words(c.status), c.detail);
      }
      if (lacking.size() > 3) reasons += fmt::format(" (and {} more)", lacking.size() - 3);
      return with(label, details, fmt::format("{}{}for {}, {}", label, under, class_name(next), reasons));
    }
  }
  return with(std::string(to_string(verdict.kind)), "", remaking);
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
  if (license_contradicted(s, target)) {
    const LineageFilter weights_lineage{
        .roles = role_bit(InputRole::initial_weights) | role_bit(InputRole::teacher_weights)};
    for (const auto& entry : ancestors(g, target, weights_lineage)) {
      if (!g.is_artifact(entry.node) || !g.license(entry.node)) continue;
      const auto judgement = s.judge_cached(*g.license(entry.node), s.policy.weights_licenses);
      if (judgement.freeness != Freeness::non_free) continue;
      verdict.license_lineage.push_back(fmt::format(
          "'{}' declares {}, but derives from '{}' under {}: {}", id, *license,
          g.id(entry.node), *g.license(entry.node), judgement.reason));
    }
  }
  verdict.hours_known =
      !verdict.plan.empty() && std::all_of(verdict.plan.begin(), verdict.plan.end(),
                                           [](const PlannedStep& step) { return step.hours.has_value(); });

  // Whether and how the weights can be re-made: the summary of a policy
  // without classes, a line of the explanation of the others.
  std::string remaking;
  const std::string on = fmt::format("on {}", s.hardware.name);
  // Under a policy without a budget, unknown compute decides nothing, so
  // an acceptable plan may have no known duration: say so, not "no time".
  const std::string duration =
      verdict.hours_known && verdict.hours <= 0
          ? fmt::format("{}, at once (the plan's recorded compute is nil)", on)
      : verdict.hours_known ? fmt::format("in about {} {}", format_duration(verdict.hours), on)
      : verdict.hours > 0 ? fmt::format("in at least {} {} (the compute of some steps is unknown)",
                                        format_duration(verdict.hours), on)
                          : fmt::format("{}, in a time not known (the compute is not recorded)", on);
  switch (verdict.kind) {
    case VerdictKind::reproducible_from_scratch:
      remaking = fmt::format("can be re-trained from scratch with free software {}", duration);
      break;
    case VerdictKind::retrainable_from_free_networks: {
      std::vector<std::string> networks;
      for (NodeId node : verdict.obtained)
        if (g.artifact_kind(node) == ArtifactKind::weights) networks.emplace_back(g.id(node));
      remaking = fmt::format("can be re-trained with free software from free networks ({}) {}",
                             join(networks, ", "), duration);
      break;
    }
    case VerdictKind::over_budget: {
      auto heaviest = std::max_element(verdict.plan.begin(), verdict.plan.end(), [](const auto& a, const auto& b) {
        return a.hours.value_or(0) < b.hours.value_or(0);
      });
      remaking = fmt::format("re-training takes {}{} {}, over the budget of {}",
                             verdict.hours_known ? "about " : "at least ", format_duration(verdict.hours), on,
                             format_duration(*s.policy.budget_hours));
      if (heaviest != verdict.plan.end() && verdict.hours > 0)
        remaking += fmt::format("; {:.0f}% of it in '{}'", 100 * heaviest->hours.value_or(0) / verdict.hours,
                                g.id(heaviest->step));
      break;
    }
    case VerdictKind::blocked:
      remaking = "cannot be re-made under " + s.policy.name + ": " + first_reasons(verdict.blockers);
      break;
    case VerdictKind::undetermined:
      remaking = "undetermined under " + s.policy.name + ": " + first_reasons(verdict.missing);
      break;
    case VerdictKind::opaque:
      remaking = fmt::format("no provenance recorded: nothing says how '{}' was made", id);
      break;
  }

  // Under a classification policy the class leads, with its own reasons:
  // such a policy makes no claim about compute.
  const bool classes = s.policy.classification != Classification::none;
  const Classified classified = classify(s, verdict, remaking);
  verdict.classification =
      classified.details.empty() ? classified.label : classified.label + " (" + classified.details + ")";
  verdict.summary = classified.summary;
  if (!verdict.license_lineage.empty())
    verdict.summary += "; license lineage: " + verdict.license_lineage.front();

  // The explanation, line by line.
  auto& lines = verdict.explanation;
  lines.push_back(fmt::format("{}: {} under policy {}, on {} ({})", id, classified.label, s.policy.name,
                              s.hardware.name, s.hardware.description));
  if (classes) lines.push_back("re-making it: " + remaking);
  lines.push_back(fmt::format("budget: {}", s.policy.budget_hours
                                                ? format_duration(*s.policy.budget_hours)
                                                : std::string("none")));
  if (!verdict.plan.empty()) {
    const bool any_known = std::any_of(verdict.plan.begin(), verdict.plan.end(),
                                       [](const PlannedStep& step) { return step.hours.has_value(); });
    lines.push_back(!any_known           ? std::string("plan, compute unknown:")
                    : verdict.hours_known ? fmt::format("plan, {} in all:", format_duration(verdict.hours))
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
      const Availability availability = g.availability(node);
      lines.push_back(fmt::format("  {} ({}, license: {}, availability: {})", g.id(node),
                                  to_string(g.artifact_kind(node)),
                                  obtained_license ? *obtained_license : "not recorded",
                                  availability == Availability::unknown ? "not recorded"
                                                                        : to_string(availability)));
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
  if (!verdict.components.empty()) {
    lines.push_back("MOF components, by the class that first requires them, along the whole lineage:");
    for (const auto& component : verdict.components)
      lines.push_back(fmt::format("  {}, {} ({}{}): {}{}", class_name(component.mof_class), component.name,
                                  to_string(component.content), component.required ? "" : ", optional",
                                  status_words(component.status),
                                  component.detail.empty() ? "" : ": " + component.detail));
  }
  lines.push_back(fmt::format("classification under {}: {}", s.policy.name, verdict.classification));
  return verdict;
}

std::string_view to_string(ComponentStatus status) {
  switch (status) {
    case ComponentStatus::open: return "open";
    case ComponentStatus::not_open: return "not-open";
    case ComponentStatus::unknown: return "unknown";
    case ComponentStatus::missing: return "missing";
  }
  return "invalid";
}

}  // namespace model_provenance
