// SPDX-License-Identifier: GPL-3.0-or-later
// CycloneDX 1.5 / 1.6 / 1.7 JSON (ML-BOM) to declarations and back.
#include "model-provenance/interchange/cyclonedx.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "json_support.hpp"

namespace model_provenance::interchange {

using detail::Json;

namespace {

constexpr std::string_view artifact_property = "model-provenance:artifact";
constexpr std::string_view step_property = "model-provenance:step";

struct Component {
  const Json* json = nullptr;
  std::string pointer;
  std::optional<ArtifactKind> kind;
  const Json* record = nullptr;  // our model-provenance:artifact property, parsed
  std::string record_at;
  std::optional<std::size_t> ancestor_of;  // pedigree ancestor of that component
  std::optional<std::size_t> artifact;     // index in the declarations
};

std::optional<ArtifactKind> kind_of(std::string_view type) {
  if (type == "machine-learning-model") return ArtifactKind::weights;
  if (type == "data") return ArtifactKind::dataset;
  if (type == "library" || type == "application" || type == "framework") return ArtifactKind::software;
  return std::nullopt;
}

struct Reader {
  std::string_view file;
  Declarations out;
  std::vector<Component> components;
  std::vector<std::unique_ptr<Json>> parsed;
  std::unordered_map<std::string, std::size_t> by_ref;  // bom-ref -> artifact
  std::set<std::string> covered;
  std::set<std::string> taken;  // artifact ids, once inline data sets are read
  std::vector<std::size_t> pending_order;
  std::map<std::size_t, std::vector<StepInput>> pending;
  std::map<std::size_t, std::string> pending_notes;

  void drop(const std::string& where, std::string what) { out.dropped.push_back({where, std::move(what)}); }

  const Json* parse_property(const Json& value, const std::string& at) {
    const std::string& text = detail::expect_string(value, at, file);
    try {
      parsed.push_back(std::make_unique<Json>(detail::parse_document(text, file)));
    } catch (const DocumentError& error) {
      detail::fail(file, at, "expected a model-provenance record in JSON: " + std::string(error.what()));
    }
    return parsed.back().get();
  }

  // Our record among PROPERTIES, if any; the other properties are dropped
  // unless QUIET.
  void read_properties(const Json& object, const std::string& pointer, Component* component) {
    const Json* properties = detail::array_member(object, "properties", pointer, file);
    if (properties == nullptr) return;
    const std::string base = json_pointer_append(pointer, "properties");
    for (std::size_t i = 0; i < properties->size(); ++i) {
      const std::string at = json_pointer_append(base, i);
      const Json& property = detail::expect_object((*properties)[i], at, file);
      const auto name = detail::string_member(property, "name", at, file).value_or("");
      const Json* value = detail::member(property, "value");
      if (name == artifact_property && component != nullptr && value != nullptr) {
        component->record = parse_property(*value, json_pointer_append(at, "value"));
        component->record_at = json_pointer_append(at, "value");
      } else if (name == step_property && component == nullptr && value != nullptr) {
        const std::string value_at = json_pointer_append(at, "value");
        Step step = detail::step_from_record(*parse_property(*value, value_at), value_at, file);
        for (const auto& output : step.outputs) covered.insert(output);
        out.steps.push_back(std::move(step));
      } else if (name.rfind("model-provenance:", 0) == 0) {
        drop(at, name + " (a verdict is not a declaration)");
      } else {
        drop(at, "property " + detail::summarize(property));
      }
    }
  }

