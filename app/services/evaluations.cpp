#include "app/services/evaluations.hpp"

#include <algorithm>
#include <map>

#include "app/services/audit.hpp"
#include "app/services/credentials.hpp"
#include "domain/registration.hpp"
#include "domain/workshop.hpp"
#include "storage/evaluations.hpp"
#include "storage/transaction.hpp"

namespace capdev::services {

namespace {

// What answers depend on: everything but titles and texts.
bool SameShape(const domain::Questionnaire& a, const domain::Questionnaire& b) {
  if (a.kind != b.kind || a.anonymous != b.anonymous ||
      a.items.size() != b.items.size())
    return false;
  for (std::size_t k = 0; k < a.items.size(); ++k) {
    const auto& x = a.items[k];
    const auto& y = b.items[k];
    if (x.key != y.key || x.type != y.type ||
        x.options.size() != y.options.size() ||
        x.correct_option != y.correct_option || x.max_score != y.max_score)
      return false;
  }
  return true;
}

// The audit trail's copy of a workshop's evaluations (instants in unix
// seconds, as stored).
json::value EvaluationsAudit(const std::vector<EvaluationLine>& lines) {
  json::array out;
  for (const auto& l : lines) {
    const auto& e = l.evaluation;
    out.push_back({{"id", e.id},
                   {"questionnaire_id", e.questionnaire_id},
                   {"stage", domain::ToText(e.stage)},
                   {"opens_at", codec::ToJson(e.opens_at)},
                   {"closes_at", codec::ToJson(e.closes_at)}});
  }
  return out;
}

// The registration answering: one of the workshop's participants.
domain::Status CheckRespondent(storage::Database& db, std::int64_t workshop_id,
                               std::int64_t registration_id) {
  ASSIGN_OR_RETURN(const auto r,
                   storage::Get<domain::Registration>(db, registration_id));
  if (!r || r->workshop_id != workshop_id ||
      r->role != domain::RegistrationRole::kParticipant ||
      r->status == domain::RegistrationStatus::kCancelled) {
    return domain::Status::Invalid(
        {{"registration_id", domain::kInvalid,
          domain::Message("error.not_a_participant",
                          {{"id", std::to_string(registration_id)}})}});
  }
  return domain::Status::Ok();
}

}  // namespace

domain::StatusOr<domain::Questionnaire> CreateQuestionnaire(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t project_id,
    const domain::Draft<domain::Questionnaire>& draft) {
  RETURN_IF_ERROR(Load<domain::Project>(tx.db(), project_id));
  auto q = draft.ApplyTo({});
  q.project_id = project_id;
  RETURN_IF_ERROR(domain::Combine(draft.errors, domain::Validate(q)));
  return SaveNew(tx, &by, q);
}

domain::StatusOr<domain::Questionnaire> UpdateQuestionnaire(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Questionnaire>& draft) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Questionnaire>(tx.db(), id));
  const auto after = draft.ApplyTo(before);
  RETURN_IF_ERROR(domain::Combine(draft.errors, domain::Validate(after)));
  if (!SameShape(before, after)) {
    ASSIGN_OR_RETURN(const auto use, storage::UseOf(tx.db(), id));
    if (use.answered)
      return domain::Status::FailedPrecondition(domain::Message(
          "error.questionnaire_answered", {{"id", std::to_string(id)}}));
  }
  return SaveChanged(tx, &by, before, after);
}

domain::Status DeleteQuestionnaire(storage::WriteTx& tx,
                                   const domain::Principal& by,
                                   std::int64_t id) {
  ASSIGN_OR_RETURN(const auto q, Load<domain::Questionnaire>(tx.db(), id));
  ASSIGN_OR_RETURN(const auto use, storage::UseOf(tx.db(), id));
  if (use.used)
    return domain::Status::FailedPrecondition(domain::Message(
        "error.questionnaire_in_use", {{"id", std::to_string(id)}}));
  return Remove(tx, &by, q);
}

domain::StatusOr<std::vector<EvaluationLine>> WorkshopEvaluations(
    storage::Database& db, std::int64_t workshop_id) {
  RETURN_IF_ERROR(Load<domain::Workshop>(db, workshop_id));
  ASSIGN_OR_RETURN(const auto evaluations,
                   storage::Evaluations(db, workshop_id));
  std::vector<EvaluationLine> out;
  for (const auto& e : evaluations) {
    ASSIGN_OR_RETURN(const auto n, storage::ResponseCount(db, e.id));
    out.push_back({e, n});
  }
  return out;
}

