// SPDX-License-Identifier: GPL-3.0-or-later
// The table of formats inspect knows.  Sniffing tries them in this order:
// formats with a magic number first, then those known only by their name.
#include "format.hpp"

namespace model_provenance::inspect::detail {

// Each reader file defines its format's entry.
const Format& fasttext_format();
const Format& gguf_format();
const Format& safetensors_format();
const Format& gnubg_format();
const Format& nnue_format();
const Format& traineddata_format();

const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      fasttext_format(),
      gguf_format(),
      safetensors_format(),
      gnubg_format(),
      // Known by their name (NNUE also by its version numbers).
      nnue_format(),
      traineddata_format(),
  };
  return table;
}

}  // namespace model_provenance::inspect::detail
