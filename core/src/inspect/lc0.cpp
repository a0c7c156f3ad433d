// SPDX-License-Identifier: GPL-3.0-or-later
// Leela Chess Zero networks (.pb.gz): a gzip-compressed pblczero.Net
// message, inflated as it is read (wire::GunzipStream, bounded by the
// limits) and walked with the protobuf wire walker, so a network's weights
// pass through a 64 KiB buffer and are counted, never kept.
//
// Field numbers from LeelaChessZero/lczero-common, proto/net.proto at commit
// b326b154221a6eb91977bdccf11d6f89e8547875, with Layer.encoding and
// Layer.dims and Net.backend_cache from the copy in LeelaChessZero/lc0,
// proto/net.proto at commit 0d2153537d75e650c942654f0c42264bc8051003:
//   Net: magic 1 (fixed32, 0x1c0), license 2, min_version 3 (EngineVersion:
//     major 1, minor 2, patch 3), format 4, training_params 5, weights 10,
//     onnx_model 11, backend_cache 12.
//   Format: weights_encoding 1 (UNKNOWN 0, LINEAR16 1), network_format 2
//     (NetworkFormat: input 1, output 2, network 3, policy 4, value 5,
//     moves_left 6, default_activation 7, smolgen_activation 8,
//     ffn_activation 9, input_embedding 10; all enums).
//   TrainingParams: training_steps 1 (uint32), learning_rate 2, mse_loss 3,
//     policy_loss 4, accuracy 5 (floats), lc0_params 6 (string).
//   OnnxModel: model 1 (bytes), data_type 2, input_planes 3, output_value 4,
//     output_wdl 5, output_policy 6, output_mlh 7.
//   Weights and its nested messages: the table below; every Layer holds
//     min_val 1, max_val 2, params 3 (bytes), encoding 4, dims 5.
#include <array>
#include <optional>

#include <fmt/format.h>

#include "format.hpp"
#include "protobuf_wire.hpp"

