// SPDX-License-Identifier: GPL-3.0-or-later
// The Guile extension: the only code that includes libguile.
//
// Every primitive runs its C++ body inside `guarded`, which catches C++
// exceptions, turns them into Scheme values, leaves every C++ scope and only
// then raises: Guile's non-local exits never cross live C++ destructors.
// Arguments are checked by helpers that throw C++ exceptions, never by
// Guile's own checks, which would longjmp.  Data crosses the boundary in
// batches of plain Scheme values (vectors, lists, strings, symbols); the
// Scheme modules wrap them in records.
#include <libguile.h>

#include <algorithm>
#include <cstdlib>
#include <cerrno>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <system_error>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model-provenance/evaluate.hpp"
#include "model-provenance/inspect.hpp"
#include "model-provenance/interchange/cyclonedx.hpp"
#include "model-provenance/interchange/hub.hpp"
#include "model-provenance/interchange/huggingface.hpp"
#include "model-provenance/interchange/prov.hpp"
#include "model-provenance/interchange/spdx3.hpp"
#include "model-provenance/lineage.hpp"
#include "model-provenance/scan.hpp"

namespace mp = model_provenance;

namespace {

// ------------------------------------------------------------ registration

// One registration per exported procedure: name, arity and docstring sit
// next to the body, so the export list and the documentation cannot drift.
struct Primitive {
  const char* name;
  int required, optional;
  scm_t_subr function;
  const char* documentation;
};

std::vector<Primitive>& primitives() {
  static std::vector<Primitive> all;
  return all;
}

struct Register {
  Register(const char* name, int required, int optional, scm_t_subr function, const char* documentation) {
    primitives().push_back({name, required, optional, function, documentation});
  }
};

#define MP_PRIMITIVE(c_name, scheme_name, required, optional, arguments, documentation) \
  SCM c_name arguments;                                                                 \
  const Register c_name##_registration(scheme_name, required, optional,                 \
                                       reinterpret_cast<scm_t_subr>(c_name), documentation); \
  SCM c_name arguments

// ------------------------------------------------------------------ errors

// A bad argument, found by the conversion helpers.
struct ArgumentError {
  int position;
  std::string expected;
  SCM value;
};

// What a failure becomes in Scheme, gathered while C++ objects still live.
struct Failure {
  enum class Kind { none, argument, provenance } kind = Kind::none;
  SCM arguments = SCM_EOL;  // for raise-provenance-error, or wrong-type-arg
  int position = 0;
  SCM value = SCM_BOOL_F;
  char expected[512] = {};  // no destructor: it outlives the C++ scope
};

// A Scheme vector of `items`.  The items live in the initializer list's
// array on the stack, where the collector sees them: never gather freshly
// made Scheme values in heap memory such as a std::vector.
SCM make_vector(std::initializer_list<SCM> items) {
  SCM vector = scm_c_make_vector(items.size(), SCM_BOOL_F);
  std::size_t index = 0;
  for (SCM item : items) scm_c_vector_set_x(vector, index++, item);
  return vector;
}

