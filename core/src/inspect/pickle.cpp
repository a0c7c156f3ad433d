// SPDX-License-Identifier: GPL-3.0-or-later
// The pickle scanner (pickle.hpp) and two formats built on it: "pickle",
// a file that is one or more pickles (.pkl, .pt, .pth, .bin, .ckpt,
// .joblib), and "pytorch-legacy", torch.save's format before 1.6: five
// pickles (the magic number 0x1950a86a20f9469cfc6c, the protocol version
// 1001, a dictionary of system information, the object, the sorted list
// of storage keys) followed by the raw storages (torch/serialization.py,
// _legacy_save).
//
// The opcodes and what they do to the stack and memo are CPython's
// (Lib/pickle.py, class _Unpickler; arguments as documented in
// Lib/pickletools.py).  Nothing is unpickled: values are symbols, kept
// only as far as resolving imports and tensor shapes needs.
#include "pickle.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <unordered_map>

namespace model_provenance::inspect::detail {
namespace {

// ---------------------------------------------------------------------------
// What may be imported.
//
// The allow-list: the globals torch.save and NumPy's pickling write for
// tensors, arrays and plain containers, each a constructor that builds
// data from its arguments and looks nothing up by name.  Sources:
//  - torch/_weights_only_unpickler.py, _get_allowed_globals() and
//    _tensor_rebuild_functions(): what torch.load(weights_only=True)
//    accepts by default (its list of the rebuild functions, storage
//    classes, dtypes, torch.Size, torch.device, collections.OrderedDict,
//    collections.Counter, _codecs.encode for bytes under protocol 2,
//    builtins.set, bytearray and complex);
//  - NumPy's ndarray.__reduce__ and dtype.__reduce__
//    (numpy/core/src/multiarray/methods.c array_reduce, descriptor.c
//    arraydescr_reduce): numpy.core.multiarray._reconstruct (numpy._core
//    since NumPy 2), numpy.ndarray, numpy.dtype; and
//    numpy.core.multiarray.scalar (multiarraymodule.c array_scalar), which
//    builds a scalar from a dtype and its raw bytes;
//  - picklescan's _safe_globals (mmaitre314/picklescan,
//    src/picklescan/scanner.py), which agrees on all of these.
// Not allowed, though it appears in pickles of storages:
// torch.storage._load_from_bytes, which calls torch.load on bytes from the
// pickle, a second unpickling that can import anything.
struct Allowed {
  std::string_view module;
  std::string_view name;
};
constexpr std::array allowed_globals = {
    Allowed{"collections", "OrderedDict"},
    Allowed{"collections", "Counter"},
    Allowed{"torch._utils", "_rebuild_tensor"},
    Allowed{"torch._utils", "_rebuild_tensor_v2"},
    Allowed{"torch._utils", "_rebuild_tensor_v3"},
    Allowed{"torch._utils", "_rebuild_parameter"},
    Allowed{"torch._utils", "_rebuild_parameter_with_state"},
    Allowed{"torch._utils", "_rebuild_qtensor"},
    Allowed{"torch._utils", "_rebuild_sparse_tensor"},
    Allowed{"torch._utils", "_rebuild_meta_tensor_no_storage"},
    Allowed{"torch._utils", "_rebuild_wrapper_subclass"},
    Allowed{"torch._utils", "_rebuild_device_tensor_from_cpu_tensor"},
    Allowed{"torch._utils", "_rebuild_device_tensor_from_numpy"},
    Allowed{"torch._tensor", "_rebuild_from_type_v2"},
    Allowed{"torch.nn.parameter", "Parameter"},
    Allowed{"torch", "Tensor"},
    Allowed{"torch", "Size"},
    Allowed{"torch", "device"},
    Allowed{"torch.serialization", "_get_layout"},
    Allowed{"torch.storage", "UntypedStorage"},
    Allowed{"torch.storage", "TypedStorage"},
    Allowed{"torch", "UntypedStorage"},
    Allowed{"torch", "TypedStorage"},
    Allowed{"_codecs", "encode"},
    Allowed{"builtins", "set"},
    Allowed{"builtins", "frozenset"},
    Allowed{"builtins", "bytearray"},
    Allowed{"builtins", "complex"},
    Allowed{"numpy.core.multiarray", "_reconstruct"},
    Allowed{"numpy._core.multiarray", "_reconstruct"},
    Allowed{"numpy.core.multiarray", "scalar"},
    Allowed{"numpy._core.multiarray", "scalar"},
    Allowed{"numpy", "ndarray"},
    Allowed{"numpy", "dtype"},
};

// torch's legacy storage classes (torch/storage.py,
// _dtype_to_storage_type_map) and the dtype each holds.
struct StorageClass {
  std::string_view name;
  std::string_view dtype;
};
constexpr std::array storage_classes = {
    StorageClass{"DoubleStorage", "float64"},      StorageClass{"FloatStorage", "float32"},
    StorageClass{"HalfStorage", "float16"},        StorageClass{"BFloat16Storage", "bfloat16"},
    StorageClass{"LongStorage", "int64"},          StorageClass{"IntStorage", "int32"},
    StorageClass{"ShortStorage", "int16"},         StorageClass{"CharStorage", "int8"},
    StorageClass{"ByteStorage", "uint8"},          StorageClass{"BoolStorage", "bool"},
    StorageClass{"ComplexFloatStorage", "complex64"}, StorageClass{"ComplexDoubleStorage", "complex128"},
    StorageClass{"QUInt8Storage", "quint8"},       StorageClass{"QInt8Storage", "qint8"},
    StorageClass{"QInt32Storage", "qint32"},       StorageClass{"QUInt4x2Storage", "quint4x2"},
    StorageClass{"QUInt2x4Storage", "quint2x4"},
};

// torch's dtypes, imported as torch.float32 and so on (allowed by
// _get_allowed_globals through str(dtype)): objects, not callables.
constexpr std::string_view torch_dtypes[] = {
    "float32", "float", "float64", "double", "float16", "half", "bfloat16", "complex32",
    "chalf", "complex64", "cfloat", "complex128", "cdouble", "uint8", "uint16", "uint32", "uint64", "int8",
    "int16", "short", "int32", "int", "int64", "long", "bool", "qint8", "quint8", "qint32", "quint4x2",
    "quint2x4", "float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e5m2fnuz", "float8_e8m0fnu",
    "float4_e2m1fn_x2", "bits8", "bits16", "bits1x8", "bits2x4", "bits4x2", "uint1", "uint2", "uint3",
    "uint4", "uint5", "uint6", "uint7", "int1", "int2", "int3", "int4", "int5", "int6", "int7",
    "per_tensor_affine", "per_tensor_symmetric", "per_channel_affine", "per_channel_symmetric",
    "per_channel_affine_float_qparams",
};

// The dangerous set: modules whose every attribute, and single callables,
// that are known ways to run commands or code.  The first six modules and
// builtins' eval, exec, compile, getattr and open are those
// ../shared/docs/policies-and-formats.md names after picklescan; the others are also
// in picklescan's _unsafe_globals, except importlib, marshal and
// multiprocessing (importing any module, loading bytecode, starting
// processes) and builtins.__import__, setattr, delattr and globals, added
// here for the same reason.
constexpr std::string_view dangerous_modules[] = {
    "os", "posix", "nt", "subprocess", "runpy", "webbrowser", "sys", "socket", "shutil",
    "pty", "pickle", "_pickle", "pdb", "bdb", "ctypes", "commands", "asyncio", "timeit", "pydoc", "venv",
    "pip", "code", "importlib", "marshal", "multiprocessing",
};
constexpr std::array dangerous_globals = {
    Allowed{"builtins", "eval"},        Allowed{"builtins", "exec"},       Allowed{"builtins", "compile"},
    Allowed{"builtins", "getattr"},     Allowed{"builtins", "open"},       Allowed{"builtins", "__import__"},
    Allowed{"builtins", "apply"},       Allowed{"builtins", "breakpoint"}, Allowed{"builtins", "setattr"},
    Allowed{"builtins", "delattr"},     Allowed{"builtins", "globals"},
    Allowed{"functools", "partial"},    Allowed{"operator", "attrgetter"}, Allowed{"operator", "itemgetter"},
    Allowed{"operator", "methodcaller"}, Allowed{"torch.serialization", "load"}, Allowed{"torch", "load"},
    Allowed{"torch.storage", "_load_from_bytes"}, Allowed{"numpy", "load"},
    Allowed{"numpy.testing._private.utils", "runstring"},
};

// Python 2 names that Python 3's unpickler maps for protocols 0 to 2
// (Lib/_compat_pickle.py IMPORT_MAPPING), for judging, not for display.
std::string_view python3_module(std::string_view module) {
  if (module == "__builtin__" || module == "exceptions") return "builtins";
  if (module == "copy_reg") return "copyreg";
  if (module == "cPickle") return "pickle";
  if (module == "commands") return "subprocess";
  return module;
}

}  // namespace

ImportRisk classify_import(std::string_view module_as_written, std::string_view name) {
  const std::string_view module = python3_module(module_as_written);
  const std::string_view top = module.substr(0, module.find('.'));
  // Protocol 4 looks dotted names up attribute by attribute: judge by the first.
  const std::string_view first = name.substr(0, name.find('.'));
  for (const auto dangerous : dangerous_modules)
    if (module == dangerous || top == dangerous) return ImportRisk::dangerous;
  for (const auto& dangerous : dangerous_globals)
    if (module == dangerous.module && first == dangerous.name) return ImportRisk::dangerous;
  for (const auto& allowed : allowed_globals)
    if (module == allowed.module && name == allowed.name) return ImportRisk::allowed;
  if (module == "torch") {
    for (const auto& storage : storage_classes)
      if (name == storage.name) return ImportRisk::allowed;
    for (const auto dtype : torch_dtypes)
      if (name == dtype) return ImportRisk::allowed;
  }
  return ImportRisk::unknown;
}

bool looks_like_pickle(std::string_view bytes) {
  return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0x80 &&
         static_cast<unsigned char>(bytes[1]) >= 2 && static_cast<unsigned char>(bytes[1]) <= 5;
}

namespace {

// ---------------------------------------------------------------------------
// Symbolic values.

constexpr std::size_t text_limit = 1024;     // bytes of a string kept
constexpr std::size_t entries_limit = 500;   // dictionary entries kept as facts
constexpr std::size_t npos = static_cast<std::size_t>(-1);

struct Node;
using NodePtr = std::shared_ptr<const Node>;

enum class Kind : std::uint8_t {
  other,       // a value the scanner does not follow
  none,
  boolean,
  integer,     // value in `number` when `known`
  floating,
  string,      // str: text
  bytes,       // bytes, bytearray, buffers
  tuple,       // items
  list,
  dict,
  set,
  global,      // an imported object: import_index
  call,        // items[0] called with items[1]; tensor_index when a tensor
  persistent,  // persistent_load(items[0])
};

struct Node {
  Kind kind = Kind::other;
  bool known = false;          // integer: number holds its value
  bool complete = true;        // string: text is the whole string
  std::int64_t number = 0;
  std::string text;
  std::vector<NodePtr> items;
  std::size_t import_index = npos;
  std::size_t tensor_index = npos;
  std::uint32_t depth = 1;
};

NodePtr make(Kind kind) {
  auto node = std::make_shared<Node>();
  node->kind = kind;
  return node;
}

NodePtr make_integer(std::int64_t value, bool known = true) {
  auto node = std::make_shared<Node>();
  node->kind = Kind::integer;
  node->number = value;
  node->known = known;
  return node;
}

NodePtr make_text(Kind kind, std::string text, bool complete) {
  auto node = std::make_shared<Node>();
  node->kind = kind;
  node->text = std::move(text);
  node->complete = complete;
  return node;
}

bool is_string(const NodePtr& node) { return node && node->kind == Kind::string; }

std::string_view storage_dtype(std::string_view class_name) {
  for (const auto& storage : storage_classes)
    if (class_name == storage.name) return storage.dtype;
  if (class_name == "UntypedStorage") return "uint8";
  return {};
}

// ---------------------------------------------------------------------------
// The walk.

class Scanner {
 public:
  Scanner(std::string_view bytes, const Limits& limits, const std::string& prefix, std::uint64_t base)
      : in_(bytes, base, prefix), bytes_(bytes), limits_(limits) {}

