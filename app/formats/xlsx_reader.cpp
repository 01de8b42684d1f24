#include "app/formats/xlsx_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace capdev::formats {

namespace {

// `why`: "error.xlsx_*", a sentence that says the file is not a readable
// workbook and why.
domain::Status NotXlsx(domain::Message why) {
  return domain::Status::Malformed(
      std::move(why), {{"body", domain::kInvalid, "error.not_xlsx"}});
}

// The local part of an expat namespaced name ("uri|local" or "local").
std::string_view Local(const XML_Char* name) {
  std::string_view n(name);
  const auto bar = n.rfind('|');
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

const char* Attribute(const XML_Char** attrs, std::string_view local,
                      bool namespaced = false) {
  for (int i = 0; attrs[i]; i += 2) {
    std::string_view n(attrs[i]);
    if (Local(attrs[i]) == local &&
        (n.find('|') != std::string_view::npos) == namespaced)
      return attrs[i + 1];
  }
  return nullptr;
}

// What a part's parser does with elements and text.
struct XmlHandler {
  std::function<void(std::string_view, const XML_Char**)> start;
  std::function<void(std::string_view)> end;
  std::function<void(std::string_view)> text;
};

class Archive {
 public:
  Archive(std::string_view bytes, const ReadLimits& limits)
      : bytes_(bytes), limits_(limits) {}
  ~Archive() {
    if (zip_) zip_discard(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  domain::Status Open() {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source =
        zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
    if (source) zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!zip_) {
      if (source) zip_source_free(source);
      zip_error_fini(&error);
      return NotXlsx("error.xlsx_not_zip");
    }
    zip_error_fini(&error);
    return domain::Status::Ok();
  }

  bool Has(const std::string& name) {
    return zip_name_locate(zip_, name.c_str(), 0) >= 0;
  }

  // Streams the part through expat into `handler`; counts every unzipped
  // byte against the limit.
  domain::Status Parse(const std::string& name, const XmlHandler& handler) {
    const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
    if (index < 0)
      return NotXlsx(domain::Message("error.xlsx_no_part", {{"part", name}}));
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
        zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0),
        &zip_fclose);
    if (!file) {
      return NotXlsx(
          domain::Message("error.xlsx_part_not_unzipped", {{"part", name}}));
    }
    std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
        XML_ParserCreateNS(nullptr, '|'), &XML_ParserFree);
    struct State {
      const XmlHandler* handler;
      XML_Parser parser;
      bool doctype = false;
    } state{&handler, parser.get()};
    XML_SetUserData(parser.get(), &state);
    // No DTDs: a workbook never needs one, and entities are how XML bombs.
    XML_SetStartDoctypeDeclHandler(
        parser.get(),
        [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
          auto* s = static_cast<State*>(data);
          s->doctype = true;
          XML_StopParser(s->parser, XML_FALSE);
        });
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const XML_Char* n, const XML_Char** attrs) {
          auto* s = static_cast<State*>(data);
          if (s->handler->start) s->handler->start(Local(n), attrs);
        },
        [](void* data, const XML_Char* n) {
          auto* s = static_cast<State*>(data);
          if (s->handler->end) s->handler->end(Local(n));
        });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* t,
                                                 int length) {
      auto* s = static_cast<State*>(data);
      if (s->handler->text)
        s->handler->text(std::string_view(t, static_cast<std::size_t>(length)));
    });
    std::vector<char> buffer(1 << 16);
    while (true) {
      const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
      if (n < 0) {
        return NotXlsx(
            domain::Message("error.xlsx_part_damaged", {{"part", name}}));
      }
      unzipped_ += static_cast<std::size_t>(n);
      if (unzipped_ > limits_.max_unzipped) {
        return domain::Status::TooLarge(
            domain::Message("error.xlsx_unzips_too_large",
                            {{"megabytes", limits_.max_unzipped >> 20}}));
      }
      if (XML_Parse(parser.get(), buffer.data(), static_cast<int>(n), n == 0) ==
          XML_STATUS_ERROR) {
        if (state.doctype) {
          return NotXlsx(
              domain::Message("error.xlsx_part_dtd", {{"part", name}}));
        }
        return NotXlsx(domain::Message(
            "error.xlsx_part_not_xml",
            {{"part", name},
             {"line", XML_GetCurrentLineNumber(parser.get())}}));
      }
      if (n == 0) break;
    }
    return domain::Status::Ok();
  }

 private:
  std::string_view bytes_;
  const ReadLimits& limits_;
  zip_t* zip_ = nullptr;
  std::size_t unzipped_ = 0;
};

// The first sheet's part name, through the workbook's relationships.
domain::StatusOr<std::string> FirstSheet(Archive& archive) {
  std::string rel_id;
  RETURN_IF_ERROR(archive.Parse(
      "xl/workbook.xml", {[&](std::string_view n, const XML_Char** attrs) {
                            if (n != "sheet" || !rel_id.empty()) return;
                            if (const char* id = Attribute(attrs, "id", true))
                              rel_id = id;
                          },
                          nullptr, nullptr}));
  if (rel_id.empty()) return NotXlsx("error.xlsx_no_sheet");
  std::string target;
  RETURN_IF_ERROR(
      archive.Parse("xl/_rels/workbook.xml.rels",
                    {[&](std::string_view n, const XML_Char** attrs) {
                       if (n != "Relationship") return;
                       const char* id = Attribute(attrs, "Id");
                       const char* t = Attribute(attrs, "Target");
                       if (id && t && rel_id == id) target = t;
                     },
                     nullptr, nullptr}));
  if (target.empty()) return NotXlsx("error.xlsx_sheet_no_part");
  if (target.starts_with('/')) return target.substr(1);
  return "xl/" + target;
}

