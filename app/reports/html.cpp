#include <algorithm>
#include <cctype>
#include <variant>
#include <vector>

#include "app/i18n/catalog.hpp"
#include "app/reports/document.hpp"

namespace capdev::reports {

namespace {

constexpr const char* kStyle = R"css(
  body { font: 11pt/1.45 "Helvetica Neue", Arial, sans-serif; color: #1d2733; margin: 2.5rem auto;
         max-width: 72rem; padding: 0 1.5rem; }
  header { border-bottom: 3px solid #0b5394; margin-bottom: 1.5rem; padding-bottom: .75rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .5rem; color: #0b5394; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1.25rem; margin: 0; }
  dt { color: #5a6b7d; } dd { margin: 0; font-weight: 600; }
  section { margin: 1.75rem 0; break-inside: avoid; }
  h2 { font-size: 1.1rem; margin: 0 0 .5rem; color: #0b5394; }
  table { border-collapse: collapse; width: 100%; font-size: .95rem; }
  th, td { border-bottom: 1px solid #d5dde6; padding: .35rem .6rem; text-align: left; vertical-align: top; }
  th { background: #eef3f8; font-weight: 600; }
  th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; }
  table.wide { font-size: .8rem; }
  table.wide th, table.wide td { padding: .3rem .4rem; }
  tr:nth-child(even) td { background: #f8fafc; }
  .notes { color: #5a6b7d; font-size: .85rem; border-top: 1px solid #d5dde6; padding-top: .75rem; }
  .notes dl { grid-template-columns: minmax(8rem, max-content) 1fr; gap: .3rem 1rem; margin: .5rem 0; }
  .notes dt { font-weight: 600; color: #1d2733; } .notes dd { font-weight: normal; }
  .empty { color: #5a6b7d; font-style: italic; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10pt; }
    @page { margin: 1.6cm; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; }
    tr:nth-child(even) td { background: none; }
  }
)css";

bool IsNumber(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '%' ||
          c == ','))
      return false;
  }
  return true;
}

// A cell stored as a number or a percentage, or text that reads as one.
bool IsNumber(const DocCell& cell) {
  return std::holds_alternative<double>(cell.value) ||
         std::holds_alternative<formats::Percent>(cell.value) ||
         IsNumber(cell.text);
}

}  // namespace

std::string HtmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string RenderHtml(const Document& doc) {
  const auto text = [&](std::string_view key) {
    return HtmlEscape(i18n::Text(doc.language, key));
  };
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"" +
      std::string(doc.language == domain::Language::kZh ? "zh-CN" : "en") +
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      // No icon to fetch: a printed report stands alone.
      "<link rel=\"icon\" href=\"data:,\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, "
       "initial-scale=1\">\n";
  h += "<title>" + HtmlEscape(doc.title) + "</title>\n<style>" + kStyle +
       "</style>\n</head>\n<body>\n";
  h += "<header>\n<h1>" + HtmlEscape(doc.title) + "</h1>\n<dl>\n";
  for (const auto& [name, value] : doc.facts) {
    h +=
        "<dt>" + HtmlEscape(name) + "</dt><dd>" + HtmlEscape(value) + "</dd>\n";
  }
  h += "</dl>\n</header>\n<main>\n";
  for (const auto& t : doc.tables) {
    h += "<section id=\"" + HtmlEscape(t.id) + "\">\n<h2>" +
         HtmlEscape(t.heading) + "</h2>\n";
    if (t.rows.empty()) {
      h += "<p class=\"empty\">" + text("report.none") + "</p>\n</section>\n";
      continue;
    }
    // A column of numbers is right-aligned, its heading too.
    std::vector<bool> numeric(t.columns.size(), true);
    for (const auto& row : t.rows) {
      for (std::size_t i = 0; i < row.size() && i < numeric.size(); ++i) {
        numeric[i] = numeric[i] && (row[i].empty() || IsNumber(row[i]));
      }
    }
    if (!numeric.empty()) numeric[0] = false;  // the row labels
    for (std::size_t i = 1; i < numeric.size(); ++i) {
      // An empty column is not a number column.
      numeric[i] =
          numeric[i] &&
          std::any_of(t.rows.begin(), t.rows.end(), [&](const auto& row) {
            return i < row.size() && !row[i].empty();
          });
    }
    h += t.columns.size() > 6 ? "<table class=\"wide\">\n<thead><tr>"
                              : "<table>\n<thead><tr>";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      h += numeric[i] ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">";
      h += HtmlEscape(t.columns[i]) + "</th>";
    }
    h += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
      h += "<tr>";
      for (std::size_t i = 0; i < row.size(); ++i) {
        h += i < numeric.size() && numeric[i] ? "<td class=\"n\">" : "<td>";
        h += HtmlEscape(row[i].text) + "</td>";
      }
      h += "</tr>\n";
    }
    h += "</tbody>\n</table>\n</section>\n";
  }
  if (!doc.notes.empty() || !doc.definitions.empty()) {
    h += "<section class=\"notes\">\n";
    for (const auto& n : doc.notes) h += "<p>" + HtmlEscape(n) + "</p>\n";
    if (!doc.definitions.empty()) {
      h += "<h2>" + text("report.definitions") + "</h2>\n<dl>\n";
      for (const auto& [term, meaning] : doc.definitions) {
        h += "<dt>" + HtmlEscape(term) + "</dt><dd>" + HtmlEscape(meaning) +
             "</dd>\n";
      }
      h += "</dl>\n";
    }
    h += "</section>\n";
  }
  return h + "</main>\n</body>\n</html>\n";
}

}  // namespace capdev::reports