SCM symbol(std::string_view name) { return scm_from_utf8_symboln(name.data(), name.size()); }
// TEXT with every byte that is not part of a valid UTF-8 sequence replaced
// by U+FFFD: Guile raises a decoding error on invalid UTF-8, and a raise
// from inside a C++ catch block would skip the exception's destructor.
std::string valid_utf8(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3
                               : (byte >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; valid && k < length; ++k)
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (valid && length > 1) {
      // Overlong forms and surrogates are not valid either.
      const auto next = static_cast<unsigned char>(text[i + 1]);
      valid = !((byte == 0xC0 || byte == 0xC1) || (byte == 0xE0 && next < 0xA0) ||
                (byte == 0xED && next >= 0xA0) || (byte == 0xF0 && next < 0x90) ||
                (byte == 0xF4 && next >= 0x90) || byte > 0xF4);
    }
    if (valid) {
      result.append(text.substr(i, length));
      i += length;
    } else {
      result.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return result;
}

SCM string(std::string_view text) {
  const std::string valid = valid_utf8(text);
  return scm_from_utf8_stringn(valid.data(), valid.size());
}

// The Scheme list of convert(item) for each item, in order.  Built from the
// end, so that the list made so far is always held by a local variable.
template <typename Items, typename Convert>
SCM list_of(const Items& items, Convert convert) {
  SCM list = SCM_EOL;
  for (auto item = std::rbegin(items); item != std::rend(items); ++item)
    list = scm_cons(convert(*item), list);
  return list;
}

SCM string_list(const std::vector<std::string>& items) {
  return list_of(items, [](const std::string& item) { return string(item); });
}

// #(url date about) for each source.
SCM source_list(const std::vector<mp::Source>& sources) {
  return list_of(sources, [](const mp::Source& s) {
    return make_vector({string(s.url), string(s.date), string(s.about)});
  });
}

// (code message ids field) for one problem.
SCM problem_values(const mp::Problem& problem) {
  return scm_list_4(symbol(mp::to_string(problem.code)), string(mp::describe(problem)),
                    string_list(problem.ids), string(problem.field));
}

SCM raise_procedure() {
  static SCM procedure = scm_permanent_object(
      scm_c_public_ref("model-provenance bindings", "raise-provenance-error"));
  return procedure;
}

template <typename Body>
SCM guarded(const char* who, Body&& body) {
  Failure failure;
  {
    try {
      return body();
    } catch (const ArgumentError& error) {
      failure.kind = Failure::Kind::argument;
      failure.position = error.position;
      failure.value = error.value;
      // Cut on a character boundary: Guile decodes the message.
      const std::string expected = valid_utf8(error.expected);
      std::size_t length = std::min(expected.size(), sizeof failure.expected - 1);
      while (length > 0 && length < expected.size() &&
             (static_cast<unsigned char>(expected[length]) & 0xC0) == 0x80)
        --length;
      expected.copy(failure.expected, length);
    } catch (const std::system_error& error) {
      // A file that cannot be opened or read: the message names it.
      failure.kind = Failure::Kind::provenance;
      failure.arguments = scm_list_n(symbol(who), symbol("file-error"), string(valid_utf8(error.what())), SCM_EOL,
                                     string(""), SCM_EOL, SCM_UNDEFINED);
    } catch (const mp::interchange::DocumentError& error) {
      // A document that cannot be read: the message names file and place.
      failure.kind = Failure::Kind::provenance;
      failure.arguments = scm_list_n(symbol(who), symbol("document-error"), string(valid_utf8(error.what())),
                                     SCM_EOL, string(error.where()), SCM_EOL, SCM_UNDEFINED);
    } catch (const mp::ValidationError& error) {
      SCM problems = list_of(error.problems(), problem_values);
      std::vector<std::string> ids;
      for (const auto& problem : error.problems())
        for (const auto& id : problem.ids) ids.push_back(id);
      failure.kind = Failure::Kind::provenance;
      failure.arguments = scm_list_n(symbol(who), symbol("invalid-graph"), string(error.what()),
                                     string_list(ids), string(""), problems, SCM_UNDEFINED);
    } catch (const mp::Error& error) {
      const auto& problem = error.problem();
      failure.kind = Failure::Kind::provenance;
      failure.arguments =
          scm_list_n(symbol(who), symbol(mp::to_string(problem.code)), string(error.what()),
                     string_list(problem.ids), string(problem.field),
                     scm_list_1(problem_values(problem)), SCM_UNDEFINED);
    } catch (const std::exception& error) {
      failure.kind = Failure::Kind::provenance;
      failure.arguments = scm_list_n(symbol(who), symbol("internal-error"), string(error.what()),
                                     SCM_EOL, string(""), SCM_EOL, SCM_UNDEFINED);
    }
  }
  // No C++ object with a destructor is alive past this point.
  if (failure.kind == Failure::Kind::argument)
    scm_wrong_type_arg_msg(who, failure.position, failure.value, failure.expected);
  scm_apply_0(raise_procedure(), failure.arguments);
  return SCM_UNSPECIFIED;  // not reached
}

// ------------------------------------------------------------- conversion

// What a value is for, in a message: a string, or a procedure making it,
// so that hot loops build descriptions only when reading fails.
template <typename What>
std::string describe(const What& what) {
  if constexpr (std::is_invocable_v<const What&>)
    return what();
  else
    return std::string(what);
}

// The description WHAT followed by SUFFIX, made when needed.
template <typename What>
auto then(const What& what, const char* suffix) {
  return [&what, suffix] { return describe(what) + suffix; };
}

// The record types of (model-provenance graph), when make-provenance-graph
// passes its records as they are: they are then read slot by slot, where
// otherwise they would first be copied into vectors.
struct RecordTypes {
  SCM artifact = SCM_BOOL_F, step = SCM_BOOL_F, source = SCM_BOOL_F, compute = SCM_BOOL_F;
};

// Reads arguments without any Guile check that could longjmp: a mismatch
// is an ArgumentError naming the position and, for nested data, the path.
struct Reader {
  int position;
  RecordTypes records = {};

  [[noreturn]] void fail(SCM value, const std::string& expected) const {
    throw ArgumentError{position, expected, value};
  }

  template <typename What>
  std::string text(SCM value, const What& what) const {
    if (!scm_is_string(value)) fail(value, "a string for " + describe(what));
    std::size_t length = 0;
    char* bytes = scm_to_utf8_stringn(value, &length);
    std::string result(bytes, length);
    std::free(bytes);
    return result;
  }

  template <typename What>
  std::optional<std::string> optional_text(SCM value, const What& what) const {
    if (scm_is_false(value)) return std::nullopt;
    return text(value, then(what, " (or #f)"));
  }

  template <typename What>
  std::string symbol_name(SCM value, const What& what) const {
    if (!scm_is_symbol(value)) fail(value, "a symbol for " + describe(what));
    return text(scm_symbol_to_string(value), what);
  }

  template <typename What>
  bool boolean(SCM value, const What& what) const {
    if (!scm_is_bool(value)) fail(value, "#t or #f for " + describe(what));
    return scm_is_true(value);
  }

  template <typename What>
  std::optional<double> optional_number(SCM value, const What& what) const {
    if (scm_is_false(value)) return std::nullopt;
    if (!scm_is_real(value)) fail(value, "a real number (or #f) for " + describe(what));
    return scm_to_double(value);
  }

  template <typename What>
  std::optional<std::uint64_t> optional_size(SCM value, const What& what) const {
    if (scm_is_false(value)) return std::nullopt;
    if (!scm_is_unsigned_integer(value, 0, UINT64_MAX))
      fail(value, "a non-negative exact integer (or #f) for " + describe(what));
    return scm_to_uint64(value);
  }

  std::uint32_t small_count(SCM value, const std::string& what) const {
    if (!scm_is_unsigned_integer(value, 0, UINT32_MAX)) fail(value, "a non-negative integer for " + what);
    return scm_to_uint32(value);
  }

  template <typename Item>
  std::vector<Item> list(SCM value, const std::string& what,
                         const std::function<Item(SCM, const std::string&)>& item) const {
    std::vector<Item> items;
    std::size_t index = 0;
    for (; scm_is_pair(value); value = SCM_CDR(value), ++index)
      items.push_back(item(SCM_CAR(value), what + " element " + std::to_string(index)));
    if (!scm_is_null(value)) fail(value, "a proper list for " + what);
    return items;
  }

  // The same, describing elements only when one is wrong: ITEM takes the
  // element and a procedure returning its description.
  template <typename Item, typename What, typename Read>
  std::vector<Item> lazy_list(SCM value, const What& what, const Read& item) const {
    std::vector<Item> items;
    std::size_t index = 0;
    for (; scm_is_pair(value); value = SCM_CDR(value), ++index)
      items.push_back(item(SCM_CAR(value), [&what, index] { return describe(what) + " element " + std::to_string(index); }));
    if (!scm_is_null(value)) fail(value, "a proper list for " + describe(what));
    return items;
  }

  // Field INDEX of a vector of LENGTH fields or, when TYPE is a record
  // type, of a record of that type.
  template <typename What>
  SCM field(SCM vector, std::size_t index, std::size_t length, const What& what, SCM type = SCM_BOOL_F) const {
    if (scm_is_true(type) && SCM_STRUCTP(vector) && scm_is_eq(SCM_STRUCT_VTABLE(vector), type))
      return SCM_STRUCT_SLOT_REF(vector, index);
    if (!scm_is_vector(vector) || scm_c_vector_length(vector) != length)
      fail(vector, "a vector of " + std::to_string(length) + " fields for " + describe(what));
    return scm_c_vector_ref(vector, index);
  }

  template <typename Enum, typename What>
  Enum enumeration(SCM value, const What& what, std::optional<Enum> (*parse)(std::string_view),
                   const std::string& names) const {
    const std::string name = symbol_name(value, what);
    if (auto parsed = parse(name)) return *parsed;
    // A likely typo gets the name it is nearest to.
    std::vector<std::string_view> candidates;
    for (std::size_t start = 0; start < names.size();) {
      const std::size_t end = std::min(names.find(", ", start), names.size());
      candidates.push_back(std::string_view(names).substr(start, end - start));
      start = end + 2;
    }
    const std::string nearest = mp::nearest_name(name, candidates);
    fail(value, "one of " + names + " for " + describe(what) +
                    (nearest.empty() ? "" : "; did you mean " + nearest + "?"));
  }

  // The same, for a symbol already read: the last few symbols and what
  // they parsed to are kept, symbols being unique.
  // NAMES is only called then.
  template <typename Enum, typename What, typename Names>
  Enum cached_enumeration(SCM value, const What& what, std::optional<Enum> (*parse)(std::string_view),
                          Names names, std::pair<SCM, Enum> (&cache)[4]) const {
    for (const auto& [known, parsed] : cache)
      if (scm_is_eq(known, value) && scm_is_symbol(value)) return parsed;
    const Enum parsed = enumeration<Enum>(value, what, parse, names());
    std::move_backward(std::begin(cache), std::end(cache) - 1, std::end(cache));
    cache[0] = {value, parsed};
    return parsed;
  }

  template <typename What>
  std::vector<std::string> strings(SCM value, const What& what) const {
    return lazy_list<std::string>(value, what, [this](SCM item, const auto& path) { return text(item, path); });
  }

  template <typename What>
  std::vector<mp::Source> sources(SCM value, const What& what) const {
    return lazy_list<mp::Source>(value, what, [this](SCM item, const auto& path) {
      const SCM type = records.source;
      return mp::Source{text(field(item, 0, 3, path, type), then(path, " url")),
                        text(field(item, 1, 3, path, type), then(path, " date")),
                        text(field(item, 2, 3, path, type), then(path, " about"))};
    });
  }

  // Symbols already parsed, for artifact and step vectors in bulk.
  mutable std::pair<SCM, mp::ArtifactKind> artifact_kinds[4] = {};
  mutable std::pair<SCM, mp::Availability> availabilities[4] = {};
  mutable std::pair<SCM, mp::DocumentKind> document_kinds[4] = {};
  mutable std::pair<SCM, mp::StepKind> step_kinds[4] = {};
  mutable std::pair<SCM, mp::InputRole> input_roles[4] = {};

  // #(id kind name version license sha256 uris format availability
  //   guix-package size notes sources backends document-kind describes)
  template <typename What>
  mp::Artifact artifact(SCM value, const What& what) const {
    constexpr std::size_t n = 16;
    const SCM type = records.artifact;
    mp::Artifact a;
    a.id = text(field(value, 0, n, what, type), then(what, " id"));
    const auto at = [&](const char* name) {
      return [&what, &a, name] { return describe(what) + " '" + a.id + "'" + name; };
    };
    a.kind = cached_enumeration<mp::ArtifactKind>(field(value, 1, n, what, type), at(" kind"),
                                                  mp::parse_artifact_kind, mp::artifact_kind_names,
                                                  artifact_kinds);
    a.name = text(field(value, 2, n, what, type), at(" name"));
    a.version = text(field(value, 3, n, what, type), at(" version"));
    a.license = optional_text(field(value, 4, n, what, type), at(" license"));
    a.sha256 = optional_text(field(value, 5, n, what, type), at(" sha256"));
    a.uris = strings(field(value, 6, n, what, type), at(" uris"));
    a.format = text(field(value, 7, n, what, type), at(" format"));
    a.availability = cached_enumeration<mp::Availability>(field(value, 8, n, what, type), at(" availability"),
                                                          mp::parse_availability, mp::availability_names,
                                                          availabilities);
    a.guix_package = optional_text(field(value, 9, n, what, type), at(" guix-package"));
    a.size_bytes = optional_size(field(value, 10, n, what, type), at(" size"));
    a.notes = text(field(value, 11, n, what, type), at(" notes"));
    a.sources = sources(field(value, 12, n, what, type), at(" sources"));
    a.backends = lazy_list<mp::BackendSupport>(
        field(value, 13, n, what, type), at(" backends"), [this](SCM item, const auto& path) {
          if (!scm_is_pair(item)) fail(item, "a pair (backend . proprietary?) for " + describe(path));
          return mp::BackendSupport{symbol_name(SCM_CAR(item), then(path, " backend")),
                                    boolean(SCM_CDR(item), then(path, " proprietary?"))};
        });
    a.document_kind = cached_enumeration<mp::DocumentKind>(field(value, 14, n, what, type), at(" document-kind"),
                                                           mp::parse_document_kind, mp::document_kind_names,
                                                           document_kinds);
    a.describes = strings(field(value, 15, n, what, type), at(" describes"));
    return a;
  }

  // #(id kind inputs outputs #(flops hours profile memory storage) notes sources)
  template <typename What>
  mp::Step step(SCM value, const What& what) const {
    constexpr std::size_t n = 7;
    const SCM type = records.step;
    mp::Step s;
    s.id = text(field(value, 0, n, what, type), then(what, " id"));
    const auto at = [&](const char* name) {
      return [&what, &s, name] { return describe(what) + " '" + s.id + "'" + name; };
    };
    s.kind = cached_enumeration<mp::StepKind>(field(value, 1, n, what, type), at(" kind"), mp::parse_step_kind,
                                              mp::step_kind_names, step_kinds);
    s.inputs = lazy_list<mp::StepInput>(
        field(value, 2, n, what, type), at(" inputs"), [this](SCM item, const auto& path) {
          if (!scm_is_pair(item)) fail(item, "a pair (artifact-id . role) for " + describe(path));
          return mp::StepInput{text(SCM_CAR(item), then(path, " artifact")),
                               cached_enumeration<mp::InputRole>(SCM_CDR(item), then(path, " role"),
                                                                 mp::parse_input_role, mp::input_role_names,
                                                                 input_roles)};
        });
    s.outputs = strings(field(value, 3, n, what, type), at(" outputs"));
    const SCM compute = field(value, 4, n, what, type);
    const auto c = at(" compute");
    const auto in_compute = [&c](const char* name) { return [&c, name] { return c() + name; }; };
    const SCM ctype = records.compute;
    s.compute.flops = optional_number(field(compute, 0, 5, c, ctype), in_compute(" flops"));
    s.compute.hours = optional_number(field(compute, 1, 5, c, ctype), in_compute(" hours"));
    s.compute.hardware_profile =
        optional_text(field(compute, 2, 5, c, ctype), in_compute(" hardware-profile")).value_or("");
    s.compute.peak_memory_bytes = optional_size(field(compute, 3, 5, c, ctype), in_compute(" peak-memory"));
    s.compute.storage_bytes = optional_size(field(compute, 4, 5, c, ctype), in_compute(" storage"));
    s.notes = text(field(value, 5, n, what, type), at(" notes"));
    s.sources = sources(field(value, 6, n, what, type), at(" sources"));
    return s;
  }

  mp::LicenseCriterion criterion(SCM value, const std::string& what) const {
    return enumeration<mp::LicenseCriterion>(value, what, mp::parse_license_criterion,
                                             "fsf-libre, osi-approved, fsf-libre-or-osi-approved, free-data, any");
  }

  // #(name description software data weights documents free non-free
  //   start-from-free-weights? allow-proprietary-backends?
  //   registration-counts? require-data-available? budget-hours
  //   classification sources unstated-licenses)
  mp::Policy policy(SCM value, const std::string& what) const {
    constexpr std::size_t n = 16;
    mp::Policy p;
    p.name = text(field(value, 0, n, what), what + " name");
    const std::string where = what + " '" + p.name + "'";
    p.description = text(field(value, 1, n, what), where + " description");
    p.software_licenses = criterion(field(value, 2, n, what), where + " software-licenses");
    p.data_licenses = criterion(field(value, 3, n, what), where + " data-licenses");
    p.weights_licenses = criterion(field(value, 4, n, what), where + " weights-licenses");
    p.document_licenses = criterion(field(value, 5, n, what), where + " document-licenses");
    p.license_overrides.free = strings(field(value, 6, n, what), where + " free-licenses");
    p.license_overrides.non_free = strings(field(value, 7, n, what), where + " non-free-licenses");
    p.start_from_free_weights = boolean(field(value, 8, n, what), where + " start-from-free-weights?");
    p.allow_proprietary_backends = boolean(field(value, 9, n, what), where + " allow-proprietary-backends?");
    p.registration_counts_as_available = boolean(field(value, 10, n, what), where + " registration-counts?");
    p.require_data_available = boolean(field(value, 11, n, what), where + " require-data-available?");
    p.budget_hours = optional_number(field(value, 12, n, what), where + " budget-hours");
    p.classification = enumeration<mp::Classification>(field(value, 13, n, what), where + " classification",
                                                       mp::parse_classification,
                                                       "none, debian-ml-policy, osaid, mof");
    p.sources = sources(field(value, 14, n, what), where + " sources");
    p.license_overrides.unstated = enumeration<mp::Freeness>(
        field(value, 15, n, what), where + " unstated-licenses",
        [](std::string_view name) -> std::optional<mp::Freeness> {
          if (name == "non-free") return mp::Freeness::non_free;
          if (name == "unknown") return mp::Freeness::unknown;
          return std::nullopt;
        },
        "non-free, unknown");
    return p;
  }

  // #(name description backends storage utilization sources), backends a
  // list of #(backend device peak-flops memory proprietary?)
  mp::HardwareProfile hardware(SCM value, const std::string& what) const {
    constexpr std::size_t n = 6;
    mp::HardwareProfile h;
    h.name = text(field(value, 0, n, what), what + " name");
    const std::string where = what + " '" + h.name + "'";
    h.description = text(field(value, 1, n, what), where + " description");
    h.backends = list<mp::BackendCapacity>(
        field(value, 2, n, what), where + " backends", [this](SCM item, const std::string& path) {
          mp::BackendCapacity b;
          b.backend = symbol_name(field(item, 0, 5, path), path + " backend");
          b.device = text(field(item, 1, 5, path), path + " device");
          b.peak_flops = optional_number(field(item, 2, 5, path), path + " peak-flops").value_or(0);
          b.memory_bytes = optional_size(field(item, 3, 5, path), path + " memory").value_or(0);
          b.needs_proprietary = boolean(field(item, 4, 5, path), path + " proprietary?");
          return b;
        });
    h.storage_bytes = optional_size(field(value, 3, n, what), where + " storage").value_or(0);
    h.utilization = optional_number(field(value, 4, n, what), where + " utilization").value_or(0);
    h.sources = sources(field(value, 5, n, what), where + " sources");
    return h;
  }

  mp::LineageFilter filter(SCM roles, SCM step_kinds, SCM max_depth) const {
    mp::LineageFilter result;
    if (!scm_is_eq(roles, SCM_BOOL_T)) {
      result.roles = 0;
      for (auto role : list<mp::InputRole>(roles, "roles", [this](SCM item, const std::string& path) {
             return enumeration<mp::InputRole>(item, path, mp::parse_input_role, mp::input_role_names());
           }))
        result.roles |= mp::role_bit(role);
    }
    if (!scm_is_eq(step_kinds, SCM_BOOL_T)) {
      result.step_kinds = 0;
      for (auto kind : list<mp::StepKind>(step_kinds, "step kinds", [this](SCM item, const std::string& path) {
             return enumeration<mp::StepKind>(item, path, mp::parse_step_kind, mp::step_kind_names());
           }))
        result.step_kinds |= mp::step_kind_bit(kind);
    }
    if (scm_is_true(max_depth)) result.max_depth = small_count(max_depth, "max-depth");
    return result;
  }
};

// ---------------------------------------------------------- foreign types

// Snapshots and evaluators are immutable and shared: a SMOB holds a
// heap-allocated shared_ptr, and its free function only drops that
// reference (thread-safe, whatever thread Guile finalizes on).  SMOBs
// rather than foreign objects: those are GOOPS classes, and loading GOOPS
// cost every command start-up about 8 ms.
scm_t_bits snapshot_tag = 0;
scm_t_bits evaluator_tag = 0;

using SnapshotHandle = std::shared_ptr<const mp::Snapshot>;
using EvaluatorHandle = std::shared_ptr<const mp::Evaluator>;

template <typename Handle>
std::size_t free_handle(SCM object) {
  delete reinterpret_cast<Handle*>(SCM_SMOB_DATA(object));
  SCM_SET_SMOB_DATA(object, 0);
  return 0;
}

bool is_a(SCM object, scm_t_bits tag) { return SCM_SMOB_PREDICATE(tag, object); }

template <typename Handle>
SCM wrap(scm_t_bits tag, Handle handle) {
  return scm_new_smob(tag, reinterpret_cast<scm_t_bits>(new Handle(std::move(handle))));
}

template <typename Handle>
const Handle& unwrap(scm_t_bits tag, SCM object, int position, const char* expected) {
  if (!is_a(object, tag)) throw ArgumentError{position, expected, object};
  auto* handle = reinterpret_cast<Handle*>(SCM_SMOB_DATA(object));
  if (!handle) throw ArgumentError{position, std::string(expected) + " that is still alive", object};
  return *handle;
}

const SnapshotHandle& snapshot_of(SCM object, int position) {
  return unwrap<SnapshotHandle>(snapshot_tag, object, position, "a provenance graph");
}

const EvaluatorHandle& evaluator_of(SCM object, int position) {
  return unwrap<EvaluatorHandle>(evaluator_tag, object, position, "an evaluator");
}

mp::NodeId node_of(const mp::Snapshot& graph, SCM id, int position) {
  return graph.node(Reader{position}.text(id, "an artifact or step id"));
}

// ------------------------------------------------------------ primitives

MP_PRIMITIVE(make_graph, "%make-graph", 3, 1, (SCM artifacts, SCM steps, SCM allow_cycles, SCM record_types),
             "Build and freeze a provenance graph from artifact and step vectors.  Given RECORD-TYPES, "
             "#(ARTIFACT STEP SOURCE COMPUTE) record types whose fields are those of the vectors, records "
             "of those types are read as they are.") {
  return guarded("make-graph", [&] {
    mp::GraphBuilder builder({.allow_cycles = Reader{3}.boolean(allow_cycles, "allow-cycles?")});
    RecordTypes types;
    if (!SCM_UNBNDP(record_types) && scm_is_true(record_types)) {
      const Reader read{4};
      const auto type = [&](std::size_t index, std::size_t fields) {
        const SCM t = read.field(record_types, index, 4, "record types");
        if (!SCM_STRUCTP(t) || scm_is_false(scm_struct_vtable_p(t)) || SCM_VTABLE_SIZE(t) != fields)
          read.fail(t, "a record type of " + std::to_string(fields) + " fields");
        return t;
      };
      types = {type(0, 16), type(1, 7), type(2, 3), type(3, 5)};
    }
    const Reader artifact_reader{1, types}, step_reader{2, types};
    std::size_t index = 0;
    SCM rest = artifacts;
    const auto numbered = [&index](const char* what) {
      return [&index, what] { return what + std::to_string(index); };
    };
    for (; scm_is_pair(rest); rest = SCM_CDR(rest), ++index)
      builder.add(artifact_reader.artifact(SCM_CAR(rest), numbered("artifact ")));
    if (!scm_is_null(rest)) artifact_reader.fail(artifacts, "a proper list of artifact vectors");
    index = 0;
    for (rest = steps; scm_is_pair(rest); rest = SCM_CDR(rest), ++index)
      builder.add(step_reader.step(SCM_CAR(rest), numbered("step ")));
    if (!scm_is_null(rest)) step_reader.fail(steps, "a proper list of step vectors");
    return wrap(snapshot_tag, SnapshotHandle(builder.freeze()));
  });
}

MP_PRIMITIVE(graph_p, "%graph?", 1, 0, (SCM object), "Return #t if OBJECT is a provenance graph.") {
  return scm_from_bool(is_a(object, snapshot_tag));
}

MP_PRIMITIVE(graph_counts, "%graph-counts", 1, 0, (SCM graph),
             "Return (ARTIFACTS . STEPS), the numbers of artifacts and steps of GRAPH.") {
  return guarded("graph-counts", [&] {
    const auto& g = *snapshot_of(graph, 1);
    return scm_cons(scm_from_size_t(g.artifact_count()), scm_from_size_t(g.step_count()));
  });
}

SCM artifact_vector(const mp::Artifact& a) {
  SCM uris = string_list(a.uris), sources = source_list(a.sources);
  SCM backends = list_of(a.backends, [](const mp::BackendSupport& b) {
    return scm_cons(symbol(b.backend), scm_from_bool(b.needs_proprietary));
  });
  auto optional = [](const std::optional<std::string>& value) { return value ? string(*value) : SCM_BOOL_F; };
  const SCM fields = make_vector({string(a.id), symbol(mp::to_string(a.kind)), string(a.name), string(a.version),
                          optional(a.license), optional(a.sha256), uris, string(a.format),
                          symbol(mp::to_string(a.availability)), optional(a.guix_package),
                          a.size_bytes ? scm_from_uint64(*a.size_bytes) : SCM_BOOL_F, string(a.notes),
                          sources, backends, symbol(mp::to_string(a.document_kind)),
                          string_list(a.describes)});
  return fields;
}

SCM step_vector(const mp::Step& s) {
  SCM sources = source_list(s.sources);
  SCM inputs = list_of(s.inputs, [](const mp::StepInput& i) {
    return scm_cons(string(i.artifact), symbol(mp::to_string(i.role)));
  });
  const auto& c = s.compute;
  const SCM compute = make_vector({c.flops ? scm_from_double(*c.flops) : SCM_BOOL_F,
                           c.hours ? scm_from_double(*c.hours) : SCM_BOOL_F,
                           c.hardware_profile.empty() ? SCM_BOOL_F : string(c.hardware_profile),
                           c.peak_memory_bytes ? scm_from_uint64(*c.peak_memory_bytes) : SCM_BOOL_F,
                           c.storage_bytes ? scm_from_uint64(*c.storage_bytes) : SCM_BOOL_F});
  const SCM fields = make_vector({string(s.id), symbol(mp::to_string(s.kind)), inputs, string_list(s.outputs),
                          compute, string(s.notes), sources});
  return fields;
}

MP_PRIMITIVE(graph_node, "%graph-node", 2, 0, (SCM graph, SCM id),
             "Return the artifact or step vector of ID in GRAPH, or #f if GRAPH has no such id.") {
  return guarded("graph-node", [&] {
    const auto& g = *snapshot_of(graph, 1);
    const auto node = g.find(Reader{2}.text(id, "an id"));
    if (!node) return SCM_BOOL_F;
    return g.is_step(*node) ? step_vector(g.step(*node)) : artifact_vector(g.artifact(*node));
  });
}

SCM id_list(const mp::Snapshot& g, const std::vector<mp::NodeId>& nodes) {
  return list_of(nodes, [&g](mp::NodeId n) { return string(g.id(n)); });
}

MP_PRIMITIVE(graph_documents, "%graph-documents", 2, 0, (SCM graph, SCM id),
             "Return the ids of the documents describing artifact ID of GRAPH, and of the artifacts "
             "it describes if ID is a document, as (DOCUMENTS . DESCRIBED).") {
  return guarded("graph-documents", [&] {
    const auto& g = *snapshot_of(graph, 1);
    const mp::NodeId node = node_of(g, id, 2);
    if (!g.is_artifact(node)) throw ArgumentError{2, "an artifact id, not a step's", id};
    SCM documents = id_list(g, g.documents_of(node));
    return scm_cons(documents, id_list(g, g.described(node)));
  });
}

MP_PRIMITIVE(document_kinds, "%document-kinds", 0, 0, (),
             "Return the kinds a document may have, as symbols, 'other first.") {
  return guarded("document-kinds", [&] {
    // The names as the core lists them for its messages: one vocabulary.
    std::vector<std::string> names;
    const std::string all = mp::document_kind_names();
    for (std::size_t start = 0; start < all.size();) {
      const std::size_t end = std::min(all.find(", ", start), all.size());
      names.push_back(all.substr(start, end - start));
      start = end + 2;
    }
    return list_of(names, [](const std::string& name) { return symbol(name); });
  });
}

MP_PRIMITIVE(graph_ids, "%graph-ids", 2, 0, (SCM graph, SCM which),
             "Return the ids of GRAPH's artifacts (WHICH is 'artifacts), steps ('steps), or weights ('weights).") {
  return guarded("graph-ids", [&] {
    const auto& g = *snapshot_of(graph, 1);
    const std::string kind = Reader{2}.symbol_name(which, "artifacts, steps or weights");
    if (kind != "artifacts" && kind != "steps" && kind != "weights")
      throw ArgumentError{2, "one of artifacts, steps, weights", which};
    SCM ids = SCM_EOL;
    for (mp::NodeId n = static_cast<mp::NodeId>(g.node_count()); n-- > 0;) {
      const bool wanted = kind == "steps" ? g.is_step(n)
                          : kind == "artifacts" ? g.is_artifact(n)
                                                : g.is_artifact(n) && g.artifact_kind(n) == mp::ArtifactKind::weights;
      if (wanted) ids = scm_cons(string(g.id(n)), ids);
    }
    return ids;
  });
}

// A Scheme string of an id, without the copy valid_utf8 makes: ids are
// nearly always ASCII, which is also Latin-1.
SCM id_string(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return string(text);
  return scm_from_latin1_stringn(text.data(), text.size());
}

// For each node of a lineage, the nodes it was reached from: its consumers
// (going up) or producers (going down) inside the lineage, in edge order.
class Nearer {
 public:
  Nearer(const mp::Snapshot& g, mp::NodeId start, const mp::Lineage& lineage,
         bool toward_ancestors, const mp::LineageFilter& filter)
      : g_(g), in_lineage_(g.node_count(), false), up_(toward_ancestors), filter_(filter) {
    in_lineage_[start] = true;
    for (const mp::NodeId node : lineage.nodes()) in_lineage_[node] = true;
  }

  template <typename Visit>
  void each(mp::NodeId node, Visit&& visit) const {
    const auto& structure = g_.graph();
    if (up_) {
      for (auto edge : boost::make_iterator_range(out_edges(node, structure))) {
        const mp::NodeId next = target(edge, structure);
        if (g_.is_step(next) && !(filter_.step_kinds & mp::step_kind_bit(g_.step_kind(next)))) continue;
        if (in_lineage_[next]) visit(next);
      }
    } else {
      for (auto edge : boost::make_iterator_range(in_edges(node, structure))) {
        const mp::NodeId previous = source(edge, structure);
        if (in_lineage_[previous]) visit(previous);
      }
    }
  }

 private:
  const mp::Snapshot& g_;
  std::vector<bool> in_lineage_;
  bool up_;
  mp::LineageFilter filter_;
};

// The id strings of each graph's nodes, made the first time a lineage
// names them: a vector per graph (#f for ids not made yet), in a table
// whose keys are the graphs, held weakly.  The strings are read-only,
// since every lineage returns the same ones (see cache_ids).
SCM id_strings_of(SCM graph, const mp::Snapshot& g) {
  static const SCM table = scm_permanent_object(scm_make_weak_key_hash_table(scm_from_int(31)));
  SCM strings = scm_hashq_ref(table, graph, SCM_BOOL_F);
  if (scm_is_false(strings)) {
    strings = scm_c_make_vector(g.node_count(), SCM_BOOL_F);
    scm_hashq_set_x(table, graph, strings);
  }
  return strings;
}

// The id string of NODE, made if need be as the name of a symbol, which
// is read-only and valid UTF-8 whatever the id's bytes.
SCM cached_id(SCM strings, const mp::Snapshot& g, mp::NodeId node) {
  SCM id = SCM_SIMPLE_VECTOR_REF(strings, node);
  if (scm_is_false(id)) {
    const std::string valid = valid_utf8(g.id(node));
    id = scm_symbol_to_string(scm_from_utf8_symboln(valid.data(), valid.size()));
    SCM_SIMPLE_VECTOR_SET(strings, node, id);
  }
  return id;
}

// Makes the id strings of NODES not made yet.  ASCII ids become read-only
// substrings of one string holding them all: one small object each, where
// interning a symbol per id made the first lineage of 100,000 nodes cost
// 140 ms.  Other ids go through symbols (cached_id), which validate them.
void cache_ids(SCM strings, const mp::Snapshot& g, std::span<const mp::NodeId> nodes) {
  std::vector<mp::NodeId> ascii;
  std::size_t bytes = 0;
  for (const mp::NodeId node : nodes) {
    if (scm_is_true(SCM_SIMPLE_VECTOR_REF(strings, node))) continue;
    const std::string_view text = g.id(node);
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      ascii.push_back(node);
      bytes += text.size();
    } else {
      cached_id(strings, g, node);
    }
  }
  if (ascii.empty()) return;
  std::string all;
  all.reserve(bytes);
  for (const mp::NodeId node : ascii) all += g.id(node);
  const SCM whole = scm_from_latin1_stringn(all.data(), all.size());
  std::size_t start = 0;
  for (const mp::NodeId node : ascii) {
    // A node listed twice is made once.
    if (scm_is_true(SCM_SIMPLE_VECTOR_REF(strings, node))) {
      start += g.id(node).size();
      continue;
    }
    const std::size_t end = start + g.id(node).size();
    SCM_SIMPLE_VECTOR_SET(strings, node, scm_c_substring_read_only(whole, start, end));
    start = end;
  }
  scm_remember_upto_here_1(whole);
}