  PickleScan run() {
    for (;;) {
      opcode_at_ = in_.offset();
      const std::uint8_t op = in_.u8("an opcode (the pickle ends before its STOP opcode)");
      if (op == '.') {  // STOP
        const NodePtr result = pop("STOP");
        if (result->kind == Kind::integer && result->known)
          out_.value = std::to_string(result->number);
        else if (result->kind == Kind::string)
          out_.value = result->text;
        out_.end = in_.offset();
        finish();
        return std::move(out_);
      }
      step(op);
    }
  }

 private:
  [[noreturn]] void fail_at(const std::string& what) const { throw FormatError(in_.where_at(opcode_at_), what); }

  // --- the stack, in frames between marks, as the unpickler keeps it.
  std::size_t frame_start() const { return marks_.empty() ? 0 : marks_.back(); }
  std::size_t available() const { return stack_.size() - frame_start(); }

  void push(NodePtr node) {
    if (node->depth > limits_.max_depth)
      fail_at(fmt::format("values nested no deeper than {}", limits_.max_depth));
    if (stack_.size() + memo_.size() >= limits_.max_entries)
      fail_at(fmt::format("no more than {} stack and memo entries", limits_.max_entries));
    stack_.push_back(std::move(node));
  }
  NodePtr pop(const char* op) {
    if (available() == 0) fail_at(fmt::format("{}: a value on the stack (stack underflow)", op));
    NodePtr node = std::move(stack_.back());
    stack_.pop_back();
    return node;
  }
  const NodePtr& top(const char* op) const {
    if (available() == 0) fail_at(fmt::format("{}: a value on the stack (stack underflow)", op));
    return stack_.back();
  }
  std::vector<NodePtr> pop_mark(const char* op) {
    if (marks_.empty()) fail_at(fmt::format("{}: a MARK before it (no mark on the stack)", op));
    const std::size_t start = marks_.back();
    marks_.pop_back();
    std::vector<NodePtr> items(std::make_move_iterator(stack_.begin() + static_cast<std::ptrdiff_t>(start)),
                               std::make_move_iterator(stack_.end()));
    stack_.resize(start);
    return items;
  }

