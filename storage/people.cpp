#include "storage/people.hpp"

#include "domain/attendance.hpp"
#include "storage/engine_errors.hpp"
#include "storage/sql_terms.hpp"
#include "storage/table.hpp"
#include "storage/text_key.hpp"

namespace capdev::storage {

domain::StatusOr<std::optional<domain::Person>> PersonWithEmail(
    Database& db, const std::string& email, std::int64_t except) {
  return Guarded([&]() -> std::optional<domain::Person> {
    ScopedStatement q(db, "SELECT " + ColumnsOf<domain::Person>("p") +
                              " FROM people p WHERE p.unique_key = ? AND "
                              "p.id <> ?");
    BindAll(*q, FoldKey(email), except);
    if (!q->Step()) return std::nullopt;
    return ReadEntity<domain::Person>(*q);
  });
}

domain::StatusOr<std::vector<domain::Person>> SameNameAndOrganization(
    Database& db, const domain::Person& person) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT " + ColumnsOf<domain::Person>("p") +
                          " FROM people p WHERE p.id <> ?"
                          " AND p.organization_id IS ?"
                          " AND capdev_fold(p.full_name) = ? ORDER BY p.id");
    BindAll(*q, person.id, person.organization_id, FoldKey(person.full_name));
    std::vector<domain::Person> out;
    while (q->Step()) out.push_back(ReadEntity<domain::Person>(*q));
    return out;
  });
}

domain::StatusOr<std::optional<domain::Person>> PersonNamed(
    Database& db, const std::string& full_name,
    std::optional<std::int64_t> organization_id) {
  return Guarded([&]() -> std::optional<domain::Person> {
    ScopedStatement q(db, "SELECT " + ColumnsOf<domain::Person>("p") +
                              " FROM people p WHERE p.organization_id IS ?"
                              " AND capdev_fold(p.full_name) = ? ORDER BY p.id"
                              " LIMIT 1");
    BindAll(*q, organization_id, FoldKey(full_name));
    if (!q->Step()) return std::nullopt;
    return ReadEntity<domain::Person>(*q);
  });
}

domain::StatusOr<std::optional<std::int64_t>> OrganizationNamed(
    Database& db, const std::string& name) {
  return Guarded([&]() -> std::optional<std::int64_t> {
    ScopedStatement q(db, "SELECT id FROM organizations WHERE unique_key = ?");
    BindAll(*q, FoldKey(name));
    if (!q->Step()) return std::nullopt;
    return q->Int64(0);
  });
}

domain::StatusOr<std::vector<std::int64_t>> SharedWorkshops(Database& db,
                                                            std::int64_t a,
                                                            std::int64_t b) {
  return Guarded([&] {
    ScopedStatement q(
        db,
        "SELECT r1.workshop_id FROM registrations r1"
        " JOIN registrations r2 ON r2.workshop_id = r1.workshop_id"
        " WHERE r1.person_id = ? AND r2.person_id = ?"
        " ORDER BY r1.workshop_id");
    BindAll(*q, a, b);
    std::vector<std::int64_t> out;
    while (q->Step()) out.push_back(q->Int64(0));
    return out;
  });
}

domain::StatusOr<std::vector<TrainingEntry>> TrainingRecord(
    Database& db, std::int64_t person_id) {
  return Guarded([&] {
    static const std::string kSql =
        "SELECT " + ColumnsOf<domain::Workshop>("w") + R"sql(,
    r.id, r.role, r.status,
    (SELECT COUNT(*) FROM sessions s WHERE s.workshop_id = w.id),
    (SELECT COUNT(*) FROM attendance a WHERE a.workshop_id = w.id
       AND a.person_id = r.person_id AND a.status IN ()sql" +
        SqlTexts<domain::Mark>(domain::CountsAsAttended) + R"sql())
  FROM registrations r JOIN workshops w ON w.id = r.workshop_id
  WHERE r.person_id = ?
  ORDER BY w.start_date IS NULL, w.start_date DESC, w.id DESC)sql";
    ScopedStatement q(db, kSql);
    q->Bind(1, person_id);
    std::vector<TrainingEntry> out;
    constexpr int kAfter =
        std::tuple_size_v<decltype(domain::Fields<domain::Workshop>::kAll)> + 1;
    while (q->Step()) {
      auto& e = out.emplace_back();
      e.workshop = ReadEntity<domain::Workshop>(*q);
      Read(*q, kAfter, e.registration_id);
      Read(*q, kAfter + 1, e.role);
      Read(*q, kAfter + 2, e.status);
      Read(*q, kAfter + 3, e.sessions);
      Read(*q, kAfter + 4, e.days_attended);
    }
    return out;
  });
}

domain::Status MovePersonRecords(WriteTx& tx, std::int64_t from,
                                 std::int64_t into) {
  return Guarded([&] {
    Database& db = tx.db();
    // Marks reference their registration: both move in one step, checked at
    // commit.
    db.connection().ExecScript("PRAGMA defer_foreign_keys = ON");
    for (const char* sql :
         {"UPDATE registrations SET person_id = ? WHERE person_id = ?",
          "UPDATE attendance SET person_id = ? WHERE person_id = ?"}) {
      ScopedStatement q(db, sql);
      BindAll(*q, into, from);
      q->Exec();
    }
    // Pairs marked "not the same person" stay so for the kept one.
    ScopedStatement distinct(db, R"sql(
      INSERT OR IGNORE INTO people_distinct (person_id, other_id)
      SELECT min(?2, other), max(?2, other) FROM (
        SELECT CASE WHEN person_id = ?1 THEN other_id ELSE person_id END AS other
        FROM people_distinct WHERE ?1 IN (person_id, other_id))
      WHERE other <> ?2)sql");
    BindAll(*distinct, from, into);
    distinct->Exec();
    ScopedStatement remove(db, "DELETE FROM people WHERE id = ?");
    remove->Bind(1, from);
    remove->Exec();
  });
}

}  // namespace capdev::storage