  void collect(const Json& root) {
    // Depth-first, with an explicit stack: components nest.
    struct Item {
      const Json* json;
      std::string pointer;
      std::optional<std::size_t> ancestor_of;
    };
    std::vector<Item> stack;
    auto push_list = [&](const Json& owner, const std::string& pointer, std::string_view key,
                         std::optional<std::size_t> ancestor_of) {
      const Json* list = detail::array_member(owner, key, pointer, file);
      if (list == nullptr) return;
      const std::string base = json_pointer_append(pointer, key);
      for (std::size_t i = list->size(); i-- > 0;) {
        stack.push_back({&(*list)[i], json_pointer_append(base, i), ancestor_of});
      }
    };
    push_list(root, "", "components", std::nullopt);
    if (const Json* metadata = detail::object_member(root, "metadata", "", file)) {
      if (const Json* subject = detail::object_member(*metadata, "component", "/metadata", file)) {
        stack.push_back({subject, "/metadata/component", std::nullopt});
      }
      read_properties(*metadata, "/metadata", nullptr);
    }
    while (!stack.empty()) {
      Item item = std::move(stack.back());
      stack.pop_back();
      const Json& json = detail::expect_object(*item.json, item.pointer, file);
      Component component;
      component.json = &json;
      component.pointer = item.pointer;
      component.ancestor_of = item.ancestor_of;
      const auto type = detail::string_member(json, "type", item.pointer, file);
      if (!type) detail::fail(file, item.pointer, "expected the component's \"type\"");
      component.kind = kind_of(*type);
      read_properties(json, item.pointer, &component);
      const std::size_t index = components.size();
      components.push_back(std::move(component));
      push_list(json, item.pointer, "components", std::nullopt);
      if (components[index].record == nullptr) {
        if (const Json* pedigree = detail::object_member(json, "pedigree", item.pointer, file)) {
          push_list(*pedigree, json_pointer_append(item.pointer, "pedigree"), "ancestors", index);
        }
      }
    }
  }

  std::string name_of(const Json& json, const std::string& pointer) {
    std::string name = detail::string_member(json, "name", pointer, file).value_or("");
    if (auto group = detail::string_member(json, "group", pointer, file); group && !group->empty()) {
      name = *group + "/" + name;
    }
    return name;
  }

  Artifact native(const Component& component) {
    const Json& json = *component.json;
    const std::string& at = component.pointer;
    Artifact artifact;
    artifact.kind = component.kind.value_or(ArtifactKind::software);
    artifact.name = name_of(json, at);
    artifact.version = detail::string_member(json, "version", at, file).value_or("");
    if (const Json* licenses = detail::array_member(json, "licenses", at, file)) {
      const std::string base = json_pointer_append(at, "licenses");
      std::vector<std::string> parts;
      for (std::size_t i = 0; i < licenses->size(); ++i) {
        const std::string where = json_pointer_append(base, i);
        const Json& choice = detail::expect_object((*licenses)[i], where, file);
        if (auto expression = detail::string_member(choice, "expression", where, file)) {
          parts.push_back(*expression);
        } else if (const Json* license = detail::object_member(choice, "license", where, file)) {
          const std::string license_at = json_pointer_append(where, "license");
          if (auto id = detail::string_member(*license, "id", license_at, file)) {
            parts.push_back(*id);
          } else if (auto name = detail::string_member(*license, "name", license_at, file)) {
            parts.push_back("LicenseRef-" + detail::slug(*name));
            drop(license_at, "license named " + *name + ", read as LicenseRef-" + detail::slug(*name));
          }
        }
      }
      if (parts.size() == 1) {
        artifact.license = parts.front();
      } else if (parts.size() > 1) {
        std::string expression;
        for (const auto& part : parts) expression += (expression.empty() ? "(" : " AND (") + part + ")";
        artifact.license = expression;
      }
    }
    if (const Json* hashes = detail::array_member(json, "hashes", at, file)) {
      const std::string base = json_pointer_append(at, "hashes");
      for (std::size_t i = 0; i < hashes->size(); ++i) {
        const std::string where = json_pointer_append(base, i);
        const Json& hash = detail::expect_object((*hashes)[i], where, file);
        const auto algorithm = detail::string_member(hash, "alg", where, file);
        const auto content = detail::string_member(hash, "content", where, file);
        if (algorithm == "SHA-256" && content && detail::sha256_hex(*content) && !artifact.sha256) {
          artifact.sha256 = detail::sha256_hex(*content);
        } else {
          drop(where, "hash " + detail::summarize(hash));
        }
      }
    }
    if (const Json* references = detail::array_member(json, "externalReferences", at, file)) {
      const std::string base = json_pointer_append(at, "externalReferences");
      for (std::size_t i = 0; i < references->size(); ++i) {
        const std::string where = json_pointer_append(base, i);
        const Json& reference = detail::expect_object((*references)[i], where, file);
        if (auto url = detail::string_member(reference, "url", where, file)) artifact.uris.push_back(*url);
      }
    }
    static const std::set<std::string, std::less<>> read = {
        "type", "bom-ref", "name", "group", "version", "licenses", "hashes", "externalReferences",
        "properties", "components", "modelCard", "pedigree"};
    for (const auto& [key, value] : json.items()) {
      if (read.count(key) == 0) drop(json_pointer_append(at, key), key + ": " + detail::summarize(value));
    }
    return artifact;
  }

