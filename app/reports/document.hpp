#pragma once
// A report as titled tables: the one shape the CSV and HTML renderers know,
// so each report is laid out once and printed in every tabular format.

#include <string>
#include <utility>
#include <vector>

namespace capdev::app {

struct Table {
  std::string id;                    // the CSV `section`, e.g. "sessions"
  std::string heading;               // the HTML caption
  std::vector<std::string> columns;  // the first column labels each row
  std::vector<std::vector<std::string>> rows;  // already formatted cells
};

struct Document {
  std::string title;
  std::vector<std::pair<std::string, std::string>>
      facts;                       // period, generated at, ...
  std::vector<std::string> notes;  // definitions, caveats
  std::vector<Table> tables;
};

// RFC 4180, one header row: section,item,measure,value, one line per cell
// (a long format every report fits). Cells that a spreadsheet would run as
// a formula (=, +, -, @, tab, CR first) get a leading apostrophe.
std::string RenderCsv(const Document& doc);
std::string CsvCell(const std::string& value);

// A self-contained, printable HTML page.
std::string RenderHtml(const Document& doc);
std::string HtmlEscape(const std::string& text);

}  // namespace capdev::app
