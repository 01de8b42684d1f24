#include "app/i18n/catalog.hpp"
#include "app/reports/document.hpp"

namespace capdev::reports {

std::string CsvCell(const std::string& value) {
  std::string v = value;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' ||
                     v[0] == '\t' || v[0] == '\r')) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string quoted = "\"";
  for (char c : v) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string RenderCsv(const Document& doc) {
  const auto text = [&](std::string_view key) {
    return i18n::Text(doc.language, key);
  };
  std::string out;
  auto line = [&](const std::string& a, const std::string& b,
                  const std::string& c, const std::string& d) {
    out += CsvCell(a) + "," + CsvCell(b) + "," + CsvCell(c) + "," + CsvCell(d) +
           "\r\n";
  };
  const std::string value_column = text("report.csv.value");
  line(text("report.csv.section"), text("report.csv.item"),
       text("report.csv.measure"), value_column);
  for (const auto& [name, value] : doc.facts)
    line("report", name, value_column, value);
  for (const auto& t : doc.tables) {
    for (const auto& row : t.rows) {
      for (std::size_t i = 1; i < row.size() && i < t.columns.size(); ++i) {
        line(t.id, row[0].text, t.columns[i], row[i].text);
      }
    }
  }
  return out;
}

}  // namespace capdev::reports
