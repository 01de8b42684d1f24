#pragma once
// A report as titled tables: the one shape the CSV and HTML renderers know,
// so each report is laid out once and printed in every tabular format.

#include <string>
#include <utility>
#include <vector>

#include "app/formats/sheet.hpp"
#include "domain/message.hpp"
#include "domain/status.hpp"

namespace capdev::reports {

// A cell as printed (CSV, HTML) and as a workbook stores it (a number, a
// percentage, a date or text): each report is laid out once for every format.
struct DocCell {
  std::string text;
  formats::SheetCell value;  // a text cell holds `text`
  DocCell() = default;
  DocCell(std::string t) : text(std::move(t)), value(text) {}  // NOLINT
  DocCell(const char* t) : DocCell(std::string(t)) {}          // NOLINT
  DocCell(std::string t, formats::SheetCell v)
      : text(std::move(t)), value(std::move(v)) {}
  bool empty() const { return text.empty(); }
};

struct Table {
  std::string id;                    // the CSV `section`, e.g. "sessions"
  std::string heading;               // the HTML caption
  std::vector<std::string> columns;  // the first column labels each row
  std::vector<std::vector<DocCell>> rows;
  // The workbook tab's name when the heading is too long for one (Excel
  // allows 31 characters).
  std::string tab = {};
};

// Every text in it is in `language` (the catalogs' words, the locale's dates
// and numbers: app/reports/texts.hpp); table ids are the same in every
// language.
struct Document {
  std::string title;
  std::vector<std::pair<std::string, std::string>>
      facts;                       // period, generated at, ...
  std::vector<std::string> notes;  // caveats
  std::vector<Table> tables;
  // What the figures mean: (label, definition).
  std::vector<std::pair<std::string, std::string>> definitions = {};
  domain::Language language = domain::Language::kEn;
};

// RFC 4180, one header row (section, item, measure, value in the document's
// language), one line per cell (a long format every report fits). Cells that
// a spreadsheet would run as a formula (=, +, -, @, tab, CR first) get a
// leading apostrophe.
std::string RenderCsv(const Document& doc);
std::string CsvCell(const std::string& value);

// A workbook: a sheet per table under the title and facts, numbers and dates
// typed (app/formats/xlsx_writer.hpp).
domain::StatusOr<std::string> RenderXlsx(const Document& doc);

// A self-contained, printable HTML page.
std::string RenderHtml(const Document& doc);
std::string HtmlEscape(const std::string& text);

}  // namespace capdev::reports
