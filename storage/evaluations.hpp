#pragma once
// Evaluation's storage (schema_evaluation.hpp): a workshop's evaluations,
// named and anonymous answers, and what the figures read. Questionnaires
// are records (storage/records.hpp).

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "domain/evaluation_figures.hpp"
#include "domain/reports.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

// A workshop's evaluations, by stage.
domain::StatusOr<std::vector<domain::Evaluation>> Evaluations(
    Database& db, std::int64_t workshop_id);
domain::StatusOr<std::optional<domain::Evaluation>> EvaluationById(
    Database& db, std::int64_t id);
domain::StatusOr<std::int64_t> InsertEvaluation(WriteTx& tx,
                                                const domain::Evaluation& e);
domain::Status UpdateEvaluation(WriteTx& tx, const domain::Evaluation& e);
// Its answers go with it.
domain::Status DeleteEvaluation(WriteTx& tx, std::int64_t id);
// Whether any workshop uses the questionnaire, and whether any has answers
// to it.
struct QuestionnaireUse {
  bool used = false;
  bool answered = false;
};
domain::StatusOr<QuestionnaireUse> UseOf(Database& db,
                                         std::int64_t questionnaire_id);

// How many answers an evaluation holds (named or anonymous).
domain::StatusOr<std::int64_t> ResponseCount(Database& db,
                                             std::int64_t evaluation_id);

// A named answer, replacing the registration's earlier one: true when it
// did.
domain::StatusOr<bool> SaveResponse(WriteTx& tx, std::int64_t evaluation_id,
                                    std::int64_t registration_id,
                                    const domain::Answers& answers,
                                    domain::ResponseSource source,
                                    std::int64_t at);
// An anonymous answer under a random key, the registration (if one is
// named) recorded apart as having answered: AlreadyExists (409) when it
// had. The evaluation's rows of both are then rewritten in key order.
domain::Status SaveAnonymousResponse(
    WriteTx& tx, std::int64_t evaluation_id,
    std::optional<std::int64_t> registration_id,
    std::optional<domain::Gender> sex, const domain::Answers& answers,
    std::int64_t key);

// Erasure: the person's open (text) answers go; their scores and scales
// stay, for the figures.
domain::Status EraseOpenAnswers(WriteTx& tx, std::int64_t person_id);

// Named answers carry their registration, the person's sex, source and
// time; anonymous ones only the sex given with them.
domain::StatusOr<std::vector<domain::Response>> Responses(
    Database& db, std::int64_t evaluation_id, bool anonymous);
// The registrations that have answered, by id.
domain::StatusOr<std::vector<std::int64_t>> Respondents(
    Database& db, std::int64_t evaluation_id, bool anonymous);
// The sex of a registration's person (none when not recorded).
domain::StatusOr<std::optional<domain::Gender>> SexOf(
    Database& db, std::int64_t registration_id);

// What the figures read, for one workshop (whatever its status) or for the
// held workshops the scope's ids name (storage/figures.hpp's selection:
// `workshop_ids` empty selects nothing), within a read transaction.
domain::StatusOr<std::vector<domain::EvaluationData>> EvaluationDataFor(
    Database& db, const std::vector<std::int64_t>& workshop_ids);

// The held workshops of a project (or of the ids given) with exact dates
// in the period, as the other reports select them.
domain::StatusOr<std::vector<std::int64_t>> HeldWorkshopIds(
    Database& db, std::int64_t project_id,
    const domain::WorkshopSelection& filter,
    const domain::ReportOptions& options);

}  // namespace capdev::storage