domain::StatusOr<std::vector<EvaluationLine>> ReplaceEvaluations(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::vector<domain::Evaluation> evaluations,
    const domain::Errors& decoding) {
  ASSIGN_OR_RETURN(const auto workshop,
                   Load<domain::Workshop>(tx.db(), workshop_id));
  std::map<std::int64_t, domain::Questionnaire> named;
  for (const auto& e : evaluations) {
    if (named.count(e.questionnaire_id)) continue;
    ASSIGN_OR_RETURN(const auto q, storage::Get<domain::Questionnaire>(
                                       tx.db(), e.questionnaire_id));
    if (q) named.emplace(e.questionnaire_id, *q);
  }
  RETURN_IF_ERROR(domain::Combine(
      decoding,
      domain::ValidateEvaluations(evaluations, named, workshop.project_id)));
  ASSIGN_OR_RETURN(const auto before,
                   WorkshopEvaluations(tx.db(), workshop_id));
  for (const auto& old : before) {
    const auto stays = std::find_if(
        evaluations.begin(), evaluations.end(),
        [&](const auto& e) { return e.stage == old.evaluation.stage; });
    const bool kept =
        stays != evaluations.end() &&
        stays->questionnaire_id == old.evaluation.questionnaire_id;
    if (!kept && old.responses > 0)
      return domain::Status::FailedPrecondition(
          domain::Message("error.evaluation_answered",
                          {{"id", std::to_string(old.evaluation.id)}}));
    if (stays == evaluations.end()) {
      RETURN_IF_ERROR(storage::DeleteEvaluation(tx, old.evaluation.id));
    } else {
      stays->id = old.evaluation.id;
    }
  }
  for (auto& e : evaluations) {
    e.workshop_id = workshop_id;
    if (e.id) {
      RETURN_IF_ERROR(storage::UpdateEvaluation(tx, e));
    } else {
      ASSIGN_OR_RETURN(e.id, storage::InsertEvaluation(tx, e));
    }
  }
  ASSIGN_OR_RETURN(auto after, WorkshopEvaluations(tx.db(), workshop_id));
  RETURN_IF_ERROR(Audit(tx, &by, "replace", "evaluations", workshop_id,
                        EvaluationsAudit(before), EvaluationsAudit(after)));
  return after;
}

domain::StatusOr<std::pair<domain::Evaluation, domain::Questionnaire>>
LoadEvaluation(storage::Database& db, std::int64_t workshop_id,
               std::int64_t evaluation_id) {
  ASSIGN_OR_RETURN(const auto e, storage::EvaluationById(db, evaluation_id));
  if (!e || e->workshop_id != workshop_id) {
    return domain::Status::NotFound(domain::Message(
        "error.no_such_evaluation", {{"id", std::to_string(evaluation_id)}}));
  }
  ASSIGN_OR_RETURN(auto q,
                   Load<domain::Questionnaire>(db, e->questionnaire_id));
  return std::pair{*e, std::move(q)};
}

