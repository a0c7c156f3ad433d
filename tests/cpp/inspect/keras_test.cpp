// SPDX-License-Identifier: GPL-3.0-or-later
// Keras: .keras archives (Keras 3) and HDF5 files (Keras 2 .h5), written
// here with their real layouts; every Lambda layer is a code-execution
// finding located by a JSON pointer.
#include <gtest/gtest.h>

#include "inspect_support.hpp"
#include "writers_support.hpp"

namespace model_provenance::inspect {
namespace {

using testing::put16;
using testing::put32;
using testing::put64;
using testing::write_zip;

// A Sequential model with a Lambda layer, and a nested model with another,
// as keras.src.saving.serialization_lib writes config.json.
const std::string config_with_lambdas = R"({"module": "keras", "class_name": "Sequential", "config": {"name": "seq",
 "layers": [{"module": "keras.layers", "class_name": "InputLayer", "config": {"name": "in"}},
  {"module": "keras.layers", "class_name": "Lambda", "config": {"name": "scale",
    "function": {"module": "builtins", "class_name": "function", "config": "scale",
                 "registered_name": "function"}}},
  {"module": "keras.layers", "class_name": "Dense", "config": {"name": "out",
    "activation": {"class_name": "__lambda__", "config": {"code": "4wEAAAAAAAAA"}}}},
  {"module": "keras", "class_name": "Sequential", "config": {"name": "inner",
    "layers": [{"class_name": "Lambda", "config": {"name": "deep"}}]}}]},
 "compile_config": {"optimizer": {"class_name": "Adam"}, "loss": "mse"}})";

const std::string metadata = R"({"keras_version": "3.3.3", "date_saved": "2024-05-01@10:00:00"})";

TEST(InspectKeras, LambdaLayersInKerasArchive) {
  // saving_lib._save_model_to_fileobj: metadata.json, config.json,
  // model.weights.h5, in that order, stored.
  const std::string file = write_zip(
      {{"metadata.json", metadata}, {"config.json", config_with_lambdas}, {"model.weights.h5", "\x89HDF\r\n\x1a\n"}});
  const Inspection result = inspect_bytes(file, "model.keras");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "keras");
  EXPECT_EQ(fact(result, "keras_version"), "3.3.3");
  EXPECT_EQ(fact(result, "date_saved"), "2024-05-01@10:00:00");
  EXPECT_EQ(fact(result, "class_name"), "Sequential");
  EXPECT_EQ(fact(result, "config.name"), "seq");
  EXPECT_EQ(fact(result, "compile_config.loss"), "mse");
  EXPECT_EQ(fact(result, "compile_config.optimizer"), "Adam");
  EXPECT_EQ(fact(result, "weights"), "model.weights.h5");
  ASSERT_EQ(result.safety.size(), 3u);
  EXPECT_EQ(result.safety[0].concern, Concern::code_execution);
  EXPECT_EQ(result.safety[0].what, "Keras Lambda layer \"scale\" (its Python code runs when the model is loaded)");
  EXPECT_EQ(result.safety[0].where, "config.json: /config/layers/1");
  EXPECT_EQ(result.safety[1].what, "Keras serialized Python lambda (its bytecode runs when the model is loaded)");
  EXPECT_EQ(result.safety[1].where, "config.json: /config/layers/2/config/activation");
  EXPECT_EQ(result.safety[2].what, "Keras Lambda layer \"deep\" (its Python code runs when the model is loaded)");
  EXPECT_EQ(result.safety[2].where, "config.json: /config/layers/3/config/layers/0");
}

TEST(InspectKeras, ModelWithoutLambdaHasNoFinding) {
  const std::string config =
      R"({"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Dense", "config": {"name": "d"}}]}})";
  const Inspection result = inspect_bytes(write_zip({{"metadata.json", metadata}, {"config.json", config}}), "ok.keras");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "keras");
  EXPECT_TRUE(result.safety.empty());
  EXPECT_EQ(fact(result, "config.layers"), "1");
}

