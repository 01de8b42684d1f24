// /api/v1/reports/...: attendance, funder and programme summary, in JSON,
// CSV or printable HTML. Every figure: storage/figures.cpp.

#include "app/reports/reports.hpp"

#include "app/api/common.hpp"
#include "app/api/report_params.hpp"
#include "app/api/report_runs.hpp"
#include "app/api/routes.hpp"
#include "storage/records.hpp"
#include "storage/report_queries.hpp"

namespace capdev::api {

void AddReportRoutes(Router& router) {
  using P = domain::Permission;

  router.Add(
      kGet, "/api/v1/reports/attendance", P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        auto& q = ctx.query;
        const auto id = q.Required(q.Id("workshop_id"), "workshop_id");
        ASSIGN_OR_RETURN(const auto o, ReadOptions(q, false));
        ASSIGN_OR_RETURN(const auto report,
                         storage::AttendanceReportFor(ctx.db, id, o.options));
        if (!report) return storage::NotFound<domain::Workshop>(id);
        return Render(o.format, "attendance-workshop-" + std::to_string(id),
                      {[&] { return reports::AttendanceJson(*report); },
                       [&] { return reports::AttendanceDocument(*report); }});
      },
      {"workshop_id", "completion_threshold", "format"});

  router
      .Add(kGet, "/api/v1/reports/funder", P::kReadFunderReport,
           [](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto run,
                              RunFunderReport(ctx.db, *ctx.user, ctx.query));
             return Render(run.format, run.name, run.forms);
           },
           {"organization_id", "from", "to", "include_children",
            "completion_threshold", "format"})
      .LongRunning();

  router
      .Add(kGet, "/api/v1/reports/summary", P::kReadRecords,
           [](Context& ctx) -> domain::StatusOr<Response> {
             auto& q = ctx.query;
             const auto project_id = q.Id("project_id");
             ASSIGN_OR_RETURN(const auto o, ReadOptions(q, true));
             if (project_id) {
               ASSIGN_OR_RETURN(
                   const bool exists,
                   storage::Exists<domain::Project>(ctx.db, *project_id));
               if (!exists)
                 return storage::NotFound<domain::Project>(*project_id);
             }
             ASSIGN_OR_RETURN(
                 const auto report,
                 storage::SummaryReportFor(ctx.db, project_id, o.options));
             return Render(o.format,
                           "summary-" + o.options.from.ToString() + "-" +
                               o.options.to.ToString(),
                           {[&] { return reports::SummaryJson(report); },
                            [&] { return reports::SummaryDocument(report); }});
           },
           {"from", "to", "project_id", "completion_threshold", "format"})
      .LongRunning();
}

}  // namespace capdev::api
