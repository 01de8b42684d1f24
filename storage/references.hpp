#pragma once
// What keeps a record from being deleted: the rows that still reference it
// through a foreign key that does not cascade, found from the schema itself,
// so a 409 says what to remove first instead of "still referenced".

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

// The rows that reference row `id` of `table`, counted per table ("2
// registrations and 6 attendance marks": "error.referenced_by.TABLE", or
// TABLE_below for a table's own parent_id); empty when none does.
domain::CountList ReferencesTo(Database& db, std::string_view table,
                               std::int64_t id);

// The answer to a delete of row `id` that SQLite refused with `e`: a 409
// naming what still references the `noun` when a foreign key stopped it,
// else ConstraintStatus (storage/engine_errors.hpp).
domain::Status DeleteRefused(Database& db, const EngineError& e,
                             std::string_view table, std::string_view noun,
                             std::int64_t id);

}  // namespace capdev::storage
