#pragma once
// Certificates (API.md "Certificates"): issued in one action for a
// workshop's eligible participants, revoked with a reason, verified by
// code; a template per project.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access.hpp"
#include "domain/certificate.hpp"
#include "domain/validation.hpp"
#include "storage/certificates.hpp"

namespace capdev::services {

struct Refusal {
  std::int64_t person_id = 0;
  domain::NotEligible reason = domain::NotEligible::kNotAttended;
  std::string full_name;
  std::optional<std::string> native_name;
};

struct Issued {
  // Every valid certificate of that kind the people now hold, new or not.
  std::vector<storage::CertificateLine> issued;
  std::int64_t created = 0;
  std::vector<Refusal> not_eligible;
};

// Certificates of `kind` for `person_ids` (every registration when none),
// under the workshop's completion threshold. 409 for a cancelled workshop.
domain::StatusOr<Issued> IssueCertificates(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    domain::CertificateKind kind,
    const std::optional<std::vector<std::int64_t>>& person_ids,
    std::int64_t now);

// 422 without a reason, 409 when it already is.
domain::StatusOr<storage::CertificateLine> RevokeCertificate(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const std::string& reason, std::int64_t now);

// 404 when unknown.
domain::StatusOr<storage::CertificateLine> LoadCertificate(
    storage::Database& db, std::int64_t id);

// The project's template; an empty one until it is first saved.
domain::StatusOr<domain::CertificateTemplate> TemplateFor(
    storage::Database& db, std::int64_t project_id);
domain::StatusOr<domain::CertificateTemplate> SaveTemplate(
    storage::WriteTx& tx, const domain::Principal& by,
    domain::CertificateTemplate t, const domain::Errors& decoding);

}  // namespace capdev::services
