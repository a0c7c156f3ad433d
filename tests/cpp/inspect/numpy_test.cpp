// SPDX-License-Identifier: GPL-3.0-or-later
// NumPy .npy and .npz files, written here as numpy.lib.format writes them:
// arrays counted from their headers, object arrays' pickles scanned,
// damaged headers located.
#include <gtest/gtest.h>

#include "inspect_support.hpp"
#include "writers_support.hpp"

namespace model_provenance::inspect {
namespace {

using testing::PickleWriter;
using testing::write_zip;
using testing::ZipEntry;

// The header as format.write_array_header writes it: the dict's repr,
// spaces up to a multiple of 64 bytes with the newline, then the data.
std::string npy(const std::string& dict, const std::string& data, int major = 1) {
  const std::size_t prefix = major == 1 ? 10 : 12;
  std::string header = dict;
  const std::size_t total = prefix + header.size() + 1;
  header += std::string((64 - total % 64) % 64, ' ') + "\n";
  std::string out = "\x93NUMPY";
  out += static_cast<char>(major);
  out += '\0';
  if (major == 1) testing::put16(out, header.size());
  else testing::put32(out, header.size());
  return out + header + data;
}

std::vector<std::string> findings(const Inspection& result) {
  std::vector<std::string> out;
  for (const auto& finding : result.safety) out.push_back(finding.what + " @ " + finding.where);
  return out;
}

TEST(InspectNumPy, FloatArray) {
  const std::string file = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", std::string(24, '\0'));
  ASSERT_EQ(file.size(), 152u);  // as numpy.save writes this array
  const Inspection result = inspect_bytes(file, "dir/weights.npy");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "npy");
  EXPECT_EQ(result.format_detail, "NumPy array file, format version 1.0");
  EXPECT_EQ(fact(result, "npy format version"), "1.0");
  ASSERT_EQ(result.tensors.size(), 1u);
  EXPECT_EQ(result.tensors[0].name, "weights");
  EXPECT_EQ(result.tensors[0].dtype, "<f4");
  EXPECT_EQ(result.tensors[0].shape, (std::vector<std::uint64_t>{2, 3}));
  EXPECT_EQ(result.parameters, 6u);
  EXPECT_TRUE(result.safety.empty());
}

TEST(InspectNumPy, VersionsTwoAndThreeAndStructuredDtypes) {
  const std::string v2 = npy("{'descr': '>f8', 'fortran_order': True, 'shape': (5,), }", std::string(40, '\0'), 2);
  const Inspection a = inspect_bytes(v2, "b.npy");
  ASSERT_FALSE(a.error) << *a.error;
  EXPECT_EQ(fact(a, "npy format version"), "2.0");
  EXPECT_EQ(a.parameters, 5u);
  const std::string v3 = npy("{'descr': [('x', '<f4'), ('y', '<i4', (2,))], 'fortran_order': False, 'shape': (2,), }",
                             std::string(24, '\0'), 3);
  const Inspection b = inspect_bytes(v3, "rec.npy");
  ASSERT_FALSE(b.error) << *b.error;
  EXPECT_EQ(b.tensors[0].dtype, "[('x', '<f4'), ('y', '<i4', (2,))]");
  EXPECT_EQ(b.parameters, 2u);
  const std::string scalar = npy("{'descr': '<U3', 'fortran_order': False, 'shape': (), }", std::string(12, 'a'));
  const Inspection c = inspect_bytes(scalar, "s.npy");
  ASSERT_FALSE(c.error) << *c.error;
  EXPECT_EQ(c.parameters, 1u);
}

TEST(InspectNumPy, ObjectArrayPickleIsScanned) {
  // numpy.save(f, numpy.array([1, 'a', None], dtype=object),
  // allow_pickle=True) with NumPy 1.24: the header, then pickle protocol 3
  // of the array, whose imports are all allowed.
  const std::string benign(
      "\x93NUMPY\x01\x00v\x00{'descr': '|O', 'fortran_order': False, 'shape': (3,), }                      "
      "                                       \x0a\x80\x03""cnumpy.core.multiarray\x0a_reconstruct\x0aq\x00"
      "cnumpy\x0andarray\x0aq\x01K\x00\x85q\x02""C\x01""bq\x03\x87q\x04Rq\x05(K\x01K\x03\x85q\x06""cnumpy"
      "\x0a""dtype\x0aq\x07X\x02\x00\x00\x00O8q\x08\x89\x88\x87q\x09Rq\x0a(K\x03X\x01\x00\x00\x00|q\x0bNNNJ"
      "\xff\xff\xff\xffJ\xff\xff\xff\xffK?tq\x0c""b\x89]q\x0d(K\x01X\x01\x00\x00\x00""aq\x0eNetq\x0f""b.",
      293);  // 128 bytes of header, 165 of pickle; it holds NUL bytes, so the length is given
  const Inspection a = inspect_bytes(benign, "objects.npy");
  ASSERT_FALSE(a.error) << *a.error;
  EXPECT_EQ(a.format_detail, "NumPy array file, format version 1.0, Python objects (pickled)");
  EXPECT_TRUE(a.safety.empty()) << ::testing::PrintToString(findings(a));
  EXPECT_EQ(a.parameters, 3u);
  // The same header over a pickle that runs a command.
  PickleWriter p;
  p.proto(3).global("subprocess", "Popen").unicode("sh").tuple1().reduce().stop();
  const Inspection b = inspect_bytes(benign.substr(0, 128) + p.bytes(), "evil.npy");
  ASSERT_FALSE(b.error) << *b.error;
  ASSERT_EQ(b.safety.size(), 1u);
  EXPECT_EQ(b.safety[0].what, "dangerous: imports subprocess.Popen and calls it (a known way to run commands or code)");
  EXPECT_EQ(b.safety[0].where, "evil.npy: byte 130");
  // A damaged pickle there is an error located in the file.
  const Inspection c = inspect_bytes(benign.substr(0, 200), "cut.npy");
  ASSERT_TRUE(c.error);
  EXPECT_EQ(c.error->rfind("cut.npy: byte 200: ", 0), 0u) << *c.error;
}

TEST(InspectNumPy, ShortDataIsAnError) {
  const std::string file = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1000, 1000), }", "tiny");
  const Inspection result = inspect_bytes(file, "short.npy");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error, "short.npy: byte 128: array data of 8000000 bytes, but only 4 remain");
}

