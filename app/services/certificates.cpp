#include "app/services/certificates.hpp"

#include <algorithm>
#include <set>

#include "app/services/audit.hpp"
#include "app/services/credentials.hpp"
#include "app/services/records.hpp"
#include "domain/project.hpp"
#include "domain/reports.hpp"
#include "domain/validation.hpp"
#include "domain/workshop.hpp"

namespace capdev::services {

namespace {

// More than any workshop registers.
constexpr std::size_t kMaxPeoplePerIssue = 10000;

json::value CertificateAudit(const domain::Certificate& c) {
  return {{"code", c.code},
          {"person_id", c.person_id},
          {"workshop_id", c.workshop_id},
          {"kind", domain::ToText(c.kind)},
          {"revoked_at", codec::ToJson(c.revoked_at)},
          {"revoke_reason", codec::ToJson(c.revoke_reason)}};
}

// The trail keeps what a template said, not its images' bytes.
json::value TemplateAudit(domain::CertificateTemplate t) {
  const auto mark = [](std::optional<std::string>& image) {
    if (image) image = std::to_string(image->size() / 4 * 3) + " bytes";
  };
  mark(t.logo_image);
  for (auto& s : t.signatories) mark(s.signature_image);
  return codec::Encode(t);
}

// A new certificate, or the valid one the person holds (issued meanwhile
// through another instance); a code already taken (one chance in 25^12 per
// certificate held) is drawn again.
domain::StatusOr<storage::CertificateLine> Insert(storage::WriteTx& tx,
                                                  const domain::Principal& by,
                                                  storage::CertificateLine line,
                                                  bool& created) {
  auto& c = line.certificate;
  for (int attempt = 0; attempt < 4; ++attempt) {
    c.code = CertificateCode();
    ASSIGN_OR_RETURN(const auto id, storage::InsertCertificate(tx, c));
    if (id) {
      c.id = *id;
      created = true;
      RETURN_IF_ERROR(Audit(tx, &by, "issue", "certificate", c.id, nullptr,
                            CertificateAudit(c)));
      return line;
    }
    ASSIGN_OR_RETURN(
        auto held,
        storage::ValidCertificate(tx.db(), c.person_id, c.workshop_id, c.kind));
    if (held) return std::move(*held);
  }
  return domain::Status::Internal("four certificate codes drawn were taken");
}

}  // namespace

domain::StatusOr<Issued> IssueCertificates(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    domain::CertificateKind kind,
    const std::optional<std::vector<std::int64_t>>& person_ids,
    std::int64_t now) {
  domain::Errors errors;
  if (person_ids) {
    errors.AtMost("person_ids", person_ids->size(), kMaxPeoplePerIssue,
                  domain::Term{"error.noun.people"});
  }
  RETURN_IF_ERROR(errors.ToStatus());
  auto& db = tx.db();
  ASSIGN_OR_RETURN(const auto workshop,
                   Load<domain::Workshop>(db, workshop_id));
  if (workshop.status == domain::WorkshopStatus::kCancelled) {
    return domain::Status::FailedPrecondition(
        "error.certificates_of_cancelled_workshop");
  }
  ASSIGN_OR_RETURN(const auto sessions, storage::SessionCount(db, workshop_id));
  ASSIGN_OR_RETURN(const auto registrations,
                   storage::AttendanceByPerson(db, workshop_id));
  ASSIGN_OR_RETURN(auto held, storage::WorkshopCertificates(db, workshop_id));
  const int threshold = static_cast<int>(workshop.completion_threshold.value_or(
      domain::kDefaultCompletionThreshold));

  std::set<std::int64_t> wanted;
  if (person_ids) wanted.insert(person_ids->begin(), person_ids->end());
  Issued out;
  for (const auto& r : registrations) {
    if (person_ids && wanted.erase(r.person_id) == 0) continue;
    // Without a list, only participants are asked about.
    if (!person_ids && !domain::CountsAsTrained(r.attendance.role)) continue;
    // A certificate held stays the answer, whatever the marks say now.
    const auto valid =
        std::find_if(held.begin(), held.end(), [&](const auto& line) {
          const auto& c = line.certificate;
          return c.person_id == r.person_id && c.kind == kind && !c.revoked_at;
        });
    if (valid != held.end()) {
      out.issued.push_back(*valid);
      continue;
    }
    if (const auto reason =
            domain::Eligibility(kind, r.attendance, sessions, threshold)) {
      out.not_eligible.push_back(
          {r.person_id, *reason, r.full_name, r.native_name});
      continue;
    }
    bool created = false;
    ASSIGN_OR_RETURN(auto line,
                     Insert(tx, by,
                            {.certificate = {.person_id = r.person_id,
                                             .workshop_id = workshop_id,
                                             .kind = kind,
                                             .issued_at = now},
                             .full_name = r.full_name,
                             .native_name = r.native_name},
                            created));
    out.issued.push_back(std::move(line));
    out.created += created ? 1 : 0;
  }
  for (const auto id : wanted) {
    out.not_eligible.push_back(
        {id, domain::NotEligible::kNotRegistered, "", {}});
  }
  return out;
}

domain::StatusOr<storage::CertificateLine> LoadCertificate(
    storage::Database& db, std::int64_t id) {
  ASSIGN_OR_RETURN(auto line, storage::CertificateById(db, id));
  if (!line) {
    return domain::Status::NotFound(storage::RecordNotFound("certificate", id));
  }
  return std::move(*line);
}

domain::StatusOr<storage::CertificateLine> RevokeCertificate(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const std::string& reason, std::int64_t now) {
  domain::Errors errors;
  errors.Required("reason", reason);
  errors.MaxLength("reason", reason, domain::kMaxName);
  RETURN_IF_ERROR(errors.ToStatus());
  ASSIGN_OR_RETURN(auto line, LoadCertificate(tx.db(), id));
  if (line.certificate.revoked_at) {
    return domain::Status::FailedPrecondition("error.certificate_revoked");
  }
  const auto before = CertificateAudit(line.certificate);
  RETURN_IF_ERROR(storage::RevokeCertificate(tx, id, now, reason));
  line.certificate.revoked_at = now;
  line.certificate.revoke_reason = reason;
  RETURN_IF_ERROR(Audit(tx, &by, "revoke", "certificate", id, before,
                        CertificateAudit(line.certificate)));
  return line;
}

domain::StatusOr<domain::CertificateTemplate> TemplateFor(
    storage::Database& db, std::int64_t project_id) {
  RETURN_IF_ERROR(Load<domain::Project>(db, project_id));
  ASSIGN_OR_RETURN(auto found, storage::TemplateOf(db, project_id));
  if (found) return std::move(*found);
  return domain::CertificateTemplate{.project_id = project_id};
}

domain::StatusOr<domain::CertificateTemplate> SaveTemplate(
    storage::WriteTx& tx, const domain::Principal& by,
    domain::CertificateTemplate t, const domain::Errors& decoding) {
  ASSIGN_OR_RETURN(const auto before, TemplateFor(tx.db(), t.project_id));
  RETURN_IF_ERROR(domain::Combine(decoding, domain::Validate(t)));
  RETURN_IF_ERROR(storage::SaveTemplate(tx, t));
  RETURN_IF_ERROR(Audit(tx, &by, "update", "certificate_template", t.project_id,
                        TemplateAudit(before), TemplateAudit(t)));
  return t;
}

}  // namespace capdev::services
