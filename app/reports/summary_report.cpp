#include <functional>

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

Table BreakdownTable(
    const Texts& x, std::string id, std::string heading, std::string column,
    const std::vector<domain::Breakdown>& rows,
    const std::function<std::string(const std::string&)>& name) {
  Table t{std::move(id),
          std::move(heading),
          {std::move(column), FigureLabel(x, Figure::kWorkshopsHeld),
           FigureLabel(x, Figure::kPeopleTrained),
           FigureLabel(x, Figure::kParticipantDays)},
          {}};
  for (const auto& b : rows) {
    t.rows.push_back({b.key.empty() ? x("report.not_recorded") : name(b.key),
                      x.Count(b.workshops), x.Count(b.participations),
                      x.Count(b.participant_days)});
  }
  return t;
}

std::string Same(const std::string& key) { return key; }

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

Document SummaryDocument(const domain::SummaryReport& r,
                         domain::Language language) {
  const Texts x(language, &r.native_names);
  Document d;
  d.language = language;
  d.title = x("report.summary.title");
  d.facts = {{x("report.fact.period"), x.Period(r.options.from, r.options.to)},
             {x("report.fact.project"),
              r.project_id
                  ? x(domain::Message("report.summary.project",
                                      {{"id", std::to_string(*r.project_id)}}))
                  : x("report.summary.all_projects")},
             {x("report.fact.generated"), x.Now()}};
  d.notes.push_back(x("report.summary.by_month_note"));
  d.tables.push_back(TotalsTable(x, "totals", x("report.section.in_period"),
                                 r.in_period.totals));
  d.tables.push_back(
      {"not_yet_held",
       x("report.summary.not_counted"),
       {x("report.column.measure"), x("report.column.value")},
       {{x("report.summary.not_yet_held"), x.Count(r.not_yet_held)}}});
  d.tables.push_back(
      BreakdownTable(x, "by_project", x("report.summary.by_project"),
                     x("report.column.project"), r.by_project, Same));
  d.tables.push_back(BreakdownTable(
      x, "by_kind", x("report.summary.by_kind"), x("common.kind"), r.by_kind,
      [&](const std::string& kind) {
        const auto value = domain::FromText<domain::WorkshopKind>(kind);
        return value ? x.Label(*value) : kind;
      }));
  d.tables.push_back(BreakdownTable(x, "by_city", x("report.summary.by_city"),
                                    x("common.city"), r.by_city, Same));
  d.tables.push_back(BreakdownTable(
      x, "by_month", x("report.summary.by_month"), x("report.column.month"),
      r.by_month, [&](const std::string& month) {
        const auto day = domain::Date::Parse(month + "-01");
        return day ? x.format().Month(*day) : month;
      }));
  AddSection(x, d, "dates_uncertain", x("report.section.dates_uncertain"),
             FigureLabel(x, Figure::kDatesUncertain), r.dates_uncertain, true);
  AddDefinitions(x, d, r.options.completion_threshold);
  return d;
}

}  // namespace capdev::reports