namespace model_provenance::inspect::detail {
namespace {

using wire::Field;
using wire::WireType;

constexpr std::uint32_t net_magic = 0x1c0;
constexpr std::size_t max_rank = 64;

// --- The enums, by value -----------------------------------------------------

struct EnumName {
  std::uint64_t value;
  const char* name;
};

template <std::size_t N>
std::string enum_name(const std::array<EnumName, N>& names, std::uint64_t value) {
  for (const auto& n : names)
    if (n.value == value) return n.name;
  return std::to_string(value);
}

constexpr std::array<EnumName, 8> input_formats{{{0, "INPUT_UNKNOWN"},
                                                 {1, "INPUT_CLASSICAL_112_PLANE"},
                                                 {2, "INPUT_112_WITH_CASTLING_PLANE"},
                                                 {3, "INPUT_112_WITH_CANONICALIZATION"},
                                                 {4, "INPUT_112_WITH_CANONICALIZATION_HECTOPLIES"},
                                                 {132, "INPUT_112_WITH_CANONICALIZATION_HECTOPLIES_ARMAGEDDON"},
                                                 {5, "INPUT_112_WITH_CANONICALIZATION_V2"},
                                                 {133, "INPUT_112_WITH_CANONICALIZATION_V2_ARMAGEDDON"}}};
constexpr std::array<EnumName, 3> output_formats{{{0, "OUTPUT_UNKNOWN"}, {1, "OUTPUT_CLASSICAL"}, {2, "OUTPUT_WDL"}}};
constexpr std::array<EnumName, 9> network_structures{{{0, "NETWORK_UNKNOWN"},
                                                      {1, "NETWORK_CLASSICAL"},
                                                      {2, "NETWORK_SE"},
                                                      {3, "NETWORK_CLASSICAL_WITH_HEADFORMAT"},
                                                      {4, "NETWORK_SE_WITH_HEADFORMAT"},
                                                      {5, "NETWORK_ONNX"},
                                                      {6, "NETWORK_ATTENTIONBODY_WITH_HEADFORMAT"},
                                                      {7, "NETWORK_ATTENTIONBODY_WITH_MULTIHEADFORMAT"},
                                                      {134, "NETWORK_AB_LEGACY_WITH_MULTIHEADFORMAT"}}};
constexpr std::array<EnumName, 4> policy_formats{
    {{0, "POLICY_UNKNOWN"}, {1, "POLICY_CLASSICAL"}, {2, "POLICY_CONVOLUTION"}, {3, "POLICY_ATTENTION"}}};
constexpr std::array<EnumName, 4> value_formats{
    {{0, "VALUE_UNKNOWN"}, {1, "VALUE_CLASSICAL"}, {2, "VALUE_WDL"}, {3, "VALUE_PARAM"}}};
constexpr std::array<EnumName, 2> moves_left_formats{{{0, "MOVES_LEFT_NONE"}, {1, "MOVES_LEFT_V1"}}};
constexpr std::array<EnumName, 2> default_activations{{{0, "DEFAULT_ACTIVATION_RELU"}, {1, "DEFAULT_ACTIVATION_MISH"}}};
constexpr std::array<EnumName, 10> activation_functions{{{0, "ACTIVATION_DEFAULT"},
                                                         {1, "ACTIVATION_MISH"},
                                                         {2, "ACTIVATION_RELU"},
                                                         {3, "ACTIVATION_NONE"},
                                                         {4, "ACTIVATION_TANH"},
                                                         {5, "ACTIVATION_SIGMOID"},
                                                         {6, "ACTIVATION_SELU"},
                                                         {7, "ACTIVATION_SWISH"},
                                                         {8, "ACTIVATION_RELU_2"},
                                                         {9, "ACTIVATION_SOFTMAX"}}};
constexpr std::array<EnumName, 3> input_embeddings{
    {{0, "INPUT_EMBEDDING_NONE"}, {1, "INPUT_EMBEDDING_PE_MAP"}, {2, "INPUT_EMBEDDING_PE_DENSE"}}};
constexpr std::array<EnumName, 2> format_encodings{{{0, "UNKNOWN"}, {1, "LINEAR16"}}};
constexpr std::array<EnumName, 5> layer_encodings{
    {{0, "UNKNOWN_ENCODING"}, {1, "LINEAR16"}, {2, "FLOAT16"}, {3, "BFLOAT16"}, {4, "FLOAT32"}}};
constexpr std::array<EnumName, 4> onnx_data_types{{{0, "UNKNOWN_DATATYPE"}, {1, "FLOAT"}, {10, "FLOAT16"}, {16, "BFLOAT16"}}};

// Bytes a parameter takes in a Layer's params, by Layer.Encoding; 0 when
// not known.
unsigned bytes_per_parameter(std::uint64_t encoding) {
  switch (encoding) {
    case 1: case 2: case 3: return 2;  // LINEAR16, FLOAT16, BFLOAT16
    case 4: return 4;                  // FLOAT32
    default: return 0;
  }
}

// --- Weights: which field of which message holds a Layer or a message -------

enum class Kind : std::uint8_t {
  layer,
  conv_block,
  se_unit,
  residual,
  smolgen,
  mha,
  ffn,
  encoder_layer,
  policy_head,
  value_head,
  policy_head_map,
  policy_heads,
  value_head_map,
  value_heads,
  weights,
};

struct Member {
  std::uint32_t number;
  const char* name;
  Kind kind;
  bool repeated = false;
};

constexpr Member conv_block[] = {{1, "weights", Kind::layer},  {2, "biases", Kind::layer},
                                 {3, "bn_means", Kind::layer}, {4, "bn_stddivs", Kind::layer},
                                 {5, "bn_gammas", Kind::layer}, {6, "bn_betas", Kind::layer}};
constexpr Member se_unit[] = {
    {1, "w1", Kind::layer}, {2, "b1", Kind::layer}, {3, "w2", Kind::layer}, {4, "b2", Kind::layer}};
constexpr Member residual[] = {
    {1, "conv1", Kind::conv_block}, {2, "conv2", Kind::conv_block}, {3, "se", Kind::se_unit}};
constexpr Member smolgen[] = {{1, "compress", Kind::layer},   {2, "dense1_w", Kind::layer},  {3, "dense1_b", Kind::layer},
                              {4, "ln1_gammas", Kind::layer}, {5, "ln1_betas", Kind::layer}, {6, "dense2_w", Kind::layer},
                              {7, "dense2_b", Kind::layer},   {8, "ln2_gammas", Kind::layer}, {9, "ln2_betas", Kind::layer}};
constexpr Member mha[] = {{1, "q_w", Kind::layer},      {2, "q_b", Kind::layer},      {3, "k_w", Kind::layer},
                          {4, "k_b", Kind::layer},      {5, "v_w", Kind::layer},      {6, "v_b", Kind::layer},
                          {7, "dense_w", Kind::layer},  {8, "dense_b", Kind::layer},  {9, "smolgen", Kind::smolgen},
                          {10, "rpe_q", Kind::layer},   {11, "rpe_k", Kind::layer},   {12, "rpe_v", Kind::layer}};
constexpr Member ffn[] = {{1, "dense1_w", Kind::layer},
                          {2, "dense1_b", Kind::layer},
                          {3, "dense2_w", Kind::layer},
                          {4, "dense2_b", Kind::layer}};
constexpr Member encoder_layer[] = {{1, "mha", Kind::mha},        {2, "ln1_gammas", Kind::layer},
                                    {3, "ln1_betas", Kind::layer}, {4, "ffn", Kind::ffn},
                                    {5, "ln2_gammas", Kind::layer}, {6, "ln2_betas", Kind::layer}};
constexpr Member policy_head[] = {{1, "ip_pol_w", Kind::layer},
                                  {2, "ip_pol_b", Kind::layer},
                                  {3, "ip2_pol_w", Kind::layer},
                                  {4, "ip2_pol_b", Kind::layer},
                                  {5, "ip3_pol_w", Kind::layer},
                                  {6, "ip3_pol_b", Kind::layer},
                                  {7, "ip4_pol_w", Kind::layer},
                                  {8, "pol_encoder", Kind::encoder_layer, true},
                                  {10, "policy1", Kind::conv_block},
                                  {11, "policy", Kind::conv_block}};
constexpr Member value_head[] = {{1, "ip_val_w", Kind::layer},     {2, "ip_val_b", Kind::layer},
                                 {3, "ip1_val_w", Kind::layer},    {4, "ip1_val_b", Kind::layer},
                                 {5, "ip2_val_w", Kind::layer},    {6, "ip2_val_b", Kind::layer},
                                 {7, "ip_val_err_w", Kind::layer}, {8, "ip_val_err_b", Kind::layer},
                                 {9, "ip_val_cat_w", Kind::layer}, {10, "ip_val_cat_b", Kind::layer},
                                 {11, "value", Kind::conv_block}};
constexpr Member policy_head_map[] = {{2, "value", Kind::policy_head}};  // key 1 is a string
constexpr Member policy_heads[] = {{1, "ip_pol_w", Kind::layer},
                                   {2, "ip_pol_b", Kind::layer},
                                   {3, "vanilla", Kind::policy_head},
                                   {4, "optimistic_st", Kind::policy_head},
                                   {5, "soft", Kind::policy_head},
                                   {6, "opponent", Kind::policy_head},
                                   {7, "policy_head_map", Kind::policy_head_map, true}};
constexpr Member value_head_map[] = {{2, "value", Kind::value_head}};
constexpr Member value_heads[] = {{1, "winner", Kind::value_head},
                                  {2, "q", Kind::value_head},
                                  {3, "st", Kind::value_head},
                                  {4, "value_head_map", Kind::value_head_map, true}};
constexpr Member weights[] = {{1, "input", Kind::conv_block},
                              {2, "residual", Kind::residual, true},
                              {37, "ip_emb_preproc_w", Kind::layer},
                              {38, "ip_emb_preproc_b", Kind::layer},
                              {25, "ip_emb_w", Kind::layer},
                              {26, "ip_emb_b", Kind::layer},
                              {39, "ip_emb_ln_gammas", Kind::layer},
                              {40, "ip_emb_ln_betas", Kind::layer},
                              {33, "ip_mult_gate", Kind::layer},
                              {34, "ip_add_gate", Kind::layer},
                              {41, "ip_emb_ffn", Kind::ffn},
                              {42, "ip_emb_ffn_ln_gammas", Kind::layer},
                              {43, "ip_emb_ffn_ln_betas", Kind::layer},
                              {27, "encoder", Kind::encoder_layer, true},
                              {21, "pol_encoder", Kind::encoder_layer, true},
                              {11, "policy1", Kind::conv_block},
                              {3, "policy", Kind::conv_block},
                              {4, "ip_pol_w", Kind::layer},
                              {5, "ip_pol_b", Kind::layer},
                              {17, "ip2_pol_w", Kind::layer},
                              {18, "ip2_pol_b", Kind::layer},
                              {19, "ip3_pol_w", Kind::layer},
                              {20, "ip3_pol_b", Kind::layer},
                              {22, "ip4_pol_w", Kind::layer},
                              {6, "value", Kind::conv_block},
                              {29, "ip_val_w", Kind::layer},
                              {30, "ip_val_b", Kind::layer},
                              {7, "ip1_val_w", Kind::layer},
                              {8, "ip1_val_b", Kind::layer},
                              {9, "ip2_val_w", Kind::layer},
                              {10, "ip2_val_b", Kind::layer},
                              {44, "value_heads", Kind::value_heads},
                              {45, "policy_heads", Kind::policy_heads},
                              {12, "moves_left", Kind::conv_block},
                              {31, "ip_mov_w", Kind::layer},
                              {32, "ip_mov_b", Kind::layer},
                              {13, "ip1_mov_w", Kind::layer},
                              {14, "ip1_mov_b", Kind::layer},
                              {15, "ip2_mov_w", Kind::layer},
                              {16, "ip2_mov_b", Kind::layer},
                              {35, "smolgen_w", Kind::layer},
                              {36, "smolgen_b", Kind::layer}};

template <std::size_t N>
const Member* find_in(const Member (&members)[N], std::uint32_t number) {
  for (const auto& m : members)
    if (m.number == number) return &m;
  return nullptr;
}

// The member NUMBER of a KIND message that is a Layer or a message; null
// for scalars (headcounts), map keys and fields this table does not know.
const Member* member(Kind kind, std::uint32_t number) {
  switch (kind) {
    case Kind::conv_block: return find_in(conv_block, number);
    case Kind::se_unit: return find_in(se_unit, number);
    case Kind::residual: return find_in(residual, number);
    case Kind::smolgen: return find_in(smolgen, number);
    case Kind::mha: return find_in(mha, number);
    case Kind::ffn: return find_in(ffn, number);
    case Kind::encoder_layer: return find_in(encoder_layer, number);
    case Kind::policy_head: return find_in(policy_head, number);
    case Kind::value_head: return find_in(value_head, number);
    case Kind::policy_head_map: return find_in(policy_head_map, number);
    case Kind::policy_heads: return find_in(policy_heads, number);
    case Kind::value_head_map: return find_in(value_head_map, number);
    case Kind::value_heads: return find_in(value_heads, number);
    case Kind::weights: return find_in(weights, number);
    case Kind::layer: return nullptr;
  }
  return nullptr;
}

std::string float_text(const Field& field) { return fmt::format("{}", field.as_float()); }

class Reader {
 public:
  Reader(Context& context, wire::Stream& in) : context_(context), in_(in) {}

