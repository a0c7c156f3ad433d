// SPDX-License-Identifier: GPL-3.0-or-later
// Hub metadata in JSON lines, read with simdjson's on-demand API (a
// document at a time, gigabytes a second; a DOM parser manages tens of
// MB/s), and the license lineage of a whole hub.
#include "model-provenance/interchange/hub.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>

#include "model-provenance/error.hpp"

namespace model_provenance::interchange {
namespace {

namespace od = simdjson::ondemand;

constexpr std::size_t chunk_bytes = std::size_t{1} << 16;  // grows for longer lines
constexpr std::size_t longest_line = std::size_t{1} << 28;  // 256 MiB

struct LineError {
  std::string pointer;
  std::string message;
};

std::string json_string_pointer(std::string_view base, std::size_t index) {
  return std::string(base) + "/" + std::to_string(index);
}

// A string, a list of strings, or null, into OUT.
void strings(od::value value, std::string_view pointer, std::vector<std::string_view>& out,
             std::string_view expected) {
  od::json_type type;
  if (auto error = value.type().get(type))
    throw LineError{std::string(pointer), simdjson::error_message(error)};
  if (type == od::json_type::null) return;
  if (type == od::json_type::string) {
    std::string_view text;
    if (auto error = value.get_string().get(text))
      throw LineError{std::string(pointer), simdjson::error_message(error)};
    out.push_back(text);
    return;
  }
  if (type != od::json_type::array)
    throw LineError{std::string(pointer), "expected " + std::string(expected)};
  od::array array;
  if (auto error = value.get_array().get(array))
    throw LineError{std::string(pointer), simdjson::error_message(error)};
  std::size_t index = 0;
  for (auto item : array) {
    std::string_view text;
    if (auto error = item.get_string().get(text))
      throw LineError{json_string_pointer(pointer, index),
                      error == simdjson::INCORRECT_TYPE ? "expected a string in the list"
                                                        : simdjson::error_message(error)};
    out.push_back(text);
    ++index;
  }
}

void add_unique(std::vector<std::string_view>& list, std::string_view item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

struct LineReader {
  od::parser parser;
  HubRecord record;
  std::vector<std::string_view> tag_licenses, tag_bases, tag_datasets;
  std::optional<HubRelation> tag_relation;

  void card_data(od::value value) {
    od::json_type type;
    if (auto error = value.type().get(type)) throw LineError{"/cardData", simdjson::error_message(error)};
    if (type == od::json_type::null) return;
    od::object object;
    if (auto error = value.get_object().get(object))
      throw LineError{"/cardData", error == simdjson::INCORRECT_TYPE ? "expected an object"
                                                                     : simdjson::error_message(error)};
    for (auto field : object) {
      std::string_view key;
      if (auto error = field.unescaped_key().get(key))
        throw LineError{"/cardData", simdjson::error_message(error)};
      od::value member;
      if (auto error = field.value().get(member))
        throw LineError{"/cardData/" + std::string(key), simdjson::error_message(error)};
      if (key == "license") {
        strings(member, "/cardData/license", record.licenses, "a licence id or a list of them");
      } else if (key == "base_model") {
        strings(member, "/cardData/base_model", record.base_models,
                "a model id or a list of them");
      } else if (key == "datasets") {
        strings(member, "/cardData/datasets", record.datasets, "a dataset id or a list of them");
      } else if (key == "base_model_relation") {
        std::vector<std::string_view> text;
        strings(member, "/cardData/base_model_relation", text, "a string");
        if (text.size() > 1) throw LineError{"/cardData/base_model_relation", "expected a string"};
        if (!text.empty()) {
          record.relation = parse_hub_relation(text[0]);
          if (!record.relation)
            throw LineError{"/cardData/base_model_relation",
                            "expected adapter, merge, quantized or finetune, not '" +
                                std::string(text[0].substr(0, 100)) + "'"};
        }
      }
    }
  }

  void tags(od::value value) {
    od::json_type type;
    if (auto error = value.type().get(type)) throw LineError{"/tags", simdjson::error_message(error)};
    if (type != od::json_type::array) throw LineError{"/tags", "expected a list of tags"};
    std::vector<std::string_view> all;
    strings(value, "/tags", all, "a list of tags");
    for (std::string_view tag : all) {
      if (tag.starts_with("license:")) {
        add_unique(tag_licenses, tag.substr(8));
      } else if (tag.starts_with("dataset:")) {
        add_unique(tag_datasets, tag.substr(8));
      } else if (tag.starts_with("base_model:")) {
        std::string_view rest = tag.substr(11);
        const auto colon = rest.find(':');
        if (colon != std::string_view::npos) {
          if (auto relation = parse_hub_relation(rest.substr(0, colon))) {
            tag_relation = relation;
            rest = rest.substr(colon + 1);
          }
        }
        if (!rest.empty()) add_unique(tag_bases, rest);
      }
    }
  }

  // Fills RECORD from one line, or throws LineError.
  void parse(const char* text, std::size_t length, std::size_t capacity) {
    record.id = {};
    record.licenses.clear();
    record.base_models.clear();
    record.datasets.clear();
    record.relation.reset();
    tag_licenses.clear();
    tag_bases.clear();
    tag_datasets.clear();
    tag_relation.reset();
    od::document document;
    if (auto error = parser.iterate(text, length, capacity).get(document))
      throw LineError{"", simdjson::error_message(error)};
    od::object object;
    if (auto error = document.get_object().get(object))
      throw LineError{"", error == simdjson::INCORRECT_TYPE ? "expected a JSON object, one model"
                                                            : simdjson::error_message(error)};
    std::string_view id, model_id;
    for (auto field : object) {
      std::string_view key;
      if (auto error = field.unescaped_key().get(key)) throw LineError{"", simdjson::error_message(error)};
      od::value value;
      if (auto error = field.value().get(value))
        throw LineError{"/" + std::string(key), simdjson::error_message(error)};
      if (key == "id" || key == "modelId") {
        std::string_view text;
        if (auto error = value.get_string().get(text))
          throw LineError{"/" + std::string(key), error == simdjson::INCORRECT_TYPE
                                                      ? "expected the model id, a string"
                                                      : simdjson::error_message(error)};
        if (text.empty()) throw LineError{"/" + std::string(key), "expected a model id, not \"\""};
        (key == "id" ? id : model_id) = text;
      } else if (key == "cardData") {
        card_data(value);
      } else if (key == "tags") {
        tags(value);
      }
    }
    if (id.empty()) id = model_id;
    if (id.empty()) throw LineError{"", "expected a member \"id\" or \"modelId\""};
    record.id = id;
    // cardData says what its author wrote; the tags are the Hub's reading
    // of it, used when cardData is silent.
    if (record.licenses.empty()) record.licenses = tag_licenses;
    if (record.base_models.empty()) record.base_models = tag_bases;
    if (record.datasets.empty()) record.datasets = tag_datasets;
    if (!record.relation) record.relation = tag_relation;
  }
};

}  // namespace

std::uint64_t read_hub_lines(std::istream& in, std::string_view file,
                             const std::function<void(const HubRecord&)>& visit,
                             const std::function<void(const DocumentError&)>& on_error) {
  LineReader reader;
  // [0, filled) holds unread text, padded with SIMDJSON_PADDING bytes the
  // parser may read past a line's end.
  std::vector<char> buffer(chunk_bytes + simdjson::SIMDJSON_PADDING);
  std::size_t filled = 0;
  std::uint64_t line = 0;
  std::uint64_t total = 0;
  bool eof = false;
  const std::string file_name(file);
  auto handle = [&](const char* text, std::size_t length, std::size_t capacity) {
    ++line;
    // Blank lines (and a CR of CRLF ends) are skipped.
    while (length > 0 && (text[length - 1] == '\r' || text[length - 1] == ' ')) --length;
    std::size_t start = 0;
    while (start < length && (text[start] == ' ' || text[start] == '\t')) ++start;
    if (start == length) return;
    try {
      reader.parse(text, length, capacity);
      reader.record.line = line;
      visit(reader.record);
    } catch (const LineError& error) {
      DocumentError document_error(file_name, std::to_string(line) + ":" + (error.pointer.empty() ? "/" : error.pointer),
                                   error.message);
      if (!on_error) throw document_error;
      on_error(document_error);
    }
  };
  while (!eof) {
    if (filled + chunk_bytes / 4 > buffer.size() - simdjson::SIMDJSON_PADDING) {
      // A line longer than the buffer: grow it.
      if (buffer.size() > longest_line)
        throw DocumentError(file_name, std::to_string(line + 1) + ":/",
                            "expected a line shorter than 256 MiB");
      buffer.resize((buffer.size() - simdjson::SIMDJSON_PADDING) * 2 + simdjson::SIMDJSON_PADDING);
    }
    const std::size_t room = buffer.size() - simdjson::SIMDJSON_PADDING - filled;
    in.read(buffer.data() + filled, static_cast<std::streamsize>(room));
    const auto got = static_cast<std::size_t>(in.gcount());
    total += got;
    filled += got;
    if (got < room) eof = true;
    std::memset(buffer.data() + filled, 0, simdjson::SIMDJSON_PADDING);
    std::size_t start = 0;
    while (true) {
      const void* found = std::memchr(buffer.data() + start, '\n', filled - start);
      if (!found) break;
      const std::size_t end = static_cast<const char*>(found) - buffer.data();
      handle(buffer.data() + start, end - start, buffer.size() - start);
      start = end + 1;
    }
    if (eof && start < filled) {
      handle(buffer.data() + start, filled - start, buffer.size() - start);
      start = filled;
    }
    std::memmove(buffer.data(), buffer.data() + start, filled - start);
    filled -= start;
  }
  return total;
}

Declarations read_hub_metadata(std::istream& in, std::string_view file) {
  Declarations out;
  std::unordered_map<std::string, std::size_t> artifact_at;
  // An artifact by id: a stub for a base model or data set until the line
  // describing it comes.
  auto artifact = [&](const std::string& id, ArtifactKind kind, std::string uri) -> Artifact& {
    auto [at, added] = artifact_at.try_emplace(id, out.artifacts.size());
    if (added) {
      Artifact made;
      made.id = id;
      made.kind = kind;
      made.name = id.substr(id.rfind('/') == std::string::npos ? 0 : id.rfind('/') + 1);
      made.uris.push_back(std::move(uri));
      out.artifacts.push_back(std::move(made));
    }
    return out.artifacts[at->second];
  };
  std::unordered_map<std::string, std::uint64_t> described;  // model id -> its line
  read_hub_lines(in, file, [&](const HubRecord& record) {
    const std::string id(record.id);
    const std::string where = std::to_string(record.line);
    if (auto [at, added] = described.try_emplace(id, record.line); !added) {
      out.dropped.push_back({where + ":/", "a second line for " + id + ": line " +
                                               std::to_string(at->second) + " stands"});
      return;
    }
    Artifact& model = artifact(id, ArtifactKind::weights, "https://huggingface.co/" + id);
    std::string expression;
    bool unknown = record.licenses.empty();
    for (auto license : record.licenses) {
      if (auto spdx = hub_license_to_spdx(license))
        expression += (expression.empty() ? "" : " AND ") + std::string(*spdx);
      else
        unknown = true;
    }
    if (!unknown) model.license = expression;
    if (unknown && !record.licenses.empty()) {
      std::string written;
      for (auto license : record.licenses) written += (written.empty() ? "" : ", ") + std::string(license);
      out.dropped.push_back({where + ":/cardData/license",
                             written + ": no SPDX counterpart, the licence is unknown"});
    }
    std::vector<std::string> bases;
    for (auto base : record.base_models) {
      if (base == record.id) {
        out.dropped.push_back({where + ":/cardData/base_model", "the model itself, no derivation"});
        continue;
      }
      bases.emplace_back(base);
    }
    if (bases.empty() && record.datasets.empty()) return;
    Step step;
    step.id = id + "/derivation";
    if (bases.empty()) {
      step.kind = StepKind::train;
      step.notes = "the metadata names datasets and no base model";
    } else {
      HubRelation relation = record.relation.value_or(
          bases.size() >= 2 ? HubRelation::merge : HubRelation::finetune);
      step.kind = step_kind(relation);
      step.notes = "base_model_relation: " + std::string(to_string(relation));
      if (!record.relation)
        step.notes += bases.size() >= 2 ? "; inferred from its base models"
                                        : "; inferred: the Hub's default, the repository's files would settle it";
    }
    for (const auto& base : bases) {
      artifact(base, ArtifactKind::weights, "https://huggingface.co/" + base);
      step.inputs.push_back({base, InputRole::initial_weights});
    }
    for (auto dataset : record.datasets) {
      const std::string dataset_id = "datasets/" + std::string(dataset);
      artifact(dataset_id, ArtifactKind::dataset, "https://huggingface.co/datasets/" + std::string(dataset));
      step.inputs.push_back({dataset_id, InputRole::training_data});
    }
    step.outputs.push_back(id);
    out.steps.push_back(std::move(step));
  });
  return out;
}

// ---------------------------------------------------------------------------
// License lineage.

namespace {
constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint16_t no_license = 0;     // no licence stated
constexpr std::uint16_t not_described = 0xFFFF;  // no line: a missing model

// Model ids, each stored once in large chunks and named by a dense 32-bit
// number, found again by open addressing: a node-based hash map's pointer
// chasing was a third of the time at 2 million ids.
class Interner {
 public:
  Interner() : slots_(std::size_t{1} << 10, 0), mask_(slots_.size() - 1) {}

