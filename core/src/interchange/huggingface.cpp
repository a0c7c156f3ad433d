// SPDX-License-Identifier: GPL-3.0-or-later
// Hugging Face model cards: the YAML front matter of README.md, read with
// yaml-cpp (YAML is too large a language to parse by hand correctly, and
// yaml-cpp's marks locate errors).
#include "model-provenance/interchange/huggingface.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace model_provenance::interchange {
namespace {

bool same_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

struct HubLicense {
  std::string_view hub;
  std::string_view spdx;  // empty: no counterpart, unknown
};

// The license ids the Hub accepts in a card's `license` field, from its
// list at https://huggingface.co/docs/hub/repositories-licenses (read
// 2026-11-30), with their SPDX ids.  Families with no version ("bsd",
// "cc", "gpl", "lgpl", "gfdl") and licences the SPDX list lacks and this
// tool does not judge (gemma, h-research, ...) stay unknown rather than be
// guessed; "agpl-3.0", "gpl-2.0", ... keep SPDX's deprecated ids, which
// say no more about "only" or "or later" than the Hub's do.  llama2..llama4
// and the RAIL family are the tool's supplement ids (license.hpp).
constexpr std::array hub_licenses{
    HubLicense{"afl-3.0", "AFL-3.0"},
    HubLicense{"agpl-3.0", "AGPL-3.0"},
    HubLicense{"apache-2.0", "Apache-2.0"},
    HubLicense{"apple-amlr", ""},
    HubLicense{"apple-ascl", ""},
    HubLicense{"artistic-2.0", "Artistic-2.0"},
    HubLicense{"bigcode-openrail-m", "BigCode-OpenRAIL-M"},
    HubLicense{"bigscience-bloom-rail-1.0", "BigScience-BLOOM-RAIL-1.0"},
    HubLicense{"bigscience-openrail-m", "BigScience-OpenRAIL-M"},
    HubLicense{"bsd", ""},
    HubLicense{"bsd-2-clause", "BSD-2-Clause"},
    HubLicense{"bsd-3-clause", "BSD-3-Clause"},
    HubLicense{"bsd-3-clause-clear", "BSD-3-Clause-Clear"},
    HubLicense{"bsl-1.0", "BSL-1.0"},
    HubLicense{"c-uda", "C-UDA-1.0"},
    HubLicense{"cc", ""},
    HubLicense{"cc-by-2.0", "CC-BY-2.0"},
    HubLicense{"cc-by-2.5", "CC-BY-2.5"},
    HubLicense{"cc-by-3.0", "CC-BY-3.0"},
    HubLicense{"cc-by-4.0", "CC-BY-4.0"},
    HubLicense{"cc-by-nc-2.0", "CC-BY-NC-2.0"},
    HubLicense{"cc-by-nc-3.0", "CC-BY-NC-3.0"},
    HubLicense{"cc-by-nc-4.0", "CC-BY-NC-4.0"},
    HubLicense{"cc-by-nc-nd-3.0", "CC-BY-NC-ND-3.0"},
    HubLicense{"cc-by-nc-nd-4.0", "CC-BY-NC-ND-4.0"},
    HubLicense{"cc-by-nc-sa-2.0", "CC-BY-NC-SA-2.0"},
    HubLicense{"cc-by-nc-sa-3.0", "CC-BY-NC-SA-3.0"},
    HubLicense{"cc-by-nc-sa-4.0", "CC-BY-NC-SA-4.0"},
    HubLicense{"cc-by-nd-4.0", "CC-BY-ND-4.0"},
    HubLicense{"cc-by-sa-3.0", "CC-BY-SA-3.0"},
    HubLicense{"cc-by-sa-4.0", "CC-BY-SA-4.0"},
    HubLicense{"cc0-1.0", "CC0-1.0"},
    HubLicense{"cdla-permissive-1.0", "CDLA-Permissive-1.0"},
    HubLicense{"cdla-permissive-2.0", "CDLA-Permissive-2.0"},
    HubLicense{"cdla-sharing-1.0", "CDLA-Sharing-1.0"},
    HubLicense{"creativeml-openrail-m", "CreativeML-OpenRAIL-M"},
    HubLicense{"deepfloyd-if-license", ""},
    HubLicense{"ecl-2.0", "ECL-2.0"},
    HubLicense{"epl-1.0", "EPL-1.0"},
    HubLicense{"epl-2.0", "EPL-2.0"},
    HubLicense{"etalab-2.0", "etalab-2.0"},
    HubLicense{"eupl-1.1", "EUPL-1.1"},
    HubLicense{"eupl-1.2", "EUPL-1.2"},
    HubLicense{"fair-noncommercial-research-license", ""},
    HubLicense{"gemma", ""},
    HubLicense{"gfdl", ""},
    HubLicense{"gpl", ""},
    HubLicense{"gpl-2.0", "GPL-2.0"},
    HubLicense{"gpl-3.0", "GPL-3.0"},
    HubLicense{"h-research", ""},
    HubLicense{"intel-research", ""},
    HubLicense{"isc", "ISC"},
    HubLicense{"lgpl", ""},
    HubLicense{"lgpl-2.1", "LGPL-2.1"},
    HubLicense{"lgpl-3.0", "LGPL-3.0"},
    HubLicense{"lgpl-lr", ""},
    HubLicense{"llama2", "llama2"},
    HubLicense{"llama3", "llama3"},
    HubLicense{"llama3.1", "llama3.1"},
    HubLicense{"llama3.2", "llama3.2"},
    HubLicense{"llama3.3", "llama3.3"},
    HubLicense{"llama4", "llama4"},
    HubLicense{"lppl-1.3c", "LPPL-1.3c"},
    HubLicense{"mit", "MIT"},
    HubLicense{"mpl-2.0", "MPL-2.0"},
    HubLicense{"ms-pl", "MS-PL"},
    HubLicense{"ncsa", "NCSA"},
    HubLicense{"odbl", "ODbL-1.0"},
    HubLicense{"odc-by", "ODC-By-1.0"},
    HubLicense{"ofl-1.1", "OFL-1.1"},
    HubLicense{"openrail", "OpenRAIL"},
    // CreativeML Open RAIL++-M: a RAIL licence, judged as the family is.
    HubLicense{"openrail++", "OpenRAIL-M"},
    HubLicense{"osl-3.0", "OSL-3.0"},
    HubLicense{"other", ""},
    HubLicense{"pddl", "PDDL-1.0"},
    HubLicense{"postgresql", "PostgreSQL"},
    HubLicense{"unknown", ""},
    HubLicense{"unlicense", "Unlicense"},
    HubLicense{"wtfpl", "WTFPL"},
    HubLicense{"zlib", "Zlib"},
};

// A location in the file: the front matter starts on line FIRST_LINE.
std::string where(const YAML::Mark& mark, int first_line) {
  if (mark.is_null()) return std::to_string(first_line) + ":1";
  return std::to_string(mark.line + first_line) + ":" + std::to_string(mark.column + 1);
}

struct Reader {
  std::string file;
  int first_line = 2;

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    throw DocumentError(file, where(node.Mark(), first_line), message);
  }

