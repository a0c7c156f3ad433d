// SPDX-License-Identifier: GPL-3.0-or-later
// The table of formats inspect knows.  Sniffing tries them in this order:
// formats with a magic number first, then those known only by their name.
#include "format.hpp"

namespace model_provenance::inspect::detail {

// Each reader file defines its format's entry.
const Format& fasttext_format();

const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      fasttext_format(),
  };
  return table;
}

}  // namespace model_provenance::inspect::detail
