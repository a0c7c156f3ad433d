// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX 3.0.1 JSON-LD (AI and Dataset profiles) to declarations and back.
#include "model-provenance/interchange/spdx3.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>
#include <map>
#include <set>
#include <unordered_map>

#include "json_support.hpp"

namespace model_provenance::interchange {

using detail::Json;

namespace {

constexpr std::string_view licenses_prefix = "https://spdx.org/licenses/";
constexpr std::string_view terms_prefix = "https://spdx.org/rdf/3.0.1/terms/";
constexpr std::string_view our_build_type = "urn:model-provenance:step-kind:";
constexpr std::string_view our_agent = "urn:model-provenance:agent:model-provenance";

bool is_relationship(std::string_view type) {
  return type == "Relationship" || type == "LifecycleScopedRelationship";
}

bool is_license(std::string_view type) {
  return type == "simplelicensing_LicenseExpression" || type == "expandedlicensing_ListedLicense" ||
         type == "expandedlicensing_CustomLicense" || type == "expandedlicensing_ConjunctiveLicenseSet" ||
         type == "expandedlicensing_DisjunctiveLicenseSet" || type == "expandedlicensing_OrLaterOperator" ||
         type == "expandedlicensing_WithAdditionOperator";
}

bool is_artifact(std::string_view type) {
  return type == "ai_AIPackage" || type == "dataset_DatasetPackage" || type == "software_Package" ||
         type == "software_File";
}

struct Element {
  std::string pointer;
  const Json* json = nullptr;
  std::string type;
  std::string spdx_id;
  bool used = false;  // mapped, or silently ignored
};

// The kind of an artifact element: by type, then by purpose.
ArtifactKind kind_of(const Element& element, std::string_view file) {
  if (element.type == "ai_AIPackage") return ArtifactKind::weights;
  if (element.type == "dataset_DatasetPackage") return ArtifactKind::dataset;
  const auto purpose = detail::string_member(*element.json, "software_primaryPurpose", element.pointer, file);
  bool source = false;
  if (const Json* more = detail::array_member(*element.json, "software_additionalPurpose", element.pointer, file)) {
    for (const auto& item : *more) source = source || (item.is_string() && item.get<std::string>() == "source");
  }
  if (purpose == "model" && !source) return ArtifactKind::weights;
  if (purpose == "data") return ArtifactKind::dataset;
  if (purpose == "documentation") return ArtifactKind::document;
  return ArtifactKind::software;
}

std::vector<std::string> iri_list(const Json& value, const std::string& pointer, std::string_view file) {
  std::vector<std::string> result;
  if (value.is_string()) {
    result.push_back(value.get<std::string>());
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      result.push_back(detail::expect_string(value[i], json_pointer_append(pointer, i), file));
    }
  } else {
    detail::fail(file, pointer, "expected an IRI or an array of IRIs, found " + std::string(detail::type_name(value)));
  }
  return result;
}

struct Reader {
  std::string_view file;
  Declarations out;
  std::vector<Element> elements;
  std::unordered_map<std::string, std::size_t> by_iri;        // spdxId -> element
  std::unordered_map<std::size_t, std::size_t> artifact_of;   // element -> artifact index
  std::unordered_map<std::string, std::size_t> artifact_by_iri;
  std::vector<std::string> iri_of;  // artifact -> spdxId
  std::map<std::size_t, std::pair<const Json*, std::string>> records;  // element -> our record
  std::vector<std::optional<std::string>> declared, concluded;
  std::set<std::string> covered;  // artifact ids some record step makes
  // Inputs of the step making an artifact, in document order.
  std::vector<std::size_t> pending_order;
  std::map<std::size_t, std::vector<StepInput>> pending;
  std::map<std::size_t, std::string> pending_where;

  void drop(const std::string& where, std::string what) { out.dropped.push_back({where, std::move(what)}); }

  std::optional<std::size_t> artifact(const std::string& iri) const {
    auto it = artifact_by_iri.find(iri);
    if (it == artifact_by_iri.end()) return std::nullopt;
    return it->second;
  }

