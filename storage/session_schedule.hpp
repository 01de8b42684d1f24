#pragma once
// Sessions that follow their workshop: the default one-per-day sheet set and
// moving them when the workshop moves. Call inside a WriteTransaction.

#include <cstdint>
#include <span>

#include "domain/date.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

void AddSessions(WriteTx& tx, std::int64_t workshop_id,
                 std::span<const domain::Date> days);
void ShiftSessions(WriteTx& tx, std::int64_t workshop_id, int days);
int CountSessions(Database& db, std::int64_t workshop_id);
// Attendance marks taken for the workshop, or for one of its sessions.
int CountMarks(Database& db, std::int64_t workshop_id);
int CountSessionMarks(Database& db, std::int64_t session_id);
int CountSessionsOutside(Database& db, std::int64_t workshop_id,
                         domain::Date start, domain::Date end);

}  // namespace capdev::storage
