// /api/v1/reports/...: attendance, funder and programme summary, in JSON,
// CSV or printable HTML. Every figure: storage/figures.cpp.

#include "app/reports/reports.hpp"

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "storage/records.hpp"
#include "storage/report_queries.hpp"

namespace capdev::app {

namespace {

constexpr std::array<std::string_view, 3> kFormats = {"json", "csv", "html"};

// The report in the format the query asked for (json by default).
Response Render(const std::string& format, const std::string& name,
                const json::object& json, const Document& doc) {
  if (format == "csv") {
    Response r{200, "text/csv; charset=utf-8", RenderCsv(doc), {}};
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + name + ".csv\"");
    return r;
  }
  if (format == "html")
    return Response{200, "text/html; charset=utf-8", RenderHtml(doc), {}};
  return JsonResponse(200, json);
}

// `completion_threshold` (percent of sessions, default 80), and `from` and
// `to` when the report covers a period (both required, `to` not before
// `from`). Reads everything, then checks once.
struct Options {
  domain::ReportOptions options;
  std::string format;
};

domain::StatusOr<Options> ReadOptions(Query& q, bool period) {
  Options o;
  o.options.today = domain::Date::Today();
  o.options.completion_threshold = static_cast<int>(
      q.Integer("completion_threshold", 1, 100)
          .value_or(domain::kDefaultCompletionThreshold));
  o.format = q.OneOf("format", kFormats).value_or("json");
  if (period) {
    o.options.from = q.Required(q.Date("from"), "from");
    o.options.to = q.Required(q.Date("to"), "to");
  }
  RETURN_IF_ERROR(q.Check());
  if (period && o.options.to < o.options.from) {
    return domain::Status::Malformed("'to' must not be before 'from'",
                                     {{"to", "must not be before from"}});
  }
  return o;
}

}  // namespace

void AddReportRoutes(Router& router) {
  using P = domain::Permission;

  router.Add(
      kGet, "/api/v1/reports/attendance", P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        auto& q = ctx.query;
        const auto id = q.Required(q.Id("workshop_id"), "workshop_id");
        ASSIGN_OR_RETURN(const auto o, ReadOptions(q, false));
        auto report = storage::AttendanceReportFor(ctx.db, id, o.options);
        if (!report) return storage::NotFound<domain::Workshop>(id);
        return Render(o.format, "attendance-workshop-" + std::to_string(id),
                      AttendanceJson(*report), AttendanceDocument(*report));
      },
      {"workshop_id", "completion_threshold", "format"});

  router.Add(
      kGet, "/api/v1/reports/funder", P::kReadFunderReport,
      [](Context& ctx) -> domain::StatusOr<Response> {
        auto& q = ctx.query;
        const auto id = q.Required(q.Id("organization_id"), "organization_id");
        const bool children = q.Bool("include_children").value_or(true);
        ASSIGN_OR_RETURN(const auto o, ReadOptions(q, true));
        // A funder user sees its own organization's report only.
        if (ctx.user->role == domain::Role::kFunder &&
            ctx.user->organization_id != id) {
          return domain::Status::PermissionDenied(
              "a funder user sees its own organization's report only");
        }
        auto report = storage::FunderReportFor(ctx.db, id, children, o.options);
        if (!report) return storage::NotFound<domain::Organization>(id);
        return Render(o.format,
                      "funder-" + std::to_string(id) + "-" +
                          o.options.from.ToString() + "-" +
                          o.options.to.ToString(),
                      FunderJson(*report), FunderDocument(*report));
      },
      {"organization_id", "from", "to", "include_children",
       "completion_threshold", "format"});

  router.Add(
      kGet, "/api/v1/reports/summary", P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        auto& q = ctx.query;
        const auto project_id = q.Id("project_id");
        ASSIGN_OR_RETURN(const auto o, ReadOptions(q, true));
        if (project_id && !storage::Exists<domain::Project>(ctx.db, *project_id))
          return storage::NotFound<domain::Project>(*project_id);
        auto report = storage::SummaryReportFor(ctx.db, project_id, o.options);
        return Render(o.format,
                      "summary-" + o.options.from.ToString() + "-" +
                          o.options.to.ToString(),
                      SummaryJson(report), SummaryDocument(report));
      },
      {"from", "to", "project_id", "completion_threshold", "format"});
}

}  // namespace capdev::app
