#pragma once
// Turns SQLite constraint failures into domain statuses: the schema is the
// last guard, and its refusals are the client's mistakes (409/422), not 500s.

#include <exception>
#include <optional>
#include <string_view>

#include "domain/status.hpp"

namespace SQLite {
class Exception;
}

namespace capdev::storage {

// Rethrows anything that is not a constraint failure.
domain::Status ConstraintStatus(const SQLite::Exception& e,
                                std::string_view noun,
                                std::string_view unique_field = "");

}  // namespace capdev::storage

namespace capdev::storage {

// An exception that says the machine, not the request, failed: a full disk
// (SQLITE_FULL), an I/O error, a lock not granted in time, or a long read
// stopped at its time budget (SQLITE_INTERRUPT). Answered as
// Unavailable (503) with a detail an operator can act on; anything else is
// nullopt (a bug: 500).
std::optional<domain::Status> UnavailableStatus(const std::exception& e);

}  // namespace capdev::storage
