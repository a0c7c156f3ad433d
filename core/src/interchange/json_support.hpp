// SPDX-License-Identifier: GPL-3.0-or-later
// What the nlohmann-json readers and writers (SPDX 3, CycloneDX) share:
// parsing with located errors, checked member access, ids, and the
// model-provenance record of the fields a format has no place for.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model-provenance/interchange/declarations.hpp"
#include "model-provenance/interchange/json_pointer.hpp"

namespace model_provenance::interchange::detail {

using Json = nlohmann::json;

// Documents nested deeper than this are refused before they are parsed.
constexpr std::size_t max_json_depth = 200;

// TEXT parsed, or DocumentError(FILE, "LINE:COLUMN", what was expected).
Json parse_document(std::string_view text, std::string_view file);

[[noreturn]] void fail(std::string_view file, std::string_view where, const std::string& message);

// "object", "array", "string", "number", "boolean", "null".
std::string_view type_name(const Json& value);

// A member of OBJECT (an object), or nullptr when absent.  The typed
// variants raise DocumentError at POINTER/KEY when it is present with
// another type.
const Json* member(const Json& object, std::string_view key);
std::optional<std::string> string_member(const Json& object, std::string_view key,
                                         std::string_view pointer, std::string_view file);
const Json* array_member(const Json& object, std::string_view key, std::string_view pointer,
                         std::string_view file);
const Json* object_member(const Json& object, std::string_view key, std::string_view pointer,
                          std::string_view file);
// A non-negative integer member; numbers out of range, negative or
// fractional raise DocumentError.
std::optional<std::uint64_t> count_member(const Json& object, std::string_view key,
                                          std::string_view pointer, std::string_view file);
// Requires VALUE to be a string.
const std::string& expect_string(const Json& value, std::string_view pointer, std::string_view file);
const Json& expect_object(const Json& value, std::string_view pointer, std::string_view file);

// VALUE, compact, cut to about MAX bytes: what a Dropped says.
std::string summarize(const Json& value, std::size_t max = 200);

// Ids: letters, digits and "-._+:" only, starting with a letter or digit.
bool valid_id(std::string_view id);
// Lower case, runs of other characters as one "-", a URI's scheme and
// "www." left out: "https://my-first-aibom.com/word-model" gives
// "my-first-aibom-com-word-model".
std::string slug(std::string_view text);
// BASE, or BASE-2, BASE-3 ... whichever TAKEN lacks; the result is taken.
std::string unique_id(const std::string& base, std::set<std::string>& taken);

// SHA-256 as 64 hex digits, lower-cased; nullopt when TEXT is not one.
std::optional<std::string> sha256_hex(std::string_view text);

// The record of everything of an artifact or a step that a format has no
// field for, written beside the native fields (an SPDX annotation, a
// CycloneDX property) so that reading the output gives the input back.
// Marked with the media type below; readers of other tools ignore it.
constexpr std::string_view extras_media_type = "application/vnd.model-provenance+json";
Json artifact_record(const Artifact& artifact);
// Fields of RECORD (as artifact_record writes them) set on ARTIFACT.
void apply_artifact_record(const Json& record, Artifact& artifact, std::string_view pointer,
                           std::string_view file);
Json step_record(const Step& step);
Step step_from_record(const Json& record, std::string_view pointer, std::string_view file);

// "training-data" and the like for a judgement's text.
std::string judgement_text(const Judgement& judgement);

}  // namespace model_provenance::interchange::detail