  void index(const Json& root) {
    const Json* graph = detail::member(root, "@graph");
    if (graph == nullptr) {
      // A document of one element, without @graph.
      if (detail::member(root, "type") != nullptr || detail::member(root, "@type") != nullptr) {
        add_element(root, "");
        return;
      }
      detail::fail(file, "/", "expected an SPDX 3 JSON-LD document, an object with \"@graph\"");
    }
    if (!graph->is_array()) {
      detail::fail(file, "/@graph", "expected an array of elements, found " + std::string(detail::type_name(*graph)));
    }
    for (std::size_t i = 0; i < graph->size(); ++i) add_element((*graph)[i], json_pointer_append("/@graph", i));
  }

  void add_element(const Json& json, const std::string& pointer) {
    detail::expect_object(json, pointer, file);
    Element element;
    element.pointer = pointer;
    element.json = &json;
    auto type = detail::string_member(json, "type", pointer, file);
    if (!type) type = detail::string_member(json, "@type", pointer, file);
    if (!type) detail::fail(file, pointer, "expected the element's \"type\"");
    element.type = *type;
    auto iri = detail::string_member(json, "spdxId", pointer, file);
    if (!iri) iri = detail::string_member(json, "@id", pointer, file);
    element.spdx_id = iri.value_or("");
    const std::size_t at = elements.size();
    if (!element.spdx_id.empty() && !by_iri.emplace(element.spdx_id, at).second) {
      drop(pointer, "a second element with spdxId " + element.spdx_id + " (the first is read)");
      element.used = true;
      element.spdx_id.clear();
    }
    elements.push_back(std::move(element));
  }

  void read_records() {
    for (std::size_t i = 0; i < elements.size(); ++i) {
      Element& element = elements[i];
      if (element.type != "Annotation") continue;
      const Json& json = *element.json;
      const auto media = detail::string_member(json, "contentType", element.pointer, file);
      if (media != detail::extras_media_type) continue;
      const auto subject = detail::string_member(json, "subject", element.pointer, file);
      const auto statement = detail::string_member(json, "statement", element.pointer, file);
      const std::string at = json_pointer_append(element.pointer, "statement");
      if (!subject || !statement) detail::fail(file, element.pointer, "expected the annotation's subject and statement");
      auto target = by_iri.find(*subject);
      if (target == by_iri.end()) {
        drop(element.pointer, "a model-provenance record about " + *subject + ", which the document lacks");
        element.used = true;
        continue;
      }
      Json parsed;
      try {
        parsed = detail::parse_document(*statement, file);
      } catch (const DocumentError& error) {
        detail::fail(file, at, "expected a model-provenance record in JSON: " + std::string(error.what()));
      }
      records_json.push_back(std::make_unique<Json>(std::move(parsed)));
      records[target->second] = {records_json.back().get(), at};
      element.used = true;
    }
  }
  std::vector<std::unique_ptr<Json>> records_json;

  void read_artifacts() {
    std::map<std::string, int> names;
    for (const auto& element : elements) {
      if (!is_artifact(element.type)) continue;
      if (auto name = detail::string_member(*element.json, "name", element.pointer, file)) ++names[*name];
    }
    std::set<std::string> taken;
    std::vector<std::size_t> without_id;
    for (std::size_t i = 0; i < elements.size(); ++i) {
      Element& element = elements[i];
      if (!is_artifact(element.type)) continue;
      element.used = true;
      Artifact artifact = native_artifact(element);
      bool has_id = false;
      if (auto record = records.find(i); record != records.end()) {
        detail::apply_artifact_record(*record->second.first, artifact, record->second.second, file);
        has_id = !artifact.id.empty();
        if (has_id && !taken.insert(artifact.id).second) {
          detail::fail(file, record->second.second, "a second artifact with id " + artifact.id);
        }
      }
      if (!has_id) without_id.push_back(out.artifacts.size());
      artifact_of[i] = out.artifacts.size();
      if (!element.spdx_id.empty()) artifact_by_iri[element.spdx_id] = out.artifacts.size();
      iri_of.push_back(element.spdx_id);
      out.artifacts.push_back(std::move(artifact));
      declared.emplace_back();
      concluded.emplace_back();
    }
    // Names when unique and usable as ids, else the spdxId's slug.
    for (std::size_t index : without_id) {
      Artifact& artifact = out.artifacts[index];
      std::string base;
      if (names[artifact.name] == 1 && detail::valid_id(artifact.name)) {
        base = artifact.name;
      } else {
        base = detail::slug(iri_of[index].empty() ? artifact.name : iri_of[index]);
      }
      artifact.id = detail::unique_id(base, taken);
      if (artifact.notes.empty() && !iri_of[index].empty()) artifact.notes = "SPDX element " + iri_of[index];
    }
  }