// Whether instances of VTABLE, a record type of FIELDS fields, are plain
// words: every field a boxed Scheme value, no finalizer, not applicable,
// so that plain_record may make them as scm_c_make_struct would.
bool plain_record_type(SCM vtable, std::size_t fields) {
  if (!SCM_STRUCTP(vtable) || scm_is_false(scm_struct_vtable_p(vtable)) || SCM_VTABLE_SIZE(vtable) != fields)
    return false;
  if (SCM_VTABLE_INSTANCE_FINALIZER(vtable) != nullptr || SCM_VTABLE_FLAG_IS_SET(vtable, SCM_VTABLE_FLAG_APPLICABLE))
    return false;
  const std::uint32_t* unboxed = SCM_VTABLE_UNBOXED_FIELDS(vtable);
  for (std::size_t word = 0; unboxed && word < (fields + 31) / 32; ++word)
    if (unboxed[word] != 0) return false;
  return true;
}

// A record of VTABLE (checked by plain_record_type) with FIELDS: one
// allocation, without scm_c_make_struct's variadic arguments and checks,
// which were a seventh of returning a large lineage.
template <std::size_t N>
SCM plain_record(SCM vtable, const SCM (&fields)[N]) {
  const SCM record = scm_words(SCM_UNPACK(vtable) | scm_tc3_struct, N + 1);
  for (std::size_t i = 0; i < N; ++i) SCM_STRUCT_SLOT_SET(record, i, fields[i]);
  return record;
}