  void make_artifacts() {
    std::map<std::string, int> names;
    for (const auto& component : components) {
      if (component.kind || component.record != nullptr) ++names[name_of(*component.json, component.pointer)];
    }
    std::vector<std::size_t> without_id;
    for (auto& component : components) {
      if (!component.kind && component.record == nullptr) {
        drop(component.pointer, "component of type " + (*component.json)["type"].get<std::string>() + ": " +
                                    name_of(*component.json, component.pointer));
        continue;
      }
      Artifact artifact = native(component);
      if (component.record != nullptr) {
        detail::apply_artifact_record(*component.record, artifact, component.record_at, file);
      }
      if (!artifact.id.empty()) {
        if (!taken.insert(artifact.id).second) detail::fail(file, component.record_at, "a second artifact with id " + artifact.id);
      } else {
        without_id.push_back(out.artifacts.size());
      }
      component.artifact = out.artifacts.size();
      if (auto ref = detail::string_member(*component.json, "bom-ref", component.pointer, file)) {
        by_ref.emplace(*ref, out.artifacts.size());
      }
      out.artifacts.push_back(std::move(artifact));
    }
    for (auto& component : components) {
      if (!component.artifact) continue;
      Artifact& artifact = out.artifacts[*component.artifact];
      if (!artifact.id.empty()) continue;
      auto ref = detail::string_member(*component.json, "bom-ref", component.pointer, file);
      std::string base;
      if (names[artifact.name] == 1 && detail::valid_id(artifact.name)) {
        base = artifact.name;
      } else if (ref && detail::valid_id(*ref)) {
        base = *ref;
      } else {
        base = detail::slug(ref ? *ref : artifact.name);
      }
      artifact.id = detail::unique_id(base, taken);
      if (ref && artifact.notes.empty()) artifact.notes = "CycloneDX bom-ref " + *ref;
    }
  }

  void add_input(std::size_t output, std::size_t input, InputRole role, const std::string& notes = {}) {
    if (covered.count(out.artifacts[output].id) != 0) return;
    if (pending.find(output) == pending.end()) pending_order.push_back(output);
    if (!notes.empty()) pending_notes[output] = notes;
    auto& inputs = pending[output];
    StepInput item{out.artifacts[input].id, role};
    if (std::find(inputs.begin(), inputs.end(), item) == inputs.end()) inputs.push_back(item);
  }

  // An inline data set of a model card, as an artifact of its own.
  std::size_t inline_dataset(const Json& json, const std::string& at) {
    Artifact artifact;
    artifact.kind = ArtifactKind::dataset;
    artifact.name = detail::string_member(json, "name", at, file).value_or("");
    if (const Json* contents = detail::object_member(json, "contents", at, file)) {
      if (auto url = detail::string_member(*contents, "url", json_pointer_append(at, "contents"), file)) {
        artifact.uris.push_back(*url);
      }
    }
    if (taken.empty()) {
      for (const auto& other : out.artifacts) taken.insert(other.id);
    }
    artifact.id = detail::unique_id(detail::valid_id(artifact.name) ? artifact.name : detail::slug(artifact.name.empty() ? "dataset" : artifact.name), taken);
    artifact.notes = "a data set of a CycloneDX model card, " + at;
    for (const auto& [key, value] : json.items()) {
      if (key != "name" && key != "contents" && key != "type") drop(json_pointer_append(at, key), key + ": " + detail::summarize(value));
    }
    out.artifacts.push_back(std::move(artifact));
    return out.artifacts.size() - 1;
  }