domain::StatusOr<Submitted> SubmitResponse(
    storage::WriteTx& tx, const domain::Principal* by, std::int64_t workshop_id,
    std::int64_t evaluation_id, const ResponseEntry& entry,
    domain::ResponseSource source, std::int64_t now) {
  ASSIGN_OR_RETURN(const auto found,
                   LoadEvaluation(tx.db(), workshop_id, evaluation_id));
  const auto& [evaluation, q] = found;
  if (!by && !domain::IsOpen(evaluation, now))
    return domain::Status::FailedPrecondition(domain::Message(
        "error.evaluation_not_open", {{"id", std::to_string(evaluation_id)}}));
  domain::Errors e;
  if (!q.anonymous)
    e.Required("registration_id", entry.registration_id.value_or(0));
  if (entry.sex && (!q.anonymous || entry.registration_id))
    e.Add("sex", domain::kNotAllowed, "error.sex_only_unnamed_anonymous");
  RETURN_IF_ERROR(e.ToStatus());
  if (entry.registration_id)
    RETURN_IF_ERROR(
        CheckRespondent(tx.db(), workshop_id, *entry.registration_id));
  RETURN_IF_ERROR(domain::ValidateAnswers(q, entry.answers));
  const bool closed = evaluation.closes_at && now >= *evaluation.closes_at;

  Submitted out;
  out.response.answers = entry.answers;
  out.response.source = source;
  if (q.anonymous) {
    out.response.sex = entry.sex;
    if (entry.registration_id) {
      ASSIGN_OR_RETURN(out.response.sex,
                       storage::SexOf(tx.db(), *entry.registration_id));
    }
    RETURN_IF_ERROR(storage::SaveAnonymousResponse(
        tx, evaluation_id, entry.registration_id, out.response.sex,
        entry.answers, RandomKey()));
    // Who answered, never what: the trail must not join them either.
    json::object who{{"evaluation_id", evaluation_id},
                     {"source", domain::ToText(source)}};
    if (entry.registration_id) who["registration_id"] = *entry.registration_id;
    RETURN_IF_ERROR(Audit(tx, by, "answer", "anonymous_response", evaluation_id,
                          nullptr, who));
    return out;
  }
  const auto registration_id = entry.registration_id.value_or(0);  // required
  if (closed) {
    ASSIGN_OR_RETURN(const auto before,
                     storage::Respondents(tx.db(), evaluation_id, false));
    if (std::binary_search(before.begin(), before.end(), registration_id))
      return domain::Status::FailedPrecondition(domain::Message(
          "error.evaluation_closed", {{"id", std::to_string(evaluation_id)}}));
  }
  ASSIGN_OR_RETURN(out.replaced,
                   storage::SaveResponse(tx, evaluation_id, registration_id,
                                         entry.answers, source, now));
  out.response.registration_id = registration_id;
  out.response.submitted_at = now;
  ASSIGN_OR_RETURN(out.response.sex, storage::SexOf(tx.db(), registration_id));
  RETURN_IF_ERROR(Audit(tx, by, out.replaced ? "replace" : "answer", "response",
                        evaluation_id, nullptr,
                        json::object{{"registration_id", registration_id},
                                     {"source", domain::ToText(source)}}));
  return out;
}

domain::StatusOr<EvaluationResponses> ResponsesOf(storage::Database& db,
                                                  std::int64_t workshop_id,
                                                  std::int64_t evaluation_id) {
  ASSIGN_OR_RETURN(const auto snapshot, storage::ReadTransaction::Begin(db));
  ASSIGN_OR_RETURN(auto found, LoadEvaluation(db, workshop_id, evaluation_id));
  EvaluationResponses out{.evaluation = found.first,
                          .questionnaire = std::move(found.second)};
  const bool anonymous = out.questionnaire.anonymous;
  ASSIGN_OR_RETURN(out.respondents,
                   storage::Respondents(db, evaluation_id, anonymous));
  ASSIGN_OR_RETURN(out.responses,
                   storage::Responses(db, evaluation_id, anonymous));
  return out;
}

domain::StatusOr<std::vector<OwnQuestionnaire>> OwnQuestionnaires(
    storage::Database& db, std::int64_t workshop_id,
    std::int64_t registration_id, std::int64_t now) {
  ASSIGN_OR_RETURN(const auto evaluations,
                   storage::Evaluations(db, workshop_id));
  std::vector<OwnQuestionnaire> out;
  for (const auto& e : evaluations) {
    ASSIGN_OR_RETURN(auto q,
                     Load<domain::Questionnaire>(db, e.questionnaire_id));
    ASSIGN_OR_RETURN(const auto who,
                     storage::Respondents(db, e.id, q.anonymous));
    out.push_back(
        {e, std::move(q), domain::IsOpen(e, now),
         std::binary_search(who.begin(), who.end(), registration_id)});
  }
  return out;
}

domain::StatusOr<domain::EvaluationReport> EvaluationReportFor(
    storage::Database& db, const EvaluationQuery& query) {
  ASSIGN_OR_RETURN(const auto snapshot, storage::ReadTransaction::Begin(db));
  domain::EvaluationReport r;
  r.mastery_threshold = query.mastery_threshold;
  std::vector<std::int64_t> ids;
  if (query.workshop_id) {
    ASSIGN_OR_RETURN(const auto w,
                     Load<domain::Workshop>(db, *query.workshop_id));
    r.workshop_id = w.id;
    r.project_id = w.project_id;
    ids.push_back(w.id);
  } else {
    ASSIGN_OR_RETURN(const auto p,
                     Load<domain::Project>(db, query.project_id.value_or(0)));
    r.project_id = p.id;
    r.from = query.options.from;
    r.to = query.options.to;
    ASSIGN_OR_RETURN(ids,
                     storage::HeldWorkshopIds(db, p.id, {}, query.options));
  }
  ASSIGN_OR_RETURN(r.data, storage::EvaluationDataFor(db, ids));
  r.figures = domain::ComputeEvaluationFigures(r.data, r.mastery_threshold);
  return r;
}

}  // namespace capdev::services