// The entries of a lineage, each #(id depth node-type kind license nearer),
// nearer the ids one derivation nearer the start; or, given RECORD_TYPE (a
// record type of six fields in that order), records of that type, made here
// rather than by a Scheme loop over the vectors.  Ids are the cached,
// read-only strings of GRAPH.
SCM lineage_entries(SCM graph, const mp::Snapshot& g, mp::NodeId start, const mp::Lineage& entries,
                    bool toward_ancestors, const mp::LineageFilter& filter, SCM record_type) {
  const SCM ids = id_strings_of(graph, g);
  // Neighbours are in the lineage too: these are all the ids it names.
  cache_ids(ids, g, std::span(&start, 1));
  cache_ids(ids, g, entries.nodes());
  const Nearer nearer(g, start, entries, toward_ancestors, filter);
  // The symbols of node types and kinds, looked up once per call: a symbol
  // is interned, so these are the very symbols `symbol` would return.
  const SCM step_symbol = symbol("step"), artifact_symbol = symbol("artifact");
  constexpr std::size_t kinds = 64;
  SCM step_kinds[kinds], artifact_kinds[kinds];
  std::fill(std::begin(step_kinds), std::end(step_kinds), SCM_BOOL_F);
  std::fill(std::begin(artifact_kinds), std::end(artifact_kinds), SCM_BOOL_F);
  const auto kind_symbol = [&](mp::NodeId n) {
    if (g.is_step(n)) {
      const auto kind = g.step_kind(n);
      const auto index = static_cast<std::size_t>(kind);
      if (index >= kinds) return symbol(mp::to_string(kind));
      if (scm_is_false(step_kinds[index])) step_kinds[index] = symbol(mp::to_string(kind));
      return step_kinds[index];
    }
    const auto kind = g.artifact_kind(n);
    const auto index = static_cast<std::size_t>(kind);
    if (index >= kinds) return symbol(mp::to_string(kind));
    if (scm_is_false(artifact_kinds[index])) artifact_kinds[index] = symbol(mp::to_string(kind));
    return artifact_kinds[index];
  };
  const bool records = scm_is_true(record_type);
  SCM list = SCM_EOL;
  for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
    const auto [n, entry_depth] = *entry;
    SCM neighbours = SCM_EOL;
    nearer.each(n, [&](mp::NodeId other) { neighbours = scm_cons(cached_id(ids, g, other), neighbours); });
    neighbours = scm_reverse_x(neighbours, SCM_EOL);
    const auto license = g.is_artifact(n) ? g.license(n) : std::nullopt;
    const SCM id = cached_id(ids, g, n);
    const SCM depth = scm_from_uint32(entry_depth);
    const SCM type = g.is_step(n) ? step_symbol : artifact_symbol;
    const SCM kind = kind_symbol(n);
    const SCM license_text = license ? id_string(*license) : SCM_BOOL_F;
    const SCM item = records ? plain_record(record_type, {id, depth, type, kind, license_text, neighbours})
                             : make_vector({id, depth, type, kind, license_text, neighbours});
    list = scm_cons(item, list);
  }
  return list;
}

