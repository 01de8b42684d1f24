#pragma once
// The organization sets of projects and workshops, each replaced as a whole.

#include <cstdint>
#include <span>
#include <vector>

#include "domain/project.hpp"
#include "domain/status.hpp"
#include "domain/workshop.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

domain::StatusOr<std::vector<domain::ProjectParty>> ProjectParties(
    Database& db, std::int64_t project_id);
domain::StatusOr<std::vector<domain::WorkshopParty>> WorkshopParties(
    Database& db, std::int64_t workshop_id);

// Replace the set; call inside a WriteTransaction. Unknown organizations are
// a 422 naming the entries.
domain::Status ReplaceProjectParties(
    WriteTx& tx, std::int64_t project_id,
    std::span<const domain::ProjectParty> parties);
domain::Status ReplaceWorkshopParties(
    WriteTx& tx, std::int64_t workshop_id,
    std::span<const domain::WorkshopParty> parties);

}  // namespace capdev::storage
