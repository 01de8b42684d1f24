// A report Document as a workbook: a sheet per table, the report's title and
// facts (period, generated at) above its header, cells typed as laid out.

#include <algorithm>

#include "app/formats/xlsx_writer.hpp"
#include "app/i18n/catalog.hpp"
#include "app/reports/document.hpp"

namespace capdev::reports {

namespace {

// Characters, not bytes, so a Chinese name is not thrice as wide.
double Width(const std::string& text) {
  double chars = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) chars += c >= 0xE0 ? 2 : 1;  // CJK: two columns
  }
  return chars;
}

double LongestWord(const std::string& text) {
  double longest = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(' ', start), text.size());
    longest = std::max(longest, Width(text.substr(start, end - start)));
    start = end + 1;
  }
  return longest;
}

}  // namespace

domain::StatusOr<std::string> RenderXlsx(const Document& doc) {
  std::vector<formats::Sheet> sheets;
  std::vector<std::string> preamble = {doc.title};
  for (const auto& [name, value] : doc.facts) {
    preamble.push_back(i18n::Render(
        doc.language, domain::Message("report.fact_line",
                                      {{"name", name}, {"value", value}})));
  }
  for (const auto& t : doc.tables) {
    formats::Sheet sheet{
        t.tab.empty() ? t.heading : t.tab, t.columns, {}, {}, preamble};
    sheet.preamble.push_back(t.heading);
    // A header wraps at its words, so its longest word sets its column's
    // least width; long texts wrap within 40 characters: the sheet fits one
    // printed page wide at a scale that stays readable.
    std::vector<double> widths;
    widths.reserve(t.columns.size());
    for (const auto& c : t.columns) widths.push_back(LongestWord(c));
    for (const auto& row : t.rows) {
      std::vector<formats::SheetCell> cells;
      for (std::size_t i = 0; i < row.size(); ++i) {
        cells.push_back(row[i].value);
        if (i < widths.size())
          widths[i] = std::max(widths[i], Width(row[i].text));
      }
      sheet.rows.push_back(std::move(cells));
    }
    for (double w : widths)
      sheet.widths.push_back(std::clamp(w + 2, 8.0, 40.0));
    sheets.push_back(std::move(sheet));
  }
  return formats::WriteXlsx(sheets);
}

}  // namespace capdev::reports