  Artifact native_artifact(const Element& element) {
    const Json& json = *element.json;
    const std::string& at = element.pointer;
    Artifact artifact;
    artifact.kind = kind_of(element, file);
    artifact.name = detail::string_member(json, "name", at, file).value_or("");
    artifact.version = detail::string_member(json, "software_packageVersion", at, file).value_or("");
    if (auto location = detail::string_member(json, "software_downloadLocation", at, file)) {
      artifact.uris.push_back(*location);
    }
    static const std::set<std::string, std::less<>> quiet = {
        "type", "@type", "spdxId", "@id", "creationInfo", "name", "software_packageVersion",
        "software_downloadLocation", "software_primaryPurpose", "software_additionalPurpose",
        "software_fileKind", "verifiedUsing", "externalRef", "dataset_datasetAvailability",
        "dataset_datasetSize"};
    if (const Json* hashes = detail::array_member(json, "verifiedUsing", at, file)) {
      const std::string base = json_pointer_append(at, "verifiedUsing");
      for (std::size_t i = 0; i < hashes->size(); ++i) {
        const std::string where = json_pointer_append(base, i);
        const Json& hash = detail::expect_object((*hashes)[i], where, file);
        const auto algorithm = detail::string_member(hash, "algorithm", where, file);
        const auto value = detail::string_member(hash, "hashValue", where, file);
        if (algorithm == "sha256" && value && detail::sha256_hex(*value) && !artifact.sha256) {
          artifact.sha256 = detail::sha256_hex(*value);
        } else {
          drop(where, "hash " + detail::summarize(hash));
        }
      }
    }
    if (const Json* refs = detail::array_member(json, "externalRef", at, file)) {
      const std::string base = json_pointer_append(at, "externalRef");
      for (std::size_t i = 0; i < refs->size(); ++i) {
        const std::string where = json_pointer_append(base, i);
        const Json& ref = detail::expect_object((*refs)[i], where, file);
        const auto type = detail::string_member(ref, "externalRefType", where, file);
        const Json* locators = detail::member(ref, "locator");
        if (type == "altDownloadLocation" && locators != nullptr) {
          for (const auto& uri : iri_list(*locators, json_pointer_append(where, "locator"), file)) {
            artifact.uris.push_back(uri);
          }
        } else {
          drop(where, "external reference " + detail::summarize(ref));
        }
      }
    }
    if (auto availability = detail::string_member(json, "dataset_datasetAvailability", at, file)) {
      if (*availability == "directDownload") {
        artifact.availability = Availability::public_download;
      } else if (*availability == "registration" || *availability == "clickthrough") {
        artifact.availability = Availability::registration;
      } else {
        drop(json_pointer_append(at, "dataset_datasetAvailability"), "availability " + *availability);
      }
    }
    artifact.size_bytes = detail::count_member(json, "dataset_datasetSize", at, file);
    for (const auto& [key, value] : json.items()) {
      if (quiet.count(key) != 0) continue;
      if (key == "dataset_datasetType" && value == Json::array({"noAssertion"})) continue;
      drop(json_pointer_append(at, key), key + ": " + detail::summarize(value));
    }
    return artifact;
  }