TEST(InspectKeras, BrokenAndDeepJsonAreErrors) {
  const Inspection broken =
      inspect_bytes(write_zip({{"metadata.json", metadata}, {"config.json", R"({"class_name": )"}}), "b.keras");
  ASSERT_TRUE(broken.error);
  EXPECT_EQ(broken.error->rfind("b.keras: config.json: byte 15: JSON: ", 0), 0u) << *broken.error;
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const Inspection nested = inspect_bytes(write_zip({{"metadata.json", metadata}, {"config.json", deep}}), "d.keras");
  ASSERT_TRUE(nested.error);
  EXPECT_EQ(*nested.error, "d.keras: config.json: byte 256: JSON nested no deeper than 256");
  // Well-formed JSON whose number does not fit a double: once an uncaught
  // out_of_range that aborted the process (found by fuzz-inspect_hdf5).
  const Inspection overflow =
      inspect_bytes(write_zip({{"metadata.json", metadata}, {"config.json", R"({"x": 1e999})"}}), "o.keras");
  ASSERT_TRUE(overflow.error);
  EXPECT_EQ(overflow.error->rfind("o.keras: config.json: JSON: ", 0), 0u) << *overflow.error;
  EXPECT_NE(overflow.error->find("number overflow"), std::string::npos) << *overflow.error;
}

// ---------------------------------------------------------------------------
// HDF5, as h5py 3 with HDF5 1.10 writes a Keras 2 model by default
// (libver "earliest"): superblock version 0, the root group's symbol table
// entry caching its B-tree and local heap, the root object header in
// version 1 with a symbol table message and version 1 attribute messages;
// str attributes are variable-length strings in a global heap collection,
// bytes attributes fixed-length strings here (as h5py 2 wrote them).
// Layout: HDF5 File Format Specification 3.0, II.A (superblock), III.A.1
// (version 1 B-tree node), III.C (symbol table entry), III.D (local heap),
// III.E (global heap), IV.A.1.a (version 1 object header), IV.A.2.b,
// IV.A.2.d, IV.A.2.m, IV.A.2.r (dataspace, datatype, attribute, symbol
// table messages).  A file of this writer's, saved to disk, is read by
// h5dump 1.10.8 without complaint, its attributes as written.

struct H5Attribute {
  std::string name;
  std::string value;
  bool variable = false;  // a variable-length UTF-8 string
};

std::string pad8(std::string s) {
  s.resize((s.size() + 7) / 8 * 8, '\0');
  return s;
}

// The attribute messages' bodies, variable-length data pointing into the
// global heap collection at COLLECTION; the heap's objects in HEAP.
std::vector<std::string> attribute_messages(const std::vector<H5Attribute>& attributes, std::uint64_t collection,
                                            std::string& heap) {
  std::vector<std::string> messages;
  int heap_index = 0;
  for (const auto& attribute : attributes) {
    std::string type;
    std::string data;
    if (attribute.variable) {
      type += '\x19';  // class 9 (variable-length), version 1
      type += '\x01';  // a string, null-terminated
      type += '\x01';  // UTF-8
      type += '\0';
      put32(type, 16);
      type += '\x10';  // the base type: class 0 (fixed-point), version 1, one byte
      type += std::string(3, '\0');
      put32(type, 1);
      put16(type, 0);
      put16(type, 8);
      put32(data, attribute.value.size());
      put64(data, collection);
      put32(data, static_cast<std::uint32_t>(++heap_index));
      put16(heap, heap_index);
      put16(heap, 0);
      put32(heap, 0);
      put64(heap, attribute.value.size());
      heap += pad8(attribute.value);
    } else {
      type += '\x13';  // class 3 (string), version 1
      type += std::string(3, '\0');  // null-terminated, ASCII
      put32(type, attribute.value.size());
      data = attribute.value;
    }
    std::string space = "\x01";  // version 1, rank 0: a scalar
    space += std::string(7, '\0');
    std::string body = "\x01";
    body += '\0';
    put16(body, attribute.name.size() + 1);
    put16(body, type.size());
    put16(body, space.size());
    body += pad8(attribute.name + '\0') + pad8(type) + pad8(space) + data;
    messages.push_back(pad8(body));
  }
  return messages;
}

