// SPDX-License-Identifier: GPL-3.0-or-later
#include "json_support.hpp"

#include <cctype>
#include <cmath>
#include <limits>

namespace model_provenance::interchange {

std::string json_pointer_append(std::string_view pointer, std::string_view token) {
  std::string result(pointer);
  result += '/';
  for (char c : token) {
    if (c == '~') {
      result += "~0";
    } else if (c == '/') {
      result += "~1";
    } else {
      result += c;
    }
  }
  return result;
}

std::string json_pointer_append(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + '/' + std::to_string(index);
}

std::string line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t column = 1;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

std::size_t json_nesting_beyond(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

namespace detail {

namespace {

// The DOM builder of nlohmann-json, keeping the byte position of a syntax
// error (its own handler throws the error and forgets the position of
// some, "number overflow" among them).
class LocatingParser : public nlohmann::detail::json_sax_dom_parser<Json> {
 public:
  explicit LocatingParser(Json& root) : json_sax_dom_parser<Json>(root, false) {}
  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*token*/, const Exception& error) {
    failed = true;
    at = position;
    message = error.what();
    return false;
  }
  bool failed = false;
  std::size_t at = 0;
  std::string message;
};

// nlohmann-json's messages start "[json.exception.parse_error.101] parse
// error at line 1, column 2: ": keep what follows the last ": ".
std::string plain_message(const std::string& what) {
  auto bracket = what.find("] ");
  std::string rest = bracket == std::string::npos ? what : what.substr(bracket + 2);
  auto colon = rest.find(": ");
  if (rest.rfind("parse error", 0) == 0 && colon != std::string::npos) rest = rest.substr(colon + 2);
  return rest;
}

}  // namespace

void fail(std::string_view file, std::string_view where, const std::string& message) {
  throw DocumentError(std::string(file), std::string(where.empty() ? "/" : where), message);
}

Json parse_document(std::string_view text, std::string_view file) {
  if (const auto at = json_nesting_beyond(text, max_json_depth); at != std::string_view::npos) {
    fail(file, line_column(text, at),
         "nested deeper than " + std::to_string(max_json_depth) + " arrays and objects");
  }
  Json root;
  LocatingParser parser(root);
  const bool ok = Json::sax_parse(text.begin(), text.end(), &parser, nlohmann::detail::input_format_t::json, true);
  if (!ok || parser.failed) {
    // Positions count characters read, the offending one included.
    const std::size_t at = parser.at > 0 ? parser.at - 1 : 0;
    fail(file, line_column(text, at),
         parser.failed ? plain_message(parser.message) : "expected a JSON value");
  }
  return root;
}

std::string_view type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: return "object";
    case Json::value_t::array: return "array";
    case Json::value_t::string: return "string";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "number";
    case Json::value_t::null: return "null";
    default: return "binary";
  }
}

const Json* member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

const std::string& expect_string(const Json& value, std::string_view pointer, std::string_view file) {
  if (!value.is_string()) {
    fail(file, pointer, "expected a string, found " + std::string(type_name(value)));
  }
  return value.get_ref<const std::string&>();
}

const Json& expect_object(const Json& value, std::string_view pointer, std::string_view file) {
  if (!value.is_object()) {
    fail(file, pointer, "expected an object, found " + std::string(type_name(value)));
  }
  return value;
}

std::optional<std::string> string_member(const Json& object, std::string_view key,
                                         std::string_view pointer, std::string_view file) {
  const Json* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  return expect_string(*value, json_pointer_append(pointer, key), file);
}

const Json* array_member(const Json& object, std::string_view key, std::string_view pointer,
                         std::string_view file) {
  const Json* value = member(object, key);
  if (value != nullptr && !value->is_array()) {
    fail(file, json_pointer_append(pointer, key),
         "expected an array, found " + std::string(type_name(*value)));
  }
  return value;
}

const Json* object_member(const Json& object, std::string_view key, std::string_view pointer,
                          std::string_view file) {
  const Json* value = member(object, key);
  if (value != nullptr) expect_object(*value, json_pointer_append(pointer, key), file);
  return value;
}

std::optional<std::uint64_t> count_member(const Json& object, std::string_view key,
                                          std::string_view pointer, std::string_view file) {
  const Json* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  const std::string where = json_pointer_append(pointer, key);
  if (value->is_number_unsigned()) return value->get<std::uint64_t>();
  if (value->is_number_integer()) fail(file, where, "expected a non-negative integer, found a negative one");
  if (value->is_number_float()) {
    const double number = value->get<double>();
    if (number >= 0 && number < 18446744073709551616.0 && std::floor(number) == number) {
      return static_cast<std::uint64_t>(number);
    }
    fail(file, where, "expected a non-negative integer below 2^64, found " + value->dump());
  }
  fail(file, where, "expected a non-negative integer, found " + std::string(type_name(*value)));
}

std::string summarize(const Json& value, std::size_t max) {
  std::string text = value.is_string() ? value.get<std::string>()
                                       : value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > max) {
    std::size_t cut = max;
    // Do not cut a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 200 || !std::isalnum(static_cast<unsigned char>(id.front()))) return false;
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '+' || c == ':')) return false;
  }
  return true;
}