  void read() {
    Field field;
    bool magic = false;
    bool weights = false;
    bool onnx = false;
    while (in_.next(field)) {
      switch (field.number) {
        case 1:
          in_.expect(field, WireType::fixed32, "Net.magic");
          if (field.value != net_magic) in_.fail(fmt::format("the magic number 0x1c0, not {:#x}", field.value));
          magic = true;
          break;
        case 2: {
          auto license = printable(in_.string(field, 4096));
          if (!license.empty()) context_.out.license = license;
          context_.fact("license", std::move(license));
          break;
        }
        case 3: read_min_version(field); break;
        case 4: read_format(field); break;
        case 5: read_training_params(field); break;
        case 10:
          in_.enter(field);
          walk(Kind::weights, "weights");
          in_.leave();
          weights = true;
          break;
        case 11:
          read_onnx_model(field);
          onnx = true;
          break;
        default: in_.skip(field); break;  // backend_cache, later fields
      }
    }
    if (!magic)
      throw FormatError("gzip stream: byte 0", "the magic number Net.magic (field 1, 0x1c0) of every Lc0 network");
    std::string detail = "Lc0 network";
    if (network_) detail += ", " + *network_;
    if (onnx) detail += ", ONNX model inside";
    context_.out.format_detail = detail;
    if (weights && countable_) context_.out.parameters = parameters_;
  }

