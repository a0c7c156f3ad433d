// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: SPDX license expressions.  Any input either parses or
// is an Error; what parses prints in a canonical form that parses back to
// the same form, and is judged under every criterion without failing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model-provenance/error.hpp"
#include "model-provenance/license.hpp"

namespace mp = model_provenance;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto expression = mp::parse_license_expression(text);
    const std::string canonical = expression.to_string();
    if (mp::parse_license_expression(canonical).to_string() != canonical) std::abort();
    for (auto criterion : {mp::LicenseCriterion::fsf_libre, mp::LicenseCriterion::osi_approved,
                           mp::LicenseCriterion::fsf_libre_or_osi_approved,
                           mp::LicenseCriterion::free_data, mp::LicenseCriterion::any})
      (void)mp::judge_license(expression, criterion);
    (void)mp::unknown_license_ids(expression);
  } catch (const mp::Error&) {
    // A malformed expression: the message says where.
  }
  return 0;
}
