#pragma once
// Turns SQLite constraint failures into domain statuses: the schema is the
// last guard, and its refusals are the client's mistakes (409/422), not 500s.

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
