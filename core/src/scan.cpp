// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <string_view>
#include <system_error>
#include <utility>

#include "model-provenance/error.hpp"

namespace model_provenance {
namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

// Model files known by their names.  Extensions shared with other data
// (.bin, .dat, .xml, .pb) count only with a telling name.
std::string model_kind(std::string_view file_name) {
  const std::string name = lower(file_name);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> suffixes{{
      {".nnue", "nnue"},
      {".pb.gz", "lc0-protobuf"},
      {".onnx", "onnx"},
      {".ort", "onnx"},
      {".tflite", "tflite"},
      {".safetensors", "safetensors"},
      {".gguf", "gguf"},
      {".ggml", "ggml"},
      {".pt", "pytorch"},
      {".pth", "pytorch"},
      {".ckpt", "checkpoint"},
      {".traineddata", "tesseract"},
      {".caffemodel", "caffe"},
      {".h5", "hdf5"},
      {".keras", "keras"},
      {".mlmodel", "coreml"},
      {".ftz", "fasttext"},
      {".npz", "numpy"},
  }};
  for (const auto& [suffix, kind] : suffixes)
    if (ends_with(name, suffix)) return std::string(kind);
  if (starts_with(name, "haarcascade_") && ends_with(name, ".xml")) return "opencv-cascade";
  if (starts_with(name, "lbpcascade_") && ends_with(name, ".xml")) return "opencv-cascade";
  if (ends_with(name, ".pb") && (name.find("model") != std::string::npos || name.find("graph") != std::string::npos))
    return "tensorflow";
  if (ends_with(name, ".bin") && (name.find("model") != std::string::npos || name.find("ggml") != std::string::npos))
    return "model-bin";
  if (ends_with(name, ".dat") && (name.find("detector") != std::string::npos ||
                                  name.find("predictor") != std::string::npos))
    return "dlib";
  if (ends_with(name, ".lm") || ends_with(name, ".lm.bin") || ends_with(name, ".arpa") ||
      ends_with(name, ".dmp"))
    return "language-model";
  // CMU Sphinx acoustic models are directories of these files.
  if (name == "mixture_weights" || name == "means" || name == "variances" || name == "mdef" ||
      name == "transition_matrices")
    return "sphinx-acoustic-model";
  return {};
}

bool c_like(std::string_view file_name) {
  const std::string name = lower(file_name);
  for (std::string_view suffix : {".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".inc", ".i", ".ipp"})
    if (ends_with(name, suffix)) return true;
  return false;
}

bool identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool numeric_start(std::string_view text, std::size_t at) {
  const char c = text[at];
  if (std::isdigit(static_cast<unsigned char>(c))) return true;
  return (c == '-' || c == '+' || c == '.') && at + 1 < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[at + 1])) || text[at + 1] == '.');
}

// The declaration in front of the '=' at EQUALS: its line (and the one
// before when the '=' starts a line), squeezed to single spaces.
std::string declaration_before(std::string_view text, std::size_t equals) {
  std::size_t start = text.rfind('\n', equals == 0 ? 0 : equals - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  const bool bare = std::all_of(text.begin() + start, text.begin() + equals,
                                [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  if (bare && start > 0) {
    const std::size_t previous = start > 1 ? text.rfind('\n', start - 2) : std::string_view::npos;
    start = previous == std::string_view::npos ? 0 : previous + 1;
  }
  std::string declaration;
  bool space = false;
  for (char c : text.substr(start, std::min<std::size_t>(equals - start, 300))) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !declaration.empty();
    } else {
      if (space) declaration += ' ';
      declaration += c;
      space = false;
    }
  }
  return declaration;
}

// Words of the names learned parameters get: layers, their weights and
// biases, kinds of networks.
bool named_like_weights(std::string_view declaration) {
  const std::string text = lower(declaration);
  for (std::string_view word : {"weights", "bias", "dense", "gru", "lstm", "conv", "layer", "mlp", "rnn",
                                "_nn", "nn_", "nnet", "neural", "embedding", "tdnn",
                                // speech synthesis: decision trees and models trained on voices
                                "lts_model", "_cart", "cart_", "_trees", "mcep", "durmodel"})
    if (text.find(word) != std::string::npos) return true;
  return false;
}

// Generators of weight files say so at the top.
bool looks_generated(std::string_view text) {
  const std::string head = lower(text.substr(0, 4096));
  for (std::string_view phrase : {"generated from a keras model", "generated from a pytorch",
                                  "generated from a tensorflow", "generated by dump_rnn"})
    if (head.find(phrase) != std::string::npos) return true;
  return false;
}

// Bytes of base64 or hexadecimal text inside the string literals of a C
// or C++ source: serialized models are embedded that way (dlib's face
// detector).
std::size_t encoded_string_bytes(std::string_view text) {
  std::size_t encoded = 0, other = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      i = std::min(text.find('\n', i), text.size());
    } else if (text[i] == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      const auto end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (text[i] == '\'') {
      const auto end = text.find('\'', i + 2);  // '\'' and the like
      i = end == std::string_view::npos ? text.size() : end;
    } else if (text[i] == '"') {
      for (++i; i < text.size() && text[i] != '"' && text[i] != '\n'; ++i) {
        const char c = text[i];
        if (c == '\\') {
          ++i;
          ++other;
        } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/' || c == '=') {
          ++encoded;
        } else {
          ++other;
        }
      }
    }
  }
  // Mostly prose or code in strings is not a blob.
  return encoded >= 9 * other ? encoded : 0;
}

}  // namespace

