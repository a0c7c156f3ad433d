// SPDX-License-Identifier: GPL-3.0-or-later
// fastText's .bin and .ftz models (fasttext.cc saveModel): a magic number
// and version, the training arguments, the dictionary with its labels,
// then the input and output matrices, dense or product-quantized.  The
// whole file is walked, so a model that does not end where its matrices
// say is an error.
#include <fmt/format.h>

#include "format.hpp"

namespace model_provenance::inspect::detail {
namespace {

constexpr std::int32_t fasttext_magic = 793712314;  // 0x2F4F16BA

const char* loss_name(std::int32_t loss) {
  switch (loss) {
    case 1: return "hs";
    case 2: return "ns";
    case 3: return "softmax";
    case 4: return "one-vs-all";
    default: return "unknown";
  }
}

const char* model_name(std::int32_t model) {
  switch (model) {
    case 1: return "cbow";
    case 2: return "skipgram";
    case 3: return "supervised";
    default: return "unknown";
  }
}

std::uint64_t checked_count(Cursor& in, std::int64_t value, const char* what) {
  if (value < 0) in.fail(fmt::format("{}: a count, not {}", what, value));
  return static_cast<std::uint64_t>(value);
}

// A product quantizer: its dimensions, then 256 centroids per dimension.
void skip_product_quantizer(Cursor& in) {
  const std::int32_t dim = in.i32("quantizer dimension");
  in.i32("quantizer subquantizers");
  in.i32("quantizer subdimension");
  in.i32("quantizer last subdimension");
  if (dim < 0) in.fail("quantizer dimension: not negative");
  in.skip(static_cast<std::uint64_t>(dim) * 256 * sizeof(float), "quantizer centroids");
}

// Returns the number of weights the matrix stands for (rows × columns).
std::uint64_t read_matrix(Cursor& in, bool quantized, const char* name, Context& context) {
  if (!quantized) {
    const auto rows = checked_count(in, in.i64("matrix rows"), "matrix rows");
    const auto columns = checked_count(in, in.i64("matrix columns"), "matrix columns");
    const auto count = saturating_product({rows, columns});
    if (count > in.remaining() / sizeof(float)) in.fail(fmt::format("{} matrix of {}×{} floats", name, rows, columns));
    in.skip(count * sizeof(float), "matrix");
    context.tensor({name, "f32", {rows, columns}});
    return count;
  }
  const bool norms_quantized = in.u8("quantized norms flag") != 0;
  const auto rows = checked_count(in, in.i64("matrix rows"), "matrix rows");
  const auto columns = checked_count(in, in.i64("matrix columns"), "matrix columns");
  const std::int32_t code_size = in.i32("code size");
  if (code_size < 0) in.fail("code size: not negative");
  in.skip(static_cast<std::uint64_t>(code_size), "quantized codes");
  skip_product_quantizer(in);
  if (norms_quantized) {
    in.skip(rows, "quantized norms");
    skip_product_quantizer(in);
  }
  context.tensor({name, "product-quantized", {rows, columns}});
  return saturating_product({rows, columns});
}

bool sniff(std::string_view bytes, std::string_view) {
  if (bytes.size() < 8) return false;
  std::int32_t magic;
  std::memcpy(&magic, bytes.data(), sizeof magic);
  return magic == fasttext_magic;
}

void read(Context& context) {
  Cursor in(context.bytes);
  in.i32("magic");
  const std::int32_t version = in.i32("version");
  context.out.format_detail = fmt::format("fastText model, version {}", version);
  const char* argument_names[] = {"dim", "ws", "epoch", "minCount", "neg", "wordNgrams"};
  for (const char* name : argument_names) context.fact(std::string("args.") + name, std::to_string(in.i32(name)));
  context.fact("args.loss", loss_name(in.i32("loss")));
  context.fact("args.model", model_name(in.i32("model")));
  const char* more_names[] = {"bucket", "minn", "maxn", "lrUpdateRate"};
  for (const char* name : more_names) context.fact(std::string("args.") + name, std::to_string(in.i32(name)));
  context.fact("args.t", fmt::format("{}", in.f64("t")));

  const std::int32_t size = in.i32("dictionary size");
  const std::int32_t words = in.i32("dictionary words");
  const std::int32_t labels = in.i32("dictionary labels");
  const std::int64_t tokens = in.i64("dictionary tokens");
  const std::int64_t pruned = in.i64("pruned index size");
  if (size < 0 || words < 0 || labels < 0 || tokens < 0) in.fail("dictionary counts: not negative");
  if (static_cast<std::int64_t>(words) + labels != size)
    in.fail(fmt::format("dictionary: {} words and {} labels, but {} entries", words, labels, size));
  if (static_cast<std::uint64_t>(size) > context.limits.max_entries)
    in.fail(fmt::format("dictionary of {} entries, more than the limit of {}", size, context.limits.max_entries));
  context.fact("dictionary.words", std::to_string(words));
  context.fact("dictionary.tokens", std::to_string(tokens));
  std::string label_list;
  for (std::int32_t i = 0; i < size; ++i) {
    // An entry: the word up to a NUL, its count, its type (0 word, 1 label).
    const auto rest = context.bytes.substr(in.offset());
    const auto end = rest.find('\0');
    if (end == std::string_view::npos) in.fail("a dictionary entry ending in a NUL byte");
    const std::string_view word = in.take(end + 1).substr(0, end);
    in.i64("entry count");
    const std::uint8_t type = in.u8("entry type");
    if (type > 1) in.fail(fmt::format("entry type 0 (word) or 1 (label), not {}", type));
    if (type == 1 && label_list.size() < 4096) {
      if (!label_list.empty()) label_list += ' ';
      label_list += printable(word, 256);
    }
  }
  context.fact("dictionary.labels", std::to_string(labels));
  if (!label_list.empty()) context.fact("labels", label_list);
  if (pruned > 0) {
    if (static_cast<std::uint64_t>(pruned) > in.remaining() / 8)
      in.fail(fmt::format("a pruned index of {} pairs, but the file ends first", pruned));
    in.skip(static_cast<std::uint64_t>(pruned) * 8, "pruned index");
  }

  const bool input_quantized = in.u8("input quantization flag") != 0;
  std::uint64_t parameters = read_matrix(in, input_quantized, "input", context);
  const bool output_quantized = in.u8("output quantization flag") != 0;
  parameters = saturating_add(parameters, read_matrix(in, output_quantized, "output", context));
  if (!in.at_end()) in.fail(fmt::format("the end of the model, but {} more bytes follow", in.remaining()));
  if (input_quantized || output_quantized) context.out.format_detail += ", quantized";
  context.out.parameters = parameters;
}

}  // namespace

const Format& fasttext_format() {
  static const Format format{"fasttext", "fastText model (.bin, .ftz)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