  std::optional<std::string> license_of(const std::string& iri) {
    if (auto it = by_iri.find(iri); it != by_iri.end()) {
      Element& element = elements[it->second];
      if (element.type == "simplelicensing_LicenseExpression") {
        element.used = true;
        if (auto expression = detail::string_member(*element.json, "simplelicensing_licenseExpression",
                                                    element.pointer, file)) {
          return *expression;
        }
        return std::nullopt;
      }
      if (element.type == "expandedlicensing_ListedLicense" && iri.rfind(licenses_prefix, 0) == 0) {
        element.used = true;
        return iri.substr(licenses_prefix.size());
      }
      if (element.type == "expandedlicensing_CustomLicense") {
        element.used = true;
        drop(element.pointer, "custom license text, read as LicenseRef-" + detail::slug(iri));
        return "LicenseRef-" + detail::slug(iri);
      }
      return std::nullopt;
    }
    if (iri.rfind(licenses_prefix, 0) == 0) return iri.substr(licenses_prefix.size());
    if (iri == std::string(terms_prefix) + "Licensing/NoneLicense") return std::string("NONE");
    return std::nullopt;
  }

  void add_input(std::size_t output, const std::string& iri, InputRole role, const std::string& where) {
    auto input = artifact(iri);
    if (!input) return;
    if (pending.find(output) == pending.end()) {
      pending_order.push_back(output);
      pending_where[output] = where;
    }
    auto& inputs = pending[output];
    StepInput item{out.artifacts[*input].id, role};
    if (std::find(inputs.begin(), inputs.end(), item) == inputs.end()) inputs.push_back(item);
  }

  void read_builds() {
    for (std::size_t i = 0; i < elements.size(); ++i) {
      Element& element = elements[i];
      if (element.type != "build_Build") continue;
      auto record = records.find(i);
      if (record == records.end()) continue;
      Step step = detail::step_from_record(*record->second.first, record->second.second, file);
      for (const auto& output : step.outputs) covered.insert(output);
      out.steps.push_back(std::move(step));
      element.used = true;
    }
  }

  bool from_our_build(const std::string& iri) const {
    auto it = by_iri.find(iri);
    return it != by_iri.end() && elements[it->second].type == "build_Build" &&
           records.count(it->second) != 0;
  }

  void read_relationships() {
    for (auto& element : elements) {
      if (!is_relationship(element.type)) continue;
      const Json& json = *element.json;
      const std::string& at = element.pointer;
      const auto type = detail::string_member(json, "relationshipType", at, file);
      const auto from = detail::string_member(json, "from", at, file);
      const Json* to_json = detail::member(json, "to");
      if (!type || !from || to_json == nullptr) {
        detail::fail(file, at, "expected the relationship's relationshipType, from and to");
      }
      const auto to = iri_list(*to_json, json_pointer_append(at, "to"), file);
      element.used = true;
      if (from_our_build(*from)) continue;  // hasInput, hasOutput: the record has them
      const auto source = artifact(*from);
      if (*type == "hasDeclaredLicense" || *type == "hasConcludedLicense") {
        std::vector<std::string> parts;
        for (const auto& iri : to) {
          if (auto license = license_of(iri)) {
            parts.push_back(*license);
          } else {
            drop(at, *type + " " + iri + ", a license this reader cannot read");
          }
        }
        if (!source || parts.empty()) {
          if (!source) drop(at, *type + " of " + *from + ", which is no package or file");
          continue;
        }
        std::string expression = parts.front();
        if (parts.size() > 1) {
          expression.clear();
          for (const auto& part : parts) expression += (expression.empty() ? "(" : " AND (") + part + ")";
        }
        (*type == "hasDeclaredLicense" ? declared : concluded)[*source] = expression;
        continue;
      }
      if (!source || covered.count(out.artifacts[*source].id) != 0) {
        if (!source) drop(at, *type + " from " + *from + ": " + detail::summarize(json));
        continue;
      }
      const ArtifactKind from_kind = out.artifacts[*source].kind;
      for (std::size_t t = 0; t < to.size(); ++t) {
        const std::string& iri = to[t];
        const std::string where = to.size() == 1 ? at : json_pointer_append(json_pointer_append(at, "to"), t);
        const auto target = artifact(iri);
        if (!target) {
          drop(where, *type + " " + iri + ", which is no package or file");
          continue;
        }
        const ArtifactKind to_kind = out.artifacts[*target].kind;
        if (*type == "trainedOn") {
          add_input(*source, iri, InputRole::training_data, at);
        } else if (*type == "descendantOf" && from_kind == ArtifactKind::weights && to_kind == ArtifactKind::weights) {
          add_input(*source, iri, InputRole::initial_weights, at);
        } else if (*type == "ancestorOf" && from_kind == ArtifactKind::weights && to_kind == ArtifactKind::weights) {
          if (covered.count(out.artifacts[*target].id) == 0) add_input(*target, *from, InputRole::initial_weights, at);
        } else if (*type == "generates" && from_kind != ArtifactKind::document) {
          if (covered.count(out.artifacts[*target].id) != 0) continue;
          const InputRole role = from_kind == ArtifactKind::software  ? InputRole::software
                                 : from_kind == ArtifactKind::weights ? InputRole::generator_weights
                                                                      : InputRole::training_data;
          add_input(*target, *from, role, at);
        } else if ((*type == "usesTool" || *type == "dependsOn") && to_kind == ArtifactKind::software &&
                   from_kind != ArtifactKind::software && from_kind != ArtifactKind::document) {
          add_input(*source, iri, InputRole::software, at);
        } else if (*type == "dependsOn" && to_kind == ArtifactKind::dataset &&
                   (from_kind == ArtifactKind::weights || from_kind == ArtifactKind::dataset)) {
          add_input(*source, iri, InputRole::training_data, at);
        } else {
          drop(where, *from + " " + *type + " " + iri);
        }
      }
    }
  }

