#pragma once
// Merging two records of one organization: everything that names the merged
// one is moved to the kept one.

#include <cstdint>
#include <vector>

#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

// Moves `from`'s people, workshop partner roles, project parties, child
// organizations and funder users to `into` (a role `into`
// already holds on the same workshop or project is kept once, a funder's
// amounts added up), then deletes `from`. An `into` that sat below `from`, at
// any depth, takes `from`'s parent. The caller adds `from`'s names to `into`
// after this, and has checked that no report was submitted for `from` (a
// submission never changes, so it cannot follow).
domain::Status MoveOrganizationRecords(WriteTx& tx, std::int64_t from,
                                       std::int64_t into);

// The projects both fund in one role with amounts in different currencies:
// they cannot be added up, so the merge is refused.
domain::StatusOr<std::vector<std::int64_t>> FundingClashes(Database& db,
                                                           std::int64_t from,
                                                           std::int64_t into);

}  // namespace capdev::storage
