#pragma once
// Each report in JSON (its API shape) and as a Document (for CSV and HTML).

#include <boost/json.hpp>
#include <string>

#include "app/reports/document.hpp"
#include "domain/reports.hpp"

namespace capdev::reports {

// The sign-in matrix, as the attendance route and the attendance report show
// it.
boost::json::object MatrixJson(const domain::SignInMatrix& matrix,
                               std::int64_t workshop_id);

// The parts the reports share (sections.cpp).
boost::json::object FiguresJson(const domain::WorkshopFigures& figures);
boost::json::object TotalsJson(const domain::Totals& totals);
// {"workshops": [...], "totals": {...}}
boost::json::object SectionJson(const domain::Section& section);
Table TotalsTable(const std::string& id, const std::string& heading,
                  const domain::Totals& totals);
// A section's workshops (when listed) and totals; `tab` names them in a
// workbook ("<tab>" and "<tab>, totals").
void AddSection(Document& doc, const std::string& id,
                const std::string& heading, const std::string& tab,
                const domain::Section& section, bool list_workshops);
// What the figures mean, printed under every report.
std::vector<std::string> DefinitionNotes(int completion_threshold);

boost::json::object AttendanceJson(const domain::AttendanceReport& report);
Document AttendanceDocument(const domain::AttendanceReport& report);

boost::json::object FunderJson(const domain::FunderReport& report);
Document FunderDocument(const domain::FunderReport& report);

boost::json::object ResultsJson(const domain::ResultsReport& report);
Document ResultsDocument(const domain::ResultsReport& report);
// The indicator tables of a results report, added to another document (the
// funder report's), their ids starting with `id`.
void AddResultsTables(Document& doc, const std::string& id,
                      const domain::ResultsReport& report);

boost::json::object SummaryJson(const domain::SummaryReport& report);
Document SummaryDocument(const domain::SummaryReport& report);

// Cell formatting shared by the documents.
DocCell Cell(std::int64_t n);
// A number with up to two decimals shown, stored exact ("" when absent).
DocCell NumberCell(const std::optional<double>& v);
// A date stored as a date ("" when absent).
DocCell DateCell(const std::optional<domain::Date>& day);
// An enumeration's text ("" when absent).
template <domain::Enumeration E>
std::string Cell(const std::optional<E>& value) {
  return value ? std::string(domain::ToText(*value)) : std::string();
}
std::string Cell(const std::optional<std::string>& text,
                 const char* missing = "(not recorded)");
DocCell PercentCell(std::optional<double> rate);
std::string DatesCell(const std::optional<domain::Date>& start,
                      const std::optional<domain::Date>& end, bool estimated);
std::string Join(const std::vector<std::string>& items);

}  // namespace capdev::reports
