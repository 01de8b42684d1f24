#include "app/api/report_params.hpp"

#include <array>

#include "app/codec/json_codec.hpp"
#include "app/http/json_body.hpp"
#include "app/i18n/catalog.hpp"

namespace capdev::api {

namespace {
constexpr std::array<std::string_view, 4> kFormats = {"json", "csv", "html",
                                                      "xlsx"};
}  // namespace

std::optional<domain::Language> ReadLanguage(http::Query& q) {
  static constexpr std::array<std::string_view, 2> kTags = {"en", "zh"};
  const auto tag = q.OneOf("lang", kTags);
  return tag ? i18n::ParseTag(*tag) : std::nullopt;
}

domain::StatusOr<Options> ReadOptions(http::Query& q, ReportQuery what) {
  const bool period = what.period;
  Options o;
  o.options.today = domain::Date::Today();
  o.options.completion_threshold = domain::kDefaultCompletionThreshold;
  if (what.threshold) {
    o.options.completion_threshold =
        static_cast<int>(q.Integer("completion_threshold", 1, 100)
                             .value_or(domain::kDefaultCompletionThreshold));
  }
  o.format = "json";
  if (what.format) {
    o.format = q.OneOf("format", kFormats).value_or("json");
    o.language = ReadLanguage(q);
  }
  if (period) {
    o.options.from = q.Required(q.Date("from"), "from");
    o.options.to = q.Required(q.Date("to"), "to");
  }
  RETURN_IF_ERROR(q.Check());
  if (period && o.options.to < o.options.from) {
    return domain::Status::Malformed(
        "error.to_before_from",
        {{"to", domain::kNotBefore,
          domain::Message("error.not_before",
                          {{"other", domain::FieldTerm("from")}})}});
  }
  return o;
}

domain::StatusOr<http::Response> Render(const std::string& format,
                                        const std::string& name,
                                        const ReportForms& forms,
                                        domain::Language language) {
  if (format == "json") return http::JsonResponse(200, forms.json());
  const reports::Document doc = forms.document(language);
  auto answer = [&](http::Response r) {
    r.headers.emplace_back("Content-Language",
                           language == domain::Language::kZh ? "zh-CN" : "en");
    return r;
  };
  if (format == "xlsx") {
    ASSIGN_OR_RETURN(auto bytes, reports::RenderXlsx(doc));
    http::Response r{
        200,
        "application/vnd.openxmlformats-officedocument.spreadsheetml."
        "sheet",
        std::move(bytes),
        {}};
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + name + ".xlsx\"");
    return answer(std::move(r));
  }
  if (format == "csv") {
    http::Response r{
        200, "text/csv; charset=utf-8", reports::RenderCsv(doc), {}};
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"" + name + ".csv\"");
    return answer(std::move(r));
  }
  return answer(http::Response{
      200, "text/html; charset=utf-8", reports::RenderHtml(doc), {}});
}

}  // namespace capdev::api
