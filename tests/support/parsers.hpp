#pragma once
// Independent parsers for what capdev renders, so tests read CSV and HTML
// the way a spreadsheet or browser would (Python's csv and html.parser).

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace capdev::testing {

// RFC 4180 text -> rows of cells.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

// Every <table> inside a <section id=...>: section id -> rows (header first).
std::map<std::string, std::vector<std::vector<std::string>>> ParseHtmlTables(
    const std::string& html);

// A report figure: (section, row label, column, value).
using Figure = std::tuple<std::string, std::string, std::string, std::string>;

}  // namespace capdev::testing
