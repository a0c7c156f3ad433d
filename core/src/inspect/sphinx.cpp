// SPDX-License-Identifier: GPL-3.0-or-later
// CMU Sphinx (PocketSphinx) models: the files of an acoustic model
// directory -- Gaussian means and variances, transition matrices and
// mixture weights in Sphinx's binary "s3" format, the senone dump, the
// model definition (mdef), feat.params, noisedict, the README -- and the
// language models and pronunciation dictionaries that go with them.  Each
// kind is a format of its own; binary files are known by their headers,
// text files with no header by their names (and a look at their first
// line).  Binary files are walked to their last byte where the header
// gives the sizes; text files are read line by line.
//
// Layouts, from cmusphinx/sphinxbase at commit
// 617e53691889336a482631380f75b453445d0dae and cmusphinx/pocketsphinx at
// commit 511126b492dcb267cf30d49d631946d7b61a9530:
// - s3 files (sphinxbase src/libsphinxbase/util/bio.c, bio_readhdr): the
//   line "s3", then "NAME VALUE" lines (at most 32, BIO_HDRARG_MAX; lines
//   starting with # are comments) up to the line "endhdr", then the uint32
//   byte-order magic 0x11223344 (other-endian when it reads 0x44332211).
//   With the argument chksum0 the data is followed by a uint32 checksum.
//   - means, variances (pocketsphinx src/ms_gauden.c, gauden_param_read):
//     int32 n_mgau, n_feat, n_density, veclen[n_feat], n (= n_mgau *
//     n_density * sum(veclen)), then n float32.
//   - transition_matrices (src/tmat.c, tmat_init): int32 n_tmat, n_src,
//     n_dst, n (= n_tmat * n_src * n_dst), then n float32.
//   - mixture_weights (src/ptm_mgau.c, read_mixw): int32 n_sen, n_feat,
//     n_comp, n (= their product), then n float32.
// - sendump (src/ptm_mgau.c, read_sendump): int32 title length (1 to 999,
//   else other-endian), the title with its NUL; int32 length and a header
//   string; then int32 length and string pairs up to a length 0, some of
//   them "feature_count N", "mixture_count N", "model_count N",
//   "cluster_count N", "cluster_bits N"; with cluster_count 0, int32 rows
//   and columns; a codebook of cluster_count bytes (15 counting as 16);
//   then for each feature stream, rows of columns bytes (half that, rounded
//   up, at 4 bits).
// - mdef, binary (src/bin_mdef.c, bin_mdef_read): "BMDF" ("FDMB" other-
//   endian), int32 version (1, BIN_MDEF_FORMAT_VERSION), int32 length of a
//   format description to skip, int32 n_ciphone, n_phone, n_emit_state,
//   n_ci_sen, n_sen, n_tmat, n_sseq, n_ctx, n_cd_tree, sil; the CI phone
//   names, NUL-terminated, padded to 4 bytes; cd_tree (8 bytes a node);
//   phones (12 bytes each); int32 sseq_size and that many int16; with
//   n_emit_state 0, n_sseq bytes of sseq_len.
// - mdef, text (src/mdef.c, mdef_init): lines starting with # are
//   comments; "0.3" (MODEL_DEF_VERSION), then "N n_base", "N n_tri",
//   "N n_state_map", "N n_tied_state", "N n_tied_ci_state", "N n_tied_tmat".
// - language models: trie binary (src/lm/ngram_model_trie.c,
//   ngram_model_trie_read_bin): "Trie Language Model", a uint8 order (1 to
//   5, NGRAM_MAX_ORDER), uint32 n-gram counts; ARPA text (read_counts_arpa
//   there): "\data\" then "ngram N=COUNT" lines; the older DMP binary
//   (sphinxbase src/libsphinxbase/lm/ngram_model_dmp.c at commit
//   dd80a6b5e960d652f7d7ea5eb48ea5993e5e7bcb, ngram_model_dmp_read): int32
//   17 and "Darpa Trigram LM" with its NUL, int32 length and the LM's file
//   name; int32 version (if <= 0: int32 timestamp, then length-prefixed
//   description strings up to a length 0, then int32 unigram count; else
//   it is the unigram count), int32 bigram and trigram counts.
// - dictionaries (src/dict.c, dict_read): a word and its phones a line;
//   lines starting with ## or ;; are comments.
// - feat.params: one command-line option a line, "-name value".
#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "format.hpp"

