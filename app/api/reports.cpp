// /api/v1/reports/...: attendance, funder and programme summary, in JSON,
// CSV, XLSX or printable HTML; the last three in `lang` (else the reader's
// language). Every figure: storage/figures.cpp.

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
      [](Query& q) -> domain::StatusOr<std::pair<std::int64_t, Options>> {
        const auto id = q.Required(q.Id("workshop_id"), "workshop_id");
        ASSIGN_OR_RETURN(const auto o, ReadOptions(q, {}));
        return std::pair{id, o};
      },
      [](Context& ctx, const std::pair<std::int64_t, Options>& query)
          -> domain::StatusOr<Response> {
        const auto& [id, o] = query;
        ASSIGN_OR_RETURN(const auto report,
                         storage::AttendanceReportFor(ctx.db, id, o.options));
        if (!report) return storage::NotFound<domain::Workshop>(id);
        return Render(o.format, "attendance-workshop-" + std::to_string(id),
                      {[&] { return reports::AttendanceJson(*report); },
                       [&](domain::Language language) {
                         return reports::AttendanceDocument(*report, language);
                       }},
                      o.language.value_or(ctx.language));
      });

  router
      .Add(kGet, "/api/v1/reports/funder", P::kReadFunderReport,
           ReadFunderQuery,
           [](Context& ctx,
              const FunderQuery& query) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto run,
                              RunFunderReport(ctx.db, *ctx.user, query));
             return Render(run.format, run.name, run.forms,
                           query.o.language.value_or(ctx.language));
           })
      .LongRunning();

  router
      .Add(
          kGet, "/api/v1/reports/summary", P::kReadRecords,
          [](Query& q) -> domain::StatusOr<
                           std::pair<std::optional<std::int64_t>, Options>> {
            const auto project_id = q.Id("project_id");
            ASSIGN_OR_RETURN(const auto o, ReadOptions(q, {.period = true}));
            return std::pair{project_id, o};
          },
          [](Context& ctx,
             const std::pair<std::optional<std::int64_t>, Options>& query)
              -> domain::StatusOr<Response> {
            const auto& [project_id, o] = query;
            if (project_id) {
              RETURN_IF_ERROR(
                  services::Load<domain::Project>(ctx.db, *project_id));
            }
            ASSIGN_OR_RETURN(
                const auto report,
                storage::SummaryReportFor(ctx.db, project_id, o.options));
            return Render(o.format,
                          "summary-" + o.options.from.ToString() + "-" +
                              o.options.to.ToString(),
                          {[&] { return reports::SummaryJson(report); },
                           [&](domain::Language language) {
                             return reports::SummaryDocument(report, language);
                           }},
                          o.language.value_or(ctx.language));
          })
      .LongRunning();
}

}  // namespace capdev::api