  // A scalar, or a list of scalars.
  std::vector<std::string> strings(const YAML::Node& node, std::string_view field) const {
    std::vector<std::string> out;
    if (node.IsNull()) return out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
      return out;
    }
    if (!node.IsSequence())
      fail(node, std::string(field) + ": expected a string or a list of strings");
    for (const auto& item : node) {
      if (!item.IsScalar())
        fail(item, std::string(field) + ": expected a string in the list");
      out.push_back(item.Scalar());
    }
    return out;
  }

  std::string scalar(const YAML::Node& node, std::string_view field) const {
    if (!node.IsScalar()) fail(node, std::string(field) + ": expected a string");
    return node.Scalar();
  }
};

// A Hub model id as written in base_model: "owner/name", perhaps as a URL.
std::string model_reference(std::string text) {
  for (std::string_view prefix : {"https://huggingface.co/", "http://huggingface.co/",
                                  "huggingface.co/", "hf.co/"})
    if (text.starts_with(prefix)) return text.substr(prefix.size());
  return text;
}

std::string summary(const YAML::Node& node) {
  if (node.IsScalar()) {
    std::string text = node.Scalar();
    if (text.size() > 200) text = text.substr(0, 200) + "...";
    return text;
  }
  if (node.IsSequence()) return "a list of " + std::to_string(node.size());
  if (node.IsMap()) return "a map of " + std::to_string(node.size());
  return "null";
}

bool is_quantization_tag(std::string_view tag) {
  for (std::string_view t : {"gguf", "gptq", "awq", "exl2", "quantized", "bitsandbytes", "4-bit",
                             "8-bit"})
    if (same_text(tag, t)) return true;
  return false;
}

}  // namespace

std::optional<std::string_view> hub_license_to_spdx(std::string_view hub_license) {
  for (const auto& entry : hub_licenses)
    if (same_text(entry.hub, hub_license)) {
      if (entry.spdx.empty()) return std::nullopt;
      return entry.spdx;
    }
  return std::nullopt;
}

