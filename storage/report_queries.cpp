#include "storage/report_queries.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <set>
#include <string>

#include "storage/attendance_repository.hpp"
#include "storage/records.hpp"
#include "storage/row_mapping.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

namespace {

// Rows of (key, count) from a query whose first two columns are those.
template <class... Args>
std::vector<domain::Count> Counts(Database& db, const std::string& sql,
                                  const Args&... args) {
  ScopedStatement q(db, sql);
  BindAll(*q, args...);
  std::vector<domain::Count> out;
  while (q->executeStep()) {
    out.push_back({q->getColumn(0).isNull() ? "" : q->getColumn(0).getString(),
                   q->getColumn(1).getInt64()});
  }
  return out;
}

// ---- attendance report ----------------------------------------------------

// ?1 = workshop. `reg`: the registered people; `days`: their participant-days.
constexpr const char* kRegistered = R"sql(
WITH reg AS (
  SELECT r.person_id, p.gender, p.province, p.organization_id
  FROM registrations r JOIN people p ON p.id = r.person_id
  WHERE r.workshop_id = ?1 AND r.status <> 'cancelled'),
days AS (
  SELECT a.person_id, COUNT(*) AS n FROM attendance a
  WHERE a.workshop_id = ?1 AND a.status IN ('present', 'late')
  GROUP BY a.person_id)
)sql";

// `key` and `label` are fixed SQL expressions from this file, never input.
std::vector<domain::GroupFigures> Groups(Database& db, std::int64_t workshop_id,
                                         const std::string& key,
                                         const std::string& label,
                                         const std::string& join,
                                         bool grouped) {
  const std::string sql = std::string(kRegistered) + "SELECT " + key + ", " +
                          label +
                          ", COUNT(*), COALESCE(SUM(COALESCE(d.n, 0) > 0), 0),"
                          " COALESCE(SUM(d.n), 0)"
                          " FROM reg LEFT JOIN days d USING (person_id) " +
                          join + (grouped ? " GROUP BY 1 ORDER BY 2, 1" : "");
  ScopedStatement q(db, sql);
  q->bind(1, workshop_id);
  std::vector<domain::GroupFigures> out;
  while (q->executeStep()) {
    auto& g = out.emplace_back();
    Read(q->getColumn(0), g.key);
    Read(q->getColumn(1), g.label);
    g.registered = q->getColumn(2).getInt64();
    g.attended = q->getColumn(3).getInt64();
    g.participant_days = q->getColumn(4).getInt64();
  }
  return out;
}

std::vector<domain::SessionFigures> SessionMarks(Database& db,
                                                 std::int64_t workshop_id) {
  ScopedStatement q(db, R"sql(
WITH reg AS (
  SELECT person_id FROM registrations WHERE workshop_id = ?1 AND status <> 'cancelled')
SELECT s.id, s.date, s.title,
  COALESCE(SUM(a.status = 'present'), 0), COALESCE(SUM(a.status = 'late'), 0),
  COALESCE(SUM(a.status = 'excused'), 0), COALESCE(SUM(a.status = 'absent'), 0),
  (SELECT COUNT(*) FROM reg) - COUNT(a.person_id)
FROM sessions s
LEFT JOIN attendance a ON a.session_id = s.id AND a.person_id IN (SELECT person_id FROM reg)
WHERE s.workshop_id = ?1
GROUP BY s.id ORDER BY s.date, s.start_time, s.id)sql");
  q->bind(1, workshop_id);
  std::vector<domain::SessionFigures> out;
  while (q->executeStep()) {
    auto& s = out.emplace_back();
    s.session_id = q->getColumn(0).getInt64();
    Read(q->getColumn(1), s.date);
    Read(q->getColumn(2), s.title);
    s.marks = {q->getColumn(3).getInt64(), q->getColumn(4).getInt64(),
               q->getColumn(5).getInt64(), q->getColumn(6).getInt64(),
               q->getColumn(7).getInt64()};
  }
  return out;
}

// ---- funder report ----------------------------------------------------------

