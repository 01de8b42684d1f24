#pragma once
// Attendance sheets (one per session) and the workshop's sign-in matrix.

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "domain/attendance.hpp"
#include "domain/session.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

struct MatrixRow {
  std::int64_t person_id = 0;
  std::string full_name;
  std::string role;
  std::vector<std::optional<std::string>> marks;  // one per session, in order
};

struct SignInMatrix {
  std::vector<domain::Session> sessions;  // by date, then id
  std::vector<MatrixRow> rows;            // registered people, by name
};

std::set<std::int64_t> RegisteredPeople(Database& db, std::int64_t workshop_id);
std::vector<domain::AttendanceMark> Sheet(Database& db,
                                          std::int64_t session_id);
// Replaces the session's sheet; call inside a WriteTransaction.
void ReplaceSheet(Database& db, std::int64_t workshop_id,
                  std::int64_t session_id,
                  std::span<const domain::AttendanceMark> sheet);
SignInMatrix Matrix(Database& db, std::int64_t workshop_id);

}  // namespace capdev::storage
