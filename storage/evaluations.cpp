#include "storage/evaluations.hpp"

#include <map>

#include "storage/engine_errors.hpp"
#include "storage/figures.hpp"
#include "storage/records.hpp"
#include "storage/row_mapping.hpp"

namespace capdev::storage {

namespace {

// Answers as text: entries joined by kListSeparator, each its key, then
// kFieldSeparator, then "n" and a number or "t" and a text (texts never hold
// these control characters: domain/ refuses them).
std::string EncodeAnswers(const domain::Answers& answers) {
  std::string out;
  for (const auto& [key, value] : answers) {
    if (!out.empty()) out += kListSeparator;
    out += key;
    out += kFieldSeparator;
    if (const auto* n = std::get_if<double>(&value)) {
      out += 'n' + ToCell(*n);
    } else {
      out += 't' + std::get<std::string>(value);
    }
  }
  return out;
}

domain::Answers DecodeAnswers(const std::string& text) {
  domain::Answers out;
  for (const auto& entry : SplitCell(text, kListSeparator)) {
    const auto at = entry.find(kFieldSeparator);
    if (at == std::string::npos || at + 1 >= entry.size()) continue;
    const std::string key = entry.substr(0, at);
    const std::string value = entry.substr(at + 2);
    if (entry[at + 1] == 'n') {
      out[key] = std::stod(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

constexpr const char* kEvaluationColumns =
    "SELECT id, workshop_id, questionnaire_id, stage, opens_at, closes_at "
    "FROM evaluations ";

domain::Evaluation ReadEvaluation(Statement& q) {
  domain::Evaluation e;
  Read(q, 0, e.id);
  Read(q, 1, e.workshop_id);
  Read(q, 2, e.questionnaire_id);
  Read(q, 3, e.stage);
  Read(q, 4, e.opens_at);
  Read(q, 5, e.closes_at);
  return e;
}

std::int64_t Invited(Database& db, std::int64_t workshop_id) {
  ScopedStatement q(db,
                    "SELECT COUNT(*) FROM registrations WHERE workshop_id = ? "
                    "AND role = 'participant' AND status <> 'cancelled'");
  q->Bind(1, workshop_id);
  q->Step();
  return q->Int64(0);
}

// Rewrites an evaluation's anonymous rows in key order (schema_evaluation.hpp
// says why).
void RewriteAnonymous(Database& db, std::int64_t evaluation_id) {
  struct Row {
    std::int64_t id = 0;
    std::optional<std::string> sex;
    std::string answers;
  };
  std::vector<Row> rows;
  {
    ScopedStatement q(db,
                      "SELECT id, sex, answers FROM anonymous_responses "
                      "WHERE evaluation_id = ? ORDER BY id");
    q->Bind(1, evaluation_id);
    while (q->Step()) {
      auto& r = rows.emplace_back();
      Read(*q, 0, r.id);
      Read(*q, 1, r.sex);
      Read(*q, 2, r.answers);
    }
  }
  std::vector<std::int64_t> respondents;
  {
    ScopedStatement q(db,
                      "SELECT registration_id FROM anonymous_respondents "
                      "WHERE evaluation_id = ? ORDER BY registration_id");
    q->Bind(1, evaluation_id);
    while (q->Step()) respondents.push_back(q->Int64(0));
  }
  for (const char* table : {"anonymous_responses", "anonymous_respondents"}) {
    ScopedStatement clear(
        db, std::string("DELETE FROM ") + table + " WHERE evaluation_id = ?");
    clear->Bind(1, evaluation_id);
    clear->Exec();
  }
  ScopedStatement put(db,
                      "INSERT INTO anonymous_responses VALUES (?, ?, ?, ?)");
  for (const auto& r : rows) {
    put->Reset();
    BindAll(*put, evaluation_id, r.id, r.sex, r.answers);
    put->Exec();
  }
  ScopedStatement mark(db, "INSERT INTO anonymous_respondents VALUES (?, ?)");
  for (auto id : respondents) {
    mark->Reset();
    BindAll(*mark, evaluation_id, id);
    mark->Exec();
  }
}

}  // namespace

domain::StatusOr<std::vector<domain::Evaluation>> Evaluations(
    Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    ScopedStatement q(db, std::string(kEvaluationColumns) +
                              "WHERE workshop_id = ? ORDER BY CASE stage "
                              "WHEN 'pre' THEN 0 WHEN 'post' THEN 1 WHEN "
                              "'reaction' THEN 2 ELSE 3 END");
    q->Bind(1, workshop_id);
    std::vector<domain::Evaluation> out;
    while (q->Step()) out.push_back(ReadEvaluation(*q));
    return out;
  });
}

domain::StatusOr<std::optional<domain::Evaluation>> EvaluationById(
    Database& db, std::int64_t id) {
  return Guarded([&]() -> std::optional<domain::Evaluation> {
    ScopedStatement q(db, std::string(kEvaluationColumns) + "WHERE id = ?");
    q->Bind(1, id);
    if (!q->Step()) return std::nullopt;
    return ReadEvaluation(*q);
  });
}

domain::StatusOr<std::int64_t> InsertEvaluation(WriteTx& tx,
                                                const domain::Evaluation& e) {
  return Guarded([&] {
    ScopedStatement q(tx.db(),
                      "INSERT INTO evaluations (workshop_id, questionnaire_id, "
                      "stage, opens_at, closes_at) VALUES (?, ?, ?, ?, ?) "
                      "RETURNING id");
    BindAll(*q, e.workshop_id, e.questionnaire_id, e.stage, e.opens_at,
            e.closes_at);
    q->Step();
    return q->Int64(0);
  });
}

domain::Status UpdateEvaluation(WriteTx& tx, const domain::Evaluation& e) {
  return Guarded([&] {
    ScopedStatement q(tx.db(),
                      "UPDATE evaluations SET questionnaire_id = ?, "
                      "opens_at = ?, closes_at = ? WHERE id = ?");
    BindAll(*q, e.questionnaire_id, e.opens_at, e.closes_at, e.id);
    q->Exec();
  });
}

domain::Status DeleteEvaluation(WriteTx& tx, std::int64_t id) {
  return Guarded([&] {
    ScopedStatement q(tx.db(), "DELETE FROM evaluations WHERE id = ?");
    q->Bind(1, id);
    q->Exec();
  });
}

domain::StatusOr<QuestionnaireUse> UseOf(Database& db,
                                         std::int64_t questionnaire_id) {
  return Guarded([&] {
    ScopedStatement q(
        db,
        "SELECT COUNT(*), COALESCE(SUM((SELECT COUNT(*) FROM responses r "
        "WHERE r.evaluation_id = e.id) + (SELECT COUNT(*) FROM "
        "anonymous_responses a WHERE a.evaluation_id = e.id)), 0) FROM "
        "evaluations e WHERE e.questionnaire_id = ?");
    q->Bind(1, questionnaire_id);
    q->Step();
    return QuestionnaireUse{q->Int64(0) > 0, q->Int64(1) > 0};
  });
}

domain::StatusOr<std::int64_t> ResponseCount(Database& db,
                                             std::int64_t evaluation_id) {
  return Guarded([&] {
    ScopedStatement q(
        db,
        "SELECT (SELECT COUNT(*) FROM responses WHERE evaluation_id = ?) + "
        "(SELECT COUNT(*) FROM anonymous_responses WHERE evaluation_id = ?)");
    BindAll(*q, evaluation_id, evaluation_id);
    q->Step();
    return q->Int64(0);
  });
}

domain::StatusOr<bool> SaveResponse(WriteTx& tx, std::int64_t evaluation_id,
                                    std::int64_t registration_id,
                                    const domain::Answers& answers,
                                    domain::ResponseSource source,
                                    std::int64_t at) {
  return Guarded([&] {
    ScopedStatement clear(tx.db(),
                          "DELETE FROM responses WHERE evaluation_id = ? AND "
                          "registration_id = ?");
    BindAll(*clear, evaluation_id, registration_id);
    const bool replaced = clear->Exec() > 0;
    ScopedStatement q(tx.db(), "INSERT INTO responses VALUES (?, ?, ?, ?, ?)");
    BindAll(*q, evaluation_id, registration_id, EncodeAnswers(answers), source,
            at);
    q->Exec();
    return replaced;
  });
}

domain::Status SaveAnonymousResponse(
    WriteTx& tx, std::int64_t evaluation_id,
    std::optional<std::int64_t> registration_id,
    std::optional<domain::Gender> sex, const domain::Answers& answers,
    std::int64_t key) {
  return Guarded([&]() -> domain::Status {
    if (registration_id) {
      ScopedStatement seen(tx.db(),
                           "SELECT 1 FROM anonymous_respondents WHERE "
                           "evaluation_id = ? AND registration_id = ?");
      BindAll(*seen, evaluation_id, *registration_id);
      if (seen->Step()) {
        return domain::Status::AlreadyExists(
            domain::Message("error.already_answered_anonymous"));
      }
      ScopedStatement mark(tx.db(),
                           "INSERT INTO anonymous_respondents VALUES (?, ?)");
      BindAll(*mark, evaluation_id, *registration_id);
      mark->Exec();
    }
    ScopedStatement put(tx.db(),
                        "INSERT INTO anonymous_responses VALUES (?, ?, ?, ?)");
    BindAll(*put, evaluation_id, key, sex, EncodeAnswers(answers));
    put->Exec();
    RewriteAnonymous(tx.db(), evaluation_id);
    return domain::Status::Ok();
  });
}

domain::Status EraseOpenAnswers(WriteTx& tx, std::int64_t person_id) {
  return Guarded([&] {
    struct Row {
      std::int64_t evaluation_id = 0, registration_id = 0;
      domain::Answers answers;
    };
    std::vector<Row> rows;
    {
      ScopedStatement q(tx.db(),
                        "SELECT evaluation_id, registration_id, answers FROM "
                        "responses WHERE registration_id IN (SELECT id FROM "
                        "registrations WHERE person_id = ?)");
      q->Bind(1, person_id);
      while (q->Step())
        rows.push_back({q->Int64(0), q->Int64(1), DecodeAnswers(q->Text(2))});
    }
    ScopedStatement put(tx.db(),
                        "UPDATE responses SET answers = ? WHERE "
                        "evaluation_id = ? AND registration_id = ?");
    for (auto& r : rows) {
      std::erase_if(r.answers, [](const auto& entry) {
        return std::holds_alternative<std::string>(entry.second);
      });
      put->Reset();
      BindAll(*put, EncodeAnswers(r.answers), r.evaluation_id,
              r.registration_id);
      put->Exec();
    }
  });
}

domain::StatusOr<std::vector<domain::Response>> Responses(
    Database& db, std::int64_t evaluation_id, bool anonymous) {
  return Guarded([&] {
    ScopedStatement q(
        db, anonymous
                ? "SELECT NULL, sex, answers, NULL, NULL FROM "
                  "anonymous_responses WHERE evaluation_id = ? ORDER BY id"
                : "SELECT r.registration_id, p.gender, r.answers, r.source, "
                  "r.submitted_at FROM responses r JOIN registrations g ON "
                  "g.id = r.registration_id JOIN people p ON p.id = "
                  "g.person_id WHERE r.evaluation_id = ? ORDER BY "
                  "r.registration_id");
    q->Bind(1, evaluation_id);
    std::vector<domain::Response> out;
    while (q->Step()) {
      auto& r = out.emplace_back();
      Read(*q, 0, r.registration_id);
      Read(*q, 1, r.sex);
      r.answers = DecodeAnswers(q->Text(2));
      Read(*q, 3, r.source);
      Read(*q, 4, r.submitted_at);
    }
    return out;
  });
}

domain::StatusOr<std::vector<std::int64_t>> Respondents(
    Database& db, std::int64_t evaluation_id, bool anonymous) {
  return Guarded([&] {
    ScopedStatement q(db,
                      std::string("SELECT registration_id FROM ") +
                          (anonymous ? "anonymous_respondents" : "responses") +
                          " WHERE evaluation_id = ? ORDER BY "
                          "registration_id");
    q->Bind(1, evaluation_id);
    std::vector<std::int64_t> out;
    while (q->Step()) out.push_back(q->Int64(0));
    return out;
  });
}

domain::StatusOr<std::optional<domain::Gender>> SexOf(
    Database& db, std::int64_t registration_id) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT p.gender FROM registrations g JOIN people p ON "
                      "p.id = g.person_id WHERE g.id = ?");
    q->Bind(1, registration_id);
    std::optional<domain::Gender> sex;
    if (q->Step()) Read(*q, 0, sex);
    return sex;
  });
}

