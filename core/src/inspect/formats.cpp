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
const Format& pytorch_zip_format();
const Format& keras_format();
const Format& npz_format();
const Format& pytorch_legacy_format();
const Format& npy_format();
const Format& hdf5_format();
const Format& nnue_format();
const Format& traineddata_format();
const Format& pickle_format();

const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      fasttext_format(),
      gguf_format(),
      safetensors_format(),
      gnubg_format(),
      // Zip archives, by the members their central directory lists.
      pytorch_zip_format(),
      keras_format(),
      npz_format(),
      pytorch_legacy_format(),
      npy_format(),
      hdf5_format(),
      // Known by their name (NNUE also by its version numbers).
      nnue_format(),
      traineddata_format(),
      // Known only by name, or by a PROTO opcode of two bytes: after every
      // format with a real magic number.
      pickle_format(),
  };
  return table;
}

}  // namespace model_provenance::inspect::detail