namespace model_provenance::inspect::detail {
namespace {

constexpr std::uint32_t s3_magic = 0x11223344;
constexpr std::size_t s3_max_arguments = 32;  // BIO_HDRARG_MAX
constexpr std::uint64_t s3_max_line = 16383;  // bio_readhdr's line buffer
constexpr int max_ngram_order = 5;            // NGRAM_MAX_ORDER
constexpr std::size_t max_leading_comments = 16;

std::string_view basename(std::string_view name) {
  const auto slash = name.find_last_of("/:");
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// Whitespace-separated words, at most MAX of them.
std::vector<std::string_view> words(std::string_view line, std::size_t max) {
  std::vector<std::string_view> result;
  std::size_t i = 0;
  while (result.size() < max) {
    i = line.find_first_not_of(" \t\r\n\v\f", i);
    if (i == std::string_view::npos) break;
    auto end = line.find_first_of(" \t\r\n\v\f", i);
    if (end == std::string_view::npos) end = line.size();
    result.push_back(line.substr(i, end - i));
    i = end;
  }
  return result;
}

// The lines of a text file, with the offset each starts at.
class Lines {
 public:
  explicit Lines(std::string_view bytes) : bytes_(bytes) {}
  bool next(std::string_view& line, std::uint64_t& offset) {
    if (position_ >= bytes_.size()) return false;
    auto end = bytes_.find('\n', position_);
    if (end == std::string_view::npos) end = bytes_.size();
    offset = position_;
    line = bytes_.substr(position_, end - position_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    position_ = end + 1;
    return true;
  }

 private:
  std::string_view bytes_;
  std::uint64_t position_ = 0;
};

[[noreturn]] void fail_at(std::uint64_t offset, const std::string& what) {
  throw FormatError("byte " + std::to_string(offset), what);
}

// A non-negative decimal number, or nothing.
std::optional<std::uint64_t> number(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

// --- Binary reads in either byte order ---------------------------------------

std::uint32_t u32(Cursor& in, bool swap, const char* what) {
  const auto value = in.u32(what);
  return swap ? __builtin_bswap32(value) : value;
}

std::int32_t i32(Cursor& in, bool swap, const char* what) { return static_cast<std::int32_t>(u32(in, swap, what)); }

// An int32 count, which must not be negative.
std::uint64_t count(Cursor& in, bool swap, const char* what) {
  const auto value = i32(in, swap, what);
  if (value < 0) fail_at(in.offset() - 4, fmt::format("{}: a count, not {}", what, value));
  return static_cast<std::uint64_t>(value);
}

void expect_end(const Cursor& in) {
  if (!in.at_end()) in.fail(fmt::format("the end of the file, but {} more bytes follow", in.remaining()));
}

// --- s3 parameter files --------------------------------------------------------

struct S3Header {
  bool swap = false;
  bool checksum = false;
  std::string version;
};

bool is_s3(std::string_view bytes) { return bytes.substr(0, 3) == "s3\n"; }

S3Header read_s3_header(Context& context, Cursor& in) {
  const std::string_view bytes = context.bytes;
  if (!is_s3(bytes)) in.fail("the first line \"s3\" of a Sphinx binary parameter file");
  in.skip(3);
  S3Header header;
  std::size_t arguments = 0;
  for (;;) {
    const auto start = in.offset();
    const auto end = bytes.find('\n', start);
    if (end == std::string_view::npos || end - start > s3_max_line)
      in.fail("a header line of at most 16383 bytes ending in a newline (the header ends with \"endhdr\")");
    const auto line = words(bytes.substr(start, end - start), 2);
    if (line.empty()) in.fail("a header line \"NAME VALUE\", not a blank one");
    in.seek(end + 1);
    if (line[0] == "endhdr") break;
    if (line[0][0] == '#') continue;
    if (++arguments > s3_max_arguments) fail_at(start, "at most 32 header arguments (BIO_HDRARG_MAX)");
    if (line.size() < 2) fail_at(start, fmt::format("a value after {}", printable(line[0], 64)));
    if (line[0] == "version") header.version = printable(line[1], 64);
    if (line[0] == "chksum0") header.checksum = true;
    context.fact(printable(line[0], 64), printable(line[1], 256));
  }
  const auto magic = in.u32("the byte-order magic");
  if (magic == s3_magic)
    header.swap = false;
  else if (magic == __builtin_bswap32(s3_magic))
    header.swap = true;
  else
    fail_at(in.offset() - 4, fmt::format("the byte-order magic 0x11223344, not {:#010x}", magic));
  return header;
}

// N float32 after their dimensions, then the checksum if the header
// promised one, then the end of the file.
void s3_data(Cursor& in, const S3Header& header, std::uint64_t n) {
  in.skip(n * 4, "the float32 data");
  if (header.checksum) in.u32("the checksum (chksum0)");
  expect_end(in);
}

// The float count after the dimensions: it must be their product.
std::uint64_t s3_count(Cursor& in, const S3Header& header, std::uint64_t expected, const char* dimensions) {
  const auto n = count(in, header.swap, "the number of float32 values");
  if (n != expected)
    fail_at(in.offset() - 4, fmt::format("{} float32 values ({}), not {}", expected, dimensions, n));
  return n;
}

void read_gaussians(Context& context) {
  Cursor in(context.bytes);
  const S3Header header = read_s3_header(context, in);
  const auto n_mgau = count(in, header.swap, "n_mgau (codebooks)");
  const auto n_feat = count(in, header.swap, "n_feat (feature streams)");
  const auto n_density = count(in, header.swap, "n_density (densities per codebook)");
  if (n_feat > in.remaining() / 4 || n_feat > context.limits.max_entries)
    in.fail(fmt::format("the lengths of {} feature streams", n_feat));
  std::vector<std::uint64_t> veclen;
  std::string lengths;
  std::uint64_t total = 0;
  for (std::uint64_t i = 0; i < n_feat; ++i) {
    veclen.push_back(count(in, header.swap, "veclen (a feature stream's length)"));
    total = saturating_add(total, veclen.back());
    if (lengths.size() < 1024) lengths += (lengths.empty() ? "" : " ") + std::to_string(veclen.back());
  }
  context.fact("n_mgau", std::to_string(n_mgau));
  context.fact("n_feat", std::to_string(n_feat));
  context.fact("n_density", std::to_string(n_density));
  context.fact("veclen", lengths);
  const auto n = s3_count(in, header, saturating_product({n_mgau, n_density, total}), "n_mgau × n_density × veclen");
  for (std::uint64_t i = 0; i < n_feat; ++i)
    context.tensor({fmt::format("feature stream {}", i), "float32", {n_mgau, n_density, veclen[i]}});
  s3_data(in, header, n);
  context.out.parameters = n;
  context.out.format_detail =
      fmt::format("Sphinx Gaussian densities{}: {} codebooks of {} densities, feature streams of {}",
                  header.version.empty() ? "" : ", version " + header.version, n_mgau, n_density, lengths);
}

void read_tmat(Context& context) {
  Cursor in(context.bytes);
  const S3Header header = read_s3_header(context, in);
  const auto n_tmat = count(in, header.swap, "n_tmat (transition matrices)");
  const auto n_src = count(in, header.swap, "n_src (source states)");
  const auto n_dst = count(in, header.swap, "n_dst (destination states)");
  context.fact("n_tmat", std::to_string(n_tmat));
  context.fact("n_src", std::to_string(n_src));
  context.fact("n_dst", std::to_string(n_dst));
  const auto n = s3_count(in, header, saturating_product({n_tmat, n_src, n_dst}), "n_tmat × n_src × n_dst");
  context.tensor({"transition_matrices", "float32", {n_tmat, n_src, n_dst}});
  s3_data(in, header, n);
  context.out.parameters = n;
  context.out.format_detail = fmt::format("Sphinx transition matrices{}: {} matrices of {}×{}",
                                          header.version.empty() ? "" : ", version " + header.version, n_tmat,
                                          n_src, n_dst);
}

void read_mixw(Context& context) {
  Cursor in(context.bytes);
  const S3Header header = read_s3_header(context, in);
  const auto n_sen = count(in, header.swap, "n_sen (senones)");
  const auto n_feat = count(in, header.swap, "n_feat (feature streams)");
  const auto n_comp = count(in, header.swap, "n_comp (codewords)");
  context.fact("n_sen", std::to_string(n_sen));
  context.fact("n_feat", std::to_string(n_feat));
  context.fact("n_comp", std::to_string(n_comp));
  const auto n = s3_count(in, header, saturating_product({n_sen, n_feat, n_comp}), "n_sen × n_feat × n_comp");
  context.tensor({"mixture_weights", "float32", {n_sen, n_feat, n_comp}});
  s3_data(in, header, n);
  context.out.parameters = n;
  context.out.format_detail = fmt::format("Sphinx mixture weights{}: {} senones, {} feature streams, {} codewords",
                                          header.version.empty() ? "" : ", version " + header.version, n_sen,
                                          n_feat, n_comp);
}

// Another s3 file (an LDA transform, an MLLR matrix, ...): its header.
void read_s3(Context& context) {
  Cursor in(context.bytes);
  const S3Header header = read_s3_header(context, in);
  context.out.format_detail = fmt::format("Sphinx binary parameter file (s3){}",
                                          header.version.empty() ? "" : ", version " + header.version);
}

bool s3_named(std::string_view bytes, std::string_view name, std::initializer_list<std::string_view> names) {
  if (!is_s3(bytes)) return false;
  const auto base = basename(name);
  return std::find(names.begin(), names.end(), base) != names.end();
}

bool sniff_gaussians(std::string_view bytes, std::string_view name) {
  return s3_named(bytes, name, {"means", "variances"});
}
bool sniff_tmat(std::string_view bytes, std::string_view name) {
  return s3_named(bytes, name, {"transition_matrices"});
}
bool sniff_mixw(std::string_view bytes, std::string_view name) { return s3_named(bytes, name, {"mixture_weights"}); }
bool sniff_s3(std::string_view bytes, std::string_view) { return is_s3(bytes); }

// --- sendump -----------------------------------------------------------------

constexpr std::string_view sendump_title = "BEGIN FILE FORMAT DESCRIPTION";

void read_sendump(Context& context) {
  Cursor in(context.bytes);
  std::int32_t length = in.i32("the title's length");
  bool swap = false;
  if (length < 1 || length > 999) {
    length = static_cast<std::int32_t>(__builtin_bswap32(static_cast<std::uint32_t>(length)));
    if (length < 1 || length > 999) in.fail("a title length from 1 to 999, in either byte order");
    swap = true;
  }
  const auto title = in.take(static_cast<std::uint64_t>(length), "the title");
  if (title.back() != '\0') in.fail("a title ending in a NUL byte");
  context.fact("title", printable(title.substr(0, title.size() - 1), 256));

  std::optional<std::uint64_t> n_feat, n_density, n_sen;
  std::uint64_t n_clust = 0;
  std::uint64_t n_bits = 8;
  // The header string, then more strings up to one of length 0.
  for (std::uint64_t strings = 0;; ++strings) {
    const auto size = count(in, swap, "a header string's length");
    if (size == 0 && strings > 0) break;
    if (size == 0 || size > 999) fail_at(in.offset() - 4, fmt::format("a header string of 1 to 999 bytes, not {}", size));
    if (strings > context.limits.max_entries) in.fail(fmt::format("at most {} header strings", context.limits.max_entries));
    auto text = in.take(size, "a header string");
    if (text.back() == '\0') text.remove_suffix(1);
    const auto w = words(text, 3);
    if (w.size() != 2) continue;
    const auto value = number(w[1]);
    if (!value) continue;
    if (w[0] == "feature_count") n_feat = *value;
    else if (w[0] == "mixture_count") n_density = *value;
    else if (w[0] == "model_count") n_sen = *value;
    else if (w[0] == "cluster_count") n_clust = *value;
    else if (w[0] == "cluster_bits") n_bits = *value;
    else if (w[0] != "codebook_count") continue;
    context.fact(std::string(w[0]), std::to_string(*value));
  }
  std::uint64_t rows = n_density.value_or(0);
  std::uint64_t columns = n_sen.value_or(0);
  if (n_clust == 0) {
    // Older dumps give the array's size here.
    rows = count(in, swap, "the number of rows");
    columns = count(in, swap, "the number of columns");
    context.fact("rows", std::to_string(rows));
    context.fact("columns", std::to_string(columns));
  } else if (!n_density || !n_sen) {
    context.out.format_detail = "Sphinx senone dump (clustered; its size is in the model definition)";
    return;
  }
  if (n_clust != 0 && n_clust != 15 && n_clust != 16)
    in.fail(fmt::format("a cluster_count of 0, 15 or 16, not {}", n_clust));
  if (n_bits != 4 && n_bits != 8) in.fail(fmt::format("a cluster_bits of 4 or 8, not {}", n_bits));
  if (n_clust == 15) n_clust = 16;
  in.skip(n_clust, "the cluster codebook");
  const std::uint64_t step = n_bits == 4 ? (columns + 1) / 2 : columns;
  const std::uint64_t row_block = saturating_product({rows, step});
  if (!n_feat) {
    // The model's feature streams, when the dump does not say: what the
    // rest of the file holds.
    if (row_block == 0 || in.remaining() % row_block != 0)
      in.fail("feature_count, or data of whole rows × columns blocks");
    n_feat = in.remaining() / row_block;
  }
  const auto data = saturating_product({*n_feat, row_block});
  in.skip(data, "the mixture weights");
  expect_end(in);
  context.tensor({"mixture weights", n_bits == 4 ? "uint4" : "uint8", {*n_feat, rows, columns}});
  context.out.parameters = saturating_product({*n_feat, rows, columns});
  context.out.format_detail = fmt::format("Sphinx senone dump: {} feature streams, {} rows of {} senones, {} bits",
                                          *n_feat, rows, columns, n_bits);
}

bool sniff_sendump(std::string_view bytes, std::string_view name) {
  if (bytes.size() < 8) return false;
  if (basename(name) == "sendump") return true;
  return bytes.substr(4, sendump_title.size()) == sendump_title &&
         (bytes[0] == '\x1e' || bytes[3] == '\x1e');  // the title's length, 30, in either order
}

// --- mdef --------------------------------------------------------------------

void read_binary_mdef(Context& context) {
  Cursor in(context.bytes);
  const auto magic = in.take(4, "the byte-order marker");
  const bool swap = magic == "FDMB";
  if (!swap && magic != "BMDF") fail_at(0, "the byte-order marker BMDF");
  const auto version = i32(in, swap, "the format version");
  if (version > 1) fail_at(4, fmt::format("format version 1 or older (BIN_MDEF_FORMAT_VERSION), not {}", version));
  context.fact("version", std::to_string(version));
  in.skip(count(in, swap, "the format description's length"), "the format description");
  static const char* const names[] = {"n_ciphone", "n_phone", "n_emit_state", "n_ci_sen", "n_sen",
                                      "n_tmat",    "n_sseq",  "n_ctx",        "n_cd_tree", "sil"};
  std::uint64_t values[10];
  for (int i = 0; i < 10; ++i) {
    values[i] = count(in, swap, names[i]);
    context.fact(names[i], std::to_string(values[i]));
  }
  const auto [n_ciphone, n_phone, n_emit_state] = std::tuple(values[0], values[1], values[2]);
  const auto n_sseq = values[6];
  const auto n_cd_tree = values[8];
  const auto names_start = in.offset();
  std::string phones;
  for (std::uint64_t i = 0; i < n_ciphone; ++i) {
    const auto rest = context.bytes.substr(in.offset());
    const auto end = rest.find('\0');
    if (end == std::string_view::npos) in.fail("a CI phone name ending in a NUL byte");
    const auto phone = in.take(end + 1).substr(0, end);
    if (phones.size() < 4096) phones += (phones.empty() ? "" : " ") + printable(phone, 64);
  }
  context.fact("ciphones", phones);
  in.skip((4 - (in.offset() - names_start) % 4) % 4, "the padding after the CI phone names");
  in.skip(saturating_product({n_cd_tree, 8}), "the CD tree (8 bytes a node)");
  in.skip(saturating_product({n_phone, 12}), "the phones (12 bytes each)");
  const auto sseq_size = count(in, swap, "the senone sequences' size");
  in.skip(sseq_size * 2, "the senone sequences (int16)");
  if (n_emit_state == 0) in.skip(n_sseq, "the senone sequences' lengths");
  expect_end(in);
  context.out.format_detail =
      fmt::format("Sphinx model definition, binary version {}: {} CI phones, {} phones, {} senones", version,
                  n_ciphone, n_phone, values[4]);
}

void read_text_mdef(Context& context) {
  Lines lines(context.bytes);
  std::string_view line;
  std::uint64_t offset = 0;
  std::size_t comments = 0;
  bool version = false;
  static const char* const tags[] = {"n_base", "n_tri", "n_state_map", "n_tied_state", "n_tied_ci_state", "n_tied_tmat"};
  std::optional<std::uint64_t> values[6];
  const auto all = [&values] { return std::all_of(std::begin(values), std::end(values), [](auto& v) { return v.has_value(); }); };
  while (!all()) {
    if (!lines.next(line, offset))
      fail_at(context.bytes.size(), version ? "the rest of the header (n_base, n_tri, n_state_map, n_tied_state, "
                                              "n_tied_ci_state, n_tied_tmat)"
                                            : "the version line \"0.3\"");
    if (!line.empty() && line[0] == '#') {
      if (!version && comments++ < max_leading_comments) {
        const auto text = trim(line.substr(1));
        if (!text.empty()) context.fact("comment", printable(text, 1024));
      }
      continue;
    }
    const auto w = words(line, 3);
    if (!version) {
      if (w.empty() || w[0] != "0.3") fail_at(offset, "the version line \"0.3\" (MODEL_DEF_VERSION)");
      context.fact("version", "0.3");
      version = true;
      continue;
    }
    const auto value = w.size() == 2 ? number(w[0]) : std::nullopt;
    const auto tag = std::find(std::begin(tags), std::end(tags), w.size() == 2 ? w[1] : std::string_view());
    if (!value || tag == std::end(tags))
      fail_at(offset, fmt::format("a header line \"N n_base\" (or n_tri, n_state_map, n_tied_state, n_tied_ci_state, "
                                  "n_tied_tmat), not \"{}\"",
                                  printable(line, 80)));
    // value_or, not *value: GCC 12 at -O3 takes the checked optional for
    // maybe uninitialized (a false positive that -Werror would stop on).
    const std::uint64_t count = value.value_or(0);
    values[tag - std::begin(tags)] = count;
    context.fact(*tag, std::to_string(count));
  }
  context.out.format_detail =
      fmt::format("Sphinx model definition, text version 0.3: {} base phones, {} triphones, {} tied states",
                  *values[0], *values[1], *values[3]);
}

bool binary_mdef(std::string_view bytes) { return bytes.substr(0, 4) == "BMDF" || bytes.substr(0, 4) == "FDMB"; }

void read_mdef(Context& context) {
  if (binary_mdef(context.bytes))
    read_binary_mdef(context);
  else
    read_text_mdef(context);
}

// "BMDF", or comment lines and then "0.3" and a header line.
bool sniff_mdef(std::string_view bytes, std::string_view) {
  if (binary_mdef(bytes)) return true;
  Lines lines(bytes.substr(0, 16 * 1024));
  std::string_view line;
  std::uint64_t offset = 0;
  while (lines.next(line, offset)) {
    if (!line.empty() && line[0] == '#') continue;
    if (trim(line) != "0.3") return false;
    return lines.next(line, offset) && line.find(" n_") != std::string_view::npos;
  }
  return false;
}

// --- language models ---------------------------------------------------------

constexpr std::string_view trie_header = "Trie Language Model";
constexpr std::string_view dmp_header = std::string_view("Darpa Trigram LM\0", 17);

bool dmp(std::string_view bytes) {
  return bytes.size() >= 21 && (bytes.substr(0, 4) == std::string_view("\x11\0\0\0", 4) ||
                                bytes.substr(0, 4) == std::string_view("\0\0\0\x11", 4)) &&
         bytes.substr(4, 17) == dmp_header;
}

void ngram_facts(Context& context, const std::vector<std::uint64_t>& counts) {
  for (std::size_t i = 0; i < counts.size(); ++i) context.fact(fmt::format("ngram {}", i + 1), std::to_string(counts[i]));
}

void read_trie_lm(Context& context) {
  Cursor in(context.bytes);
  in.skip(trie_header.size());
  const auto order = in.u8("the n-gram order");
  if (order < 1 || order > max_ngram_order) fail_at(in.offset() - 1, fmt::format("an n-gram order from 1 to 5, not {}", order));
  context.fact("order", std::to_string(order));
  std::vector<std::uint64_t> counts;
  for (int i = 0; i < order; ++i) counts.push_back(in.u32("an n-gram count"));
  ngram_facts(context, counts);
  context.out.format_detail = fmt::format("Sphinx trie language model, order {}, {} words", order, counts[0]);
}

void read_dmp_lm(Context& context) {
  Cursor in(context.bytes);
  const bool swap = context.bytes[0] == '\0';
  in.skip(4 + dmp_header.size());
  const auto name = in.take(count(in, swap, "the length of the LM's file name"), "the LM's file name");
  context.fact("filename", printable(name.substr(0, name.find('\0')), 1024));
  const auto version = i32(in, swap, "the version");
  std::uint64_t unigrams = 0;
  if (version <= 0) {
    context.fact("version", std::to_string(version));
    context.fact("timestamp", std::to_string(i32(in, swap, "the timestamp")));
    std::string description;
    for (std::uint64_t strings = 0;; ++strings) {
      const auto size = count(in, swap, "a format description string's length");
      if (size == 0) break;
      if (strings >= context.limits.max_entries) in.fail(fmt::format("at most {} description strings", context.limits.max_entries));
      const auto text = in.take(size, "a format description string");
      if (description.size() < 4096) description += std::string(text.substr(0, text.find('\0'))) + "\n";
    }
    if (!trim(description).empty()) context.fact("description", printable(trim(description)));
    unigrams = count(in, swap, "the number of unigrams");
  } else {
    unigrams = static_cast<std::uint64_t>(version);
  }
  const auto bigrams = count(in, swap, "the number of bigrams");
  const auto trigrams = count(in, swap, "the number of trigrams");
  const int order = trigrams > 0 ? 3 : bigrams > 0 ? 2 : 1;
  std::vector<std::uint64_t> counts{unigrams, bigrams, trigrams};
  counts.resize(static_cast<std::size_t>(order));
  ngram_facts(context, counts);
  context.out.format_detail = fmt::format("Sphinx DMP language model, order {}, {} words", order, unigrams);
}

void read_arpa_lm(Context& context) {
  Lines lines(context.bytes);
  std::string_view line;
  std::uint64_t offset = 0;
  for (;;) {
    if (!lines.next(line, offset)) fail_at(context.bytes.size(), "the line \\data\\ of an ARPA language model");
    if (trim(line) == "\\data\\") break;
  }
  // What comes before \data\ is free text: the tool and corpus, often.
  const auto preamble = trim(context.bytes.substr(0, offset));
  if (!preamble.empty()) context.fact("preamble", printable(preamble));
  std::vector<std::uint64_t> counts;
  for (;;) {
    if (!lines.next(line, offset)) fail_at(context.bytes.size(), "the n-grams after their counts");
    const auto text = trim(line);
    if (text.substr(0, 6) != "ngram ") break;
    const auto equals = text.find('=');
    const auto n = equals == std::string_view::npos ? std::nullopt : number(trim(text.substr(6, equals - 6)));
    const auto c = equals == std::string_view::npos ? std::nullopt : number(trim(text.substr(equals + 1)));
    if (!n || !c) fail_at(offset, fmt::format("a line \"ngram N=COUNT\", not \"{}\"", printable(text, 80)));
    if (*n != counts.size() + 1)
      fail_at(offset, fmt::format("the count of {}-grams next, not of {}-grams", counts.size() + 1, *n));
    if (counts.size() == max_ngram_order) fail_at(offset, "an n-gram order of at most 5");
    counts.push_back(*c);
  }
  if (counts.empty()) fail_at(offset, "at least the line \"ngram 1=COUNT\" after \\data\\");
  context.fact("order", std::to_string(counts.size()));
  ngram_facts(context, counts);
  context.out.format_detail = fmt::format("ARPA language model, order {}, {} words", counts.size(), counts[0]);
}

void read_lm(Context& context) {
  if (context.bytes.substr(0, trie_header.size()) == trie_header)
    read_trie_lm(context);
  else if (dmp(context.bytes))
    read_dmp_lm(context);
  else
    read_arpa_lm(context);
}

bool sniff_lm(std::string_view bytes, std::string_view) {
  if (bytes.substr(0, trie_header.size()) == trie_header || dmp(bytes)) return true;
  const auto head = bytes.substr(0, 64 * 1024);
  const auto data = head.find("\\data\\");
  return data != std::string_view::npos && (data == 0 || head[data - 1] == '\n') &&
         head.find("ngram 1=", data) != std::string_view::npos;
}

// --- feat.params -------------------------------------------------------------

void read_feat_params(Context& context) {
  if (const auto nul = context.bytes.find('\0'); nul != std::string_view::npos) fail_at(nul, "text, not a NUL byte");
  Lines lines(context.bytes);
  std::string_view line;
  std::uint64_t offset = 0;
  std::uint64_t options = 0;
  while (lines.next(line, offset)) {
    const auto text = trim(line);
    if (text.empty() || text[0] == '#') continue;
    if (text[0] != '-') fail_at(offset, fmt::format("an option line \"-name value\", not \"{}\"", printable(text, 80)));
    if (++options > context.limits.max_entries) fail_at(offset, fmt::format("at most {} options", context.limits.max_entries));
    const auto space = text.find_first_of(" \t");
    const auto name = text.substr(0, space);
    const auto value = space == std::string_view::npos ? std::string_view() : trim(text.substr(space));
    context.fact(printable(name, 128), printable(value, 1024));
  }
  context.out.format_detail = fmt::format("Sphinx feature parameters, {} options", options);
}

bool sniff_feat_params(std::string_view bytes, std::string_view name) {
  return basename(name) == "feat.params" && !trim(bytes.substr(0, 256)).empty() && trim(bytes.substr(0, 256))[0] == '-';
}

// --- dictionaries --------------------------------------------------------------

bool dict_comment(std::string_view line) { return line.substr(0, 2) == "##" || line.substr(0, 2) == ";;"; }

void read_dict(Context& context) {
  if (const auto nul = context.bytes.find('\0'); nul != std::string_view::npos) fail_at(nul, "text, not a NUL byte");
  Lines lines(context.bytes);
  std::string_view line;
  std::uint64_t offset = 0;
  std::uint64_t entries = 0;
  std::uint64_t ignored = 0;
  while (lines.next(line, offset)) {
    if (dict_comment(line)) continue;
    constexpr std::string_view space = " \t\r\v\f";
    const auto word = line.find_first_not_of(space);
    if (word == std::string_view::npos) continue;
    const auto after = line.find_first_of(space, word);
    if (after != std::string_view::npos && line.find_first_not_of(space, after) != std::string_view::npos)
      ++entries;
    else
      ++ignored;  // a word with no phones, which Sphinx skips
  }
  context.fact("entries", std::to_string(entries));
  if (ignored > 0) context.fact("entries without phones", std::to_string(ignored));
  context.out.format_detail = fmt::format("Sphinx pronunciation dictionary, {} entries", entries);
}

// A .dict or .dic file, or a noisedict, whose first entry is a word and
// phone names (upper case, digits, + and _, as in "<sil> SIL" or
// "[NOISE] +NSN+").
bool sniff_dict(std::string_view bytes, std::string_view name) {
  const auto base = basename(name);
  if (!ends_with(base, ".dict") && !ends_with(base, ".dic") && base != "noisedict") return false;
  Lines lines(bytes.substr(0, 4096));
  std::string_view line;
  std::uint64_t offset = 0;
  while (lines.next(line, offset)) {
    if (dict_comment(line) || trim(line).empty()) continue;
    const auto w = words(line, 8);
    if (w.size() < 2) return false;
    for (std::size_t i = 1; i < w.size(); ++i)
      for (char c : w[i])
        if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '+' &&
            c != '_')
          return false;
    return true;
  }
  return false;
}

// --- README --------------------------------------------------------------------

void read_readme(Context& context) {
  const auto text = trim(context.bytes);
  context.fact("readme", printable(text));
  Lines lines(text);
  std::string_view line;
  std::uint64_t offset = 0;
  while (lines.next(line, offset)) {
    const auto start = line.find_first_not_of(" \t*/#|");
    if (start == std::string_view::npos) continue;
    const auto rest = trim(line.substr(start));
    if (rest.size() >= 9 && (rest.substr(0, 9) == "Copyright" || rest.substr(0, 9) == "copyright")) {
      context.fact("copyright", printable(rest, 256));
      break;
    }
  }
  context.out.format_detail = "Sphinx model README";
}

// A README that speaks of an acoustic model and names CMU Sphinx's tools
// (sphinxtrain, pocketsphinx, ...): not one that only mentions Python's
// documentation generator Sphinx, or a package by its name.
bool sniff_readme(std::string_view bytes, std::string_view name) {
  const auto base = basename(name);
  if (base != "README" && base != "README.txt") return false;
  std::string head(bytes.substr(0, 4096));
  if (head.find('\0') != std::string::npos) return false;
  for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const names[] = {"sphinxtrain", "pocketsphinx", "cmusphinx", "cmu sphinx",
                                      "sphinxbase",  "sphinx3",      "sphinx-4",  "sphinx4"};
  return head.find("acoustic model") != std::string::npos &&
         std::any_of(std::begin(names), std::end(names),
                     [&head](const char* n) { return head.find(n) != std::string::npos; });
}

}  // namespace

const Format& sphinx_gaussians_format() {
  static const Format format{"sphinx-gaussians", "CMU Sphinx Gaussian means or variances (s3 binary)",
                             sniff_gaussians, read_gaussians};
  return format;
}

const Format& sphinx_tmat_format() {
  static const Format format{"sphinx-tmat", "CMU Sphinx transition matrices (s3 binary)", sniff_tmat, read_tmat};
  return format;
}

const Format& sphinx_mixw_format() {
  static const Format format{"sphinx-mixw", "CMU Sphinx mixture weights (s3 binary)", sniff_mixw, read_mixw};
  return format;
}

const Format& sphinx_s3_format() {
  static const Format format{"sphinx-s3", "CMU Sphinx binary parameter file (s3 header)", sniff_s3, read_s3};
  return format;
}

const Format& sphinx_sendump_format() {
  static const Format format{"sphinx-sendump", "CMU Sphinx senone dump (sendump)", sniff_sendump, read_sendump};
  return format;
}

const Format& sphinx_mdef_format() {
  static const Format format{"sphinx-mdef", "CMU Sphinx model definition (mdef, binary BMDF or text 0.3)", sniff_mdef,
                             read_mdef};
  return format;
}

const Format& sphinx_lm_format() {
  static const Format format{"sphinx-lm", "CMU Sphinx language model (trie or DMP binary, ARPA text)", sniff_lm,
                             read_lm};
  return format;
}

const Format& sphinx_feat_params_format() {
  static const Format format{"sphinx-feat-params", "CMU Sphinx feature parameters (feat.params)", sniff_feat_params,
                             read_feat_params};
  return format;
}

const Format& sphinx_dict_format() {
  static const Format format{"sphinx-dict", "CMU Sphinx pronunciation dictionary (.dict, noisedict)", sniff_dict,
                             read_dict};
  return format;
}

const Format& sphinx_readme_format() {
  static const Format format{"sphinx-readme", "CMU Sphinx model README", sniff_readme, read_readme};
  return format;
}

}  // namespace model_provenance::inspect::detail
