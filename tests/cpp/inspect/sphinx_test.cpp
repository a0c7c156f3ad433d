// SPDX-License-Identifier: GPL-3.0-or-later
// CMU Sphinx: Debian's pocketsphinx-en-us model, file by file (the s3
// parameter files, the senone dump, the binary mdef, feat.params,
// noisedict, README, the trie language models, the dictionary); the same
// files cut short; s3 files written here in the other byte order, a text
// mdef, ARPA and DMP language models; hostile headers.
#include <cstring>

#include <gtest/gtest.h>

#include "inspect_support.hpp"

namespace model_provenance::inspect {
namespace {

const std::string model_dir = "/usr/share/pocketsphinx/model/en-us/en-us/";

std::optional<Inspection> real(const std::string& path) {
  const auto file = real_weights(path);
  if (!file) return std::nullopt;
  Inspection result = inspect_file(*file);
  EXPECT_FALSE(result.error) << *result.error;
  return result;
}

std::vector<std::string> facts(const Inspection& result, const std::string& key) {
  std::vector<std::string> values;
  for (const auto& f : result.facts)
    if (f.key == key) values.push_back(f.value);
  return values;
}

TEST(InspectSphinx, RealGaussians) {
  for (const char* name : {"means", "variances"}) {
    const auto result = real(model_dir + name);
    if (!result) return;
    EXPECT_EQ(result->format, "sphinx-gaussians");
    EXPECT_EQ(result->format_detail,
              "Sphinx Gaussian densities, version 1.0: 42 codebooks of 128 densities, feature streams of 13 13 13");
    EXPECT_EQ(fact(*result, "version"), "1.0");
    EXPECT_EQ(fact(*result, "chksum0"), "yes");
    EXPECT_EQ(fact(*result, "n_mgau"), "42");
    EXPECT_EQ(fact(*result, "n_feat"), "3");
    EXPECT_EQ(fact(*result, "n_density"), "128");
    EXPECT_EQ(fact(*result, "veclen"), "13 13 13");
    EXPECT_EQ(result->parameters, 42u * 128 * 39);
    ASSERT_EQ(result->tensors.size(), 3u);
    EXPECT_EQ(result->tensors[2].name, "feature stream 2");
    EXPECT_EQ(result->tensors[2].dtype, "float32");
    EXPECT_EQ(result->tensors[2].shape, (std::vector<std::uint64_t>{42, 128, 13}));
  }
}

TEST(InspectSphinx, RealTransitionMatrices) {
  const auto result = real(model_dir + "transition_matrices");
  if (!result) return;
  EXPECT_EQ(result->format, "sphinx-tmat");
  EXPECT_EQ(result->format_detail, "Sphinx transition matrices, version 1.0: 42 matrices of 3×4");
  EXPECT_EQ(fact(*result, "n_tmat"), "42");
  EXPECT_EQ(fact(*result, "n_src"), "3");
  EXPECT_EQ(fact(*result, "n_dst"), "4");
  EXPECT_EQ(result->parameters, 504u);
}

TEST(InspectSphinx, RealSenoneDump) {
  const auto result = real(model_dir + "sendump");
  if (!result) return;
  EXPECT_EQ(result->format, "sphinx-sendump");
  EXPECT_EQ(result->format_detail, "Sphinx senone dump: 3 feature streams, 128 rows of 5126 senones, 8 bits");
  EXPECT_EQ(fact(*result, "title"), "BEGIN FILE FORMAT DESCRIPTION");
  EXPECT_EQ(fact(*result, "cluster_count"), "0");
  EXPECT_EQ(fact(*result, "feature_count"), "3");
  EXPECT_EQ(fact(*result, "rows"), "128");
  EXPECT_EQ(fact(*result, "columns"), "5126");
  EXPECT_EQ(result->parameters, 3u * 128 * 5126);
  ASSERT_EQ(result->tensors.size(), 1u);
  EXPECT_EQ(result->tensors[0].dtype, "uint8");
}

TEST(InspectSphinx, RealBinaryMdef) {
  const auto result = real(model_dir + "mdef");
  if (!result) return;
  EXPECT_EQ(result->format, "sphinx-mdef");
  EXPECT_EQ(result->format_detail, "Sphinx model definition, binary version 1: 42 CI phones, 137095 phones, 5126 senones");
  EXPECT_EQ(fact(*result, "n_ciphone"), "42");
  EXPECT_EQ(fact(*result, "n_phone"), "137095");
  EXPECT_EQ(fact(*result, "n_emit_state"), "3");
  EXPECT_EQ(fact(*result, "n_ci_sen"), "126");
  EXPECT_EQ(fact(*result, "n_sen"), "5126");
  EXPECT_EQ(fact(*result, "n_tmat"), "42");
  EXPECT_EQ(fact(*result, "n_sseq"), "29324");
  EXPECT_EQ(fact(*result, "n_cd_tree"), "142108");
  EXPECT_EQ(fact(*result, "ciphones").rfind("+NSN+ +SPN+ AA AE AH", 0), 0u);
}

TEST(InspectSphinx, RealTextFiles) {
  if (const auto params = real(model_dir + "feat.params")) {
    EXPECT_EQ(params->format, "sphinx-feat-params");
    EXPECT_EQ(params->format_detail, "Sphinx feature parameters, 12 options");
    EXPECT_EQ(fact(*params, "-model"), "ptm");
    EXPECT_EQ(fact(*params, "-feat"), "1s_c_d_dd");
    EXPECT_EQ(fact(*params, "-svspec"), "0-12/13-25/26-38");
    EXPECT_EQ(fact(*params, "-lowerf"), "130");
  }
  if (const auto noise = real(model_dir + "noisedict")) {
    EXPECT_EQ(noise->format, "sphinx-dict");
    EXPECT_EQ(fact(*noise, "entries"), "5");
  }
  if (const auto readme = real(model_dir + "README")) {
    EXPECT_EQ(readme->format, "sphinx-readme");
    EXPECT_EQ(fact(*readme, "copyright"), "Copyright (c) 2015 Alpha Cephei Inc. All rights");
    EXPECT_NE(fact(*readme, "readme").find("generic US english acoustic model trained with\nlatest sphinxtrain."),
              std::string::npos);
  }
  if (const auto dict = real("/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict")) {
    EXPECT_EQ(dict->format, "sphinx-dict");
    EXPECT_EQ(dict->format_detail, "Sphinx pronunciation dictionary, 134723 entries");
  }
}

TEST(InspectSphinx, RealTrieLanguageModels) {
  if (const auto lm = real("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin")) {
    EXPECT_EQ(lm->format, "sphinx-lm");
    EXPECT_EQ(lm->format_detail, "Sphinx trie language model, order 3, 72547 words");
    EXPECT_EQ(facts(*lm, "order"), std::vector<std::string>{"3"});
    EXPECT_EQ(fact(*lm, "ngram 1"), "72547");
    EXPECT_EQ(fact(*lm, "ngram 2"), "2051547");
    EXPECT_EQ(fact(*lm, "ngram 3"), "1669625");
  }
  if (const auto phones = real("/usr/share/pocketsphinx/model/en-us/en-us-phone.lm.bin")) {
    EXPECT_EQ(phones->format_detail, "Sphinx trie language model, order 3, 43 words");
  }
}

// Binary files are walked to the end: cut anywhere, they are errors.
TEST(InspectSphinx, TruncatedRealFilesAreLocated) {
  for (const char* name : {"means", "transition_matrices", "sendump", "mdef"}) {
    const auto path = real_weights(model_dir + name);
    if (!path) return;
    const std::string whole = slurp(*path);
    for (std::size_t cut = 8; cut < whole.size(); cut += whole.size() / 97 + 1) {
      const Inspection result = inspect_bytes(std::string_view(whole).substr(0, cut), model_dir + name);
      ASSERT_TRUE(result.error) << name << " " << cut;
      EXPECT_NE(result.error->find(": byte "), std::string::npos) << *result.error;
    }
    const Inspection longer = inspect_bytes(whole + "xy", model_dir + name);
    ASSERT_TRUE(longer.error) << name;
    EXPECT_NE(longer.error->find("the end of the file, but 2 more bytes follow"), std::string::npos) << *longer.error;
  }
  const auto lm = real_weights("/usr/share/pocketsphinx/model/en-us/en-us-phone.lm.bin");
  if (!lm) return;
  const std::string head = slurp(*lm).substr(0, 32);
  // Only the header is read: the name, the order and three counts.
  for (std::size_t cut = 19; cut <= 32; ++cut) {
    const Inspection result = inspect_bytes(std::string_view(head).substr(0, cut), "cut.lm.bin");
    EXPECT_EQ(result.format, "sphinx-lm");
    EXPECT_EQ(result.error.has_value(), cut < 32) << cut;
  }
}

// s3 files as Sphinx writes them on a big-endian machine.
std::string big_endian_s3(const std::vector<std::int32_t>& ints, std::size_t floats, bool checksum = true) {
  std::string out = checksum ? "s3\nversion 1.0\nchksum0 yes\nendhdr\n" : "s3\nversion 1.0\nendhdr\n";
  const auto put = [&out](std::uint32_t v) {
    v = __builtin_bswap32(v);
    out.append(reinterpret_cast<const char*>(&v), 4);
  };
  put(0x11223344);
  for (auto i : ints) put(static_cast<std::uint32_t>(i));
  for (std::size_t i = 0; i < floats; ++i) put(0x3f800000);  // 1.0f
  if (checksum) put(0);
  return out;
}

TEST(InspectSphinx, OtherEndianS3Files) {
  const Inspection mixw = inspect_bytes(big_endian_s3({2, 1, 4, 8}, 8), "model/mixture_weights");
  ASSERT_FALSE(mixw.error) << *mixw.error;
  EXPECT_EQ(mixw.format, "sphinx-mixw");
  EXPECT_EQ(mixw.format_detail, "Sphinx mixture weights, version 1.0: 2 senones, 1 feature streams, 4 codewords");
  EXPECT_EQ(mixw.parameters, 8u);
  const Inspection tmat = inspect_bytes(big_endian_s3({1, 1, 2, 2}, 2, false), "transition_matrices");
  ASSERT_FALSE(tmat.error) << *tmat.error;
  EXPECT_EQ(tmat.format, "sphinx-tmat");
  EXPECT_EQ(tmat.parameters, 2u);
  const Inspection other = inspect_bytes(big_endian_s3({1, 2, 3}, 0), "feature_transform");
  ASSERT_FALSE(other.error) << *other.error;
  EXPECT_EQ(other.format, "sphinx-s3");
  EXPECT_EQ(other.format_detail, "Sphinx binary parameter file (s3), version 1.0");
}

TEST(InspectSphinx, HostileS3Files) {
  const auto error = [](const std::string& bytes, const std::string& name) {
    const Inspection result = inspect_bytes(bytes, name);
    EXPECT_TRUE(result.error) << name;
    return result.error.value_or("");
  };
  EXPECT_NE(error(big_endian_s3({1, 1, 2, 3}, 3), "transition_matrices")
                .find("2 float32 values (n_tmat × n_src × n_dst), not 3"),
            std::string::npos);
  EXPECT_NE(error(big_endian_s3({1, -2, 2, 3}, 3), "transition_matrices").find("n_src (source states): a count, not -2"),
            std::string::npos);
  EXPECT_NE(error(big_endian_s3({1, 100000000}, 0), "means").find("the lengths of 100000000 feature streams"),
            std::string::npos);
  std::string many = "s3\n";
  for (int i = 0; i < 33; ++i) many += "key" + std::to_string(i) + " value\n";
  EXPECT_NE(error(many + "endhdr\n", "means").find("at most 32 header arguments"), std::string::npos);
  EXPECT_NE(error("s3\nversion 1.0\n", "means").find("byte 15: a header line of at most 16383 bytes"),
            std::string::npos);
  EXPECT_NE(error("s3\nversion\nendhdr\n", "means").find("byte 3: a value after version"), std::string::npos);
  EXPECT_NE(error("s3\nendhdr\nABCD", "means").find("byte 10: the byte-order magic 0x11223344, not 0x44434241"),
            std::string::npos);
}

TEST(InspectSphinx, TextModelDefinition) {
  const std::string mdef =
      "# Generated by /usr/libexec/sphinxtrain/mk_mdef_gen on Thu Dec 13 11:41:21 2012\n"
      "0.3\n34 n_base\n0 n_tri\n136 n_state_map\n102 n_tied_state\n102 n_tied_ci_state\n34 n_tied_tmat\n"
      "#\n# Columns definitions\n#base lft  rt p attrib tmat      ... state id's ...\n"
      "   AA   -   - -    n/a    0    0    1    2    N\n";
  const Inspection result = inspect_bytes(mdef, "an4/mdef");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "sphinx-mdef");
  EXPECT_EQ(result.format_detail, "Sphinx model definition, text version 0.3: 34 base phones, 0 triphones, 102 tied states");
  EXPECT_EQ(fact(result, "comment"), "Generated by /usr/libexec/sphinxtrain/mk_mdef_gen on Thu Dec 13 11:41:21 2012");
  EXPECT_EQ(fact(result, "n_state_map"), "136");
  EXPECT_EQ(fact(result, "n_tied_tmat"), "34");
  const Inspection bad = inspect_bytes("0.3\n34 n_base\n7 n_wrong\n", "mdef");
  ASSERT_TRUE(bad.error);
  EXPECT_NE(bad.error->find("byte 14: a header line \"N n_base\""), std::string::npos) << *bad.error;
  const Inspection short_header = inspect_bytes("0.3\n34 n_base\n", "mdef");
  ASSERT_TRUE(short_header.error);
  EXPECT_NE(short_header.error->find("byte 14: the rest of the header"), std::string::npos) << *short_header.error;
}

TEST(InspectSphinx, ArpaAndDmpLanguageModels) {
  const std::string arpa =
      "This is an ARPA LM made by the test.\n\n\\data\\\nngram 1=3\nngram 2=2\n\n\\1-grams:\n-1.0 <s> -0.5\n";
  const Inspection result = inspect_bytes(arpa, "test.lm");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "sphinx-lm");
  EXPECT_EQ(result.format_detail, "ARPA language model, order 2, 3 words");
  EXPECT_EQ(fact(result, "preamble"), "This is an ARPA LM made by the test.");
  EXPECT_EQ(fact(result, "ngram 2"), "2");
  const Inspection disorder = inspect_bytes("\\data\\\nngram 1=3\nngram 3=2\n\n", "bad.lm");
  ASSERT_TRUE(disorder.error);
  EXPECT_NE(disorder.error->find("byte 17: the count of 2-grams next, not of 3-grams"), std::string::npos)
      << *disorder.error;

