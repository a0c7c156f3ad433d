// SPDX-License-Identifier: GPL-3.0-or-later
// CycloneDX 1.5, 1.6 and 1.7 JSON (ML-BOM): read into declarations,
// written (as 1.6) from them.  Components of type machine-learning-model
// are weights, data data sets, library / application / framework software;
// a model card's datasets are the training data of the step that makes the
// model, pedigree ancestors its initial weights, dependencies on software
// its software.  doc/ and the README have the mapping table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model-provenance/interchange/declarations.hpp"

namespace model_provenance::interchange {

// Raises DocumentError (FILE, "LINE:COLUMN" or a JSON pointer) when TEXT is
// not JSON or not a CycloneDX BOM.
Declarations read_cyclonedx(std::string_view text, std::string_view file);

// A CycloneDX 1.6 BOM of DECLARATIONS.  Judgements become properties of
// their target component: model-provenance:verdict:POLICY,
// model-provenance:summary:POLICY and model-provenance:reason:POLICY (one
// a reason).  What CycloneDX has no field for is kept in the properties
// model-provenance:artifact and model-provenance:step (JSON), so that
// read_cyclonedx(write_cyclonedx(d)) gives d's artifacts and steps back.
std::string write_cyclonedx(const Declarations& declarations,
                            const std::vector<Judgement>& judgements = {});

}  // namespace model_provenance::interchange
