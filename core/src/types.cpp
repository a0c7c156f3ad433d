// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/types.hpp"

#include <array>
#include <utility>

namespace model_provenance {
namespace {

// One table per enum, in declaration order, so both directions of the
// conversion and the "expected one of" lists come from the same place.
template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<ArtifactKind, 4> artifact_kind_table{{
    {ArtifactKind::weights, "weights"},
    {ArtifactKind::dataset, "dataset"},
    {ArtifactKind::software, "software"},
    {ArtifactKind::document, "document"},
}};

constexpr NameTable<Availability, 5> availability_table{{
    {Availability::unknown, "unknown"},
    {Availability::public_download, "public-download"},
    {Availability::registration, "registration"},
    {Availability::on_request, "on-request"},
    {Availability::unavailable, "unavailable"},
}};

constexpr NameTable<StepKind, 7> step_kind_table{{
    {StepKind::train, "train"},
    {StepKind::fine_tune, "fine-tune"},
    {StepKind::distill, "distill"},
    {StepKind::generate_data, "generate-data"},
    {StepKind::convert, "convert"},
    {StepKind::quantize, "quantize"},
    {StepKind::merge, "merge"},
}};

constexpr NameTable<InputRole, 6> input_role_table{{
    {InputRole::software, "software"},
    {InputRole::training_data, "training-data"},
    {InputRole::initial_weights, "initial-weights"},
    {InputRole::teacher_weights, "teacher-weights"},
    {InputRole::generator_weights, "generator-weights"},
    {InputRole::document, "document"},
}};

constexpr NameTable<DocumentKind, 15> document_kind_table{{
    {DocumentKind::other, "other"},
    {DocumentKind::model_card, "model-card"},
    {DocumentKind::data_card, "data-card"},
    {DocumentKind::technical_report, "technical-report"},
    {DocumentKind::research_paper, "research-paper"},
    {DocumentKind::evaluation_results, "evaluation-results"},
    {DocumentKind::model_architecture, "model-architecture"},
    {DocumentKind::inference_code, "inference-code"},
    {DocumentKind::evaluation_code, "evaluation-code"},
    {DocumentKind::data_preprocessing_code, "data-preprocessing-code"},
    {DocumentKind::supporting_libraries, "supporting-libraries"},
    {DocumentKind::evaluation_data, "evaluation-data"},
    {DocumentKind::intermediate_parameters, "intermediate-parameters"},
    {DocumentKind::model_metadata, "model-metadata"},
    {DocumentKind::sample_outputs, "sample-outputs"},
}};

constexpr NameTable<ContentType, 3> content_type_table{{
    {ContentType::code, "code"},
    {ContentType::data, "data"},
    {ContentType::document, "document"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [candidate, name] : table)
    if (candidate == value) return name;
  return "invalid";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [value, candidate] : table)
    if (candidate == name) return value;
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string names_of(const NameTable<Enum, N>& table) {
  std::string joined;
  for (const auto& entry : table) {
    if (!joined.empty()) joined += ", ";
    joined += entry.second;
  }
  return joined;
}

}  // namespace

std::string_view to_string(ArtifactKind v) { return name_of(artifact_kind_table, v); }
std::string_view to_string(Availability v) { return name_of(availability_table, v); }
std::string_view to_string(StepKind v) { return name_of(step_kind_table, v); }
std::string_view to_string(InputRole v) { return name_of(input_role_table, v); }
std::string_view to_string(DocumentKind v) { return name_of(document_kind_table, v); }
std::string_view to_string(ContentType v) { return name_of(content_type_table, v); }

// As the Model Openness Tool's component list gives them (content_type of
// each component in web/modules/mof/config/install/mof.settings.yml);
// intermediate parameters are weights, data like the final ones.
ContentType content_type(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::model_architecture:
    case DocumentKind::inference_code:
    case DocumentKind::evaluation_code:
    case DocumentKind::data_preprocessing_code:
    case DocumentKind::supporting_libraries: return ContentType::code;
    case DocumentKind::evaluation_data:
    case DocumentKind::intermediate_parameters:
    case DocumentKind::model_metadata: return ContentType::data;
    default: return ContentType::document;
  }
}

std::optional<ArtifactKind> parse_artifact_kind(std::string_view s) {
  return value_of(artifact_kind_table, s);
}
std::optional<Availability> parse_availability(std::string_view s) {
  return value_of(availability_table, s);
}
std::optional<StepKind> parse_step_kind(std::string_view s) { return value_of(step_kind_table, s); }
std::optional<InputRole> parse_input_role(std::string_view s) {
  return value_of(input_role_table, s);
}
std::optional<DocumentKind> parse_document_kind(std::string_view s) {
  return value_of(document_kind_table, s);
}

std::string artifact_kind_names() { return names_of(artifact_kind_table); }
std::string availability_names() { return names_of(availability_table); }
std::string step_kind_names() { return names_of(step_kind_table); }
std::string input_role_names() { return names_of(input_role_table); }
std::string document_kind_names() { return names_of(document_kind_table); }

}  // namespace model_provenance