std::string hdf5_file(const std::vector<H5Attribute>& attributes, std::size_t user_block = 0) {
  constexpr std::uint64_t undefined = ~std::uint64_t{0};
  // Addresses are relative to the base address, the superblock's.
  const std::uint64_t header_at = 96;
  std::string unused;
  std::uint64_t header_size = 8 + 16;  // the symbol table message first
  for (const auto& message : attribute_messages(attributes, 0, unused)) header_size += 8 + message.size();
  const std::uint64_t btree_at = header_at + 16 + header_size;
  const std::uint64_t btree_size = 24 + 33 * 8 + 32 * 8;  // 2K+1 keys and 2K children, K = 16
  const std::uint64_t heap_at = btree_at + btree_size;
  const std::uint64_t heap_data_at = heap_at + 32;
  const std::uint64_t collection_at = heap_data_at + 24;
  const std::uint64_t collection_size = 4096;
  std::string heap_objects;
  const auto messages = attribute_messages(attributes, collection_at, heap_objects);
  const std::uint64_t end = collection_at + (heap_objects.empty() ? 0 : collection_size);

  std::string out(user_block, '\0');
  out += "\x89HDF\r\n\x1a\n";
  out += std::string("\0\0\0\0\0\x08\x08\0", 8);  // versions 0, offsets and lengths of 8 bytes
  put16(out, 4);                                  // group leaf node K
  put16(out, 16);                                 // group internal node K
  put32(out, 0);
  put64(out, user_block);  // base address: the superblock's own
  put64(out, undefined);
  put64(out, user_block + end);  // end of file address, as HDF5 1.10 writes it
  put64(out, undefined);
  put64(out, 0);  // root symbol table entry: link name offset
  put64(out, header_at);
  put32(out, 1);  // cache type 1: the B-tree and heap addresses follow
  put32(out, 0);
  put64(out, btree_at);
  put64(out, heap_at);
  // The root object header.
  out += "\x01";
  out += '\0';
  put16(out, messages.size() + 1);
  put32(out, 1);
  put32(out, header_size);
  put32(out, 0);
  put16(out, 0x0011);  // symbol table message
  put16(out, 16);
  put32(out, 0);
  put64(out, btree_at);
  put64(out, heap_at);
  for (const auto& message : messages) {
    put16(out, 0x000C);
    put16(out, message.size());
    put32(out, 0);
    out += message;
  }
  // The root group's empty B-tree node and its local heap.
  out += "TREE";
  out += '\0';  // group node
  out += '\0';  // leaf
  put16(out, 0);
  put64(out, undefined);
  put64(out, undefined);
  out += std::string(btree_size - 24, '\0');
  // The local heap: the empty name at offset 0, then one free block whose
  // "next" is 1, which HDF5 writes for the end of its free list.
  out += "HEAP";
  put32(out, 0);
  put64(out, 24);
  put64(out, 8);
  put64(out, heap_data_at);
  out += std::string(8, '\0');
  put64(out, 1);
  put64(out, 16);
  if (!heap_objects.empty()) {
    out += "GCOL";
    put32(out, 1);
    put64(out, collection_size);
    out += heap_objects;
    const std::uint64_t used = 16 + heap_objects.size();
    put16(out, 0);  // the free space to the end of the collection
    put16(out, 0);
    put32(out, 0);
    put64(out, collection_size - used);
    out += std::string(collection_size - used - 16, '\0');
  }
  return out;
}

