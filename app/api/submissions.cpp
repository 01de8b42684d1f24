// /api/v1/reports/submissions: funder and results reports frozen as sent to
// a donor, answered byte for byte, and the figures that differ today. No
// route changes or deletes one.

#include "app/services/submissions.hpp"

#include <array>
#include <cmath>
#include <memory>
#include <set>

#include "app/api/common.hpp"
#include "app/api/report_params.hpp"
#include "app/api/report_runs.hpp"
#include "app/api/routes.hpp"
#include "app/reports/changes.hpp"
#include "app/reports/submitted.hpp"
#include "storage/report_queries.hpp"

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

// A parameter as a query reads it: a string as it is, a number as written
// (8, 80), a boolean as true or false; nothing else.
std::optional<std::string> ParamText(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_bool()) return v.as_bool() ? "true" : "false";
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_double()) {
    // 80.0 is 80; 80.5 reads as it is (and is refused where a whole
    // number is needed).
    const double d = v.as_double();
    if (d == std::floor(d) && std::abs(d) < 1e15)
      return std::to_string(static_cast<std::int64_t>(d));
    return json::serialize(v);
  }
  return std::nullopt;
}

// The report run with the submission's parameters (a JSON object of strings,
// numbers or booleans; `format` is always json).
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
    } else if (const auto text = ParamText(v); !text) {
      errors.emplace_back("params." + key, domain::kInvalid,
                          domain::Message("error.not_param_value"));
    } else if (key == "project_id") {
      Query one({{key, *text}});
      project_id = one.Id(key);
      if (!project_id) {
        errors.emplace_back("params.project_id", domain::kInvalid,
                            domain::Message("error.positive_id"));
      }
    } else {
      pairs.emplace_back(key, *text);
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

struct FrozenQuery {
  std::string format;
  std::optional<domain::Language> language;
};

// The workshops a report lists, then or now (a total moves with any of them).
std::set<std::int64_t> WorkshopsOf(const json::value& a, const json::value& b) {
  std::set<std::int64_t> ids;
  const auto walk = [&](const auto& self, const json::value& v) -> void {
    if (v.is_array()) {
      for (const auto& item : v.as_array()) self(self, item);
    } else if (v.is_object()) {
      const auto& o = v.as_object();
      if (const auto* w = o.if_contains("workshop_id"); w && w->is_int64())
        ids.insert(w->as_int64());
      for (const auto& [k, item] : o) self(self, item);
    }
  };
  walk(walk, a);
  walk(walk, b);
  return ids;
}

// At most this many records are named per figure (the newest); the rest are
// counted.
constexpr std::size_t kRecordsPerFigure = 10;

// The recorded writes that may have moved `change`: of its workshop; of its
// indicator, or the workshops of the indicator's project; of its project's
// parties; for a total, of any workshop the report lists.
json::object MovedBy(const std::vector<services::RecordedChange>& recorded,
                     const reports::FigureChange& change,
                     const std::set<std::int64_t>& listed) {
  json::array items;
  std::size_t more = 0;
  for (const auto& r : recorded) {
    bool moved = false;
    if (change.workshop_id) {
      moved = r.workshop_id == change.workshop_id;
    } else if (change.indicator_id) {
      moved = r.indicator_id == change.indicator_id ||
              (change.project_id && r.workshop_id &&
               r.project_id == change.project_id);
    } else if (change.project_id) {
      moved = r.entry.entity == "project_organizations" &&
              r.entry.entity_id == change.project_id;
    } else {
      moved = r.workshop_id && listed.contains(*r.workshop_id);
    }
    if (!moved) continue;
    if (items.size() == kRecordsPerFigure) {
      ++more;
      continue;
    }
    items.push_back(services::ToJson(r));
  }
  return {{"items", std::move(items)}, {"more", more}};
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
                              domain::Message("error.not_object_of_params"));
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
      [](Query& q) -> domain::StatusOr<FrozenQuery> {
        // json: the bytes as submitted; the others print them.
        static constexpr std::array<std::string_view, 4> kFormats = {
            "json", "html", "xlsx", "csv"};
        FrozenQuery fq{q.OneOf("format", kFormats).value_or("json"),
                       ReadLanguage(q)};
        RETURN_IF_ERROR(q.Check());
        return fq;
      },
      [](Context& ctx, const FrozenQuery& fq) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(auto s, Visible(ctx, id));
        if (fq.format == "json") {
          // The bytes as submitted, never re-encoded.
          Response r{200, "application/json", std::move(s.body), {}};
          r.headers.emplace_back("X-Content-SHA256", s.sha256);
          return r;
        }
        ASSIGN_OR_RETURN(auto natives,
                         storage::OrganizationNativeNames(ctx.db));
        const auto body = std::make_shared<const json::object>(
            json::parse(s.body).as_object());
        const reports::SubmissionFacts facts{s.id, s.submitted_at,
                                             s.submitted_by, s.sha256, s.note};
        const ReportForms forms{[body] { return *body; },
                                [body, facts, natives = std::move(natives),
                                 report = s.report](domain::Language language) {
                                  return reports::SubmittedDocument(
                                      report, *body, facts, natives, language);
                                }};
        ASSIGN_OR_RETURN(
            auto r,
            Render(fq.format,
                   "submission-" + std::to_string(s.id) + "-" + s.report, forms,
                   fq.language.value_or(ctx.language)));
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
             const auto submitted = json::parse(s.body);
             const json::value current = run.forms.json();
             const auto changes =
                 reports::ReportChanges(submitted, current, ctx.language);
             // Who changed what since: for those who may read the records
             // behind the figures (never a funder user).
             std::optional<std::vector<services::RecordedChange>> recorded;
             if (domain::RoleAllows(ctx.user->role,
                                    domain::Permission::kReadEvidence) &&
                 !changes.empty()) {
               ASSIGN_OR_RETURN(recorded,
                                services::RecordedSince(ctx.db, s.id));
             }
             const auto listed = WorkshopsOf(submitted, current);
             json::array items;
             for (const auto& c : changes) {
               auto o = reports::ToJson(c);
               if (recorded) o["records"] = MovedBy(*recorded, c, listed);
               items.push_back(std::move(o));
             }
             return JsonResponse(200,
                                 json::object{{"submission_id", s.id},
                                              {"sha256", s.sha256},
                                              {"submitted_at", s.submitted_at},
                                              {"changes", std::move(items)}});
           })
      .LongRunning();
}

}  // namespace capdev::api
