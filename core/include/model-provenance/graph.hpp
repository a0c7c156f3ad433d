// SPDX-License-Identifier: GPL-3.0-or-later
// The provenance graph: a builder that validates additions, and the
// immutable snapshot it freezes into.
//
// The graph is an AND/OR graph.  Artifacts (weights, data sets, software,
// documents) are OR nodes: any one of their producing steps yields them.
// Steps (training, fine-tuning, ...) are AND nodes: they need all their
// inputs.  Edges follow derivation: input artifact -> step -> output
// artifact.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "model-provenance/detail/id_index.hpp"
#include "model-provenance/detail/string_table.hpp"
#include "model-provenance/error.hpp"
#include "model-provenance/types.hpp"

namespace model_provenance {

// A node of one snapshot: artifacts are numbered [0, artifact_count()),
// steps [artifact_count(), node_count()).  Numbers are local to a snapshot;
// string ids are what stay stable across snapshots and languages.
using NodeId = std::uint32_t;

namespace detail {

struct ArtifactRecord {
  StringId id, name, version, license, sha256, format, guix_package, notes;
  std::uint64_t size_bytes;
  std::uint32_t first_uri, uri_count;
  std::uint32_t first_source, source_count;
  std::uint32_t first_backend, backend_count;
  ArtifactKind kind;
  Availability availability;
  DocumentKind document_kind;
};

struct StepRecord {
  StringId id, notes, hardware_profile;
  StepKind kind;
  double flops, hours;  // NaN: unknown
  std::uint64_t peak_memory_bytes, storage_bytes;  // unknown_size: unknown
  std::uint32_t first_link, input_count, output_count;
  std::uint32_t first_source, source_count;
};

struct SourceRecord {
  StringId url, date, about;
};

struct BackendRecord {
  StringId backend;
  bool needs_proprietary;
};

// A step's input (with its role) or output: the artifact's NodeId, or
// before freezing possibly the StringId of its id (see GraphBuilder).
struct StepLink {
  std::uint32_t artifact;
  InputRole role;
};

// A document and an artifact it describes; before freezing, `described`
// may be the StringId of its id, like a StepLink's artifact.
struct Description {
  std::uint32_t document;
  std::uint32_t described;
  friend bool operator==(const Description&, const Description&) = default;
};

constexpr std::uint64_t unknown_size = ~std::uint64_t{0};

// Everything but the structure, shared by builder and snapshot.
struct GraphTables {
  StringTable strings;
  std::vector<ArtifactRecord> artifacts;
  std::vector<StepRecord> steps;
  std::vector<StringId> uris;
  std::vector<SourceRecord> sources;
  std::vector<BackendRecord> backends;
  std::vector<StepLink> links;
  // Sorted by document once frozen; by_described holds the same pairs
  // sorted by the artifact described.
  std::vector<Description> descriptions;
  std::vector<Description> by_described;
};

}  // namespace detail

// The frozen structure, handed to Boost.Graph algorithms.
using DerivationGraph =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                       boost::no_property, boost::no_property, NodeId, std::uint32_t>;

// An input of a step, resolved to a node.
struct ResolvedInput {
  NodeId artifact;
  InputRole role;
};

// Immutable once built: every member function is const and safe to call from
// many threads at once.
class Snapshot {
 public:
  std::size_t artifact_count() const { return tables_.artifacts.size(); }
  std::size_t step_count() const { return tables_.steps.size(); }
  std::size_t node_count() const { return artifact_count() + step_count(); }
  bool is_step(NodeId node) const { return node >= artifact_count(); }
  bool is_artifact(NodeId node) const { return node < artifact_count(); }
  bool contains(NodeId node) const { return node < node_count(); }
  // False only for graphs frozen with cycles allowed that have some.
  bool acyclic() const { return acyclic_; }

  std::optional<NodeId> find(std::string_view id) const;
  // Like find, but an unknown id is an Error naming it.
  NodeId node(std::string_view id) const;
  std::string_view id(NodeId node) const;

  // Fast reads for queries and evaluation.  `artifact` must be an artifact
  // node and `step` a step node.
  ArtifactKind artifact_kind(NodeId artifact) const { return artifact_record(artifact).kind; }
  Availability availability(NodeId artifact) const { return artifact_record(artifact).availability; }
  DocumentKind document_kind(NodeId artifact) const { return artifact_record(artifact).document_kind; }
  std::optional<std::string_view> license(NodeId artifact) const;
  StepKind step_kind(NodeId step) const { return step_record(step).kind; }
  // Inline: the evaluator calls these a few times per step and edge.  They
  // read the CSR row starts, not the step's record: a step's links sit
  // after those of the steps before it, and its inputs (outputs) are its
  // in-edges (out-edges), so the rows give both where they begin and how
  // many there are.
  std::span<const detail::StepLink> inputs(NodeId step) const {
    check_step(step);
    return {tables_.links.data() + first_link(step), in_degree(step)};
  }
  std::span<const detail::StepLink> outputs(NodeId step) const {
    check_step(step);
    return {tables_.links.data() + first_link(step) + in_degree(step), out_degree(step)};
  }

