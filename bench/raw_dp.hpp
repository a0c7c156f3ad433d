// SPDX-License-Identifier: GPL-3.0-or-later
// The floor the evaluator is measured against: the same min/sum dynamic
// programme over the same AND/OR graph (an artifact costs the least of
// taking it as it is and of each step making it; a step costs its own cost
// plus its inputs'), for both passes at once, in Kahn's order, on plain
// CSR arrays of int32, with the leaf costs and the order given.  Then, like evaluate_all,
// one summary per weights artifact from its best producing step.
//
// What it leaves out is what the evaluator must do besides: read the
// snapshot's records, judge licenses, availability and backends under a
// policy, find an order, and decide a verdict.  Building the arrays and
// the order (RawGraph::from) is not timed; RawGraph::run is.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

#include "model-provenance/graph.hpp"

namespace model_provenance::bench {

// Lexicographic, like the evaluator's: obstacles, missing facts, hours.
struct RawCost {
  float hours = 0;
  std::uint16_t blockers = 0, missing = 0, obtained = 0, unknown = 0;
  friend bool operator<(const RawCost& a, const RawCost& b) {
    if (a.blockers != b.blockers) return a.blockers < b.blockers;
    if (a.missing != b.missing) return a.missing < b.missing;
    if (a.hours != b.hours) return a.hours < b.hours;
    if (a.obtained != b.obtained) return a.obtained < b.obtained;
    return a.unknown < b.unknown;
  }
  static std::uint16_t sat(std::uint32_t x) { return static_cast<std::uint16_t>(x < 0xFFFF ? x : 0xFFFF); }
  RawCost& operator+=(const RawCost& o) {
    hours += o.hours;
    blockers = sat(blockers + o.blockers);
    missing = sat(missing + o.missing);
    obtained = sat(obtained + o.obtained);
    unknown = sat(unknown + o.unknown);
    return *this;
  }
};

struct RawSummary {
  std::uint32_t target;
  float hours;
  std::uint16_t blockers, missing;
};

struct RawGraph {
  std::uint32_t artifacts = 0, steps = 0;
  // CSR, by step: inputs and outputs (artifact numbers); by artifact: the
  // steps using it (one entry per use) and the steps making it.
  std::vector<std::uint32_t> in_first, in, out_first, out, use_first, use, make_first, make;
  std::vector<RawCost> leaf;      // by artifact: taking it as it is
  std::vector<RawCost> own;       // by step
  std::vector<std::uint8_t> weights;  // by artifact: summarised?
  std::vector<std::uint32_t> order;   // steps in Kahn's order