MP_PRIMITIVE(graph_lineage, "%graph-lineage", 6, 1,
             (SCM graph, SCM id, SCM direction, SCM roles, SCM step_kinds, SCM max_depth, SCM record_type),
             "Return the ancestors (DIRECTION 'ancestors) or descendants ('descendants) of ID as "
             "entry vectors #(id depth node-type kind license nearer-ids), nearest first; or, given "
             "RECORD-TYPE, a record type of six fields, as records of that type.  Ids are read-only "
             "strings, the same ones in every lineage of GRAPH.") {
  return guarded("graph-lineage", [&] {
    const auto& g = *snapshot_of(graph, 1);
    const mp::NodeId start = node_of(g, id, 2);
    const std::string way = Reader{3}.symbol_name(direction, "ancestors or descendants");
    if (way != "ancestors" && way != "descendants") throw ArgumentError{3, "ancestors or descendants", direction};
    const auto filter = Reader{4}.filter(roles, step_kinds, max_depth);
    SCM type = SCM_BOOL_F;
    if (!SCM_UNBNDP(record_type) && scm_is_true(record_type)) {
      if (!plain_record_type(record_type, 6))
        throw ArgumentError{7, "a record type of six fields, or #f", record_type};
      type = record_type;
    }
    const bool up = way == "ancestors";
    const auto entries = up ? mp::ancestors(g, start, filter) : mp::descendants(g, start, filter);
    return lineage_entries(graph, g, start, entries, up, filter, type);
  });
}

