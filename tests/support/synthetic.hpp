// SPDX-License-Identifier: GPL-3.0-or-later
// Synthetic graphs shared by the tests and the benchmarks, deterministic for
// a given size and seed.
#pragma once

#include <cstdint>
#include <memory>

#include "model-provenance/graph.hpp"

namespace model_provenance::testing {

// A data set "data", then `steps` derivations: "s1" trains "w1" on it, and
// each "sK" fine-tunes "wK" from "w(K-1)".  The deepest node is "w<steps>".
void add_chain(GraphBuilder& builder, std::uint32_t steps);
std::shared_ptr<const Snapshot> make_chain(std::uint32_t steps);

// `artifacts` artifacts: the first `roots` are data sets "d<i>"; every later
// one "w<i>" is produced by step "s<i>" from one to three earlier artifacts,
// half of the time among the hundred just before it (long lineages), else
// anywhere (wide ones).
void add_random_dag(GraphBuilder& builder, std::uint32_t artifacts, std::uint32_t roots,
                    std::uint64_t seed);
std::shared_ptr<const Snapshot> make_random_dag(std::uint32_t artifacts, std::uint32_t roots,
                                                std::uint64_t seed);

// A model hub in the shape of Hugging Face's model tree: `artifacts`
// artifacts of which about 5% data sets and a few hundred base models
// trained from scratch; every other model is a fine-tune, quantization,
// distillation or merge of earlier ones.  A third of derivations start from
// a base model picked with Zipf weights, so a few bases have 10^4-10^5
// descendants; the rest from a random earlier model.  Licenses, availability
// and compute vary, some unknown, so every verdict occurs.
std::shared_ptr<const Snapshot> make_model_hub(std::uint32_t artifacts, std::uint64_t seed);

}  // namespace model_provenance::testing
