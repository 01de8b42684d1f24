#include "app/http/json_codec.hpp"
#include "app/reports/reports.hpp"

namespace capdev::app {

namespace {

json::array CountsJson(const std::vector<domain::Count>& counts,
                       const char* key) {
  json::array a;
  for (const auto& c : counts) {
    a.push_back(
        {{key, c.key.empty() ? json::value(nullptr) : json::value(c.key)},
         {"workshops", c.count}});
  }
  return a;
}

Table CountTable(std::string id, std::string heading, std::string column,
                 const std::vector<domain::Count>& counts) {
  Table t{
      std::move(id), std::move(heading), {std::move(column), "Workshops"}, {}};
  for (const auto& c : counts)
    t.rows.push_back({c.key.empty() ? "(not recorded)" : c.key, Cell(c.count)});
  return t;
}

}  // namespace

json::object SummaryJson(const domain::SummaryReport& r) {
  return {{"report", "summary"},
          {"generated_at", domain::NowUtc()},
          {"period", {{"from", r.from.ToString()}, {"to", r.to.ToString()}}},
          {"workshops", r.workshops},
          {"participants",
           {{"named_attendees", r.named_attendees},
            {"reported_headcount", r.reported_headcount},
            {"total", r.participants}}},
          {"participant_days", r.participant_days},
          {"by_project", CountsJson(r.by_project, "project_code")},
          {"by_kind", CountsJson(r.by_kind, "kind")},
          {"by_city", CountsJson(r.by_city, "city")},
          {"by_month", CountsJson(r.by_month, "month")},
          {"by_status", CountsJson(r.by_status, "status")},
          {"undated_held_workshops", r.undated_held_workshops}};
}

Document SummaryDocument(const domain::SummaryReport& r) {
  Document d;
  d.title = "Programme summary";
  d.facts = {{"Period", r.from.ToString() + " to " + r.to.ToString()},
             {"Generated", domain::NowUtc()}};
  d.tables.push_back(
      {"totals",
       "Totals",
       {"Measure", "Value"},
       {{"Workshops", Cell(r.workshops)},
        {"Named attendees", Cell(r.named_attendees)},
        {"Reported headcount", Cell(r.reported_headcount)},
        {"Participants (named + reported)", Cell(r.participants)},
        {"Participant-days", Cell(r.participant_days)},
        {"Held workshops with unknown dates (not in any period)",
         Cell(r.undated_held_workshops)}}});
  d.tables.push_back(
      CountTable("by_project", "By project", "Project", r.by_project));
  d.tables.push_back(CountTable("by_kind", "By kind", "Kind", r.by_kind));
  d.tables.push_back(CountTable("by_city", "By city", "City", r.by_city));
  d.tables.push_back(CountTable("by_month", "By month", "Month", r.by_month));
  d.tables.push_back(
      CountTable("by_status", "By status", "Status", r.by_status));
  d.notes = {
      "Workshops whose dates overlap the period; cancelled workshops are left "
      "out."};
  return d;
}

}  // namespace capdev::app