// TEXT as a quoted DOT string, as (model-provenance graph)'s dot-string
// writes it: control characters, which would make the SVG dot writes
// invalid XML, become spaces.
void append_dot_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      default: out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  out += '"';
}

MP_PRIMITIVE(graph_lineage_dot, "%graph-lineage-dot", 3, 0, (SCM graph, SCM ids, SCM marks),
             "Return the Graphviz DOT text of the lineage of IDS (a list of ids) in GRAPH, edges "
             "following derivation; MARKS is an alist from ids to texts shown under their labels.") {
  // Errors name graph-lineage, as when lineage->dot asked for each lineage.
  return guarded("graph-lineage", [&] {
    const auto& g = *snapshot_of(graph, 1);
    const Reader read{2};
    std::vector<mp::NodeId> starts;
    SCM rest = ids;
    for (; scm_is_pair(rest); rest = SCM_CDR(rest)) starts.push_back(node_of(g, SCM_CAR(rest), 2));
    if (!scm_is_null(rest)) read.fail(ids, "a proper list of ids");
    // The first mark of each id, as assoc-ref finds it.
    std::unordered_map<std::string, SCM> marked;
    for (rest = marks; scm_is_pair(rest); rest = SCM_CDR(rest)) {
      const SCM mark = SCM_CAR(rest);
      if (!scm_is_pair(mark)) Reader{3}.fail(marks, "an alist of (id . text) pairs");
      if (scm_is_string(SCM_CAR(mark))) marked.try_emplace(Reader{3}.text(SCM_CAR(mark), "a mark's id"), SCM_CDR(mark));
    }
    if (!scm_is_null(rest)) Reader{3}.fail(marks, "a proper alist of (id . text) pairs");

    std::string out = "digraph lineage {\n  rankdir=LR;\n  node [fontname=\"sans\"];\n";
    std::string label;
    const auto node_line = [&](mp::NodeId n, std::string_view attributes) {
      const std::string id = valid_utf8(g.id(n));
      label = id;
      label += '\n';
      label += g.is_step(n) ? mp::to_string(g.step_kind(n)) : mp::to_string(g.artifact_kind(n));
      if (g.is_artifact(n))
        if (const auto license = g.license(n)) {
          label += ", ";
          label += valid_utf8(*license);
        }
      if (!marked.empty())
        if (const auto mark = marked.find(id); mark != marked.end()) {
          label += '\n';
          label += Reader{3}.text(mark->second, "the mark of '" + id + "'");
        }
      out += "  ";
      append_dot_string(out, id);
      out += attributes;
      append_dot_string(out, label);
      out += "];\n";
    };
    std::vector<bool> drawn(g.node_count(), false);
    for (const mp::NodeId n : starts) drawn[n] = true;
    // Each lineage first, so that an unknown id raises before anything is drawn.
    std::string body;
    std::swap(out, body);
    for (const mp::NodeId start : starts) {
      const auto entries = mp::ancestors(g, start);
      const Nearer nearer(g, start, entries, true, mp::LineageFilter{});
      for (const mp::NodeId n : entries.nodes()) {
        if (drawn[n]) continue;
        drawn[n] = true;
        node_line(n, g.is_step(n) ? " [shape=box, label=" : " [shape=ellipse, label=");
        const std::string id = valid_utf8(g.id(n));
        nearer.each(n, [&](mp::NodeId consumer) {
          out += "  ";
          append_dot_string(out, id);
          out += " -> ";
          append_dot_string(out, valid_utf8(g.id(consumer)));
          out += ";\n";
        });
      }
    }
    std::swap(out, body);
    for (const mp::NodeId n : starts)
      node_line(n, g.is_step(n) ? " [shape=box, style=bold, label=" : " [shape=ellipse, style=bold, label=");
    out += body;
    out += "}\n";
    return string(out);
  });
}

MP_PRIMITIVE(graph_path, "%graph-path", 5, 0, (SCM graph, SCM from, SCM to, SCM roles, SCM step_kinds),
             "Return one shortest derivation from FROM to TO as a list of ids, or #f.") {
  return guarded("graph-path", [&] {
    const auto& g = *snapshot_of(graph, 1);
    const auto path = mp::derivation_path(g, node_of(g, from, 2), node_of(g, to, 3),
                                          Reader{4}.filter(roles, step_kinds, SCM_BOOL_F));
    return path ? id_list(g, *path) : SCM_BOOL_F;
  });
}

MP_PRIMITIVE(graph_query, "%graph-query", 6, 0,
             (SCM graph, SCM query, SCM id, SCM roles, SCM step_kinds, SCM max_depth),
             "Run QUERY ('roots, 'derivation-order or 'dominators) on the lineage of ID; return ids.") {
  return guarded("graph-query", [&] {
    const auto& g = *snapshot_of(graph, 1);
    const std::string name = Reader{2}.symbol_name(query, "a query name");
    const mp::NodeId node = node_of(g, id, 3);
    const auto filter = Reader{4}.filter(roles, step_kinds, max_depth);
    if (name == "roots") return id_list(g, mp::lineage_roots(g, node, filter));
    if (name == "derivation-order") return id_list(g, mp::lineage_in_derivation_order(g, node, filter));
    if (name == "dominators") return id_list(g, mp::dominators(g, node, filter));
    throw ArgumentError{2, "one of roots, derivation-order, dominators", query};
  });
}

MP_PRIMITIVE(graph_order, "%graph-topological-order", 1, 0, (SCM graph),
             "Return every id of GRAPH, inputs before the steps using them before their outputs.") {
  return guarded("graph-topological-order", [&] {
    const auto& g = *snapshot_of(graph, 1);
    return id_list(g, mp::topological_order(g));
  });
}

MP_PRIMITIVE(graph_cycles, "%graph-cycles", 1, 0, (SCM graph),
             "Return the strongly connected components of GRAPH with two nodes or more, as id lists.") {
  return guarded("graph-cycles", [&] {
    const auto& g = *snapshot_of(graph, 1);
    const auto components = mp::strongly_connected_components(g);
    return list_of(components.cyclic, [&g](const std::vector<mp::NodeId>& c) { return id_list(g, c); });
  });
}

SCM policy_vector(const mp::Policy& p) {
  auto criterion = [](mp::LicenseCriterion c) { return symbol(mp::to_string(c)); };
  SCM sources = source_list(p.sources);
  const SCM fields = make_vector({string(p.name), string(p.description), criterion(p.software_licenses),
                          criterion(p.data_licenses), criterion(p.weights_licenses),
                          criterion(p.document_licenses), string_list(p.license_overrides.free),
                          string_list(p.license_overrides.non_free), scm_from_bool(p.start_from_free_weights),
                          scm_from_bool(p.allow_proprietary_backends),
                          scm_from_bool(p.registration_counts_as_available),
                          scm_from_bool(p.require_data_available),
                          p.budget_hours ? scm_from_double(*p.budget_hours) : SCM_BOOL_F,
                          symbol(mp::to_string(p.classification)), sources,
                          symbol(mp::to_string(p.license_overrides.unstated))});
  return fields;
}

SCM hardware_vector(const mp::HardwareProfile& h) {
  SCM sources = source_list(h.sources);
  SCM backends = list_of(h.backends, [](const mp::BackendCapacity& b) {
    return make_vector({symbol(b.backend), string(b.device), scm_from_double(b.peak_flops),
                        scm_from_uint64(b.memory_bytes), scm_from_bool(b.needs_proprietary)});
  });
  const SCM fields = make_vector({string(h.name), string(h.description), backends, scm_from_uint64(h.storage_bytes),
                          scm_from_double(h.utilization), sources});
  return fields;
}

MP_PRIMITIVE(builtin_policies, "%builtin-policies", 0, 0, (),
             "Return the built-in policies as policy vectors, the default first.") {
  return guarded("builtin-policies", [&] {
    return list_of(mp::builtin_policies(), policy_vector);
  });
}

MP_PRIMITIVE(builtin_hardware, "%builtin-hardware-profiles", 0, 0, (),
             "Return the built-in hardware profiles as vectors.") {
  return guarded("builtin-hardware-profiles", [&] {
    return list_of(mp::builtin_hardware_profiles(), hardware_vector);
  });
}