  void read_model_cards() {
    for (const auto& component : components) {
      if (!component.artifact) continue;
      const std::size_t self = *component.artifact;
      const Json& json = *component.json;
      if (component.ancestor_of) {
        const auto& child = components[*component.ancestor_of];
        if (child.artifact && out.artifacts[self].kind == ArtifactKind::weights &&
            out.artifacts[*child.artifact].kind == ArtifactKind::weights) {
          add_input(*child.artifact, self, InputRole::initial_weights);
        } else if (child.artifact) {
          drop(component.pointer, "pedigree ancestor " + out.artifacts[self].id + " of " + out.artifacts[*child.artifact].id);
        }
      }
      if (const Json* pedigree = detail::object_member(json, "pedigree", component.pointer, file)) {
        for (const auto& [key, value] : pedigree->items()) {
          if (key != "ancestors" || component.record != nullptr) {
            drop(json_pointer_append(json_pointer_append(component.pointer, "pedigree"), key), "pedigree " + key + ": " + detail::summarize(value));
          }
        }
      }
      const Json* card = detail::object_member(json, "modelCard", component.pointer, file);
      if (card == nullptr) continue;
      const std::string card_at = json_pointer_append(component.pointer, "modelCard");
      std::string approach;
      bool datasets_read = false;
      for (const auto& [key, value] : card->items()) {
        const std::string key_at = json_pointer_append(card_at, key);
        if (key == "modelParameters") {
          detail::expect_object(value, key_at, file);
          if (const Json* object = detail::object_member(value, "approach", key_at, file)) {
            approach = detail::string_member(*object, "type", json_pointer_append(key_at, "approach"), file).value_or("");
          }
          for (const auto& [parameter, content] : value.items()) {
            const std::string at = json_pointer_append(key_at, parameter);
            if (parameter == "approach") continue;
            if (parameter != "datasets") {
              drop(at, parameter + ": " + detail::summarize(content));
              continue;
            }
            if (!content.is_array()) detail::fail(file, at, "expected an array of data sets, found " + std::string(detail::type_name(content)));
            for (std::size_t i = 0; i < content.size(); ++i) {
              const std::string item_at = json_pointer_append(at, i);
              const Json& item = detail::expect_object(content[i], item_at, file);
              if (auto ref = detail::string_member(item, "ref", item_at, file)) {
                auto target = by_ref.find(*ref);
                if (target == by_ref.end()) {
                  drop(item_at, "data set " + *ref + ", which the BOM lacks");
                  continue;
                }
                add_input(self, target->second, InputRole::training_data);
              } else {
                add_input(self, inline_dataset(item, item_at), InputRole::training_data);
              }
              datasets_read = true;
            }
          }
        } else if (key == "considerations") {
          const Json* energy = nullptr;
          if (value.is_object()) {
            if (const Json* environment = detail::member(value, "environmentalConsiderations")) {
              energy = detail::member(*environment, "energyConsumptions");
            }
          }
          if (energy != nullptr && energy->is_array()) {
            const std::string at = key_at + "/environmentalConsiderations/energyConsumptions";
            for (std::size_t i = 0; i < energy->size(); ++i) {
              const Json& item = (*energy)[i];
              std::string what = "energy";
              if (const Json* activity = detail::member(item, "activity")) what += " of " + detail::summarize(*activity);
              if (const Json* cost = detail::member(item, "activityEnergyCost")) what += ": " + detail::summarize(*cost);
              drop(json_pointer_append(at, i), what + " (the graph records hours, not energy)");
            }
          }
          for (const auto& [part, content] : value.items()) {
            if (part == "environmentalConsiderations" && energy != nullptr) continue;
            drop(json_pointer_append(key_at, part), "consideration " + part + ": " + detail::summarize(content));
          }
        } else {
          drop(key_at, "model card " + key + ": " + detail::summarize(value));
        }
      }
      if (!approach.empty()) {
        if (datasets_read) {
          pending_notes[self] = "training approach: " + approach;
        } else {
          drop(card_at + "/modelParameters/approach", "training approach " + approach + ", of a step with no known input");
        }
      }
    }
  }