  std::shared_ptr<Node> make_container(Kind kind, std::vector<NodePtr> items) {
    auto node = std::make_shared<Node>();
    node->kind = kind;
    std::uint32_t depth = 0;
    for (const auto& item : items) depth = std::max(depth, item->depth);
    node->depth = depth + 1;
    if (kind == Kind::tuple || kind == Kind::call || kind == Kind::persistent) node->items = std::move(items);
    return node;
  }

  // --- arguments of opcodes.
  std::string_view line(const char* what) {
    const std::string_view rest = bytes_.substr(in_.offset());
    const auto end = rest.find('\n');
    if (end == std::string_view::npos) in_.fail(fmt::format("{} ending in a newline", what));
    in_.skip(end + 1);
    return rest.substr(0, end);
  }
  std::uint64_t length(std::uint64_t value, const char* what) {
    if (value > in_.remaining())
      in_.fail(fmt::format("{} of {} bytes, but only {} remain", what, value, in_.remaining()));
    return value;
  }
  static std::string keep(std::string_view text) { return std::string(text.substr(0, text_limit)); }

  // --- the memo.
  void memo_put(std::uint64_t index, const char* op) {
    const NodePtr& value = top(op);
    if (stack_.size() + memo_.size() >= limits_.max_entries)
      fail_at(fmt::format("no more than {} stack and memo entries", limits_.max_entries));
    memo_[index] = value;
  }
  void memo_get(std::uint64_t index) {
    const auto found = memo_.find(index);
    if (found == memo_.end()) fail_at(fmt::format("a memo entry {} stored before it is read (memo index out of range)", index));
    push(found->second);
  }

