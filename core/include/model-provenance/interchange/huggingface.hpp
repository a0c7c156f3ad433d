// SPDX-License-Identifier: GPL-3.0-or-later
// Hugging Face model cards: the YAML front matter of a model repository's
// README.md, as the Hub documents it (https://huggingface.co/docs/hub/model-cards).
//
//   card field            graph element
//   ------------------    -------------------------------------------------
//   (the repository)      weights artifact MODEL_ID, uri huggingface.co/MODEL_ID
//   license               its license (Hub id -> SPDX, see hub_license_to_spdx);
//                         other/unknown/unmapped: unknown, license_name and
//                         license_link dropped
//   base_model            weights artifacts, initial-weights inputs of the
//                         step that makes MODEL_ID
//   base_model_relation   the step's kind: finetune -> fine-tune, adapter ->
//                         fine-tune (noted "adapter"), merge -> merge,
//                         quantized -> quantize; absent: see below
//   datasets              dataset artifacts "datasets/ID", training-data inputs
//   library_name,         the model's notes
//   pipeline_tag
//   model-index, metrics, dropped (evaluation results have no place in the
//   tags, language, ...   graph), each with where it was
//
// With no base_model_relation the Hub infers one from the repository's
// files ("The Hub will infer the type of relationship from the current
// model to the base model", docs/hub/model-cards#specifying-a-base-model).
// A card alone shows only some of those signs: two or more base models are
// a merge; a tag base_model:RELATION:ID, library_name peft (an adapter) and
// quantized_by or a gguf/gptq/awq/exl2 tag (quantized) are taken as the Hub
// would; otherwise the Hub's default, finetune, is taken and the step's
// notes say the relation was inferred.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model-provenance/interchange/declarations.hpp"

namespace model_provenance::interchange {

// base_model_relation, and the relation of a tag base_model:RELATION:ID.
enum class HubRelation : std::uint8_t { finetune, adapter, merge, quantized };
std::optional<HubRelation> parse_hub_relation(std::string_view);
std::string_view to_string(HubRelation);
// The step that makes a model from its base: adapter is a fine-tune.
StepKind step_kind(HubRelation);

// The SPDX id (or this tool's supplement id: llama2, OpenRAIL, ...) of a
// Hugging Face license id ("apache-2.0" -> "Apache-2.0"), matched without
// regard to case; nullopt for "other", "unknown" and ids with no
// counterpart (their licence is unknown to this tool).
std::optional<std::string_view> hub_license_to_spdx(std::string_view hub_license);

// Reads the front matter of a model card (README.md text).  MODEL_ID names
// the model ("malhajar/meditron-7b-chat"); FILE is used in errors.  A card
// without front matter declares the model alone, all unknown.  A malformed
// front matter, or a field of the wrong type, is a DocumentError located
// at LINE:COLUMN of the file (1-based).
Declarations read_model_card(std::string_view text, std::string_view file,
                             std::string_view model_id);

}  // namespace model_provenance::interchange