  void make_steps() {
    std::set<std::string> taken;
    for (const auto& step : out.steps) taken.insert(step.id);
    for (std::size_t output : pending_order) {
      const Artifact& made = out.artifacts[output];
      Step step;
      step.inputs = pending[output];
      std::size_t initial = 0;
      bool generator = false;
      for (const auto& input : step.inputs) {
        initial += input.role == InputRole::initial_weights;
        generator = generator || input.role == InputRole::generator_weights;
      }
      step.kind = initial > 1                                 ? StepKind::merge
                  : initial == 1                              ? StepKind::fine_tune
                  : generator || made.kind == ArtifactKind::dataset ? StepKind::generate_data
                                                              : StepKind::train;
      step.id = detail::unique_id(std::string(to_string(step.kind)) + "-" + made.id, taken);
      step.outputs.push_back(made.id);
      step.notes = "read from the SPDX relationships of " + pending_where[output];
      out.steps.push_back(std::move(step));
    }
  }

  void finish() {
    for (std::size_t i = 0; i < out.artifacts.size(); ++i) {
      if (declared[i]) {
        out.artifacts[i].license = declared[i];
        if (concluded[i] && *concluded[i] != *declared[i]) {
          drop("/", out.artifacts[i].id + ": concluded license " + *concluded[i] + " (the declared one is read)");
        }
      } else if (concluded[i]) {
        out.artifacts[i].license = concluded[i];
      }
    }
    for (auto& element : elements) {
      if (element.used) continue;
      const std::string& type = element.type;
      if (type == "CreationInfo" || type == "SpdxDocument" || type == "software_Sbom" || is_license(type) ||
          element.spdx_id == our_agent) {
        continue;
      }
      if (type == "Annotation") {
        drop(element.pointer, "annotation: " + detail::summarize(detail::member(*element.json, "statement") != nullptr
                                                                     ? (*element.json)["statement"]
                                                                     : Json(nullptr)));
        continue;
      }
      std::string what = type;
      if (const Json* name = detail::member(*element.json, "name"); name != nullptr && name->is_string()) {
        what += " " + name->get<std::string>();
      } else if (!element.spdx_id.empty()) {
        what += " " + element.spdx_id;
      }
      drop(element.pointer, what);
    }
  }
};

std::string now_utc() {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto days = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::year_month_day date{days};
  const std::chrono::hh_mm_ss time{seconds - days};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()));
  return text;
}

