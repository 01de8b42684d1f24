#pragma once
// Recording the institutions: agencies, trainers, funders.

#include "app/services/records.hpp"
#include "domain/organization.hpp"

namespace capdev::app {

domain::StatusOr<domain::Organization> CreateOrganization(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Organization>& draft);
domain::StatusOr<domain::Organization> UpdateOrganization(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Organization>& draft);
domain::Status DeleteOrganization(storage::WriteTx& tx,
                                  const domain::Principal& by, std::int64_t id);

}  // namespace capdev::app