const std::string keras2_config = R"({"class_name": "Sequential", "config": {"name": "sequential", "layers": [
  {"class_name": "Dense", "config": {"name": "dense", "units": 4}},
  {"class_name": "Lambda", "config": {"name": "scale", "function": ["4wEAAAAA", null, null],
   "function_type": "lambda", "module": "__main__"}}]}, "keras_version": "2.15.0", "backend": "tensorflow"})";

TEST(InspectKeras, Keras2Hdf5RootAttributes) {
  const std::string file = hdf5_file({{"backend", "tensorflow", true},
                                      {"keras_version", "2.15.0", true},
                                      {"model_config", keras2_config, false},
                                      {"training_config", R"({"loss": "mse", "optimizer_config": {"class_name": "Adam"}})", false}});
  const Inspection result = inspect_bytes(file, "model.h5");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "hdf5");
  EXPECT_EQ(result.format_detail, "HDF5, superblock version 0, Keras model");
  EXPECT_EQ(fact(result, "backend"), "tensorflow");
  EXPECT_EQ(fact(result, "keras_version"), "2.15.0");
  EXPECT_EQ(fact(result, "model_config.class_name"), "Sequential");
  EXPECT_EQ(fact(result, "model_config.config.name"), "sequential");
  EXPECT_EQ(fact(result, "training_config.loss"), "mse");
  ASSERT_EQ(result.safety.size(), 1u);
  EXPECT_EQ(result.safety[0].concern, Concern::code_execution);
  EXPECT_EQ(result.safety[0].what, "Keras Lambda layer \"scale\" (its Python code runs when the model is loaded)");
  EXPECT_EQ(result.safety[0].where, "model_config attribute: /config/layers/1");
}

TEST(InspectKeras, Hdf5AfterAUserBlock) {
  // The signature may sit at 512, 1024, 2048, ...: the base address follows it.
  const std::string file = hdf5_file({{"license", "CC-BY-4.0", true}}, 1024);
  const Inspection result = inspect_bytes(file, "data.h5");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.format, "hdf5");
  EXPECT_EQ(fact(result, "license"), "CC-BY-4.0");
  EXPECT_EQ(result.license, "CC-BY-4.0");
  EXPECT_TRUE(result.safety.empty());
}

TEST(InspectKeras, Hdf5TruncatedAnywhereIsLocated) {
  // The variable-length string lives in the global heap at the end of the
  // file, so a cut anywhere loses something the reader needs.
  const std::string file = hdf5_file({{"model_config", keras2_config, false}, {"keras_version", "2.15.0", true}});
  for (std::size_t cut = 8; cut < file.size(); cut += 13) {
    const Inspection result = inspect_bytes(std::string_view(file).substr(0, cut), "cut.h5");
    ASSERT_TRUE(result.error) << cut;
    EXPECT_EQ(result.error->rfind("cut.h5: byte ", 0), 0u) << *result.error;
  }
}

TEST(InspectKeras, Hdf5HostileFieldsAreErrors) {
  std::string file = hdf5_file({{"keras_version", "2.15.0", true}});
  // The root object header's address past the end of the file.
  std::string far = file;
  far[0x40 + 7] = '\x7f';
  const Inspection a = inspect_bytes(far, "far.h5");
  ASSERT_TRUE(a.error);
  EXPECT_NE(a.error->find("root object header: an address within the file"), std::string::npos) << *a.error;
  // An object header size larger than the file.
  std::string big = file;
  big[96 + 8] = big[96 + 9] = big[96 + 10] = '\xff';
  const Inspection b = inspect_bytes(big, "big.h5");
  ASSERT_TRUE(b.error);
  EXPECT_NE(b.error->find("big.h5: byte 112: an object header chunk of"), std::string::npos) << *b.error;
  // A superblock version that does not exist.
  std::string version = file;
  version[8] = 9;
  EXPECT_EQ(inspect_bytes(version, "v.h5").error.value_or(""), "v.h5: byte 8: superblock version 0 to 3, not 9");
}

}  // namespace
}  // namespace model_provenance::inspect