std::optional<HubRelation> parse_hub_relation(std::string_view text) {
  if (text == "finetune") return HubRelation::finetune;
  if (text == "adapter") return HubRelation::adapter;
  if (text == "merge") return HubRelation::merge;
  if (text == "quantized") return HubRelation::quantized;
  return std::nullopt;
}

std::string_view to_string(HubRelation relation) {
  switch (relation) {
    case HubRelation::finetune: return "finetune";
    case HubRelation::adapter: return "adapter";
    case HubRelation::merge: return "merge";
    case HubRelation::quantized: return "quantized";
  }
  return "finetune";
}

StepKind step_kind(HubRelation relation) {
  switch (relation) {
    case HubRelation::finetune:
    case HubRelation::adapter: return StepKind::fine_tune;
    case HubRelation::merge: return StepKind::merge;
    case HubRelation::quantized: return StepKind::quantize;
  }
  return StepKind::fine_tune;
}

Declarations read_model_card(std::string_view text, std::string_view file,
                             std::string_view model_id) {
  Reader reader{std::string(file)};
  Declarations out;
  Artifact model;
  model.id = std::string(model_id);
  model.kind = ArtifactKind::weights;
  model.name = model.id.substr(model.id.rfind('/') == std::string::npos ? 0 : model.id.rfind('/') + 1);
  model.uris.push_back("https://huggingface.co/" + model.id);

  // The front matter: from a first line "---" to the next line "---" (or
  // "...").  A UTF-8 byte order mark and CR line ends are allowed.
  std::string_view rest = text;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  auto line_end = [](std::string_view s) {
    const auto at = s.find('\n');
    return at == std::string_view::npos ? s.size() : at;
  };
  auto trimmed = [](std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    return line;
  };
  std::string_view yaml_text;
  {
    const std::size_t first = line_end(rest);
    if (trimmed(rest.substr(0, first)) != "---") {
      out.artifacts.push_back(std::move(model));
      return out;
    }
    std::size_t at = first < rest.size() ? first + 1 : rest.size();
    const std::size_t start = at;
    int line = 2;
    bool closed = false;
    while (at < rest.size()) {
      const std::size_t length = line_end(rest.substr(at));
      const std::string_view current = trimmed(rest.substr(at, length));
      if (current == "---" || current == "...") {
        yaml_text = rest.substr(start, at - start);
        closed = true;
        break;
      }
      at += length + 1;
      ++line;
    }
    if (!closed)
      throw DocumentError(reader.file, std::to_string(line) + ":1",
                          "expected a line '---' closing the front matter opened on line 1");
  }

  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& error) {
    throw DocumentError(reader.file, where(error.mark, reader.first_line), error.msg);
  }
  if (!root || root.IsNull()) {
    out.artifacts.push_back(std::move(model));
    return out;
  }
  if (!root.IsMap()) reader.fail(root, "expected a map of card fields");

  std::vector<std::string> licenses, bases, datasets, tags;
  std::optional<HubRelation> relation;
  std::string relation_inferred;
  std::string library, pipeline;
  bool quantized_by = false;
  std::vector<std::string> notes;
  try {
    for (const auto& entry : root) {
      const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string();
      const YAML::Node& value = entry.second;
      const std::string at = where(entry.first.Mark(), reader.first_line);
      if (key == "license") {
        licenses = reader.strings(value, key);
      } else if (key == "base_model") {
        for (auto& base : reader.strings(value, key)) bases.push_back(model_reference(base));
      } else if (key == "base_model_relation") {
        const std::string text = reader.scalar(value, key);
        relation = parse_hub_relation(text);
        if (!relation)
          reader.fail(value, "base_model_relation: expected adapter, merge, quantized or "
                             "finetune, not '" + text + "'");
      } else if (key == "datasets") {
        datasets = reader.strings(value, key);
      } else if (key == "library_name") {
        library = reader.scalar(value, key);
      } else if (key == "pipeline_tag") {
        pipeline = reader.scalar(value, key);
      } else if (key == "tags") {
        tags = reader.strings(value, key);
        out.dropped.push_back({at, "tags: " + summary(value)});
      } else if (key == "quantized_by") {
        quantized_by = true;
        out.dropped.push_back({at, "quantized_by: " + summary(value)});
      } else if (key == "model-index") {
        out.dropped.push_back({at, "model-index: evaluation results (" + summary(value) + ")"});
      } else {
        // license_name, license_link, metrics, language, new_version,
        // widget, inference, ...: no place in the graph.
        out.dropped.push_back({at, key + ": " + summary(value)});
      }
    }
  } catch (const YAML::Exception& error) {
    throw DocumentError(reader.file, where(error.mark, reader.first_line), error.msg);
  }

  // The licence: one id, or a list (all of them apply).
  std::vector<std::string> spdx;
  bool unknown = licenses.empty();
  for (const auto& license : licenses) {
    if (auto id = hub_license_to_spdx(license))
      spdx.emplace_back(*id);
    else
      unknown = true;
  }
  if (unknown && !licenses.empty()) {
    std::string written;
    for (const auto& license : licenses) written += (written.empty() ? "" : ", ") + license;
    out.dropped.push_back({"license", written + ": no SPDX counterpart, the licence is unknown"});
  }
  if (!unknown && !spdx.empty()) {
    std::string expression;
    for (const auto& id : spdx) expression += (expression.empty() ? "" : " AND ") + id;
    model.license = expression;
  }
  if (!library.empty()) notes.push_back("library: " + library);
  if (!pipeline.empty()) notes.push_back("pipeline: " + pipeline);

  // The relation when the card does not state it, as the Hub would infer it.
  bool remove_self = false;
  std::erase_if(bases, [&](const std::string& base) {
    // Cards that name themselves as their base model say nothing.
    if (base == model.id) remove_self = true;
    return base == model.id || base.empty();
  });
  if (remove_self) out.dropped.push_back({"base_model", "the model itself, no derivation"});
  if (!relation && !bases.empty()) {
    for (const auto& tag : tags)
      if (tag.starts_with("base_model:")) {
        const std::string_view rest_tag = std::string_view(tag).substr(11);
        const auto colon = rest_tag.find(':');
        if (colon != std::string_view::npos)
          if (auto tagged = parse_hub_relation(rest_tag.substr(0, colon))) {
            relation = tagged;
            relation_inferred = "from the tag " + tag;
            break;
          }
      }
    if (!relation && bases.size() >= 2) {
      relation = HubRelation::merge;
      relation_inferred = "from its " + std::to_string(bases.size()) + " base models";
    }
    if (!relation && same_text(library, "peft")) {
      relation = HubRelation::adapter;
      relation_inferred = "from library_name peft";
    }
    if (!relation && (quantized_by || std::ranges::any_of(tags, is_quantization_tag))) {
      relation = HubRelation::quantized;
      relation_inferred = quantized_by ? "from quantized_by" : "from its tags";
    }
    if (!relation) {
      relation = HubRelation::finetune;
      relation_inferred = "the Hub's default; the repository's files would settle it";
    }
  }

  for (const auto& base : bases) {
    Artifact artifact;
    artifact.id = base;
    artifact.kind = ArtifactKind::weights;
    artifact.name = base.substr(base.rfind('/') == std::string::npos ? 0 : base.rfind('/') + 1);
    artifact.uris.push_back("https://huggingface.co/" + base);
    out.artifacts.push_back(std::move(artifact));
  }
  for (const auto& dataset : datasets) {
    Artifact artifact;
    artifact.id = "datasets/" + dataset;
    artifact.kind = ArtifactKind::dataset;
    artifact.name = dataset;
    artifact.uris.push_back("https://huggingface.co/datasets/" + dataset);
    out.artifacts.push_back(std::move(artifact));
  }
  if (!bases.empty() || !datasets.empty()) {
    Step step;
    step.id = model.id + "/derivation";
    std::vector<std::string> step_notes;
    if (bases.empty()) {
      // Data named, no base: trained on it, whether from scratch or from an
      // unnamed model the card does not say.
      step.kind = StepKind::train;
      step_notes.push_back("the card names datasets and no base model");
    } else {
      step.kind = step_kind(*relation);
      step_notes.push_back("base_model_relation: " + std::string(to_string(*relation)));
      if (!relation_inferred.empty()) step_notes.push_back("inferred " + relation_inferred);
    }
    for (const auto& base : bases) step.inputs.push_back({base, InputRole::initial_weights});
    for (const auto& dataset : datasets)
      step.inputs.push_back({"datasets/" + dataset, InputRole::training_data});
    step.outputs.push_back(model.id);
    for (std::size_t i = 0; i < step_notes.size(); ++i)
      step.notes += (i ? "; " : "") + step_notes[i];
    out.steps.push_back(std::move(step));
  }
  for (std::size_t i = 0; i < notes.size(); ++i) model.notes += (i ? "; " : "") + notes[i];
  out.artifacts.insert(out.artifacts.begin(), std::move(model));
  return out;
}

}  // namespace model_provenance::interchange
