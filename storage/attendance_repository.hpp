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
#include "storage/transaction.hpp"

namespace capdev::storage {

domain::StatusOr<std::set<std::int64_t>> RegisteredPeople(
    Database& db, std::int64_t workshop_id);
domain::StatusOr<std::vector<domain::AttendanceMark>> Sheet(
    Database& db, std::int64_t session_id);
// A sheet before and after a replace, each by person id.
struct SheetChange {
  std::vector<domain::AttendanceMark> before;
  std::vector<domain::AttendanceMark> after;
};
// Replaces the session's sheet, writing only the marks that differ (a mark
// that changes takes `source`). A person named without a status loses their
// mark; a self check-in of a person the sheet does not name stays.
domain::StatusOr<SheetChange> ReplaceSheet(
    WriteTx& tx, std::int64_t workshop_id, std::int64_t session_id,
    std::span<const domain::AttendanceMark> sheet, domain::MarkSource source);
domain::StatusOr<domain::SignInMatrix> Matrix(Database& db,
                                              std::int64_t workshop_id);

// A registered person as a sign-in sheet names them, in the matrix's order
// (by full name).
struct SignInPerson {
  std::int64_t person_id = 0;
  std::string full_name;
  std::optional<std::string> native_name;
  std::optional<std::string> organization;         // its name
  std::optional<std::string> organization_native;  // its Chinese name
  std::optional<std::string> email;
};
domain::StatusOr<std::vector<SignInPerson>> SignInPeople(
    Database& db, std::int64_t workshop_id);

}  // namespace capdev::storage