// The funder's held workshops with their section (0: exact dates in the
// period, 1: dates unknown or estimated), and each attendee's
// participant-days per workshop: computed once into temp tables (per
// connection) that the report's queries share. ?1 = organization, ?2 = from, ?3
// = to.
void SelectFunded(Database& db, std::int64_t org, const std::string& from,
                  const std::string& to) {
  db.Execute(
      "CREATE TEMP TABLE IF NOT EXISTS funder_ws (id INTEGER PRIMARY KEY, "
      "section INTEGER NOT NULL);"
      // The attendee's gender and organization are copied in once, so the
      // breakdowns below need not look each person up again.
      "CREATE TEMP TABLE IF NOT EXISTS funder_att (workshop_id INTEGER, "
      "person_id INTEGER,"
      " days INTEGER, gender TEXT, organization_id INTEGER,"
      " PRIMARY KEY (workshop_id, person_id)) WITHOUT ROWID;"
      "DELETE FROM funder_ws; DELETE FROM funder_att;");
  ScopedStatement ws(db, R"sql(
INSERT INTO funder_ws
SELECT w.id, CASE WHEN w.start_date IS NOT NULL AND w.dates_estimated = 0 THEN 0 ELSE 1 END
FROM workshops w
WHERE w.status = 'held'
  AND w.project_id IN (SELECT project_id FROM project_organizations
                       WHERE organization_id = ?1 AND role IN ('lead_funder', 'co_funder'))
  AND (w.start_date IS NULL OR (w.end_date >= ?2 AND w.start_date <= ?3)))sql");
  BindAll(*ws, org, from, to);
  ws->exec();
  ScopedStatement att(db, R"sql(
INSERT INTO funder_att
SELECT g.workshop_id, g.person_id, g.days, p.gender, p.organization_id
FROM (SELECT a.workshop_id, a.person_id, COUNT(*) AS days
      FROM funder_ws ws
      CROSS JOIN attendance a ON a.workshop_id = ws.id  -- CROSS: drive from the few workshops
      WHERE a.status IN ('present', 'late')
      GROUP BY a.workshop_id, a.person_id) g
JOIN registrations r ON r.workshop_id = g.workshop_id AND r.person_id = g.person_id
JOIN people p ON p.id = g.person_id
WHERE r.status <> 'cancelled')sql");
  att->exec();
}

constexpr const char* kPerWorkshop = R"sql(
WITH per_workshop AS (
  SELECT workshop_id, COUNT(*) AS named, SUM(days) AS days FROM funder_att GROUP BY workshop_id)
)sql";

std::vector<domain::FundedProject> FundedProjects(
    Database& db, std::int64_t organization_id) {
  ScopedStatement q(db, R"sql(
SELECT p.id, p.code, p.title, po.role, po.amount, po.currency
FROM project_organizations po JOIN projects p ON p.id = po.project_id
WHERE po.organization_id = ?1 AND po.role IN ('lead_funder', 'co_funder')
ORDER BY p.code, po.role)sql");
  q->bind(1, organization_id);
  std::vector<domain::FundedProject> out;
  while (q->executeStep()) {
    auto& p = out.emplace_back();
    Read(q->getColumn(0), p.project_id);
    Read(q->getColumn(1), p.code);
    Read(q->getColumn(2), p.title);
    Read(q->getColumn(3), p.role);
    Read(q->getColumn(4), p.amount);
    Read(q->getColumn(5), p.currency);
  }
  return out;
}

