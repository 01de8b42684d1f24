#pragma once
// Who takes part in a workshop, and in which role.

#include "app/services/records.hpp"
#include "domain/registration.hpp"

namespace capdev::services {

// Each answers 404 when the workshop, or the registration within it, is
// unknown.
domain::StatusOr<Written<domain::Registration>> CreateRegistration(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    const domain::Draft<domain::Registration>& draft, bool strict);
domain::StatusOr<Written<domain::Registration>> UpdateRegistration(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t registration_id,
    const domain::Draft<domain::Registration>& draft, bool strict);
domain::Status DeleteRegistration(storage::WriteTx& tx,
                                  const domain::Principal& by,
                                  std::int64_t workshop_id,
                                  std::int64_t registration_id);

domain::StatusOr<domain::Registration> LoadRegistration(
    storage::Database& db, std::int64_t workshop_id,
    std::int64_t registration_id);

}  // namespace capdev::services