// Percent-encoding of what may not stand in a URN.
std::string iri_part(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string result;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '+') {
      result += c;
    } else {
      result += '%';
      result += hex[u >> 4];
      result += hex[u & 15];
    }
  }
  return result;
}

}  // namespace

Declarations read_spdx3(std::string_view text, std::string_view file) {
  const Json root = detail::parse_document(text, file);
  if (!root.is_object()) detail::fail(file, "/", "expected an SPDX 3 JSON-LD document, found " + std::string(detail::type_name(root)));
  Reader reader;
  reader.file = file;
  reader.index(root);
  reader.read_records();
  reader.read_artifacts();
  reader.read_builds();
  reader.read_relationships();
  reader.make_steps();
  reader.finish();
  return std::move(reader.out);
}

std::string write_spdx3(const Declarations& declarations, const std::vector<Judgement>& judgements) {
  const std::string creation = "_:creationinfo";
  Json graph = Json::array();
  graph.push_back({{"type", "CreationInfo"},
                   {"@id", creation},
                   {"specVersion", "3.0.1"},
                   {"createdBy", Json::array({our_agent})},
                   {"created", now_utc()}});
  graph.push_back({{"type", "SoftwareAgent"},
                   {"spdxId", our_agent},
                   {"creationInfo", creation},
                   {"name", "model-provenance"}});
  auto artifact_iri = [](const std::string& id) { return "urn:model-provenance:artifact:" + iri_part(id); };
  auto step_iri = [](const std::string& id) { return "urn:model-provenance:step:" + iri_part(id); };
  std::size_t serial = 0;
  auto next_iri = [&serial](std::string_view what) {
    return "urn:model-provenance:" + std::string(what) + ":" + std::to_string(++serial);
  };
  auto relationship = [&](const std::string& from, std::string_view type, const std::vector<std::string>& to) {
    graph.push_back({{"type", "Relationship"},
                     {"spdxId", next_iri("relationship")},
                     {"creationInfo", creation},
                     {"from", from},
                     {"relationshipType", type},
                     {"to", to}});
  };
  auto record = [&](const std::string& subject, const Json& value) {
    graph.push_back({{"type", "Annotation"},
                     {"spdxId", next_iri("annotation")},
                     {"creationInfo", creation},
                     {"annotationType", "other"},
                     {"subject", subject},
                     {"contentType", detail::extras_media_type},
                     {"statement", value.dump()}});
  };
  std::map<std::string, std::string> license_iris;
  std::vector<std::string> roots;
  for (const auto& artifact : declarations.artifacts) {
    const std::string iri = artifact_iri(artifact.id);
    Json element = {{"spdxId", iri}, {"creationInfo", creation}, {"name", artifact.name.empty() ? artifact.id : artifact.name}};
    switch (artifact.kind) {
      case ArtifactKind::weights:
        element["type"] = "ai_AIPackage";
        element["software_primaryPurpose"] = "model";
        roots.push_back(iri);
        break;
      case ArtifactKind::dataset:
        element["type"] = "dataset_DatasetPackage";
        element["software_primaryPurpose"] = "data";
        element["dataset_datasetType"] = Json::array({"noAssertion"});
        if (artifact.availability == Availability::public_download) {
          element["dataset_datasetAvailability"] = "directDownload";
        } else if (artifact.availability == Availability::registration) {
          element["dataset_datasetAvailability"] = "registration";
        }
        if (artifact.size_bytes) element["dataset_datasetSize"] = *artifact.size_bytes;
        break;
      case ArtifactKind::software:
        element["type"] = "software_Package";
        break;
      case ArtifactKind::document:
        element["type"] = "software_Package";
        element["software_primaryPurpose"] = "documentation";
        break;
    }
    if (!artifact.version.empty()) element["software_packageVersion"] = artifact.version;
    if (!artifact.uris.empty()) {
      element["software_downloadLocation"] = artifact.uris.front();
      if (artifact.uris.size() > 1) {
        element["externalRef"] = Json::array({{{"type", "ExternalRef"},
                                               {"externalRefType", "altDownloadLocation"},
                                               {"locator", std::vector<std::string>(artifact.uris.begin() + 1, artifact.uris.end())}}});
      }
    }
    if (artifact.sha256) {
      element["verifiedUsing"] = Json::array({{{"type", "Hash"}, {"algorithm", "sha256"}, {"hashValue", *artifact.sha256}}});
    }
    graph.push_back(std::move(element));
    if (artifact.license) {
      auto [it, added] = license_iris.emplace(*artifact.license, "");
      if (added) {
        it->second = "urn:model-provenance:license:" + iri_part(*artifact.license);
        graph.push_back({{"type", "simplelicensing_LicenseExpression"},
                         {"spdxId", it->second},
                         {"creationInfo", creation},
                         {"simplelicensing_licenseExpression", *artifact.license}});
      }
      relationship(iri, "hasDeclaredLicense", {it->second});
    }
    record(iri, detail::artifact_record(artifact));
  }
  for (const auto& step : declarations.steps) {
    const std::string iri = step_iri(step.id);
    graph.push_back({{"type", "build_Build"},
                     {"spdxId", iri},
                     {"creationInfo", creation},
                     {"build_buildType", std::string(our_build_type) + std::string(to_string(step.kind))},
                     {"build_buildId", step.id}});
    std::vector<std::string> inputs, outputs, training, ancestors, tools;
    for (const auto& input : step.inputs) {
      inputs.push_back(artifact_iri(input.artifact));
      if (input.role == InputRole::training_data) training.push_back(inputs.back());
      if (input.role == InputRole::initial_weights) ancestors.push_back(inputs.back());
      if (input.role == InputRole::software) tools.push_back(inputs.back());
    }
    for (const auto& output : step.outputs) outputs.push_back(artifact_iri(output));
    if (!inputs.empty()) relationship(iri, "hasInput", inputs);
    if (!outputs.empty()) relationship(iri, "hasOutput", outputs);
    // The AI profile's words for the same, for readers that know no builds.
    for (const auto& output : outputs) {
      if (!training.empty()) relationship(output, "trainedOn", training);
      if (!ancestors.empty()) relationship(output, "descendantOf", ancestors);
      if (!tools.empty()) relationship(output, "usesTool", tools);
    }
    record(iri, detail::step_record(step));
  }
  for (const auto& judgement : judgements) {
    graph.push_back({{"type", "Annotation"},
                     {"spdxId", next_iri("verdict")},
                     {"creationInfo", creation},
                     {"annotationType", "review"},
                     {"subject", artifact_iri(judgement.target)},
                     {"statement", detail::judgement_text(judgement)}});
  }
  if (roots.empty() && !declarations.artifacts.empty()) roots.push_back(artifact_iri(declarations.artifacts.front().id));
  Json document = {{"type", "SpdxDocument"},
                   {"spdxId", next_iri("document")},
                   {"creationInfo", creation},
                   {"profileConformance", Json::array({"core", "software", "ai", "dataset", "build"})}};
  if (!roots.empty()) document["rootElement"] = roots;
  // Inputs declared elsewhere: SPDX names them in the document's imports.
  std::set<std::string> declared, external;
  for (const auto& artifact : declarations.artifacts) declared.insert(artifact.id);
  for (const auto& step : declarations.steps) {
    for (const auto& input : step.inputs) {
      if (declared.count(input.artifact) == 0) external.insert(input.artifact);
    }
    for (const auto& output : step.outputs) {
      if (declared.count(output) == 0) external.insert(output);
    }
  }
  for (const auto& judgement : judgements) {
    if (declared.count(judgement.target) == 0) external.insert(judgement.target);
  }
  if (!external.empty()) {
    Json imports = Json::array();
    for (const auto& id : external) imports.push_back({{"type", "ExternalMap"}, {"externalSpdxId", artifact_iri(id)}});
    document["import"] = imports;
  }
  graph.push_back(std::move(document));
  Json root = {{"@context", "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"}, {"@graph", std::move(graph)}};
  return root.dump(2) + "\n";
}

}  // namespace model_provenance::interchange
