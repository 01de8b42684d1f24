#pragma once
// Recording workshops: their rules (lifecycle, dates), their sessions (one a
// day by default, moved along with the dates) and partner institutions.

#include <span>
#include <vector>

#include "app/services/records.hpp"
#include "domain/workshop.hpp"

namespace capdev::services {

// `strict`: a write that would double-book is refused (409) instead of
// returning the conflicts it created.
domain::StatusOr<Written<domain::Workshop>> CreateWorkshop(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Workshop>& draft, bool strict);
domain::StatusOr<Written<domain::Workshop>> UpdateWorkshop(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Workshop>& draft, bool strict);
domain::Status DeleteWorkshop(storage::WriteTx& tx, const domain::Principal& by,
                              std::int64_t id);

// Replaces the workshop's partner institutions as a set; returns them.
domain::StatusOr<std::vector<domain::WorkshopParty>> ReplaceWorkshopParties(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::span<const domain::WorkshopParty> parties,
    const domain::Errors& decoding);

}  // namespace capdev::services