  std::uint32_t intern(std::string_view s) {
    const std::uint64_t hash = std::hash<std::string_view>{}(s);
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const std::uint64_t slot = slots_[at];
      if (slot == 0) break;
      const auto id = static_cast<std::uint32_t>(slot) - 1;
      if (static_cast<std::uint32_t>(slot >> 32) == tag && views_[id] == s) return id;
    }
    const auto id = static_cast<std::uint32_t>(views_.size());
    views_.push_back(store(s));
    insert(tag, hash, id);
    if (views_.size() * 2 > slots_.size()) grow();
    return id;
  }
  std::string_view view(std::uint32_t id) const { return views_[id]; }
  std::size_t size() const { return views_.size(); }
  std::size_t memory_bytes() const {
    return chunk_bytes_total_ + views_.capacity() * sizeof(std::string_view) +
           slots_.size() * sizeof(std::uint64_t);
  }

 private:
  void insert(std::uint32_t tag, std::uint64_t hash, std::uint32_t id) {
    std::size_t at = hash & mask_;
    while (slots_[at] != 0) at = (at + 1) & mask_;
    slots_[at] = (std::uint64_t{tag} << 32) | (id + 1);
  }
  void grow() {
    slots_.assign(slots_.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (std::uint32_t id = 0; id < views_.size(); ++id) {
      const std::uint64_t hash = std::hash<std::string_view>{}(views_[id]);
      insert(static_cast<std::uint32_t>(hash >> 32), hash, id);
    }
  }
  std::string_view store(std::string_view s) {
    if (s.empty()) return {};
    if (chunks_.empty() || s.size() > chunk_capacity_ - chunk_used_) {
      chunk_capacity_ = std::max<std::size_t>(std::size_t{1} << 20, s.size());
      chunks_.push_back(std::make_unique<char[]>(chunk_capacity_));
      chunk_used_ = 0;
      chunk_bytes_total_ += chunk_capacity_;
    }
    char* at = chunks_.back().get() + chunk_used_;
    std::memcpy(at, s.data(), s.size());
    chunk_used_ += s.size();
    return {at, s.size()};
  }

  std::vector<std::unique_ptr<char[]>> chunks_;
  std::size_t chunk_used_ = 0, chunk_capacity_ = 0, chunk_bytes_total_ = 0;
  std::vector<std::string_view> views_;
  std::vector<std::uint64_t> slots_;  // (hash >> 32) << 32 | id + 1; 0: empty
  std::size_t mask_;
};

struct LicenseClass {
  std::string spdx;  // "" when unknown
  Freeness freeness = Freeness::unknown;
  std::string reason;
};
}  // namespace

struct HubLineage::State {
  LicenseCriterion criterion;
  LicenseOverrides overrides;
  Interner names;                         // model ids; an id is a node
  std::vector<std::uint16_t> license;     // per node: index in classes, or not_described
  std::unordered_map<std::string, std::uint16_t> class_of;  // licences as written, joined
  std::vector<LicenseClass> classes;
  std::vector<std::uint32_t> edge_child, edge_parent;
  std::uint64_t models = 0;
  std::uint64_t self_references = 0;
  std::string key;  // scratch

