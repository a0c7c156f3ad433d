// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/types.hpp"

#include <gtest/gtest.h>

namespace model_provenance {
namespace {

TEST(Types, NamesRoundTrip) {
  for (auto kind : {ArtifactKind::weights, ArtifactKind::dataset, ArtifactKind::software,
                    ArtifactKind::document})
    EXPECT_EQ(parse_artifact_kind(to_string(kind)), kind);
  for (auto value : {Availability::unknown, Availability::public_download, Availability::registration,
                     Availability::on_request, Availability::unavailable})
    EXPECT_EQ(parse_availability(to_string(value)), value);
  for (auto kind : {StepKind::train, StepKind::fine_tune, StepKind::distill, StepKind::generate_data,
                    StepKind::convert, StepKind::quantize, StepKind::merge})
    EXPECT_EQ(parse_step_kind(to_string(kind)), kind);
  for (auto role : {InputRole::software, InputRole::training_data, InputRole::initial_weights,
                    InputRole::teacher_weights, InputRole::generator_weights, InputRole::document})
    EXPECT_EQ(parse_input_role(to_string(role)), role);
}

TEST(Types, DocumentKinds) {
  for (auto kind : {DocumentKind::other, DocumentKind::model_card, DocumentKind::data_card,
                    DocumentKind::technical_report, DocumentKind::research_paper, DocumentKind::evaluation_results,
                    DocumentKind::model_architecture, DocumentKind::inference_code, DocumentKind::evaluation_code,
                    DocumentKind::data_preprocessing_code, DocumentKind::supporting_libraries,
                    DocumentKind::evaluation_data, DocumentKind::intermediate_parameters,
                    DocumentKind::model_metadata, DocumentKind::sample_outputs})
    EXPECT_EQ(parse_document_kind(to_string(kind)), kind);
  EXPECT_EQ(document_kind_names(),
            "other, model-card, data-card, technical-report, research-paper, evaluation-results, "
            "model-architecture, inference-code, evaluation-code, data-preprocessing-code, "
            "supporting-libraries, evaluation-data, intermediate-parameters, model-metadata, sample-outputs");
  EXPECT_FALSE(parse_document_kind("model_card"));
  EXPECT_FALSE(parse_document_kind("paper"));
  // MOF's content types: what a component's license is judged as.
  EXPECT_EQ(content_type(DocumentKind::inference_code), ContentType::code);
  EXPECT_EQ(content_type(DocumentKind::model_architecture), ContentType::code);
  EXPECT_EQ(content_type(DocumentKind::evaluation_data), ContentType::data);
  EXPECT_EQ(content_type(DocumentKind::intermediate_parameters), ContentType::data);
  EXPECT_EQ(content_type(DocumentKind::model_card), ContentType::document);
  EXPECT_EQ(content_type(DocumentKind::sample_outputs), ContentType::document);
}

TEST(Types, NamesAreTheAnnotationSpelling) {
  EXPECT_EQ(to_string(StepKind::fine_tune), "fine-tune");
  EXPECT_EQ(to_string(InputRole::training_data), "training-data");
  EXPECT_EQ(to_string(Availability::public_download), "public-download");
}

TEST(Types, UnknownNamesAreRejected) {
  EXPECT_FALSE(parse_artifact_kind("model"));
  EXPECT_FALSE(parse_step_kind("fine_tune"));
  EXPECT_FALSE(parse_input_role(""));
  EXPECT_FALSE(parse_availability("Public-Download"));
}

TEST(Types, NameListsForMessages) {
  EXPECT_EQ(artifact_kind_names(), "weights, dataset, software, document");
  EXPECT_EQ(step_kind_names(), "train, fine-tune, distill, generate-data, convert, quantize, merge");
  EXPECT_EQ(input_role_names(),
            "software, training-data, initial-weights, teacher-weights, generator-weights, document");
  EXPECT_EQ(availability_names(), "unknown, public-download, registration, on-request, unavailable");
}

}  // namespace
}  // namespace model_provenance
