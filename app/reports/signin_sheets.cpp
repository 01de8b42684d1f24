#include "app/reports/signin_sheets.hpp"

#include <map>

#include "app/i18n/catalog.hpp"
#include "app/i18n/locale_format.hpp"
#include "app/reports/document.hpp"
#include "app/reports/paper.hpp"
#include "domain/concat.hpp"
#include "domain/import_columns.hpp"

namespace capdev::reports {

namespace {

// One session, one A4 page for up to 25 people: rows of 0.85 cm, names and
// agencies in one or two lines. A longer list runs on to the next page, where
// the table's head (the heading with the date, then the column names) is
// printed again. Each session starts a page (break-before, so no blank page
// follows the last).
constexpr const char* kSheetStyle = R"css(
  @page { size: A4; margin: 1cm 1.2cm; }
  body { font: 10pt/1.2 "Helvetica Neue", Arial, "Noto Sans CJK SC", sans-serif; color: #111; margin: 0; }
  .sheet + .sheet { break-before: page; page-break-before: always; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th, td { border: 1px solid #444; padding: 1pt 4pt; text-align: left; vertical-align: middle; }
  thead tr.heading th { border: 0; padding: 0 0 6pt; background: none; font-weight: normal; }
  h1 { font-size: 13pt; margin: 0 0 2pt; }
  .when { margin: 0; font-size: 10pt; }
  th { background: #eee; font-size: 9pt; }
  tbody tr { height: 0.85cm; }
  td { overflow-wrap: anywhere; }
  col.n { width: 1cm; } col.name { width: 4.2cm; } col.organization { width: 8.2cm; }
  td.n { text-align: right; }
  .latin, .below, h1 .en, .when .en { font-weight: normal; color: #444; }
  .latin { font-size: 8pt; }
  td .below { font-size: 7.5pt; line-height: 1.1; }
  .below { display: block; }
  @media screen { body { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
                  .sheet { border-bottom: 2px dashed #999; margin-bottom: 2rem; padding-bottom: 1rem; } }
)css";

using domain::Language;

// A column's name: the Chinese, and the English below it.
std::string Stacked(std::string_view key) {
  return HtmlEscape(i18n::Text(Language::kZh, key)) +
         "<span class=\"below\" lang=\"en\">" +
         HtmlEscape(i18n::Text(Language::kEn, key)) + "</span>";
}

}  // namespace

formats::Sheet AttendanceGrid(const domain::SignInMatrix& matrix,
                              const std::vector<storage::SignInPerson>& people,
                              Language language) {
  const auto text = [&](std::string_view key) {
    return i18n::Text(language, key);
  };
  // Headers the attendance import reads back, in either language.
  formats::Sheet sheet{
      text("report.grid.sheet"),
      {text("report.grid.person_id"), text("report.grid.full_name"),
       text("report.grid.native_name"), text("report.grid.organization"),
       text("report.grid.email")},
      {},
      {10, 28, 16, 36, 28}};
  for (const auto& s : matrix.sessions) {
    sheet.header.push_back(s.date ? s.date->ToString() : "");
    sheet.widths.push_back(12);
  }
  std::map<std::int64_t, const storage::SignInPerson*> by_id;
  for (const auto& p : people) by_id[p.person_id] = &p;
  for (const auto& r : matrix.rows) {
    const auto it = by_id.find(r.person_id);
    const storage::SignInPerson* p = it == by_id.end() ? nullptr : it->second;
    std::vector<formats::SheetCell> cells{static_cast<double>(r.person_id),
                                          r.full_name};
    for (const auto* field :
         {p ? &p->native_name : nullptr, p ? &p->organization : nullptr,
          p ? &p->email : nullptr}) {
      cells.emplace_back(field && *field ? **field : std::string());
    }
    for (const auto& mark : r.marks)
      cells.emplace_back(mark ? std::string(domain::MarkLetter(*mark))
                              : std::string());
    sheet.rows.push_back(std::move(cells));
  }
  return sheet;
}

std::string RenderSheetCsv(const formats::Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  const auto line = [&](const auto& cells, auto text) {
    for (std::size_t c = 0; c < cells.size(); ++c)
      out += domain::Concat(c ? "," : "", CsvCell(text(cells[c])));
    out += "\r\n";
  };
  line(sheet.header, [](const std::string& s) { return s; });
  for (const auto& row : sheet.rows)
    line(row, [](const formats::SheetCell& cell) {
      return formats::CellText(cell);
    });
  return out;
}

std::string RenderSignInSheets(
    const domain::Workshop& workshop, const domain::SignInMatrix& matrix,
    const std::vector<storage::SignInPerson>& people) {
  // Printed for people of both languages: every heading in both.
  const i18n::LocaleFormat zh(Language::kZh);
  const i18n::LocaleFormat en(Language::kEn);
  std::string h =
      "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
      "charset=\"utf-8\">\n"
      // No icon to fetch (the browser would ask for /favicon.ico): a printed
      // sheet stands alone, as the reports do.
      "<link rel=\"icon\" href=\"data:,\">\n";
  h += "<title>" + HtmlEscape(BothPlain("report.signin.title")) + " — " +
       HtmlEscape(workshop.title) + "</title>\n<style>" + kSheetStyle +
       "</style>\n</head>\n<body>\n";
  if (matrix.sessions.empty())
    h += "<p>" + Both("report.signin.no_sessions") + "</p>\n";
  // The heading and the column names are the table's head, so that a list
  // running onto a second page has them there too.
  std::string columns =
      "<colgroup><col class=\"n\"><col class=\"name\"><col "
      "class=\"organization\"><col></colgroup>\n";
  std::string names = "<tr>";
  for (const auto* key :
       {"report.signin.number", "report.signin.name",
        "report.signin.organization", "report.signin.signature"})
    names += "<th scope=\"col\">" + Stacked(key) + "</th>";
  names += "</tr>\n";
  for (const auto& s : matrix.sessions) {
    std::string when;
    if (s.date) {
      when = HtmlEscape(zh.Date(*s.date)) +
             " / <span class=\"en\" lang=\"en\">" +
             HtmlEscape(en.Date(*s.date)) + "</span>";
    }
    std::string rest;
    if (s.start_time) rest += " " + *s.start_time;
    if (s.end_time) rest += "–" + *s.end_time;
    if (workshop.city) rest += " · " + *workshop.city;
    if (workshop.venue) rest += " · " + *workshop.venue;
    if (s.title) rest += " · " + *s.title;
    h += "<section class=\"sheet\">\n<table>\n";
    h += columns;
    h += "<thead><tr class=\"heading\"><th colspan=\"4\"><h1>";
    h += Both("report.signin.title");
    h += "<br>";
    h += HtmlEscape(workshop.title);
    h += "</h1><p class=\"when\">";
    h += when;
    h += HtmlEscape(rest);
    h += "</p></th></tr>\n";
    h += names;
    h += "</thead>\n<tbody>\n";
    std::size_t n = 0;
    for (const auto& p : people) {
      // The name in each script the person has, the Chinese first, on one
      // line; the organization's Chinese name above its English one, smaller,
      // so that a row mostly stays within two lines.
      const bool native = p.native_name && !p.native_name->empty() &&
                          *p.native_name != p.full_name;
      h += "<tr><td class=\"n\">" + std::to_string(++n) + "</td><td>";
      if (native) {
        h += "<span lang=\"zh\">" + HtmlEscape(*p.native_name) +
             "</span> <span class=\"latin\">" + HtmlEscape(p.full_name) +
             "</span>";
      } else {
        h += HtmlEscape(p.full_name);
      }
      h += "</td><td>";
      const bool org_native = p.organization_native &&
                              !p.organization_native->empty() &&
                              p.organization_native != p.organization;
      if (org_native) {
        h += "<span lang=\"zh\">" + HtmlEscape(*p.organization_native) +
             "</span><span class=\"below latin\">" +
             HtmlEscape(p.organization.value_or("")) + "</span>";
      } else {
        h += HtmlEscape(p.organization.value_or(""));
      }
      h += "</td><td class=\"signature\"></td></tr>\n";
    }
    h += "</tbody>\n</table>\n</section>\n";
  }
  return h + "</body>\n</html>\n";
}

}  // namespace capdev::reports