TEST(InspectNumPy, BadHeadersAreLocated) {
  const auto error = [](const std::string& dict) {
    const Inspection result = inspect_bytes(npy(dict, ""), "h.npy");
    return result.error.value_or("(no error)");
  };
  EXPECT_EQ(error("{'descr': '<f4', 'shape': (2,), }"),
            "h.npy: byte 10: NumPy header: a dict of 'descr', 'fortran_order' and 'shape'");
  EXPECT_EQ(error("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}"),
            "h.npy: byte 10: NumPy header: a dict of 'descr', 'fortran_order' and 'shape'");
  EXPECT_EQ(error("{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }"),
            "h.npy: byte 10: NumPy header: 'shape' of non-negative integers");
  EXPECT_EQ(error("{'descr': '<f4', 'fortran_order': False, 'shape': (2,) "),
            "h.npy: byte 64: NumPy header: ',' or '}'");
  EXPECT_EQ(error("{'descr': os.system('x')}"),
            "h.npy: byte 20: NumPy header: a string, number, boolean, None, tuple, list or dict");
  std::string nested = "{'descr': " + std::string(1000, '[') + "}";
  EXPECT_NE(error(nested).find("NumPy header: values nested no deeper than 256"), std::string::npos);
  // Version 4.0 does not exist; a header longer than the limit is not read.
  std::string v4 = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", "abcd");
  v4[6] = 4;
  EXPECT_EQ(inspect_bytes(v4, "v4.npy").error.value_or(""), "v4.npy: byte 6: NumPy format version 1.0, 2.0 or 3.0, not 4.0");
  std::string huge = npy("{}", "", 2);
  huge[8] = huge[9] = huge[10] = huge[11] = '\x7f';
  EXPECT_NE(inspect_bytes(huge, "huge.npy").error.value_or("").find("huge.npy: byte 12: a header of at most"),
            std::string::npos);
}

TEST(InspectNumPy, TruncatedHeaderAnywhereIsLocated) {
  const std::string file = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", std::string(24, '\0'));
  for (std::size_t cut = 10; cut < file.size(); ++cut) {
    const Inspection result = inspect_bytes(std::string_view(file).substr(0, cut), "cut.npy");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_EQ(result.error->rfind("cut.npy: byte ", 0), 0u) << *result.error;
  }
}

TEST(InspectNumPy, NpzArchive) {
  // numpy.savez: one stored member per array, named NAME.npy.
  const std::string w = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }", std::string(72, '\0'));
  const std::string b = npy("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", std::string(12, '\0'));
  const Inspection result = inspect_bytes(write_zip({{"w.npy", w}, {"b.npy", b}}), "arrays.npz");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "npz");
  EXPECT_EQ(result.format_detail, "NumPy .npz archive of 2 arrays");
  ASSERT_EQ(result.tensors.size(), 2u);
  EXPECT_EQ(result.tensors[0].name, "w");
  EXPECT_EQ(result.tensors[1].name, "b");
  EXPECT_EQ(result.tensors[1].dtype, "<i4");
  EXPECT_EQ(result.parameters, 12u);
  // numpy.savez_compressed: deflated members, read only as far as the header.
  ZipEntry deflated{"w.npy", w};
  deflated.deflate = true;
  const Inspection compressed = inspect_bytes(write_zip({deflated}), "c.npz");
  ASSERT_FALSE(compressed.error) << *compressed.error;
  EXPECT_EQ(compressed.format_detail, "NumPy .npz archive of 1 arrays, compressed");
  EXPECT_EQ(compressed.parameters, 9u);
}

TEST(InspectNumPy, NpzObjectMemberIsScanned) {
  PickleWriter p;
  p.proto(3).global("builtins", "eval").unicode("1+1").tuple1().reduce().stop();
  const std::string o = npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", p.bytes());
  const Inspection result = inspect_bytes(write_zip({{"o.npy", o}}), "objects.npz");
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.safety.size(), 1u);
  EXPECT_NE(result.safety[0].what.find("imports builtins.eval and calls it"), std::string::npos);
  EXPECT_EQ(result.safety[0].where, "o.npy: byte 130");
}

TEST(InspectNumPy, NpzMemberShorterThanItsArrayIsAnError) {
  const std::string w = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 3), }", std::string(8, '\0'));
  const Inspection result = inspect_bytes(write_zip({{"w.npy", w}}), "short.npz");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error, "short.npz: w.npy: byte 128: array data of 72 bytes, but only 8 remain");
}

}  // namespace
}  // namespace model_provenance::inspect
