// SPDX-License-Identifier: GPL-3.0-or-later
#include "hub_synthetic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace model_provenance::testing {
namespace {

// splitmix64: the same numbers on every platform, unlike <random>'s
// distributions.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(double p) { return uniform() < p; }
};

enum License : std::uint8_t { none, llama2, llama31, apache, mit, openrail, cc_by_nc, gemma, other };
constexpr std::array<std::string_view, 9> license_names{
    "", "llama2", "llama3.1", "apache-2.0", "mit", "openrail", "cc-by-nc-4.0", "gemma", "other"};
bool non_free(License l) { return l == llama2 || l == llama31 || l == openrail || l == cc_by_nc; }
bool free_license(License l) { return l == apache || l == mit; }

struct Model {
  std::uint32_t depth;
  License license;
  bool non_free_lineage;  // some ancestor's licence is non-free
};

const std::array<std::string_view, 4> relations{"finetune", "adapter", "quantized", "merge"};

}  // namespace

SyntheticHubStats write_synthetic_hub(std::ostream& out, std::uint64_t count, std::uint64_t seed) {
  Random random{seed};
  SyntheticHubStats stats;
  const std::uint64_t bases = std::clamp<std::uint64_t>(count / 7000, 3, 400);
  std::vector<Model> models;
  models.reserve(count);
  std::vector<std::uint64_t> family_size(bases, 0);
  // Zipf weights over the bases, s = 1.1, as a cumulative table.
  std::vector<double> cumulative(bases);
  double sum = 0;
  for (std::uint64_t k = 0; k < bases; ++k) cumulative[k] = sum += 1.0 / std::pow(k + 1.0, 1.1);
  auto zipf_base = [&] {
    const double x = random.uniform() * sum;
    return static_cast<std::uint64_t>(std::lower_bound(cumulative.begin(), cumulative.end(), x) -
                                      cumulative.begin());
  };
  std::vector<std::uint32_t> family(count);
  auto name = [&](std::uint64_t i) {
    if (i < bases) return "org" + std::to_string(i) + "/base-" + std::to_string(i);
    return "user" + std::to_string(i % 99991) + "/base" + std::to_string(family[i]) + "-model-" +
           std::to_string(i);
  };

  std::string line;
  std::vector<std::uint64_t> parents;
  std::vector<std::string> base_names;
  const std::uint64_t cycle_at = count > 1000 ? count - 2 : count;  // the last two name each other
  for (std::uint64_t i = 0; i < count; ++i) {
    Model model{0, none, false};
    parents.clear();
    base_names.clear();
    std::string_view relation;
    bool stated_relation = random.chance(0.4);
    if (i < bases) {
      static constexpr std::array<std::pair<License, double>, 8> base_licenses{{
          {llama2, 0.2}, {llama31, 0.1}, {apache, 0.3}, {mit, 0.1}, {openrail, 0.05},
          {cc_by_nc, 0.05}, {gemma, 0.1}, {other, 0.1}}};
      double x = random.uniform();
      model.license = other;
      for (auto [l, p] : base_licenses) {
        if (x < p) {
          model.license = l;
          break;
        }
        x -= p;
      }
      family[i] = static_cast<std::uint32_t>(i);
      ++stats.bases;
    } else if (i >= cycle_at) {
      // Two models naming each other: a cycle.
      family[cycle_at] = 0;
      if (cycle_at + 1 < count) family[cycle_at + 1] = 0;
      base_names.push_back(name(i == cycle_at ? cycle_at + 1 : cycle_at));
      relation = "finetune";
      model.license = apache;
      ++stats.cyclic;
    } else {
      const double r = random.uniform();
      relation = r < 0.45 ? relations[0] : r < 0.6 ? relations[1] : r < 0.9 ? relations[2] : relations[3];
      const unsigned wanted = relation == "merge" ? 2 + static_cast<unsigned>(random.below(2)) : 1;
      for (unsigned k = 0; k < wanted; ++k) {
        std::uint64_t parent = 0;
        if (random.chance(1.0 / 3)) {
          parent = zipf_base();
        } else {
          parent = zipf_base();
          for (int tries = 0; tries < 4; ++tries) {
            const std::uint64_t pick = random.below(i);
            if (models[pick].depth < 6) {
              parent = pick;
              break;
            }
          }
        }
        if (std::find(parents.begin(), parents.end(), parent) == parents.end())
          parents.push_back(parent);
      }
      if (relation == "merge" && parents.size() < 2) relation = relations[0];
      family[i] = family[parents[0]];
      const bool ghost = random.chance(0.0005);
      bool lineage = false;
      for (std::size_t k = ghost ? 1 : 0; k < parents.size(); ++k) {
        const auto p = parents[k];
        lineage = lineage || non_free(models[p].license) || models[p].non_free_lineage;
      }
      for (auto p : parents) model.depth = std::max(model.depth, models[p].depth + 1);
      model.non_free_lineage = lineage;
      const License inherited = models[parents[0]].license;
      const double l = random.uniform();
      if (relation == "quantized")
        model.license = l < 0.85 ? inherited : l < 0.95 ? none : apache;
      else if (relation == "merge")
        model.license = l < 0.7 ? inherited : l < 0.9 ? apache : none;
      else
        model.license = l < 0.6 ? inherited : l < 0.72 ? apache : l < 0.77 ? mit : l < 0.92 ? none : other;
      for (auto p : parents) base_names.push_back(name(p));
      if (ghost) {
        base_names[0] = "ghost-org/removed-model-" + std::to_string(random.below(1000));
        ++stats.missing_references;
      }
      ++family_size[family[i]];
      stats.max_depth = std::max(stats.max_depth, model.depth);
      stats.merges += relation == "merge";
      stats.quantizations += relation == "quantized";
      stats.adapters += relation == "adapter";
    }
    models.push_back(model);
    if (free_license(model.license) && model.non_free_lineage) ++stats.offending;

    const std::string id = name(i);
    const bool self = i >= bases && i < cycle_at && random.chance(0.001);
    if (self) {
      base_names.push_back(id);
      ++stats.self_references;
    }
    const std::string_view license = license_names[model.license];
    // The line, in the order /api/models gives its members.
    line.clear();
    line += "{\"_id\":\"";
    line += std::to_string(0x650000000000ULL + i);
    line += "\",";
    line += random.chance(0.2) ? "\"modelId\":\"" : "\"id\":\"";
    line += id;
    line += "\",\"likes\":";
    line += std::to_string(random.below(50));
    line += ",\"downloads\":";
    line += std::to_string(random.below(100000));
    line += ",\"private\":false,\"pipeline_tag\":\"text-generation\",\"library_name\":\"";
    line += relation == "adapter" ? "peft" : "transformers";
    line += "\",\"tags\":[\"transformers\",\"safetensors\"";
    if (relation == "quantized") line += ",\"gguf\"";
    for (const auto& base : base_names) {
      line += ",\"base_model:";
      if (!relation.empty()) {
        line += relation;
        line += ':';
      }
      line += base;
      line += "\",\"base_model:";
      line += base;
      line += '"';
    }
    if (!license.empty()) {
      line += ",\"license:";
      line += license;
      line += '"';
    }
    const bool datasets = relation == "finetune" && random.chance(0.3);
    const std::string dataset = "datasets-org/instructions-" + std::to_string(random.below(5000));
    if (datasets) line += ",\"dataset:" + dataset + "\"";
    line += "],\"createdAt\":\"2025-03-14T15:09:26.000Z\"";
    if (random.chance(0.85)) {
      line += ",\"cardData\":{";
      bool first = true;
      auto member = [&](std::string_view key) {
        if (!first) line += ',';
        first = false;
        line += '"';
        line += key;
        line += "\":";
      };
      if (!license.empty()) {
        member("license");
        line += '"';
        line += license;
        line += '"';
      }
      if (!base_names.empty()) {
        member("base_model");
        if (base_names.size() == 1) {
          line += '"' + base_names[0] + '"';
        } else {
          line += '[';
          for (std::size_t k = 0; k < base_names.size(); ++k)
            line += (k ? ",\"" : "\"") + base_names[k] + '"';
          line += ']';
        }
        if (stated_relation && !relation.empty()) {
          member("base_model_relation");
          line += '"';
          line += relation;
          line += '"';
        }
      }
      if (datasets) {
        member("datasets");
        line += "[\"" + dataset + "\"]";
      }
      member("language");
      line += "[\"en\"]";
      line += '}';
    }
    if (random.chance(0.3))
      line += ",\"siblings\":[{\"rfilename\":\"README.md\"},{\"rfilename\":\"config.json\"},"
              "{\"rfilename\":\"model.safetensors\"}]";
    line += "}\n";
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    stats.bytes += line.size();
    ++stats.models;
  }
  stats.largest_family = family_size.empty() ? 0 : *std::max_element(family_size.begin(), family_size.end());
  return stats;
}

}  // namespace model_provenance::testing
