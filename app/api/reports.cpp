// /api/v1/reports/...: attendance, funder and programme summary, in JSON,
// CSV or printable HTML.

#include "app/reports/reports.hpp"

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
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

// `from` and `to`, both required, `to` not before `from`.
domain::StatusOr<std::pair<domain::Date, domain::Date>> Period(Query& q) {
  const auto from = q.Required(q.Date("from"), "from");
  const auto to = q.Required(q.Date("to"), "to");
  RETURN_IF_ERROR(q.Check());
  if (to < from) {
    return domain::Status::Malformed("'to' must not be before 'from'",
                                     {{"to", "must not be before from"}});
  }
  return std::pair{from, to};
}

}  // namespace

void AddReportRoutes(Router& router) {
  using P = domain::Permission;

  router.Add(
      kGet, "/api/v1/reports/attendance", P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        auto& q = ctx.query;
        const auto id = q.Required(q.Id("workshop_id"), "workshop_id");
        const auto format = q.OneOf("format", kFormats).value_or("json");
        RETURN_IF_ERROR(q.Check());
        auto report = storage::AttendanceReportFor(ctx.db, id);
        if (!report) {
          return domain::Status::NotFound("workshop " + std::to_string(id) +
                                          " does not exist");
        }
        return Render(format, "attendance-workshop-" + std::to_string(id),
                      AttendanceJson(*report), AttendanceDocument(*report));
      },
      {"workshop_id", "format"});

  router.Add(
      kGet, "/api/v1/reports/funder", P::kReadFunderReport,
      [](Context& ctx) -> domain::StatusOr<Response> {
        auto& q = ctx.query;
        const auto id = q.Required(q.Id("organization_id"), "organization_id");
        const auto format = q.OneOf("format", kFormats).value_or("json");
        RETURN_IF_ERROR(q.Check());
        // A funder user sees its own organization's report only.
        if (ctx.user->role == domain::Role::kFunder &&
            ctx.user->organization_id != id) {
          return domain::Status::PermissionDenied(
              "a funder user sees its own organization's report only");
        }
        ASSIGN_OR_RETURN(const auto period, Period(q));
        const auto [from, to] = period;
        auto report = storage::FunderReportFor(ctx.db, id, from, to);
        if (!report) {
          return domain::Status::NotFound("organization " +
                                          std::to_string(id) +
                                          " does not exist");
        }
        return Render(format,
                      "funder-" + std::to_string(id) + "-" + from.ToString() +
                          "-" + to.ToString(),
                      FunderJson(*report), FunderDocument(*report));
      },
      {"organization_id", "from", "to", "format"});

  router.Add(
      kGet, "/api/v1/reports/summary", P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        const auto format =
            ctx.query.OneOf("format", kFormats).value_or("json");
        ASSIGN_OR_RETURN(const auto period, Period(ctx.query));
        const auto [from, to] = period;
        auto report = storage::SummaryReportFor(ctx.db, from, to);
        return Render(format,
                      "summary-" + from.ToString() + "-" + to.ToString(),
                      SummaryJson(report), SummaryDocument(report));
      },
      {"from", "to", "format"});
}

}  // namespace capdev::app
