// SPDX-License-Identifier: GPL-3.0-or-later
// Tesseract's .traineddata.  Layout from tesseract-ocr/tesseract
// src/ccutil/tessdatamanager.cpp, TessdataManager::LoadMemBuffer, and the
// TessdataType enum of src/ccutil/tessdatamanager.h (commit fe50309a1766):
// a u32 entry count (at most kMaxNumTessdataEntries, 1000; a larger one is
// a byte-swapped file), an i64 offset per entry, -1 for an absent one,
// then the entries, each running to the next present one's offset or to
// the end of the file.  The reader takes them one after the other, so
// each offset must be where the entries before it end.  The version entry
// is text: TESSERACT_VERSION_STR, then ":" and the version string given
// to combine_lang_model (by convention the language and the training
// data, lang_model_helpers.cpp), then ":" and the network spec the LSTM
// was trained with (lstmtrainer.cpp, InitNetwork).  There is no magic
// number: the name and a consistent offset table identify the file.
#include <fmt/format.h>

#include "format.hpp"

namespace model_provenance::inspect::detail {
namespace {

constexpr std::uint32_t max_entries = 1000;  // kMaxNumTessdataEntries
constexpr std::uint32_t version_entry = 23;  // TESSDATA_VERSION

// kTessdataFileSuffixes, by TessdataType.
constexpr const char* suffixes[] = {
    "config",           "unicharset",    "unicharambigs",  "inttemp",          "pffmtable",
    "normproto",        "punc-dawg",     "word-dawg",      "number-dawg",      "freq-dawg",
    "fixed-length-dawgs", "cube-unicharset", "cube-word-dawg", "shapetable",     "bigram-dawg",
    "unambig-dawg",     "params-model",  "lstm",           "lstm-punc-dawg",   "lstm-word-dawg",
    "lstm-number-dawg", "lstm-unicharset", "lstm-recoder", "version",
};

std::string suffix(std::uint32_t type) {
  return type < std::size(suffixes) ? suffixes[type] : fmt::format("entry {}", type);
}

std::uint32_t swap32(std::uint32_t v) { return __builtin_bswap32(v); }
std::int64_t swap64(std::int64_t v) {
  return static_cast<std::int64_t>(__builtin_bswap64(static_cast<std::uint64_t>(v)));
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

struct Table {
  std::uint32_t count = 0;
  bool swapped = false;
};

// The entry count, unswapped, if it is one.
std::optional<Table> entry_count(std::string_view bytes) {
  if (bytes.size() < 4) return std::nullopt;
  std::uint32_t count;
  std::memcpy(&count, bytes.data(), 4);
  Table table;
  if (count > max_entries) {
    count = swap32(count);
    table.swapped = true;
  }
  if (count > max_entries) return std::nullopt;
  table.count = count;
  return table;
}

// The name, a plausible count, and the first present entry right after
// the table.  A table cut short is taken, so that its error is told.
bool sniff(std::string_view bytes, std::string_view name) {
  if (!ends_with(name, ".traineddata")) return false;
  const auto table = entry_count(bytes);
  if (!table || table->count == 0) return false;
  const std::uint64_t header = 4 + 8ull * table->count;
  for (std::uint32_t i = 0; i < table->count && 12 + 8ull * i <= bytes.size(); ++i) {
    std::int64_t offset;
    std::memcpy(&offset, bytes.data() + 4 + 8 * i, 8);
    if (table->swapped) offset = swap64(offset);
    if (offset == -1) continue;
    return offset == static_cast<std::int64_t>(header);
  }
  return true;
}

// The version entry's parts, as facts.
void version_facts(Context& context, std::string_view version) {
  std::string_view rest = version;
  std::string_view network;
  if (const auto spec = rest.find(":["); spec != std::string_view::npos) {
    network = rest.substr(spec + 1);
    rest = rest.substr(0, spec);
  }
  const auto colon = rest.find(':');
  context.fact("version.tesseract", printable(rest.substr(0, colon), 256));
  if (colon != std::string_view::npos) {
    rest = rest.substr(colon + 1);
    const auto next = rest.find(':');
    context.fact("version.language", printable(rest.substr(0, next), 256));
    if (next != std::string_view::npos) context.fact("version.training", printable(rest.substr(next + 1), 1024));
  }
  if (!network.empty()) context.fact("version.network", printable(network, 1024));
}

void read(Context& context) {
  Cursor in(context.bytes);
  const auto table = entry_count(context.bytes);
  if (!table) in.fail(fmt::format("an entry count of at most {} (kMaxNumTessdataEntries)", max_entries));
  in.skip(4);
  std::vector<std::int64_t> offsets;
  // The count is at most 1000, and the table is read before anything is kept.
  for (std::uint32_t i = 0; i < table->count; ++i) {
    const std::int64_t offset = in.i64("entry offset");
    offsets.push_back(table->swapped ? swap64(offset) : offset);
  }
  const auto size = static_cast<std::int64_t>(context.bytes.size());
  std::int64_t next = static_cast<std::int64_t>(in.offset());
  std::string_view version;
  std::vector<std::string> present;
  bool lstm = false, legacy = false;
  for (std::uint32_t i = 0; i < table->count; ++i) {
    const std::int64_t offset = offsets[i];
    if (offset == -1) continue;
    const std::string where = in.where_at(4 + 8ull * i);
    if (offset != next)
      throw FormatError(where, fmt::format("the offset of {} where the entries before it end, {}, not {}", suffix(i),
                                           next, offset));
    // Up to the next present entry, or to the end of the file.
    std::int64_t end = size;
    for (std::uint32_t j = i + 1; j < table->count; ++j) {
      if (offsets[j] == -1) continue;
      end = offsets[j];
      if (end < offset || end > size)
        throw FormatError(in.where_at(4 + 8ull * j),
                          fmt::format("the offset of {}, after {} at {} and within the file ({} bytes), not {}",
                                      suffix(j), suffix(i), offset, size, end));
      break;
    }
    const auto length = static_cast<std::uint64_t>(end - offset);
    context.fact("component." + suffix(i), fmt::format("{} bytes", length));
    const std::string_view data = context.bytes.substr(static_cast<std::uint64_t>(offset), length);
    if (i == version_entry) version = data;
    if (i == 0) context.fact("config", printable(data));
    if (i == 17) lstm = true;  // TESSDATA_LSTM
    if (i == 3) legacy = true;  // TESSDATA_INTTEMP: the legacy engine's templates
    next = end;
  }
  if (next != size)
    throw FormatError(in.where_at(static_cast<std::uint64_t>(next)),
                      fmt::format("the end of the file after the last entry, but {} more bytes follow", size - next));
  if (!version.empty()) {
    context.fact("version", printable(version, 1024));
    version_facts(context, version);
  }
  std::string detail = "Tesseract traineddata, ";
  detail += version.empty() ? "pre-4.0 (no version entry)" : "version " + printable(version.substr(0, version.find(':')), 64);
  if (lstm) detail += ", LSTM";
  if (legacy) detail += ", legacy";
  if (table->swapped) detail += ", byte-swapped";
  context.out.format_detail = detail;
}

}  // namespace

const Format& traineddata_format() {
  static const Format format{"traineddata", "Tesseract OCR language data (.traineddata)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
