#pragma once
// Each report in JSON (its API shape, the same in every language) and as a
// Document in the reader's language (for CSV, XLSX and HTML).

#include <boost/json.hpp>
#include <string>

#include "app/reports/document.hpp"
#include "app/reports/texts.hpp"
#include "domain/evaluation_figures.hpp"
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
Table TotalsTable(const Texts& texts, const std::string& id,
                  const std::string& heading, const domain::Totals& totals);
// A section's workshops (when listed) and totals; `tab` names them in a
// workbook ("<tab>" and "<tab>, totals"). The workshops of the
// "dates_uncertain" section each say why they are listed apart.
void AddSection(const Texts& texts, Document& doc, const std::string& id,
                const std::string& heading, const std::string& tab,
                const domain::Section& section, bool list_workshops);
// What the figures of the funder report and the summary mean, printed under
// them.
void AddDefinitions(const Texts& texts, Document& doc,
                    int completion_threshold);

boost::json::object AttendanceJson(const domain::AttendanceReport& report);
Document AttendanceDocument(const domain::AttendanceReport& report,
                            domain::Language language);

boost::json::object FunderJson(const domain::FunderReport& report);
Document FunderDocument(const domain::FunderReport& report,
                        domain::Language language);

boost::json::object ResultsJson(const domain::ResultsReport& report);
Document ResultsDocument(const domain::ResultsReport& report,
                         domain::Language language);
// The indicator tables of a results report, added to another document (the
// funder report's), their ids starting with `id`.
void AddResultsTables(const Texts& texts, Document& doc, const std::string& id,
                      const domain::ResultsReport& report);

// The evaluation report (domain/evaluation_figures.hpp): percents to one
// decimal, means to two, the normalized gain to three.
boost::json::object EvaluationJson(const domain::EvaluationReport& report);
Document EvaluationDocument(const domain::EvaluationReport& report,
                            domain::Language language);

boost::json::object SummaryJson(const domain::SummaryReport& report);
Document SummaryDocument(const domain::SummaryReport& report,
                         domain::Language language);

}  // namespace capdev::reports
