#include "storage/checkin.hpp"

#include <map>

#include "storage/engine_errors.hpp"
#include "storage/row_mapping.hpp"
#include "storage/table.hpp"

namespace capdev::storage {

namespace {

constexpr std::string_view kLinkColumns =
    "l.registration_id, l.workshop_id, r.person_id, l.token, l.code,"
    " l.issued_at FROM participant_links l"
    " JOIN registrations r ON r.id = l.registration_id";

ParticipantLink ReadLink(Statement& q) {
  ParticipantLink l;
  Read(q, 0, l.registration_id);
  Read(q, 1, l.workshop_id);
  Read(q, 2, l.person_id);
  Read(q, 3, l.token);
  Read(q, 4, l.code);
  Read(q, 5, l.issued_at);
  return l;
}

std::optional<ParticipantLink> OneLink(Database& db, const std::string& where,
                                       const auto&... args) {
  ScopedStatement q(db, "SELECT " + std::string(kLinkColumns) + " WHERE " +
                            where + " AND r.status <> 'cancelled'");
  BindAll(*q, args...);
  if (!q->Step()) return std::nullopt;
  return ReadLink(*q);
}

constexpr std::string_view kWindowColumns =
    "SELECT w.session_id, s.workshop_id, w.session_key, w.secret,"
    " w.opens_at, w.closes_at, w.late_after FROM checkin_windows w"
    " JOIN sessions s ON s.id = w.session_id WHERE ";

std::optional<CheckinWindow> OneWindow(Database& db, std::string_view where,
                                       const auto& arg) {
  ScopedStatement q(db, std::string(kWindowColumns) + std::string(where));
  BindAll(*q, arg);
  if (!q->Step()) return std::nullopt;
  CheckinWindow w;
  Read(*q, 0, w.session_id);
  Read(*q, 1, w.workshop_id);
  Read(*q, 2, w.session_key);
  Read(*q, 3, w.secret);
  Read(*q, 4, w.opens_at);
  Read(*q, 5, w.closes_at);
  Read(*q, 6, w.late_after);
  return w;
}

}  // namespace

domain::Status SaveLink(WriteTx& tx, const ParticipantLink& link) {
  return Guarded([&] {
    ScopedStatement q(tx.db(), R"sql(
      INSERT INTO participant_links
        (registration_id, workshop_id, token, code, issued_at)
      VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (registration_id) DO UPDATE SET token = excluded.token,
        code = excluded.code, issued_at = excluded.issued_at)sql");
    BindAll(*q, link.registration_id, link.workshop_id, link.token, link.code,
            link.issued_at);
    q->Exec();
  });
}

domain::Status RevokeLink(WriteTx& tx, std::int64_t registration_id) {
  return Guarded([&] {
    ScopedStatement q(
        tx.db(), "DELETE FROM participant_links WHERE registration_id = ?");
    BindAll(*q, registration_id);
    q->Exec();
  });
}

domain::StatusOr<std::vector<ParticipantLink>> Links(Database& db,
                                                     std::int64_t workshop_id) {
  return Guarded([&] {
    ScopedStatement q(db, "SELECT " + std::string(kLinkColumns) +
                              " WHERE l.workshop_id = ? ORDER BY r.id");
    BindAll(*q, workshop_id);
    std::vector<ParticipantLink> out;
    while (q->Step()) out.push_back(ReadLink(*q));
    return out;
  });
}

domain::StatusOr<std::optional<ParticipantLink>> LinkByToken(
    Database& db, const std::string& token) {
  return Guarded([&] { return OneLink(db, "l.token = ?", token); });
}

domain::StatusOr<std::optional<ParticipantLink>> LinkByCode(
    Database& db, std::int64_t workshop_id, const std::string& code) {
  return Guarded([&] {
    return OneLink(db, "l.workshop_id = ? AND l.code = ?", workshop_id, code);
  });
}

domain::StatusOr<std::vector<CheckinPerson>> CheckinPeople(
    Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    ScopedStatement q(db, R"sql(
      SELECT r.id, p.id, p.phone, p.email FROM registrations r
      JOIN people p ON p.id = r.person_id
      WHERE r.workshop_id = ? AND r.status <> 'cancelled'
      ORDER BY r.id)sql");
    BindAll(*q, workshop_id);
    std::vector<CheckinPerson> out;
    while (q->Step()) {
      auto& r = out.emplace_back();
      Read(*q, 0, r.registration_id);
      Read(*q, 1, r.person_id);
      Read(*q, 2, r.phone);
      Read(*q, 3, r.email);
    }
    return out;
  });
}

domain::StatusOr<std::vector<OwnSession>> OwnSessions(Database& db,
                                                      std::int64_t workshop_id,
                                                      std::int64_t person_id) {
  return Guarded([&] {
    ScopedStatement q(
        db, "SELECT a.status, a.source, " + ColumnsOf<domain::Session>("s") +
                " FROM sessions s LEFT JOIN attendance a"
                " ON a.session_id = s.id AND a.person_id = ?"
                " WHERE s.workshop_id = ? ORDER BY s.date, s.start_time, s.id");
    BindAll(*q, person_id, workshop_id);
    std::vector<OwnSession> out;
    while (q->Step()) {
      auto& own = out.emplace_back();
      own.mark.person_id = person_id;
      Read(*q, 0, own.mark.status);
      Read(*q, 1, own.mark.source);
      own.session = ReadEntity<domain::Session>(*q, 2);
    }
    return out;
  });
}

