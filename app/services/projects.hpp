#pragma once
// Recording projects and the parties behind them (funders, implementers).

#include <span>
#include <vector>

#include "app/services/records.hpp"
#include "domain/project.hpp"

namespace capdev::services {

domain::StatusOr<domain::Project> CreateProject(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Project>& draft);
domain::StatusOr<domain::Project> UpdateProject(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Project>& draft);
domain::Status DeleteProject(storage::WriteTx& tx, const domain::Principal& by,
                             std::int64_t id);

// Replaces the project's parties as a set; returns them as stored.
// `decoding`: the entries that could not be read.
domain::StatusOr<std::vector<domain::ProjectParty>> ReplaceProjectParties(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t project_id,
    std::span<const domain::ProjectParty> parties,
    const domain::Errors& decoding);

}  // namespace capdev::services
