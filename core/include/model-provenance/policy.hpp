// SPDX-License-Identifier: GPL-3.0-or-later
// What a user owns (hardware profiles) and what they accept (policies).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model-provenance/license.hpp"
#include "model-provenance/types.hpp"

namespace model_provenance {

// One compute backend of a machine: a CPU, or a GPU through ROCm, CUDA, ...
struct BackendCapacity {
  std::string backend;            // as software lists it: "cpu", "rocm", "cuda"
  std::string device;             // e.g. "AMD Radeon RX 7900 XTX"
  double peak_flops = 0;          // per second, FP32, from the vendor's figures
  std::uint64_t memory_bytes = 0; // device memory (system memory for cpu)
  bool needs_proprietary = false; // e.g. CUDA's driver and runtime
};

// A machine a user owns.  Sustained throughput is peak times utilization:
// the fraction of peak that training keeps busy, the same for every backend.
struct HardwareProfile {
  std::string name;
  std::string description;
  std::vector<BackendCapacity> backends;
  std::uint64_t storage_bytes = 0;
  double utilization = 0;
  std::vector<Source> sources;

  const BackendCapacity* backend(std::string_view name) const;
  double sustained_flops(const BackendCapacity& backend) const { return backend.peak_flops * utilization; }
};

// Built-in profiles: "desktop-cpu", "desktop-amd-gpu" (ROCm, free) and
// "desktop-nvidia-gpu" (CUDA, proprietary).  The machine around each device
// (memory, storage) is a definition; device figures carry sources.
const std::vector<HardwareProfile>& builtin_hardware_profiles();
const HardwareProfile* find_hardware_profile(std::string_view name,
                                             const std::vector<HardwareProfile>& profiles);

// How a policy names its verdicts beyond the common ones.
enum class Classification : std::uint8_t {
  none,
  debian_ml_policy,  // Free / ToxicCandy / Non-free
  osaid,             // Open Source AI or not
  mof,               // Model Openness Framework class I / II / III
};
std::string_view to_string(Classification);
std::optional<Classification> parse_classification(std::string_view);

struct Policy {
  std::string name;
  std::string description;
  LicenseCriterion software_licenses = LicenseCriterion::fsf_libre;
  LicenseCriterion data_licenses = LicenseCriterion::fsf_libre;
  LicenseCriterion weights_licenses = LicenseCriterion::fsf_libre;
  LicenseCriterion document_licenses = LicenseCriterion::fsf_libre;
  LicenseOverrides license_overrides;
  // Whether existing free networks may be taken as they are, as starting
  // points (fine-tuning), teachers or data generators.
  bool start_from_free_weights = true;
  bool allow_proprietary_backends = false;
  // Whether data that must be registered for counts as available.
  bool registration_counts_as_available = true;
  // Whether training data must be obtainable at all (OSAID asks only that
  // it be described).
  bool require_data_available = true;
  std::optional<double> budget_hours = 21 * 24.0;  // nullopt: no limit
  Classification classification = Classification::none;
  std::vector<Source> sources;
};

// Built-in policies: "guix-base-criterion" (the default),
// "from-training-data", "debian-ml-policy", "osaid-1.0", "mof".
const std::vector<Policy>& builtin_policies();
const Policy* find_policy(std::string_view name, const std::vector<Policy>& policies);
const Policy& default_policy();

// Errors (invalid_value, naming the field) for a policy or profile a user
// defined that cannot be evaluated: negative budget, no backends, ...
void validate(const Policy&);
void validate(const HardwareProfile&);

}  // namespace model_provenance
