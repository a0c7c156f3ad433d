// SPDX-License-Identifier: GPL-3.0-or-later
// Writers for the pickle, PyTorch, NumPy and Keras tests: pickles opcode by
// opcode (CPython's Lib/pickle.py opcodes), and zip archives by hand with
// real CRC-32s, local headers, central directory and end records (PKWARE's
// APPNOTE.TXT 4.3.7 local file header, 4.3.9 data descriptor, 4.3.12
// central directory header, 4.3.14-4.3.16 the Zip64 and classic end
// records), stored or "deflated" as stored deflate blocks (RFC 1951 3.2.4),
// which a real inflater reads, so no zlib is needed here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace model_provenance::inspect::testing {

inline std::uint32_t crc32(std::string_view data) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char ch : data) crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

inline void put16(std::string& out, std::uint64_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
inline void put32(std::string& out, std::uint64_t v) {
  put16(out, v & 0xFFFF);
  put16(out, (v >> 16) & 0xFFFF);
}
inline void put64(std::string& out, std::uint64_t v) {
  put32(out, v & 0xFFFFFFFFu);
  put32(out, v >> 32);
}

struct ZipEntry {
  std::string name;
  std::string data;
  bool deflate = false;  // method 8, the data in stored deflate blocks
  // What the directory declares, when it should lie.
  std::optional<std::uint64_t> declared_size;
  std::optional<std::uint64_t> declared_compressed;
};

// TORCH_STYLE writes as PyTorchStreamWriter (miniz) does: a data
// descriptor after each member (flag bit 3), an "FB" extra field padding
// each member's data to 64 bytes, and Zip64 end records before the
// classic one.
inline std::string write_zip(const std::vector<ZipEntry>& entries, bool torch_style = false) {
  std::string out;
  std::string directory;
  for (const auto& entry : entries) {
    std::string body = entry.data;
    if (entry.deflate) {
      // Stored blocks of at most 65535 bytes, the last one final.
      body.clear();
      std::size_t at = 0;
      do {
        const std::size_t n = std::min<std::size_t>(65535, entry.data.size() - at);
        body += static_cast<char>(at + n == entry.data.size() ? 1 : 0);
        put16(body, n);
        put16(body, ~n & 0xFFFF);
        body += entry.data.substr(at, n);
        at += n;
      } while (at < entry.data.size());
    }
    const std::uint32_t crc = crc32(entry.data);
    const std::uint64_t size = entry.declared_size.value_or(entry.data.size());
    const std::uint64_t compressed = entry.declared_compressed.value_or(body.size());
    const std::uint16_t flags = torch_style ? 0x0808 : 0x0800;
    const std::uint16_t method = entry.deflate ? 8 : 0;
    const std::uint64_t offset = out.size();
    // Sizes past 32 bits go in a Zip64 extended information field (4.5.3).
    std::string zip64;
    if (size >= 0xFFFFFFFFu || compressed >= 0xFFFFFFFFu) {
      put16(zip64, 0x0001);
      put16(zip64, 16);
      put64(zip64, size);
      put64(zip64, compressed);
    }
    std::string extra;
    if (torch_style) {
      const std::size_t header = out.size() + 30 + entry.name.size() + 4;
      const std::size_t padding = (64 - header % 64) % 64;
      extra = "FB";
      put16(extra, padding);
      extra += std::string(padding, 'Z');
    }
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, flags);
    put16(out, method);
    put16(out, 0);      // time
    put16(out, 0x21);   // date: 1980-01-01
    put32(out, torch_style ? 0 : crc);
    put32(out, torch_style ? 0 : compressed);
    put32(out, torch_style ? 0 : size);
    put16(out, entry.name.size());
    put16(out, extra.size());
    out += entry.name;
    out += extra;
    out += body;
    if (torch_style) {
      put32(out, 0x08074b50);
      put32(out, crc);
      put32(out, compressed);
      put32(out, size);
    }
    put32(directory, 0x02014b50);
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, flags);
    put16(directory, method);
    put16(directory, 0);
    put16(directory, 0x21);
    put32(directory, crc);
    put32(directory, zip64.empty() ? compressed : 0xFFFFFFFFu);
    put32(directory, zip64.empty() ? size : 0xFFFFFFFFu);
    put16(directory, entry.name.size());
    put16(directory, zip64.size());
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, offset);
    directory += entry.name;
    directory += zip64;
  }
  const std::uint64_t directory_at = out.size();
  out += directory;
  if (torch_style) {
    const std::uint64_t record_at = out.size();
    put32(out, 0x06064b50);
    put64(out, 44);
    put16(out, 45);
    put16(out, 45);
    put32(out, 0);
    put32(out, 0);
    put64(out, entries.size());
    put64(out, entries.size());
    put64(out, directory.size());
    put64(out, directory_at);
    put32(out, 0x07064b50);
    put32(out, 0);
    put64(out, record_at);
    put32(out, 1);
  }
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, entries.size());
  put16(out, entries.size());
  put32(out, directory.size());
  put32(out, directory_at);
  put16(out, 0);
  return out;
}

