// SPDX-License-Identifier: GPL-3.0-or-later
// Pickles: what they import and call, found without unpickling; torch's
// tensor rebuilds allowed and counted; hostile streams stopped with a
// located error.
#include <gtest/gtest.h>

#include "inspect_support.hpp"
#include "writers_support.hpp"

namespace model_provenance::inspect {
namespace {

using testing::PickleWriter;

std::vector<std::string> findings(const Inspection& result) {
  std::vector<std::string> out;
  for (const auto& finding : result.safety) out.push_back(finding.what + " @ " + finding.where);
  return out;
}

// The one code-execution finding of RESULT, which must have exactly one.
const SafetyFinding& only_finding(const Inspection& result) {
  EXPECT_EQ(result.safety.size(), 1u) << ::testing::PrintToString(findings(result));
  if (result.safety.empty()) {
    static const SafetyFinding none{Concern::review, "(none)", "(none)"};
    return none;
  }
  EXPECT_EQ(result.safety[0].concern, Concern::code_execution);
  return result.safety[0];
}

TEST(InspectPickle, GlobalAndReduceIsFlaggedWithTheImport) {
  // GLOBAL 'os' 'system', its argument, REDUCE: what a malicious __reduce__ writes.
  PickleWriter p;
  p.proto(2).global("os", "system").binput(0).binunicode("echo pwned").tuple1().reduce().stop();
  const Inspection result = inspect_bytes(p.bytes(), "evil.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "pickle");
  EXPECT_TRUE(result.runs_code());
  const auto& finding = only_finding(result);
  EXPECT_NE(finding.what.find("imports os.system and calls it"), std::string::npos) << finding.what;
  EXPECT_EQ(finding.what.rfind("dangerous: ", 0), 0u) << finding.what;
  EXPECT_EQ(finding.where, "evil.pkl: byte 2");
  EXPECT_EQ(fact(result, "pickle protocol"), "2");
}

TEST(InspectPickle, PythonMadeProtocol2) {
  // pickle.dumps(Evil(), protocol=2) with Evil.__reduce__ returning
  // (os.system, ('echo pwned',)), CPython 3.11 on Linux: os.system is
  // posix.system there.
  const char raw[] = "\x80\x02""cposix\x0asystem\x0aq\x00X\x0a\x00\x00\x00""echo pwnedq\x01\x85q\x02Rq\x03.";
  const std::string bytes(raw, sizeof raw - 1);
  const Inspection result = inspect_bytes(bytes, "model.bin");
  ASSERT_FALSE(result.error) << *result.error;
  const auto& finding = only_finding(result);
  EXPECT_EQ(finding.what, "dangerous: imports posix.system and calls it (a known way to run commands or code)");
  EXPECT_EQ(finding.where, "model.bin: byte 2");
}

TEST(InspectPickle, PythonMadeProtocol0IsKnownByItsName) {
  // The same object, pickle.dumps(Evil(), protocol=0): no PROTO opcode.
  const std::string bytes("cposix\x0asystem\x0ap0\x0a(Vecho pwned\x0ap1\x0atp2\x0aRp3\x0a.");
  const Inspection result = inspect_bytes(bytes, "weights.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "pickle");
  EXPECT_EQ(fact(result, "pickle protocol"), "0 or 1");
  EXPECT_NE(only_finding(result).what.find("imports posix.system and calls it"), std::string::npos);
  // Without a pickle's name, protocol 0 has nothing to be recognised by.
  EXPECT_EQ(inspect_bytes(bytes, "notes.txt").format, "unknown");
}

TEST(InspectPickle, StackGlobalFromPython) {
  // pickle.dumps(Exec(), protocol=4), Exec.__reduce__ returning
  // (builtins.exec, ('print(1)',)): FRAME, SHORT_BINUNICODE, MEMOIZE,
  // STACK_GLOBAL; checked with pickletools.dis.
  const std::string bytes(
      "\x80\x04\x95$\x00\x00\x00\x00\x00\x00\x00\x8c\x08""builtins\x94\x8c\x04""exec\x94\x93\x94\x8c\x08pri"
      "nt(1)\x94\x85\x94R\x94.",
      47);
  const Inspection result = inspect_bytes(bytes, "exec.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(fact(result, "pickle protocol"), "4");
  const auto& finding = only_finding(result);
  EXPECT_NE(finding.what.find("imports builtins.exec and calls it"), std::string::npos) << finding.what;
  EXPECT_EQ(finding.where, "exec.pkl: byte 29");
}

TEST(InspectPickle, StackGlobalOperandsThroughTheMemo) {
  // The two strings are stored early (BINPUT, LONG_BINPUT, MEMOIZE), other
  // values come between, and STACK_GLOBAL gets them back from the memo.
  PickleWriter p;
  p.proto(4).unicode("builtins").binput(3).unicode("exec").long_binput(70000).unicode("noise").memoize();
  p.raw("0");  // POP the noise
  p.binget(3).long_binget(70000).stack_global().unicode("import os").tuple1().reduce().stop();
  const Inspection result = inspect_bytes(p.bytes(), "memo.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  const auto& finding = only_finding(result);
  EXPECT_NE(finding.what.find("imports builtins.exec and calls it"), std::string::npos) << finding.what;
}

TEST(InspectPickle, GlobalThroughTheMemoIsStillCalled) {
  // The imported callable itself stored and fetched again before REDUCE.
  PickleWriter p;
  p.proto(2).global("subprocess", "check_output").binput(1).raw("0").none().raw("0");
  p.binget(1).mark().unicode("id").tuple().tuple1().reduce().stop();
  const Inspection result = inspect_bytes(p.bytes(), "memo2.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_NE(only_finding(result).what.find("imports subprocess.check_output and calls it"), std::string::npos);
}

TEST(InspectPickle, EscapedStringsAreDecodedBeforeJudging) {
  // STRING 'o\x73' is "os": an escape must not hide the module.
  PickleWriter p;
  p.string0("'o\\x73'").string0("\"sys\\164em\"").stack_global().stop();
  const Inspection result = inspect_bytes(p.bytes(), "escaped.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  const auto& finding = only_finding(result);
  EXPECT_NE(finding.what.find("imports os.system"), std::string::npos) << finding.what;
  EXPECT_EQ(finding.what.find("calls"), std::string::npos) << finding.what;
}

TEST(InspectPickle, InstImportsAndCalls) {
  PickleWriter p;
  p.mark().string0("'ls'").inst("os", "system").stop();
  const Inspection result = inspect_bytes(p.bytes(), "inst.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_NE(only_finding(result).what.find("imports os.system and calls it"), std::string::npos);
}

TEST(InspectPickle, UnknownImportsAreReportedPlainly) {
  // A class of the user's own: loading imports it (and runs its module),
  // but it is not one of the known dangerous callables.
  PickleWriter p;
  p.proto(2).global("mypackage.models", "Net").empty_tuple().newobj().empty_dict().build();
  p.global("mypackage.models", "helper").stop();
  const Inspection result = inspect_bytes(p.bytes(), "net.pt");
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.safety.size(), 2u) << ::testing::PrintToString(findings(result));
  EXPECT_EQ(result.safety[0].what, "imports mypackage.models.Net and calls it");
  EXPECT_EQ(result.safety[0].where, "net.pt: byte 2");
  EXPECT_EQ(result.safety[1].what, "imports mypackage.models.helper");
  EXPECT_TRUE(result.runs_code());
}

TEST(InspectPickle, BuildOnAnAllowedGlobalIsFlagged) {
  // Setting attributes on an imported object, even an allowed one.
  PickleWriter p;
  p.proto(2).global("collections", "OrderedDict").empty_dict().build().stop();
  const Inspection result = inspect_bytes(p.bytes(), "patch.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(only_finding(result).what, "imports collections.OrderedDict and sets its attributes");
}

TEST(InspectPickle, UnresolvableStackGlobalIsDangerous) {
  // The module's name is a call's result: nothing says what it is.
  PickleWriter p;
  p.proto(4).global("collections", "OrderedDict").empty_tuple().reduce().unicode("system").stack_global().stop();
  const Inspection result = inspect_bytes(p.bytes(), "dynamic.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  const auto& finding = only_finding(result);
  EXPECT_EQ(finding.what.rfind("dangerous: imports an object whose name is not written", 0), 0u) << finding.what;
}

TEST(InspectPickle, TorchStateDictIsAllowedAndCounted) {
  const Inspection result = inspect_bytes(testing::torch_state_dict_pickle(), "state.pt");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "pickle");
  EXPECT_TRUE(result.safety.empty()) << ::testing::PrintToString(findings(result));
  ASSERT_EQ(result.tensors.size(), 2u);
  EXPECT_EQ(result.tensors[0].name, "fc.weight");
  EXPECT_EQ(result.tensors[0].dtype, "float32");
  EXPECT_EQ(result.tensors[0].shape, (std::vector<std::uint64_t>{4, 3}));
  EXPECT_EQ(result.tensors[1].name, "fc.bias");
  EXPECT_EQ(result.tensors[1].shape, (std::vector<std::uint64_t>{4}));
  EXPECT_EQ(result.parameters, 16u);
}

TEST(InspectPickle, RebuildTensorV3WithDtypeGlobal) {
  // torch 2's _rebuild_tensor_v3(storage, offset, size, stride,
  // requires_grad, hooks, dtype): an untyped storage, the dtype a global.
  PickleWriter p;
  p.proto(2).global("collections", "OrderedDict").empty_tuple().reduce().binunicode("w");
  p.global("torch._utils", "_rebuild_tensor_v3").mark();
  p.mark().binunicode("storage").global("torch", "UntypedStorage").binunicode("0").binunicode("cpu").int1(8).tuple();
  p.raw("Q").int1(0).int1(2).int1(2).tuple2().int1(2).int1(1).tuple2().raw("\x89");
  p.global("collections", "OrderedDict").empty_tuple().reduce().global("torch", "bfloat16").tuple().reduce();
  p.setitem().stop();
  const Inspection result = inspect_bytes(p.bytes(), "v3.pt");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_TRUE(result.safety.empty()) << ::testing::PrintToString(findings(result));
  ASSERT_EQ(result.tensors.size(), 1u);
  EXPECT_EQ(result.tensors[0].name, "w");
  EXPECT_EQ(result.tensors[0].dtype, "bfloat16");
  EXPECT_EQ(result.parameters, 4u);
}

TEST(InspectPickle, LoadFromBytesIsNotAllowed) {
  // torch.storage._load_from_bytes calls torch.load on bytes of the pickle.
  PickleWriter p;
  p.proto(2).global("torch.storage", "_load_from_bytes").raw("C").raw(std::string(1, '\x04')).raw("\x80\x02N.");
  p.tuple1().reduce().stop();
  const Inspection result = inspect_bytes(p.bytes(), "storage.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(only_finding(result).what,
            "dangerous: imports torch.storage._load_from_bytes and calls it (a known way to run commands or code)");
}

TEST(InspectPickle, CheckpointEntriesAreFacts) {
  // {'epoch': 7, 'arch': 'resnet18', 'best': True} as protocol 2 writes it.
  PickleWriter p;
  p.proto(2).empty_dict().mark().binunicode("epoch").int1(7).binunicode("arch").binunicode("resnet18");
  p.binunicode("best").raw("\x88").raw("u").stop();
  const Inspection result = inspect_bytes(p.bytes(), "ckpt.pth");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(fact(result, "epoch"), "7");
  EXPECT_EQ(fact(result, "arch"), "resnet18");
  EXPECT_EQ(fact(result, "best"), "True");
  EXPECT_TRUE(result.safety.empty());
}

TEST(InspectPickle, TruncatedAnywhereIsLocated) {
  const std::string& whole = testing::torch_state_dict_pickle();
  for (std::size_t cut = 3; cut < whole.size(); ++cut) {
    const Inspection result = inspect_bytes(std::string_view(whole).substr(0, cut), "cut.pt");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_EQ(result.error->rfind("cut.pt: byte ", 0), 0u) << *result.error;
  }
}

TEST(InspectPickle, UnknownOpcodeIsLocated) {
  PickleWriter p;
  p.proto(2).none().raw("\xff").stop();
  const Inspection result = inspect_bytes(p.bytes(), "bad.pkl");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error, "bad.pkl: byte 3: a pickle opcode, not 0xff");
}

TEST(InspectPickle, StackUnderflowIsAnError) {
  PickleWriter p;
  p.proto(2).none().reduce().stop();
  const Inspection result = inspect_bytes(p.bytes(), "under.pkl");
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("under.pkl: byte 3: REDUCE"), std::string::npos) << *result.error;
  EXPECT_NE(result.error->find("stack underflow"), std::string::npos) << *result.error;
  // Values below a MARK are out of reach, as in the unpickler.
  PickleWriter q;
  q.proto(2).none().mark().tuple1().stop();
  const Inspection below = inspect_bytes(q.bytes(), "mark.pkl");
  ASSERT_TRUE(below.error);
  EXPECT_NE(below.error->find("stack underflow"), std::string::npos) << *below.error;
}

TEST(InspectPickle, MemoIndexNeverStoredIsAnError) {
  PickleWriter p;
  p.proto(2).none().binput(0).binget(5).stop();
  const Inspection result = inspect_bytes(p.bytes(), "memo.pkl");
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("memo.pkl: byte 5"), std::string::npos) << *result.error;
  EXPECT_NE(result.error->find("memo index out of range"), std::string::npos) << *result.error;
}

TEST(InspectPickle, DeepNestingIsAnError) {
  // 1,000 nested marks (lists of lists), and 1,000 nested one-tuples.
  PickleWriter marks;
  marks.proto(2);
  for (int i = 0; i < 1000; ++i) marks.raw("]").mark();
  const Inspection a = inspect_bytes(marks.bytes(), "deep.pkl");
  ASSERT_TRUE(a.error);
  EXPECT_NE(a.error->find("nested no deeper than 256"), std::string::npos) << *a.error;
  PickleWriter tuples;
  tuples.proto(2).none();
  for (int i = 0; i < 1000; ++i) tuples.tuple1();
  tuples.stop();
  const Inspection b = inspect_bytes(tuples.bytes(), "deep2.pkl");
  ASSERT_TRUE(b.error);
  EXPECT_NE(b.error->find("deep2.pkl: byte 258: values nested no deeper than 256"), std::string::npos) << *b.error;
}

TEST(InspectPickle, HugeLengthsAreErrors) {
  PickleWriter p;
  p.proto(4).raw("\x8d").raw(std::string("\xff\xff\xff\xff\xff\xff\xff\x7f", 8)).stop();  // BINUNICODE8
  const Inspection result = inspect_bytes(p.bytes(), "long.pkl");
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("long.pkl: byte 11"), std::string::npos) << *result.error;
  PickleWriter f;
  f.proto(4).frame(1ull << 40).none().stop();
  const Inspection frame = inspect_bytes(f.bytes(), "frame.pkl");
  ASSERT_TRUE(frame.error);
  EXPECT_NE(frame.error->find("a frame of 1099511627776 bytes"), std::string::npos) << *frame.error;
}

TEST(InspectPickle, LegacyTorchSaveIsFivePickles) {
  // torch.save before 1.6 (torch/serialization.py _legacy_save): the magic
  // number, the protocol version, the system information, the object, the
  // storage keys; then the storages.  Each pickle as CPython writes it
  // with protocol 2.
  std::string file("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.", 15);  // 0x1950a86a20f9469cfc6c
  file += std::string("\x80\x02M\xe9\x03.", 6);                                         // 1001
  PickleWriter info;
  info.proto(2).empty_dict().binput(0).mark().unicode("protocol_version").raw("M\xe9\x03");
  info.unicode("little_endian").raw("\x88").unicode("type_sizes").empty_dict().mark();
  info.unicode("short").int1(2).unicode("int").int1(4).unicode("long").int1(4).raw("u").raw("u").stop();
  file += info.bytes();
  PickleWriter object;
  object.proto(2).global("collections", "OrderedDict").empty_tuple().reduce().stop();
  file += object.bytes();
  file += PickleWriter().proto(2).raw("]").stop().bytes();
  file += std::string(8, '\0');
  const Inspection result = inspect_bytes(file, "old.pt");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "pytorch-legacy");
  EXPECT_EQ(fact(result, "protocol_version"), "1001");
  EXPECT_EQ(fact(result, "little_endian"), "True");
  EXPECT_EQ(fact(result, "storage bytes"), "8");
  EXPECT_TRUE(result.safety.empty()) << ::testing::PrintToString(findings(result));
  // A dangerous object in the fourth pickle is found at its place in the file.
  PickleWriter evil;
  evil.proto(2).global("os", "system").unicode("id").tuple1().reduce().stop();
  std::string bad = file;
  const std::size_t at = 15 + 6 + info.size();
  bad.replace(at, object.size(), evil.bytes());
  const Inspection flagged = inspect_bytes(bad, "old.pt");
  ASSERT_FALSE(flagged.error) << *flagged.error;
  EXPECT_EQ(only_finding(flagged).where, "old.pt: byte " + std::to_string(at + 2));
}

TEST(InspectPickle, SeveralPicklesInOneFile) {
  PickleWriter first;
  first.proto(2).none().stop();
  PickleWriter second;
  second.proto(2).global("os", "system").stop();
  const Inspection result = inspect_bytes(first.bytes() + second.bytes(), "two.pkl");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format_detail, "2 Python pickles");
  EXPECT_EQ(only_finding(result).where, "two.pkl: byte 6");
}

}  // namespace
}  // namespace model_provenance::inspect
