// SPDX-License-Identifier: GPL-3.0-or-later
// GNU Backgammon's neural net weights, binary (gnubg.wd) and text
// (gnubg.weights).  Layout from gnubg's lib/neuralnet.c (NeuralNetLoad,
// NeuralNetLoadBinary, NeuralNetSaveBinary, Evaluate), eval.c
// (binary_weights_failed, weights_failed, EvalInitialise) and eval.h
// (WEIGHTS_MAGIC_BINARY, WEIGHTS_VERSION), as in the CVS history mirrored
// at mormegil-cz/gnubg (commit 0a87f06989d7), and makeweights.c 1.31
// (2022, as in nodots/nodots-backgammon-gnubg fc7de611e4ff), which
// converts the text form to the binary one.
//
// Binary: the floats 472.3782 (magic) and 1.0 (version), then each net:
// u32 inputs, hidden units and outputs, an int (the text form's count of
// trained positions; makeweights writes the 1 that loading text sets),
// the float betas of the hidden and output layers, then floats: hidden
// weights (inputs × hidden), output weights (outputs × hidden), hidden
// thresholds, output thresholds.  Text: "GNU Backgammon VERSION", then
// each net as "inputs hidden outputs trained beta-hidden beta-output" and
// its numbers in the same order, separated by white space.  gnubg reads
// six nets, in the order of the names below.
#include <fmt/format.h>

#include <charconv>

#include "format.hpp"

namespace model_provenance::inspect::detail {
namespace {

constexpr float magic = 472.3782f;        // WEIGHTS_MAGIC_BINARY
constexpr std::string_view text_magic = "GNU Backgammon ";

// EvalInitialise's order: nnContact, nnRace, nnCrashed, then the pruning
// nets nnpContact, nnpCrashed, nnpRace.
std::string net_name(std::size_t index) {
  static const char* names[] = {"contact", "race", "crashed", "pruning contact", "pruning crashed", "pruning race"};
  return index < std::size(names) ? names[index] : fmt::format("net {}", index + 1);
}

struct Net {
  std::uint64_t inputs, hidden, outputs;
  std::string trained;
  float beta_hidden, beta_output;
};

// Its weights and thresholds, saturating: counts up to 2^32 can wrap.
std::uint64_t weight_count(const Net& net) {
  return saturating_add(saturating_add(saturating_product({net.inputs, net.hidden}),
                                       saturating_product({net.outputs, net.hidden})),
                        saturating_add(net.hidden, net.outputs));
}

// Facts and tensors of one net.
void describe(Context& context, std::size_t index, const Net& net, const char* dtype) {
  const std::string name = net_name(index);
  context.fact(name + ".cInput", std::to_string(net.inputs));
  context.fact(name + ".cHidden", std::to_string(net.hidden));
  context.fact(name + ".cOutput", std::to_string(net.outputs));
  context.fact(name + ".nTrained", net.trained);
  context.fact(name + ".rBetaHidden", fmt::format("{}", net.beta_hidden));
  context.fact(name + ".rBetaOutput", fmt::format("{}", net.beta_output));
  // Evaluate walks the hidden weights input by input, the output weights
  // output by output.
  context.tensor({name + ".arHiddenWeight", dtype, {net.inputs, net.hidden}});
  context.tensor({name + ".arOutputWeight", dtype, {net.outputs, net.hidden}});
  context.tensor({name + ".arHiddenThreshold", dtype, {net.hidden}});
  context.tensor({name + ".arOutputThreshold", dtype, {net.outputs}});
}

bool sniff(std::string_view bytes, std::string_view) {
  if (bytes.size() >= 8) {
    float first;
    std::memcpy(&first, bytes.data(), 4);
    if (first == magic) return true;
  }
  // The text form: its first line, then a net's sizes.
  if (bytes.substr(0, text_magic.size()) != text_magic) return false;
  const auto newline = bytes.find('\n');
  return newline != std::string_view::npos && newline < 64 && newline + 1 < bytes.size() &&
         bytes[newline + 1] >= '0' && bytes[newline + 1] <= '9';
}

void read_binary(Context& context) {
  Cursor in(context.bytes);
  in.f32("magic");
  const float version = in.f32("version");
  context.fact("version", fmt::format("{:.2f}", version));
  std::uint64_t parameters = 0;
  std::size_t nets = 0;
  while (!in.at_end()) {
    const std::uint64_t start = in.offset();
    Net net;
    net.inputs = in.u32("input count");
    net.hidden = in.u32("hidden count");
    net.outputs = in.u32("output count");
    net.trained = std::to_string(in.i32("trained positions"));
    net.beta_hidden = in.f32("hidden beta");
    net.beta_output = in.f32("output beta");
    if (net.inputs < 1 || net.hidden < 1 || net.outputs < 1 || !(net.beta_hidden > 0) || !(net.beta_output > 0)) {
      in.seek(start);
      in.fail(fmt::format("net {}: at least one input, hidden unit and output, and positive betas, not {} {} {} {} {}",
                          nets + 1, net.inputs, net.hidden, net.outputs, net.beta_hidden, net.beta_output));
    }
    const std::uint64_t count = weight_count(net);
    if (count > in.remaining() / 4)
      in.fail(fmt::format("net {}: {} floats of weights and thresholds, but only {} bytes remain", nets + 1, count,
                          in.remaining()));
    in.skip(count * 4, "weights");
    describe(context, nets, net, "f32");
    parameters = saturating_add(parameters, count);
    ++nets;
  }
  if (nets == 0) in.fail("a neural net after the magic and the version");
  context.out.format_detail = fmt::format("GNU Backgammon weights {:.2f}, binary, {} nets", version, nets);
  context.out.parameters = parameters;
}

// White-space separated tokens, as fscanf reads them, with where each is.
class Tokens {
 public:
  explicit Tokens(std::string_view text) : text_(text) {}
  bool at_end() {
    skip_space();
    return position_ == text_.size();
  }
  std::string where() const { return fmt::format("byte {}", position_); }
  std::string_view next(const char* what) {
    skip_space();
    const std::size_t start = position_;
    while (position_ < text_.size() && !space(text_[position_])) ++position_;
    if (start == position_) throw FormatError(where(), fmt::format("{}, but the file ends", what));
    last_ = start;
    return text_.substr(start, position_ - start);
  }
  [[noreturn]] void fail_last(const std::string& what) const {
    throw FormatError(fmt::format("byte {}", last_), what);
  }
  std::size_t remaining() const { return text_.size() - position_; }