std::vector<std::pair<std::string, std::size_t>> numeric_arrays(std::string_view text,
                                                                std::size_t min_values) {
  std::vector<std::pair<std::string, std::size_t>> arrays;
  std::size_t at = 0;
  while ((at = text.find('{', at)) != std::string_view::npos) {
    // An initializer: '=' then '{', whitespace between.
    std::size_t before = at;
    while (before > 0 && std::isspace(static_cast<unsigned char>(text[before - 1]))) --before;
    if (before == 0 || text[before - 1] != '=') {
      ++at;
      continue;
    }
    const std::size_t equals = before - 1;
    // Count the numbers up to the matching brace; anything but numbers,
    // separators, casts' parentheses and comments means it is not an array
    // of weights (a struct of strings, code...).
    std::size_t depth = 0, values = 0, i = at;
    bool numeric = true;
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '{') {
        ++depth;
      } else if (c == '}') {
        if (--depth == 0) break;
      } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
        const auto end = text.find("*/", i + 2);
        i = end == std::string_view::npos ? text.size() : end + 1;
      } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
        const auto end = text.find('\n', i);
        i = end == std::string_view::npos ? text.size() : end;
      } else if (c == '\'') {
        // A character constant: flite's letter-to-sound models are full of them.
        const auto end = text.find('\'', i + (i + 1 < text.size() && text[i + 1] == '\\' ? 3 : 2));
        if (end == std::string_view::npos || end - i > 8) {
          numeric = false;
          break;
        }
        ++values;
        i = end;
      } else if (numeric_start(text, i)) {
        ++values;
        while (i + 1 < text.size() &&
               (identifier_char(text[i + 1]) || text[i + 1] == '.' ||
                ((text[i + 1] == '-' || text[i + 1] == '+') && (text[i] == 'e' || text[i] == 'E'))))
          ++i;
      } else if (std::isspace(static_cast<unsigned char>(c)) || c == ',' || c == '(' || c == ')' ||
                 c == '*' || c == '&') {
        // Separators, casts and addresses: flite's decision trees point to
        // their values with (cst_val *)&val_0001.
      } else if (identifier_char(c)) {
        // Casts and macros such as QCONST16(0.5f, 15) or (opus_int8): skip
        // the word; the numbers around it still count.
        while (i + 1 < text.size() && identifier_char(text[i + 1])) ++i;
      } else {
        numeric = false;
        break;
      }
    }
    if (numeric && values >= min_values) arrays.emplace_back(declaration_before(text, equals), values);
    at = std::max(i, at + 1);
  }
  return arrays;
}