domain::StatusOr<std::vector<std::string>> SharedStrings(Archive& archive) {
  std::vector<std::string> strings;
  if (!archive.Has("xl/sharedStrings.xml")) return strings;
  std::string current;
  bool in_text = false;
  int phonetic = 0;  // <rPh> runs (furigana) are not part of the text
  RETURN_IF_ERROR(archive.Parse("xl/sharedStrings.xml",
                                {[&](std::string_view n, const XML_Char**) {
                                   if (n == "si") current.clear();
                                   if (n == "rPh") ++phonetic;
                                   if (n == "t") in_text = phonetic == 0;
                                 },
                                 [&](std::string_view n) {
                                   if (n == "t") in_text = false;
                                   if (n == "rPh") --phonetic;
                                   if (n == "si")
                                     strings.push_back(std::move(current));
                                 },
                                 [&](std::string_view t) {
                                   if (in_text) current += t;
                                 }}));
  return strings;
}

// "BC12" → column 54 (0-based), row 11 (0-based).
bool ParseReference(std::string_view ref, std::size_t& column,
                    std::size_t& row) {
  std::size_t i = 0, col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
    col = col * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
  std::size_t r = 0;
  auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
  if (col == 0 || ec != std::errc() || end != ref.data() + ref.size() || r == 0)
    return false;
  column = col - 1;
  row = r - 1;
  return true;
}

}  // namespace

domain::StatusOr<Rows> ReadXlsx(std::string_view bytes,
                                const ReadLimits& limits) {
  Archive archive(bytes, limits);
  RETURN_IF_ERROR(archive.Open());
  ASSIGN_OR_RETURN(const auto sheet, FirstSheet(archive));
  ASSIGN_OR_RETURN(const auto strings, SharedStrings(archive));

  std::map<std::size_t, std::vector<SheetCell>>
      rows;  // sparse: styled empty rows
  std::size_t row = 0, column = 0;
  bool row_started = false;
  std::string type, value;
  // The first problem: too large, or why the sheet cannot be read.
  bool too_large = false;
  std::optional<domain::Message> error;
  bool in_value = false, in_inline = false, in_text = false;
  std::string inline_text;
  const auto store = [&](SheetCell cell) {
    if (std::holds_alternative<std::monostate>(cell)) return;
    if (const auto* t = std::get_if<std::string>(&cell); t && t->empty())
      return;
    if (too_large || error) return;
    if (row >= limits.max_rows || column >= limits.max_columns) {
      too_large = true;
      return;
    }
    auto& cells = rows[row];
    if (cells.size() <= column) cells.resize(column + 1);
    cells[column] = std::move(cell);
  };
  const auto finish_cell = [&] {
    if (in_inline || type == "inlineStr") {
      store(inline_text);
    } else if (type == "s") {
      std::size_t index = 0;
      auto [end, ec] =
          std::from_chars(value.data(), value.data() + value.size(), index);
      if (ec != std::errc() || end != value.data() + value.size() ||
          index >= strings.size()) {
        if (!too_large && !error)
          error = domain::Message("error.xlsx_string_index");
        return;
      }
      store(strings[index]);
    } else if (type == "str" || type == "e" || type == "d") {
      store(value);
    } else if (type == "b") {
      store(std::string(value == "1" ? "TRUE" : "FALSE"));
    } else if (!value.empty()) {
      char* end = nullptr;
      const double number = std::strtod(value.c_str(), &end);
      if (end != value.c_str() + value.size()) {
        if (!too_large && !error) {
          error = domain::Message("error.xlsx_bad_number", {{"value", value}});
        }
        return;
      }
      store(number);
    }
  };
  std::size_t next_row = 0, next_column = 0;
  RETURN_IF_ERROR(archive.Parse(
      sheet, {[&](std::string_view n, const XML_Char** attrs) {
                if (n == "row") {
                  const char* r = Attribute(attrs, "r");
                  row = next_row;
                  if (r) {
                    std::size_t parsed = 0;
                    auto [end, ec] =
                        std::from_chars(r, r + std::strlen(r), parsed);
                    if (ec == std::errc() && parsed > 0) row = parsed - 1;
                  }
                  next_row = row + 1;
                  next_column = 0;
                  row_started = true;
                } else if (n == "c" && row_started) {
                  column = next_column;
                  if (const char* r = Attribute(attrs, "r")) {
                    std::size_t c = 0, rr = 0;
                    if (ParseReference(r, c, rr)) column = c;
                  }
                  next_column = column + 1;
                  const char* t = Attribute(attrs, "t");
                  type = t ? t : "n";
                  value.clear();
                  inline_text.clear();
                } else if (n == "v") {
                  in_value = true;
                } else if (n == "is") {
                  in_inline = true;
                } else if (n == "t" && in_inline) {
                  in_text = true;
                }
              },
              [&](std::string_view n) {
                if (n == "v") in_value = false;
                if (n == "t") in_text = false;
                if (n == "c") {
                  finish_cell();
                  in_inline = false;
                }
              },
              [&](std::string_view t) {
                if (in_value) value += t;
                if (in_text) inline_text += t;
              }}));
  if (too_large) {
    return domain::Status::TooLarge(domain::Message(
        "error.sheet_too_large",
        {{"rows", limits.max_rows}, {"columns", limits.max_columns}}));
  }
  if (error) return NotXlsx(*std::move(error));
  Rows out;
  if (!rows.empty()) out.resize(rows.rbegin()->first + 1);
  for (auto& [index, cells] : rows) out[index] = std::move(cells);
  return out;
}

}  // namespace capdev::formats
