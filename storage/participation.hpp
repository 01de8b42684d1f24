#pragma once
// The participation table (storage/schema_participation.hpp) is derived
// from the registrations and the marks by triggers; this recomputes it from
// them.

#include <cstdint>
#include <string>

#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

// Rows of participation that differ from what the registrations and marks
// say (missing, extra, or with another role or number of days): 0 when the
// triggers kept it right.
domain::StatusOr<std::int64_t> ParticipationMismatches(Database& db);
// The query behind it (one row, one column), for checks on a bare connection.
std::string ParticipationMismatchesSql();

}  // namespace capdev::storage
