// SPDX-License-Identifier: GPL-3.0-or-later
// Zip archives (archive.hpp) and the format built on them here:
// "pytorch-zip", torch.save's format since PyTorch 1.6
// (torch/serialization.py _save; caffe2/serialize/inline_container.cc
// PyTorchStreamWriter).  Every member sits under one directory, the
// archive's name ("archive/" in recent versions): data.pkl, the pickled
// object whose storages are persistent ids ('storage', storage class,
// key, location, element count) naming members data/KEY; byteorder
// ("little" or "big"); version (the format version, "3"); and in recent
// versions .data/serialization_id, .format_version and
// .storage_alignment.  TorchScript archives (torch.jit.save) add
// constants.pkl and code/.  Only the pickles are read; the storages are
// skipped.
#include "archive.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cstring>

#include "pickle.hpp"

namespace model_provenance::inspect::detail {
namespace {

std::uint16_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(le16(b, at)) | static_cast<std::uint32_t>(le16(b, at + 2)) << 16;
}
std::uint64_t le64(std::string_view b, std::size_t at) {
  return static_cast<std::uint64_t>(le32(b, at)) | static_cast<std::uint64_t>(le32(b, at + 4)) << 32;
}

// Where the end of central directory record starts, or npos.
std::size_t find_end_record(std::string_view bytes) {
  if (bytes.size() < 22) return std::string_view::npos;
  const std::size_t lowest = bytes.size() > 22 + 0xFFFF ? bytes.size() - 22 - 0xFFFF : 0;
  for (std::size_t at = bytes.size() - 22 + 1; at-- > lowest;)
    if (bytes.compare(at, 4, "PK\x05\x06") == 0 && at + 22 + le16(bytes, at + 20) == bytes.size()) return at;
  return std::string_view::npos;
}

}  // namespace

std::vector<std::string> zip_member_names(std::string_view bytes, std::size_t max) {
  std::vector<std::string> names;
  if (bytes.size() < 4 || bytes.compare(0, 2, "PK") != 0) return names;
  const std::size_t end = find_end_record(bytes);
  if (end == std::string_view::npos) return names;
  std::uint64_t entries = le16(bytes, end + 10);
  std::uint64_t directory = le32(bytes, end + 16);
  // Zip64: the locator just before the end record gives the Zip64 end record.
  if ((entries == 0xFFFF || directory == 0xFFFFFFFF) && end >= 20 && bytes.compare(end - 20, 4, "PK\x06\x07") == 0) {
    const std::uint64_t record = le64(bytes, end - 20 + 8);
    if (record > bytes.size() || bytes.size() - record < 56 || bytes.compare(record, 4, "PK\x06\x06") != 0) return names;
    entries = le64(bytes, record + 32);
    directory = le64(bytes, record + 48);
  }
  std::uint64_t at = directory;
  for (std::uint64_t i = 0; i < entries && names.size() < max; ++i) {
    if (at > bytes.size() || bytes.size() - at < 46 || bytes.compare(at, 4, "PK\x01\x02") != 0) return {};
    const std::uint64_t name_length = le16(bytes, at + 28);
    const std::uint64_t extra = le16(bytes, at + 30);
    const std::uint64_t comment = le16(bytes, at + 32);
    if (bytes.size() - at - 46 < name_length + extra + comment) return {};
    names.emplace_back(bytes.substr(at + 46, name_length));
    at += 46 + name_length + extra + comment;
  }
  return names;
}

std::string ZipMember::label() const {
  return name.empty() ? fmt::format("zip member {}", index) : printable(name, 256);
}

ZipArchive::ZipArchive(std::string_view bytes, const Limits& limits) : limits_(limits) {
  const std::size_t end = find_end_record(bytes);
  const std::string where = fmt::format("byte {}", end == std::string_view::npos ? bytes.size() : end);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw FormatError(where, "a zip archive: " + message);
  }
  archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive_ == nullptr) {
    zip_source_free(source);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw FormatError(where, "a zip archive's central directory: " + message);
  }
  zip_error_fini(&error);
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_entries) {
    zip_discard(archive_);
    throw FormatError(where, fmt::format("a zip archive of at most {} members, not {}", limits.max_entries, count));
  }
  members_.reserve(static_cast<std::size_t>(count));
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &stat) != 0) {
      const std::string message = zip_strerror(archive_);
      zip_discard(archive_);
      throw FormatError(where, fmt::format("zip member {}: {}", i, message));
    }
    ZipMember member;
    member.index = static_cast<std::uint64_t>(i);
    if (stat.valid & ZIP_STAT_NAME) member.name = stat.name;
    member.size = stat.valid & ZIP_STAT_SIZE ? stat.size : 0;
    member.compressed = stat.valid & ZIP_STAT_COMP_SIZE ? stat.comp_size : 0;
    member.stored = (stat.valid & ZIP_STAT_COMP_METHOD) && stat.comp_method == ZIP_CM_STORE;
    member.encrypted = (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE;
    members_.push_back(std::move(member));
  }
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

const ZipMember* ZipArchive::find(std::string_view name) const {
  for (const auto& member : members_)
    if (member.name == name) return &member;
  return nullptr;
}

