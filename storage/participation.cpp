#include "storage/participation.hpp"

#include "domain/attendance.hpp"
#include "storage/engine_errors.hpp"
#include "storage/sql_terms.hpp"

namespace capdev::storage {

std::string ParticipationMismatchesSql() {
  // Recomputed with the domain's counting rule, not the triggers' text.
  const std::string expected =
      R"sql(
SELECT r.workshop_id, r.person_id, r.role,
  (SELECT COUNT(*) FROM attendance a WHERE a.workshop_id = r.workshop_id
     AND a.person_id = r.person_id AND a.status IN ()sql" +
      SqlTexts<domain::Mark>(domain::CountsAsAttended) +
      R"sql()) AS days,
  pe.gender, pe.organization_id
FROM registrations r JOIN people pe ON pe.id = r.person_id
WHERE r.status <> 'cancelled')sql";
  return "WITH e AS (" + expected + R"sql()
SELECT (SELECT COUNT(*) FROM (SELECT * FROM e EXCEPT SELECT * FROM participation) AS missing)
     + (SELECT COUNT(*) FROM (SELECT * FROM participation EXCEPT SELECT * FROM e) AS extra))sql";
}

domain::StatusOr<std::int64_t> ParticipationMismatches(Database& db) {
  return Guarded([&] {
    ScopedStatement q(db, ParticipationMismatchesSql());
    q->Step();
    return q->Int64(0);
  });
}

}  // namespace capdev::storage
