// SPDX-License-Identifier: GPL-3.0-or-later
// Reading W3C PROV-JSON into declarations; the mapping is in
// model-provenance/interchange/prov.hpp.
//
// The text is parsed with nlohmann-json's SAX interface into a small tree
// of our own that keeps members in document order and keeps repeated keys
// (a PROV-JSON id may name several records): nlohmann's ordered_json looks
// every key up linearly, which is quadratic in a section of a million
// records, and its std::map form loses the order the round trip needs.
#include "model-provenance/interchange/json_pointer.hpp"
#include "model-provenance/interchange/prov.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace model_provenance::interchange {
namespace {

constexpr std::string_view prov_ns = "http://www.w3.org/ns/prov#";
constexpr std::string_view xsd_ns = "http://www.w3.org/2001/XMLSchema#";
const std::string k_prov_Agent = std::string(prov_ns) + "Agent";
const std::string k_prov_QUALIFIED_NAME = std::string(prov_ns) + "QUALIFIED_NAME";
const std::string k_prov_SoftwareAgent = std::string(prov_ns) + "SoftwareAgent";
const std::string k_prov_label = std::string(prov_ns) + "label";
const std::string k_prov_role = std::string(prov_ns) + "role";
const std::string k_prov_type = std::string(prov_ns) + "type";
const std::string k_xsd_QName = std::string(xsd_ns) + "QName";
constexpr std::size_t max_depth = 64;
constexpr std::size_t max_size = std::size_t{1} << 30;

// ---------------------------------------------------------------------------
// The tree.

struct Member;

struct Node {
  enum class Type : std::uint8_t { null, boolean, integer, unsigned_integer, floating, string, array, object };
  Type type = Type::null;
  bool boolean = false;
  std::int64_t integer = 0;
  std::uint64_t unsigned_integer = 0;
  double floating = 0;
  std::string string;  // also the text of a number, as written
  std::vector<Node> items;
  std::vector<Member> members;  // in document order, repeats kept

  bool is_object() const { return type == Type::object; }
  bool is_array() const { return type == Type::array; }
  bool is_string() const { return type == Type::string; }
  bool is_number() const {
    return type == Type::integer || type == Type::unsigned_integer || type == Type::floating;
  }
  const Node* find(std::string_view key) const;
};

struct Member {
  std::string first;
  Node second;
};

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : members)
    if (k == key) return &v;
  return nullptr;
}

std::string_view type_name(const Node& node) {
  switch (node.type) {
    case Node::Type::null: return "null";
    case Node::Type::boolean: return "a boolean";
    case Node::Type::integer:
    case Node::Type::unsigned_integer:
    case Node::Type::floating: return "a number";
    case Node::Type::string: return "a string";
    case Node::Type::array: return "an array";
    case Node::Type::object: return "an object";
  }
  return "?";
}

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}
  Node root;
  bool too_deep = false;

  bool null() override { return add(Node{}); }
  bool boolean(bool value) override {
    Node node;
    node.type = Node::Type::boolean;
    node.boolean = value;
    return add(std::move(node));
  }
  bool number_integer(number_integer_t value) override {
    Node node;
    node.type = Node::Type::integer;
    node.integer = value;
    node.string = std::to_string(value);
    return add(std::move(node));
  }
  bool number_unsigned(number_unsigned_t value) override {
    Node node;
    node.type = Node::Type::unsigned_integer;
    node.unsigned_integer = value;
    node.string = std::to_string(value);
    return add(std::move(node));
  }
  bool number_float(number_float_t value, const string_t& text) override {
    Node node;
    node.type = Node::Type::floating;
    node.floating = value;
    node.string = text;
    return add(std::move(node));
  }
  bool string(string_t& value) override {
    Node node;
    node.type = Node::Type::string;
    node.string = std::move(value);
    return add(std::move(node));
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(Node::Type::object); }
  bool key(string_t& value) override {
    key_ = std::move(value);
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return open(Node::Type::array); }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    // nlohmann's message reads "[json.exception.parse_error.101] parse
    // error at line 1, column 2: syntax error while parsing value -
    // unexpected end of input; expected '[', '{', or a literal".
    std::string message = e.what();
    if (const auto colon = message.find(": "); colon != std::string::npos) message.erase(0, colon + 2);
    throw DocumentError(file_, line_column(text_, position == 0 ? 0 : position - 1),
                        "not JSON: " + message);
  }

 private:
  bool add(Node node) {
    put(std::move(node));
    return true;
  }
  Node* put(Node node) {
    if (stack_.empty()) {
      root = std::move(node);
      return &root;
    }
    Node& parent = *stack_.back();
    if (parent.is_object()) {
      parent.members.push_back(Member{std::move(key_), std::move(node)});
      return &parent.members.back().second;
    }
    parent.items.push_back(std::move(node));
    return &parent.items.back();
  }
  bool open(Node::Type type) {
    if (stack_.size() >= max_depth) {
      too_deep = true;
      return false;
    }
    Node node;
    node.type = type;
    stack_.push_back(put(std::move(node)));
    return true;
  }

  std::string_view text_;
  std::string file_;
  std::vector<Node*> stack_;
  std::string key_;
};

// ---------------------------------------------------------------------------
// Names.

