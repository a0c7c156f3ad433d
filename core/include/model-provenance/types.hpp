// SPDX-License-Identifier: GPL-3.0-or-later
// The provenance vocabulary: artifacts, the steps that produce them, and the
// facts recorded about both.  Plain value types; the graph stores them
// compactly once frozen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace model_provenance {

enum class ArtifactKind : std::uint8_t { weights, dataset, software, document };

// What a document artifact is.  A document is a published component that
// accompanies a model without being needed to make it: a card, a report,
// results, and the code and data that use or judge the model rather than
// make it (inference and evaluation code, evaluation data, checkpoints).
// The kinds are the components of the Model Openness Framework (MOF,
// arXiv:2403.13784) that the derivation graph does not model already;
// the others are read from the graph: the final parameters are the weights,
// training code the software of the steps that make them, datasets the
// data those steps use.  `other` is a document of no MOF component.
enum class DocumentKind : std::uint8_t {
  other,
  model_card,
  data_card,
  technical_report,
  research_paper,
  evaluation_results,
  model_architecture,
  inference_code,
  evaluation_code,
  data_preprocessing_code,
  supporting_libraries,
  evaluation_data,
  intermediate_parameters,
  model_metadata,
  sample_outputs,
};

// The kind of content MOF judges a component's license by: code needs a
// free software license, data an open data (or free) license, documents an
// open content license.
enum class ContentType : std::uint8_t { code, data, document };
ContentType content_type(DocumentKind);

enum class Availability : std::uint8_t {
  unknown,
  public_download,
  registration,
  on_request,
  unavailable,
};

enum class StepKind : std::uint8_t {
  train,          // from scratch
  fine_tune,
  distill,
  generate_data,  // e.g. self-play
  convert,
  quantize,
  merge,
};

// Why a step consumes an artifact.  Queries filter on it ("follow only
// training data"), and the evaluator treats software specially.
enum class InputRole : std::uint8_t {
  software,
  training_data,
  initial_weights,
  teacher_weights,
  generator_weights,
  document,
};

// Bit sets over the enums above, for query filters.
using RoleMask = std::uint32_t;
using StepKindMask = std::uint32_t;
constexpr RoleMask role_bit(InputRole role) { return RoleMask{1} << static_cast<unsigned>(role); }
constexpr StepKindMask step_kind_bit(StepKind kind) {
  return StepKindMask{1} << static_cast<unsigned>(kind);
}
constexpr RoleMask all_roles = ~RoleMask{0};
constexpr StepKindMask all_step_kinds = ~StepKindMask{0};

// A citation backing a fact: where it was read, and when.
struct Source {
  std::string url;
  std::string date;   // ISO 8601, the day the source was read
  std::string about;  // which fact it supports, e.g. "license"; may be empty
  friend bool operator==(const Source&, const Source&) = default;
};

// A compute backend a piece of software can run on (cpu, rocm, vulkan,
// cuda, ...).  CUDA needs a proprietary driver and runtime; ROCm does not.
struct BackendSupport {
  std::string backend;
  bool needs_proprietary = false;
  friend bool operator==(const BackendSupport&, const BackendSupport&) = default;
};

struct Artifact {
  std::string id;
  ArtifactKind kind = ArtifactKind::weights;
  std::string name;
  std::string version;
  std::optional<std::string> license;  // SPDX expression; nullopt: unknown
  std::optional<std::string> sha256;   // lower-case hex; nullopt: unknown
  std::vector<std::string> uris;
  std::string format;
  Availability availability = Availability::unknown;
  std::optional<std::string> guix_package;
  std::optional<std::uint64_t> size_bytes;
  std::string notes;
  std::vector<Source> sources;
  std::vector<BackendSupport> backends;  // software only
  DocumentKind document_kind = DocumentKind::other;  // documents only
  // Documents only: the artifacts (weights, datasets, software) this one
  // documents.  Not a derivation: a model card is not needed to make the
  // weights it describes, so it is no step's input.
  std::vector<std::string> describes;
  friend bool operator==(const Artifact&, const Artifact&) = default;
};

// What a step costs.  Every figure may be unknown; the evaluator reports an
// unknown that decides a verdict instead of guessing it.
struct Compute {
  std::optional<double> flops;
  std::optional<double> hours;       // wall-clock hours on hardware_profile
  std::string hardware_profile;      // required when hours is given
  std::optional<std::uint64_t> peak_memory_bytes;
  std::optional<std::uint64_t> storage_bytes;
  friend bool operator==(const Compute&, const Compute&) = default;
};

struct StepInput {
  std::string artifact;  // artifact id
  InputRole role = InputRole::training_data;
  friend bool operator==(const StepInput&, const StepInput&) = default;
};

struct Step {
  std::string id;
  StepKind kind = StepKind::train;
  std::vector<StepInput> inputs;
  std::vector<std::string> outputs;  // artifact ids
  Compute compute;
  std::string notes;
  std::vector<Source> sources;
  friend bool operator==(const Step&, const Step&) = default;
};

// Names as written in annotations and printed in reports ("fine-tune",
// "training-data", "public-download"), and their inverse.  parse_* returns
// nullopt for an unknown name; callers report it with the field it came from.
std::string_view to_string(ArtifactKind);
std::string_view to_string(Availability);
std::string_view to_string(StepKind);
std::string_view to_string(InputRole);
std::string_view to_string(DocumentKind);
std::string_view to_string(ContentType);
std::optional<ArtifactKind> parse_artifact_kind(std::string_view);
std::optional<Availability> parse_availability(std::string_view);
std::optional<StepKind> parse_step_kind(std::string_view);
std::optional<InputRole> parse_input_role(std::string_view);
std::optional<DocumentKind> parse_document_kind(std::string_view);

// All names of an enum, for "expected one of ..." messages.
std::string artifact_kind_names();
std::string availability_names();
std::string step_kind_names();
std::string input_role_names();
std::string document_kind_names();

}  // namespace model_provenance
