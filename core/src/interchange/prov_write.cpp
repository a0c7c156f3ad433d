// SPDX-License-Identifier: GPL-3.0-or-later
// Writing declarations as W3C PROV-JSON; the mapping is in
// model-provenance/interchange/prov.hpp.  Each record is built as a small
// nlohmann::ordered_json and the sections are joined as text, so that a
// section of a million records costs linear time (ordered_json looks keys
// up linearly).
#include <charconv>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "model-provenance/interchange/prov.hpp"

namespace model_provenance::interchange {
namespace {

using json = nlohmann::ordered_json;

json qualified(std::string_view name) { return json{{"$", name}, {"type", "prov:QUALIFIED_NAME"}}; }

json typed(std::string text, std::string_view type) { return json{{"$", std::move(text)}, {"type", type}}; }

std::string shortest(double value) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, ec == std::errc{} ? end : buffer);
}

std::string artifact_name(const std::string& id) { return "a:" + id; }
std::string step_name(const std::string& id) { return "s:" + id; }

std::string source_text(const Source& source) {
  std::string url;
  for (char c : source.url) {
    if (c == ' ') url += "%20";
    else url += c;
  }
  return url + " " + source.date + " " + source.about;
}

// One section, "NAME": {"KEY": RECORD, ...}, written as it grows.
class Section {
 public:
  explicit Section(std::string name) : name_(std::move(name)) {}
  void add(const std::string& key, const json& record) {
    text_ += text_.empty() ? "\n    " : ",\n    ";
    text_ += json(key).dump();
    text_ += ": ";
    text_ += record.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  bool empty() const { return text_.empty(); }
  void append_to(std::string& out, bool& first) const {
    if (text_.empty()) return;
    out += first ? "\n  " : ",\n  ";
    first = false;
    out += json(name_).dump();
    out += ": {";
    out += text_;
    out += "\n  }";
  }

 private:
  std::string name_;
  std::string text_;
};

void add_judgement(json& record, const Judgement& judgement) {
  record["mp:verdict-" + judgement.policy] = judgement.verdict;
  record["mp:summary-" + judgement.policy] = judgement.summary;
  if (!judgement.reasons.empty()) record["mp:reason-" + judgement.policy] = judgement.reasons;
}

}  // namespace