  // --- imports.
  NodePtr import(std::string_view module, std::string_view name, bool resolved) {
    std::string key = resolved ? std::string(module) + '\n' + std::string(name) : std::string("\n?");
    auto [it, inserted] = import_index_.try_emplace(std::move(key), out_.imports.size());
    if (inserted) {
      PickleImport record;
      record.module = printable(module, 256);
      record.name = printable(name, 256);
      record.resolved = resolved;
      record.offset = opcode_at_;
      out_.imports.push_back(std::move(record));
      raw_names_.emplace_back(std::string(module.substr(0, text_limit)), std::string(name.substr(0, text_limit)));
    }
    auto node = std::make_shared<Node>();
    node->kind = Kind::global;
    node->import_index = it->second;
    return node;
  }
  NodePtr extension(std::uint64_t code) {
    auto [it, inserted] = import_index_.try_emplace("\next" + std::to_string(code), out_.imports.size());
    if (inserted) {
      PickleImport record;
      record.module = "copyreg extension";
      record.name = std::to_string(code);
      record.extension = true;
      record.offset = opcode_at_;
      out_.imports.push_back(std::move(record));
      raw_names_.emplace_back();
    }
    auto node = std::make_shared<Node>();
    node->kind = Kind::global;
    node->import_index = it->second;
    return node;
  }
  const std::pair<std::string, std::string>* global_name(const NodePtr& node) const {
    if (!node || node->kind != Kind::global || !out_.imports[node->import_index].resolved ||
        out_.imports[node->import_index].extension)
      return nullptr;
    return &raw_names_[node->import_index];
  }
  bool is_global(const NodePtr& node, std::string_view module, std::string_view name) const {
    const auto* names = global_name(node);
    return names && names->first == module && names->second == name;
  }

  // --- calls, and the tensors some of them rebuild.
  NodePtr call(NodePtr callable, NodePtr args) {
    if (callable->kind == Kind::global) out_.imports[callable->import_index].called = true;
    std::size_t tensor = npos;
    if (const auto* names = global_name(callable); names && args->kind == Kind::tuple) {
      if (names->first == "torch._utils") tensor = tensor_call(names->second, *args);
      else if (names->first == "torch._tensor" && names->second == "_rebuild_from_type_v2" && args->items.size() >= 3 &&
               args->items[2]->kind == Kind::tuple)
        // _rebuild_from_type_v2(func, new_type, args, state) calls func(*args).
        if (const auto* inner = global_name(args->items[0]); inner && inner->first == "torch._utils")
          tensor = tensor_call(inner->second, *args->items[2]);
    }
    auto node = make_container(Kind::call, {std::move(callable), std::move(args)});
    node->tensor_index = tensor;
    return node;
  }

  std::size_t tensor_call(std::string_view function, const Node& args) {
    if ((function == "_rebuild_parameter" || function == "_rebuild_parameter_with_state") && !args.items.empty())
      return args.items[0]->tensor_index;
    const bool v3 = function == "_rebuild_tensor_v3";
    if (function != "_rebuild_tensor" && function != "_rebuild_tensor_v2" && !v3) return npos;
    if (args.items.size() < 3 || args.items[2]->kind != Kind::tuple) return npos;
    PickleTensor tensor;
    for (const auto& dimension : args.items[2]->items) {
      if (dimension->kind != Kind::integer || !dimension->known || dimension->number < 0) return npos;
      tensor.shape.push_back(static_cast<std::uint64_t>(dimension->number));
    }
    // The storage: persistent_load(('storage', storage_type, key, location, numel, ...)).
    const NodePtr& storage = args.items[0];
    if (storage->kind == Kind::persistent && !storage->items.empty() && storage->items[0]->kind == Kind::tuple) {
      const auto& pid = storage->items[0]->items;
      if (pid.size() >= 2)
        if (const auto* names = global_name(pid[1])) tensor.dtype = std::string(storage_dtype(names->second));
    }
    if (v3 && args.items.size() >= 7)
      if (const auto* names = global_name(args.items[6]); names && names->first == "torch") tensor.dtype = names->second;
    if (tensor.dtype.empty()) tensor.dtype = "unknown";
    out_.tensors.push_back(std::move(tensor));
    return out_.tensors.size() - 1;
  }

  // A dictionary entry: names tensors after their keys, keeps plain values.
  void entry(const NodePtr& key, const NodePtr& value) {
    if (!is_string(key)) return;
    if (value->tensor_index != npos) {
      auto& tensor = out_.tensors[value->tensor_index];
      if (tensor.name.empty()) tensor.name = printable(key->text, 512);
      return;
    }
    if (out_.entries.size() >= entries_limit || key->text.size() > 256) return;
    std::string text;
    switch (value->kind) {
      case Kind::string:
        text = printable(value->text, 512);
        break;
      case Kind::integer:
        if (!value->known) return;
        // torch's state_dict._metadata: {'version': 1} for every module.
        if (key->text == "version") return;
        text = std::to_string(value->number);
        break;
      case Kind::floating:
      case Kind::boolean:
        text = value->text;
        break;
      default:
        return;
    }
    out_.entries.emplace_back(printable(key->text, 256), std::move(text));
  }

  void finish() {
    // Tensors never stored under a key keep their place in the stream as a name.
    for (std::size_t i = 0; i < out_.tensors.size(); ++i)
      if (out_.tensors[i].name.empty()) out_.tensors[i].name = fmt::format("#{}", i);
  }

