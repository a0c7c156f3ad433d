// SPDX-License-Identifier: GPL-3.0-or-later
// Zip archives (PyTorch checkpoints, NumPy .npz, Keras .keras), read with
// libzip from the mapped bytes.  A member is decompressed only after its
// declared size and compression ratio pass the limits, and never beyond
// its declared size.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "format.hpp"

struct zip;

namespace model_provenance::inspect::detail {

// The member names a zip's central directory lists, read by hand for
// sniffing (PKWARE's APPNOTE.TXT 4.3.12 central directory header, 4.3.14
// and 4.3.15 the Zip64 end records, 4.3.16 the end of central directory
// record).  Empty when BYTES are not a zip or its directory is damaged;
// at most MAX names.
std::vector<std::string> zip_member_names(std::string_view bytes, std::size_t max = 100'000);

struct ZipMember {
  std::string name;
  std::uint64_t index = 0;
  std::uint64_t size = 0;        // declared uncompressed size
  std::uint64_t compressed = 0;  // declared compressed size
  bool stored = false;           // no compression
  bool encrypted = false;
  // The name for messages: printable, and never empty.
  std::string label() const;
};

class ZipArchive {
 public:
  // Opens BYTES (not copied: they must outlive the archive).  A file that
  // is no readable zip, or that has more members than the limits allow, is
  // a FormatError.
  ZipArchive(std::string_view bytes, const Limits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  const std::vector<ZipMember>& members() const { return members_; }
  const ZipMember* find(std::string_view name) const;

  // The member's first COUNT bytes (all of it when shorter), after the
  // checks against the limits.  Errors name the member: "NAME: byte N".
  std::string read(const ZipMember& member, std::uint64_t count = UINT64_MAX) const;

 private:
  void check(const ZipMember& member) const;

  const Limits& limits_;
  struct zip* archive_ = nullptr;
  std::vector<ZipMember> members_;
};

}  // namespace model_provenance::inspect::detail
