// /api/v1/reports/submissions: funder and results reports frozen as sent to
// a donor, answered byte for byte, and the figures that differ today. No
// route changes or deletes one.

#include "app/services/submissions.hpp"

#include <array>
#include <set>

#include "app/api/common.hpp"
#include "app/api/report_runs.hpp"
#include "app/api/routes.hpp"

namespace capdev::api {

namespace {

constexpr std::size_t kMaxNote = 2000;

json::object SubmissionJson(const storage::Submission& s) {
  return {
      {"id", s.id},
      {"report", s.report},
      {"params", json::parse(s.params)},
      {"note", s.note ? json::value(*s.note) : json::value(nullptr)},
      {"organization_id", s.organization_id ? json::value(*s.organization_id)
                                            : json::value(nullptr)},
      {"project_id",
       s.project_id ? json::value(*s.project_id) : json::value(nullptr)},
      {"submitted_at", s.submitted_at},
      {"submitted_by", s.submitted_by},
      {"sha256", s.sha256}};
}

// The report run with the submission's parameters (a JSON object of strings;
// `format` is always json).
domain::StatusOr<ReportRun> Run(storage::Database& db,
                                const domain::Principal& user,
                                const std::string& report,
                                const json::object& params) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<domain::FieldError> errors;
  const bool funder = report == "funder";
  const std::set<std::string_view> allowed =
      funder ? std::set<std::string_view>{"organization_id", "from", "to",
                                          "include_children",
                                          "completion_threshold"}
             : std::set<std::string_view>{"project_id", "from", "to"};
  std::optional<std::int64_t> project_id;
  for (const auto& [k, v] : params) {
    const std::string key(k);
    if (!allowed.contains(key)) {
      errors.emplace_back("params." + key, domain::kNotAllowed,
                          domain::Message("error.not_a_parameter_of_report"));
    } else if (!v.is_string()) {
      errors.emplace_back("params." + key, domain::kInvalid,
                          domain::Message("error.not_string"));
    } else if (key == "project_id") {
      Query one({{key, std::string(v.as_string())}});
      project_id = one.Id(key);
      if (!project_id) {
        errors.emplace_back("params.project_id", domain::kInvalid,
                            domain::Message("error.positive_id"));
      }
    } else {
      pairs.emplace_back(key, std::string(v.as_string()));
    }
  }
  if (!errors.empty()) return domain::Status::Invalid(std::move(errors));
  Query q(std::move(pairs));
  if (funder) {
    ASSIGN_OR_RETURN(const auto query, ReadFunderQuery(q));
    return RunFunderReport(db, user, query);
  }
  if (!project_id) {
    return domain::Status::Invalid(
        {{"params.project_id", domain::kRequired, "error.required"}});
  }
  ASSIGN_OR_RETURN(const auto o, ReadResultsQuery(q));
  return RunResultsReport(db, *project_id, o);
}

// A funder user reaches only its own organization's submissions (404 for
// others, as if they did not exist).
domain::StatusOr<storage::Submission> Visible(Context& ctx, std::int64_t id) {
  ASSIGN_OR_RETURN(auto s, storage::GetSubmission(ctx.db, id));
  const auto missing = domain::Status::NotFound(domain::Message(
      "error.no_such_submission", {{"id", std::to_string(id)}}));
  if (!s) return missing;
  if (const auto own = domain::LimitedToOrganization(*ctx.user)) {
    ASSIGN_OR_RETURN(const bool concerns,
                     storage::SubmissionConcerns(ctx.db, *s, *own));
    if (!concerns) return missing;
  }
  return std::move(*s);
}

}  // namespace

void AddSubmissionRoutes(Router& router) {
  using P = domain::Permission;
  const std::string base = "/api/v1/reports/submissions";

  router.Add(
      kPost, base, P::kWriteRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
        std::vector<domain::FieldError> errors;
        const auto* report = body.if_contains("report");
        const auto* params = body.if_contains("params");
        const auto* note = body.if_contains("note");
        if (!report || !report->is_string() ||
            (report->as_string() != "funder" &&
             report->as_string() != "results"))
          errors.emplace_back(
              "report", domain::kUnknownValue,
              domain::Message("error.unknown_value",
                              {{"allowed", "funder, results"}}));
        if (!params || !params->is_object())
          errors.emplace_back("params", domain::kInvalid,
                              domain::Message("error.not_object_of_strings"));
        if (note && !note->is_null() &&
            (!note->is_string() || note->as_string().size() > kMaxNote)) {
          errors.emplace_back(
              "note", domain::kTooLong,
              domain::Message("error.too_long_bytes", {{"max", kMaxNote}}));
        }
        for (const auto& [k, v] : body) {
          if (k != "report" && k != "params" && k != "note")
            errors.emplace_back(
                std::string(k), domain::kNotAllowed,
                domain::Message("error.not_a_field_of_resource"));
        }
        if (!errors.empty()) return domain::Status::Invalid(std::move(errors));
        storage::Submission s;
        s.report = std::string(report->as_string());
        ASSIGN_OR_RETURN(const auto run,
                         Run(ctx.db, *ctx.user, s.report, params->as_object()));
        s.params = json::serialize(*params);
        if (note && note->is_string()) s.note = std::string(note->as_string());
        if (run.organization_id) s.organization_id = run.organization_id;
        if (run.project_id) s.project_id = run.project_id;
        s.body = json::serialize(run.forms.json());
        ASSIGN_OR_RETURN(
            const auto stored,
            Write(ctx, [&](auto& tx) -> domain::StatusOr<storage::Submission> {
              return services::SubmitReport(tx, *ctx.user, s);
            }));
        return Created(ctx, SubmissionJson(stored));
      });

  router.Add(
      kGet, base, P::kReadFunderReport,
      [](Query& q) -> domain::StatusOr<std::optional<std::int64_t>> {
        auto org = q.Id("organization_id");
        RETURN_IF_ERROR(q.Check());
        return org;
      },
      [](Context& ctx,
         std::optional<std::int64_t> asked) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto org,
                         domain::VisibleOrganizations(*ctx.user, asked));
        ASSIGN_OR_RETURN(const auto submissions,
                         storage::ListSubmissions(ctx.db, org));
        json::array items;
        for (const auto& s : submissions) items.push_back(SubmissionJson(s));
        return JsonResponse(200, json::object{{"items", std::move(items)}});
      });

  router.Add(
      kGet, base + "/{id}", P::kReadFunderReport,
      [](Query& q) -> domain::StatusOr<std::string> {
        // Only json: the bytes as submitted.
        static constexpr std::array<std::string_view, 1> kFormats = {"json"};
        auto format = q.OneOf("format", kFormats).value_or("json");
        RETURN_IF_ERROR(q.Check());
        return format;
      },
      [](Context& ctx, const std::string&) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(auto s, Visible(ctx, id));
        // The bytes as submitted, never re-encoded.
        Response r{200, "application/json", std::move(s.body), {}};
        r.headers.emplace_back("X-Content-SHA256", s.sha256);
        return r;
      });

  router
      .Add(kGet, base + "/{id}/changes", P::kReadFunderReport,
           [](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(const auto s, Visible(ctx, id));
             ASSIGN_OR_RETURN(const auto run,
                              Run(ctx.db, *ctx.user, s.report,
                                  json::parse(s.params).as_object()));
             return JsonResponse(
                 200, json::object{{"submission_id", s.id},
                                   {"sha256", s.sha256},
                                   {"changes",
                                    services::JsonChanges(json::parse(s.body),
                                                          run.forms.json())}});
           })
      .LongRunning();
}

}  // namespace capdev::api