  std::uint32_t node(std::string_view id) {
    const auto at = names.intern(id);
    if (at >= license.size()) license.resize(at + 1, not_described);
    return at;
  }

  std::uint16_t license_class(const std::vector<std::string_view>& licenses) {
    if (licenses.empty()) return no_license;
    key.clear();
    for (auto l : licenses) {
      key.append(l);
      key.push_back('\n');
    }
    if (auto found = class_of.find(key); found != class_of.end()) return found->second;
    LicenseClass made;
    bool unknown = false;
    for (auto l : licenses) {
      if (auto spdx = hub_license_to_spdx(l))
        made.spdx += (made.spdx.empty() ? "" : " AND ") + std::string(*spdx);
      else
        unknown = true;
    }
    if (unknown) {
      made.spdx.clear();
      made.reason = "the licence '" + key.substr(0, key.size() - 1) + "' is unknown to this tool";
    } else {
      try {
        const auto judged = judge_license(parse_license_expression(made.spdx), criterion, overrides);
        made.freeness = judged.freeness;
        made.reason = judged.reason;
      } catch (const Error& error) {
        made.reason = error.what();
      }
    }
    if (classes.size() >= 0xFFFE) throw std::length_error("more than 65534 distinct licences");
    const auto index = static_cast<std::uint16_t>(classes.size());
    classes.push_back(std::move(made));
    class_of.emplace(key, index);
    return index;
  }
};

HubLineage::HubLineage(LicenseCriterion criterion, LicenseOverrides overrides)
    : state_(std::make_unique<State>()) {
  state_->criterion = criterion;
  state_->overrides = std::move(overrides);
  state_->classes.push_back({"", Freeness::unknown, "no licence is stated"});
  state_->node("");  // node 0 is the empty id
}
HubLineage::~HubLineage() = default;
HubLineage::HubLineage(HubLineage&&) noexcept = default;
HubLineage& HubLineage::operator=(HubLineage&&) noexcept = default;

std::uint64_t HubLineage::model_count() const { return state_->models; }

void HubLineage::add(const HubRecord& record) {
  State& s = *state_;
  const auto model = s.node(record.id);
  if (s.license[model] != not_described) return;  // a second line for it: the first stands
  ++s.models;
  s.license[model] = s.license_class(record.licenses);
  for (auto base : record.base_models) {
    if (base.empty()) continue;
    if (base == record.id) {
      ++s.self_references;
      continue;
    }
    const auto parent = s.node(base);
    s.edge_child.push_back(model);
    s.edge_parent.push_back(parent);
  }
}

std::size_t HubLineage::memory_bytes() const {
  const State& s = *state_;
  return s.names.memory_bytes() + s.license.capacity() * sizeof(std::uint16_t) +
         (s.edge_child.capacity() + s.edge_parent.capacity()) * sizeof(std::uint32_t);
}

LineageReport HubLineage::run(std::size_t sample_limit) {
  State& s = *state_;
  const std::size_t n = s.license.size();
  const std::size_t m = s.edge_child.size();
  LineageReport report;
  report.models = s.models;
  report.self_references = s.self_references;

  auto freeness = [&](std::uint32_t v) {
    return s.license[v] == not_described ? Freeness::unknown : s.classes[s.license[v]].freeness;
  };
  // Children of each node (compressed rows), and parent counts.
  std::vector<std::uint32_t> offset(n + 1, 0), children(m), indegree(n, 0);
  for (std::size_t e = 0; e < m; ++e) {
    ++offset[s.edge_parent[e] + 1];
    ++indegree[s.edge_child[e]];
  }
  for (std::size_t v = 0; v < n; ++v) offset[v + 1] += offset[v];
  {
    std::vector<std::uint32_t> cursor(offset.begin(), offset.end() - 1);
    for (std::size_t e = 0; e < m; ++e) children[cursor[s.edge_parent[e]]++] = s.edge_child[e];
  }
  // Missing ancestors: named, never described.
  for (std::uint32_t v = 1; v < n; ++v)
    if (s.license[v] == not_described)
      report.missing.emplace_back(std::string(s.names.view(v)), offset[v + 1] - offset[v]);

  // Nearest non-free and nearest unknown ancestor, in topological order
  // (Kahn): a node's are final once all its parents are done.
  std::vector<std::uint32_t> bad(n, none), unknown(n, none);
  std::vector<std::uint8_t> bad_distance(n, 0), unknown_distance(n, 0);
  std::vector<std::uint32_t> queue;
  queue.reserve(n);
  for (std::uint32_t v = 0; v < n; ++v)
    if (indegree[v] == 0) queue.push_back(v);
  auto relax = [](std::uint32_t& target, std::uint8_t& distance, std::uint32_t candidate,
                  unsigned candidate_distance) {
    if (candidate == none) return;
    const auto d = static_cast<std::uint8_t>(std::min(candidate_distance, 255u));
    if (target == none || d < distance) {
      target = candidate;
      distance = d;
    }
  };
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t v = queue[head];
    const Freeness f = freeness(v);
    for (auto at = offset[v]; at < offset[v + 1]; ++at) {
      const std::uint32_t c = children[at];
      if (f == Freeness::non_free)
        relax(bad[c], bad_distance[c], v, 1);
      else
        relax(bad[c], bad_distance[c], bad[v], bad_distance[v] + 1u);
      if (f == Freeness::unknown)
        relax(unknown[c], unknown_distance[c], v, 1);
      else
        relax(unknown[c], unknown_distance[c], unknown[v], unknown_distance[v] + 1u);
      if (--indegree[c] == 0) queue.push_back(c);
    }
  }
  // What Kahn's order leaves is on a cycle or below one: a breadth-first
  // search up its parents, each, finds its nearest ancestors (rare on a
  // real hub, so the cost does not matter).
  if (queue.size() < n) {
    std::vector<std::uint8_t> done(n, 0);
    for (auto v : queue) done[v] = 1;
    std::vector<std::uint32_t> parent_offset(n + 1, 0), parents(m);
    for (std::size_t e = 0; e < m; ++e) ++parent_offset[s.edge_child[e] + 1];
    for (std::size_t v = 0; v < n; ++v) parent_offset[v + 1] += parent_offset[v];
    {
      std::vector<std::uint32_t> cursor(parent_offset.begin(), parent_offset.end() - 1);
      for (std::size_t e = 0; e < m; ++e) parents[cursor[s.edge_child[e]]++] = s.edge_parent[e];
    }
    std::vector<std::uint32_t> seen(n, none), level, next;
    for (std::uint32_t v = 0; v < n; ++v) {
      if (done[v]) continue;
      bad[v] = unknown[v] = none;
      level.assign(1, v);
      seen[v] = v;
      bool cyclic = false;
      for (unsigned depth = 1; !level.empty(); ++depth) {
        next.clear();
        for (auto u : level)
          for (auto at = parent_offset[u]; at < parent_offset[u + 1]; ++at) {
            const auto p = parents[at];
            if (p == v) cyclic = true;
            if (seen[p] == v) continue;
            seen[p] = v;
            next.push_back(p);
            const Freeness f = freeness(p);
            if (f == Freeness::non_free) relax(bad[v], bad_distance[v], p, depth);
            if (f == Freeness::unknown) relax(unknown[v], unknown_distance[v], p, depth);
          }
        level.swap(next);
      }
      if (cyclic) report.cyclic.emplace_back(s.names.view(v));
    }
  }

  auto finding = [&](std::uint32_t v, std::uint32_t ancestor, std::uint8_t distance) {
    LineageFinding found;
    found.model = s.names.view(v);
    found.license = s.classes[s.license[v]].spdx;
    found.ancestor = s.names.view(ancestor);
    if (s.license[ancestor] != not_described) {
      found.ancestor_license = s.classes[s.license[ancestor]].spdx;
      found.reason = s.classes[s.license[ancestor]].reason;
    } else {
      found.reason = "no line describes it";
    }
    found.distance = distance;
    return found;
  };
  for (std::uint32_t v = 1; v < n; ++v) {
    if (freeness(v) != Freeness::free) continue;
    ++report.declared_free;
    if (bad[v] != none) {
      report.offending.push_back(finding(v, bad[v], bad_distance[v]));
    } else if (unknown[v] != none) {
      ++report.undetermined;
      if (report.undetermined_sample.size() < sample_limit)
        report.undetermined_sample.push_back(finding(v, unknown[v], unknown_distance[v]));
    }
  }
  return report;
}

}  // namespace model_provenance::interchange
