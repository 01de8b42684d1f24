#pragma once
// Certificates' storage (schema_certificates.hpp): the register, lookups by
// id, code and person, revocation, each project's template, and what
// eligibility reads.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/certificate.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

// A certificate with its holder's names, as the register shows it.
struct CertificateLine {
  domain::Certificate certificate;
  std::string full_name;
  std::optional<std::string> native_name;
};

// The workshop's certificates, newest first (revoked ones too).
domain::StatusOr<std::vector<CertificateLine>> WorkshopCertificates(
    Database& db, std::int64_t workshop_id);
// A person's certificates, newest first.
domain::StatusOr<std::vector<CertificateLine>> PersonCertificates(
    Database& db, std::int64_t person_id);
domain::StatusOr<std::optional<CertificateLine>> CertificateById(
    Database& db, std::int64_t id);
// `code` as stored (domain::NormalizeCode).
domain::StatusOr<std::optional<CertificateLine>> CertificateByCode(
    Database& db, const std::string& code);
// None when a unique key holds it back: the code is taken, or the person
// holds a valid certificate of that kind for the workshop (written by
// another instance meanwhile: on PostgreSQL, one not yet visible to this
// transaction is a serialization failure, and the write runs again).
domain::StatusOr<std::optional<std::int64_t>> InsertCertificate(
    WriteTx& tx, const domain::Certificate& certificate);
// The person's valid certificate of `kind` for the workshop.
domain::StatusOr<std::optional<CertificateLine>> ValidCertificate(
    Database& db, std::int64_t person_id, std::int64_t workshop_id,
    domain::CertificateKind kind);

domain::Status RevokeCertificate(WriteTx& tx, std::int64_t id, std::int64_t at,
                                 const std::string& reason);

// What eligibility reads of each registration of a workshop.
struct RegistrationAttendance {
  std::int64_t person_id = 0;
  domain::Attendance attendance;
  std::string full_name;
  std::optional<std::string> native_name;
};
domain::StatusOr<std::vector<RegistrationAttendance>> AttendanceByPerson(
    Database& db, std::int64_t workshop_id);
domain::StatusOr<std::int64_t> SessionCount(Database& db,
                                            std::int64_t workshop_id);

// None until a project's template is first saved.
domain::StatusOr<std::optional<domain::CertificateTemplate>> TemplateOf(
    Database& db, std::int64_t project_id);
domain::Status SaveTemplate(WriteTx& tx, const domain::CertificateTemplate& t);

}  // namespace capdev::storage