std::vector<ScanFinding> scan_source_text(const std::string& path, std::string_view text,
                                          const ScanOptions& options) {
  std::vector<ScanFinding> findings;
  const std::uintmax_t bytes = text.size();
  // Weights compiled in are arrays named like weights (or in a file
  // that says it was generated from a model), often many small ones:
  // they count together.  Other large tables (twiddles, costs) are
  // listed apart, as tables.
  const bool generated = looks_generated(text);
  std::size_t learned_values = 0, learned_arrays = 0;
  std::string example;
  for (auto& [declaration, values] : numeric_arrays(text, options.min_learned_array_values)) {
    if (generated || named_like_weights(declaration)) {
      learned_values += values;
      ++learned_arrays;
      if (example.empty()) example = declaration;
    } else if (values >= options.min_array_values) {
      findings.push_back({path, "c-table",
                          fmt::format("{}: {} values", declaration.empty() ? "(anonymous)" : declaration,
                                      values),
                          bytes, values});
    }
  }
  if (const std::size_t encoded = encoded_string_bytes(text); encoded >= options.min_blob_bytes)
    findings.push_back({path, "c-blob",
                        fmt::format("{} KiB of encoded data in string literals (a serialized model?)",
                                    encoded / 1024),
                        bytes, 0});
  if (learned_values >= options.min_weights_values)
    findings.push_back({path, "c-weights",
                        fmt::format("{} array{} named like weights, {} values (such as {})", learned_arrays,
                                    learned_arrays == 1 ? "" : "s", learned_values, example),
                        bytes, learned_values});
  return findings;
}

std::vector<ScanFinding> scan_source_tree(const fs::path& root, const ScanOptions& options) {
  std::error_code error;
  const auto root_status = fs::symlink_status(root, error);
  if (error || !fs::exists(root_status))
    throw Error({ProblemCode::invalid_value,
                 fmt::format("cannot scan '{}': {}", root.string(),
                             error ? error.message() : "no such file or directory"),
                 {},
                 "path"});

  std::vector<ScanFinding> findings;
  auto relative = [&](const fs::path& path) {
    const auto name = path.lexically_relative(fs::is_directory(root_status) ? root : root.parent_path());
    return name.empty() ? path.filename().string() : name.string();
  };
  auto in_tests = [](const std::string& relative_path) {
    for (const auto& part : fs::path(relative_path)) {
      const std::string name = lower(part.string());
      if (name == "test" || name == "tests" || name == "testdata" || name == "test_data" ||
          name == "unittest" || name == "unittests" || name == "testing")
        return true;
    }
    return false;
  };
  auto scan_file = [&](const fs::path& path, std::uintmax_t bytes) {
    const std::string name = path.filename().string();
    if (std::string kind = model_kind(name); !kind.empty())
      findings.push_back({relative(path), kind, fmt::format("{} model file", kind), bytes, 0});
    if (!c_like(name)) return;
    if (bytes > options.max_file_bytes) {
      findings.push_back({relative(path), "skipped",
                          fmt::format("{} bytes, over the limit of {}", bytes, options.max_file_bytes),
                          bytes, 0});
      return;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(bytes), '\0');
    if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
      findings.push_back({relative(path), "skipped", "cannot be read", bytes, 0});
      return;
    }
    for (auto& finding : scan_source_text(relative(path), text, options)) {
      finding.bytes = bytes;
      findings.push_back(std::move(finding));
    }
  };

  if (!fs::is_directory(root_status)) {
    scan_file(root, fs::file_size(root, error));
  } else {
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error), end;
    for (; !error && it != end; it.increment(error)) {
      const auto status = it->symlink_status(error);
      if (error) break;
      if (fs::is_directory(status) && static_cast<std::size_t>(it.depth()) >= options.max_depth) {
        it.disable_recursion_pending();
        findings.push_back({relative(it->path()), "skipped",
                            fmt::format("deeper than {} directories", options.max_depth), 0, 0});
        continue;
      }
      if (!fs::is_regular_file(status)) continue;  // links are not followed
      std::error_code size_error;
      const auto bytes = it->file_size(size_error);
      if (size_error) {
        findings.push_back({relative(it->path()), "skipped", size_error.message(), 0, 0});
        continue;
      }
      scan_file(it->path(), bytes);
    }
    if (error)
      findings.push_back({relative(root), "skipped", fmt::format("walk stopped: {}", error.message()), 0, 0});
  }
  for (auto& f : findings) f.in_tests = in_tests(f.path);
  std::sort(findings.begin(), findings.end(),
            [](const ScanFinding& a, const ScanFinding& b) { return a.path < b.path; });
  return findings;
}

}  // namespace model_provenance