void FundedWorkshops(Database& db, domain::FunderReport& report) {
  domain::FunderSection* sections[] = {&report.in_period,
                                       &report.dates_uncertain};
  std::map<std::int64_t, domain::FundedWorkshop*> by_id;
  {
    ScopedStatement q(db, std::string(kPerWorkshop) + R"sql(
SELECT ws.section, w.id, p.code, w.title, w.kind, w.city, w.start_date, w.end_date,
  w.dates_estimated, w.reported_participants, COALESCE(x.named, 0), COALESCE(x.days, 0)
FROM funder_ws ws JOIN workshops w ON w.id = ws.id JOIN projects p ON p.id = w.project_id
LEFT JOIN per_workshop x ON x.workshop_id = w.id
ORDER BY ws.section, w.start_date, w.id)sql");
    while (q->executeStep()) {
      auto& list = sections[q->getColumn(0).getInt()]->workshops;
      auto& w = list.emplace_back();
      Read(q->getColumn(1), w.workshop_id);
      Read(q->getColumn(2), w.project_code);
      Read(q->getColumn(3), w.title);
      Read(q->getColumn(4), w.kind);
      Read(q->getColumn(5), w.city);
      Read(q->getColumn(6), w.start_date);
      Read(q->getColumn(7), w.end_date);
      Read(q->getColumn(8), w.dates_estimated);
      Read(q->getColumn(9), w.reported_participants);
      Read(q->getColumn(10), w.named_attendees);
      Read(q->getColumn(11), w.participant_days);
    }
  }
  for (auto* s : sections) {
    for (auto& w : s->workshops) by_id[w.workshop_id] = &w;
  }
  ScopedStatement totals(db, std::string(kPerWorkshop) + R"sql(
SELECT ws.section, COUNT(*), COALESCE(SUM(x.named), 0),
  COALESCE(SUM(CASE WHEN x.named IS NULL THEN w.reported_participants END), 0),
  COALESCE(SUM(x.days), 0),
  (SELECT COUNT(DISTINCT att.person_id) FROM funder_att att JOIN funder_ws s ON s.id = att.workshop_id
   WHERE s.section = ws.section)
FROM funder_ws ws JOIN workshops w ON w.id = ws.id LEFT JOIN per_workshop x ON x.workshop_id = w.id
GROUP BY ws.section)sql");
  while (totals->executeStep()) {
    auto& t = sections[totals->getColumn(0).getInt()]->totals;
    t.workshops = totals->getColumn(1).getInt64();
    t.named_attendees = totals->getColumn(2).getInt64();
    t.reported_headcount = totals->getColumn(3).getInt64();
    t.participants = t.named_attendees + t.reported_headcount;
    t.participant_days = totals->getColumn(4).getInt64();
    t.unique_named_attendees = totals->getColumn(5).getInt64();
  }

  ScopedStatement gender(db, R"sql(
SELECT ws.section, att.gender, COUNT(*)
FROM funder_att att JOIN funder_ws ws ON ws.id = att.workshop_id
GROUP BY ws.section, att.gender ORDER BY ws.section, att.gender)sql");
  while (gender->executeStep()) {
    sections[gender->getColumn(0).getInt()]->totals.by_gender.push_back(
        {gender->getColumn(1).getString(), gender->getColumn(2).getInt64()});
  }

  // Partner institutions of the listed workshops, and the organizations of
  // their attendees: names only, never people.
  std::set<std::string> trainers[2], agencies[2];
  ScopedStatement parties(db, R"sql(
SELECT ws.section, wo.workshop_id, wo.role, o.name
FROM funder_ws ws JOIN workshop_organizations wo ON wo.workshop_id = ws.id
JOIN organizations o ON o.id = wo.organization_id
WHERE wo.role IN ('trainer', 'participating')
UNION
SELECT ws.section, att.workshop_id, 'participating', o.name
FROM funder_att att JOIN funder_ws ws ON ws.id = att.workshop_id
JOIN organizations o ON o.id = att.organization_id
ORDER BY 4)sql");
  while (parties->executeStep()) {
    const int section = parties->getColumn(0).getInt();
    auto* w = by_id[parties->getColumn(1).getInt64()];
    const std::string role = parties->getColumn(2).getString();
    const std::string name = parties->getColumn(3).getString();
    auto& list =
        role == "trainer" ? w->trainer_institutions : w->participating_agencies;
    if (list.empty() || list.back() != name) list.push_back(name);
    (role == "trainer" ? trainers : agencies)[section].insert(name);
  }
  for (int s = 0; s < 2; ++s) {
    sections[s]->totals.trainer_institutions.assign(trainers[s].begin(),
                                                    trainers[s].end());
    sections[s]->totals.agencies_reached.assign(agencies[s].begin(),
                                                agencies[s].end());
  }
}

}  // namespace

std::optional<domain::AttendanceReport> AttendanceReportFor(
    Database& db, std::int64_t workshop_id) {
  auto workshop = Get<domain::Workshop>(db, workshop_id);
  if (!workshop) return std::nullopt;
  domain::AttendanceReport r;
  ReadTransaction snapshot(db);
  r.workshop = *workshop;
  r.totals = Groups(db, workshop_id, "NULL", "NULL", "", false).at(0);
  r.sessions = SessionMarks(db, workshop_id);
  r.by_organization =
      Groups(db, workshop_id, "CAST(reg.organization_id AS TEXT)", "o.name",
             "LEFT JOIN organizations o ON o.id = reg.organization_id", true);
  r.by_gender = Groups(db, workshop_id, "reg.gender", "reg.gender", "", true);
  r.by_province =
      Groups(db, workshop_id, "reg.province", "reg.province", "", true);
  r.matrix = Matrix(db, workshop_id);
  return r;
}

