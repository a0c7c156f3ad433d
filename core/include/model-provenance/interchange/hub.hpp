// SPDX-License-Identifier: GPL-3.0-or-later
// Hugging Face Hub metadata in JSON lines: one model a line, as the Hub's
// API (/api/models) gives it, read with simdjson's on-demand parser one
// line at a time, so that memory does not grow with the file.
//
//   member                          meaning
//   ------------------------------  --------------------------------------
//   id (or modelId)                 the model's id
//   cardData.license                its licence (Hub id, or a list)
//   cardData.base_model             its base models (id, or a list)
//   cardData.base_model_relation    finetune, adapter, merge, quantized
//   cardData.datasets               its training data (id, or a list)
//   tags "license:ID"               the licence, when cardData has none
//   tags "base_model:ID"            a base model, when cardData has none
//   tags "base_model:REL:ID"        a base model and the Hub's relation
//   tags "dataset:ID"               training data, when cardData has none
//   anything else                   skipped (downloads, likes, siblings, ...)
//
// And the license lineage of a whole hub, in one pass over its models.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model-provenance/interchange/declarations.hpp"
#include "model-provenance/interchange/huggingface.hpp"
#include "model-provenance/license.hpp"

namespace model_provenance::interchange {

// One line.  The views are valid only during the visit.
struct HubRecord {
  std::uint64_t line = 0;  // 1-based
  std::string_view id;
  std::vector<std::string_view> licenses;  // Hub ids as written
  std::vector<std::string_view> base_models;
  std::optional<HubRelation> relation;     // as stated; nullopt when not
  std::vector<std::string_view> datasets;
};

// Calls VISIT for each model of IN.  A line that is not a JSON object
// with a string id, or a member of the wrong type, is a DocumentError
// whose where() is "LINE:POINTER" ("12:/cardData/base_model/1"); ON_ERROR,
// when given, receives it and reading goes on with the next line, else it
// is thrown.  Blank lines are skipped.  Returns the bytes read.
std::uint64_t read_hub_lines(std::istream& in, std::string_view file,
                             const std::function<void(const HubRecord&)>& visit,
                             const std::function<void(const DocumentError&)>& on_error = {});

// The declarations of the models of IN, as read_model_card makes them from
// a card (weights, base models, datasets, one step a model with a base or
// data).  For documents of a few thousand models; a hub's worth goes
// through read_hub_lines.
Declarations read_hub_metadata(std::istream& in, std::string_view file);

// A model declaring a free licence with an ancestor whose licence is not.
struct LineageFinding {
  std::string model;
  std::string license;           // the model's, as SPDX
  std::string ancestor;          // the nearest such ancestor
  std::string ancestor_license;  // its licence, as SPDX ("" when unknown)
  std::uint32_t distance = 0;    // derivations between them (1: a parent)
  std::string reason;            // why the ancestor's licence is not free
};

struct LineageReport {
  std::uint64_t models = 0;        // models described by a line
  std::uint64_t declared_free = 0;
  // Declared free, with a non-free ancestor: the licence claims more than
  // the lineage allows.
  std::vector<LineageFinding> offending;
  // Declared free, no non-free ancestor, but one whose licence is unknown
  // (unstated, unmapped, or the ancestor is missing): cannot be decided.
  std::uint64_t undetermined = 0;
  std::vector<LineageFinding> undetermined_sample;  // at most sample_limit
  // Base models named by some line and described by none, each with how
  // many models name it.
  std::vector<std::pair<std::string, std::uint64_t>> missing;
  // Models on a cycle of base_model references (a model naming itself is
  // dropped, not a cycle).
  std::vector<std::string> cyclic;
  std::uint64_t self_references = 0;
};

// The license lineage of a hub, built one record at a time with compact
// ids (a hub of 2 million models takes a few hundred MB), then judged in
// one pass in topological order: each model's nearest non-free ancestor
// and nearest ancestor of unknown licence follow from its parents'.
class HubLineage {
 public:
  explicit HubLineage(LicenseCriterion criterion = LicenseCriterion::fsf_libre_or_osi_approved,
                      LicenseOverrides overrides = {});
  ~HubLineage();
  HubLineage(HubLineage&&) noexcept;
  HubLineage& operator=(HubLineage&&) noexcept;

  void add(const HubRecord& record);
  std::uint64_t model_count() const;
  // Judges every model; the builder may not be added to afterwards.
  LineageReport run(std::size_t sample_limit = 1000);
  std::size_t memory_bytes() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace model_provenance::interchange
