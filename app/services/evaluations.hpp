#pragma once
// Evaluation (API.md "Evaluation"): questionnaires per project, attached to
// a workshop by stage, answered on the participant's page, typed in from
// paper or imported, and the figures of the evaluation report.

#include <cstdint>
#include <optional>
#include <vector>

#include "app/formats/sheet.hpp"
#include "app/services/imports.hpp"
#include "app/services/records.hpp"
#include "domain/evaluation_figures.hpp"
#include "domain/reports.hpp"

namespace capdev::services {

domain::StatusOr<domain::Questionnaire> CreateQuestionnaire(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t project_id,
    const domain::Draft<domain::Questionnaire>& draft);
// Titles and texts may change at any time; what the answers depend on (the
// kind, anonymity, items' keys, types, options and scoring) only while no
// workshop has answers to it (409).
domain::StatusOr<domain::Questionnaire> UpdateQuestionnaire(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Questionnaire>& draft);
// 409 while a workshop uses it.
domain::Status DeleteQuestionnaire(storage::WriteTx& tx,
                                   const domain::Principal& by,
                                   std::int64_t id);

struct EvaluationLine {
  domain::Evaluation evaluation;
  std::int64_t responses = 0;
};
domain::StatusOr<std::vector<EvaluationLine>> WorkshopEvaluations(
    storage::Database& db, std::int64_t workshop_id);
// Replaces the workshop's evaluations as a set, matched by stage: one that
// stays keeps its id and answers. Dropping a stage with answers, or giving
// it another questionnaire, is a 409.
domain::StatusOr<std::vector<EvaluationLine>> ReplaceEvaluations(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::vector<domain::Evaluation> evaluations,
    const domain::Errors& decoding);

// An answer to an evaluation: a registration of its workshop (none for an
// anonymous paper form a coordinator types in, with the sex it gives).
struct ResponseEntry {
  std::optional<std::int64_t> registration_id;
  domain::Answers answers;
  std::optional<domain::Gender> sex;
};
struct Submitted {
  bool replaced = false;
  domain::Response response;
};
// `by` null: the participant (only while it is open). 404 for an
// evaluation of another workshop, 422 for a registration of another one or
// bad answers, 409 to replace after closes_at and to answer an anonymous
// questionnaire twice.
domain::StatusOr<Submitted> SubmitResponse(
    storage::WriteTx& tx, const domain::Principal* by, std::int64_t workshop_id,
    std::int64_t evaluation_id, const ResponseEntry& entry,
    domain::ResponseSource source, std::int64_t now);

struct EvaluationResponses {
  domain::Evaluation evaluation;
  domain::Questionnaire questionnaire;
  std::vector<std::int64_t> respondents;
  std::vector<domain::Response> responses;
};
domain::StatusOr<EvaluationResponses> ResponsesOf(storage::Database& db,
                                                  std::int64_t workshop_id,
                                                  std::int64_t evaluation_id);

// The evaluation and questionnaire a workshop's evaluation id names (404
// for another workshop's).
domain::StatusOr<std::pair<domain::Evaluation, domain::Questionnaire>>
LoadEvaluation(storage::Database& db, std::int64_t workshop_id,
               std::int64_t evaluation_id);

// Answers from a spreadsheet: a row per person (Person ID, e-mail or name,
// as the sign-in grid finds them), a column per item key; a choice may be
// its number or letter (A = 1). What each row would do, written nowhere.
domain::StatusOr<ImportReport> CheckResponses(storage::Database& db,
                                              std::int64_t workshop_id,
                                              std::int64_t evaluation_id,
                                              const formats::Rows& sheet);
// The same, saving each row's answers (SubmitResponse's rules) unless a row
// fails and skip_invalid is off.
domain::StatusOr<ImportReport> ImportResponses(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t evaluation_id, const formats::Rows& sheet,
    const ImportOptions& options, std::int64_t now);

// The participant's page: the workshop's questionnaires with whether each
// is open now and whether the person has answered.
struct OwnQuestionnaire {
  domain::Evaluation evaluation;
  domain::Questionnaire questionnaire;
  bool open = false;
  bool answered = false;
};
domain::StatusOr<std::vector<OwnQuestionnaire>> OwnQuestionnaires(
    storage::Database& db, std::int64_t workshop_id,
    std::int64_t registration_id, std::int64_t now);

// The evaluation report of one workshop, or of a project's held workshops
// with exact dates in a period.
struct EvaluationQuery {
  std::optional<std::int64_t> workshop_id;
  std::optional<std::int64_t> project_id;
  domain::ReportOptions options;  // the period, for a project
  int mastery_threshold = domain::kDefaultMasteryThreshold;
};
domain::StatusOr<domain::EvaluationReport> EvaluationReportFor(
    storage::Database& db, const EvaluationQuery& query);

}  // namespace capdev::services
