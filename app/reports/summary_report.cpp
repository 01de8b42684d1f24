#include "app/codec/json_codec.hpp"
#include "app/reports/reports.hpp"

namespace capdev::reports {

namespace {

json::array BreakdownJson(const std::vector<domain::Breakdown>& rows,
                          const char* key) {
  json::array a;
  for (const auto& b : rows) {
    a.push_back(
        {{key, b.key.empty() ? json::value(nullptr) : json::value(b.key)},
         {"workshops", b.workshops},
         {"people_trained", b.participations},
         {"participant_days", b.participant_days}});
  }
  return a;
}

Table BreakdownTable(std::string id, std::string heading, std::string column,
                     const std::vector<domain::Breakdown>& rows) {
  Table t{std::move(id),
          std::move(heading),
          {std::move(column), "Workshops held", "People trained",
           "Participant-days"},
          {}};
  for (const auto& b : rows) {
    t.rows.push_back({b.key.empty() ? "(not recorded)" : b.key,
                      Cell(b.workshops), Cell(b.participations),
                      Cell(b.participant_days)});
  }
  return t;
}

}  // namespace

json::object SummaryJson(const domain::SummaryReport& r) {
  return {
      {"report", "summary"},
      {"generated_at", domain::NowUtc()},
      {"period",
       {{"from", r.options.from.ToString()}, {"to", r.options.to.ToString()}}},
      {"project_id", codec::ToJson(r.project_id)},
      {"completion_threshold", r.options.completion_threshold},
      {"totals", TotalsJson(r.in_period.totals)},
      {"by_project", BreakdownJson(r.by_project, "project_code")},
      {"by_kind", BreakdownJson(r.by_kind, "kind")},
      {"by_city", BreakdownJson(r.by_city, "city")},
      {"by_month", BreakdownJson(r.by_month, "month")},
      {"not_yet_held", r.not_yet_held},
      {"dates_uncertain", SectionJson(r.dates_uncertain)}};
}

Document SummaryDocument(const domain::SummaryReport& r) {
  Document d;
  d.title = "Programme summary";
  d.facts = {
      {"Period", r.options.from.ToString() + " to " + r.options.to.ToString()},
      {"Project", r.project_id ? "project " + std::to_string(*r.project_id)
                               : "all projects"},
      {"Generated", domain::NowUtc()}};
  d.tables.push_back(TotalsTable("totals", "Workshops held in the period",
                                 r.in_period.totals));
  d.tables.push_back({"not_yet_held",
                      "Not counted",
                      {"Measure", "Value"},
                      {{"Planned or confirmed workshops in the period",
                        Cell(r.not_yet_held)}}});
  d.tables.push_back(
      BreakdownTable("by_project", "By project", "Project", r.by_project));
  d.tables.push_back(BreakdownTable("by_kind", "By kind", "Kind", r.by_kind));
  d.tables.push_back(BreakdownTable("by_city", "By city", "City", r.by_city));
  d.tables.push_back(
      BreakdownTable("by_month", "By month", "Month", r.by_month));
  AddSection(d, "dates_uncertain", "Workshops with unknown or estimated dates",
             "Dates uncertain", r.dates_uncertain, true);
  d.notes = DefinitionNotes(r.options.completion_threshold);
  return d;
}

}  // namespace capdev::reports
