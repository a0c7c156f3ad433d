// SPDX-License-Identifier: GPL-3.0-or-later
// A synthetic Hugging Face Hub: JSON lines in the shape /api/models gives,
// deterministic for a size and seed, for the Hub reader's tests and
// benchmark.
#pragma once

#include <cstdint>
#include <ostream>

namespace model_provenance::testing {

struct SyntheticHubStats {
  std::uint64_t models = 0;  // lines describing a model
  std::uint64_t bytes = 0;
  std::uint64_t bases = 0;
  std::uint64_t merges = 0;
  std::uint64_t quantizations = 0;
  std::uint64_t adapters = 0;
  std::uint32_t max_depth = 0;
  std::uint64_t largest_family = 0;  // descendants of the most used base
  // Models declaring a free licence (apache-2.0, mit) with a non-free
  // ancestor (llama2, llama3.1, openrail, cc-by-nc-4.0): what the license
  // lineage must flag.
  std::uint64_t offending = 0;
  std::uint64_t missing_references = 0;  // base models no line describes
  std::uint64_t self_references = 0;
  std::uint64_t cyclic = 0;              // models on a cycle
};

// MODELS lines: a few hundred bases trained from scratch (llama2, llama3.1,
// apache-2.0, mit, openrail, cc-by-nc-4.0, gemma, other), every other
// model a fine-tune, adapter, quantization or merge of two or three
// earlier ones, depth at most 6.  A third of derivations start from a base
// picked with Zipf weights, so the largest families have tens of thousands
// of descendants.  Most derivatives keep their parent's licence; some
// declare apache-2.0 or mit whatever their lineage (llama2 descendants
// mislabelled), some none.  cardData is absent from some lines (only the
// tags say), "modelId" stands for "id" in some, a few name a base no line
// describes, themselves, or each other in a cycle.
SyntheticHubStats write_synthetic_hub(std::ostream& out, std::uint64_t models, std::uint64_t seed);

}  // namespace model_provenance::testing