  void read_dependencies(const Json& root) {
    const Json* dependencies = detail::array_member(root, "dependencies", "", file);
    if (dependencies == nullptr) return;
    for (std::size_t i = 0; i < dependencies->size(); ++i) {
      const std::string at = json_pointer_append("/dependencies", i);
      const Json& dependency = detail::expect_object((*dependencies)[i], at, file);
      const auto ref = detail::string_member(dependency, "ref", at, file);
      if (!ref) detail::fail(file, at, "expected the dependency's \"ref\"");
      const Json* on = detail::array_member(dependency, "dependsOn", at, file);
      if (on == nullptr) continue;
      auto from = by_ref.find(*ref);
      for (std::size_t j = 0; j < on->size(); ++j) {
        const std::string where = json_pointer_append(json_pointer_append(at, "dependsOn"), j);
        const std::string& target_ref = detail::expect_string((*on)[j], where, file);
        auto to = by_ref.find(target_ref);
        if (from == by_ref.end() || to == by_ref.end()) {
          drop(where, *ref + " depends on " + target_ref + ", not both artifacts");
          continue;
        }
        const ArtifactKind from_kind = out.artifacts[from->second].kind;
        const ArtifactKind to_kind = out.artifacts[to->second].kind;
        const bool makes = from_kind == ArtifactKind::weights || from_kind == ArtifactKind::dataset;
        if (makes && to_kind == ArtifactKind::software) {
          add_input(from->second, to->second, InputRole::software);
        } else if (makes && to_kind == ArtifactKind::dataset) {
          add_input(from->second, to->second, InputRole::training_data);
        } else if (covered.count(out.artifacts[from->second].id) == 0) {
          drop(where, *ref + " depends on " + target_ref);
        }
      }
    }
  }