 private:
  static bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
  void skip_space() {
    while (position_ < text_.size() && space(text_[position_])) ++position_;
  }
  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t last_ = 0;
};

std::uint64_t count_token(Tokens& tokens, const char* what) {
  const std::string_view token = tokens.next(what);
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (error != std::errc() || end != token.data() + token.size() || value < 1)
    tokens.fail_last(fmt::format("{}: a positive count, not \"{}\"", what, printable(token, 64)));
  return value;
}

float float_token(Tokens& tokens, const char* what) {
  std::string_view token = tokens.next(what);
  if (!token.empty() && token[0] == '+') token.remove_prefix(1);  // as %f allows
  float value = 0;
  const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (error == std::errc::invalid_argument || end != token.data() + token.size())
    tokens.fail_last(fmt::format("{}: a number, not \"{}\"", what, printable(token, 64)));
  return value;
}

void read_text(Context& context) {
  Tokens tokens(context.bytes);
  tokens.next("\"GNU\"");
  tokens.next("\"Backgammon\"");
  const std::string version = printable(tokens.next("the weights' version"), 15);
  context.fact("version", version);
  std::uint64_t parameters = 0;
  std::size_t nets = 0;
  while (!tokens.at_end()) {
    Net net;
    net.inputs = count_token(tokens, "input count");
    net.hidden = count_token(tokens, "hidden count");
    net.outputs = count_token(tokens, "output count");
    net.trained = printable(tokens.next("trained positions"), 15);
    net.beta_hidden = float_token(tokens, "hidden beta");
    if (!(net.beta_hidden > 0)) tokens.fail_last(fmt::format("net {}: a positive hidden beta, not {}", nets + 1,
                                                             net.beta_hidden));
    net.beta_output = float_token(tokens, "output beta");
    if (!(net.beta_output > 0)) tokens.fail_last(fmt::format("net {}: a positive output beta, not {}", nets + 1,
                                                             net.beta_output));
    const std::uint64_t count = weight_count(net);
    // Each number takes a character and a separator.
    if (count > tokens.remaining() / 2 + 1)
      throw FormatError(tokens.where(), fmt::format("net {}: {} numbers of weights and thresholds, but only {} bytes "
                                                    "remain", nets + 1, count, tokens.remaining()));
    for (std::uint64_t i = 0; i < count; ++i) float_token(tokens, "a weight");
    describe(context, nets, net, "decimal");
    parameters = saturating_add(parameters, count);
    ++nets;
  }
  if (nets == 0) throw FormatError(tokens.where(), "a neural net after the version");
  context.out.format_detail = fmt::format("GNU Backgammon weights {}, text, {} nets", version, nets);
  context.out.parameters = parameters;
}

void read(Context& context) {
  if (context.bytes.substr(0, text_magic.size()) == text_magic)
    read_text(context);
  else
    read_binary(context);
}

}  // namespace

const Format& gnubg_format() {
  static const Format format{"gnubg", "GNU Backgammon neural net weights (gnubg.wd, gnubg.weights)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