// A pickle, one opcode at a time.
class PickleWriter {
 public:
  PickleWriter& proto(int n) { return op("\x80").byte(n); }
  PickleWriter& frame(std::uint64_t n) {
    op("\x95");
    put64(out_, n);
    return *this;
  }
  PickleWriter& global(std::string_view module, std::string_view name) {
    out_ += 'c';
    out_ += module;
    out_ += '\n';
    out_ += name;
    out_ += '\n';
    return *this;
  }
  PickleWriter& inst(std::string_view module, std::string_view name) {
    out_ += 'i';
    out_ += module;
    out_ += '\n';
    out_ += name;
    out_ += '\n';
    return *this;
  }
  PickleWriter& unicode(std::string_view text) {  // SHORT_BINUNICODE
    op("\x8c").byte(text.size());
    out_ += text;
    return *this;
  }
  PickleWriter& binunicode(std::string_view text) {
    out_ += 'X';
    put32(out_, text.size());
    out_ += text;
    return *this;
  }
  PickleWriter& string0(std::string_view quoted) {  // STRING, protocol 0: the quoted literal as written
    out_ += 'S';
    out_ += quoted;
    out_ += '\n';
    return *this;
  }
  PickleWriter& int1(int n) { return op("K").byte(n); }
  PickleWriter& mark() { return op("("); }
  PickleWriter& tuple() { return op("t"); }
  PickleWriter& tuple1() { return op("\x85"); }
  PickleWriter& tuple2() { return op("\x86"); }
  PickleWriter& empty_tuple() { return op(")"); }
  PickleWriter& empty_dict() { return op("}"); }
  PickleWriter& none() { return op("N"); }
  PickleWriter& reduce() { return op("R"); }
  PickleWriter& build() { return op("b"); }
  PickleWriter& newobj() { return op("\x81"); }
  PickleWriter& stack_global() { return op("\x93"); }
  PickleWriter& memoize() { return op("\x94"); }
  PickleWriter& binput(int i) { return op("q").byte(i); }
  PickleWriter& binget(int i) { return op("h").byte(i); }
  PickleWriter& long_binput(std::uint32_t i) {
    op("r");
    put32(out_, i);
    return *this;
  }
  PickleWriter& long_binget(std::uint32_t i) {
    op("j");
    put32(out_, i);
    return *this;
  }
  PickleWriter& setitem() { return op("s"); }
  PickleWriter& stop() { return op("."); }
  PickleWriter& raw(std::string_view bytes) {
    out_ += bytes;
    return *this;
  }
  const std::string& bytes() const { return out_; }
  std::size_t size() const { return out_.size(); }

 private:
  PickleWriter& op(const char* code) {
    out_ += code[0];
    return *this;
  }
  PickleWriter& byte(std::uint64_t n) {
    out_ += static_cast<char>(n & 0xFF);
    return *this;
  }
  std::string out_;
};

// A state_dict of two float32 tensors, fc.weight [4, 3] and fc.bias [4],
// as torch.save pickles it (protocol 2; an OrderedDict filled by
// SETITEMS with torch._utils._rebuild_tensor_v2 calls whose storages are
// persistent ids ('storage', torch.FloatStorage, key, 'cpu', numel), and
// the state_dict's _metadata set by BUILD).  Made with CPython 3.11's
// pickle.Pickler(protocol=2) and a persistent_id returning torch's tuple,
// with stand-in modules named torch and torch._utils so that the globals
// are written under torch's names; checked with pickletools.dis.
inline const std::string& torch_state_dict_pickle() {
  static const std::string bytes(
      "\x80\x02""ccollections\x0aOrderedDict\x0aq\x00)Rq\x01(X\x09\x00\x00\x00""fc.weightq\x02""ctorch._uti"
      "ls\x0a_rebuild_tensor_v2\x0aq\x03((X\x07\x00\x00\x00storageq\x04""ctorch\x0a""FloatStorage\x0aq\x05X"
      "\x01\x00\x00\x00""0q\x06X\x03\x00\x00\x00""cpuq\x07K\x0ctq\x08QK\x00K\x04K\x03\x86q\x09K\x03K\x01"
      "\x86q\x0a\x89h\x00)Rq\x0btq\x0cRq\x0dX\x07\x00\x00\x00""fc.biasq\x0eh\x03((h\x04h\x05X\x01\x00\x00"
      "\x00""1q\x0fh\x07K\x04tq\x10QK\x00K\x04\x85q\x11K\x01\x85q\x12\x89h\x00)Rq\x13tq\x14Rq\x15u}q\x16X"
      "\x09\x00\x00\x00_metadataq\x17h\x00)Rq\x18(X\x00\x00\x00\x00q\x19}q\x1aX\x07\x00\x00\x00versionq\x1b"
      "K\x01sX\x02\x00\x00\x00""fcq\x1c}q\x1dh\x1bK\x01susb.",
      314);
  return bytes;
}

// torch.save's zip layout around a data.pkl (torch/serialization.py _save
// and PyTorchStreamWriter): the pickle, byteorder, one member per storage,
// version "3", .data/serialization_id.
inline std::string torch_zip(const std::string& data_pkl, bool torch_style = true) {
  return write_zip({{"archive/data.pkl", data_pkl},
                    {"archive/byteorder", "little"},
                    {"archive/data/0", std::string(48, '\0')},
                    {"archive/data/1", std::string(16, '\0')},
                    {"archive/version", "3\n"},
                    {"archive/.data/serialization_id", "1234567890123456789012345678901234567890"}},
                   torch_style);
}

}  // namespace model_provenance::inspect::testing
