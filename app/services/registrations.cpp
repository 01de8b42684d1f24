#include "app/services/registrations.hpp"

#include "app/services/conflicts.hpp"
#include "domain/person.hpp"
#include "domain/workshop.hpp"
#include "storage/certificates.hpp"
#include "storage/checkin.hpp"

namespace capdev::services {

namespace {

// Saves a new or changed registration and reports the double bookings it
// created (a person now in two workshops on one day).
domain::StatusOr<Written<domain::Registration>> Save(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Registration* before, const domain::Registration& after,
    const domain::Errors& decoding, bool strict) {
  domain::Errors errors = decoding;
  RETURN_IF_ERROR(CheckExists<domain::Person>(tx.db(), "person_id",
                                              after.person_id, errors));
  RETURN_IF_ERROR(domain::Combine(errors, domain::Validate(after)));
  ASSIGN_OR_RETURN(const auto conflicts,
                   ConflictCheck::Before(tx.db(), after.workshop_id));
  ASSIGN_OR_RETURN(auto stored, before ? SaveChanged(tx, &by, *before, after)
                                       : SaveNew(tx, &by, after));
  ASSIGN_OR_RETURN(auto created,
                   conflicts.After(tx.db(), after.workshop_id, strict));
  return Written<domain::Registration>{stored, std::move(created)};
}

// A valid certificate attests its holder's registration: revoked first,
// before the registration goes or passes to another person (409).
domain::Status HoldsNoCertificate(storage::Database& db,
                                  const domain::Registration& r) {
  for (const auto kind : domain::Values<domain::CertificateKind>()) {
    ASSIGN_OR_RETURN(
        const auto held,
        storage::ValidCertificate(db, r.person_id, r.workshop_id, kind));
    if (held) {
      return domain::Status::FailedPrecondition(
          "error.registration_has_certificates");
    }
  }
  return domain::Status::Ok();
}

}  // namespace

domain::StatusOr<domain::Registration> LoadRegistration(
    storage::Database& db, std::int64_t workshop_id,
    std::int64_t registration_id) {
  ASSIGN_OR_RETURN(auto registration,
                   storage::Get<domain::Registration>(db, registration_id));
  if (!registration || registration->workshop_id != workshop_id)
    return storage::NotFound<domain::Registration>(registration_id);
  return *registration;
}

domain::StatusOr<Written<domain::Registration>> CreateRegistration(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    const domain::Draft<domain::Registration>& draft, bool strict) {
  RETURN_IF_ERROR(Load<domain::Workshop>(tx.db(), workshop_id));
  domain::Registration registration;
  registration.workshop_id = workshop_id;
  return Save(tx, by, nullptr, draft.ApplyTo(registration), draft.errors,
              strict);
}

domain::StatusOr<Written<domain::Registration>> UpdateRegistration(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t registration_id,
    const domain::Draft<domain::Registration>& draft, bool strict) {
  ASSIGN_OR_RETURN(const auto before,
                   LoadRegistration(tx.db(), workshop_id, registration_id));
  const auto after = draft.ApplyTo(before);
  // A personal link is its person's: given to another, it would open their
  // page and check them in. It stops working (a new one can be issued).
  if (after.person_id != before.person_id) {
    RETURN_IF_ERROR(HoldsNoCertificate(tx.db(), before));
    RETURN_IF_ERROR(storage::RevokeLink(tx, registration_id));
  }
  return Save(tx, by, &before, after, draft.errors, strict);
}

domain::Status DeleteRegistration(storage::WriteTx& tx,
                                  const domain::Principal& by,
                                  std::int64_t workshop_id,
                                  std::int64_t registration_id) {
  ASSIGN_OR_RETURN(const auto registration,
                   LoadRegistration(tx.db(), workshop_id, registration_id));
  RETURN_IF_ERROR(HoldsNoCertificate(tx.db(), registration));
  return Remove(tx, &by, registration);
}

}  // namespace capdev::services