domain::Status SaveWindow(WriteTx& tx, const CheckinWindow& w) {
  return Guarded([&] {
    ScopedStatement q(tx.db(), R"sql(
      INSERT INTO checkin_windows
        (session_id, session_key, secret, opens_at, closes_at, late_after)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (session_id) DO UPDATE SET opens_at = excluded.opens_at,
        closes_at = excluded.closes_at, late_after = excluded.late_after)sql");
    BindAll(*q, w.session_id, w.session_key, w.secret, w.opens_at, w.closes_at,
            w.late_after);
    q->Exec();
  });
}

domain::StatusOr<std::int64_t> CountCheckinMisses(Database& db,
                                                  const std::string& address,
                                                  std::int64_t since) {
  return Guarded([&] {
    ScopedStatement q(
        db,
        "SELECT COUNT(*) FROM checkin_misses WHERE address = ? AND at >= ?");
    BindAll(*q, address, since);
    q->Step();
    return q->Int64(0);
  });
}

domain::Status RecordCheckinMiss(WriteTx& tx, const std::string& address,
                                 std::int64_t at, std::int64_t forget_before) {
  return Guarded([&] {
    ScopedStatement forget(tx.db(), "DELETE FROM checkin_misses WHERE at < ?");
    BindAll(*forget, forget_before);
    forget->Exec();
    ScopedStatement q(tx.db(),
                      "INSERT INTO checkin_misses (address, at) VALUES (?, ?)");
    BindAll(*q, address, at);
    q->Exec();
  });
}

domain::StatusOr<std::optional<CheckinWindow>> WindowOf(
    Database& db, std::int64_t session_id) {
  return Guarded([&] { return OneWindow(db, "w.session_id = ?", session_id); });
}

domain::StatusOr<std::optional<CheckinWindow>> WindowByKey(
    Database& db, const std::string& session_key) {
  return Guarded(
      [&] { return OneWindow(db, "w.session_key = ?", session_key); });
}

domain::StatusOr<domain::AttendanceMark> RecordCheckin(WriteTx& tx,
                                                       const Checkin& c,
                                                       domain::Mark mark) {
  Database& db = tx.db();
  return Guarded([&] {
    {
      ScopedStatement insert(db, R"sql(
        INSERT INTO attendance (session_id, workshop_id, person_id, status,
          source) VALUES (?, ?, ?, ?, 'self_checkin')
        ON CONFLICT (session_id, person_id) DO NOTHING)sql");
      BindAll(*insert, c.session_id, c.workshop_id, c.person_id, mark);
      insert->Exec();
    }
    domain::AttendanceMark standing{.person_id = c.person_id};
    {
      ScopedStatement q(db,
                        "SELECT status, source FROM attendance"
                        " WHERE session_id = ? AND person_id = ?");
      BindAll(*q, c.session_id, c.person_id);
      if (q->Step()) {
        Read(*q, 0, standing.status);
        Read(*q, 1, standing.source);
      }
    }
    ScopedStatement record(db, R"sql(
      INSERT INTO checkins (session_id, registration_id, device, address, at,
        recorded) VALUES (?, ?, ?, ?, ?, ?))sql");
    BindAll(*record, c.session_id, c.registration_id, c.device, c.address, c.at,
            standing.status.value_or(mark));
    record->Exec();
    return standing;
  });
}

domain::StatusOr<CheckinCount> CountCheckins(Database& db,
                                             std::int64_t workshop_id,
                                             std::int64_t session_id) {
  return Guarded([&] {
    ScopedStatement q(db, R"sql(
      SELECT COUNT(*),
        COUNT(a.person_id)
      FROM registrations r
      LEFT JOIN attendance a ON a.session_id = ? AND a.person_id = r.person_id
        AND a.status IN ('present', 'late')
      WHERE r.workshop_id = ? AND r.status <> 'cancelled')sql");
    BindAll(*q, session_id, workshop_id);
    q->Step();
    return CheckinCount{.checked_in = q->Int64(1), .registered = q->Int64(0)};
  });
}

domain::StatusOr<std::vector<domain::CheckinFlag>> CheckinFlags(
    Database& db, std::int64_t workshop_id,
    std::optional<std::int64_t> session_id) {
  return Guarded([&] {
    // Each browser's distinct people per session; the ones with two or more
    // are flagged.
    ScopedStatement q(db, R"sql(
      SELECT DISTINCT c.session_id, c.device, r.person_id
      FROM checkins c
      JOIN sessions s ON s.id = c.session_id
      JOIN registrations r ON r.id = c.registration_id
      WHERE s.workshop_id = ? AND (? IS NULL OR c.session_id = ?)
      ORDER BY c.session_id, c.device, r.person_id)sql");
    BindAll(*q, workshop_id, session_id, session_id);
    std::map<std::pair<std::int64_t, std::string>, std::vector<std::int64_t>>
        people;
    while (q->Step()) {
      people[{q->Int64(0), q->Text(1)}].push_back(q->Int64(2));
    }
    std::vector<domain::CheckinFlag> flags;
    for (auto& [key, ids] : people) {
      if (ids.size() < 2) continue;
      flags.push_back({.session_id = key.first, .person_ids = std::move(ids)});
    }
    return flags;
  });
}

}  // namespace capdev::storage