  // Compute of a step without copying strings; the view lives as long as
  // the snapshot.
  struct ComputeView {
    std::optional<double> flops;
    std::optional<double> hours;
    std::string_view hardware_profile;
    std::optional<std::uint64_t> peak_memory_bytes;
    std::optional<std::uint64_t> storage_bytes;
  };
  ComputeView compute_view(NodeId step) const;
  // The backends software runs on, as names and proprietary flags.
  std::span<const detail::BackendRecord> backends(NodeId artifact) const;
  std::string_view text(detail::StringId id) const { return tables_.strings.view(id); }
  std::string_view format(NodeId artifact) const { return text(artifact_record(artifact).format); }

  // Full copies, as they were added (with references as ids).
  Artifact artifact(NodeId artifact) const;
  Step step(NodeId step) const;
  Compute compute(NodeId step) const;

  // Steps producing an artifact, and steps consuming it.
  std::vector<NodeId> producers(NodeId artifact) const;
  std::vector<NodeId> consumers(NodeId artifact) const;

  // What a document describes, and the documents describing an artifact,
  // in node order.  Descriptions are no derivation: lineage queries do not
  // follow them.
  std::vector<NodeId> described(NodeId document) const;
  std::vector<NodeId> documents_of(NodeId artifact) const;
  bool has_documents() const { return !tables_.descriptions.empty(); }

  const DerivationGraph& graph() const { return graph_; }
  // Approximate heap bytes held, for benchmarks.
  std::size_t memory_bytes() const;

 private:
  friend class GraphBuilder;
  Snapshot() = default;

  const detail::ArtifactRecord& artifact_record(NodeId node) const;
  const detail::StepRecord& step_record(NodeId node) const {
    check_step(node);
    return tables_.steps[node - artifact_count()];
  }
  void check_step(NodeId node) const {
    if (!is_step(node) || !contains(node)) reject_non_step(node);
  }
  std::uint32_t in_degree(NodeId node) const {
    const auto& starts = graph_.m_backward.m_rowstart;
    return starts[node + 1] - starts[node];
  }
  std::uint32_t out_degree(NodeId node) const {
    const auto& starts = graph_.m_forward.m_rowstart;
    return starts[node + 1] - starts[node];
  }
  // Where a step's links begin: the inputs and outputs of the steps before.
  std::uint32_t first_link(NodeId step) const {
    const auto first_step = static_cast<NodeId>(artifact_count());
    return (graph_.m_backward.m_rowstart[step] - graph_.m_backward.m_rowstart[first_step]) +
           (graph_.m_forward.m_rowstart[step] - graph_.m_forward.m_rowstart[first_step]);
  }
  [[noreturn]] void reject_non_step(NodeId node) const;
  std::vector<Source> sources(std::uint32_t first, std::uint32_t count) const;
  std::optional<std::string> optional_string(detail::StringId id) const;

  detail::GraphTables tables_;
  detail::IdIndex index_;
  DerivationGraph graph_;
  bool acyclic_ = true;
};

struct BuilderOptions {
  // Self-play loops are sometimes recorded as a cycle (net -> games -> net).
  // By default a cycle is an error; the evaluator copes with either.
  bool allow_cycles = false;
};

// Collects artifacts and steps.  add() rejects at once what is wrong in the
// addition itself (Error); freeze() rejects what needs the whole graph:
// unknown references, role/kind mismatches and cycles (ValidationError, with
// every problem found).  References may point forward to later additions.
class GraphBuilder {
 public:
  explicit GraphBuilder(BuilderOptions options = {});

  void add(const Artifact& artifact);
  void add(const Step& step);

  std::size_t artifact_count() const { return tables_.artifacts.size(); }
  std::size_t step_count() const { return tables_.steps.size(); }

  // Consumes the builder's contents; the builder is empty afterwards, also
  // when freezing fails.
  std::shared_ptr<const Snapshot> freeze();

 private:
  void check_id_free(std::string_view id) const;
  void index_id(std::string_view id, std::uint32_t encoded_node);
  std::string_view id_of(std::uint32_t encoded_node) const;
  std::uint32_t add_sources(const std::vector<Source>& sources);

  BuilderOptions options_;
  detail::GraphTables tables_;
  detail::IdIndex index_;
};

}  // namespace model_provenance