MP_PRIMITIVE(make_evaluator, "%make-evaluator", 4, 0, (SCM graph, SCM policy, SCM hardware, SCM known),
             "Evaluate GRAPH under POLICY on HARDWARE (vectors); KNOWN lists further hardware profiles "
             "that compute figures may refer to.  Returns an evaluator.") {
  return guarded("make-evaluator", [&] {
    const auto snapshot = snapshot_of(graph, 1);
    auto known_profiles = mp::builtin_hardware_profiles();
    const Reader reader{4};
    for (auto& profile : reader.list<mp::HardwareProfile>(
             known, "known hardware profiles",
             [&reader](SCM item, const std::string& path) { return reader.hardware(item, path); }))
      known_profiles.push_back(std::move(profile));
    auto evaluator = std::make_shared<const mp::Evaluator>(snapshot, Reader{2}.policy(policy, "policy"),
                                                           Reader{3}.hardware(hardware, "hardware profile"),
                                                           std::move(known_profiles));
    return wrap(evaluator_tag, EvaluatorHandle(std::move(evaluator)));
  });
}

MP_PRIMITIVE(evaluator_p, "%evaluator?", 1, 0, (SCM object), "Return #t if OBJECT is an evaluator.") {
  return scm_from_bool(is_a(object, evaluator_tag));
}

SCM verdict_vector(const mp::Snapshot& g, const mp::Verdict& v) {
  SCM plan = list_of(v.plan, [&g](const mp::PlannedStep& s) {
    return make_vector({string(g.id(s.step)), s.backend.empty() ? SCM_BOOL_F : symbol(s.backend),
                        string(s.device), s.hours ? scm_from_double(*s.hours) : SCM_BOOL_F});
  });
  SCM blockers = list_of(v.blockers, [&g](const mp::Blocker& b) {
    return make_vector({string(g.id(b.node)), symbol(mp::to_string(b.kind)), string(b.reason)});
  });
  SCM missing = list_of(v.missing, [&g](const mp::MissingFact& m) {
    return make_vector({string(g.id(m.node)), symbol(m.fact), string(m.reason)});
  });
  SCM explanation = string_list(v.explanation);
  SCM components = list_of(v.components, [&g](const mp::Component& c) {
    return make_vector({string(c.name), scm_from_int(c.mof_class), symbol(mp::to_string(c.content)),
                        scm_from_bool(c.required), symbol(mp::to_string(c.status)), id_list(g, c.artifacts),
                        string(c.detail)});
  });
  const SCM fields = make_vector({string(g.id(v.target)), symbol(mp::to_string(v.kind)), string(v.policy),
                          string(v.hardware), v.budget_hours ? scm_from_double(*v.budget_hours) : SCM_BOOL_F,
                          scm_from_double(v.hours), plan, id_list(g, v.obtained), blockers, missing,
                          string_list(v.license_lineage), string(v.classification), string(v.summary),
                          explanation, scm_from_bool(v.hours_known), components});
  return fields;
}

MP_PRIMITIVE(evaluate, "%evaluate", 2, 0, (SCM evaluator, SCM id),
             "Return the verdict vector of artifact ID: #(id kind policy hardware budget hours plan "
             "obtained blockers missing license-lineage classification summary explanation "
             "hours-known? components), each component #(name class content-type required? status "
             "ids detail).") {
  return guarded("evaluate", [&] {
    const auto& e = *evaluator_of(evaluator, 1);
    return verdict_vector(e.snapshot(), e.evaluate(node_of(e.snapshot(), id, 2)));
  });
}

MP_PRIMITIVE(evaluate_all, "%evaluate-all", 1, 0, (SCM evaluator),
             "Return #(id kind hours blockers missing license-contradicted? hours-known?) for every "
             "weights artifact.") {
  return guarded("evaluate-all", [&] {
    const auto& e = *evaluator_of(evaluator, 1);
    const auto& g = e.snapshot();
    return list_of(e.evaluate_all(), [&g](const mp::VerdictSummary& s) {
      return make_vector({string(g.id(s.target)), symbol(mp::to_string(s.kind)), scm_from_double(s.hours),
                          scm_from_uint32(s.blockers), scm_from_uint32(s.missing),
                          scm_from_bool(s.license_contradicted), scm_from_bool(s.hours_known)});
    });
  });
}

MP_PRIMITIVE(scan_source_tree, "%scan-source-tree", 2, 0, (SCM path, SCM min_values),
             "Scan the file or directory PATH for trained weights: model files by name, and "
             "initialized numeric arrays of at least MIN-VALUES numbers in C and C++ sources.  "
             "Return a list of #(path kind detail bytes values in-tests?).") {
  return guarded("scan-source-tree", [&] {
    const Reader read{1};
    mp::ScanOptions options;
    options.min_array_values = read.small_count(min_values, "min-values");
    const auto findings = mp::scan_source_tree(read.text(path, "a file or directory name"), options);
    return list_of(findings, [](const mp::ScanFinding& f) {
      return make_vector({string(f.path), string(f.kind), string(f.detail), scm_from_uintmax(f.bytes),
                          scm_from_size_t(f.values), scm_from_bool(f.in_tests)});
    });
  });
}

MP_PRIMITIVE(read_document, "%read-document", 4, 0, (SCM format, SCM text, SCM file, SCM model_id),
             "Read TEXT, a document in FORMAT (spdx3, cyclonedx, model-card, hub or prov) named FILE, "
             "and return (ARTIFACTS STEPS DROPPED): artifact and step vectors, and (WHERE . WHAT) "
             "pairs for what the graph has no place for.  MODEL-ID names the model of a model card.") {
  return guarded("read-document", [&] {
    namespace mi = mp::interchange;
    const std::string kind = Reader{1}.symbol_name(format, "a document format");
    const std::string content = Reader{2}.text(text, "the document's text");
    const std::string name = Reader{3}.text(file, "a file name");
    mi::Declarations declarations;
    if (kind == "spdx3") {
      declarations = mi::read_spdx3(content, name);
    } else if (kind == "cyclonedx") {
      declarations = mi::read_cyclonedx(content, name);
    } else if (kind == "model-card") {
      declarations = mi::read_model_card(content, name, Reader{4}.text(model_id, "a model id"));
    } else if (kind == "hub") {
      std::istringstream in(content);
      declarations = mi::read_hub_metadata(in, name);
    } else if (kind == "prov") {
      declarations = mi::read_prov_json(content, name);
    } else {
      throw ArgumentError{1, "spdx3, cyclonedx, model-card, hub or prov", format};
    }
    SCM dropped = list_of(declarations.dropped, [](const mi::Dropped& d) {
      return scm_cons(string(d.where), string(d.what));
    });
    return scm_list_3(list_of(declarations.artifacts, artifact_vector),
                      list_of(declarations.steps, step_vector), dropped);
  });
}

MP_PRIMITIVE(write_document, "%write-document", 4, 0, (SCM format, SCM artifacts, SCM steps, SCM judgements),
             "Write ARTIFACTS and STEPS (vectors) as a document in FORMAT (spdx3, cyclonedx or prov), "
             "with JUDGEMENTS, #(TARGET POLICY VERDICT SUMMARY REASONS) vectors, where the format has "
             "a place for them; return its text.") {
  return guarded("write-document", [&] {
    namespace mi = mp::interchange;
    const std::string kind = Reader{1}.symbol_name(format, "a document format");
    mi::Declarations declarations;
    const Reader artifact_reader{2}, step_reader{3}, judgement_reader{4};
    declarations.artifacts = artifact_reader.list<mp::Artifact>(
        artifacts, "a list of artifact vectors",
        [&](SCM item, const std::string& what) { return artifact_reader.artifact(item, what); });
    declarations.steps = step_reader.list<mp::Step>(
        steps, "a list of step vectors",
        [&](SCM item, const std::string& what) { return step_reader.step(item, what); });
    const auto read = judgement_reader.list<mi::Judgement>(
        judgements, "a list of judgement vectors", [&](SCM item, const std::string& what) {
          const Reader& r = judgement_reader;
          return mi::Judgement{r.text(r.field(item, 0, 5, what), what + " target"),
                               r.text(r.field(item, 1, 5, what), what + " policy"),
                               r.text(r.field(item, 2, 5, what), what + " verdict"),
                               r.text(r.field(item, 3, 5, what), what + " summary"),
                               r.strings(r.field(item, 4, 5, what), what + " reasons")};
        });
    std::string text;
    if (kind == "spdx3") {
      text = mi::write_spdx3(declarations, read);
    } else if (kind == "cyclonedx") {
      text = mi::write_cyclonedx(declarations, read);
    } else if (kind == "prov") {
      text = mi::write_prov_json(declarations, read);
    } else {
      throw ArgumentError{1, "spdx3, cyclonedx or prov", format};
    }
    return string(text);
  });
}