std::string slug(std::string_view text) {
  if (auto scheme = text.find("://"); scheme != std::string_view::npos) text.remove_prefix(scheme + 3);
  if (text.substr(0, 4) == "www.") text.remove_prefix(4);
  std::string result;
  bool dash = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u)) {
      if (dash && !result.empty()) result += '-';
      dash = false;
      result += static_cast<char>(std::tolower(u));
    } else {
      dash = true;
    }
  }
  if (result.size() > 120) result.resize(120);
  while (!result.empty() && result.back() == '-') result.pop_back();
  return result.empty() ? std::string("element") : result;
}

std::string unique_id(const std::string& base, std::set<std::string>& taken) {
  std::string id = base;
  for (int n = 2; taken.count(id) != 0; ++n) id = base + "-" + std::to_string(n);
  taken.insert(id);
  return id;
}

std::optional<std::string> sha256_hex(std::string_view text) {
  if (text.size() != 64) return std::nullopt;
  std::string result;
  for (char c : text) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    result += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return result;
}

namespace {

Json sources_record(const std::vector<Source>& sources) {
  Json list = Json::array();
  for (const auto& source : sources) {
    list.push_back({{"url", source.url}, {"date", source.date}, {"about", source.about}});
  }
  return list;
}

std::vector<Source> sources_from(const Json& list, std::string_view pointer, std::string_view file) {
  std::vector<Source> sources;
  if (!list.is_array()) fail(file, pointer, "expected an array of sources");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = json_pointer_append(pointer, i);
    const Json& item = expect_object(list[i], at, file);
    Source source;
    source.url = string_member(item, "url", at, file).value_or("");
    source.date = string_member(item, "date", at, file).value_or("");
    source.about = string_member(item, "about", at, file).value_or("");
    sources.push_back(std::move(source));
  }
  return sources;
}

std::vector<std::string> strings_from(const Json& list, std::string_view pointer, std::string_view file) {
  std::vector<std::string> result;
  if (!list.is_array()) fail(file, pointer, "expected an array of strings");
  for (std::size_t i = 0; i < list.size(); ++i) {
    result.push_back(expect_string(list[i], json_pointer_append(pointer, i), file));
  }
  return result;
}

std::optional<double> number_member(const Json& object, std::string_view key, std::string_view pointer,
                                    std::string_view file) {
  const Json* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    fail(file, json_pointer_append(pointer, key),
         "expected a number, found " + std::string(type_name(*value)));
  }
  return value->get<double>();
}

}  // namespace

Json artifact_record(const Artifact& artifact) {
  Json record = {{"id", artifact.id}, {"kind", std::string(to_string(artifact.kind))}};
  record["name"] = artifact.name;
  if (!artifact.format.empty()) record["format"] = artifact.format;
  record["availability"] = std::string(to_string(artifact.availability));
  if (artifact.guix_package) record["guix-package"] = *artifact.guix_package;
  if (artifact.size_bytes) record["size-bytes"] = *artifact.size_bytes;
  if (!artifact.notes.empty()) record["notes"] = artifact.notes;
  if (!artifact.sources.empty()) record["sources"] = sources_record(artifact.sources);
  if (!artifact.backends.empty()) {
    Json list = Json::array();
    for (const auto& backend : artifact.backends) {
      list.push_back({{"backend", backend.backend}, {"needs-proprietary", backend.needs_proprietary}});
    }
    record["backends"] = list;
  }
  if (artifact.kind == ArtifactKind::document) {
    record["document-kind"] = std::string(to_string(artifact.document_kind));
  }
  if (!artifact.describes.empty()) record["describes"] = artifact.describes;
  return record;
}