  // --- text arguments of protocol 0.
  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  // STRING: a quoted Python literal, decoded as codecs.escape_decode does.
  std::string decode_string_literal(std::string_view data) {
    if (data.size() < 2 || data.front() != data.back() || (data.front() != '\'' && data.front() != '"'))
      fail_at("the STRING opcode's argument in quotes");
    data = data.substr(1, data.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < data.size(); ++i) {
      if (data[i] != '\\' || i + 1 == data.size()) {
        if (data[i] == '\\') fail_at("STRING: an escape after the last backslash");
        out += data[i];
        continue;
      }
      const char c = data[++i];
      switch (c) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': {
          if (i + 2 >= data.size() || hex_digit(data[i + 1]) < 0 || hex_digit(data[i + 2]) < 0)
            fail_at("STRING: two hexadecimal digits after \\x");
          out += static_cast<char>(hex_digit(data[i + 1]) * 16 + hex_digit(data[i + 2]));
          i += 2;
          break;
        }
        default:
          if (c >= '0' && c <= '7') {
            int value = c - '0';
            for (int k = 0; k < 2 && i + 1 < data.size() && data[i + 1] >= '0' && data[i + 1] <= '7'; ++k)
              value = value * 8 + (data[++i] - '0');
            out += static_cast<char>(value & 0xFF);
          } else {
            out += '\\';
            out += c;
          }
      }
      if (out.size() > text_limit) break;
    }
    return out;
  }
  // UNICODE: raw-unicode-escape, \uXXXX and \UXXXXXXXX in Latin-1 text, as UTF-8.
  static void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }
  std::string decode_raw_unicode_escape(std::string_view data) {
    std::string out;
    for (std::size_t i = 0; i < data.size() && out.size() <= text_limit; ++i) {
      const auto c = static_cast<unsigned char>(data[i]);
      if (c == '\\' && i + 1 < data.size() && (data[i + 1] == 'u' || data[i + 1] == 'U')) {
        // An odd run of backslashes escapes; raw-unicode-escape counts them.
        std::size_t run = 0;
        while (run < i && data[i - 1 - run] == '\\') ++run;
        if (run % 2 == 0) {
          const std::size_t digits = data[i + 1] == 'u' ? 4 : 8;
          if (i + 2 + digits > data.size()) fail_at("UNICODE: hexadecimal digits after \\u or \\U");
          std::uint32_t code = 0;
          for (std::size_t k = 0; k < digits; ++k) {
            const int d = hex_digit(data[i + 2 + k]);
            if (d < 0) fail_at("UNICODE: hexadecimal digits after \\u or \\U");
            code = code * 16 + static_cast<std::uint32_t>(d);
          }
          if (code > 0x10FFFF) fail_at("UNICODE: a code point no larger than U+10FFFF");
          append_utf8(out, code);
          i += 1 + digits;
          continue;
        }
      }
      append_utf8(out, c);
    }
    return out;
  }
  // INT and LONG in text: a decimal number, or a value the scanner does not follow.
  static NodePtr parse_integer(std::string_view text) {
    if (!text.empty() && text.back() == 'L') text.remove_suffix(1);
    bool negative = false;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    if (i == text.size()) return make_integer(0, false);
    std::uint64_t value = 0;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9' || value > (1ull << 62) / 10) return make_integer(0, false);
      value = value * 10 + static_cast<std::uint64_t>(text[i] - '0');
    }
    return make_integer(negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value));
  }
  // LONG1/LONG4: little-endian two's complement.
  static NodePtr long_value(std::string_view data) {
    if (data.empty()) return make_integer(0);
    if (data.size() > 8) return make_integer(0, false);
    std::uint64_t value = 0;
    for (std::size_t k = 0; k < data.size(); ++k)
      value |= static_cast<std::uint64_t>(static_cast<unsigned char>(data[k])) << (8 * k);
    if (data.size() < 8 && (static_cast<unsigned char>(data.back()) & 0x80)) value |= ~0ull << (8 * data.size());
    return make_integer(static_cast<std::int64_t>(value));
  }

  NodePtr string_node(std::string_view data, Kind kind = Kind::string) {
    return make_text(kind, keep(data), data.size() <= text_limit);
  }
  NodePtr scalar(Kind kind, std::string text) { return make_text(kind, std::move(text), true); }

  void step(std::uint8_t op) {
    switch (op) {
      // --- protocol and framing
      case 0x80: {  // PROTO
        const std::uint8_t protocol = in_.u8("PROTO's protocol number");
        if (protocol > 5) fail_at(fmt::format("a pickle protocol from 0 to 5, not {}", protocol));
        protocol_ = protocol;
        if (out_.protocol < protocol) out_.protocol = protocol;
        return;
      }
      case 0x95: {  // FRAME
        const std::uint64_t size = in_.u64("FRAME's size");
        length(size, "a frame");
        return;
      }
      // --- marks and the stack
      case '(':  // MARK
        if (marks_.size() >= limits_.max_depth) fail_at(fmt::format("marks nested no deeper than {}", limits_.max_depth));
        marks_.push_back(stack_.size());
        return;
      case '0':  // POP
        if (available() > 0) stack_.pop_back();
        else pop_mark("POP");
        return;
      case '1':  // POP_MARK
        pop_mark("POP_MARK");
        return;
      case '2':  // DUP
        push(top("DUP"));
        return;
      // --- constants
      case 'N': push(make(Kind::none)); return;                    // NONE
      case 0x88: push(scalar(Kind::boolean, "True")); return;      // NEWTRUE
      case 0x89: push(scalar(Kind::boolean, "False")); return;     // NEWFALSE
      case 'I': {  // INT
        const std::string_view text = line("INT's decimal number");
        if (text == "00") push(scalar(Kind::boolean, "False"));
        else if (text == "01") push(scalar(Kind::boolean, "True"));
        else push(parse_integer(text));
        return;
      }
      case 'J': push(make_integer(in_.i32("BININT's integer"))); return;   // BININT
      case 'K': push(make_integer(in_.u8("BININT1's integer"))); return;   // BININT1
      case 'M': push(make_integer(in_.u16("BININT2's integer"))); return;  // BININT2
      case 'L': push(parse_integer(line("LONG's decimal number"))); return;  // LONG
      case 0x8a: {  // LONG1
        const std::uint8_t size = in_.u8("LONG1's length");
        push(long_value(in_.take(length(size, "LONG1's bytes"))));
        return;
      }
      case 0x8b: {  // LONG4
        const std::int32_t size = in_.i32("LONG4's length");
        if (size < 0) fail_at("LONG4: a length that is not negative");
        push(long_value(in_.take(length(static_cast<std::uint64_t>(size), "LONG4's bytes"))));
        return;
      }
      case 'F': push(scalar(Kind::floating, printable(line("FLOAT's number"), 64))); return;  // FLOAT
      case 'G': {  // BINFLOAT (big-endian double)
        const std::string_view raw = in_.take(8, "BINFLOAT's double");
        std::uint64_t bits = 0;
        for (const char c : raw) bits = (bits << 8) | static_cast<unsigned char>(c);
        double value;
        std::memcpy(&value, &bits, sizeof value);
        push(scalar(Kind::floating, fmt::format("{}", value)));
        return;
      }
      // --- strings and bytes
      case 'S': {  // STRING
        const std::string text = decode_string_literal(line("STRING's quoted text"));
        push(make_text(Kind::string, keep(text), text.size() <= text_limit));
        return;
      }
      case 'T': {  // BINSTRING
        const std::int32_t size = in_.i32("BINSTRING's length");
        if (size < 0) fail_at("BINSTRING: a length that is not negative");
        push(string_node(in_.take(length(static_cast<std::uint64_t>(size), "BINSTRING's bytes"))));
        return;
      }
      case 'U': {  // SHORT_BINSTRING
        const std::uint8_t size = in_.u8("SHORT_BINSTRING's length");
        push(string_node(in_.take(length(size, "SHORT_BINSTRING's bytes"))));
        return;
      }
      case 'V': {  // UNICODE
        const std::string text = decode_raw_unicode_escape(line("UNICODE's text"));
        push(make_text(Kind::string, keep(text), text.size() <= text_limit));
        return;
      }
      case 'X': {  // BINUNICODE
        const std::uint32_t size = in_.u32("BINUNICODE's length");
        push(string_node(in_.take(length(size, "BINUNICODE's text"))));
        return;
      }
      case 0x8c: {  // SHORT_BINUNICODE
        const std::uint8_t size = in_.u8("SHORT_BINUNICODE's length");
        push(string_node(in_.take(length(size, "SHORT_BINUNICODE's text"))));
        return;
      }
      case 0x8d: {  // BINUNICODE8
        const std::uint64_t size = in_.u64("BINUNICODE8's length");
        push(string_node(in_.take(length(size, "BINUNICODE8's text"))));
        return;
      }
      case 'B': {  // BINBYTES
        const std::uint32_t size = in_.u32("BINBYTES's length");
        in_.skip(length(size, "BINBYTES's bytes"));
        push(make(Kind::bytes));
        return;
      }
      case 'C': {  // SHORT_BINBYTES
        const std::uint8_t size = in_.u8("SHORT_BINBYTES's length");
        in_.skip(length(size, "SHORT_BINBYTES's bytes"));
        push(make(Kind::bytes));
        return;
      }
      case 0x8e:    // BINBYTES8
      case 0x96: {  // BYTEARRAY8
        const std::uint64_t size = in_.u64("the length of BINBYTES8 or BYTEARRAY8");
        in_.skip(length(size, "the bytes of BINBYTES8 or BYTEARRAY8"));
        push(make(Kind::bytes));
        return;
      }
      case 0x97: push(make(Kind::bytes)); return;  // NEXT_BUFFER: out-of-band data
      case 0x98: top("READONLY_BUFFER"); return;   // READONLY_BUFFER
      // --- containers
      case ')': push(make(Kind::tuple)); return;     // EMPTY_TUPLE
      case ']': push(make(Kind::list)); return;      // EMPTY_LIST
      case '}': push(make(Kind::dict)); return;      // EMPTY_DICT
      case 0x8f: push(make(Kind::set)); return;      // EMPTY_SET
      case 't': push(make_container(Kind::tuple, pop_mark("TUPLE"))); return;  // TUPLE
      case 0x85:    // TUPLE1
      case 0x86:    // TUPLE2
      case 0x87: {  // TUPLE3
        const std::size_t count = op - 0x84u;
        if (available() < count) fail_at(fmt::format("TUPLE{}: {} values on the stack (stack underflow)", count, count));
        std::vector<NodePtr> items(std::make_move_iterator(stack_.end() - static_cast<std::ptrdiff_t>(count)),
                                   std::make_move_iterator(stack_.end()));
        stack_.resize(stack_.size() - count);
        push(make_container(Kind::tuple, std::move(items)));
        return;
      }
      case 'l': pop_mark("LIST"); push(make(Kind::list)); return;  // LIST
      case 'd': {  // DICT
        const auto items = pop_mark("DICT");
        if (items.size() % 2 != 0) fail_at("DICT: keys and values in pairs");
        for (std::size_t i = 0; i < items.size(); i += 2) entry(items[i], items[i + 1]);
        push(make(Kind::dict));
        return;
      }
      case 0x91: pop_mark("FROZENSET"); push(make(Kind::set)); return;  // FROZENSET
      case 'a': pop("APPEND"); top("APPEND"); return;                   // APPEND
      case 'e': pop_mark("APPENDS"); top("APPENDS"); return;            // APPENDS
      case 0x90: pop_mark("ADDITEMS"); top("ADDITEMS"); return;         // ADDITEMS
      case 's': {  // SETITEM
        const NodePtr value = pop("SETITEM");
        const NodePtr key = pop("SETITEM");
        top("SETITEM");
        entry(key, value);
        return;
      }
      case 'u': {  // SETITEMS
        const auto items = pop_mark("SETITEMS");
        if (items.size() % 2 != 0) fail_at("SETITEMS: keys and values in pairs");
        top("SETITEMS");
        for (std::size_t i = 0; i < items.size(); i += 2) entry(items[i], items[i + 1]);
        return;
      }
      // --- the memo
      case 'p': {  // PUT
        const NodePtr index = parse_integer(line("PUT's index"));
        if (!index->known || index->number < 0) fail_at("PUT: an index that is a number, not negative");
        memo_put(static_cast<std::uint64_t>(index->number), "PUT");
        return;
      }
      case 'q': memo_put(in_.u8("BINPUT's index"), "BINPUT"); return;             // BINPUT
      case 'r': memo_put(in_.u32("LONG_BINPUT's index"), "LONG_BINPUT"); return;  // LONG_BINPUT
      case 0x94: memo_put(memo_.size(), "MEMOIZE"); return;                       // MEMOIZE
      case 'g': {  // GET
        const NodePtr index = parse_integer(line("GET's index"));
        if (!index->known || index->number < 0) fail_at("GET: an index that is a number, not negative");
        memo_get(static_cast<std::uint64_t>(index->number));
        return;
      }
      case 'h': memo_get(in_.u8("BINGET's index")); return;        // BINGET
      case 'j': memo_get(in_.u32("LONG_BINGET's index")); return;  // LONG_BINGET
      // --- imports
      case 'c': {  // GLOBAL
        const std::string_view module = line("GLOBAL's module name");
        const std::string_view name = line("GLOBAL's name");
        push(import(module, name, true));
        return;
      }
      case 0x93: {  // STACK_GLOBAL
        const NodePtr name = pop("STACK_GLOBAL");
        const NodePtr module = pop("STACK_GLOBAL");
        const bool resolved = is_string(module) && is_string(name) && module->complete && name->complete;
        push(resolved ? import(module->text, name->text, true) : import("?", "?", false));
        return;
      }
      case 'i': {  // INST
        const std::string_view module = line("INST's module name");
        const std::string_view name = line("INST's name");
        const NodePtr klass = import(module, name, true);
        auto args = make_container(Kind::tuple, pop_mark("INST"));
        push(call(klass, std::move(args)));
        return;
      }
      case 0x82: push(extension(in_.u8("EXT1's code"))); return;   // EXT1
      case 0x83: push(extension(in_.u16("EXT2's code"))); return;  // EXT2
      case 0x84: push(extension(in_.u32("EXT4's code"))); return;  // EXT4
      // --- calls
      case 'R': {  // REDUCE
        NodePtr args = pop("REDUCE");
        NodePtr callable = pop("REDUCE");
        push(call(std::move(callable), std::move(args)));
        return;
      }
      case 0x81: {  // NEWOBJ
        NodePtr args = pop("NEWOBJ");
        NodePtr klass = pop("NEWOBJ");
        push(call(std::move(klass), std::move(args)));
        return;
      }
      case 0x92: {  // NEWOBJ_EX
        pop("NEWOBJ_EX");  // keyword arguments
        NodePtr args = pop("NEWOBJ_EX");
        NodePtr klass = pop("NEWOBJ_EX");
        push(call(std::move(klass), std::move(args)));
        return;
      }
      case 'o': {  // OBJ
        auto items = pop_mark("OBJ");
        if (items.empty()) fail_at("OBJ: a class after the MARK");
        NodePtr klass = std::move(items.front());
        items.erase(items.begin());
        push(call(std::move(klass), make_container(Kind::tuple, std::move(items))));
        return;
      }
      case 'b': {  // BUILD: __setstate__, or attributes set on the object
        pop("BUILD");
        const NodePtr& target = top("BUILD");
        if (target->kind == Kind::global) out_.imports[target->import_index].modified = true;
        return;
      }
      case 'P': {  // PERSID
        const std::string_view pid = line("PERSID's id");
        ++out_.persistent_ids;
        push(make_container(Kind::persistent, {string_node(pid)}));
        return;
      }
      case 'Q': {  // BINPERSID
        NodePtr pid = pop("BINPERSID");
        ++out_.persistent_ids;
        push(make_container(Kind::persistent, {std::move(pid)}));
        return;
      }
      default:
        fail_at(fmt::format("a pickle opcode, not 0x{:02x}", op));
    }
  }

  Cursor in_;
  std::string_view bytes_;
  const Limits& limits_;
  std::uint64_t opcode_at_ = 0;
  int protocol_ = 0;
  std::vector<NodePtr> stack_;
  std::vector<std::size_t> marks_;
  std::unordered_map<std::uint64_t, NodePtr> memo_;
  std::map<std::string, std::size_t> import_index_;
  std::vector<std::pair<std::string, std::string>> raw_names_;  // module and name of each import, for matching
  PickleScan out_;
};

}  // namespace