bool is_prov(std::string_view uri, std::string_view local) {
  return uri.size() == prov_ns.size() + local.size() && uri.starts_with(prov_ns) && uri.ends_with(local);
}

std::string escape_pointer(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// A JSON pointer built only when a message needs it: a chain of tokens
// from a pointer held as a string.
struct Loc {
  Loc(const std::string& base) : base_(&base) {}  // NOLINT: implicit on purpose
  Loc(const std::string& base, std::string_view token) : base_(&base), token_(token), tokened_(true) {}
  Loc(const Loc& parent, std::string_view token) : parent_(&parent), token_(token), tokened_(true) {}
  Loc(const Loc& parent, std::size_t index) : parent_(&parent), index_(index) {}
  std::string str() const {
    if (base_ && !tokened_) return *base_;
    std::string out = base_ ? *base_ : parent_->str();
    out += '/';
    if (index_ != npos) out += std::to_string(index_);
    else out += escape_pointer(token_);
    return out;
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  const std::string* base_ = nullptr;
  const Loc* parent_ = nullptr;
  std::string_view token_;
  std::size_t index_ = npos;
  bool tokened_ = false;
};

std::string child(const std::string& pointer, std::string_view token) {
  return pointer + "/" + escape_pointer(token);
}
Loc child(const Loc& parent, std::string_view token) { return Loc(parent, token); }

struct Prefixes {
  std::map<std::string, std::string, std::less<>> uris;
  std::optional<std::string> default_uri;
  // Attribute names resolved so far: a document repeats a few of them.
  mutable std::unordered_map<std::string, std::string> attributes;
};

// The parts of the graph a record can be, and its facts so far.
struct Record {
  std::string pointer;
  const Node* node;
  const Prefixes* prefixes;
};

struct Element {
  std::string id;  // as the declarations will name it
  std::vector<Record> records;
};

std::optional<StepKind> step_kind_named(std::string_view local) { return parse_step_kind(local); }

class Reader {
 public:
  Reader(std::string_view file) : file_(file) {}

  Declarations read(const Node& root) {
    if (!root.is_object()) fail(std::string(), "expected a PROV-JSON document, an object; found " + std::string(type_name(root)));
    prefix_sets_.push_back(Prefixes{});
    read_prefixes(root, "", prefix_sets_.back());
    const Prefixes& top = prefix_sets_.back();
    read_container(root, "", top, false);
    map_agents();
    map_entities();
    map_activities();
    map_used();
    map_generated();
    map_associations();
    map_unused_agents();
    map_derivations();
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail(const Loc& at, const std::string& message) const {
    const std::string pointer = at.str();
    throw DocumentError(file_, pointer.empty() ? "/" : pointer, message);
  }
  void drop(const Loc& where, std::string what) { out_.dropped.push_back({where.str(), std::move(what)}); }

  void read_prefixes(const Node& container, const std::string& pointer, Prefixes& prefixes) {
    const Node* node = container.find("prefix");
    if (!node) return;
    const std::string at = child(pointer, "prefix");
    if (!node->is_object()) fail(at, "expected an object of prefixes; found " + std::string(type_name(*node)));
    for (const auto& [name, uri] : node->members) {
      if (!uri.is_string())
        fail(child(at, name), "expected the namespace URI, a string; found " + std::string(type_name(uri)));
      if (name == "default") prefixes.default_uri = uri.string;
      else prefixes.uris[name] = uri.string;
    }
  }

  // The full URI of a qualified name (or its blank-node label), with the
  // id the declarations give it.
  std::pair<std::string, std::string> resolve(std::string_view name, const Prefixes& prefixes,
                                              const Loc& pointer) const {
    if (name.empty()) fail(pointer, "expected a qualified name; found an empty string");
    if (name.starts_with("_:")) return {std::string(name), std::string(name)};
    const auto colon = name.find(':');
    std::string uri;
    if (colon == std::string_view::npos) {
      if (!prefixes.default_uri)
        fail(pointer, "the name \"" + std::string(name) + "\" has no prefix and the document declares no default namespace");
      uri = *prefixes.default_uri + std::string(name);
    } else {
      const std::string_view prefix = name.substr(0, colon);
      const std::string_view local = name.substr(colon + 1);
      if (local.starts_with("//")) {
        uri = name;  // a full IRI, written where a qualified name belongs
      } else if (const auto it = prefixes.uris.find(prefix); it != prefixes.uris.end()) {
        uri = it->second + std::string(local);
      } else if (prefix == "prov") {
        uri = std::string(prov_ns) + std::string(local);
      } else if (prefix == "xsd") {
        uri = std::string(xsd_ns) + std::string(local);
      } else {
        fail(pointer, "the prefix \"" + std::string(prefix) + "\" of \"" + std::string(name) +
                          "\" is not declared (expected it in \"prefix\")");
      }
    }
    if (uri.starts_with(prov_artifact_namespace))
      return {uri, uri.substr(prov_artifact_namespace.size())};
    if (uri.starts_with(prov_step_namespace)) return {uri, uri.substr(prov_step_namespace.size())};
    return {uri, std::string(name)};
  }

  // The URI of an attribute name, resolved once per set of prefixes.
  const std::string& attribute_uri(const std::string& name, const Prefixes& prefixes, const Loc& at) const {
    if (const auto it = prefixes.attributes.find(name); it != prefixes.attributes.end()) return it->second;
    return prefixes.attributes.emplace(name, resolve(name, prefixes, at).first).first->second;
  }


  void read_container(const Node& container, const std::string& pointer, const Prefixes& prefixes, bool in_bundle) {
    for (const auto& [section, value] : container.members) {
      const std::string at = child(pointer, section);
      if (section == "prefix") continue;
      if (section == "bundle") {
        if (in_bundle) {
          drop(at, "a bundle inside a bundle (PROV has none; skipped)");
          continue;
        }
        if (!value.is_object()) fail(at, "expected an object of bundles; found " + std::string(type_name(value)));
        for (const auto& [name, bundle] : value.members) {
          const std::string bundle_at = child(at, name);
          resolve(name, prefixes, bundle_at);
          if (!bundle.is_object())
            fail(bundle_at, "expected a bundle, an object; found " + std::string(type_name(bundle)));
          Prefixes inner = prefixes;
          read_prefixes(bundle, bundle_at, inner);
          prefix_sets_.push_back(std::move(inner));
          read_container(bundle, bundle_at, prefix_sets_.back(), true);
        }
        continue;
      }
      if (!known_sections().contains(section))
        fail(at, "expected a PROV-JSON section (prefix, bundle, entity, activity, agent, or a relation such as "
                 "used or wasGeneratedBy); found \"" + section + "\"");
      if (!value.is_object())
        fail(at, "expected an object of records keyed by id; found " + std::string(type_name(value)));
      for (const auto& [name, body] : value.members) {
        const std::string record_at = child(at, name);
        auto [uri, id] = resolve(name, prefixes, record_at);
        std::vector<Record> records;
        if (body.is_array()) {
          for (std::size_t i = 0; i < body.items.size(); ++i) {
            const std::string item_at = record_at + "/" + std::to_string(i);
            if (!body.items[i].is_object())
              fail(item_at, "expected a record, an object of attributes; found " + std::string(type_name(body.items[i])));
            records.push_back({item_at, &body.items[i], &prefixes});
          }
        } else if (body.is_object()) {
          records.push_back({record_at, &body, &prefixes});
        } else {
          fail(record_at, "expected a record, an object of attributes (or an array of them); found " +
                              std::string(type_name(body)));
        }
        for (const Record& record : records) {
          // Every attribute name must resolve and every value be a literal,
          // wherever the record goes.
          for (const auto& [attribute, attribute_value] : record.node->members) {
            const std::string attribute_at = child(record.pointer, attribute);
            attribute_uri(attribute, prefixes, attribute_at);
            if (attribute_value.is_array()) {
              for (std::size_t i = 0; i < attribute_value.items.size(); ++i)
                check_literal(attribute_value.items[i], prefixes, attribute_at + "/" + std::to_string(i));
            } else {
              check_literal(attribute_value, prefixes, attribute_at);
            }
          }
        }
        if (section == "entity" || section == "activity" || section == "agent") {
          auto& pool = section == "entity" ? entities_ : section == "activity" ? activities_ : agents_;
          auto& order = section == "entity" ? entity_order_ : section == "activity" ? activity_order_ : agent_order_;
          auto [it, fresh] = pool.try_emplace(uri);
          if (fresh) {
            // Ids are unique among artifacts (entities and agents) and
            // among steps: a name written alike for two namespaces (two
            // bundles binding "ex" apart) gives the later one its URI.
            auto& taken = section == "activity" ? step_ids_ : artifact_ids_;
            if (const auto owner = taken.find(id); owner != taken.end() && owner->second != uri) {
              id = uri;
              for (std::size_t n = 2; taken.contains(id) && taken.at(id) != uri; ++n) id = uri + "~" + std::to_string(n);
            }
            taken.emplace(id, uri);
            it->second.id = id;
            order.push_back(uri);
          }
          for (auto& record : records) it->second.records.push_back(std::move(record));
        } else if (section == "used" || section == "wasGeneratedBy" || section == "wasAssociatedWith" ||
                   section == "wasDerivedFrom") {
          auto& list = section == "used"                ? used_
                       : section == "wasGeneratedBy"    ? generated_
                       : section == "wasAssociatedWith" ? associated_
                                                        : derived_;
          for (auto& record : records) list.push_back(std::move(record));
        } else {
          for (const auto& record : records)
            drop(record.pointer, section + " " + name + " (the graph has no place for " + section + ")");
        }
      }
    }
  }

  static const std::set<std::string, std::less<>>& known_sections() {
    static const std::set<std::string, std::less<>> sections{
        "entity",           "activity",         "agent",           "wasGeneratedBy",    "used",
        "wasInformedBy",    "wasStartedBy",     "wasEndedBy",      "wasInvalidatedBy",  "wasDerivedFrom",
        "wasAttributedTo",  "wasAssociatedWith", "actedOnBehalfOf", "wasInfluencedBy",   "specializationOf",
        "alternateOf",      "hadMember",        "mentionOf"};
    return sections;
  }

  // A literal: a string, number or boolean, or {"$": ..., "type": ...} or
  // {"$": ..., "lang": ...}.
  void check_literal(const Node& value, const Prefixes& prefixes, const Loc& pointer) const {
    if (value.is_string() || value.is_number() || value.type == Node::Type::boolean) return;
    if (!value.is_object())
      fail(pointer, "expected a literal (a string, a number or {\"$\": ..., \"type\": ...}); found " +
                        std::string(type_name(value)));
    const Node* text = value.find("$");
    if (!text || !(text->is_string() || text->is_number()))
      fail(pointer, "expected a typed literal with its value in \"$\", a string");
    for (const auto& [key, member] : value.members) {
      if (key == "$") continue;
      if (key != "type" && key != "lang")
        fail(child(pointer, key), "expected only \"$\", \"type\" and \"lang\" in a typed literal");
      if (!member.is_string())
        fail(child(pointer, key), "expected a string; found " + std::string(type_name(member)));
      if (key == "type") attribute_uri(member.string, prefixes, child(pointer, key));
    }
  }

  // Attribute values: one, or an array of them.
  static std::vector<std::pair<const Node*, Loc>> values(const Node& value, const Loc& pointer) {
    std::vector<std::pair<const Node*, Loc>> out;
    if (value.is_array()) {
      for (std::size_t i = 0; i < value.items.size(); ++i) out.emplace_back(&value.items[i], Loc(pointer, i));
    } else {
      out.emplace_back(&value, pointer);
    }
    return out;
  }

  // The text of a literal: a string, a number, or {"$": ..., "type": ...}.
  std::string literal(const Node& value, const Loc& pointer, std::string_view expected = "a string") const {
    if (value.is_string() || value.is_number()) return value.string;
    if (value.type == Node::Type::boolean) return value.boolean ? "true" : "false";
    if (value.is_object()) {
      if (const Node* text = value.find("$"); text && (text->is_string() || text->is_number())) return text->string;
      fail(pointer, "expected a typed literal {\"$\": ..., \"type\": ...}");
    }
    fail(pointer, "expected " + std::string(expected) + "; found " + std::string(type_name(value)));
  }

  // The URI a qualified-name value names: {"$": "ex:x", "type":
  // "prov:QUALIFIED_NAME"} (or xsd:QName), or a plain string that is one.
  std::optional<std::string> qualified_value(const Node& value, const Prefixes& prefixes,
                                             const Loc& pointer) const {
    if (value.is_object()) {
      const Node* text = value.find("$");
      const Node* type = value.find("type");
      if (!text || !text->is_string() || !type || !type->is_string()) return std::nullopt;
      const std::string& type_uri = attribute_uri(type->string, prefixes, child(pointer, "type"));
      if (type_uri != k_prov_QUALIFIED_NAME && type_uri != k_xsd_QName)
        return std::nullopt;
      return resolve(text->string, prefixes, child(pointer, "$")).first;
    }
    if (value.is_string()) {
      // A plain string is an xsd:string; it names something only if it
      // reads as a qualified name of a declared prefix.
      const auto colon = value.string.find(':');
      if (colon == std::string::npos || colon == 0) return std::nullopt;
      const std::string_view prefix = std::string_view(value.string).substr(0, colon);
      if (prefix != "prov" && prefix != "_" && !prefixes.uris.contains(prefix)) return std::nullopt;
      return resolve(value.string, prefixes, pointer).first;
    }
    return std::nullopt;
  }

  static std::optional<std::string_view> in_mp(std::string_view uri) {
    if (uri.starts_with(prov_namespace)) return uri.substr(prov_namespace.size());
    return std::nullopt;
  }

  // The kind an element's records give: prov:type values and mp:kind.
  template <typename Parse>
  auto kind_of(const Element& element, Parse parse, const std::map<std::string, std::string_view>& aliases)
      -> decltype(parse(std::string_view{})) {
    decltype(parse(std::string_view{})) kind;
    for (const Record& record : element.records) {
      for (const auto& [attribute, value] : record.node->members) {
        const Loc at(record.pointer, attribute);
        const std::string& uri = attribute_uri(attribute, *record.prefixes, at);
        if (uri == k_prov_type) {
          for (const auto& [v, v_at] : values(value, at)) {
            const auto named = qualified_value(*v, *record.prefixes, v_at);
            if (!named) continue;
            std::optional<std::string_view> local = in_mp(*named);
            if (!local)
              if (const auto alias = aliases.find(*named); alias != aliases.end()) local = alias->second;
            if (!local) continue;
            if (const auto parsed = parse(*local); parsed && !kind) kind = parsed;
          }
        } else if (in_mp(uri) == "kind") {
          for (const auto& [v, v_at] : values(value, at)) {
            const auto parsed = parse(literal(*v, v_at));
            if (!parsed) continue;
            if (!kind) kind = parsed;
          }
        }
      }
    }
    return kind;
  }

  bool has_type(const Element& element, std::string_view type_uri) const {
    for (const Record& record : element.records)
      for (const auto& [attribute, value] : record.node->members) {
        const Loc at(record.pointer, attribute);
        if (attribute_uri(attribute, *record.prefixes, at) != k_prov_type) continue;
        for (const auto& [v, v_at] : values(value, at))
          if (qualified_value(*v, *record.prefixes, v_at) == type_uri) return true;
      }
    return false;
  }

  static double to_double(const std::string& text, bool& ok) {
    double out = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    ok = ec == std::errc{} && end == text.data() + text.size();
    return out;
  }
  static std::uint64_t to_unsigned(const std::string& text, bool& ok) {
    std::uint64_t out = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    ok = ec == std::errc{} && end == text.data() + text.size() && !text.empty();
    return out;
  }

  // One single-valued field: the first value; others are dropped.
  template <typename Set>
  void single(const Node& value, const Loc& at, std::string_view attribute, std::set<std::string>& seen,
              Set set) {
    for (const auto& [v, v_at] : values(value, at)) {
      if (!seen.insert(std::string(attribute)).second) {
        drop(v_at, "a second value of " + std::string(attribute) + " (the graph holds one)");
        continue;
      }
      set(*v, v_at);
    }
  }

  // An attribute the graph may hold; true when it is one.
  bool common_attribute(std::string_view local, const Node& value, const Loc& at, std::set<std::string>& seen,
                        std::string& notes, std::vector<Source>& sources) {
    if (local == "notes") {
      single(value, at, local, seen, [&](const Node& v, const Loc& p) { notes = literal(v, p); });
      return true;
    }
    if (local == "source") {
      for (const auto& [v, v_at] : values(value, at)) {
        const std::string text = literal(*v, v_at);
        Source source;
        const auto first = text.find(' ');
        source.url = text.substr(0, first);
        if (first != std::string::npos) {
          const auto second = text.find(' ', first + 1);
          source.date = text.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
          if (second != std::string::npos) source.about = text.substr(second + 1);
        }
        sources.push_back(std::move(source));
      }
      return true;
    }
    return false;
  }

  void verdict_or_other(std::string_view attribute, const Loc& at, std::optional<std::string_view> local) {
    if (local && (local->starts_with("verdict-") || local->starts_with("summary-") || local->starts_with("reason-")))
      drop(at, std::string(attribute) + ": a verdict, not a fact (recomputed, not read)");
    else
      drop(at, "attribute " + std::string(attribute) + " (the graph has no place for it)");
  }

  void fill_artifact(Artifact& artifact, const Element& element) {
    std::set<std::string> seen;
    for (const Record& record : element.records) {
      for (const auto& member : record.node->members) {
        const std::string& attribute = member.first;
        const Node& value = member.second;
        const Loc at(record.pointer, attribute);
        const std::string& uri = attribute_uri(attribute, *record.prefixes, at);
        if (uri == k_prov_type) {
          for (const auto& [v, v_at] : values(value, at)) {
            const auto named = qualified_value(*v, *record.prefixes, v_at);
            if (named && (in_mp(*named) == to_string(artifact.kind) || artifact_aliases().contains(*named) ||
                          *named == k_prov_SoftwareAgent))
              continue;
            if (named && *named == k_prov_Agent) continue;
            drop(v_at, "prov:type " + literal(*v, v_at) + " (the graph has no place for it)");
          }
          continue;
        }
        if (uri == k_prov_label) {
          single(value, at, "prov:label", seen, [&](const Node& v, const Loc& p) { artifact.name = literal(v, p); });
          continue;
        }
        const auto local = in_mp(uri);
        if (!local) {
          verdict_or_other(attribute, at, local);
          continue;
        }
        if (*local == "kind") continue;
        if (common_attribute(*local, value, at, seen, artifact.notes, artifact.sources)) continue;
        auto text = [&](std::string& field) {
          single(value, at, *local, seen, [&](const Node& v, const Loc& p) { field = literal(v, p); });
        };
        auto optional_text = [&](std::optional<std::string>& field) {
          single(value, at, *local, seen, [&](const Node& v, const Loc& p) { field = literal(v, p); });
        };
        if (*local == "version") text(artifact.version);
        else if (*local == "license") optional_text(artifact.license);
        else if (*local == "sha256") optional_text(artifact.sha256);
        else if (*local == "format") text(artifact.format);
        else if (*local == "guix-package") optional_text(artifact.guix_package);
        else if (*local == "uri") {
          for (const auto& [v, v_at] : values(value, at)) artifact.uris.push_back(literal(*v, v_at));
        } else if (*local == "describes") {
          for (const auto& [v, v_at] : values(value, at)) artifact.describes.push_back(literal(*v, v_at));
        } else if (*local == "availability") {
          single(value, at, *local, seen, [&](const Node& v, const Loc& p) {
            const std::string name = literal(v, p);
            const auto parsed = parse_availability(name);
            if (!parsed) fail(p, "expected an availability (" + availability_names() + "); found \"" + name + "\"");
            artifact.availability = *parsed;
          });
        } else if (*local == "document-kind") {
          single(value, at, *local, seen, [&](const Node& v, const Loc& p) {
            const std::string name = literal(v, p);
            const auto parsed = parse_document_kind(name);
            if (!parsed) fail(p, "expected a document kind (" + document_kind_names() + "); found \"" + name + "\"");
            artifact.document_kind = *parsed;
          });
        } else if (*local == "size-bytes") {
          single(value, at, *local, seen, [&](const Node& v, const Loc& p) {
            bool ok = false;
            const auto n = to_unsigned(literal(v, p, "a number of bytes"), ok);
            if (!ok) fail(p, "expected a number of bytes, a non-negative integer");
            artifact.size_bytes = n;
          });
        } else if (*local == "backend") {
          for (const auto& [v, v_at] : values(value, at)) {
            std::string name = literal(*v, v_at);
            BackendSupport backend;
            if (name.ends_with(";proprietary")) {
              backend.needs_proprietary = true;
              name.resize(name.size() - std::string_view(";proprietary").size());
            }
            backend.backend = std::move(name);
            artifact.backends.push_back(std::move(backend));
          }
        } else {
          verdict_or_other(attribute, at, local);
        }
      }
    }
  }

  void fill_step(Step& step, const Element& element) {
    std::set<std::string> seen;
    for (const Record& record : element.records) {
      for (const auto& member : record.node->members) {
        const std::string& attribute = member.first;
        const Node& value = member.second;
        const Loc at(record.pointer, attribute);
        const std::string& uri = attribute_uri(attribute, *record.prefixes, at);
        if (uri == k_prov_type) {
          for (const auto& [v, v_at] : values(value, at)) {
            const auto named = qualified_value(*v, *record.prefixes, v_at);
            if (named && in_mp(*named) == to_string(step.kind)) continue;
            drop(v_at, "prov:type " + literal(*v, v_at) + " (the graph has no place for it)");
          }
          continue;
        }
        const auto local = in_mp(uri);
        if (!local) {
          verdict_or_other(attribute, at, local);
          continue;
        }
        if (*local == "kind") continue;
        if (common_attribute(*local, value, at, seen, step.notes, step.sources)) continue;
        auto number = [&](std::optional<double>& field) {
          single(value, at, *local, seen, [&](const Node& v, const Loc& p) {
            bool ok = false;
            const double n = to_double(literal(v, p, "a number"), ok);
            if (!ok || !std::isfinite(n) || n < 0) fail(p, "expected a non-negative number");
            field = n;
          });
        };
        auto bytes = [&](std::optional<std::uint64_t>& field) {
          single(value, at, *local, seen, [&](const Node& v, const Loc& p) {
            bool ok = false;
            const auto n = to_unsigned(literal(v, p, "a number of bytes"), ok);
            if (!ok) fail(p, "expected a number of bytes, a non-negative integer");
            field = n;
          });
        };
        if (*local == "flops") number(step.compute.flops);
        else if (*local == "hours") number(step.compute.hours);
        else if (*local == "hardware-profile")
          single(value, at, *local, seen,
                 [&](const Node& v, const Loc& p) { step.compute.hardware_profile = literal(v, p); });
        else if (*local == "peak-memory-bytes") bytes(step.compute.peak_memory_bytes);
        else if (*local == "storage-bytes") bytes(step.compute.storage_bytes);
        else verdict_or_other(attribute, at, local);
      }
    }
  }

  static const std::map<std::string, std::string_view>& artifact_aliases() {
    static const std::map<std::string, std::string_view> aliases{
        {"http://schema.org/Dataset", "dataset"},
        {"https://schema.org/Dataset", "dataset"},
        {"http://www.w3.org/ns/dcat#Dataset", "dataset"},
        {"http://schema.org/SoftwareSourceCode", "software"},
        {"https://schema.org/SoftwareSourceCode", "software"},
        {"http://schema.org/SoftwareApplication", "software"},
        {"https://schema.org/SoftwareApplication", "software"},
    };
    return aliases;
  }

  void map_agents() {
    for (const auto& uri : agent_order_)
      if (has_type(agents_.at(uri), k_prov_SoftwareAgent)) software_agents_.insert(uri);
  }

  void map_entities() {
    for (const auto& uri : entity_order_) {
      const Element& element = entities_.at(uri);
      const auto kind = kind_of(element, [](std::string_view s) { return parse_artifact_kind(s); }, artifact_aliases());
      if (!kind) {
        for (const Record& record : element.records)
          drop(record.pointer, "entity " + element.id +
                                   ": no artifact kind (a prov:type mp:weights, mp:dataset, mp:software or "
                                   "mp:document, or mp:kind); not guessed");
        continue;
      }
      Artifact artifact;
      artifact.id = element.id;
      artifact.kind = *kind;
      fill_artifact(artifact, element);
      // Only documents have a document kind and describe things; the
      // graph has no place for them elsewhere (found by fuzzing).
      if (artifact.kind != ArtifactKind::document &&
          (artifact.document_kind != DocumentKind::other || !artifact.describes.empty())) {
        drop(element.records.front().pointer,
             "entity " + element.id + ": mp:document-kind and mp:describes on an artifact that is no document");
        artifact.document_kind = DocumentKind::other;
        artifact.describes.clear();
      }
      artifact_index_.emplace(uri, out_.artifacts.size());
      out_.artifacts.push_back(std::move(artifact));
    }
  }

  void map_activities() {
    for (const auto& uri : activity_order_) {
      const Element& element = activities_.at(uri);
      const auto kind = kind_of(element, [](std::string_view s) { return step_kind_named(s); }, {});
      if (!kind) {
        for (const Record& record : element.records)
          drop(record.pointer, "activity " + element.id + ": no step kind (a prov:type or mp:kind of " +
                                   step_kind_names() + "); not guessed");
        continue;
      }
      Step step;
      step.id = element.id;
      step.kind = *kind;
      fill_step(step, element);
      step_index_.emplace(uri, out_.steps.size());
      out_.steps.push_back(std::move(step));
    }
  }

  // The URI a relation's attribute names, or nullopt when absent.
  std::optional<std::pair<std::string, std::string>> reference(const Record& record, std::string_view attribute) const {
    const Node* found = nullptr;
    const std::string* found_name = nullptr;
    for (const auto& [name, value] : record.node->members) {
      const Loc at(record.pointer, name);
      if (is_prov(attribute_uri(name, *record.prefixes, at), attribute)) {
        found = &value;
        found_name = &name;
        break;
      }
    }
    if (!found) return std::nullopt;
    const Loc found_at(record.pointer, *found_name);
    if (!found->is_string()) fail(found_at, "expected a qualified name, a string; found " + std::string(type_name(*found)));
    return resolve(found->string, *record.prefixes, found_at);
  }

  // The attributes of a relation beyond those named: dropped.
  void drop_extra(const Record& record, std::string_view relation, std::initializer_list<std::string_view> known) {
    for (const auto& [name, value] : record.node->members) {
      const Loc at(record.pointer, name);
      const std::string& uri = attribute_uri(name, *record.prefixes, at);
      bool is_known = false;
      for (auto k : known) is_known = is_known || is_prov(uri, k);
      if (!is_known) drop(at, std::string(relation) + " attribute " + name + " (the graph has no place for it)");
    }
  }

  void map_used() {
    for (const Record& record : used_) {
      const auto activity = reference(record, "activity");
      const auto entity = reference(record, "entity");
      if (!activity || !entity) {
        drop(record.pointer, std::string("used without ") + (!activity ? "prov:activity" : "prov:entity"));
        continue;
      }
      const auto step = step_index_.find(activity->first);
      const auto artifact = artifact_index_.find(entity->first);
      if (step == step_index_.end() || artifact == artifact_index_.end()) {
        drop(record.pointer, "used: " + activity->second + " used " + entity->second + ", but " +
                                 (step == step_index_.end() ? activity->second + " is no step"
                                                            : entity->second + " is no artifact"));
        continue;
      }
      std::optional<InputRole> role;
      std::string role_text;
      for (const auto& [name, value] : record.node->members) {
        const Loc at(record.pointer, name);
        if (attribute_uri(name, *record.prefixes, at) != k_prov_role) continue;
        for (const auto& [v, v_at] : values(value, at)) {
          std::optional<std::string_view> local;
          const auto named = qualified_value(*v, *record.prefixes, v_at);
          if (named) local = in_mp(*named);
          std::string plain;
          if (!local && (v->is_string() || (v->is_object() && !named))) {
            plain = literal(*v, v_at);
            local = plain;
          }
          if (role_text.empty()) role_text = literal(*v, v_at);
          if (local && !role)
            if (const auto parsed = parse_input_role(*local)) role = parsed;
        }
      }
      if (!role) {
        drop(record.pointer, "used: " + activity->second + " used " + entity->second + " in " +
                                 (role_text.empty() ? std::string("no role") : "the role " + role_text) +
                                 ", none of ours (" + input_role_names() + ")");
        continue;
      }
      drop_extra(record, "used", {"activity", "entity", "role"});
      Step& s = out_.steps[step->second];
      StepInput input{out_.artifacts[artifact->second].id, *role};
      if (std::find(s.inputs.begin(), s.inputs.end(), input) == s.inputs.end()) s.inputs.push_back(std::move(input));
    }
  }

  void map_generated() {
    for (const Record& record : generated_) {
      const auto activity = reference(record, "activity");
      const auto entity = reference(record, "entity");
      if (!activity || !entity) {
        drop(record.pointer, std::string("wasGeneratedBy without ") + (!activity ? "prov:activity" : "prov:entity"));
        continue;
      }
      const auto step = step_index_.find(activity->first);
      const auto artifact = artifact_index_.find(entity->first);
      if (step == step_index_.end() || artifact == artifact_index_.end()) {
        drop(record.pointer, "wasGeneratedBy: " + entity->second + " by " + activity->second + ", but " +
                                 (step == step_index_.end() ? activity->second + " is no step"
                                                            : entity->second + " is no artifact"));
        continue;
      }
      drop_extra(record, "wasGeneratedBy", {"activity", "entity"});
      Step& s = out_.steps[step->second];
      const std::string& id = out_.artifacts[artifact->second].id;
      if (std::find(s.outputs.begin(), s.outputs.end(), id) == s.outputs.end()) s.outputs.push_back(id);
    }
  }

  void map_associations() {
    for (const Record& record : associated_) {
      const auto activity = reference(record, "activity");
      const auto agent = reference(record, "agent");
      if (!activity || !agent) {
        drop(record.pointer, std::string("wasAssociatedWith without ") + (!activity ? "prov:activity" : "prov:agent"));
        continue;
      }
      const auto step = step_index_.find(activity->first);
      if (step == step_index_.end() || !software_agents_.contains(agent->first)) {
        drop(record.pointer, "wasAssociatedWith: " + activity->second + " with " + agent->second + ", but " +
                                 (step == step_index_.end() ? activity->second + " is no step"
                                                            : agent->second + " is no prov:SoftwareAgent"));
        continue;
      }
      auto artifact = artifact_index_.find(agent->first);
      if (artifact == artifact_index_.end()) {
        // A software agent that is no entity: an artifact of its own.
        Artifact software;
        software.id = agents_.at(agent->first).id;
        software.kind = ArtifactKind::software;
        fill_artifact(software, agents_.at(agent->first));
        artifact = artifact_index_.emplace(agent->first, out_.artifacts.size()).first;
        out_.artifacts.push_back(std::move(software));
      } else if (out_.artifacts[artifact->second].kind != ArtifactKind::software) {
        drop(record.pointer, "wasAssociatedWith: " + agent->second + " is a software agent and an entity of kind " +
                                 std::string(to_string(out_.artifacts[artifact->second].kind)));
        continue;
      } else if (!associated_agents_.contains(agent->first)) {
        // The entity of the same id holds the artifact's facts; what the
        // agent's records add beside prov:type is dropped.
        for (const Record& agent_record : agents_.at(agent->first).records)
          for (const auto& member : agent_record.node->members) {
            const Loc at(agent_record.pointer, member.first);
            if (attribute_uri(member.first, *agent_record.prefixes, at) != k_prov_type)
              drop(at, "agent attribute " + member.first + " (the entity " + agent->second + " holds the artifact)");
          }
      }
      associated_agents_.insert(agent->first);
      drop_extra(record, "wasAssociatedWith", {"activity", "agent"});
      Step& s = out_.steps[step->second];
      StepInput input{out_.artifacts[artifact->second].id, InputRole::software};
      if (std::find(s.inputs.begin(), s.inputs.end(), input) == s.inputs.end()) s.inputs.push_back(std::move(input));
    }
  }

  void map_unused_agents() {
    for (const auto& uri : agent_order_) {
      if (associated_agents_.contains(uri)) continue;
      const Element& element = agents_.at(uri);
      const bool software = software_agents_.contains(uri);
      for (const Record& record : element.records)
        drop(record.pointer, "agent " + element.id +
                                 (software ? ": a software agent associated with no step"
                                           : ": not a prov:SoftwareAgent (the graph records software, not who)"));
    }
  }

  void map_derivations() {
    for (const Record& record : derived_) {
      const auto generated = reference(record, "generatedEntity");
      const auto used = reference(record, "usedEntity");
      const auto activity = reference(record, "activity");
      const std::string what = "wasDerivedFrom: " + (generated ? generated->second : "?") + " from " +
                               (used ? used->second : "?");
      if (!generated || !used) {
        drop(record.pointer, what + ", incomplete");
        continue;
      }
      if (!activity) {
        drop(record.pointer, what + " by no activity (the graph records a derivation as a step, with a kind "
                                    "and input role PROV does not give)");
        continue;
      }
      const auto step = step_index_.find(activity->first);
      const auto out = artifact_index_.find(generated->first);
      const auto in = artifact_index_.find(used->first);
      bool said = false;
      if (step != step_index_.end() && out != artifact_index_.end() && in != artifact_index_.end()) {
        const Step& s = out_.steps[step->second];
        const std::string& out_id = out_.artifacts[out->second].id;
        const std::string& in_id = out_.artifacts[in->second].id;
        said = std::find(s.outputs.begin(), s.outputs.end(), out_id) != s.outputs.end() &&
               std::any_of(s.inputs.begin(), s.inputs.end(), [&](const StepInput& i) { return i.artifact == in_id; });
      }
      if (!said) {
        drop(record.pointer, what + " by " + activity->second +
                                 ", which that activity's used and wasGeneratedBy do not say as a step input and output");
        continue;
      }
      drop_extra(record, "wasDerivedFrom", {"activity", "generatedEntity", "usedEntity", "generation", "usage"});
    }
  }

  std::string file_;
  Declarations out_;
  std::deque<Prefixes> prefix_sets_;
  std::unordered_map<std::string, Element> entities_, activities_, agents_;
  std::vector<std::string> entity_order_, activity_order_, agent_order_;
  std::vector<Record> used_, generated_, associated_, derived_;
  std::unordered_set<std::string> software_agents_, associated_agents_;
  std::unordered_map<std::string, std::string> artifact_ids_, step_ids_;  // id -> URI
  std::unordered_map<std::string, std::size_t> artifact_index_, step_index_;
};

}  // namespace

Declarations read_prov_json(std::string_view text, std::string_view file) {
  if (text.size() > max_size)
    throw DocumentError(std::string(file), "1:1",
                        "document of " + std::to_string(text.size()) + " bytes; expected at most 1 GiB");
  TreeBuilder builder(text, std::string(file));
  const bool parsed = nlohmann::json::sax_parse(text, &builder, nlohmann::json::input_format_t::json, true, true);
  if (!parsed) {
    if (builder.too_deep) {
      const auto at = json_nesting_beyond(text, max_depth);
      throw DocumentError(std::string(file), line_column(text, at == std::string_view::npos ? 0 : at),
                          "nesting deeper than " + std::to_string(max_depth) +
                              " (expected a PROV-JSON document, a few levels deep)");
    }
    throw DocumentError(std::string(file), "1:1", "not JSON");
  }
  Reader reader(file);
  return reader.read(builder.root);
}

}  // namespace model_provenance::interchange
