#include "app/reports/reports.hpp"

#include "app/api/routes.hpp"
#include "app/http/json_codec.hpp"
#include "app/http/query.hpp"
#include "app/status_error.hpp"
#include "storage/report_queries.hpp"

namespace capdev::app {

namespace {

constexpr std::array<std::string_view, 3> kFormats = {"json", "csv", "html"};

// The report in the format the query asks for (json by default).
Response Render(Context& ctx, const std::string& name, const json::object& json,
                const Document& doc) {
  const auto format = ctx.query.OneOf("format", kFormats).value_or("json");
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

template <class T>
T Required(std::optional<T> value, const char* name) {
  if (!value) {
    throw StatusError(domain::Status::Malformed(
        std::string("query parameter '") + name + "' is required",
        {{name, "is required"}}));
  }
  return *value;
}

std::pair<domain::Date, domain::Date> Period(Context& ctx) {
  auto from = Required(ctx.query.Date("from"), "from");
  auto to = Required(ctx.query.Date("to"), "to");
  if (to < from) {
    throw StatusError(domain::Status::Malformed(
        "'to' must not be before 'from'", {{"to", "must not be before from"}}));
  }
  return {from, to};
}

}  // namespace

void AddReportRoutes(Router& router) {
  router.Add("GET", "/api/v1/reports/attendance", [](Context& ctx) {
    const auto id = Required(ctx.query.Id("workshop_id"), "workshop_id");
    auto report = storage::AttendanceReportFor(ctx.db, id);
    if (!report)
      throw StatusError(domain::Status::NotFound(
          "workshop " + std::to_string(id) + " does not exist"));
    return Render(ctx, "attendance-workshop-" + std::to_string(id),
                  AttendanceJson(*report), AttendanceDocument(*report));
  });

  router.Add("GET", "/api/v1/reports/funder", [](Context& ctx) {
    const auto id =
        Required(ctx.query.Id("organization_id"), "organization_id");
    // A funder user sees its own organization's report only.
    if (ctx.user && ctx.user->role == "funder" &&
        ctx.user->organization_id != id) {
      throw StatusError(domain::Status::PermissionDenied(
          "a funder user sees its own organization's report only"));
    }
    const auto [from, to] = Period(ctx);
    auto report = storage::FunderReportFor(ctx.db, id, from, to);
    if (!report) {
      throw StatusError(domain::Status::NotFound(
          "organization " + std::to_string(id) + " does not exist"));
    }
    return Render(ctx,
                  "funder-" + std::to_string(id) + "-" + from.ToString() + "-" +
                      to.ToString(),
                  FunderJson(*report), FunderDocument(*report));
  });

  router.Add("GET", "/api/v1/reports/summary", [](Context& ctx) {
    const auto [from, to] = Period(ctx);
    auto report = storage::SummaryReportFor(ctx.db, from, to);
    return Render(ctx, "summary-" + from.ToString() + "-" + to.ToString(),
                  SummaryJson(report), SummaryDocument(report));
  });
}

}  // namespace capdev::app