PickleScan scan_pickle(std::string_view bytes, const Limits& limits, const std::string& where_prefix,
                       std::uint64_t base) {
  Scanner scanner(bytes, limits, where_prefix, base);
  PickleScan scan = scanner.run();
  for (auto& import : scan.imports) import.offset += base;
  return scan;
}

void report_pickle(Context& context, const PickleScan& scan, const std::string& label) {
  for (const auto& import : scan.imports) {
    const std::string where = fmt::format("{}: byte {}", label, import.offset);
    if (!import.resolved) {
      context.finding(Concern::code_execution,
                      std::string("dangerous: imports an object whose name is not written as plain strings "
                                  "(STACK_GLOBAL)") +
                          (import.called ? " and calls it" : ""),
                      where);
      continue;
    }
    if (import.extension) {
      context.finding(Concern::code_execution,
                      fmt::format("imports object {} of copyreg's extension registry{}", import.name,
                                  import.called ? " and calls it" : ""),
                      where);
      continue;
    }
    const ImportRisk risk = classify_import(import.module, import.name);
    if (risk == ImportRisk::allowed && !import.modified) continue;
    std::string what = fmt::format("{}imports {}", risk == ImportRisk::dangerous ? "dangerous: " : "", import.full());
    if (import.called) what += " and calls it";
    if (import.modified) what += import.called ? ", and sets its attributes" : " and sets its attributes";
    if (risk == ImportRisk::dangerous) what += " (a known way to run commands or code)";
    context.finding(Concern::code_execution, std::move(what), where);
  }
  std::uint64_t parameters = context.out.parameters.value_or(0);
  for (const auto& tensor : scan.tensors) {
    parameters = saturating_add(parameters, saturating_product(tensor.shape));
    context.tensor({tensor.name, tensor.dtype, tensor.shape});
  }
  if (!scan.tensors.empty()) context.out.parameters = parameters;
}

