#include "storage/people.hpp"

#include <cstdint>

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

namespace {

// The people of an organization (none: of no organization) whose names fold
// to `name`'s key, by id, at most `limit`. Names are compared here, by ICU's
// fold (text_key.hpp), the same on either engine.
std::vector<domain::Person> NamedInOrganization(
    Database& db, const std::string& name,
    std::optional<std::int64_t> organization_id, std::int64_t except_id,
    std::size_t limit) {
  ScopedStatement q(db, "SELECT " + ColumnsOf<domain::Person>("p") +
                            " FROM people p WHERE p.id <> ?"
                            " AND p.organization_id IS NOT DISTINCT FROM ?"
                            " ORDER BY p.id");
  BindAll(*q, except_id, organization_id);
  const std::string key = FoldKey(name);
  std::vector<domain::Person> out;
  while (out.size() < limit && q->Step()) {
    if (FoldKey(q->TextView(1)) == key)
      out.push_back(ReadEntity<domain::Person>(*q));
  }
  return out;
}

}  // namespace

domain::StatusOr<std::vector<domain::Person>> SameNameAndOrganization(
    Database& db, const domain::Person& person) {
  return Guarded([&] {
    return NamedInOrganization(db, person.full_name, person.organization_id,
                               person.id, SIZE_MAX);
  });
}

domain::StatusOr<std::optional<domain::Person>> PersonNamed(
    Database& db, const std::string& full_name,
    std::optional<std::int64_t> organization_id) {
  return Guarded([&]() -> std::optional<domain::Person> {
    auto found = NamedInOrganization(db, full_name, organization_id, 0, 1);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
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
    // commit (PostgreSQL's key is DEFERRABLE for this).
    db.connection().ExecScript(db.engine() == Engine::kPostgres
                                   ? "SET CONSTRAINTS ALL DEFERRED"
                                   : "PRAGMA defer_foreign_keys = ON");
    for (const char* sql :
         {"UPDATE registrations SET person_id = ? WHERE person_id = ?",
          "UPDATE attendance SET person_id = ? WHERE person_id = ?",
          "UPDATE certificates SET person_id = ? WHERE person_id = ?"}) {
      ScopedStatement q(db, sql);
      BindAll(*q, into, from);
      q->Exec();
    }
    // Pairs marked "not the same person" stay so for the kept one.
    ScopedStatement distinct(db, R"sql(
      INSERT INTO people_distinct (person_id, other_id)
      SELECT CASE WHEN ?2 < other THEN ?2 ELSE other END,
             CASE WHEN ?2 < other THEN other ELSE ?2 END FROM (
        SELECT CASE WHEN person_id = ?1 THEN other_id ELSE person_id END AS other
        FROM people_distinct WHERE ?1 IN (person_id, other_id)) AS pairs
      WHERE other <> ?2
      ON CONFLICT DO NOTHING)sql");
    BindAll(*distinct, from, into);
    distinct->Exec();
    ScopedStatement remove(db, "DELETE FROM people WHERE id = ?");
    remove->Bind(1, from);
    remove->Exec();
  });
}

}  // namespace capdev::storage