void apply_artifact_record(const Json& record, Artifact& artifact, std::string_view pointer,
                           std::string_view file) {
  expect_object(record, pointer, file);
  if (auto id = string_member(record, "id", pointer, file)) artifact.id = *id;
  if (auto kind = string_member(record, "kind", pointer, file)) {
    auto parsed = parse_artifact_kind(*kind);
    if (!parsed) fail(file, json_pointer_append(pointer, "kind"), "expected one of " + artifact_kind_names());
    artifact.kind = *parsed;
  }
  if (auto name = string_member(record, "name", pointer, file)) artifact.name = *name;
  if (auto format = string_member(record, "format", pointer, file)) artifact.format = *format;
  if (auto availability = string_member(record, "availability", pointer, file)) {
    auto parsed = parse_availability(*availability);
    if (!parsed) {
      fail(file, json_pointer_append(pointer, "availability"), "expected one of " + availability_names());
    }
    artifact.availability = *parsed;
  }
  if (auto package = string_member(record, "guix-package", pointer, file)) artifact.guix_package = *package;
  if (auto size = count_member(record, "size-bytes", pointer, file)) artifact.size_bytes = *size;
  if (auto notes = string_member(record, "notes", pointer, file)) artifact.notes = *notes;
  if (const Json* sources = member(record, "sources")) {
    artifact.sources = sources_from(*sources, json_pointer_append(pointer, "sources"), file);
  }
  if (const Json* backends = array_member(record, "backends", pointer, file)) {
    artifact.backends.clear();
    for (std::size_t i = 0; i < backends->size(); ++i) {
      const std::string at = json_pointer_append(json_pointer_append(pointer, "backends"), i);
      const Json& item = expect_object((*backends)[i], at, file);
      BackendSupport backend;
      backend.backend = string_member(item, "backend", at, file).value_or("");
      if (const Json* flag = member(item, "needs-proprietary")) {
        if (!flag->is_boolean()) fail(file, json_pointer_append(at, "needs-proprietary"), "expected a boolean");
        backend.needs_proprietary = flag->get<bool>();
      }
      artifact.backends.push_back(std::move(backend));
    }
  }
  if (auto kind = string_member(record, "document-kind", pointer, file)) {
    auto parsed = parse_document_kind(*kind);
    if (!parsed) {
      fail(file, json_pointer_append(pointer, "document-kind"), "expected one of " + document_kind_names());
    }
    artifact.document_kind = *parsed;
  }
  if (const Json* describes = member(record, "describes")) {
    artifact.describes = strings_from(*describes, json_pointer_append(pointer, "describes"), file);
  }
}

Json step_record(const Step& step) {
  Json record = {{"id", step.id}, {"kind", std::string(to_string(step.kind))}};
  Json inputs = Json::array();
  for (const auto& input : step.inputs) {
    inputs.push_back({{"artifact", input.artifact}, {"role", std::string(to_string(input.role))}});
  }
  record["inputs"] = inputs;
  record["outputs"] = step.outputs;
  Json compute = Json::object();
  if (step.compute.flops) compute["flops"] = *step.compute.flops;
  if (step.compute.hours) compute["hours"] = *step.compute.hours;
  if (!step.compute.hardware_profile.empty()) compute["hardware-profile"] = step.compute.hardware_profile;
  if (step.compute.peak_memory_bytes) compute["peak-memory-bytes"] = *step.compute.peak_memory_bytes;
  if (step.compute.storage_bytes) compute["storage-bytes"] = *step.compute.storage_bytes;
  if (!compute.empty()) record["compute"] = compute;
  if (!step.notes.empty()) record["notes"] = step.notes;
  if (!step.sources.empty()) record["sources"] = sources_record(step.sources);
  return record;
}

Step step_from_record(const Json& record, std::string_view pointer, std::string_view file) {
  expect_object(record, pointer, file);
  Step step;
  auto id = string_member(record, "id", pointer, file);
  if (!id || id->empty()) fail(file, json_pointer_append(pointer, "id"), "expected the step's id");
  step.id = *id;
  auto kind = string_member(record, "kind", pointer, file);
  auto parsed = kind ? parse_step_kind(*kind) : std::nullopt;
  if (!parsed) fail(file, json_pointer_append(pointer, "kind"), "expected one of " + step_kind_names());
  step.kind = *parsed;
  if (const Json* inputs = array_member(record, "inputs", pointer, file)) {
    const std::string base = json_pointer_append(pointer, "inputs");
    for (std::size_t i = 0; i < inputs->size(); ++i) {
      const std::string at = json_pointer_append(base, i);
      const Json& item = expect_object((*inputs)[i], at, file);
      StepInput input;
      input.artifact = string_member(item, "artifact", at, file).value_or("");
      auto role = string_member(item, "role", at, file);
      auto parsed_role = role ? parse_input_role(*role) : std::nullopt;
      if (!parsed_role) fail(file, json_pointer_append(at, "role"), "expected one of " + input_role_names());
      input.role = *parsed_role;
      step.inputs.push_back(std::move(input));
    }
  }
  if (const Json* outputs = member(record, "outputs")) {
    step.outputs = strings_from(*outputs, json_pointer_append(pointer, "outputs"), file);
  }
  if (const Json* compute = object_member(record, "compute", pointer, file)) {
    const std::string at = json_pointer_append(pointer, "compute");
    step.compute.flops = number_member(*compute, "flops", at, file);
    step.compute.hours = number_member(*compute, "hours", at, file);
    step.compute.hardware_profile = string_member(*compute, "hardware-profile", at, file).value_or("");
    step.compute.peak_memory_bytes = count_member(*compute, "peak-memory-bytes", at, file);
    step.compute.storage_bytes = count_member(*compute, "storage-bytes", at, file);
  }
  step.notes = string_member(record, "notes", pointer, file).value_or("");
  if (const Json* sources = member(record, "sources")) {
    step.sources = sources_from(*sources, json_pointer_append(pointer, "sources"), file);
  }
  return step;
}

std::string judgement_text(const Judgement& judgement) {
  std::string text = judgement.policy + ": " + judgement.verdict;
  if (!judgement.summary.empty()) text += " -- " + judgement.summary;
  for (const auto& reason : judgement.reasons) text += "\n- " + reason;
  return text;
}

}  // namespace detail
}  // namespace model_provenance::interchange
