#pragma once
// Sessions that follow their workshop: the default one-per-day sheet set and
// moving them when the workshop moves. Call inside a WriteTransaction.

#include <cstdint>
#include <span>

#include "domain/date.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

domain::Status AddSessions(WriteTx& tx, std::int64_t workshop_id,
                           std::span<const domain::Date> days);
domain::Status ShiftSessions(WriteTx& tx, std::int64_t workshop_id, int days);
domain::StatusOr<int> CountSessions(Database& db, std::int64_t workshop_id);
// Attendance marks taken for the workshop, or for one of its sessions.
domain::StatusOr<int> CountMarks(Database& db, std::int64_t workshop_id);
domain::StatusOr<int> CountSessionMarks(Database& db, std::int64_t session_id);
domain::StatusOr<int> CountSessionsOutside(Database& db,
                                           std::int64_t workshop_id,
                                           domain::Date start,
                                           domain::Date end);

}  // namespace capdev::storage