 private:
  void read_min_version(const Field& field) {
    in_.enter(field);
    std::uint64_t parts[3] = {0, 0, 0};
    Field f;
    while (in_.next(f)) {
      if (f.number >= 1 && f.number <= 3) {
        in_.expect(f, WireType::varint, "EngineVersion");
        parts[f.number - 1] = f.value;
      } else {
        in_.skip(f);
      }
    }
    in_.leave();
    context_.fact("min_version", fmt::format("{}.{}.{}", parts[0], parts[1], parts[2]));
  }

  void read_format(const Field& field) {
    in_.enter(field);
    Field f;
    while (in_.next(f)) {
      if (f.number == 1) {
        in_.expect(f, WireType::varint, "Format.weights_encoding");
        default_encoding_ = f.value;
        context_.fact("format.weights_encoding", enum_name(format_encodings, f.value));
      } else if (f.number == 2) {
        in_.enter(f);
        read_network_format();
        in_.leave();
      } else {
        in_.skip(f);
      }
    }
    in_.leave();
  }

  void read_network_format() {
    Field f;
    while (in_.next(f)) {
      if (f.number < 1 || f.number > 10) {
        in_.skip(f);
        continue;
      }
      in_.expect(f, WireType::varint, "a NetworkFormat enum");
      const std::uint64_t v = f.value;
      switch (f.number) {
        case 1: context_.fact("format.network_format.input", enum_name(input_formats, v)); break;
        case 2: context_.fact("format.network_format.output", enum_name(output_formats, v)); break;
        case 3:
          network_ = enum_name(network_structures, v);
          context_.fact("format.network_format.network", *network_);
          break;
        case 4: context_.fact("format.network_format.policy", enum_name(policy_formats, v)); break;
        case 5: context_.fact("format.network_format.value", enum_name(value_formats, v)); break;
        case 6: context_.fact("format.network_format.moves_left", enum_name(moves_left_formats, v)); break;
        case 7: context_.fact("format.network_format.default_activation", enum_name(default_activations, v)); break;
        case 8: context_.fact("format.network_format.smolgen_activation", enum_name(activation_functions, v)); break;
        case 9: context_.fact("format.network_format.ffn_activation", enum_name(activation_functions, v)); break;
        case 10: context_.fact("format.network_format.input_embedding", enum_name(input_embeddings, v)); break;
      }
    }
  }