// #(path format detail size sha256 parameters tensor-count tensors facts
//   license base-models datasets safety error), as (model-provenance
// inspect) reads it.
SCM inspection_vector(const mp::inspect::Inspection& i) {
  const auto optional_string = [](const std::optional<std::string>& text) {
    return text ? string(valid_utf8(*text)) : SCM_BOOL_F;
  };
  SCM tensors = list_of(i.tensors, [](const mp::inspect::Tensor& t) {
    SCM shape = list_of(t.shape, [](std::uint64_t d) { return scm_from_uint64(d); });
    return make_vector({string(valid_utf8(t.name)), string(valid_utf8(t.dtype)), shape});
  });
  SCM facts = list_of(i.facts, [](const mp::inspect::Fact& f) {
    return scm_cons(string(valid_utf8(f.key)), string(valid_utf8(f.value)));
  });
  SCM safety = list_of(i.safety, [](const mp::inspect::SafetyFinding& f) {
    return make_vector({symbol(std::string(mp::inspect::to_string(f.concern))), string(valid_utf8(f.what)),
                        string(valid_utf8(f.where))});
  });
  return make_vector({string(valid_utf8(i.path)), string(i.format), string(valid_utf8(i.format_detail)),
                      scm_from_uint64(i.size), optional_string(i.sha256),
                      i.parameters ? scm_from_uint64(*i.parameters) : SCM_BOOL_F, scm_from_uint64(i.tensor_count),
                      tensors, facts, optional_string(i.license), string_list(i.base_models),
                      string_list(i.datasets), safety, optional_string(i.error)});
}

MP_PRIMITIVE(inspect_paths, "%inspect-paths", 2, 0, (SCM paths, SCM hash),
             "Inspect each file of PATHS (files, or directories walked in name order) without running "
             "or unpickling anything; with HASH true, also compute each file's sha256.  Return a list of "
             "#(path format detail size sha256 parameters tensor-count tensors facts license base-models "
             "datasets safety error) vectors.") {
  return guarded("inspect", [&] {
    const auto names = Reader{1}.strings(paths, "a list of file or directory names");
    mp::inspect::Options options;
    options.hash = Reader{2}.boolean(hash, "hash?");
    std::vector<std::filesystem::path> files(names.begin(), names.end());
    std::vector<mp::inspect::Inspection> results;
    mp::inspect::inspect_paths(files, options, [&](const mp::inspect::Inspection& i) { results.push_back(i); });
    return list_of(results, inspection_vector);
  });
}

MP_PRIMITIVE(inspect_formats, "%inspect-formats", 0, 0, (),
             "Return the formats inspect knows, as (ID . DESCRIPTION) pairs.") {
  return guarded("inspect-formats", [&] {
    return list_of(mp::inspect::known_formats(), [](const std::pair<std::string, std::string>& entry) {
      return scm_cons(string(entry.first), string(entry.second));
    });
  });
}

MP_PRIMITIVE(hub_license_lineage, "%hub-license-lineage", 3, 0, (SCM files, SCM policy, SCM sample_limit),
             "Read FILES, Hub metadata in JSON lines, and judge the license lineage of every model under "
             "POLICY's weights criterion, in one pass.  Return #(models declared-free offending undetermined "
             "undetermined-sample missing cyclic self-references errors error-count): offending and the "
             "sample are lists of #(model license ancestor ancestor-license distance reason), at most "
             "SAMPLE-LIMIT of the sample; missing (ID . COUNT) pairs; errors the first SAMPLE-LIMIT unreadable "
             "lines as (WHERE . MESSAGE).") {
  return guarded("hub-license-lineage", [&] {
    namespace mi = mp::interchange;
    const auto names = Reader{1}.strings(files, "a list of file names");
    const mp::Policy judged = Reader{2}.policy(policy, "policy");
    const std::uint32_t limit = Reader{3}.small_count(sample_limit, "sample limit");
    mi::HubLineage lineage(judged.weights_licenses, judged.license_overrides);
    std::vector<std::pair<std::string, std::string>> errors;
    std::uint64_t error_count = 0;
    for (const auto& name : names) {
      std::ifstream in(name, std::ios::binary);
      if (!in) throw std::system_error(errno, std::generic_category(), name);
      mi::read_hub_lines(
          in, name, [&](const mi::HubRecord& record) { lineage.add(record); },
          [&](const mi::DocumentError& error) {
            if (errors.size() < limit) errors.emplace_back(error.file() + ":" + error.where(), error.what());
            ++error_count;
          });
      if (in.bad()) throw std::system_error(errno, std::generic_category(), name);
    }
    const mi::LineageReport report = lineage.run(limit);
    const auto finding = [](const mi::LineageFinding& f) {
      return make_vector({string(valid_utf8(f.model)), string(valid_utf8(f.license)), string(valid_utf8(f.ancestor)),
                          string(valid_utf8(f.ancestor_license)), scm_from_uint32(f.distance),
                          string(valid_utf8(f.reason))});
    };
    return make_vector(
        {scm_from_uint64(report.models), scm_from_uint64(report.declared_free), list_of(report.offending, finding),
         scm_from_uint64(report.undetermined), list_of(report.undetermined_sample, finding),
         list_of(report.missing,
                 [](const std::pair<std::string, std::uint64_t>& m) {
                   return scm_cons(string(valid_utf8(m.first)), scm_from_uint64(m.second));
                 }),
         list_of(report.cyclic, [](const std::string& id) { return string(valid_utf8(id)); }),
         scm_from_uint64(report.self_references),
         list_of(errors,
                 [](const std::pair<std::string, std::string>& e) {
                   return scm_cons(string(valid_utf8(e.first)), string(valid_utf8(e.second)));
                 }),
         scm_from_uint64(error_count)});
  });
}

MP_PRIMITIVE(license_unknown_ids, "%license-unknown-ids", 1, 0, (SCM expression),
             "Return the ids of the SPDX license EXPRESSION this tool does not know, as "
             "(ID . NEAREST) pairs, NEAREST the likeliest known id meant, or #f.") {
  return guarded("license-unknown-ids", [&] {
    const auto unknown =
        mp::unknown_license_ids(mp::parse_license_expression(Reader{1}.text(expression, "a license expression")));
    return list_of(unknown, [](const std::pair<std::string, std::string>& entry) {
      return scm_cons(string(entry.first), entry.second.empty() ? SCM_BOOL_F : string(entry.second));
    });
  });
}

MP_PRIMITIVE(nearest_name_primitive, "%nearest-name", 2, 0, (SCM word, SCM candidates),
             "Return the string of CANDIDATES nearest to WORD, if it is a likely typo of it, "
             "or #f.") {
  return guarded("nearest-name", [&] {
    const Reader read{1};
    const std::string text = read.text(word, "a string");
    const auto names = Reader{2}.strings(candidates, "candidate names");
    const std::vector<std::string_view> views(names.begin(), names.end());
    const std::string nearest = mp::nearest_name(text, views);
    return nearest.empty() ? SCM_BOOL_F : string(nearest);
  });
}

MP_PRIMITIVE(license_canonical, "%license-canonical", 1, 0, (SCM expression),
             "Parse the SPDX license EXPRESSION and return it in canonical form.") {
  return guarded("license-canonical", [&] {
    return string(mp::parse_license_expression(Reader{1}.text(expression, "a license expression")).to_string());
  });
}

MP_PRIMITIVE(license_judgement, "%license-judgement", 2, 0, (SCM expression, SCM criterion),
             "Return (FREENESS . REASON) for the SPDX license EXPRESSION under CRITERION.") {
  return guarded("license-judgement", [&] {
    const auto judgement =
        mp::judge_license(mp::parse_license_expression(Reader{1}.text(expression, "a license expression")),
                          Reader{2}.criterion(criterion, "criterion"));
    return scm_cons(symbol(mp::to_string(judgement.freeness)), string(judgement.reason));
  });
}

MP_PRIMITIVE(format_duration_primitive, "%format-duration", 1, 0, (SCM hours),
             "Return HOURS as a human duration, such as \"3.0 weeks\".") {
  return guarded("format-duration", [&] {
    return string(mp::format_duration(Reader{1}.optional_number(hours, "hours").value_or(0)));
  });
}

}  // namespace

extern "C" __attribute__((visibility("default"))) void init_model_provenance() {
  snapshot_tag = scm_make_smob_type("provenance-graph", 0);
  scm_set_smob_free(snapshot_tag, free_handle<SnapshotHandle>);
  evaluator_tag = scm_make_smob_type("provenance-evaluator", 0);
  scm_set_smob_free(evaluator_tag, free_handle<EvaluatorHandle>);
  const SCM documentation = symbol("documentation");
  for (const auto& primitive : primitives()) {
    const SCM procedure =
        scm_c_define_gsubr(primitive.name, primitive.required, primitive.optional, 0, primitive.function);
    scm_set_procedure_property_x(procedure, documentation, scm_from_utf8_string(primitive.documentation));
    scm_c_export(primitive.name, nullptr);
  }
}
