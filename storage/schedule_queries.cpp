#include "storage/schedule_queries.hpp"

#include "domain/conflict.hpp"
#include "storage/engine_errors.hpp"
#include "storage/sql_terms.hpp"
#include "storage/table.hpp"

namespace capdev::storage {

namespace {

// ?1 = the workshop. Sessions of two different workshops, neither cancelled,
// on the same day; each branch adds what clashes. Who can be double-booked
// is the domain's rule; venues and cities compare by their place key. The
// first branch types its NULLs, as PostgreSQL types a UNION's columns by it.
std::string ConflictsSql() {
  using domain::RegistrationRole;
  const std::string booked =
      SqlTexts<RegistrationRole>(domain::CanBeDoubleBooked);
  return R"sql(
WITH mine AS (
  SELECT s.date, w.id AS workshop_id, w.city, w.venue, w.city_key, w.venue_key
  FROM sessions s JOIN workshops w ON w.id = s.workshop_id
  WHERE w.id = ?1 AND w.status <> 'cancelled'),
theirs AS (
  SELECT DISTINCT m.date, s.workshop_id, w.title, w.city, w.venue, w.city_key,
    w.venue_key
  FROM mine m
  JOIN sessions s ON s.date = m.date AND s.workshop_id <> m.workshop_id
  JOIN workshops w ON w.id = s.workshop_id AND w.status <> 'cancelled')
SELECT 'person', t.date, t.workshop_id, t.title, r1.person_id,
  CAST(NULL AS BIGINT), CAST(NULL AS TEXT), CAST(NULL AS TEXT)
FROM theirs t
JOIN registrations r2 ON r2.workshop_id = t.workshop_id AND r2.status <> 'cancelled'
  AND r2.role IN ()sql" +
         booked + R"sql()
JOIN registrations r1 ON r1.workshop_id = ?1 AND r1.person_id = r2.person_id AND r1.status <> 'cancelled'
  AND r1.role IN ()sql" +
         booked + R"sql()
UNION
SELECT 'venue', t.date, t.workshop_id, t.title, NULL, NULL, m.venue, m.city
FROM theirs t JOIN mine m ON m.date = t.date
WHERE m.venue_key <> '' AND t.venue_key = m.venue_key
  AND t.city_key = m.city_key
UNION
SELECT 'trainer_institution', t.date, t.workshop_id, t.title, NULL, o1.organization_id, NULL, t.city
FROM theirs t JOIN mine m ON m.date = t.date
JOIN workshop_organizations o2 ON o2.workshop_id = t.workshop_id AND o2.role = 'trainer'
JOIN workshop_organizations o1 ON o1.workshop_id = ?1 AND o1.role = 'trainer'
  AND o1.organization_id = o2.organization_id
WHERE t.city_key <> m.city_key
ORDER BY 2, 1, 3, 5, 6
)sql";
}

// ?1, ?2 = the first and last day (?2 null: no end). Pairs of workshops
// with sessions on one day, each pair once (the lower id first), and what
// clashes in them: the same rules as ConflictsSql.
std::string ConflictsBetweenSql() {
  using domain::RegistrationRole;
  const std::string booked =
      SqlTexts<RegistrationRole>(domain::CanBeDoubleBooked);
  return R"sql(
WITH days AS (
  SELECT DISTINCT s.date, w.id AS workshop_id, w.title, w.city, w.venue,
    w.city_key, w.venue_key
  FROM sessions s JOIN workshops w ON w.id = s.workshop_id
  WHERE w.status <> 'cancelled' AND s.date >= ?1
    AND (?2 IS NULL OR s.date <= ?2)),
pairs AS (
  SELECT a.date, a.workshop_id AS a_id, a.title AS a_title, a.city AS a_city,
    a.venue AS a_venue, a.city_key AS a_city_key, a.venue_key AS a_venue_key,
    b.workshop_id AS b_id, b.title AS b_title, b.city AS b_city,
    b.city_key AS b_city_key, b.venue_key AS b_venue_key
  FROM days a JOIN days b ON b.date = a.date AND b.workshop_id > a.workshop_id)
SELECT 'person', x.date, x.a_id, x.a_title, x.b_id, x.b_title, r1.person_id,
  CAST(NULL AS BIGINT), CAST(NULL AS TEXT), CAST(NULL AS TEXT)
FROM pairs x
JOIN registrations r1 ON r1.workshop_id = x.a_id AND r1.status <> 'cancelled'
  AND r1.role IN ()sql" +
         booked + R"sql()
JOIN registrations r2 ON r2.workshop_id = x.b_id AND r2.person_id = r1.person_id
  AND r2.status <> 'cancelled' AND r2.role IN ()sql" +
         booked + R"sql()
UNION
SELECT 'venue', x.date, x.a_id, x.a_title, x.b_id, x.b_title, NULL, NULL,
  x.a_venue, x.a_city
FROM pairs x
WHERE x.a_venue_key <> '' AND x.b_venue_key = x.a_venue_key
  AND x.b_city_key = x.a_city_key
UNION
SELECT 'trainer_institution', x.date, x.a_id, x.a_title, x.b_id, x.b_title,
  NULL, o1.organization_id, NULL, x.b_city
FROM pairs x
JOIN workshop_organizations o1 ON o1.workshop_id = x.a_id AND o1.role = 'trainer'
JOIN workshop_organizations o2 ON o2.workshop_id = x.b_id AND o2.role = 'trainer'
  AND o2.organization_id = o1.organization_id
WHERE x.a_city_key <> x.b_city_key
ORDER BY 2, 3, 5, 1, 7, 8
)sql";
}

