#include "storage/session_schedule.hpp"

#include <string>
#include <utility>
#include <vector>

#include "storage/engine_errors.hpp"

namespace capdev::storage {

domain::Status AddSessions(WriteTx& tx, std::int64_t workshop_id,
                           std::span<const domain::Date> days) {
  return Guarded([&] {
    Database& db = tx.db();
    ScopedStatement insert(
        db, "INSERT INTO sessions (workshop_id, date) VALUES (?, ?)");
    for (const auto& day : days) {
      insert->Bind(1, workshop_id);
      insert->Bind(2, day.ToString());
      insert->Exec();
      insert->Reset();
    }
  });
}

domain::Status ShiftSessions(WriteTx& tx, std::int64_t workshop_id, int days) {
  return Guarded([&] {
    Database& db = tx.db();
    // The new dates computed here: date arithmetic is each engine's own.
    std::vector<std::pair<std::int64_t, domain::Date>> moved;
    {
      ScopedStatement q(db,
                        "SELECT id, date FROM sessions WHERE workshop_id = ?");
      q->Bind(1, workshop_id);
      while (q->Step()) {
        if (auto date = domain::Date::Parse(q->TextView(1)))
          moved.emplace_back(q->Int64(0), date->AddDays(days));
      }
    }
    ScopedStatement update(db, "UPDATE sessions SET date = ? WHERE id = ?");
    for (const auto& [id, date] : moved) {
      update->Bind(1, date.ToString());
      update->Bind(2, id);
      update->Exec();
      update->Reset();
    }
  });
}

domain::StatusOr<int> CountMarks(Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT COUNT(*) FROM attendance WHERE workshop_id = ?");
    q->Bind(1, workshop_id);
    q->Step();
    return q->Int(0);
  });
}

domain::StatusOr<int> CountSessionMarks(Database& db, std::int64_t session_id) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT COUNT(*) FROM attendance WHERE session_id = ?");
    q->Bind(1, session_id);
    q->Step();
    return q->Int(0);
  });
}

domain::StatusOr<int> CountSessions(Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT COUNT(*) FROM sessions WHERE workshop_id = ?");
    q->Bind(1, workshop_id);
    q->Step();
    return q->Int(0);
  });
}

domain::StatusOr<int> CountSessionsOutside(Database& db,
                                           std::int64_t workshop_id,
                                           domain::Date start,
                                           domain::Date end) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT COUNT(*) FROM sessions WHERE workshop_id = ? AND "
                      "(date < ? OR date > ?)");
    q->Bind(1, workshop_id);
    q->Bind(2, start.ToString());
    q->Bind(3, end.ToString());
    q->Step();
    return q->Int(0);
  });
}

}  // namespace capdev::storage
