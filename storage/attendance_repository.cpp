#include "storage/attendance_repository.hpp"

#include <algorithm>
#include <map>

#include "storage/checkin.hpp"
#include "storage/engine_errors.hpp"
#include "storage/records.hpp"
#include "storage/row_mapping.hpp"
#include "storage/table.hpp"

namespace capdev::storage {

namespace {
// The order of a workshop's people on the grid and the sheets: the host
// list's numbering where it has one, then names as people sort them.
constexpr std::string_view kListOrder =
    "r.list_order IS NULL, r.list_order, p.full_name COLLATE capdev_name, p.id";
}  // namespace

domain::StatusOr<std::set<std::int64_t>> RegisteredPeople(
    Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    ScopedStatement q(
        db, "SELECT person_id FROM registrations WHERE workshop_id = ?");
    q->Bind(1, workshop_id);
    std::set<std::int64_t> out;
    while (q->Step()) out.insert(q->Int64(0));
    return out;
  });
}

domain::StatusOr<std::vector<domain::AttendanceMark>> Sheet(
    Database& db, std::int64_t session_id) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT person_id, status, source FROM attendance"
                      " WHERE session_id = ? ORDER BY person_id");
    q->Bind(1, session_id);
    std::vector<domain::AttendanceMark> out;
    while (q->Step()) {
      auto& mark = out.emplace_back();
      Read(*q, 0, mark.person_id);
      Read(*q, 1, mark.status);
      Read(*q, 2, mark.source);
    }
    return out;
  });
}

// Writes only what differs from the stored sheet: a sheet saved again with
// a few corrections changes a few rows (and, through the triggers, their
// participation), not every mark of the session.
domain::StatusOr<SheetChange> ReplaceSheet(
    WriteTx& tx, std::int64_t workshop_id, std::int64_t session_id,
    std::span<const domain::AttendanceMark> sheet, domain::MarkSource source) {
  Database& db = tx.db();
  ASSIGN_OR_RETURN(auto before, Sheet(db, session_id));
  return Guarded([&] {
    std::map<std::int64_t, const domain::AttendanceMark*> stored;
    for (const auto& m : before) stored.emplace(m.person_id, &m);
    ScopedStatement insert(
        db,
        "INSERT INTO attendance (session_id, workshop_id,"
        " person_id, status, source) VALUES (?, ?, ?, ?, ?)");
    ScopedStatement update(db,
                           "UPDATE attendance SET status = ?, source = ?"
                           " WHERE session_id = ? AND person_id = ?");
    SheetChange change;
    ScopedStatement remove(
        db, "DELETE FROM attendance WHERE session_id = ? AND person_id = ?");
    const auto erase = [&](std::int64_t person) {
      BindAll(*remove, session_id, person);
      remove->Exec();
      remove->Reset();
    };
    for (const auto& mark : sheet) {
      const auto it = stored.find(mark.person_id);
      if (!mark.status) {  // named without a mark: cleared
        if (it != stored.end()) {
          erase(mark.person_id);
          stored.erase(it);
        }
        continue;
      }
      auto& kept = change.after.emplace_back(mark);
      kept.source = source;
      if (it == stored.end()) {
        BindAll(*insert, session_id, workshop_id, mark.person_id, mark.status,
                source);
        insert->Exec();
        insert->Reset();
        continue;
      }
      if (it->second->status != mark.status) {
        BindAll(*update, mark.status, source, session_id, mark.person_id);
        update->Exec();
        update->Reset();
      } else {
        kept.source = it->second->source;  // unchanged: still theirs
      }
      stored.erase(it);
    }
    // A participant's own check-in stays unless the sheet names them: a
    // coordinator's grid loaded before they checked in must not drop it.
    for (const auto& [person, mark] : stored) {
      if (mark->source == domain::MarkSource::kSelfCheckin) {
        change.after.push_back(*mark);
      } else {
        erase(person);
      }
    }
    std::sort(
        change.after.begin(), change.after.end(),
        [](const auto& a, const auto& b) { return a.person_id < b.person_id; });
    change.before = std::move(before);
    return change;
  });
}

domain::StatusOr<domain::SignInMatrix> Matrix(Database& db,
                                              std::int64_t workshop_id) {
  ASSIGN_OR_RETURN(
      auto matrix, Guarded([&] {
        domain::SignInMatrix m;
        std::map<std::int64_t, std::size_t> column;  // session id -> index
        {
          ScopedStatement q(
              db, "SELECT " + ColumnsOf<domain::Session>("s") +
                      " FROM sessions s WHERE s.workshop_id = ? ORDER "
                      "BY s.date, s.start_time, s.id");
          q->Bind(1, workshop_id);
          while (q->Step()) {
            m.sessions.push_back(ReadEntity<domain::Session>(*q));
            column[m.sessions.back().id] = m.sessions.size() - 1;
          }
        }
        std::map<std::int64_t, std::size_t> row;  // person id -> index
        {
          ScopedStatement q(
              db,
              "SELECT p.id, p.full_name, r.role, p.native_name,"
              " r.list_order, p.organization_id"
              " FROM registrations r"
              " JOIN people p ON p.id = r.person_id"
              " WHERE r.workshop_id = ? AND r.status <> 'cancelled'"
              " ORDER BY " +
                  std::string(kListOrder));
          q->Bind(1, workshop_id);
          while (q->Step()) {
            domain::MatrixRow r;
            Read(*q, 0, r.person_id);
            Read(*q, 1, r.full_name);
            Read(*q, 2, r.role);
            Read(*q, 3, r.native_name);
            Read(*q, 4, r.list_order);
            Read(*q, 5, r.organization_id);
            r.marks.resize(m.sessions.size());
            r.sources.resize(m.sessions.size());
            row[r.person_id] = m.rows.size();
            m.rows.push_back(std::move(r));
          }
        }
        ScopedStatement q(db,
                          "SELECT session_id, person_id, status, source"
                          " FROM attendance WHERE workshop_id = ?");
        q->Bind(1, workshop_id);
        while (q->Step()) {
          auto c = column.find(q->Int64(0));
          auto r = row.find(q->Int64(1));
          if (c != column.end() && r != row.end()) {
            Read(*q, 2, m.rows[r->second].marks[c->second]);
            Read(*q, 3, m.rows[r->second].sources[c->second]);
          }
        }
        return m;
      }));
  ASSIGN_OR_RETURN(matrix.flags, CheckinFlags(db, workshop_id, std::nullopt));
  return matrix;
}

domain::StatusOr<std::vector<SignInPerson>> SignInPeople(
    Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    ScopedStatement q(db, R"sql(
      SELECT p.id, p.full_name, p.native_name, o.name, p.email, o.native_name
      FROM registrations r
      JOIN people p ON p.id = r.person_id
      LEFT JOIN organizations o ON o.id = p.organization_id
      WHERE r.workshop_id = ? AND r.status <> 'cancelled'
      ORDER BY )sql" + std::string(kListOrder));
    q->Bind(1, workshop_id);
    std::vector<SignInPerson> out;
    while (q->Step()) {
      SignInPerson p;
      Read(*q, 0, p.person_id);
      Read(*q, 1, p.full_name);
      Read(*q, 2, p.native_name);
      Read(*q, 3, p.organization);
      Read(*q, 4, p.email);
      Read(*q, 5, p.organization_native);
      out.push_back(std::move(p));
    }
    return out;
  });
}

}  // namespace capdev::storage