domain::StatusOr<std::vector<domain::EvaluationData>> EvaluationDataFor(
    Database& db, const std::vector<std::int64_t>& workshop_ids) {
  std::vector<domain::EvaluationData> out;
  // A project's workshops share a few questionnaires: each read once.
  std::map<std::int64_t, std::optional<domain::Questionnaire>> questionnaires;
  for (auto workshop_id : workshop_ids) {
    ASSIGN_OR_RETURN(const auto evaluations, Evaluations(db, workshop_id));
    if (evaluations.empty()) continue;
    ASSIGN_OR_RETURN(const auto workshop,
                     Get<domain::Workshop>(db, workshop_id));
    ASSIGN_OR_RETURN(const auto invited,
                     Guarded([&] { return Invited(db, workshop_id); }));
    for (const auto& e : evaluations) {
      auto known = questionnaires.find(e.questionnaire_id);
      if (known == questionnaires.end()) {
        ASSIGN_OR_RETURN(auto read,
                         Get<domain::Questionnaire>(db, e.questionnaire_id));
        known =
            questionnaires.emplace(e.questionnaire_id, std::move(read)).first;
      }
      const auto& q = known->second;
      if (!q) continue;
      domain::EvaluationData d;
      d.evaluation = e;
      d.questionnaire = *q;
      d.workshop_title = workshop ? workshop->title : std::string();
      d.invited = invited;
      ASSIGN_OR_RETURN(d.responses, Responses(db, e.id, q->anonymous));
      out.push_back(std::move(d));
    }
  }
  return out;
}

domain::StatusOr<std::vector<std::int64_t>> HeldWorkshopIds(
    Database& db, std::int64_t project_id,
    const domain::WorkshopSelection& filter,
    const domain::ReportOptions& options) {
  return Guarded([&] {
    SelectHeldWorkshops(db,
                        Scope{.project_ids = std::vector{project_id},
                              .kinds = filter.kinds,
                              .topics = filter.topics,
                              .workshop_ids = filter.workshop_ids},
                        options);
    ScopedStatement q(db,
                      "SELECT rw.id FROM report_workshops rw JOIN workshops "
                      "w ON w.id = rw.id WHERE rw.section = 0 ORDER BY "
                      "w.start_date, rw.id");
    std::vector<std::int64_t> out;
    while (q->Step()) out.push_back(q->Int64(0));
    return out;
  });
}

}  // namespace capdev::storage
