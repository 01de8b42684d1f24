// Evaluation (API.md "Evaluation"): /api/v1/projects/{id}/questionnaires,
// /api/v1/questionnaires/{id}, a workshop's evaluations and their answers
// (typed in, imported, from the participant's page), the paper form and the
// evaluation report.

#include "app/services/evaluations.hpp"

#include "app/api/common.hpp"
#include "app/api/evaluation_json.hpp"
#include "app/api/record_routes.hpp"
#include "app/api/report_params.hpp"
#include "app/api/routes.hpp"
#include "app/api/spreadsheet.hpp"
#include "app/i18n/local_time.hpp"
#include "app/reports/evaluation_form.hpp"
#include "app/reports/reports.hpp"
#include "app/services/checkin.hpp"
#include "storage/checkin.hpp"

namespace capdev::api {

namespace {

std::int64_t Now(const ApiOptions& o) { return UnixNow(o.clock); }

json::value Instant(const std::optional<std::int64_t>& t) {
  return t ? json::value(i18n::UnixToLocalIso(*t, "UTC")) : nullptr;
}

json::object EvaluationLineJson(const services::EvaluationLine& l) {
  const auto& e = l.evaluation;
  return {{"id", e.id},
          {"questionnaire_id", e.questionnaire_id},
          {"stage", domain::ToText(e.stage)},
          {"opens_at", Instant(e.opens_at)},
          {"closes_at", Instant(e.closes_at)},
          {"responses", l.responses}};
}

json::array LinesJson(const std::vector<services::EvaluationLine>& lines) {
  json::array out;
  for (const auto& l : lines) out.push_back(EvaluationLineJson(l));
  return out;
}

// PUT .../evaluations: [{questionnaire_id, stage, opens_at, closes_at}].
domain::StatusOr<std::pair<std::vector<domain::Evaluation>, domain::Errors>>
ReadEvaluations(Context& ctx, const ApiOptions& o) {
  ASSIGN_OR_RETURN(const auto body, ParseArray(ctx.request));
  std::vector<domain::Evaluation> out;
  domain::Errors errors;
  for (std::size_t k = 0; k < body.size(); ++k) {
    const std::string at = "[" + std::to_string(k) + "]";
    auto& e = out.emplace_back();
    if (!body[k].is_object()) {
      errors.Add(at, domain::kInvalid, "error.expected_object");
      continue;
    }
    bool staged = false;
    for (const auto& [key, value] : body[k].as_object()) {
      const std::string field = at + "." + std::string(key);
      if (key == "questionnaire_id") {
        FromJson(value, e.questionnaire_id, field, errors);
      } else if (key == "stage") {
        staged = true;
        FromJson(value, e.stage, field, errors);
      } else if (key == "opens_at" || key == "closes_at") {
        auto& t = key == "opens_at" ? e.opens_at : e.closes_at;
        if (value.is_null()) continue;
        std::string text;
        FromJson(value, text, field, errors);
        t = i18n::ParseLocalIso(text, o.time_zone);
        if (!t) errors.Add(field, domain::kInvalid, "error.invalid_time");
      } else if (key != "id" && key != "responses") {
        errors.Add(field, domain::kNotAllowed, "error.not_a_field_of_request");
      }
    }
    errors.Required(at + ".questionnaire_id", e.questionnaire_id);
    if (!staged) errors.Add(at + ".stage", domain::kRequired);
  }
  return std::pair{std::move(out), std::move(errors)};
}

// {KEY: number | text | null}: null is not answered.
void ReadAnswers(const json::value& value, domain::Answers& answers,
                 domain::Errors& errors) {
  if (!value.is_object()) {
    errors.Add("answers", domain::kInvalid, "error.expected_object");
    return;
  }
  for (const auto& [key, v] : value.as_object()) {
    const std::string field = "answers." + std::string(key);
    if (v.is_null()) continue;
    if (v.is_string()) {
      answers[std::string(key)] = std::string(v.as_string());
    } else if (v.is_number()) {
      answers[std::string(key)] = v.to_number<double>();
    } else {
      errors.Add(field, domain::kInvalid, "error.expected_number");
    }
  }
}

// POST .../responses: {registration_id, answers, sex?}; the participant's
// page sends {answers} only (`participant`).
domain::StatusOr<services::ResponseEntry> ReadEntry(Context& ctx,
                                                    bool participant) {
  ASSIGN_OR_RETURN(const auto body, ParseObject(ctx.request));
  services::ResponseEntry entry;
  domain::Errors errors;
  bool has_answers = false;
  for (const auto& [key, value] : body) {
    if (key == "answers") {
      has_answers = true;
      ReadAnswers(value, entry.answers, errors);
    } else if (!participant && key == "registration_id") {
      FromJson(value, entry.registration_id, "registration_id", errors);
    } else if (!participant && key == "sex") {
      FromJson(value, entry.sex, "sex", errors);
    } else {
      errors.Add(std::string(key), domain::kNotAllowed,
                 "error.not_a_field_of_request");
    }
  }
  if (!has_answers) errors.Add("answers", domain::kRequired);
  RETURN_IF_ERROR(errors.ToStatus());
  return entry;
}

json::value AnswersJson(const domain::Answers& answers) {
  json::object o;
  for (const auto& [key, value] : answers) {
    if (const auto* n = std::get_if<double>(&value)) {
      o[key] = *n;
    } else {
      o[key] = std::get<std::string>(value);
    }
  }
  return o;
}

json::object ResponseJson(const domain::Response& r) {
  return {{"registration_id", ToJson(r.registration_id)},
          {"sex", ToJson(r.sex)},
          {"answers", AnswersJson(r.answers)},
          {"source", ToJson(r.source)},
          {"submitted_at", Instant(r.submitted_at)}};
}

// ?workshop_id=ID or ?project_id=ID&from=&to=, mastery_threshold, format,
// lang.
struct EvaluationParams {
  services::EvaluationQuery query;
  Options o;
};
domain::StatusOr<EvaluationParams> ReadEvaluationQuery(Query& q) {
  EvaluationParams p;
  p.query.workshop_id = q.Id("workshop_id");
  p.query.project_id = q.Id("project_id");
  p.query.mastery_threshold =
      static_cast<int>(q.Integer("mastery_threshold", 1, 100)
                           .value_or(domain::kDefaultMasteryThreshold));
  const bool by_project = !p.query.workshop_id;
  if (by_project) q.Required(p.query.project_id, "project_id");
  ASSIGN_OR_RETURN(
      p.o, ReadOptions(
               q, {.period = by_project, .threshold = false, .format = true}));
  p.query.options = p.o.options;
  return p;
}

}  // namespace

json::array ParticipantQuestionnairesJson(
    const std::vector<services::OwnQuestionnaire>& own) {
  json::array out;
  for (const auto& o : own) {
    const auto& q = o.questionnaire;
    json::array items;
    for (const auto& i : q.items) {
      json::object item = Encode(i);
      item.erase("correct_option");  // the answer of a test
      items.push_back(std::move(item));
    }
    out.push_back({{"evaluation_id", o.evaluation.id},
                   {"stage", domain::ToText(o.evaluation.stage)},
                   {"kind", ToJson(q.kind)},
                   {"title", q.title},
                   {"native_title", ToJson(q.native_title)},
                   {"anonymous", q.anonymous},
                   {"opens_at", Instant(o.evaluation.opens_at)},
                   {"closes_at", Instant(o.evaluation.closes_at)},
                   {"open", o.open},
                   {"answered", o.answered},
                   {"items", std::move(items)}});
  }
  return out;
}

void AddEvaluationRoutes(Router& router, const ApiOptions& options) {
  using P = domain::Permission;
  AddRecordRoutes(
      router, RecordRoutes{.list = "/api/v1/projects/{id}/questionnaires",
                           .item = "/api/v1/questionnaires/{id}",
                           .list_query = PageOnly<storage::QuestionnaireFilter>,
                           .parent = ListedUnder<domain::Project>(
                               &storage::QuestionnaireFilter::project_id),
                           .create = services::CreateQuestionnaire,
                           .update = services::UpdateQuestionnaire,
                           .remove = services::DeleteQuestionnaire});

  const std::string evaluations = "/api/v1/workshops/{id}/evaluations";
  router.Add(kGet, evaluations, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto lines,
                                services::WorkshopEvaluations(ctx.db, id));
               return JsonResponse(200, LinesJson(lines));
             });
  router.Add(kPut, evaluations, P::kWriteRecords,
             [options](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(auto read, ReadEvaluations(ctx, options));
               ASSIGN_OR_RETURN(const auto lines, Write(ctx, [&](auto& tx) {
                                  return services::ReplaceEvaluations(
                                      tx, *ctx.user, id, read.first,
                                      read.second);
                                }));
               return JsonResponse(200, LinesJson(lines));
             });

  const std::string responses = evaluations + "/{evaluation_id}/responses";
  router.Add(kGet, responses, P::kReadEvidence,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto eid, ctx.Id("evaluation_id"));
               ASSIGN_OR_RETURN(const auto found,
                                services::ResponsesOf(ctx.db, id, eid));
               json::array list;
               for (const auto& r : found.responses)
                 list.push_back(ResponseJson(r));
               json::array who;
               for (auto r : found.respondents) who.push_back(r);
               return JsonResponse(
                   200, json::object{
                            {"evaluation",
                             EvaluationLineJson({found.evaluation,
                                                 std::ssize(found.responses)})},
                            {"questionnaire", Encode(found.questionnaire)},
                            {"respondents", std::move(who)},
                            {"responses", std::move(list)}});
             });
  router.Add(kPost, responses, P::kWriteRecords,
             [options](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto eid, ctx.Id("evaluation_id"));
               ASSIGN_OR_RETURN(const auto entry, ReadEntry(ctx, false));
               ASSIGN_OR_RETURN(const auto done, Write(ctx, [&](auto& tx) {
                                  return services::SubmitResponse(
                                      tx, ctx.user, id, eid, entry,
                                      domain::ResponseSource::kCoordinator,
                                      Now(options));
                                }));
               return JsonResponse(done.replaced ? 200 : 201,
                                   ResponseJson(done.response));
             });
  router
      .Add(kPost, responses + "/import", P::kWriteRecords,
           ReadImportOptions<false>,
           [options](Context& ctx, const services::ImportOptions& o)
               -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto eid, ctx.Id("evaluation_id"));
             return RunImport(
                 ctx, o,
                 {.check =
                      [eid](storage::Database& db, std::int64_t id,
                            const formats::Rows& rows) {
                        return services::CheckResponses(db, id, eid, rows);
                      },
                  .write =
                      [&](storage::WriteTx& tx, std::int64_t id,
                          const formats::Rows& rows,
                          const services::ImportOptions& io) {
                        return services::ImportResponses(
                            tx, *ctx.user, id, eid, rows, io, Now(options));
                      }});
           })
      .DryRunReads();

  router.Add(
      kGet, evaluations + "/{evaluation_id}/form", P::kReadRecords,
      [](Query& q) -> domain::StatusOr<bool> {
        static constexpr std::array<std::string_view, 1> kFormats = {"html"};
        static_cast<void>(q.OneOf("format", kFormats));
        RETURN_IF_ERROR(q.Check());
        return true;
      },
      [](Context& ctx, bool) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto eid, ctx.Id("evaluation_id"));
        ASSIGN_OR_RETURN(const auto workshop,
                         services::Load<domain::Workshop>(ctx.db, id));
        ASSIGN_OR_RETURN(const auto found,
                         services::LoadEvaluation(ctx.db, id, eid));
        return Response{
            200,
            "text/html; charset=utf-8",
            reports::RenderEvaluationForm(workshop, found.first, found.second),
            {}};
      });

  router.Add(
      kPost, "/api/v1/participant/{token}/evaluations/{evaluation_id}",
      P::kPublic, [options](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto eid, ctx.Id("evaluation_id"));
        ASSIGN_OR_RETURN(auto entry, ReadEntry(ctx, true));
        ASSIGN_OR_RETURN(
            const auto done,
            Write(ctx, [&](auto& tx) -> domain::StatusOr<services::Submitted> {
              ASSIGN_OR_RETURN(
                  const auto link,
                  storage::LinkByToken(tx.db(), ctx.params.at("token")));
              if (!link) return domain::Status::NotFound("error.no_such_link");
              entry.registration_id = link->registration_id;
              return services::SubmitResponse(
                  tx, nullptr, link->workshop_id, eid, entry,
                  domain::ResponseSource::kParticipant, Now(options));
            }));
        Response r = JsonResponse(done.replaced ? 200 : 201,
                                  json::object{{"answered", true}});
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
      });

  router
      .Add(kGet, "/api/v1/reports/evaluation", P::kReadRecords,
           ReadEvaluationQuery,
           [](Context& ctx,
              const EvaluationParams& p) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(auto report,
                              services::EvaluationReportFor(ctx.db, p.query));
             const auto shared =
                 std::make_shared<domain::EvaluationReport>(std::move(report));
             const std::string name =
                 p.query.workshop_id ? "evaluation-workshop-" +
                                           std::to_string(*p.query.workshop_id)
                                     : "evaluation-project-" +
                                           std::to_string(shared->project_id);
             return Render(
                 p.o.format, name,
                 {.json = [shared] { return reports::EvaluationJson(*shared); },
                  .document =
                      [shared](domain::Language l) {
                        return reports::EvaluationDocument(*shared, l);
                      }},
                 p.o.language.value_or(ctx.language));
           })
      .LongRunning();
}

}  // namespace capdev::api