// The checks before anything is decompressed: the declared size against
// max_decompressed_bytes, and the declared ratio against
// max_compression_ratio (a zip bomb declares its true size or lies: the
// read below stops at the declared size either way).
void ZipArchive::check(const ZipMember& member) const {
  const std::string where = member.label();
  if (member.encrypted) throw FormatError(where, "an unencrypted zip member");
  if (member.size > limits_.max_decompressed_bytes)
    throw FormatError(where, fmt::format("a zip member of at most {} bytes uncompressed, not {}",
                                         limits_.max_decompressed_bytes, member.size));
  if (!member.stored && member.size > 0 &&
      (member.compressed == 0 || static_cast<long double>(member.size) >
                                     static_cast<long double>(member.compressed) * limits_.max_compression_ratio))
    throw FormatError(where, fmt::format("a compression ratio below {}:1, not {} bytes from {} (a zip bomb)",
                                         limits_.max_compression_ratio, member.size, member.compressed));
}

std::string ZipArchive::read(const ZipMember& member, std::uint64_t count) const {
  check(member);
  const std::string prefix = member.label();
  const std::uint64_t wanted = std::min(count, member.size);
  zip_file_t* file = zip_fopen_index(archive_, member.index, 0);
  if (file == nullptr) throw FormatError(prefix + ": byte 0", std::string("a readable zip member: ") + zip_strerror(archive_));
  std::string out;
  // Grown as data arrives, in blocks, so a member that declares more than
  // it holds costs no more than it holds.
  constexpr std::uint64_t block = 1 << 16;
  while (out.size() < wanted) {
    const std::uint64_t start = out.size();
    const std::uint64_t step = std::min(block, wanted - start);
    out.resize(start + step);
    const zip_int64_t got = zip_fread(file, out.data() + start, step);
    if (got < 0) {
      const std::string message = zip_file_strerror(file);
      zip_fclose(file);
      throw FormatError(fmt::format("{}: byte {}", prefix, start), "zip member data: " + message);
    }
    out.resize(start + static_cast<std::uint64_t>(got));
    if (got == 0) {
      zip_fclose(file);
      throw FormatError(fmt::format("{}: byte {}", prefix, start),
                        fmt::format("{} bytes, as the zip directory declares", member.size));
    }
  }
  // Reading past the end makes libzip check the CRC-32, and shows data
  // beyond the declared size.
  if (wanted == member.size) {
    char extra;
    const zip_int64_t more = zip_fread(file, &extra, 1);
    if (more != 0) {
      const std::string message = more < 0 ? zip_file_strerror(file) : "more data than the zip directory declares";
      zip_fclose(file);
      throw FormatError(fmt::format("{}: byte {}", prefix, out.size()), "zip member data: " + message);
    }
  }
  zip_fclose(file);
  return out;
}

namespace {

// The member data.pkl directly under the archive's one directory.
std::string pytorch_root(const std::vector<std::string>& names) {
  for (const auto& name : names) {
    const auto slash = name.find('/');
    if (slash != std::string::npos && slash > 0 && name.compare(slash, std::string::npos, "/data.pkl") == 0)
      return name.substr(0, slash);
  }
  return {};
}

bool sniff_pytorch_zip(std::string_view bytes, std::string_view) {
  return !pytorch_root(zip_member_names(bytes)).empty();
}

void read_pytorch_zip(Context& context) {
  ZipArchive zip(context.bytes, context.limits);
  std::vector<std::string> names;
  for (const auto& member : zip.members()) names.push_back(member.name);
  const std::string root = pytorch_root(names);
  if (root.empty()) throw FormatError("byte 0", "a member ARCHIVE/data.pkl");
  std::string version;
  std::uint64_t storages = 0;
  bool torchscript = false;
  // Small records first: they say what wrote the archive.
  for (const char* record : {"version", ".data/version", "byteorder", ".data/serialization_id", ".format_version",
                             ".storage_alignment"}) {
    const ZipMember* member = zip.find(root + "/" + record);
    if (member == nullptr || member->size > 256) continue;
    std::string text = zip.read(*member);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    if ((std::string_view(record) == "version" || std::string_view(record) == ".data/version") && version.empty())
      version = printable(text, 64);
    context.fact(record, printable(text, 256));
  }
  for (const auto& member : zip.members()) {
    if (member.name.rfind(root + "/data/", 0) == 0 && member.name.size() > root.size() + 6) ++storages;
    if (member.name.rfind(root + "/code/", 0) == 0) torchscript = true;
  }
  context.fact("storages", std::to_string(storages));
  context.out.format_detail = torchscript ? "TorchScript archive (torch.jit.save)"
                                          : "PyTorch zip checkpoint (torch.save)";
  if (!version.empty()) context.out.format_detail += ", version " + version;
  bool first = true;
  for (const char* pickle : {"data.pkl", "constants.pkl"}) {
    const ZipMember* member = zip.find(root + "/" + pickle);
    if (member == nullptr) continue;
    const std::string data = zip.read(*member);
    const std::string label = member->label();
    const PickleScan scan = scan_pickle(data, context.limits, label + ": ");
    if (first) context.fact("pickle protocol", scan.protocol < 0 ? std::string("0 or 1") : std::to_string(scan.protocol));
    first = false;
    for (const auto& [key, value] : scan.entries) context.fact(key, value);
    report_pickle(context, scan, label);
  }
}

}  // namespace

const Format& pytorch_zip_format() {
  static const Format format{"pytorch-zip", "PyTorch zip checkpoint (torch.save since 1.6, TorchScript)",
                             sniff_pytorch_zip, read_pytorch_zip};
  return format;
}

}  // namespace model_provenance::inspect::detail
