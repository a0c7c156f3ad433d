// SPDX-License-Identifier: GPL-3.0-or-later
// The table of formats inspect knows.  Sniffing tries them in this order:
// formats with a magic number first, then those known only by their name
// or by a weak look at their first bytes.
#include "format.hpp"

namespace model_provenance::inspect::detail {

// Each reader file defines its format's entry.
const Format& fasttext_format();
const Format& gguf_format();
const Format& safetensors_format();
const Format& gnubg_format();
const Format& tflite_format();
const Format& lc0_format();
const Format& opencv_format();
const Format& pytorch_zip_format();
const Format& keras_format();
const Format& npz_format();
const Format& pytorch_legacy_format();
const Format& npy_format();
const Format& hdf5_format();
const Format& sphinx_gaussians_format();
const Format& sphinx_tmat_format();
const Format& sphinx_mixw_format();
const Format& sphinx_s3_format();
const Format& sphinx_sendump_format();
const Format& sphinx_mdef_format();
const Format& sphinx_lm_format();
const Format& nnue_format();
const Format& traineddata_format();
const Format& onnx_format();
const Format& sphinx_feat_params_format();
const Format& sphinx_dict_format();
const Format& sphinx_readme_format();
const Format& pickle_format();

const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      fasttext_format(),
      gguf_format(),
      safetensors_format(),
      gnubg_format(),
      tflite_format(),
      lc0_format(),
      opencv_format(),
      // Zip archives, by the members their central directory lists.
      pytorch_zip_format(),
      keras_format(),
      npz_format(),
      pytorch_legacy_format(),
      npy_format(),
      hdf5_format(),
      // The s3 files known by name before any other s3 file.
      sphinx_gaussians_format(),
      sphinx_tmat_format(),
      sphinx_mixw_format(),
      sphinx_s3_format(),
      sphinx_sendump_format(),
      sphinx_mdef_format(),
      sphinx_lm_format(),
      // Known by their name (NNUE also by its version numbers), or by a
      // weak look at the first bytes.
      nnue_format(),
      traineddata_format(),
      onnx_format(),
      sphinx_feat_params_format(),
      sphinx_dict_format(),
      sphinx_readme_format(),
      // Known only by name, or by a PROTO opcode of two bytes: after every
      // other format.
      pickle_format(),
  };
  return table;
}

}  // namespace model_provenance::inspect::detail
