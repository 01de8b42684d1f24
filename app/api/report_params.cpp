#include "app/api/report_params.hpp"

#include <array>

#include "app/http/json_codec.hpp"

namespace capdev::app {

namespace {
constexpr std::array<std::string_view, 4> kFormats = {"json", "csv", "html",
                                                      "xlsx"};
}  // namespace

domain::StatusOr<Options> ReadOptions(Query& q, bool period) {
  Options o;
  o.options.today = domain::Date::Today();
  o.options.completion_threshold =
      static_cast<int>(q.Integer("completion_threshold", 1, 100)
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

domain::StatusOr<Response> Render(const std::string& format,
                                  const std::string& name,
                                  const ReportForms& forms) {
  if (format == "json") return JsonResponse(200, forms.json());
  const Document doc = forms.document();
  if (format == "xlsx") {
    ASSIGN_OR_RETURN(auto bytes, RenderXlsx(doc));
    Response r{200,
               "application/vnd.openxmlformats-officedocument.spreadsheetml."
               "sheet",
               std::move(bytes),
               {}};
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + name + ".xlsx\"");
    return r;
  }
  if (format == "csv") {
    Response r{200, "text/csv; charset=utf-8", RenderCsv(doc), {}};
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + name + ".csv\"");
    return r;
  }
  return Response{200, "text/html; charset=utf-8", RenderHtml(doc), {}};
}

}  // namespace capdev::app
