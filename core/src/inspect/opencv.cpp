// SPDX-License-Identifier: GPL-3.0-or-later
// OpenCV cascade classifiers (Haar and LBP .xml): an OpenCV FileStorage XML
// document, <opencv_storage> holding one cascade, parsed with expat as a
// stream of events -- no tree is built -- to count its stages and weak
// classifiers and to keep the leading comments, where these files carry
// their author and license.  Entity declarations stop the parse (a cascade
// never has one, and XML bombs are made of them); so does nesting deeper
// than Limits::max_depth.
//
// Element names from opencv/opencv: the current format (written by
// opencv_traincascade, type_id "opencv-cascade-classifier") in
// modules/objdetect/src/cascadedetect.hpp at commit
// a8d113fb89978a85b88b10fa9beb736e9cd5617f: stageType, featureType, height,
// width, stageParams (maxWeakCount, ...), featureParams (maxCatCount, ...),
// stageNum, stages (each: maxWeakCount, stageThreshold, weakClassifiers of
// internalNodes and leafValues), features.  The old format
// (type_id "opencv-haar-classifier") in modules/objdetect/src/haar.cpp at
// commit 515bdfa71e5b1957710296fa352cce7585394321: size ("W H"), stages
// (each: trees, stage_threshold, parent, next).
#include <expat.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "format.hpp"

namespace model_provenance::inspect::detail {
namespace {

constexpr std::size_t max_comments = 16;
constexpr std::size_t max_text = 256;

std::string_view trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

bool contains_ignoring_case(std::string_view text, std::string_view what) {
  return std::search(text.begin(), text.end(), what.begin(), what.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != text.end();
}

// The lines of a comment without the frames drawn around license texts
// ("| ...", " * ...", "// ...").
std::vector<std::string_view> comment_lines(std::string_view comment) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < comment.size()) {
    auto end = comment.find('\n', start);
    if (end == std::string_view::npos) end = comment.size();
    auto line = comment.substr(start, end - start);
    const auto text = line.find_first_not_of(" \t|*/");
    line = text == std::string_view::npos ? std::string_view() : trim(line.substr(text));
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// A line that states which license applies: "Intel License Agreement",
// "Contributors License Agreement", or one naming a license family ("the
// 3-clause BSD License", "Apache License, Version 2.0") -- not one that
// only speaks of "this license".
bool names_a_license(std::string_view line) {
  if (contains_ignoring_case(line, "license agreement")) return true;
  if (!contains_ignoring_case(line, "licen")) return false;
  static const char* const families[] = {"BSD", "MIT", "Apache", "GNU", "GPL", "Creative Commons", "CC BY", "CC-BY"};
  return std::any_of(std::begin(families), std::end(families),
                     [line](const char* family) { return line.find(family) != std::string_view::npos; });
}

// The comment's author, copyright and license lines, as facts; the
// license's name as the comment states it.
void comment_facts(Context& context, std::string_view comment) {
  const auto lines = comment_lines(comment);
  bool copyright = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto line = lines[i];
    if (!context.out.license && names_a_license(line)) {
      std::string name(line);
      // "Intel License Agreement" / "For Open Source Computer Vision Library"
      for (std::size_t j = i + 1; j < lines.size(); ++j) {
        if (lines[j].empty()) continue;
        if (lines[j].substr(0, 4) == "For ") {
          // Appended in two steps: `" " + std::string(...)' trips GCC 12's
          // -Wrestrict at -O3 (a false positive).
          name += ' ';
          name += lines[j];
        }
        break;
      }
      context.out.license = printable(name, 256);
      context.fact("comment.license", *context.out.license);
    }
    if (!copyright && line.substr(0, 9) == "Copyright") {
      context.fact("comment.copyright", printable(line, 256));
      copyright = true;
    }
    if (contains_ignoring_case(line, "created by ") || contains_ignoring_case(line, "contributed by "))
      context.fact("comment.created_by", printable(line, 256));
  }
}

struct Parse {
  Context& context;
  XML_Parser parser = nullptr;
  std::optional<std::string> error;
  std::uint64_t error_at = 0;

  std::vector<std::string> path;  // the open elements
  std::size_t cascade_depth = 0;  // of the cascade element, while open
  bool cascade_seen = false;
  bool old_format = false;

  std::optional<std::string> collecting;  // the fact whose text is being read
  std::size_t collecting_depth = 0;
  std::string text;
  std::vector<std::pair<std::string, std::string>> values;  // the cascade's, also given as facts

  std::uint64_t stages = 0;
  std::uint64_t weak = 0;
  std::uint64_t features = 0;
  std::size_t comments = 0;  // before the cascade

  void stop(std::string why) {
    if (!error) {
      error = std::move(why);
      error_at = static_cast<std::uint64_t>(XML_GetCurrentByteIndex(parser));
    }
    XML_StopParser(parser, XML_FALSE);
  }

  std::string value(const char* key) const {
    for (const auto& [k, v] : values)
      if (k == key) return v;
    return "?";
  }

