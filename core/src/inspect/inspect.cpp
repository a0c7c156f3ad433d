// SPDX-License-Identifier: GPL-3.0-or-later
// The entry points of inspect: mapping files, walking directories, hashing,
// and handing bytes to the format that recognises them.
#include "model-provenance/inspect.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <limits>
#include <memory>
#include <system_error>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "format.hpp"

namespace model_provenance::inspect {

std::string_view to_string(Concern concern) {
  switch (concern) {
    case Concern::review:
      return "review";
    case Concern::code_execution:
      return "code-execution";
  }
  return "review";
}

bool Inspection::runs_code() const {
  return std::any_of(safety.begin(), safety.end(),
                     [](const SafetyFinding& f) { return f.concern == Concern::code_execution; });
}

namespace detail {

std::string printable(std::string_view text, std::size_t max) {
  std::string out;
  out.reserve(std::min(text.size(), max));
  const auto bad = [&out] { out += "\xEF\xBF\xBD"; };
  std::size_t i = 0;
  while (i < text.size() && out.size() < max) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 0x20 || c == '\n' || c == '\t') {
        if (c == 0x7F) bad(); else out += static_cast<char>(c);
      } else {
        bad();
      }
      ++i;
      continue;
    }
    // A well-formed multi-byte sequence is kept whole; anything else is one
    // replacement character per byte.
    const std::size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    bool ok = length != 0 && i + length <= text.size();
    std::uint32_t code = length == 2 ? c & 0x1F : length == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; ok && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      ok = (next & 0xC0) == 0x80;
      code = (code << 6) | (next & 0x3F);
    }
    ok = ok && !(length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) &&
         !(length == 4 && (code < 0x10000 || code > 0x10FFFF));
    if (ok) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      bad();
      ++i;
    }
  }
  if (i < text.size()) out += "…";
  return out;
}

std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) {
  return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

std::uint64_t saturating_product(const std::vector<std::uint64_t>& shape) {
  std::uint64_t product = 1;
  for (const auto d : shape) {
    if (d == 0) return 0;
    if (product > std::numeric_limits<std::uint64_t>::max() / d) return std::numeric_limits<std::uint64_t>::max();
    product *= d;
  }
  return product;
}

const Format* find_format(std::string_view id) {
  for (const auto& format : formats())
    if (id == format.id) return &format;
  return nullptr;
}

bool read_any(Context& context) {
  if (context.depth > context.limits.max_depth)
    throw FormatError(context.name, "archives nested deeper than " + std::to_string(context.limits.max_depth));
  for (const auto& format : formats()) {
    if (!format.sniff(context.bytes, context.name)) continue;
    if (context.depth == 0) context.out.format = format.id;
    format.read(context);
    return true;
  }
  return false;
}

}  // namespace detail

std::vector<std::pair<std::string, std::string>> known_formats() {
  std::vector<std::pair<std::string, std::string>> result;
  for (const auto& format : detail::formats()) result.emplace_back(format.id, format.description);
  return result;
}

Inspection inspect_bytes(std::string_view bytes, const std::string& name, const Limits& limits) {
  Inspection result;
  result.path = name;
  result.size = bytes.size();
  result.format = "unknown";
  detail::Context context{bytes, name, limits, result};
  try {
    detail::read_any(context);
  } catch (const detail::FormatError& e) {
    result.error = name + ": " + e.what();
  } catch (const std::bad_alloc&) {
    result.error = name + ": out of memory while reading";
  } catch (const std::length_error& e) {
    result.error = name + ": a declared length too large to read";
  }
  return result;
}

namespace {

// A read-only mapping of a whole file, unmapped when it goes.
class Mapping {
 public:
  explicit Mapping(const std::filesystem::path& file) {
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw std::system_error(errno, std::generic_category(), file.string());
    struct stat status {};
    if (::fstat(fd_, &status) != 0) {
      const int error = errno;
      ::close(fd_);
      throw std::system_error(error, std::generic_category(), file.string());
    }
    size_ = static_cast<std::size_t>(status.st_size);
    if (size_ == 0) return;
    void* address = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
    if (address == MAP_FAILED) {
      const int error = errno;
      ::close(fd_);
      throw std::system_error(error, std::generic_category(), file.string());
    }
    address_ = address;
  }
  ~Mapping() {
    if (address_ != nullptr) ::munmap(address_, size_);
    if (fd_ >= 0) ::close(fd_);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  std::string_view bytes() const {
    return address_ == nullptr ? std::string_view() : std::string_view(static_cast<const char*>(address_), size_);
  }

 private:
  int fd_ = -1;
  void* address_ = nullptr;
  std::size_t size_ = 0;
};

struct DigestDeleter {
  void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new()) {
    if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1)
      throw std::runtime_error("SHA-256: OpenSSL could not start a digest");
  }
  void update(const void* data, std::size_t size) {
    if (EVP_DigestUpdate(context_.get(), data, size) != 1) throw std::runtime_error("SHA-256: OpenSSL update failed");
  }
  std::string hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(context_.get(), digest, &length) != 1)
      throw std::runtime_error("SHA-256: OpenSSL could not finish the digest");
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) fmt::format_to(std::back_inserter(out), "{:02x}", digest[i]);
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, DigestDeleter> context_;
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Sha256 digest;
  digest.update(bytes.data(), bytes.size());
  return digest.hex();
}

// Read with read(2) in large blocks rather than through the mapping: the
// kernel's read-ahead keeps the disk busy, and no page stays mapped.
std::string sha256_file(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), file.string());
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  Sha256 digest;
  std::vector<char> block(1 << 20);
  for (;;) {
    const ssize_t got = ::read(fd, block.data(), block.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      throw std::system_error(error, std::generic_category(), file.string());
    }
    if (got == 0) break;
    digest.update(block.data(), static_cast<std::size_t>(got));
  }
  ::close(fd);
  return digest.hex();
}

Inspection inspect_file(const std::filesystem::path& file, const Options& options) {
  Inspection result;
  {
    const Mapping mapping(file);
    result = inspect_bytes(mapping.bytes(), file.string(), options.limits);
  }
  if (options.hash) result.sha256 = sha256_file(file);
  return result;
}

void inspect_paths(const std::vector<std::filesystem::path>& paths, const Options& options,
                   const std::function<void(const Inspection&)>& each) {
  namespace fs = std::filesystem;
  for (const auto& path : paths) {
    const auto status = fs::symlink_status(path);
    if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::none);
           it != fs::recursive_directory_iterator(); ++it)
        if (it->is_regular_file() && !it->is_symlink()) files.push_back(it->path());
      std::sort(files.begin(), files.end());
      for (const auto& file : files) each(inspect_file(file, options));
    } else if (fs::exists(status) || fs::is_symlink(status)) {
      // A file named on the command line is followed if it is a link.
      each(inspect_file(path, options));
    } else {
      throw std::system_error(std::make_error_code(std::errc::no_such_file_or_directory), path.string());
    }
  }
}

}  // namespace model_provenance::inspect
