// SPDX-License-Identifier: GPL-3.0-or-later
// Keras: the model configurations both Keras formats carry (keras.hpp),
// and "keras", Keras 3's .keras file (keras/src/saving/saving_lib.py,
// _save_model_to_fileobj): a zip of metadata.json ({"keras_version",
// "date_saved"}), config.json (the serialized model: {"module",
// "class_name", "config": {"name", "layers": [...]}, "compile_config",
// "build_config"}), model.weights.h5 (or .npz) and assets/.  A Lambda
// layer's config holds its function as marshalled Python bytecode
// (serialization_lib: {"class_name": "__lambda__", "config": {"code": ...}}),
// which loading with safe_mode=False runs.
#include "keras.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "archive.hpp"
#include "model-provenance/interchange/json_pointer.hpp"

namespace model_provenance::inspect::detail {
namespace {

using nlohmann::json;

json parse(std::string_view text, const Context& context, const std::string& label) {
  if (text.size() > context.limits.max_header_bytes)
    throw FormatError(label, fmt::format("JSON of at most {} bytes, not {}", context.limits.max_header_bytes, text.size()));
  if (const auto at = interchange::json_nesting_beyond(text, context.limits.max_depth); at != std::string_view::npos)
    throw FormatError(fmt::format("{}: byte {}", label, at),
                      fmt::format("JSON nested no deeper than {}", context.limits.max_depth));
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    throw FormatError(fmt::format("{}: byte {}", label, e.byte > 0 ? e.byte - 1 : 0), "JSON: " + std::string(e.what()));
  } catch (const json::exception& e) {
    // Not only syntax: a number such as 1e999 overflows (out_of_range.406).
    throw FormatError(label, "JSON: " + std::string(e.what()));
  }
}

std::string scalar_text(const json& value) {
  if (value.is_string()) return printable(value.get_ref<const std::string&>());
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  return {};
}

}  // namespace

void read_keras_config(Context& context, std::string_view text, const std::string& label,
                       const std::string& key_prefix) {
  const json config = parse(text, context, label);
  if (config.is_object()) {
    for (const char* key : {"module", "class_name"})
      if (const auto it = config.find(key); it != config.end() && it->is_string())
        context.fact(key_prefix + key, printable(it->get_ref<const std::string&>(), 256));
    if (const auto inner = config.find("config"); inner != config.end() && inner->is_object()) {
      if (const auto name = inner->find("name"); name != inner->end() && name->is_string())
        context.fact(key_prefix + "config.name", printable(name->get_ref<const std::string&>(), 256));
      if (const auto layers = inner->find("layers"); layers != inner->end() && layers->is_array())
        context.fact(key_prefix + "config.layers", std::to_string(layers->size()));
    }
    if (const auto compile = config.find("compile_config"); compile != config.end() && compile->is_object()) {
      if (const auto loss = compile->find("loss"); loss != compile->end() && loss->is_string())
        context.fact(key_prefix + "compile_config.loss", printable(loss->get_ref<const std::string&>(), 256));
      if (const auto optimizer = compile->find("optimizer"); optimizer != compile->end() && optimizer->is_object())
        if (const auto name = optimizer->find("class_name"); name != optimizer->end() && name->is_string())
          context.fact(key_prefix + "compile_config.optimizer", printable(name->get_ref<const std::string&>(), 256));
    }
  }
  // Every object in the tree, in document order, with an explicit stack.
  std::vector<std::pair<const json*, std::string>> stack{{&config, ""}};
  while (!stack.empty()) {
    const auto [node, pointer] = std::move(stack.back());
    stack.pop_back();
    std::vector<std::pair<const json*, std::string>> children;
    if (node->is_object()) {
      if (const auto kind = node->find("class_name"); kind != node->end() && kind->is_string()) {
        const std::string& class_name = kind->get_ref<const std::string&>();
        std::string name = "(unnamed)";
        if (const auto inner = node->find("config"); inner != node->end() && inner->is_object())
          if (const auto n = inner->find("name"); n != inner->end() && n->is_string())
            name = printable(n->get_ref<const std::string&>(), 256);
        const std::string where = fmt::format("{}: {}", label, pointer.empty() ? "/" : pointer);
        if (class_name == "Lambda")
          context.finding(Concern::code_execution,
                          fmt::format("Keras Lambda layer \"{}\" (its Python code runs when the model is loaded)", name),
                          where);
        else if (class_name == "__lambda__")
          context.finding(Concern::code_execution,
                          "Keras serialized Python lambda (its bytecode runs when the model is loaded)", where);
      }
      for (const auto& [key, value] : node->items())
        if (value.is_structured()) children.emplace_back(&value, interchange::json_pointer_append(pointer, key));
    } else if (node->is_array()) {
      for (std::size_t i = 0; i < node->size(); ++i)
        if ((*node)[i].is_structured()) children.emplace_back(&(*node)[i], pointer + "/" + std::to_string(i));
    }
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(std::move(*it));
  }
}

void read_json_facts(Context& context, std::string_view text, const std::string& label,
                     const std::string& key_prefix) {
  const json object = parse(text, context, label);
  if (!object.is_object()) throw FormatError(label + ": byte 0", "a JSON object");
  for (const auto& [key, value] : object.items()) {
    const std::string text_value = scalar_text(value);
    if (!text_value.empty() || value.is_string()) context.fact(key_prefix + printable(key, 256), text_value);
  }
}

namespace {

bool sniff_keras(std::string_view bytes, std::string_view) {
  bool config = false;
  bool other = false;
  for (const auto& name : zip_member_names(bytes)) {
    config = config || name == "config.json";
    other = other || name == "metadata.json" || name == "model.weights.h5" || name == "model.weights.npz";
  }
  return config && other;
}

std::string read_member(const ZipArchive& zip, const ZipMember& member, const Limits& limits) {
  if (member.size > limits.max_header_bytes)
    throw FormatError(member.label(),
                      fmt::format("a JSON member of at most {} bytes, not {}", limits.max_header_bytes, member.size));
  return zip.read(member);
}

void read_keras(Context& context) {
  ZipArchive zip(context.bytes, context.limits);
  context.out.format_detail = "Keras 3 model archive (.keras)";
  if (const ZipMember* metadata = zip.find("metadata.json"))
    read_json_facts(context, read_member(zip, *metadata, context.limits), "metadata.json", "");
  for (const char* weights : {"model.weights.h5", "model.weights.npz"})
    if (zip.find(weights) != nullptr) context.fact("weights", weights);
  const ZipMember* config = zip.find("config.json");
  if (config == nullptr) throw FormatError("byte 0", "a member config.json");
  read_keras_config(context, read_member(zip, *config, context.limits), "config.json", "");
}

}  // namespace

const Format& keras_format() {
  static const Format format{"keras", "Keras 3 model archive (.keras)", sniff_keras, read_keras};
  return format;
}

}  // namespace model_provenance::inspect::detail
