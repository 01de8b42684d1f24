#include "app/reports/signin_sheets.hpp"

#include <map>

#include "app/reports/document.hpp"
#include "domain/import_columns.hpp"

namespace capdev::reports {

namespace {

constexpr const char* kSheetStyle = R"css(
  @page { size: A4; margin: 1.5cm; }
  body { font: 11pt/1.4 "Helvetica Neue", Arial, "Noto Sans CJK SC", sans-serif; color: #111; margin: 0; }
  .sheet { break-after: page; page-break-after: always; padding: 1rem 0; }
  .sheet:last-child { break-after: auto; page-break-after: auto; }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  .when { margin: 0 0 1rem; font-size: 1.05rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #444; padding: .35rem .5rem; text-align: left; vertical-align: middle; }
  th { background: #eee; }
  td { height: 2.1rem; }
  td.n { width: 2rem; text-align: right; }
  td.signature { width: 30%; }
  .native { display: block; color: #333; }
  @media screen { body { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
                  .sheet { border-bottom: 2px dashed #999; margin-bottom: 2rem; } }
)css";

}  // namespace

formats::Sheet AttendanceGrid(
    const domain::SignInMatrix& matrix,
    const std::vector<storage::SignInPerson>& people) {
  formats::Sheet sheet{
      "Sign-in grid",
      {"Person ID", "Full name", "Native name", "Organization", "Email"},
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
      out += (c ? "," : "") + CsvCell(text(cells[c]));
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
  std::string h =
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<title>Sign-in sheets — " + HtmlEscape(workshop.title) +
       "</title>\n<style>" + kSheetStyle + "</style>\n</head>\n<body>\n";
  if (matrix.sessions.empty())
    h +=
        "<p>This workshop has no sessions yet: add them to print sheets.</p>\n";
  for (const auto& s : matrix.sessions) {
    h += "<section class=\"sheet\">\n<h1>" + HtmlEscape(workshop.title) +
         "</h1>\n<p class=\"when\">";
    std::string when = s.date ? s.date->ToString() : "";
    if (s.start_time) when += " " + *s.start_time;
    if (s.end_time) when += "–" + *s.end_time;
    if (workshop.city) when += " · " + *workshop.city;
    if (workshop.venue) when += " · " + *workshop.venue;
    if (s.title) when += " · " + *s.title;
    h += HtmlEscape(when) + "</p>\n";
    h += "<table>\n<thead><tr><th>No.</th><th>Name</th><th>Organization</th>"
         "<th>Signature</th></tr></thead>\n<tbody>\n";
    std::size_t n = 0;
    for (const auto& p : people) {
      h += "<tr><td class=\"n\">" + std::to_string(++n) + "</td><td>" +
           HtmlEscape(p.full_name);
      if (p.native_name)
        h += "<span class=\"native\">" + HtmlEscape(*p.native_name) + "</span>";
      h += "</td><td>" + HtmlEscape(p.organization.value_or("")) +
           "</td><td class=\"signature\"></td></tr>\n";
    }
    h += "</tbody>\n</table>\n</section>\n";
  }
  return h + "</body>\n</html>\n";
}

}  // namespace capdev::reports
