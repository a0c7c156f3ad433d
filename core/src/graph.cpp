// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/graph.hpp"

#include "model-provenance/license.hpp"
#include "model-provenance/lineage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <deque>
#include <limits>
#include <unordered_map>
#include <utility>

namespace model_provenance {

using detail::ArtifactRecord;
using detail::StepLink;
using detail::StepRecord;
using detail::StringId;

namespace {

// The builder numbers artifacts and steps separately, since the number of
// artifacts (and so the first step's node) is known only when freezing.
constexpr std::uint32_t step_flag = 0x8000'0000;
// Marks a step link that still holds the name of its artifact, not its number.
constexpr std::uint32_t unresolved_flag = 0x8000'0000;
constexpr double unknown_number = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void reject(ProblemCode code, std::string message, std::vector<std::string> ids,
                         std::string field) {
  throw Error({code, std::move(message), std::move(ids), std::move(field)});
}

std::string normalized_sha256(const std::string& id, const std::string& hash) {
  std::string lower;
  lower.reserve(hash.size());
  for (unsigned char c : hash) lower.push_back(static_cast<char>(std::tolower(c)));
  const bool hex = std::all_of(lower.begin(), lower.end(),
                               [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  if (lower.size() != 64 || !hex)
    reject(ProblemCode::invalid_value,
           fmt::format("artifact '{}': sha256 must be 64 hexadecimal digits, got '{}'", id, hash),
           {id}, "sha256");
  return lower;
}

void check_number(const std::string& step_id, std::optional<double> value, const char* field) {
  if (value && !(std::isfinite(*value) && *value >= 0))
    reject(ProblemCode::invalid_value,
           fmt::format("step '{}': {} must be a finite number >= 0, got {}", step_id, field, *value),
           {step_id}, field);
}

std::string_view article_kind(ArtifactKind kind) {
  switch (kind) {
    case ArtifactKind::weights: return "weights";
    case ArtifactKind::dataset: return "a dataset";
    case ArtifactKind::software: return "software";
    case ArtifactKind::document: return "a document";
  }
  return "an artifact";
}

// The artifact kind a role expects of its input.
ArtifactKind expected_kind(InputRole role) {
  switch (role) {
    case InputRole::software: return ArtifactKind::software;
    case InputRole::training_data: return ArtifactKind::dataset;
    case InputRole::initial_weights:
    case InputRole::teacher_weights:
    case InputRole::generator_weights: return ArtifactKind::weights;
    case InputRole::document: return ArtifactKind::document;
  }
  return ArtifactKind::weights;
}

}  // namespace

// ---------------------------------------------------------------- builder

GraphBuilder::GraphBuilder(BuilderOptions options) : options_(options) {}

std::string_view GraphBuilder::id_of(std::uint32_t encoded_node) const {
  return tables_.strings.view(encoded_node & step_flag
                                  ? tables_.steps[encoded_node & ~step_flag].id
                                  : tables_.artifacts[encoded_node].id);
}

void GraphBuilder::check_id_free(std::string_view id) const {
  auto key_of = [this](std::uint32_t value) { return id_of(value); };
  if (auto existing = index_.find(id, key_of))
    reject(ProblemCode::duplicate_id,
           fmt::format("id '{}' is already used by {}", id,
                       *existing & step_flag ? "a step" : "an artifact"),
           {std::string(id)}, "id");
  if (artifact_count() + step_count() >= step_flag)
    reject(ProblemCode::invalid_value, "too many nodes for one graph (2^31)", {std::string(id)},
           "id");
}

// Called once the node's record is in its table: the index reads ids
// through the records, and a step's own outputs are looked up before.
void GraphBuilder::index_id(std::string_view id, std::uint32_t encoded_node) {
  index_.insert(id, encoded_node, [this](std::uint32_t value) { return id_of(value); });
}

std::uint32_t GraphBuilder::add_sources(const std::vector<Source>& sources) {
  const auto first = static_cast<std::uint32_t>(tables_.sources.size());
  for (const Source& source : sources)
    tables_.sources.push_back({tables_.strings.intern(source.url),
                               tables_.strings.intern(source.date),
                               tables_.strings.intern(source.about)});
  return first;
}

namespace {

// Ids go into messages, DOT and JSON: a control character in one (a
// newline, an escape) would garble them, so none is accepted.  The
// message shows it escaped.
void check_id_text(const std::string& id, std::string_view what, std::string_view field) {
  const auto control = [](unsigned char c) { return c < 0x20 || c == 0x7F; };
  if (std::none_of(id.begin(), id.end(), control)) return;
  std::string shown;
  for (unsigned char c : id) shown += control(c) ? fmt::format("\\x{:02X}", c) : std::string(1, c);
  reject(ProblemCode::invalid_value, fmt::format("{} '{}' contains a control character", what, shown),
         {}, std::string(field));
}

}  // namespace

void GraphBuilder::add(const Artifact& artifact) {
  const std::string& id = artifact.id;
  if (id.empty()) reject(ProblemCode::invalid_value, "an artifact has an empty id", {}, "id");
  check_id_text(id, "artifact id", "id");
  std::string sha256 = artifact.sha256 ? normalized_sha256(id, *artifact.sha256) : std::string();
  if (artifact.license && artifact.license->empty())
    reject(ProblemCode::invalid_value,
           fmt::format("artifact '{}': license is empty; leave it out if it is unknown", id), {id},
           "license");
  if (artifact.license) {
    try {
      parse_license_expression(*artifact.license);
    } catch (const Error& error) {
      reject(ProblemCode::invalid_value, fmt::format("artifact '{}': {}", id, error.problem().message),
             {id, *artifact.license}, "license");
    }
  }
  if (!artifact.backends.empty() && artifact.kind != ArtifactKind::software)
    reject(ProblemCode::invalid_value,
           fmt::format("artifact '{}' is {}; only software runs on compute backends", id,
                       article_kind(artifact.kind)),
           {id}, "backends");
  for (const auto& backend : artifact.backends)
    if (backend.backend.empty())
      reject(ProblemCode::invalid_value, fmt::format("artifact '{}': a backend has no name", id),
             {id}, "backends");
  for (const auto& uri : artifact.uris)
    if (uri.empty())
      reject(ProblemCode::invalid_value, fmt::format("artifact '{}': a URI is empty", id), {id},
             "uris");
  for (const auto& source : artifact.sources)
    if (source.url.empty())
      reject(ProblemCode::invalid_value, fmt::format("artifact '{}': a source has no URL", id),
             {id}, "sources");
  if (artifact.kind != ArtifactKind::document && artifact.document_kind != DocumentKind::other)
    reject(ProblemCode::invalid_value,
           fmt::format("artifact '{}' is {}; only documents have a document kind ({})", id,
                       article_kind(artifact.kind), to_string(artifact.document_kind)),
           {id}, "document-kind");
  if (artifact.kind != ArtifactKind::document && !artifact.describes.empty())
    reject(ProblemCode::invalid_value,
           fmt::format("artifact '{}' is {}; only documents describe other artifacts", id,
                       article_kind(artifact.kind)),
           {id}, "describes");
  for (auto described = artifact.describes.begin(); described != artifact.describes.end(); ++described) {
    check_id_text(*described, "described id", "describes");
    if (described->empty())
      reject(ProblemCode::invalid_value, fmt::format("document '{}': a described id is empty", id),
             {id}, "describes");
    if (*described == id)
      reject(ProblemCode::invalid_value, fmt::format("document '{}' describes itself", id), {id},
             "describes");
    if (std::find(artifact.describes.begin(), described, *described) != described)
      reject(ProblemCode::invalid_value,
             fmt::format("document '{}' lists '{}' twice in describes", id, *described),
             {id, *described}, "describes");
  }

  check_id_free(id);
  auto& strings = tables_.strings;
  ArtifactRecord record{};
  record.id = strings.add(id);
  record.name = strings.add(artifact.name);
  record.version = strings.intern(artifact.version);
  record.license = artifact.license ? strings.intern(*artifact.license) : detail::unknown_string;
  record.sha256 = artifact.sha256 ? strings.add(sha256) : detail::unknown_string;
  record.format = strings.intern(artifact.format);
  record.guix_package =
      artifact.guix_package ? strings.intern(*artifact.guix_package) : detail::unknown_string;
  record.notes = strings.add(artifact.notes);
  record.size_bytes = artifact.size_bytes.value_or(detail::unknown_size);
  record.first_uri = static_cast<std::uint32_t>(tables_.uris.size());
  record.uri_count = static_cast<std::uint32_t>(artifact.uris.size());
  for (const auto& uri : artifact.uris) tables_.uris.push_back(strings.add(uri));
  record.first_source = add_sources(artifact.sources);
  record.source_count = static_cast<std::uint32_t>(artifact.sources.size());
  record.first_backend = static_cast<std::uint32_t>(tables_.backends.size());
  record.backend_count = static_cast<std::uint32_t>(artifact.backends.size());
  for (const auto& backend : artifact.backends)
    tables_.backends.push_back({strings.intern(backend.backend), backend.needs_proprietary});
  record.kind = artifact.kind;
  record.availability = artifact.availability;
  record.document_kind = artifact.document_kind;
  tables_.artifacts.push_back(record);
  const auto self = static_cast<std::uint32_t>(artifact_count() - 1);
  index_id(id, self);
  // Like step links: resolved now when the artifact is known, else a name.
  for (const auto& described : artifact.describes) {
    auto found = index_.find(described, [this](std::uint32_t value) { return id_of(value); });
    tables_.descriptions.push_back(
        {self, found && !(*found & step_flag) ? *found : (strings.add(described) | unresolved_flag)});
  }
}

void GraphBuilder::add(const Step& step) {
  const std::string& id = step.id;
  if (id.empty()) reject(ProblemCode::invalid_value, "a step has an empty id", {}, "id");
  check_id_text(id, "step id", "id");
  for (const auto& input : step.inputs) check_id_text(input.artifact, "input id", "inputs");
  for (const auto& output : step.outputs) check_id_text(output, "output id", "outputs");
  if (step.outputs.empty())
    reject(ProblemCode::invalid_value, fmt::format("step '{}' produces nothing", id), {id},
           "outputs");
  for (const auto& input : step.inputs) {
    if (input.artifact.empty())
      reject(ProblemCode::invalid_value, fmt::format("step '{}': an input has an empty id", id),
             {id}, "inputs");
    if (std::find(step.outputs.begin(), step.outputs.end(), input.artifact) != step.outputs.end())
      reject(ProblemCode::self_consumption,
             fmt::format("step '{}' consumes its own output '{}'", id, input.artifact),
             {id, input.artifact}, "inputs");
  }
  for (auto output = step.outputs.begin(); output != step.outputs.end(); ++output) {
    if (output->empty())
      reject(ProblemCode::invalid_value, fmt::format("step '{}': an output has an empty id", id),
             {id}, "outputs");
    if (std::find(step.outputs.begin(), output, *output) != output)
      reject(ProblemCode::invalid_value,
             fmt::format("step '{}' lists output '{}' twice", id, *output), {id, *output},
             "outputs");
  }
  const Compute& compute = step.compute;
  check_number(id, compute.flops, "compute.flops");
  check_number(id, compute.hours, "compute.hours");
  if (compute.hours && compute.hardware_profile.empty())
    reject(ProblemCode::invalid_value,
           fmt::format("step '{}': compute given in hours needs the hardware profile they were "
                       "measured on",
                       id),
           {id}, "compute.hardware-profile");
  for (const auto& source : step.sources)
    if (source.url.empty())
      reject(ProblemCode::invalid_value, fmt::format("step '{}': a source has no URL", id), {id},
             "sources");

  check_id_free(id);
  auto& strings = tables_.strings;
  StepRecord record{};
  record.id = strings.add(id);
  record.notes = strings.add(step.notes);
  record.hardware_profile = strings.intern(compute.hardware_profile);
  record.kind = step.kind;
  record.flops = compute.flops.value_or(unknown_number);
  record.hours = compute.hours.value_or(unknown_number);
  record.peak_memory_bytes = compute.peak_memory_bytes.value_or(detail::unknown_size);
  record.storage_bytes = compute.storage_bytes.value_or(detail::unknown_size);
  record.first_link = static_cast<std::uint32_t>(tables_.links.size());
  record.input_count = static_cast<std::uint32_t>(step.inputs.size());
  record.output_count = static_cast<std::uint32_t>(step.outputs.size());
  // A reference to an artifact already added is resolved now; one that may
  // point forward stays a name until freeze().
  auto reference = [this](const std::string& artifact_id) {
    auto found = index_.find(artifact_id, [this](std::uint32_t value) { return id_of(value); });
    if (found && !(*found & step_flag)) return *found;
    return tables_.strings.add(artifact_id) | unresolved_flag;
  };
  for (const auto& input : step.inputs) tables_.links.push_back({reference(input.artifact), input.role});
  for (const auto& output : step.outputs)
    tables_.links.push_back({reference(output), InputRole::training_data});
  record.first_source = add_sources(step.sources);
  record.source_count = static_cast<std::uint32_t>(step.sources.size());
  tables_.steps.push_back(record);
  index_id(id, static_cast<std::uint32_t>(step_count() - 1) | step_flag);
}

namespace {

// Whether Kahn's algorithm orders every node, i.e. the graph is acyclic:
// a pass over the CSR arrays, with no search stack.
bool all_ordered(const DerivationGraph& graph) {
  const auto& in_start = graph.m_backward.m_rowstart;
  const auto& out_start = graph.m_forward.m_rowstart;
  const auto& out_target = graph.m_forward.m_column;
  const auto node_count = static_cast<NodeId>(in_start.size() - 1);
  std::vector<std::uint32_t> waiting(node_count);
  std::vector<NodeId> ready;
  for (NodeId node = 0; node < node_count; ++node) {
    waiting[node] = in_start[node + 1] - in_start[node];
    if (waiting[node] == 0) ready.push_back(node);
  }
  std::size_t ordered = 0;
  while (!ready.empty()) {
    const NodeId node = ready.back();
    ready.pop_back();
    ++ordered;
    for (std::uint32_t e = out_start[node]; e < out_start[node + 1]; ++e)
      if (--waiting[out_target[e]] == 0) ready.push_back(out_target[e]);
  }
  return ordered == node_count;
}

// One cycle through `start`, found by a breadth-first search that stays in
// start's strongly connected component.
std::vector<NodeId> cycle_through(const DerivationGraph& graph, NodeId start,
                                  const std::vector<std::uint32_t>& component) {
  std::unordered_map<NodeId, NodeId> parent;
  std::deque<NodeId> queue{start};
  while (!queue.empty()) {
    NodeId node = queue.front();
    queue.pop_front();
    for (auto edge : boost::make_iterator_range(out_edges(node, graph))) {
      NodeId next = target(edge, graph);
      if (component[next] != component[start]) continue;
      if (next == start) {
        std::vector<NodeId> cycle{start};
        for (NodeId back = node; back != start; back = parent[back]) cycle.push_back(back);
        cycle.push_back(start);
        std::reverse(cycle.begin() + 1, cycle.end() - 1);
        return cycle;
      }
      if (parent.emplace(next, node).second) queue.push_back(next);
    }
  }
  return {start};
}

}  // namespace

std::shared_ptr<const Snapshot> GraphBuilder::freeze() {
  std::shared_ptr<Snapshot> snapshot(new Snapshot());
  snapshot->tables_ = std::exchange(tables_, detail::GraphTables{});
  snapshot->index_ = std::exchange(index_, detail::IdIndex{});
  detail::GraphTables& tables = snapshot->tables_;
  const auto artifact_count = static_cast<std::uint32_t>(tables.artifacts.size());
  auto key_of = [&tables](std::uint32_t value) {
    return value & step_flag ? tables.strings.view(tables.steps[value & ~step_flag].id)
                             : tables.strings.view(tables.artifacts[value].id);
  };

  std::vector<Problem> problems;
  for (const StepRecord& step : tables.steps) {
    const std::string step_id(tables.strings.view(step.id));
    const std::uint32_t end = step.first_link + step.input_count + step.output_count;
    for (std::uint32_t i = step.first_link; i < end; ++i) {
      StepLink& link = tables.links[i];
      const bool is_input = i < step.first_link + step.input_count;
      const char* field = is_input ? "inputs" : "outputs";
      const bool resolved = !(link.artifact & unresolved_flag);
      const std::string name(resolved ? tables.strings.view(tables.artifacts[link.artifact].id)
                                      : tables.strings.view(link.artifact & ~unresolved_flag));
      auto found = resolved ? std::optional(link.artifact) : snapshot->index_.find(name, key_of);
      if (!found) {
        problems.push_back({ProblemCode::unknown_reference,
                            fmt::format("step '{}' names unknown artifact '{}'", step_id, name),
                            {step_id, name}, field});
        continue;
      }
      if (*found & step_flag) {
        problems.push_back(
            {ProblemCode::invalid_value,
             fmt::format("step '{}' names '{}', which is a step, not an artifact", step_id, name),
             {step_id, name}, field});
        continue;
      }
      link.artifact = *found;
      const ArtifactKind kind = tables.artifacts[*found].kind;
      if (is_input && kind != expected_kind(link.role))
        problems.push_back({ProblemCode::invalid_value,
                            fmt::format("step '{}' uses '{}' ({}) as {}; {} expects {}", step_id,
                                        name, article_kind(kind), to_string(link.role),
                                        to_string(link.role), article_kind(expected_kind(link.role))),
                            {step_id, name}, field});
    }
  }
  for (detail::Description& description : tables.descriptions) {
    const std::string document_id(tables.strings.view(tables.artifacts[description.document].id));
    if (!(description.described & unresolved_flag)) continue;
    const std::string name(tables.strings.view(description.described & ~unresolved_flag));
    auto found = snapshot->index_.find(name, key_of);
    if (!found) {
      problems.push_back({ProblemCode::unknown_reference,
                          fmt::format("document '{}' describes unknown artifact '{}'", document_id, name),
                          {document_id, name}, "describes"});
    } else if (*found & step_flag) {
      problems.push_back(
          {ProblemCode::invalid_value,
           fmt::format("document '{}' describes '{}', which is a step, not an artifact", document_id, name),
           {document_id, name}, "describes"});
    } else {
      description.described = *found;
    }
  }
  if (!problems.empty()) throw ValidationError(std::move(problems));
  auto by = [](auto first, auto second) {
    return [first, second](const detail::Description& a, const detail::Description& b) {
      return std::pair(a.*first, a.*second) < std::pair(b.*first, b.*second);
    };
  };
  std::sort(tables.descriptions.begin(), tables.descriptions.end(),
            by(&detail::Description::document, &detail::Description::described));
  tables.by_described = tables.descriptions;
  std::sort(tables.by_described.begin(), tables.by_described.end(),
            by(&detail::Description::described, &detail::Description::document));

  tables.strings.seal();
  tables.uris.shrink_to_fit();
  tables.artifacts.shrink_to_fit();
  tables.steps.shrink_to_fit();
  tables.sources.shrink_to_fit();
  tables.backends.shrink_to_fit();
  tables.links.shrink_to_fit();
  tables.descriptions.shrink_to_fit();

  snapshot->index_.renumber([artifact_count](std::uint32_t value) {
    return value & step_flag ? artifact_count + (value & ~step_flag) : value;
  });

  std::vector<std::pair<NodeId, NodeId>> edges;
  edges.reserve(tables.links.size());
  for (std::uint32_t s = 0; s < tables.steps.size(); ++s) {
    const StepRecord& step = tables.steps[s];
    const NodeId step_node = artifact_count + s;
    for (std::uint32_t i = 0; i < step.input_count + step.output_count; ++i) {
      const NodeId artifact = tables.links[step.first_link + i].artifact;
      edges.emplace_back(i < step.input_count ? std::pair{artifact, step_node}
                                              : std::pair{step_node, artifact});
    }
  }
  const auto node_count = static_cast<NodeId>(artifact_count + tables.steps.size());
  snapshot->graph_ = DerivationGraph(boost::edges_are_unsorted_multi_pass, edges.begin(),
                                     edges.end(), node_count);
  edges = {};
  // Boost lists a step's in-edges by source; list them in the order of its
  // inputs instead, so that walks read a step's inputs from the CSR arrays
  // alone, in the order the step gave them.  Each in-edge keeps the number
  // of a forward edge with the same ends.
  {
    auto& backward = snapshot->graph_.m_backward;
    std::vector<std::pair<NodeId, std::uint32_t>> row;  // source, forward edge
    std::vector<std::uint32_t> by_artifact;             // input positions
    for (std::uint32_t s = 0; s < tables.steps.size(); ++s) {
      const NodeId step_node = artifact_count + s;
      const std::uint32_t begin = backward.m_rowstart[step_node];
      const std::uint32_t end = backward.m_rowstart[step_node + 1];
      const StepLink* inputs = tables.links.data() + tables.steps[s].first_link;
      row.clear();
      by_artifact.clear();
      for (std::uint32_t e = begin; e < end; ++e) {
        row.emplace_back(backward.m_column[e], backward.m_edge_properties[e]);
        by_artifact.push_back(e - begin);
      }
      std::stable_sort(row.begin(), row.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      std::stable_sort(by_artifact.begin(), by_artifact.end(), [inputs](std::uint32_t a, std::uint32_t b) {
        return inputs[a].artifact < inputs[b].artifact;
      });
      for (std::uint32_t i = 0; i < row.size(); ++i) {
        backward.m_column[begin + by_artifact[i]] = row[i].first;
        backward.m_edge_properties[begin + by_artifact[i]] = row[i].second;
      }
    }
  }

  if (!all_ordered(snapshot->graph_)) {
    const StrongComponents components = strongly_connected_components(*snapshot);
    const std::vector<std::uint32_t>& component = components.component_of;
    const std::uint32_t component_count = components.count;
    std::vector<std::uint32_t> members(component_count, 0);
    for (std::uint32_t c : component) ++members[c];
    std::vector<bool> reported(component_count, false);
    for (NodeId node = 0; node < node_count; ++node) {
      const std::uint32_t c = component[node];
      if (members[c] < 2 || reported[c]) continue;
      reported[c] = true;
      std::vector<std::string> ids;
      std::string path;
      for (NodeId member : cycle_through(snapshot->graph_, node, component)) {
        ids.emplace_back(snapshot->id(member));
        path += (path.empty() ? "" : " -> ") + ids.back();
      }
      ids.pop_back();  // the start is repeated at the end of the path
      problems.push_back({ProblemCode::cycle,
                          fmt::format("derivations form a cycle: {}", path), std::move(ids),
                          "inputs"});
    }
    snapshot->acyclic_ = problems.empty();
    if (!problems.empty() && !options_.allow_cycles) throw ValidationError(std::move(problems));
  }
  return snapshot;
}

// --------------------------------------------------------------- snapshot

std::optional<NodeId> Snapshot::find(std::string_view id) const {
  return index_.find(id, [this](NodeId node) { return this->id(node); });
}

NodeId Snapshot::node(std::string_view id) const {
  if (auto found = find(id)) return *found;
  throw Error({ProblemCode::unknown_id, fmt::format("no artifact or step has id '{}'", id),
               {std::string(id)}, "id"});
}

std::string_view Snapshot::id(NodeId node) const {
  return tables_.strings.view(is_step(node) ? tables_.steps[node - artifact_count()].id
                                            : tables_.artifacts[node].id);
}

const ArtifactRecord& Snapshot::artifact_record(NodeId node) const {
  if (!is_artifact(node))
    throw Error({ProblemCode::invalid_value, fmt::format("node {} is not an artifact", node), {},
                 "node"});
  return tables_.artifacts[node];
}

void Snapshot::reject_non_step(NodeId node) const {
  throw Error({ProblemCode::invalid_value, fmt::format("node {} is not a step", node), {}, "node"});
}

std::optional<std::string_view> Snapshot::license(NodeId artifact) const {
  const StringId license = artifact_record(artifact).license;
  if (license == detail::unknown_string) return std::nullopt;
  return tables_.strings.view(license);
}

std::optional<std::string> Snapshot::optional_string(StringId id) const {
  if (id == detail::unknown_string) return std::nullopt;
  return std::string(tables_.strings.view(id));
}

std::vector<Source> Snapshot::sources(std::uint32_t first, std::uint32_t count) const {
  std::vector<Source> result;
  for (std::uint32_t i = first; i < first + count; ++i) {
    const auto& source = tables_.sources[i];
    result.push_back({std::string(tables_.strings.view(source.url)),
                      std::string(tables_.strings.view(source.date)),
                      std::string(tables_.strings.view(source.about))});
  }
  return result;
}

Artifact Snapshot::artifact(NodeId node) const {
  const ArtifactRecord& record = artifact_record(node);
  const auto& strings = tables_.strings;
  Artifact artifact;
  artifact.id = strings.view(record.id);
  artifact.kind = record.kind;
  artifact.name = strings.view(record.name);
  artifact.version = strings.view(record.version);
  artifact.license = optional_string(record.license);
  artifact.sha256 = optional_string(record.sha256);
  for (std::uint32_t i = 0; i < record.uri_count; ++i)
    artifact.uris.emplace_back(strings.view(tables_.uris[record.first_uri + i]));
  artifact.format = strings.view(record.format);
  artifact.availability = record.availability;
  artifact.guix_package = optional_string(record.guix_package);
  if (record.size_bytes != detail::unknown_size) artifact.size_bytes = record.size_bytes;
  artifact.notes = strings.view(record.notes);
  artifact.sources = sources(record.first_source, record.source_count);
  for (std::uint32_t i = 0; i < record.backend_count; ++i) {
    const auto& backend = tables_.backends[record.first_backend + i];
    artifact.backends.push_back({std::string(strings.view(backend.backend)),
                                 backend.needs_proprietary});
  }
  artifact.document_kind = record.document_kind;
  for (NodeId described : this->described(node)) artifact.describes.emplace_back(id(described));
  return artifact;
}

Snapshot::ComputeView Snapshot::compute_view(NodeId node) const {
  const StepRecord& record = step_record(node);
  ComputeView view;
  if (!std::isnan(record.flops)) view.flops = record.flops;
  if (!std::isnan(record.hours)) view.hours = record.hours;
  view.hardware_profile = tables_.strings.view(record.hardware_profile);
  if (record.peak_memory_bytes != detail::unknown_size) view.peak_memory_bytes = record.peak_memory_bytes;
  if (record.storage_bytes != detail::unknown_size) view.storage_bytes = record.storage_bytes;
  return view;
}

std::span<const detail::BackendRecord> Snapshot::backends(NodeId artifact) const {
  const ArtifactRecord& record = artifact_record(artifact);
  return {tables_.backends.data() + record.first_backend, record.backend_count};
}

Compute Snapshot::compute(NodeId node) const {
  const ComputeView view = compute_view(node);
  return {view.flops, view.hours, std::string(view.hardware_profile), view.peak_memory_bytes,
          view.storage_bytes};
}

Step Snapshot::step(NodeId node) const {
  const StepRecord& record = step_record(node);
  Step step;
  step.id = tables_.strings.view(record.id);
  step.kind = record.kind;
  for (const StepLink& link : inputs(node)) step.inputs.push_back({std::string(id(link.artifact)), link.role});
  for (const StepLink& link : outputs(node)) step.outputs.emplace_back(id(link.artifact));
  step.compute = compute(node);
  step.notes = tables_.strings.view(record.notes);
  step.sources = sources(record.first_source, record.source_count);
  return step;
}

std::vector<NodeId> Snapshot::producers(NodeId artifact) const {
  artifact_record(artifact);
  std::vector<NodeId> steps;
  for (auto edge : boost::make_iterator_range(in_edges(artifact, graph_)))
    steps.push_back(source(edge, graph_));
  return steps;
}

std::vector<NodeId> Snapshot::consumers(NodeId artifact) const {
  artifact_record(artifact);
  std::vector<NodeId> steps;
  for (auto edge : boost::make_iterator_range(out_edges(artifact, graph_)))
    steps.push_back(target(edge, graph_));
  // A step that uses the artifact in two roles has two edges from it.
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  return steps;
}

namespace {

// The nodes paired with `node` in pairs sorted by `key`, in node order.
std::vector<NodeId> paired(const std::vector<detail::Description>& pairs, NodeId node,
                           std::uint32_t detail::Description::*key, std::uint32_t detail::Description::*other) {
  auto first = std::lower_bound(pairs.begin(), pairs.end(), node,
                                [key](const detail::Description& d, NodeId n) { return d.*key < n; });
  std::vector<NodeId> nodes;
  for (; first != pairs.end() && (*first).*key == node; ++first) nodes.push_back((*first).*other);
  return nodes;
}

}  // namespace

std::vector<NodeId> Snapshot::described(NodeId document) const {
  artifact_record(document);
  return paired(tables_.descriptions, document, &detail::Description::document,
                &detail::Description::described);
}

std::vector<NodeId> Snapshot::documents_of(NodeId artifact) const {
  artifact_record(artifact);
  return paired(tables_.by_described, artifact, &detail::Description::described,
                &detail::Description::document);
}

std::size_t Snapshot::memory_bytes() const {
  // Forward and backward row starts, forward targets, backward sources and
  // backward-to-forward edge numbers, as allocated.
  auto bytes = [](const auto& vector) { return vector.capacity() * sizeof(vector[0]); };
  const std::size_t structure = bytes(graph_.m_forward.m_rowstart) + bytes(graph_.m_forward.m_column) +
                                bytes(graph_.m_backward.m_rowstart) + bytes(graph_.m_backward.m_column) +
                                graph_.m_backward.m_edge_properties.capacity() * sizeof(std::uint32_t);
  return structure + index_.memory_bytes() + tables_.strings.memory_bytes() +
         tables_.artifacts.capacity() * sizeof(ArtifactRecord) +
         tables_.steps.capacity() * sizeof(StepRecord) +
         tables_.uris.capacity() * sizeof(StringId) +
         tables_.sources.capacity() * sizeof(detail::SourceRecord) +
         tables_.backends.capacity() * sizeof(detail::BackendRecord) +
         tables_.links.capacity() * sizeof(StepLink) +
         (tables_.descriptions.capacity() + tables_.by_described.capacity()) * sizeof(detail::Description);
}

}  // namespace model_provenance
