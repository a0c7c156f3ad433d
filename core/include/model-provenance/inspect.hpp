// SPDX-License-Identifier: GPL-3.0-or-later
// Looking inside weights files: which format a file is, what it says of
// itself (license, base models, data sets, training parameters, tensor
// shapes), and whether loading it would run code.  Nothing is ever
// executed or unpickled: every format is read as bytes, within limits, so
// a hostile file costs bounded time and memory and ends in an error that
// says where.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace model_provenance::inspect {

// How much a file may make the reader do.  A file asking for more is an
// error, never an allocation of what it asks.
struct Limits {
  std::uint64_t max_header_bytes = 100ull << 20;        // a JSON header, a metadata block
  std::uint64_t max_decompressed_bytes = 4ull << 30;    // one zip member or gzip stream
  std::uint64_t max_compression_ratio = 1000;           // zip members; more is a bomb
  std::uint64_t max_entries = 10'000'000;               // key-value pairs, members, tensors
  std::uint32_t max_depth = 256;                        // nesting of any kind
  std::size_t max_listed_tensors = 100'000;             // tensors kept in the result
};

enum class Concern {
  review,          // needs a human look: a GGUF chat template (Jinja)
  code_execution,  // loading runs code: a pickle import outside the allow-list, a Keras Lambda
};

std::string_view to_string(Concern concern);

struct SafetyFinding {
  Concern concern;
  std::string what;   // "imports os.system", "Keras Lambda layer \"scale\""
  std::string where;  // "archive/data.pkl, byte 163"
};

struct Tensor {
  std::string name;
  std::string dtype;                // as the format names it: "F32", "<f4", "q4_K"
  std::vector<std::uint64_t> shape;
};

// A field of the file as written there: a key in the format's own words
// ("general.license", "__metadata__.base_model", "description") and its
// value as text.
struct Fact {
  std::string key;
  std::string value;
};

struct Inspection {
  std::string path;
  std::string format;         // "gguf", "safetensors", "nnue", ...; "unknown"
  std::string format_detail;  // version or variant: "GGUF version 3"
  std::uint64_t size = 0;
  std::optional<std::string> sha256;        // lowercase hex, when asked for
  std::optional<std::uint64_t> parameters;  // when the format lets one count them
  std::uint64_t tensor_count = 0;
  std::vector<Tensor> tensors;              // the first Limits::max_listed_tensors
  std::vector<Fact> facts;                  // every lineage-bearing field, in file order
  // The lineage the file claims, drawn from the facts, for comparison with
  // an annotation.  Empty when the file says nothing.
  std::optional<std::string> license;
  std::vector<std::string> base_models;
  std::vector<std::string> datasets;
  std::vector<SafetyFinding> safety;
  // Why reading stopped early: what was expected where.  What was read
  // before it stays in the result.
  std::optional<std::string> error;

  bool runs_code() const;
};

struct Options {
  bool hash = true;  // sha256 of the whole file: the one reading every byte
  Limits limits;
};

// NAME is what messages call the bytes and what detection by extension
// looks at.
Inspection inspect_bytes(std::string_view bytes, const std::string& name, const Limits& limits = {});

// Maps the file read-only, so a format's reader touches only the pages it
// needs.  A file that cannot be opened throws std::system_error; one that
// cannot be read as its format gives an Inspection with `error` set.
Inspection inspect_file(const std::filesystem::path& file, const Options& options = {});

// Every regular file under each path (a file, or a directory walked in
// name order without following symbolic links), one call each.  Files of
// no known format come back with format "unknown".
void inspect_paths(const std::vector<std::filesystem::path>& paths, const Options& options,
                   const std::function<void(const Inspection&)>& each);

// The formats inspect knows, as (id, description) pairs, for help texts.
std::vector<std::pair<std::string, std::string>> known_formats();

// SHA-256 as lowercase hex, of bytes and of a file read in large blocks.
std::string sha256_hex(std::string_view bytes);
std::string sha256_file(const std::filesystem::path& file);

}  // namespace model_provenance::inspect
