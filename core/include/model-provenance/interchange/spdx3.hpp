// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX 3.0.1 JSON-LD with the AI and Dataset profiles: read into
// declarations, written from them.  doc/ and the README have the mapping
// table; in short, ai_AIPackage is weights, dataset_DatasetPackage a data
// set, software_Package and software_File software (or weights, data or
// documents by their primary purpose), and the relationships trainedOn,
// ancestorOf / descendantOf, generates, usesTool and dependsOn become the
// inputs of the step that makes an element.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model-provenance/interchange/declarations.hpp"

namespace model_provenance::interchange {

// Raises DocumentError (FILE, "LINE:COLUMN" or a JSON pointer) when TEXT is
// not JSON or not an SPDX 3 JSON-LD document.
Declarations read_spdx3(std::string_view text, std::string_view file);

// An SPDX 3.0.1 document of DECLARATIONS, with each judgement as a review
// Annotation on its target.  What SPDX has no property for (ids, step
// roles and compute, sources, notes) is kept in one Annotation an element,
// of media type application/vnd.model-provenance+json, so that
// read_spdx3(write_spdx3(d)) gives d's artifacts and steps back.
std::string write_spdx3(const Declarations& declarations, const std::vector<Judgement>& judgements = {});

}  // namespace model_provenance::interchange
