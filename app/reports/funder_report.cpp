#include "app/codec/json_codec.hpp"
#include "app/reports/reports.hpp"

namespace capdev::reports {

namespace {

json::object OptionsJson(const domain::ReportOptions& o) {
  return {{"from", o.from.ToString()}, {"to", o.to.ToString()}};
}

}  // namespace

json::object FunderJson(const domain::FunderReport& r) {
  json::array projects;
  for (const auto& p : r.projects) {
    projects.push_back(
        {{"project_id", p.project_id},
         {"code", p.code},
         {"title", p.title},
         {"funder", {{"id", p.funder_id}, {"name", p.funder_name}}},
         {"role", codec::ToJson(p.role)},
         {"amount", codec::ToJson(p.amount)},
         {"currency", codec::ToJson(p.currency)}});
  }
  json::object in_period = SectionJson(r.in_period);
  json::array results;
  for (const auto& report : r.results) {
    auto one = ResultsJson(report);
    results.push_back({{"project", std::move(one["project"])},
                       {"results", std::move(one["results"])}});
  }
  return {{"report", "funder"},
          {"generated_at", domain::NowUtc()},
          {"organization",
           {{"id", r.organization_id}, {"name", r.organization_name}}},
          {"include_children", r.include_children},
          {"period", OptionsJson(r.options)},
          {"completion_threshold", r.options.completion_threshold},
          {"projects", std::move(projects)},
          {"workshops", std::move(in_period["workshops"])},
          {"totals", std::move(in_period["totals"])},
          {"dates_uncertain", SectionJson(r.dates_uncertain)},
          {"results", std::move(results)}};
}

Document FunderDocument(const domain::FunderReport& r,
                        domain::Language language) {
  const Texts x(language, &r.native_names);
  Document d;
  d.language = language;
  const std::string funder = x.Organization(r.organization_name);
  d.title = x(domain::Message("report.funder.title", {{"name", funder}}));
  d.facts = {{x("report.fact.funder"), funder},
             {x("report.fact.period"), x.Period(r.options.from, r.options.to)},
             {x("report.fact.include_children"),
              x(r.include_children ? "common.yes" : "common.no")},
             {x("report.fact.generated"), x.Now()}};
  Table projects{"projects",
                 x("report.funder.projects"),
                 {x("report.column.project"), x("common.title"),
                  x("report.column.funder"), x("report.column.role"),
                  x("report.column.amount"), x("report.column.currency")},
                 {}};
  for (const auto& p : r.projects) {
    projects.rows.push_back({p.code, x.Title(p.title, p.native_title),
                             x.Organization(p.funder_name), x.Label(p.role),
                             x.Amount(p.amount), p.currency.value_or("")});
  }
  d.tables.push_back(std::move(projects));
  AddSection(x, d, "in_period", x("report.section.in_period"),
             x("report.section.in_period_tab"), r.in_period, true);
  AddSection(x, d, "dates_uncertain", x("report.section.dates_uncertain"),
             FigureLabel(x, Figure::kDatesUncertain), r.dates_uncertain, true);
  for (const auto& report : r.results) {
    AddResultsTables(x, d, "results." + report.project_code, report);
  }
  AddDefinitions(x, d, r.options.completion_threshold);
  d.notes.push_back(x(
      domain::Message("report.note.funder_projects",
                      {{"children", r.include_children ? "true" : "false"}})));
  return d;
}

}  // namespace capdev::reports
