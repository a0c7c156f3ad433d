// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the graph builder, every lineage query and the
// evaluator, driven by a byte stream of additions.  Ids come from a small
// alphabet (with odd characters: controls, quotes, UTF-8), so that inputs
// reuse them: duplicates, self-references, forward references and cycles.
// Compute figures take NaN, infinities, negatives and huge values.  Errors
// are the library's; anything else (a crash, a sanitizer report, another
// exception) is a finding.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "model-provenance/error.hpp"
#include "model-provenance/evaluate.hpp"
#include "model-provenance/graph.hpp"
#include "model-provenance/lineage.hpp"
#include "model-provenance/policy.hpp"

namespace mp = model_provenance;

namespace {

class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  bool empty() const { return at_ >= size_; }
  std::uint8_t next() { return at_ < size_ ? data_[at_++] : 0; }

  std::string id() {
    static const char* const names[] = {"a", "b", "net", "data", "sw", "s", "t", "x\ny",
                                        "\"q\"", "é", "", "a b", "\x7f", "cycle", "w", "d2"};
    return names[next() % 16];
  }
  double number() {
    switch (next() % 8) {
      case 0: return std::numeric_limits<double>::quiet_NaN();
      case 1: return std::numeric_limits<double>::infinity();
      case 2: return -1.0;
      case 3: return 1e300;
      case 4: return 0.0;
      default: return next() * 1e12;
    }
  }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t at_ = 0;
};

void query_everything(const std::shared_ptr<const mp::Snapshot>& snapshot, Bytes& bytes) {
  const auto count = snapshot->node_count();
  if (count == 0) return;
  mp::LineageFilter filter;
  if (bytes.next() % 2) filter.max_depth = bytes.next() % 4;
  for (int k = 0; k < 4; ++k) {
    const mp::NodeId node = bytes.next() % count;
    const mp::NodeId other = bytes.next() % count;
    (void)mp::ancestors(*snapshot, node, filter);
    (void)mp::descendants(*snapshot, node, filter);
    (void)mp::derivation_path(*snapshot, other, node, filter);
    (void)mp::lineage_roots(*snapshot, node, filter);
    (void)mp::dominators(*snapshot, node, filter);
    try {
      (void)mp::lineage_in_derivation_order(*snapshot, node, filter);
    } catch (const mp::Error&) {
    }
  }
  (void)mp::strongly_connected_components(*snapshot);
  try {
    (void)mp::topological_order(*snapshot);
  } catch (const mp::Error&) {
  }
  for (const auto& profile : mp::builtin_hardware_profiles()) {
    for (const auto& policy : mp::builtin_policies()) {
      mp::Evaluator evaluator(snapshot, policy, profile);
      (void)evaluator.evaluate_all();
      for (mp::NodeId node = 0; node < snapshot->artifact_count(); ++node)
        (void)evaluator.evaluate(node);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes bytes(data, size);
  mp::BuilderOptions options;
  options.allow_cycles = bytes.next() % 2;
  mp::GraphBuilder builder(options);
  for (int additions = 0; !bytes.empty() && additions < 64; ++additions) {
    try {
      if (bytes.next() % 2) {
        mp::Artifact artifact;
        artifact.id = bytes.id();
        artifact.kind = static_cast<mp::ArtifactKind>(bytes.next() % 4);
        artifact.availability = static_cast<mp::Availability>(bytes.next() % 5);
        switch (bytes.next() % 5) {
          case 0: artifact.license = "CC0-1.0"; break;
          case 1: artifact.license = "GPL-3.0-or-later AND (MIT OR CC-BY-NC-4.0)"; break;
          case 2: artifact.license = "NONE"; break;
          case 3: artifact.license = "LicenseRef-x WITH"; break;  // malformed
          default: break;
        }
        if (artifact.kind == mp::ArtifactKind::software && bytes.next() % 2)
          artifact.backends = {{"cpu", false}, {bytes.next() % 2 ? "cuda" : "rocm", bool(bytes.next() % 2)}};
        // Documents (and, to be refused, other kinds) with a kind and
        // descriptions: unknown ids, steps, themselves, repeats.
        if (bytes.next() % 2) artifact.document_kind = static_cast<mp::DocumentKind>(bytes.next() % 15);
        for (int i = bytes.next() % 3; i > 0; --i) artifact.describes.push_back(bytes.id());
        builder.add(artifact);
      } else {
        mp::Step step;
        step.id = bytes.id();
        step.kind = static_cast<mp::StepKind>(bytes.next() % 7);
        for (int i = bytes.next() % 4; i > 0; --i)
          step.inputs.push_back({bytes.id(), static_cast<mp::InputRole>(bytes.next() % 6)});
        for (int i = bytes.next() % 3; i > 0; --i) step.outputs.push_back(bytes.id());
        switch (bytes.next() % 4) {
          case 0: step.compute.flops = bytes.number(); break;
          case 1:
            step.compute.hours = bytes.number();
            step.compute.hardware_profile = bytes.next() % 2 ? "desktop-cpu" : "no-such-profile";
            break;
          default: break;
        }
        builder.add(step);
      }
    } catch (const mp::Error&) {
    }
  }
  try {
    const auto snapshot = builder.freeze();
    query_everything(snapshot, bytes);
  } catch (const mp::ValidationError&) {
  } catch (const mp::Error&) {
  }
  return 0;
}