  void read_training_params(const Field& field) {
    in_.enter(field);
    Field f;
    static const char* const floats[] = {"learning_rate", "mse_loss", "policy_loss", "accuracy"};
    while (in_.next(f)) {
      if (f.number == 1) {
        in_.expect(f, WireType::varint, "TrainingParams.training_steps");
        context_.fact("training_params.training_steps", std::to_string(f.value));
      } else if (f.number >= 2 && f.number <= 5) {
        in_.expect(f, WireType::fixed32, "a TrainingParams float");
        context_.fact(std::string("training_params.") + floats[f.number - 2], float_text(f));
      } else if (f.number == 6) {
        context_.fact("training_params.lc0_params", printable(in_.string(f, 4096)));
      } else {
        in_.skip(f);
      }
    }
    in_.leave();
  }

  void read_onnx_model(const Field& field) {
    in_.enter(field);
    Field f;
    static const char* const names[] = {"input_planes", "output_value", "output_wdl", "output_policy", "output_mlh"};
    while (in_.next(f)) {
      if (f.number == 1) {
        in_.expect(f, WireType::length, "OnnxModel.model");
        context_.fact("onnx_model.model", fmt::format("{} bytes", f.length));
        in_.skip(f);
      } else if (f.number == 2) {
        in_.expect(f, WireType::varint, "OnnxModel.data_type");
        context_.fact("onnx_model.data_type", enum_name(onnx_data_types, f.value));
      } else if (f.number >= 3 && f.number <= 7) {
        context_.fact(std::string("onnx_model.") + names[f.number - 3], printable(in_.string(f, 1024)));
      } else {
        in_.skip(f);
      }
    }
    in_.leave();
  }

