// SPDX-License-Identifier: GPL-3.0-or-later
// Locations in JSON documents, as DocumentError gives them: JSON pointers
// (RFC 6901) for structural errors and LINE:COLUMN for syntax errors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace model_provenance::interchange {

// POINTER extended by one reference token, escaped as RFC 6901 says
// ("~" as "~0", "/" as "~1"): json_pointer_append("/a", "b/c") is "/a/b~1c".
std::string json_pointer_append(std::string_view pointer, std::string_view token);
std::string json_pointer_append(std::string_view pointer, std::size_t index);

// "LINE:COLUMN" (both from 1; columns count bytes) of byte OFFSET of TEXT
// (from 0).  An offset past the end names the position after the last byte.
std::string line_column(std::string_view text, std::size_t offset);

// The offset of the first "[" or "{" of TEXT (JSON, or what may be JSON)
// that opens a level deeper than MAX_DEPTH, or npos: checked before
// parsing, so that no parser recurses that deep.
std::size_t json_nesting_beyond(std::string_view text, std::size_t max_depth);

}  // namespace model_provenance::interchange
