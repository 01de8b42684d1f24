// GET /api/v1/projects/{id}/iati.xml: the project, its parties and its
// results with an actual per target period, as an IATI 2.03 activity file.

#include "app/reports/iati.hpp"

#include <map>
#include <set>

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "storage/filters.hpp"
#include "storage/parties.hpp"
#include "storage/records.hpp"
#include "storage/results_queries.hpp"

namespace capdev::api {

namespace {

// The first start and the last end of the project's workshops (cancelled
// ones aside), standing in for a project that records no dates.
domain::StatusOr<
    std::pair<std::optional<domain::Date>, std::optional<domain::Date>>>
WorkshopSpan(storage::Database& db, std::int64_t project_id) {
  std::optional<domain::Date> first, last;
  storage::PageRequest page{0, 500};
  storage::WorkshopFilter filter;
  filter.project_id = project_id;
  while (true) {
    ASSIGN_OR_RETURN(const auto found, storage::List(db, filter, page));
    for (const auto& w : found.items) {
      if (w.status == domain::WorkshopStatus::kCancelled) continue;
      const auto start = w.start_date;
      const auto end = w.end_date ? w.end_date : w.start_date;
      if (start && (!first || *start < *first)) first = start;
      if (end && (!last || *last < *end)) last = end;
    }
    if (!found.next_after_id) break;
    page.after_id = *found.next_after_id;
  }
  return std::pair{first, last};
}

domain::StatusOr<reports::IatiActivity> Activity(
    storage::Database& db, const domain::Project& project) {
  reports::IatiActivity a;
  a.project = project;
  a.today = domain::Date::Today();
  a.generated = domain::NowUtc();
  ASSIGN_OR_RETURN(const auto parties, storage::ProjectParties(db, project.id));
  for (const auto& p : parties) {
    ASSIGN_OR_RETURN(auto org,
                     storage::Get<domain::Organization>(db, p.organization_id));
    if (!org || !p.role) continue;
    a.parties.push_back({std::move(*org), *p.role});
  }
  a.start = project.start_date;
  a.end = project.end_date;
  if (!a.start && !a.end) {
    ASSIGN_OR_RETURN(std::tie(a.start, a.end), WorkshopSpan(db, project.id));
  }

  domain::ReportOptions o;
  o.today = a.today;
  o.from = o.to = a.today;
  ASSIGN_OR_RETURN(const auto frame, storage::ResultsReportFor(db, project, o));
  // The actual of each indicator for each of its target periods, computed as
  // the results report does for that period.
  std::set<std::pair<domain::Date, domain::Date>> periods;
  for (const auto& line : frame.results)
    for (const auto& i : line.indicators)
      for (const auto& t : i.indicator.targets)
        periods.emplace(t.period_start, t.period_end);
  std::map<std::pair<domain::Date, domain::Date>,
           std::map<std::int64_t, domain::IndicatorActual>>
      actuals;
  for (const auto& [from, to] : periods) {
    o.from = from;
    o.to = to;
    ASSIGN_OR_RETURN(auto report, storage::ResultsReportFor(db, project, o));
    for (auto& line : report.results)
      for (auto& i : line.indicators)
        actuals[{from, to}][i.indicator.id] = std::move(i);
  }
  for (const auto& line : frame.results) {
    reports::IatiResult r{line.result, {}};
    for (const auto& i : line.indicators) {
      reports::IatiIndicator ii{i.indicator, {}};
      for (const auto& t : i.indicator.targets) {
        reports::IatiPeriod period{t, std::nullopt, {}};
        const auto& found = actuals[{t.period_start, t.period_end}];
        if (auto it = found.find(i.indicator.id); it != found.end()) {
          period.actual = it->second.actual;
          for (const auto& d : it->second.disaggregated)
            if (d.by == domain::Disaggregation::kSex) period.by_sex = d.values;
        }
        ii.periods.push_back(std::move(period));
      }
      r.indicators.push_back(std::move(ii));
    }
    a.results.push_back(std::move(r));
  }
  return a;
}

}  // namespace

void AddIatiRoutes(Router& router) {
  router
      .Add(kGet, "/api/v1/projects/{id}/iati.xml",
           domain::Permission::kReadRecords,
           [](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(const auto project,
                              services::Load<domain::Project>(ctx.db, id));
             ASSIGN_OR_RETURN(const auto activity, Activity(ctx.db, project));
             ASSIGN_OR_RETURN(auto xml, reports::RenderIati(activity));
             Response r{
                 200, "application/xml; charset=utf-8", std::move(xml), {}};
             r.headers.emplace_back(
                 "Content-Disposition",
                 "attachment; filename=\"iati-" + project.code + ".xml\"");
             return r;
           })
      .LongRunning();
}

}  // namespace capdev::api