  std::string dmp;
  const auto put = [&dmp](std::int32_t v) { dmp.append(reinterpret_cast<const char*>(&v), 4); };
  put(17);
  dmp.append("Darpa Trigram LM\0", 17);
  put(8);
  dmp.append("turtle.\0", 8);
  put(-3);
  put(1234567890);
  put(5);
  dmp.append("note\0", 5);
  put(0);
  put(100);
  put(300);
  put(0);
  const Inspection old = inspect_bytes(dmp, "turtle.DMP");
  ASSERT_FALSE(old.error) << *old.error;
  EXPECT_EQ(old.format, "sphinx-lm");
  EXPECT_EQ(old.format_detail, "Sphinx DMP language model, order 2, 100 words");
  EXPECT_EQ(fact(old, "filename"), "turtle.");
  EXPECT_EQ(fact(old, "version"), "-3");
  EXPECT_EQ(fact(old, "description"), "note");
  EXPECT_EQ(fact(old, "ngram 2"), "300");
  EXPECT_EQ(fact(old, "ngram 3"), "(absent)");
  const Inspection cut = inspect_bytes(std::string_view(dmp).substr(0, dmp.size() - 2), "turtle.DMP");
  ASSERT_TRUE(cut.error);
  EXPECT_NE(cut.error->find("the number of trigrams: 4 bytes, but only 2 remain"), std::string::npos) << *cut.error;
}

TEST(InspectSphinx, NamedTextFilesNeedTheirShape) {
  EXPECT_EQ(inspect_bytes("A project that has nothing to do with speech.\n", "README").format, "unknown");
  EXPECT_EQ(inspect_bytes("Build the documentation with Sphinx: make html.\n", "README").format, "unknown");
  EXPECT_EQ(inspect_bytes("Debian's pocketsphinx-en-us is not copied here.\n", "README").format, "unknown");
  EXPECT_EQ(inspect_bytes("12345\nword/flags\n", "en_US.dic").format, "unknown");
  const Inspection params = inspect_bytes("-feat 1s_c_d_dd\nnot an option\n", "hmm/feat.params");
  EXPECT_EQ(params.format, "sphinx-feat-params");
  ASSERT_TRUE(params.error);
  EXPECT_NE(params.error->find("byte 16: an option line \"-name value\", not \"not an option\""), std::string::npos)
      << *params.error;
  EXPECT_EQ(fact(params, "-feat"), "1s_c_d_dd");
}

}  // namespace
}  // namespace model_provenance::inspect
