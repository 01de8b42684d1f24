#include "storage/submissions.hpp"

#include "domain/project.hpp"
#include "storage/engine_errors.hpp"
#include "storage/row_mapping.hpp"
#include "storage/sql_terms.hpp"

namespace capdev::storage {

namespace {

constexpr const char* kColumns = R"sql(
SELECT id, report, params, note, organization_id, project_id, submitted_at,
       submitted_by, sha256)sql";

// Funder reports of the organization or one below it, results reports of
// the projects they fund: what the organization's funder report covers.
const std::string& Concerns() {
  static const std::string sql =
      std::string("(organization_id IN (") + kOrganizationAndBelow +
      ") OR project_id IN (SELECT project_id FROM project_organizations "
      "WHERE role IN (" +
      SqlTexts<domain::ProjectRole>(domain::IsFunderRole) +
      ") AND organization_id IN (" + kOrganizationAndBelow + ")))";
  return sql;
}

// Binds what Concerns() names.
void BindConcerns(Statement& q, std::int64_t organization_id) {
  q.BindNamed(":org", organization_id);
  q.BindNamed(":children", 1);
}

Submission ReadSubmission(Statement& q) {
  Submission s;
  Read(q, 0, s.id);
  Read(q, 1, s.report);
  Read(q, 2, s.params);
  Read(q, 3, s.note);
  Read(q, 4, s.organization_id);
  Read(q, 5, s.project_id);
  Read(q, 6, s.submitted_at);
  Read(q, 7, s.submitted_by);
  Read(q, 8, s.sha256);
  return s;
}

}  // namespace

domain::StatusOr<std::int64_t> AddSubmission(WriteTx& tx, const Submission& s) {
  return Guarded([&] {
    ScopedStatement q(tx.db(), R"sql(
  INSERT INTO report_submissions (report, params, note, organization_id,
    project_id, submitted_at, submitted_by, sha256, body)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    Bind(*q, 1, s.report);
    Bind(*q, 2, s.params);
    Bind(*q, 3, s.note);
    Bind(*q, 4, s.organization_id);
    Bind(*q, 5, s.project_id);
    Bind(*q, 6, s.submitted_at);
    Bind(*q, 7, s.submitted_by);
    Bind(*q, 8, s.sha256);
    q->Bind(9, s.body);
    q->Exec();
    return tx.db().connection().LastInsertId();
  });
}

domain::StatusOr<std::optional<Submission>> GetSubmission(Database& db,
                                                          std::int64_t id) {
  return Guarded([&]() -> std::optional<Submission> {
    ScopedStatement q(db, std::string(kColumns) +
                              ", body FROM report_submissions WHERE id = ?");
    q->Bind(1, id);
    if (!q->Step()) return std::nullopt;
    Submission s = ReadSubmission(*q);
    s.body = q->Text(9);
    return s;
  });
}

domain::StatusOr<std::vector<Submission>> ListSubmissions(
    Database& db, std::optional<std::int64_t> organization_id) {
  return Guarded([&] {
    std::string sql = std::string(kColumns) + " FROM report_submissions";
    if (organization_id) sql += " WHERE " + Concerns();
    ScopedStatement q(db, sql + " ORDER BY id DESC");
    if (organization_id) BindConcerns(*q, *organization_id);
    std::vector<Submission> out;
    while (q->Step()) out.push_back(ReadSubmission(*q));
    return out;
  });
}

domain::StatusOr<bool> SubmissionConcerns(Database& db, const Submission& s,
                                          std::int64_t organization_id) {
  return Guarded([&] {
    ScopedStatement q(
        db,
        "SELECT 1 FROM report_submissions WHERE id = :id AND " + Concerns());
    q->BindNamed(":id", s.id);
    BindConcerns(*q, organization_id);
    return q->Step();
  });
}

domain::StatusOr<std::int64_t> SubmissionsFor(Database& db,
                                              std::int64_t organization_id) {
  return Guarded([&] {
    ScopedStatement q(
        db,
        "SELECT COUNT(*) FROM report_submissions WHERE organization_id = ?");
    q->Bind(1, organization_id);
    q->Step();
    return q->Int64(0);
  });
}

}  // namespace capdev::storage
