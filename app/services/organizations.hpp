#pragma once
// Recording the institutions: agencies, trainers, funders.

#include "app/services/records.hpp"
#include "domain/organization.hpp"

namespace capdev::services {

domain::StatusOr<domain::Organization> CreateOrganization(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Organization>& draft);
domain::StatusOr<domain::Organization> UpdateOrganization(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Organization>& draft);
domain::Status DeleteOrganization(storage::WriteTx& tx,
                                  const domain::Principal& by, std::int64_t id);

// Merges organization `id` into `into_id`: its people, workshop partner
// roles, project parties, child organizations and funder users move, its
// names become aliases of the kept one, and it is deleted; audited. 422 for
// an unknown or the same `into_id` (or when the kept one would hold too many
// names), 409 when reports were submitted for it or both fund a project in
// one role in different currencies.
domain::StatusOr<domain::Organization> MergeOrganization(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    std::int64_t into_id);

}  // namespace capdev::services