std::string write_prov_json(const Declarations& declarations, const std::vector<Judgement>& judgements) {
  std::multimap<std::string, const Judgement*> judged;
  for (const auto& judgement : judgements) judged.emplace(judgement.target, &judgement);

  Section entities("entity"), activities("activity"), agents("agent"), used("used"),
      generated("wasGeneratedBy"), associated("wasAssociatedWith"), derived("wasDerivedFrom");

  std::unordered_set<std::string> artifact_ids;
  std::unordered_set<std::string> declared_not_software;
  for (const Artifact& artifact : declarations.artifacts)
    if (artifact.kind != ArtifactKind::software) declared_not_software.insert(artifact.id);
  for (const Artifact& artifact : declarations.artifacts) {
    artifact_ids.insert(artifact.id);
    json record;
    record["prov:type"] = qualified("mp:" + std::string(to_string(artifact.kind)));
    if (!artifact.name.empty()) record["prov:label"] = artifact.name;
    if (!artifact.version.empty()) record["mp:version"] = artifact.version;
    if (artifact.license) record["mp:license"] = *artifact.license;
    if (artifact.sha256) record["mp:sha256"] = *artifact.sha256;
    if (!artifact.uris.empty()) {
      json uris = json::array();
      for (const auto& uri : artifact.uris) uris.push_back(typed(uri, "xsd:anyURI"));
      record["mp:uri"] = std::move(uris);
    }
    if (!artifact.format.empty()) record["mp:format"] = artifact.format;
    if (artifact.availability != Availability::unknown)
      record["mp:availability"] = std::string(to_string(artifact.availability));
    if (artifact.guix_package) record["mp:guix-package"] = *artifact.guix_package;
    if (artifact.size_bytes) record["mp:size-bytes"] = typed(std::to_string(*artifact.size_bytes), "xsd:unsignedLong");
    if (!artifact.notes.empty()) record["mp:notes"] = artifact.notes;
    if (!artifact.sources.empty()) {
      json sources = json::array();
      for (const auto& source : artifact.sources) sources.push_back(source_text(source));
      record["mp:source"] = std::move(sources);
    }
    if (!artifact.backends.empty()) {
      json backends = json::array();
      for (const auto& backend : artifact.backends)
        backends.push_back(backend.backend + (backend.needs_proprietary ? ";proprietary" : ""));
      record["mp:backend"] = std::move(backends);
    }
    if (artifact.kind == ArtifactKind::document) record["mp:document-kind"] = std::string(to_string(artifact.document_kind));
    if (!artifact.describes.empty()) record["mp:describes"] = artifact.describes;
    const auto [first, last] = judged.equal_range(artifact.id);
    for (auto it = first; it != last; ++it) add_judgement(record, *it->second);
    entities.add(artifact_name(artifact.id), record);
  }

  // Judgements of no artifact: entities of their own.
  std::size_t orphan = 0;
  for (const auto& judgement : judgements) {
    if (artifact_ids.contains(judgement.target)) continue;
    json record;
    record["prov:type"] = qualified("mp:judgement");
    record["mp:target"] = judgement.target;
    add_judgement(record, judgement);
    entities.add("_:judgement" + std::to_string(++orphan), record);
  }

  std::set<std::string> software_agents;
  std::size_t used_count = 0, generated_count = 0, associated_count = 0, derived_count = 0;
  for (const Step& step : declarations.steps) {
    json record;
    record["prov:type"] = qualified("mp:" + std::string(to_string(step.kind)));
    if (step.compute.flops) record["mp:flops"] = typed(shortest(*step.compute.flops), "xsd:double");
    if (step.compute.hours) record["mp:hours"] = typed(shortest(*step.compute.hours), "xsd:double");
    if (!step.compute.hardware_profile.empty()) record["mp:hardware-profile"] = step.compute.hardware_profile;
    if (step.compute.peak_memory_bytes)
      record["mp:peak-memory-bytes"] = typed(std::to_string(*step.compute.peak_memory_bytes), "xsd:unsignedLong");
    if (step.compute.storage_bytes)
      record["mp:storage-bytes"] = typed(std::to_string(*step.compute.storage_bytes), "xsd:unsignedLong");
    if (!step.notes.empty()) record["mp:notes"] = step.notes;
    if (!step.sources.empty()) {
      json sources = json::array();
      for (const auto& source : step.sources) sources.push_back(source_text(source));
      record["mp:source"] = std::move(sources);
    }
    const std::string activity = step_name(step.id);
    activities.add(activity, record);

    for (const StepInput& input : step.inputs) {
      used.add("_:u" + std::to_string(++used_count),
               json{{"prov:activity", activity},
                    {"prov:entity", artifact_name(input.artifact)},
                    {"prov:role", qualified("mp:" + std::string(to_string(input.role)))}});
      // Only software is a SoftwareAgent: an artifact declared here as
      // something else (a document in the software role) stays an entity,
      // or reading it back would see an agent and an entity disagree.
      if (input.role == InputRole::software && !declared_not_software.count(input.artifact)) {
        if (software_agents.insert(input.artifact).second)
          agents.add(artifact_name(input.artifact), json{{"prov:type", qualified("prov:SoftwareAgent")}});
        associated.add("_:w" + std::to_string(++associated_count),
                       json{{"prov:activity", activity}, {"prov:agent", artifact_name(input.artifact)}});
      }
    }
    for (const std::string& output : step.outputs) {
      generated.add("_:g" + std::to_string(++generated_count),
                    json{{"prov:entity", artifact_name(output)}, {"prov:activity", activity}});
      for (const StepInput& input : step.inputs)
        derived.add("_:d" + std::to_string(++derived_count),
                    json{{"prov:generatedEntity", artifact_name(output)},
                         {"prov:usedEntity", artifact_name(input.artifact)},
                         {"prov:activity", activity}});
    }
  }

  std::string out = "{\n  \"prefix\": {\n    \"mp\": " + json(prov_namespace).dump() +
                    ",\n    \"a\": " + json(prov_artifact_namespace).dump() +
                    ",\n    \"s\": " + json(prov_step_namespace).dump() + "\n  }";
  bool first = false;
  for (const Section* section : {&entities, &activities, &agents, &used, &generated, &associated, &derived})
    section->append_to(out, first);
  out += "\n}\n";
  return out;
}

}  // namespace model_provenance::interchange
