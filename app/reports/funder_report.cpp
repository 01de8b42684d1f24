#include <cstdio>

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

Document FunderDocument(const domain::FunderReport& r) {
  Document d;
  d.title = "Funder report: " + r.organization_name;
  d.facts = {
      {"Funder", r.organization_name},
      {"Period", r.options.from.ToString() + " to " + r.options.to.ToString()},
      {"Includes organizations below it", r.include_children ? "yes" : "no"},
      {"Generated", domain::NowUtc()}};
  Table projects{"projects",
                 "Projects funded",
                 {"Project", "Title", "Funder", "Role", "Amount", "Currency"},
                 {}};
  for (const auto& p : r.projects) {
    DocCell amount;
    if (p.amount) {
      char text[32];
      std::snprintf(text, sizeof text, "%.2f", *p.amount);
      amount = {text, *p.amount};
    }
    projects.rows.push_back({p.code, p.title, p.funder_name,
                             Cell(std::optional(p.role)), amount,
                             p.currency.value_or("")});
  }
  d.tables.push_back(std::move(projects));
  AddSection(d, "in_period", "Workshops held in the period",
             "Held in the period", r.in_period, true);
  AddSection(d, "dates_uncertain", "Workshops with unknown or estimated dates",
             "Dates uncertain", r.dates_uncertain, true);
  for (const auto& report : r.results) {
    AddResultsTables(d, "results." + report.project_code, report);
  }
  d.notes = DefinitionNotes(r.options.completion_threshold);
  d.notes.push_back(
      "The projects are those this organization" +
      std::string(r.include_children ? " or an organization below it" : "") +
      " funds as lead or co-funder. This report holds no personal data.");
  return d;
}

}  // namespace capdev::reports