  void start(const char* name, const char** attributes) {
    if (path.size() + 1 > context.limits.max_depth) {
      stop(fmt::format("elements nested at most {} deep", context.limits.max_depth));
      return;
    }
    path.emplace_back(name);
    const std::size_t depth = path.size();
    if (depth == 1) {
      if (path[0] != "opencv_storage") stop(fmt::format("the root element <opencv_storage>, not <{}>", printable(name, 256)));
      return;
    }
    if (cascade_depth == 0) {
      if (depth != 2 || cascade_seen) return;
      std::string type_id;
      for (const char** a = attributes; a[0] != nullptr; a += 2)
        if (std::string_view(a[0]) == "type_id") type_id = a[1];
      if (path[1] != "cascade" && type_id != "opencv-cascade-classifier" && type_id != "opencv-haar-classifier")
        return;
      cascade_depth = depth;
      cascade_seen = true;
      old_format = type_id == "opencv-haar-classifier";
      if (path[1] != "cascade") add("name", printable(name, 256));
      if (!type_id.empty()) add("type_id", printable(type_id, 256));
      return;
    }
    const std::size_t level = depth - cascade_depth;  // 1: a child of the cascade
    const std::string& parent = path[depth - 2];
    if (level == 1) {
      static const char* const leaves[] = {"stageType", "featureType", "height", "width", "stageNum", "size"};
      for (const char* leaf : leaves)
        if (path.back() == leaf) collect(path.back());
    } else if (level == 2) {
      if (parent == "stageParams" || parent == "featureParams") collect(parent + "." + path.back());
      if (parent == "stages") ++stages;
      if (parent == "features") ++features;
    } else if (level == 4) {
      if ((parent == "weakClassifiers" || parent == "trees") && path[depth - 4] == "stages") ++weak;
    }
  }

  void collect(std::string key) {
    collecting = std::move(key);
    collecting_depth = path.size();
    text.clear();
  }

  void end() {
    if (collecting && collecting_depth == path.size()) {
      add(std::move(*collecting), printable(trim(text), max_text));
      collecting.reset();
    }
    if (cascade_depth != 0 && path.size() == cascade_depth) cascade_depth = 0;
    path.pop_back();
  }

  void characters(const char* data, int length) {
    if (collecting && text.size() < max_text) text.append(data, std::min<std::size_t>(length, max_text - text.size()));
  }

  void comment(const char* data) {
    if (cascade_seen || comments == max_comments) return;
    ++comments;
    context.fact("comment", printable(trim(data)));
    comment_facts(context, data);
  }

  void add(std::string key, std::string value) {
    context.fact(key, value);
    values.emplace_back(std::move(key), std::move(value));
  }
};

void XMLCALL on_start(void* user, const XML_Char* name, const XML_Char** attributes) {
  static_cast<Parse*>(user)->start(name, attributes);
}
void XMLCALL on_end(void* user, const XML_Char*) { static_cast<Parse*>(user)->end(); }
void XMLCALL on_characters(void* user, const XML_Char* data, int length) {
  static_cast<Parse*>(user)->characters(data, length);
}
void XMLCALL on_comment(void* user, const XML_Char* data) { static_cast<Parse*>(user)->comment(data); }
void XMLCALL on_entity(void* user, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                       const XML_Char*, const XML_Char*) {
  static_cast<Parse*>(user)->stop("no entity declarations (a cascade has none; XML bombs are made of them)");
}

bool sniff(std::string_view bytes, std::string_view) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 5) != "<?xml") return false;
  const auto head = bytes.substr(0, 64 * 1024);
  const auto storage = head.find("<opencv_storage>");
  if (storage == std::string_view::npos) return false;
  const auto rest = head.substr(storage);
  return rest.find("<cascade") != std::string_view::npos || rest.find("opencv-haar-classifier") != std::string_view::npos;
}

void read(Context& context) {
  std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate(nullptr), XML_ParserFree);
  if (!parser) throw FormatError("byte 0", "an XML parser (expat could not make one)");
  Parse parse{context};
  parse.parser = parser.get();
  XML_SetUserData(parser.get(), &parse);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_characters);
  XML_SetCommentHandler(parser.get(), on_comment);
  XML_SetEntityDeclHandler(parser.get(), on_entity);
  XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);

  const std::string_view bytes = context.bytes;
  constexpr std::size_t chunk = 1 << 24;
  std::size_t position = 0;
  do {
    const std::size_t size = std::min(chunk, bytes.size() - position);
    const bool last = position + size == bytes.size();
    if (XML_Parse(parser.get(), bytes.data() + position, static_cast<int>(size), last) != XML_STATUS_OK) {
      if (parse.error) throw FormatError("byte " + std::to_string(parse.error_at), *parse.error);
      throw FormatError("byte " + std::to_string(XML_GetCurrentByteIndex(parser.get())),
                        fmt::format("well-formed XML, but expat says: {}", XML_ErrorString(XML_GetErrorCode(parser.get()))));
    }
    position += size;
  } while (position < bytes.size());

  if (!parse.cascade_seen)
    throw FormatError("byte " + std::to_string(bytes.size()),
                      "a cascade in <opencv_storage>: <cascade>, or an element with type_id \"opencv-haar-classifier\"");
  context.fact("stages.count", std::to_string(parse.stages));
  if (parse.old_format) {
    // size is "WIDTH HEIGHT".
    std::string window = parse.value("size");
    std::replace(window.begin(), window.end(), ' ', 'x');
    context.fact("trees.count", std::to_string(parse.weak));
    context.out.format_detail =
        fmt::format("OpenCV Haar classifier, old format (window {}, {} stages)", window, parse.stages);
  } else {
    context.fact("weakClassifiers.count", std::to_string(parse.weak));
    context.fact("features.count", std::to_string(parse.features));
    context.out.format_detail =
        fmt::format("OpenCV cascade classifier ({} {}, window {}x{}, {} stages)", parse.value("stageType"),
                    parse.value("featureType"), parse.value("width"), parse.value("height"), parse.stages);
  }
}

}  // namespace

const Format& opencv_format() {
  static const Format format{"opencv-cascade", "OpenCV Haar or LBP cascade classifier (.xml)", sniff, read};
  return format;
}

}  // namespace model_provenance::inspect::detail