std::string CalendarWhere(const CalendarFilter& f,
                          std::vector<SqlValue>& binds) {
  std::string where;
  if (f.project_id) {
    where += " AND w.project_id = ?";
    binds.emplace_back(*f.project_id);
  }
  if (f.city) {
    where += " AND w.city = ? COLLATE NOCASE";
    binds.emplace_back(*f.city);
  }
  return where;
}

}  // namespace

namespace {

// The first two columns of both conflict queries: what clashes, and when.
void ReadConflict(Statement& q, domain::Conflict& c) {
  Read(q, 0, c.kind);
  c.severity = domain::SeverityOf(c.kind);
  Read(q, 1, c.date);
}

// From column `at`: the other workshop and who or what is booked twice.
void ReadClash(Statement& q, int at, domain::Conflict& c) {
  Read(q, at, c.other_workshop_id);
  Read(q, at + 1, c.other_workshop_title);
  Read(q, at + 2, c.person_id);
  Read(q, at + 3, c.organization_id);
  Read(q, at + 4, c.venue);
  Read(q, at + 5, c.city);
}

}  // namespace

domain::StatusOr<std::vector<domain::Conflict>> ConflictsOf(
    Database& db, std::int64_t workshop_id) {
  return Guarded([&] {
    static const std::string kConflicts = ConflictsSql();
    ScopedStatement q(db, kConflicts);
    q->Bind(1, workshop_id);
    std::vector<domain::Conflict> out;
    while (q->Step()) {
      auto& c = out.emplace_back();
      ReadConflict(*q, c);
      c.workshop_id = workshop_id;
      ReadClash(*q, 2, c);
    }
    return out;
  });
}

domain::StatusOr<std::vector<ConflictBetween>> ConflictsBetween(
    Database& db, domain::Date from, std::optional<domain::Date> to) {
  return Guarded([&] {
    static const std::string kConflicts = ConflictsBetweenSql();
    ScopedStatement q(db, kConflicts);
    q->Bind(1, from.ToString());
    if (to) {
      q->Bind(2, to->ToString());
    } else {
      q->BindNull(2, SqlType::kText);
    }
    std::vector<ConflictBetween> out;
    while (q->Step()) {
      auto& between = out.emplace_back();
      auto& c = between.conflict;
      ReadConflict(*q, c);
      Read(*q, 2, c.workshop_id);
      Read(*q, 3, between.workshop_title);
      ReadClash(*q, 4, c);
    }
    return out;
  });
}

domain::StatusOr<std::vector<CalendarEntry>> CalendarSessions(
    Database& db, const CalendarFilter& f) {
  return Guarded([&] {
    std::vector<SqlValue> binds = {f.from.ToString(), f.to.ToString()};
    const std::string where = CalendarWhere(f, binds);
    ScopedStatement q(db, "SELECT " + ColumnsOf<domain::Session>("s") + ", " +
                              ColumnsOf<domain::Workshop>("w") +
                              ", p.code, p.title FROM sessions s"
                              " JOIN workshops w ON w.id = s.workshop_id"
                              " JOIN projects p ON p.id = w.project_id"
                              " WHERE s.date >= ? AND s.date <= ?" +
                              where +
                              " ORDER BY s.date, s.start_time, w.id, s.id");
    for (std::size_t i = 0; i < binds.size(); ++i)
      Bind(*q, static_cast<int>(i) + 1, binds[i]);
    std::vector<CalendarEntry> out;
    constexpr int kSessionColumns =
        1 + std::tuple_size_v<decltype(domain::Fields<domain::Session>::kAll)>;
    constexpr int kWorkshopColumns =
        1 + std::tuple_size_v<decltype(domain::Fields<domain::Workshop>::kAll)>;
    while (q->Step()) {
      out.push_back({ReadEntity<domain::Session>(*q, 0),
                     ReadEntity<domain::Workshop>(*q, kSessionColumns),
                     q->Text(kSessionColumns + kWorkshopColumns),
                     q->Text(kSessionColumns + kWorkshopColumns + 1)});
    }
    return out;
  });
}

namespace {

std::vector<CalendarWorkshop> SelectWorkshops(
    Database& db, const std::string& where,
    const std::vector<SqlValue>& binds) {
  ScopedStatement q(db, "SELECT " + ColumnsOf<domain::Workshop>("w") +
                            ", p.code, p.title FROM workshops w JOIN projects "
                            "p ON p.id = w.project_id"
                            " WHERE w.start_date IS NOT NULL" +
                            where + " ORDER BY w.start_date, w.id");
  for (std::size_t i = 0; i < binds.size(); ++i)
    Bind(*q, static_cast<int>(i) + 1, binds[i]);
  constexpr int kWorkshopColumns =
      1 + std::tuple_size_v<decltype(domain::Fields<domain::Workshop>::kAll)>;
  std::vector<CalendarWorkshop> out;
  while (q->Step()) {
    out.push_back({ReadEntity<domain::Workshop>(*q, 0),
                   q->Text(kWorkshopColumns), q->Text(kWorkshopColumns + 1)});
  }
  return out;
}

}  // namespace

domain::StatusOr<std::vector<CalendarWorkshop>> CalendarWorkshops(
    Database& db, const CalendarFilter& f) {
  return Guarded([&] {
    std::vector<SqlValue> binds = {f.from.ToString(), f.to.ToString()};
    const std::string where =
        " AND w.end_date >= ? AND w.start_date <= ?" + CalendarWhere(f, binds);
    return SelectWorkshops(db, where, binds);
  });
}

domain::StatusOr<std::optional<CalendarWorkshop>> CalendarWorkshopById(
    Database& db, std::int64_t workshop_id) {
  return Guarded([&]() -> std::optional<CalendarWorkshop> {
    auto found = SelectWorkshops(db, " AND w.id = ?", {workshop_id});
    if (found.empty()) return std::nullopt;
    return found.front();
  });
}

}  // namespace capdev::storage
