#pragma once
// Taking attendance: one sheet per session, replaced as a whole.

#include <span>
#include <vector>

#include "domain/access.hpp"
#include "domain/attendance.hpp"
#include "domain/validation.hpp"
#include "storage/transaction.hpp"

namespace capdev::services {

// Replaces the session's sheet (all marks or none) and returns it as stored;
// the marks it changes take `source`, and self check-ins of people it does
// not name stay. Every person must be registered for the workshop (422), the
// workshop confirmed or held and the session's day come (409).
domain::StatusOr<std::vector<domain::AttendanceMark>> ReplaceSheet(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t session_id, std::span<const domain::AttendanceMark> marks,
    const domain::Errors& decoding,
    domain::MarkSource source = domain::MarkSource::kCoordinator);

}  // namespace capdev::services