  // The fields of a KIND message just entered, named below PATH.
  void walk(Kind kind, const std::string& path) {
    std::array<std::uint32_t, 64> seen{};  // occurrences of repeated fields, by number
    Field f;
    while (in_.next(f)) {
      const Member* m = member(kind, f.number);
      if (m == nullptr) {
        in_.skip(f);
        continue;
      }
      in_.expect(f, WireType::length, m->name);
      std::string name = path + "." + m->name;
      if (m->repeated) name += fmt::format("[{}]", seen[f.number % seen.size()]++);
      in_.enter(f);
      if (m->kind == Kind::layer)
        read_layer(name);
      else
        walk(m->kind, name);
      in_.leave();
    }
  }

  void read_layer(std::string name) {
    std::uint64_t bytes = 0;
    std::uint64_t encoding = 0;
    std::vector<std::uint64_t> dims;
    Field f;
    while (in_.next(f)) {
      switch (f.number) {
        case 3:
          in_.expect(f, WireType::length, "Layer.params");
          bytes = f.length;
          in_.skip(f);
          break;
        case 4:
          in_.expect(f, WireType::varint, "Layer.encoding");
          encoding = f.value;
          break;
        case 5: in_.varints(f, dims, max_rank, "Layer.dims"); break;
        default: in_.skip(f); break;  // min_val, max_val
      }
    }
    if (bytes == 0) return;
    if (++layers_ > context_.limits.max_entries)
      in_.fail(fmt::format("at most {} layers", context_.limits.max_entries));
    // A layer's own encoding overrides the network's.
    if (encoding == 0) encoding = default_encoding_;
    const unsigned size = bytes_per_parameter(encoding);
    std::uint64_t count = 0;
    if (size == 0) {
      countable_ = false;
    } else {
      if (bytes % size != 0)
        in_.fail(fmt::format("{}: params of whole {}-byte values, not {} bytes", name, size, bytes));
      count = bytes / size;
      parameters_ = saturating_add(parameters_, count);
    }
    if (dims.empty() && size != 0) dims.push_back(count);
    context_.tensor({std::move(name), enum_name(layer_encodings, encoding), std::move(dims)});
  }

  Context& context_;
  wire::Stream& in_;
  std::uint64_t default_encoding_ = 0;
  std::uint64_t parameters_ = 0;
  std::uint64_t layers_ = 0;
  bool countable_ = true;
  std::optional<std::string> network_;
};

bool gzip(std::string_view bytes) { return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b'; }

// gzip's magic bytes and either the name Lc0 gives its networks or, once
// inflated, Net.magic as the first field (tag 0x0d, then 0x1c0).
bool sniff(std::string_view bytes, std::string_view name) {
  if (!gzip(bytes)) return false;
  if (name.size() >= 6 && name.substr(name.size() - 6) == ".pb.gz") return true;
  return wire::GunzipStream::peek(bytes, 5) == std::string_view("\x0d\xc0\x01\x00\x00", 5);
}

void read(Context& context) {
  if (!gzip(context.bytes)) throw FormatError("byte 0", "a gzip stream (the bytes 1f 8b)");
  wire::GunzipStream inflated(context.bytes, context.limits);
  google::protobuf::io::CodedInputStream coded(&inflated);
  wire::Stream in(coded, "gzip stream: ", context.limits, [&inflated] { inflated.check(); });
  Reader(context, in).read();
}

}  // namespace

const Format& lc0_format() {
  static const Format format{"lc0", "Leela Chess Zero network (.pb.gz)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