namespace {

// ---------------------------------------------------------------------------
// The formats.

constexpr std::string_view legacy_magic = "\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19";  // LONG1, 10 bytes

bool sniff_legacy(std::string_view bytes, std::string_view) {
  return looks_like_pickle(bytes) && bytes.size() >= 2 + legacy_magic.size() && bytes.substr(2, legacy_magic.size()) == legacy_magic;
}

bool has_pickle_name(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string extension(name.substr(dot + 1));
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == "pkl" || extension == "pickle" || extension == "pt" || extension == "pth" ||
         extension == "bin" || extension == "ckpt" || extension == "joblib";
}

// Protocols 0 and 1 have no PROTO opcode: only the name says, and the first
// byte must be an opcode a pickle of plain data starts with.
bool sniff_pickle(std::string_view bytes, std::string_view name) {
  if (looks_like_pickle(bytes)) return true;
  if (bytes.empty() || !has_pickle_name(name)) return false;
  constexpr std::string_view starts = "(]})cNIJKLMFSTUVXGl";
  return starts.find(bytes[0]) != std::string_view::npos;
}

void describe_protocol(Context& context, const PickleScan& scan) {
  context.fact("pickle protocol", scan.protocol < 0 ? std::string("0 or 1") : std::to_string(scan.protocol));
}

void add_entries(Context& context, const PickleScan& scan) {
  for (const auto& [key, value] : scan.entries) context.fact(key, value);
}

void read_pickle(Context& context) {
  const std::string& label = context.name;
  std::uint64_t offset = 0;
  std::size_t count = 0;
  // A file may hold several pickles one after the other (joblib, torch's
  // legacy format); read while the next bytes are a pickle's start.
  while (true) {
    const std::string_view rest = context.bytes.substr(offset);
    const std::string prefix = context.depth == 0 ? std::string() : context.name + ": ";
    const PickleScan scan = scan_pickle(rest, context.limits, prefix, offset);
    if (count == 0) describe_protocol(context, scan);
    add_entries(context, scan);
    report_pickle(context, scan, label);
    ++count;
    offset += scan.end;
    if (offset >= context.bytes.size() || !looks_like_pickle(context.bytes.substr(offset)) || count >= 64) break;
  }
  context.out.format_detail = count == 1 ? "Python pickle" : fmt::format("{} Python pickles", count);
  if (offset < context.bytes.size())
    context.fact("bytes after the pickle", std::to_string(context.bytes.size() - offset));
}

void read_legacy(Context& context) {
  const std::string& label = context.name;
  std::uint64_t offset = 0;
  for (int part = 0; part < 5; ++part) {
    const std::string prefix = context.depth == 0 ? std::string() : context.name + ": ";
    const PickleScan scan = scan_pickle(context.bytes.substr(offset), context.limits, prefix, offset);
    if (part == 0) describe_protocol(context, scan);
    if (part == 1) context.fact("protocol_version", scan.value);
    if (part == 2 || part == 3) add_entries(context, scan);
    report_pickle(context, scan, label);
    offset += scan.end;
  }
  context.out.format_detail = "PyTorch legacy serialization (torch.save before 1.6)";
  context.fact("storage bytes", std::to_string(context.bytes.size() - offset));
}

}  // namespace

const Format& pytorch_legacy_format() {
  static const Format format{"pytorch-legacy", "PyTorch legacy torch.save file (pickles and raw storages)",
                             sniff_legacy, read_legacy};
  return format;
}

const Format& pickle_format() {
  static const Format format{"pickle", "Python pickle (.pkl, .pt, .pth, .bin, .ckpt, .joblib)", sniff_pickle,
                             read_pickle};
  return format;
}

}  // namespace model_provenance::inspect::detail
