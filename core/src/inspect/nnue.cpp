// SPDX-License-Identifier: GPL-3.0-or-later
// Stockfish's NNUE evaluation networks (.nnue).  The header, from
// official-stockfish/Stockfish src/nnue/network.cpp, Network::read_header
// (commit 762dd1da9a5d; the same layout as ReadHeader in
// src/nnue/evaluate_nnue.cpp of 84f3e8679, which added NNUE): a u32
// version, a u32 hash of the architecture, a u32 length and the network's
// description.  Then come the feature transformer's u32 hash and its
// parameters, compressed since a46087ee3 (2023) behind the magic string
// "COMPRESSED_LEB128".  The version constants (src/nnue/nnue_common.h):
// 0x7AF32F16 from 84f3e8679 (2020), 0x7AF32F20 from e8d64af12 (2021),
// 0x6A448AFA from 313ea4ab0 (2026).  The layers that follow depend on the
// architecture the hash stands for, so they are not walked, and the
// parameters are not counted.
#include <fmt/format.h>

#include "format.hpp"

namespace model_provenance::inspect::detail {
namespace {

constexpr std::uint32_t known_versions[] = {0x7AF32F16u, 0x7AF32F20u, 0x6A448AFAu};
constexpr std::string_view leb128_magic = "COMPRESSED_LEB128";
// A description is a line or a paragraph; the sniffer wants no more.
constexpr std::uint32_t plausible_description = 1 << 16;

bool known(std::uint32_t version) {
  for (const auto v : known_versions)
    if (v == version) return true;
  return false;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string_view base_name(std::string_view name) {
  const auto slash = name.find_last_of('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// Stockfish names its nets nn-<the first 12 hex digits of the SHA-256 of
// the file>.nnue: scripts/net.sh checks a downloaded net against its name
// so (`cut -c 1-12` of sha256sum).
std::optional<std::string> expected_sha256_prefix(std::string_view name) {
  const std::string_view base = base_name(name);
  if (base.size() != 3 + 12 + 5 || base.substr(0, 3) != "nn-" || !ends_with(base, ".nnue")) return std::nullopt;
  const std::string_view hex = base.substr(3, 12);
  for (const char c : hex)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  return std::string(hex);
}

// A known version, or the .nnue name with a description that fits.
bool sniff(std::string_view bytes, std::string_view name) {
  if (bytes.size() < 12) return false;
  std::uint32_t version, length;
  std::memcpy(&version, bytes.data(), 4);
  std::memcpy(&length, bytes.data() + 8, 4);
  if (known(version)) return true;
  return ends_with(name, ".nnue") && length <= plausible_description && length <= bytes.size() - 12;
}

void read(Context& context) {
  Cursor in(context.bytes);
  const std::uint32_t version = in.u32("version");
  const std::uint32_t hash = in.u32("architecture hash");
  const std::uint32_t length = in.u32("description length");
  context.out.format_detail = fmt::format("Stockfish NNUE, version {:#010x}", version);
  if (!known(version)) context.out.format_detail += " (not one Stockfish has used)";
  context.fact("version", fmt::format("{:#010x}", version));
  context.fact("architecture hash", fmt::format("{:#010x}", hash));
  if (auto prefix = expected_sha256_prefix(context.name)) context.fact("expected sha256 prefix", *prefix);
  const std::string_view description = in.take(length, "description");
  context.fact("description", printable(description));
  context.fact("feature transformer hash", fmt::format("{:#010x}", in.u32("feature transformer hash")));
  if (context.bytes.substr(in.offset(), leb128_magic.size()) == leb128_magic)
    context.fact("compression", "LEB128");
}

}  // namespace

const Format& nnue_format() {
  static const Format format{"nnue", "Stockfish NNUE network (.nnue)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