  static RawGraph from(const Snapshot& g) {
    RawGraph r;
    r.artifacts = static_cast<std::uint32_t>(g.artifact_count());
    r.steps = static_cast<std::uint32_t>(g.step_count());
    r.in_first.assign(r.steps + 1, 0);
    r.out_first.assign(r.steps + 1, 0);
    std::vector<std::uint32_t> uses(r.artifacts + 1, 0), makes(r.artifacts + 1, 0);
    for (std::uint32_t s = 0; s < r.steps; ++s) {
      const NodeId node = r.artifacts + s;
      for (const auto& link : g.inputs(node)) {
        r.in.push_back(link.artifact);
        ++uses[link.artifact + 1];
      }
      for (const auto& link : g.outputs(node)) {
        r.out.push_back(link.artifact);
        ++makes[link.artifact + 1];
      }
      r.in_first[s + 1] = static_cast<std::uint32_t>(r.in.size());
      r.out_first[s + 1] = static_cast<std::uint32_t>(r.out.size());
    }
    for (std::uint32_t a = 0; a < r.artifacts; ++a) {
      uses[a + 1] += uses[a];
      makes[a + 1] += makes[a];
    }
    r.use_first = uses;
    r.make_first = makes;
    r.use.resize(r.in.size());
    r.make.resize(r.out.size());
    for (std::uint32_t s = 0; s < r.steps; ++s) {
      for (auto i = r.in_first[s]; i < r.in_first[s + 1]; ++i) r.use[uses[r.in[i]]++] = s;
      for (auto i = r.out_first[s]; i < r.out_first[s + 1]; ++i) r.make[makes[r.out[i]]++] = s;
    }
    // Leaf costs in the shape of the evaluator's (their values only steer
    // branches): unknown license or availability a missing fact, a
    // withheld artifact an obstacle, weights one obtained network; a step's
    // hours from its FLOPs, else unknown.
    r.leaf.resize(r.artifacts);
    r.weights.resize(r.artifacts);
    for (std::uint32_t a = 0; a < r.artifacts; ++a) {
      RawCost& c = r.leaf[a];
      if (!g.license(a)) ++c.missing;
      if (g.availability(a) == Availability::unknown) ++c.missing;
      if (g.availability(a) == Availability::unavailable || g.availability(a) == Availability::on_request)
        ++c.blockers;
      r.weights[a] = g.artifact_kind(a) == ArtifactKind::weights;
      if (r.weights[a]) c.obtained = 1;
    }
    r.own.resize(r.steps);
    for (std::uint32_t s = 0; s < r.steps; ++s) {
      const auto compute = g.compute_view(r.artifacts + s);
      if (compute.flops)
        r.own[s].hours = static_cast<float>(*compute.flops / 1e14 / 3600);
      else
        r.own[s].unknown = 1;
    }
    // Kahn's order, the smallest ready step first (so the order of
    // addition when that is an order of derivation, the kindest to caches):
    // a step is ready once every input is made, an artifact once every step
    // making it ran.
    std::vector<std::uint32_t> inputs_left(r.steps), producers_left(r.artifacts);
    std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> ready;
    for (std::uint32_t a = 0; a < r.artifacts; ++a) producers_left[a] = r.make_first[a + 1] - r.make_first[a];
    auto made = [&](std::uint32_t a) {
      for (auto i = r.use_first[a]; i < r.use_first[a + 1]; ++i)
        if (--inputs_left[r.use[i]] == 0) ready.push(r.use[i]);
    };
    for (std::uint32_t s = 0; s < r.steps; ++s) inputs_left[s] = r.in_first[s + 1] - r.in_first[s];
    for (std::uint32_t s = 0; s < r.steps; ++s)
      if (inputs_left[s] == 0) ready.push(s);
    for (std::uint32_t a = 0; a < r.artifacts; ++a)
      if (producers_left[a] == 0) made(a);
    while (!ready.empty()) {
      const std::uint32_t s = ready.top();
      ready.pop();
      r.order.push_back(s);
      for (auto i = r.out_first[s]; i < r.out_first[s + 1]; ++i)
        if (--producers_left[r.out[i]] == 0) made(r.out[i]);
    }
    return r;
  }

  // Both passes (the second counting missing facts as obstacles) over the
  // steps in Kahn's order, then the summaries.  With `prefetch_ahead`, the
  // pass asks for the costs of the inputs of the step that many steps
  // ahead, as the evaluator does (evaluate_bench.cpp reports both).
  std::vector<RawSummary> run(std::size_t prefetch_ahead = 0) const {
    auto definite = [](RawCost c) {
      c.blockers = RawCost::sat(c.blockers + c.missing);
      return c;
    };
    std::vector<std::array<RawCost, 2>> cost(artifacts), step_cost(steps);
    for (std::uint32_t a = 0; a < artifacts; ++a) cost[a] = {leaf[a], definite(leaf[a])};
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::uint32_t s = order[k];
      if (prefetch_ahead && k + prefetch_ahead < order.size()) {
        const std::uint32_t next = order[k + prefetch_ahead];
        for (auto i = in_first[next]; i < in_first[next + 1]; ++i) __builtin_prefetch(&cost[in[i]]);
      }
      std::array<RawCost, 2> total{own[s], definite(own[s])};
      for (auto i = in_first[s]; i < in_first[s + 1]; ++i) {
        total[0] += cost[in[i]][0];
        total[1] += cost[in[i]][1];
      }
      step_cost[s] = total;
      for (auto i = out_first[s]; i < out_first[s + 1]; ++i) {
        auto& c = cost[out[i]];
        if (total[0] < c[0]) c[0] = total[0];
        if (total[1] < c[1]) c[1] = total[1];
      }
    }
    std::vector<RawSummary> summaries;
    summaries.reserve(artifacts);
    for (std::uint32_t a = 0; a < artifacts; ++a) {
      if (!weights[a]) continue;
      RawCost best{std::numeric_limits<float>::infinity(), 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF};
      for (auto i = make_first[a]; i < make_first[a + 1]; ++i)
        if (step_cost[make[i]][0] < best) best = step_cost[make[i]][0];
      summaries.push_back({a, best.hours, best.blockers, best.missing});
    }
    return summaries;
  }
};

}  // namespace model_provenance::bench