std::optional<domain::FunderReport> FunderReportFor(
    Database& db, std::int64_t organization_id, domain::Date from,
    domain::Date to) {
  auto org = Get<domain::Organization>(db, organization_id);
  if (!org) return std::nullopt;
  domain::FunderReport r;
  r.organization_id = organization_id;
  r.organization_name = org->name;
  r.from = from;
  r.to = to;
  ReadTransaction snapshot(db);
  r.projects = FundedProjects(db, organization_id);
  SelectFunded(db, organization_id, from.ToString(), to.ToString());
  FundedWorkshops(db, r);
  return r;
}

domain::SummaryReport SummaryReportFor(Database& db, domain::Date from,
                                       domain::Date to) {
  domain::SummaryReport r;
  r.from = from;
  r.to = to;
  ReadTransaction snapshot(db);
  // The period's workshops (cancelled ones left out) and their named
  // attendees and participant-days, computed once for the queries below.
  db.Execute(
      "CREATE TEMP TABLE IF NOT EXISTS summary_ws (id INTEGER PRIMARY KEY, "
      "named INTEGER,"
      " days INTEGER);"
      "DELETE FROM summary_ws;");
  ScopedStatement select(db, R"sql(
INSERT INTO summary_ws
SELECT w.id, x.named, x.days
FROM workshops w
LEFT JOIN (
  SELECT g.workshop_id, COUNT(*) AS named, SUM(g.days) AS days
  FROM (SELECT a.workshop_id, a.person_id, COUNT(*) AS days
        FROM attendance a
        WHERE a.workshop_id IN (SELECT id FROM workshops
                                WHERE status <> 'cancelled' AND end_date >= ?1 AND start_date <= ?2)
          AND a.status IN ('present', 'late')
        GROUP BY a.workshop_id, a.person_id) g
  JOIN registrations r ON r.workshop_id = g.workshop_id AND r.person_id = g.person_id
  WHERE r.status <> 'cancelled'
  GROUP BY g.workshop_id) x ON x.workshop_id = w.id
WHERE w.status <> 'cancelled' AND w.end_date >= ?1 AND w.start_date <= ?2)sql");
  BindAll(*select, from.ToString(), to.ToString());
  select->exec();

  const std::string ws = "FROM summary_ws s JOIN workshops w ON w.id = s.id ";
  r.by_project = Counts(db, "SELECT p.code, COUNT(*) " + ws +
                                "JOIN projects p ON p.id = w.project_id GROUP "
                                "BY p.code ORDER BY p.code");
  r.by_kind = Counts(
      db, "SELECT w.kind, COUNT(*) " + ws + "GROUP BY w.kind ORDER BY w.kind");
  r.by_city = Counts(
      db, "SELECT w.city, COUNT(*) " + ws + "GROUP BY w.city ORDER BY w.city");
  r.by_month = Counts(db, "SELECT substr(w.start_date, 1, 7), COUNT(*) " + ws +
                              "GROUP BY 1 ORDER BY 1");
  r.by_status = Counts(db, "SELECT w.status, COUNT(*) " + ws +
                               "GROUP BY w.status ORDER BY w.status");
  ScopedStatement q(db, R"sql(
SELECT COUNT(*), COALESCE(SUM(s.named), 0),
  COALESCE(SUM(CASE WHEN s.named IS NULL AND w.status = 'held' THEN w.reported_participants END), 0),
  COALESCE(SUM(s.days), 0)
FROM summary_ws s JOIN workshops w ON w.id = s.id)sql");
  q->executeStep();
  r.workshops = q->getColumn(0).getInt64();
  r.named_attendees = q->getColumn(1).getInt64();
  r.reported_headcount = q->getColumn(2).getInt64();
  r.participants = r.named_attendees + r.reported_headcount;
  r.participant_days = q->getColumn(3).getInt64();
  r.undated_held_workshops =
      Counts(db,
             "SELECT 'undated', COUNT(*) FROM workshops WHERE status = 'held' "
             "AND start_date IS NULL")
          .at(0)
          .count;
  return r;
}

}  // namespace capdev::storage
