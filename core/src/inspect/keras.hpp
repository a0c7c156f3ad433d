// SPDX-License-Identifier: GPL-3.0-or-later
// Keras model configurations (JSON), shared by the .keras reader
// (keras.cpp) and the HDF5 reader (hdf5.cpp, Keras 2's model_config
// attribute): every Lambda layer, whose Python function is serialized in
// the file and runs when the model is loaded, is a code-execution finding.
#pragma once

#include <string>
#include <string_view>

#include "format.hpp"

namespace model_provenance::inspect::detail {

// Parses JSON (at most Limits::max_header_bytes, nested at most
// Limits::max_depth) and flags every object whose "class_name" is "Lambda"
// (a layer) or "__lambda__" (a serialized Python lambda, Keras 3), nested
// models and wrapped layers included, located as "LABEL: /json/pointer".
// Adds the model's class and name as facts, KEY_PREFIX before their keys.
// Malformed JSON is a FormatError at "LABEL: byte N".
void read_keras_config(Context& context, std::string_view json, const std::string& label,
                       const std::string& key_prefix);

// Adds the top-level string, number and boolean members of a JSON object
// as facts (metadata.json: keras_version, date_saved), KEY_PREFIX before
// their keys.
void read_json_facts(Context& context, std::string_view json, const std::string& label,
                     const std::string& key_prefix);

}  // namespace model_provenance::inspect::detail
