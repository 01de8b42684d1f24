#include "storage/certificates.hpp"

#include "domain/attendance.hpp"
#include "storage/engine_errors.hpp"
#include "storage/row_mapping.hpp"
#include "storage/sql_terms.hpp"

namespace capdev::storage {

namespace {

constexpr const char* kLineColumns =
    "SELECT c.id, c.code, c.person_id, c.workshop_id, c.kind, c.issued_at, "
    "c.revoked_at, c.revoke_reason, p.full_name, p.native_name "
    "FROM certificates c JOIN people p ON p.id = c.person_id ";

CertificateLine ReadLine(Statement& q) {
  CertificateLine l;
  auto& c = l.certificate;
  Read(q, 0, c.id);
  Read(q, 1, c.code);
  Read(q, 2, c.person_id);
  Read(q, 3, c.workshop_id);
  Read(q, 4, c.kind);
  Read(q, 5, c.issued_at);
  Read(q, 6, c.revoked_at);
  Read(q, 7, c.revoke_reason);
  Read(q, 8, l.full_name);
  Read(q, 9, l.native_name);
  return l;
}

template <class Key>
std::vector<CertificateLine> Lines(Database& db, const std::string& where,
                                   const Key& key) {
  ScopedStatement q(db, kLineColumns + where);
  Bind(*q, 1, key);
  std::vector<CertificateLine> out;
  while (q->Step()) out.push_back(ReadLine(*q));
  return out;
}

}  // namespace

domain::StatusOr<std::vector<CertificateLine>> WorkshopCertificates(
    Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    return Lines(db, "WHERE c.workshop_id = ? ORDER BY c.id DESC", workshop_id);
  });
}

domain::StatusOr<std::vector<CertificateLine>> PersonCertificates(
    Database& db, std::int64_t person_id) {
  return Guarded([&] {
    return Lines(db, "WHERE c.person_id = ? ORDER BY c.id DESC", person_id);
  });
}

domain::StatusOr<std::optional<CertificateLine>> CertificateById(
    Database& db, std::int64_t id) {
  return Guarded([&]() -> std::optional<CertificateLine> {
    auto lines = Lines(db, "WHERE c.id = ?", id);
    if (lines.empty()) return std::nullopt;
    return std::move(lines.front());
  });
}

domain::StatusOr<std::optional<CertificateLine>> CertificateByCode(
    Database& db, const std::string& code) {
  return Guarded([&]() -> std::optional<CertificateLine> {
    auto lines = Lines(db, "WHERE c.code = ?", code);
    if (lines.empty()) return std::nullopt;
    return std::move(lines.front());
  });
}

domain::StatusOr<std::optional<std::int64_t>> InsertCertificate(
    WriteTx& tx, const domain::Certificate& c) {
  return Guarded([&]() -> std::optional<std::int64_t> {
    ScopedStatement q(tx.db(),
                      "INSERT INTO certificates (code, person_id, workshop_id, "
                      "kind, issued_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO "
                      "NOTHING RETURNING id");
    BindAll(*q, c.code, c.person_id, c.workshop_id, c.kind, c.issued_at);
    if (!q->Step()) return std::nullopt;
    return q->Int64(0);
  });
}

domain::StatusOr<std::optional<CertificateLine>> ValidCertificate(
    Database& db, std::int64_t person_id, std::int64_t workshop_id,
    domain::CertificateKind kind) {
  return Guarded([&]() -> std::optional<CertificateLine> {
    ScopedStatement q(db, std::string(kLineColumns) +
                              "WHERE c.person_id = ? AND c.workshop_id = ? AND "
                              "c.kind = ? AND c.revoked_at IS NULL");
    BindAll(*q, person_id, workshop_id, kind);
    if (!q->Step()) return std::nullopt;
    return ReadLine(*q);
  });
}

domain::Status RevokeCertificate(WriteTx& tx, std::int64_t id, std::int64_t at,
                                 const std::string& reason) {
  return Guarded([&] {
    ScopedStatement q(tx.db(),
                      "UPDATE certificates SET revoked_at = ?, "
                      "revoke_reason = ? WHERE id = ?");
    BindAll(*q, at, reason, id);
    q->Exec();
  });
}

domain::StatusOr<std::vector<RegistrationAttendance>> AttendanceByPerson(
    Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    static const std::string kSql =
        "SELECT r.person_id, r.role, r.status, (SELECT COUNT(*) FROM "
        "attendance a WHERE a.workshop_id = r.workshop_id AND a.person_id = "
        "r.person_id AND a.status IN (" +
        SqlTexts<domain::Mark>(domain::CountsAsAttended) +
        ")), p.full_name, p.native_name FROM registrations r JOIN people p "
        "ON p.id = r.person_id WHERE r.workshop_id = ? ORDER BY r.id";
    ScopedStatement q(db, kSql);
    q->Bind(1, workshop_id);
    std::vector<RegistrationAttendance> out;
    while (q->Step()) {
      auto& r = out.emplace_back();
      Read(*q, 0, r.person_id);
      Read(*q, 1, r.attendance.role);
      Read(*q, 2, r.attendance.status);
      Read(*q, 3, r.attendance.days);
      Read(*q, 4, r.full_name);
      Read(*q, 5, r.native_name);
    }
    return out;
  });
}

domain::StatusOr<std::int64_t> SessionCount(Database& db,
                                            std::int64_t workshop_id) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT COUNT(*) FROM sessions WHERE workshop_id = ?");
    q->Bind(1, workshop_id);
    q->Step();
    return q->Int64(0);
  });
}

domain::StatusOr<std::optional<domain::CertificateTemplate>> TemplateOf(
    Database& db, std::int64_t project_id) {
  return Guarded([&]() -> std::optional<domain::CertificateTemplate> {
    ScopedStatement q(db,
                      "SELECT title, native_title, wording, native_wording, "
                      "signatories, logo_image FROM certificate_templates "
                      "WHERE project_id = ?");
    q->Bind(1, project_id);
    if (!q->Step()) return std::nullopt;
    domain::CertificateTemplate t;
    t.project_id = project_id;
    Read(*q, 0, t.title);
    Read(*q, 1, t.native_title);
    Read(*q, 2, t.wording);
    Read(*q, 3, t.native_wording);
    std::string signatories;
    Read(*q, 4, signatories);
    FromCell(signatories, t.signatories);
    Read(*q, 5, t.logo_image);
    return t;
  });
}

domain::Status SaveTemplate(WriteTx& tx, const domain::CertificateTemplate& t) {
  return Guarded([&] {
    ScopedStatement q(
        tx.db(),
        "INSERT INTO certificate_templates (project_id, title, native_title, "
        "wording, native_wording, signatories, logo_image) VALUES (?, ?, ?, "
        "?, ?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET title = "
        "excluded.title, native_title = excluded.native_title, wording = "
        "excluded.wording, native_wording = excluded.native_wording, "
        "signatories = excluded.signatories, logo_image = excluded.logo_image");
    BindAll(*q, t.project_id, t.title, t.native_title, t.wording,
            t.native_wording, ToCell(t.signatories), t.logo_image);
    q->Exec();
  });
}

}  // namespace capdev::storage
