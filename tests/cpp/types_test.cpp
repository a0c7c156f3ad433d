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
