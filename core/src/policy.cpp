// SPDX-License-Identifier: GPL-3.0-or-later
#include "model-provenance/policy.hpp"

#include <fmt/format.h>

#include <cmath>

#include "model-provenance/error.hpp"

namespace model_provenance {
namespace {

constexpr std::uint64_t gibibyte = std::uint64_t{1} << 30;
constexpr std::uint64_t terabyte = 1'000'000'000'000;
constexpr std::string_view read_on = "2026-11-30";

// Ryzen 7 7700X: 8 Zen 4 cores at a 4.5 GHz base clock; each core retires
// two 256-bit FMA per cycle, 32 FP32 operations.
BackendCapacity desktop_cpu() {
  return {"cpu", "AMD Ryzen 7 7700X, 64 GiB RAM", 8 * 4.5e9 * 32, 64 * gibibyte, false};
}

std::vector<Source> cpu_sources() {
  // AMD's own product page was not readable here; the launch reports give
  // the same figures.
  return {{"https://hardcoregamer.com/news/amd-unveils-next-ryzen-processors/426883/", std::string(read_on),
           "Ryzen 7 7700X: 8 cores, 16 threads, 4.5 GHz base and 5.4 GHz boost clocks (a report of "
           "AMD's announcement, 2022-08)"},
          {"https://stackoverflow.com/questions/76195232", std::string(read_on),
           "Zen 4: two 256-bit FMAs per cycle, 32 FP32 operations per cycle in FMA-only code such as "
           "matrix multiplication (48 when FADDs run alongside); read through a copy of the page"},
          {"https://stackoverflow.com/questions/15655835/flops-per-cycle-for-sandy-bridge-and-haswell-sse2-avx-avx2",
           std::string(read_on),
           "FLOPs per cycle = FMAs per cycle x vector elements x 2, e.g. \"32 SP FLOPs/cycle: two "
           "8-wide FMA (fused multiply-add) instructions\""},
          // Model FLOPs utilization reached by PaLM's training, a high mark:
          // home training is unlikely to do better, so budgets err generous.
          {"https://arxiv.org/abs/2204.02311", std::string(read_on),
           "utilization 0.462 (PaLM's model FLOPs utilization; 57.8% hardware FLOPs utilization)"}};
}

std::vector<HardwareProfile> make_builtin_profiles() {
  std::vector<HardwareProfile> profiles;
  HardwareProfile cpu;
  cpu.name = "desktop-cpu";
  cpu.description = "a desktop computer without a GPU";
  cpu.backends = {desktop_cpu()};
  cpu.storage_bytes = 4 * terabyte;
  cpu.utilization = 0.462;
  cpu.sources = cpu_sources();
  profiles.push_back(cpu);

  HardwareProfile amd = cpu;
  amd.name = "desktop-amd-gpu";
  amd.description = "a desktop computer with a consumer AMD GPU, driven by free software (ROCm)";
  amd.backends.push_back({"rocm", "AMD Radeon RX 7900 XTX", 61.4e12, 24 * gibibyte, false});
  amd.sources.push_back(
      {"https://www.guru3d.com/review/powercolor-radeon-rx-7900-xtx-hellhound-spectral-white-review/page-4/",
       std::string(read_on), "RX 7900 XTX: 61.4 FP32 TFLOPS, 24 GB"});
  // 61.4e12 = 6144 stream processors x 2 (dual issue) x 2 (FMA) x 2.5 GHz:
  // it counts RDNA 3's dual issue, which training kernels rarely reach
  // (30.7e12 without it).
  amd.sources.push_back(
      {"https://www.trustedreviews.com/news/amd-reveals-rx-7900-xtx-and-rx-7900-xt-graphics-cards-with-rdna-3-design-4279472",
       "2022-11-03",
       "AMD's launch: RDNA 3 \"capable of delivering 61 teraflops\"; 96 compute units, 24 GB (AMD's product "
       "page was not readable here)"});
  profiles.push_back(amd);

  HardwareProfile nvidia = cpu;
  nvidia.name = "desktop-nvidia-gpu";
  nvidia.description =
      "a desktop computer with a consumer NVIDIA GPU, whose CUDA driver and runtime are proprietary";
  nvidia.backends.push_back({"cuda", "NVIDIA GeForce RTX 4090", 82.6e12, 24 * gibibyte, true});
  // 82.6e12 = 16,384 CUDA cores x 2 (FMA) x 2.52 GHz boost.
  nvidia.sources.push_back({"https://www.notebookcheck.pl/NVIDIA-NVIDIA-GeForce-RTX-4090.677670.0.html",
                            std::string(read_on), "RTX 4090: 82.6 FP32 TFLOPS, 24 GB"});
  nvidia.sources.push_back({"https://www.darkhorizons.com/nvidia-unveils-its-rtx-4000-gpus", "2022-09-20",
                            "NVIDIA's launch figures: 16,384 CUDA cores, 2.52 GHz boost, 83 shader TFLOPS "
                            "(NVIDIA's press release was not readable here)"});
  profiles.push_back(nvidia);
  return profiles;
}

std::vector<Policy> make_builtin_policies() {
  std::vector<Policy> policies;
  Policy guix;
  guix.name = "guix-base-criterion";
  guix.data_licenses = LicenseCriterion::free_data;
  // Published with no licence stated: whether a user may train on it is a
  // fact to settle, not a refusal (the copyright status of game records,
  // for one, is unclear).
  guix.license_overrides.unstated = Freeness::unknown;
  // The SPDX list has no FSF flag for MIT-Festival, which the FSF never
  // rated; Guix, whose licences are the FSF's, ships festival under it as a
  // lax permissive (non-copyleft) free licence.
  guix.license_overrides.free = {"MIT-Festival"};
  guix.description =
      "a user can practically produce their own network, from scratch or from existing free "
      "networks, with free software alone, on hardware they own, within minutes to a few weeks";
  guix.sources = {{"https://lists.gnu.org/archive/html/guix-devel/2023-05/msg00341.html", "2023-05-30",
                   "guix-devel thread 'Guidelines for pre-trained ML model weight binaries': Simon "
                   "Tournier recalls the 2019 review of leela-zero, acceptable \"as long as the software "
                   "necessary for training is included\", and asks for guidelines"},
                  {"https://lists.gnu.org/r/guix-devel/2023-07/msg00017.html", "2023-07-03",
                   "the same thread: what Debian did, and recomputing weights on commodity hardware"},
                  {"https://codeberg.org/guix/guix/src/commit/43770a9d8ac4/gnu/packages/speech.scm#L596",
                   "2026-03-21",
                   "Guix's festival package: (license (license:non-copyleft \"file://COPYING\")), "
                   "the MIT-Festival text, which the SPDX list leaves unrated by the FSF: free under "
                   "this policy"}};
  policies.push_back(guix);

  Policy data = guix;
  data.name = "from-training-data";
  data.description =
      "the training data is available and the weights can be re-computed from it; starting "
      "from an existing network does not count (draft GCD 008, item 4)";
  data.start_from_free_weights = false;
  data.sources = {{"https://codeberg.org/guix/guix-consensus-documents", std::string(read_on),
                   "draft GCD 008 'Standing up for human crafting', item 4 (2026)"},
                  {"https://mail-archive.com/guix-devel@gnu.org/msg75225.html", std::string(read_on),
                   "a reply quoting item 4 of the draft: the Corresponding Source of software that "
                   "includes neural networks includes all the training data; software whose weights "
                   "cannot be re-computed from it cannot be included"}};
  policies.push_back(data);

  Policy debian;
  debian.name = "debian-ml-policy";
  debian.description =
      "Free Model: DFSG license, trained from free, public data (or a simulator) with a free "
      "training program; ToxicCandy: free license, but data or program missing or non-free; "
      "Non-free: the weights' license is not DFSG-free";
  debian.software_licenses = debian.weights_licenses = debian.document_licenses =
      LicenseCriterion::fsf_libre_or_osi_approved;
  debian.data_licenses = LicenseCriterion::free_data;
  debian.start_from_free_weights = false;
  debian.registration_counts_as_available = false;
  debian.budget_hours.reset();
  debian.classification = Classification::debian_ml_policy;
  debian.sources = {{"https://salsa.debian.org/deeplearning-team/ml-policy", std::string(read_on),
                     "Debian Deep Learning Team's Machine Learning Policy"}};
  policies.push_back(debian);

  Policy osaid;
  osaid.name = "osaid-1.0";
  osaid.description =
      "Open Source AI Definition 1.0: code and parameters under OSI-approved terms, training "
      "data described (not necessarily available)";
  osaid.software_licenses = osaid.weights_licenses = LicenseCriterion::osi_approved;
  osaid.data_licenses = osaid.document_licenses = LicenseCriterion::any;
  osaid.require_data_available = false;
  osaid.budget_hours.reset();
  osaid.classification = Classification::osaid;
  osaid.sources = {{"https://opensource.org/ai/open-source-ai-definition", std::string(read_on),
                    "OSAID 1.0, 2024-10-28"}};
  policies.push_back(osaid);

  Policy mof;
  mof.name = "mof";
  mof.description =
      "Model Openness Framework: Class III open model, Class II open tooling, Class I open "
      "science, from the components recorded along the whole lineage, each under a license open "
      "for its content type (code, data, document)";
  // Code needs a free software license; parameters, data and documents an
  // open one, which includes the open data and content licenses (CC-BY,
  // ODC-By, CDLA) that the Open Definition accepts.
  mof.software_licenses = LicenseCriterion::fsf_libre_or_osi_approved;
  mof.weights_licenses = mof.data_licenses = mof.document_licenses = LicenseCriterion::free_data;
  mof.budget_hours.reset();
  mof.classification = Classification::mof;
  mof.sources = {{"https://arxiv.org/abs/2403.13784", std::string(read_on),
                  "The Model Openness Framework (LF AI & Data): three classes of cumulative components, "
                  "each under an open license for its content type"},
                 {"https://github.com/lfai/model_openness_tool/blob/e8ff5b16cf8b71802f71b7ae538e09a4917b2c39/"
                  "web/modules/mof/config/install/mof.settings.yml",
                  "2025-05-12",
                  "the Model Openness Tool's list of the components: name, content type (code, data, "
                  "document), the class that requires it, and whether it is required (model metadata, "
                  "sample model outputs and supporting libraries and tools are optional)"},
                 {"https://github.com/lfai/model_openness_tool/blob/115b5816eb545f3f1d9d979bc09743ef8f4fb712/"
                  "web/modules/mof/src/ModelEvaluator.php",
                  "2025-06-20",
                  "classes are cumulative (class 3, then 2, then 1); \"The technical report (cid 11) MAY be "
                  "omitted if a research paper (cid 21) is provided\""}};
  policies.push_back(mof);
  return policies;
}

void reject(std::string message, const std::string& name, std::string field) {
  throw Error({ProblemCode::invalid_value, std::move(message), {name}, std::move(field)});
}

}  // namespace

const BackendCapacity* HardwareProfile::backend(std::string_view wanted) const {
  for (const auto& candidate : backends)
    if (candidate.backend == wanted) return &candidate;
  return nullptr;
}

const std::vector<HardwareProfile>& builtin_hardware_profiles() {
  static const std::vector<HardwareProfile> profiles = make_builtin_profiles();
  return profiles;
}

const HardwareProfile* find_hardware_profile(std::string_view name,
                                             const std::vector<HardwareProfile>& profiles) {
  for (const auto& profile : profiles)
    if (profile.name == name) return &profile;
  return nullptr;
}

const std::vector<Policy>& builtin_policies() {
  static const std::vector<Policy> policies = make_builtin_policies();
  return policies;
}

const Policy* find_policy(std::string_view name, const std::vector<Policy>& policies) {
  for (const auto& policy : policies)
    if (policy.name == name) return &policy;
  return nullptr;
}

const Policy& default_policy() { return builtin_policies().front(); }

std::string_view to_string(Classification classification) {
  switch (classification) {
    case Classification::none: return "none";
    case Classification::debian_ml_policy: return "debian-ml-policy";
    case Classification::osaid: return "osaid";
    case Classification::mof: return "mof";
  }
  return "invalid";
}

std::optional<Classification> parse_classification(std::string_view name) {
  for (auto c : {Classification::none, Classification::debian_ml_policy, Classification::osaid,
                 Classification::mof})
    if (to_string(c) == name) return c;
  return std::nullopt;
}

void validate(const Policy& policy) {
  if (policy.name.empty()) reject("a policy has no name", policy.name, "name");
  if (policy.budget_hours && !(std::isfinite(*policy.budget_hours) && *policy.budget_hours >= 0))
    reject(fmt::format("policy '{}': the budget must be a finite number of hours >= 0, got {}",
                       policy.name, *policy.budget_hours),
           policy.name, "budget-hours");
  for (const auto* list : {&policy.license_overrides.free, &policy.license_overrides.non_free})
    for (const auto& id : *list)
      if (id.empty())
        reject(fmt::format("policy '{}': an overridden license id is empty", policy.name),
               policy.name, "license-overrides");
}

void validate(const HardwareProfile& profile) {
  if (profile.name.empty()) reject("a hardware profile has no name", profile.name, "name");
  if (profile.backends.empty())
    reject(fmt::format("hardware profile '{}' has no compute backend", profile.name), profile.name,
           "backends");
  if (!(profile.utilization > 0 && profile.utilization <= 1))
    reject(fmt::format("hardware profile '{}': utilization must be in (0, 1], got {}", profile.name,
                       profile.utilization),
           profile.name, "utilization");
  for (const auto& backend : profile.backends) {
    if (backend.backend.empty())
      reject(fmt::format("hardware profile '{}': a backend has no name", profile.name),
             profile.name, "backends");
    if (!(std::isfinite(backend.peak_flops) && backend.peak_flops > 0))
      reject(fmt::format("hardware profile '{}': backend '{}' needs a peak throughput > 0, got {}",
                         profile.name, backend.backend, backend.peak_flops),
             profile.name, "backends.peak-flops");
  }
}

}  // namespace model_provenance
