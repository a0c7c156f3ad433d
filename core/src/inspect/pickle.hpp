// SPDX-License-Identifier: GPL-3.0-or-later
// Python pickles, read without unpickling: a walk over the opcodes of
// protocols 0 to 5 with a symbolic stack and memo, enough to know which
// globals a pickle imports (GLOBAL, INST, STACK_GLOBAL, also through the
// memo), which of them it calls (REDUCE, NEWOBJ, NEWOBJ_EX, OBJ, INST)
// and, for PyTorch's pickles, which tensors it rebuilds with which shapes.
// The opcodes are those of CPython's Lib/pickle.py and their documentation
// in Lib/pickletools.py.
//
// The PyTorch, NumPy and joblib readers use it for the pickles inside
// their files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "format.hpp"

namespace model_provenance::inspect::detail {

// One distinct global a pickle imports.
struct PickleImport {
  std::string module;     // as written, cut for display
  std::string name;
  bool resolved = true;   // false: a STACK_GLOBAL whose operands are not plain strings
  bool extension = false; // EXT1/EXT2/EXT4: an object from copyreg's extension registry
  std::uint64_t offset = 0;  // of the first opcode that imports it
  bool called = false;    // REDUCE, NEWOBJ, NEWOBJ_EX, OBJ or INST calls it
  bool modified = false;  // BUILD sets attributes on the imported object itself
  std::string full() const { return module + "." + name; }
};

// A tensor a PyTorch pickle rebuilds (torch._utils._rebuild_tensor_v2 and
// kin) with a shape written as a tuple of integers.
struct PickleTensor {
  std::string name;   // the dictionary key it is stored under; empty when none
  std::string dtype;  // torch's name: "float32", "bfloat16", ...
  std::vector<std::uint64_t> shape;
};

struct PickleScan {
  int protocol = -1;       // the PROTO opcode's argument; -1 without one (protocol 0 or 1)
  std::uint64_t end = 0;   // just past the STOP opcode, relative to the bytes scanned
  std::vector<PickleImport> imports;  // in the order of their first import
  std::vector<PickleTensor> tensors;
  // Dictionary entries with a string key and a plain value (string,
  // number, boolean), in stream order, at most a few hundred: where
  // checkpoints keep their epoch, versions and hyper-parameters.
  std::vector<std::pair<std::string, std::string>> entries;
  // A plain value the whole pickle stands for (an integer, a string), or
  // empty: torch's legacy files begin with pickles of plain numbers.
  std::string value;
  // Persistent ids the pickle refers to (torch's storages).
  std::uint64_t persistent_ids = 0;
};

// Walks one pickle from the start of BYTES to its STOP opcode.  Offsets in
// errors are BASE + the offset in BYTES, after WHERE_PREFIX ("archive/data.pkl: ").
// Unknown opcodes, a stream that ends before STOP, stack underflow, a memo
// index never stored, nesting deeper than Limits::max_depth and more
// stack or memo entries than Limits::max_entries are FormatErrors.
PickleScan scan_pickle(std::string_view bytes, const Limits& limits, const std::string& where_prefix = "",
                       std::uint64_t base = 0);

enum class ImportRisk {
  allowed,    // rebuilds tensors, arrays and plain containers (the allow-list in pickle.cpp)
  unknown,    // anything else: loading imports it, and may run its code
  dangerous,  // a known way to run commands or code (os.system, builtins.exec, ...)
};
ImportRisk classify_import(std::string_view module, std::string_view name);

// Adds what SCAN found to CONTEXT's result: a code-execution finding for
// every import outside the allow-list, located as "LABEL: byte N" (N the
// opcode's offset as scan_pickle gave it, base included); the tensors
// (named after their keys) and their parameter count.
void report_pickle(Context& context, const PickleScan& scan, const std::string& label);

// True when BYTES begin as a pickle of protocol 2 or later does: a PROTO
// opcode (0x80) and a protocol number from 2 to 5.
bool looks_like_pickle(std::string_view bytes);

}  // namespace model_provenance::inspect::detail