  void make_steps() {
    std::set<std::string> step_ids;
    for (const auto& step : out.steps) step_ids.insert(step.id);
    for (std::size_t output : pending_order) {
      const Artifact& made = out.artifacts[output];
      Step step;
      step.inputs = pending[output];
      std::size_t initial = 0;
      for (const auto& input : step.inputs) initial += input.role == InputRole::initial_weights;
      step.kind = initial > 1                         ? StepKind::merge
                  : initial == 1                      ? StepKind::fine_tune
                  : made.kind == ArtifactKind::dataset ? StepKind::generate_data
                                                      : StepKind::train;
      step.id = detail::unique_id(std::string(to_string(step.kind)) + "-" + made.id, step_ids);
      step.outputs.push_back(made.id);
      step.notes = pending_notes[output];
      out.steps.push_back(std::move(step));
    }
  }
};

}  // namespace

Declarations read_cyclonedx(std::string_view text, std::string_view file) {
  const Json root = detail::parse_document(text, file);
  if (!root.is_object()) {
    detail::fail(file, "/", "expected a CycloneDX BOM, an object, found " + std::string(detail::type_name(root)));
  }
  Reader reader;
  reader.file = file;
  if (auto format = detail::string_member(root, "bomFormat", "", file); format && *format != "CycloneDX") {
    detail::fail(file, "/bomFormat", "expected \"CycloneDX\"");
  }
  const auto version = detail::string_member(root, "specVersion", "", file);
  if (!version) detail::fail(file, "/specVersion", "expected the CycloneDX specVersion");
  if (*version != "1.5" && *version != "1.6" && *version != "1.7") {
    reader.drop("/specVersion", "specVersion " + *version + " (this reader knows 1.5, 1.6 and 1.7)");
  }
  reader.collect(root);
  reader.make_artifacts();
  reader.read_model_cards();
  reader.read_dependencies(root);
  reader.make_steps();
  return std::move(reader.out);
}

std::string write_cyclonedx(const Declarations& declarations, const std::vector<Judgement>& judgements) {
  std::set<std::string> declared;
  for (const auto& artifact : declarations.artifacts) declared.insert(artifact.id);
  std::map<std::string, std::vector<std::string>> training;  // output -> data sets
  std::map<std::string, std::vector<std::string>> depends;   // output -> software, data
  for (const auto& step : declarations.steps) {
    for (const auto& output : step.outputs) {
      for (const auto& input : step.inputs) {
        if (declared.count(input.artifact) == 0 || declared.count(output) == 0) continue;
        if (input.role == InputRole::training_data) training[output].push_back(input.artifact);
        if (input.role == InputRole::software || input.role == InputRole::training_data) {
          depends[output].push_back(input.artifact);
        }
      }
    }
  }
  Json components = Json::array();
  for (const auto& artifact : declarations.artifacts) {
    Json component = Json::object();
    switch (artifact.kind) {
      case ArtifactKind::weights: component["type"] = "machine-learning-model"; break;
      case ArtifactKind::dataset: component["type"] = "data"; break;
      case ArtifactKind::software: component["type"] = "library"; break;
      case ArtifactKind::document: component["type"] = "file"; break;
    }
    component["bom-ref"] = artifact.id;
    component["name"] = artifact.name.empty() ? artifact.id : artifact.name;
    if (!artifact.version.empty()) component["version"] = artifact.version;
    if (artifact.license) component["licenses"] = Json::array({{{"expression", *artifact.license}}});
    if (artifact.sha256) component["hashes"] = Json::array({{{"alg", "SHA-256"}, {"content", *artifact.sha256}}});
    if (!artifact.uris.empty()) {
      Json references = Json::array();
      for (const auto& uri : artifact.uris) references.push_back({{"type", "distribution"}, {"url", uri}});
      component["externalReferences"] = references;
    }
    if (auto data = training.find(artifact.id); data != training.end() && artifact.kind == ArtifactKind::weights) {
      Json datasets = Json::array();
      for (const auto& ref : data->second) datasets.push_back({{"ref", ref}});
      component["modelCard"] = {{"modelParameters", {{"datasets", datasets}}}};
    }
    Json properties = Json::array({{{"name", artifact_property}, {"value", detail::artifact_record(artifact).dump()}}});
    for (const auto& judgement : judgements) {
      if (judgement.target != artifact.id) continue;
      properties.push_back({{"name", "model-provenance:verdict:" + judgement.policy}, {"value", judgement.verdict}});
      if (!judgement.summary.empty()) {
        properties.push_back({{"name", "model-provenance:summary:" + judgement.policy}, {"value", judgement.summary}});
      }
      for (const auto& reason : judgement.reasons) {
        properties.push_back({{"name", "model-provenance:reason:" + judgement.policy}, {"value", reason}});
      }
    }
    component["properties"] = properties;
    components.push_back(std::move(component));
  }
  Json metadata = {{"tools", {{"components", Json::array({{{"type", "application"}, {"name", "model-provenance"}}})}}}};
  Json step_properties = Json::array();
  for (const auto& step : declarations.steps) {
    step_properties.push_back({{"name", step_property}, {"value", detail::step_record(step).dump()}});
  }
  if (!step_properties.empty()) metadata["properties"] = step_properties;
  Json bom = {{"$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json"},
              {"bomFormat", "CycloneDX"},
              {"specVersion", "1.6"},
              {"version", 1},
              {"metadata", metadata},
              {"components", components}};
  Json dependencies = Json::array();
  for (const auto& [ref, on] : depends) {
    std::vector<std::string> unique;
    for (const auto& item : on) {
      if (std::find(unique.begin(), unique.end(), item) == unique.end()) unique.push_back(item);
    }
    dependencies.push_back({{"ref", ref}, {"dependsOn", unique}});
  }
  if (!dependencies.empty()) bom["dependencies"] = dependencies;
  return bom.dump(2) + "\n";
}

}  // namespace model_provenance::interchange
