#include "storage/figures.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <map>
#include <string>

#include "storage/row_mapping.hpp"
#include "storage/sql_terms.hpp"
#include "storage/table.hpp"

namespace capdev::storage {

namespace {

// "'participant'": the roles that count as trained (domain/reports.hpp).
const std::string& TrainedRoles() {
  static const std::string roles =
      SqlTexts<domain::RegistrationRole>(domain::CountsAsTrained);
  return roles;
}

// Sessions of the selected workshops (`n`), and those dated up to ?2
// (`held`). Columns of `p` (participation) and `s` for kCompleted.
constexpr const char* kSessionCounts = R"sql(
WITH s AS (
  SELECT workshop_id, COUNT(*) AS n, SUM(date <= ?2) AS held FROM sessions
  WHERE workshop_id IN (SELECT id FROM report_workshops) GROUP BY workshop_id)
)sql";

// domain::Completed in SQL, ?1 the threshold in percent.
constexpr const char* kCompleted =
    "(COALESCE(s.n, 0) > 0 AND p.days * 100 >= ?1 * s.n)";

std::string JsonArray(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (auto id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "]";
}

std::string JsonArray(const std::vector<std::string>& texts) {
  std::string out = "[";
  for (const auto& t : texts) {
    if (out.size() > 1) out += ",";
    out += "\"";
    for (char c : t) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += "\"";
  }
  return out + "]";
}

// Every query below starts from the selection with `report_workshops rw CROSS
// JOIN ...`: SQLite keeps a CROSS JOIN's order, and the temporary table has
// no statistics, so the planner would otherwise scan all of `participation`
// and probe the selection (seconds instead of milliseconds).
void ClearSelection(Database& db) {
  db.Execute(
      "CREATE TEMP TABLE IF NOT EXISTS report_workshops ("
      " id INTEGER PRIMARY KEY, section INTEGER NOT NULL);"
      "DELETE FROM report_workshops;");
}

std::vector<domain::WorkshopLine> Lines(Database& db,
                                        const domain::ReportOptions& o,
                                        std::vector<int>& sections) {
  const std::string& P = TrainedRoles();
  ScopedStatement q(db, std::string(kSessionCounts) + R"sql(,
x AS (
  SELECT p.workshop_id,
    SUM(p.role IN ()sql" + P +
                            R"sql()) AS registered,
    SUM(p.role IN ()sql" + P +
                            R"sql() AND p.days > 0) AS trained,
    SUM(CASE WHEN p.role IN ()sql" +
                            P + R"sql() THEN p.days ELSE 0 END) AS days,
    SUM(p.role IN ()sql" + P +
                            ") AND " + kCompleted + R"sql() AS completed,
    SUM(p.role NOT IN ()sql" +
                            P + R"sql() AND p.days > 0) AS trainers
  FROM report_workshops rw CROSS JOIN participation p ON p.workshop_id = rw.id
  LEFT JOIN s ON s.workshop_id = p.workshop_id
  GROUP BY p.workshop_id)
SELECT rw.section, pr.code, COALESCE(s.n, 0), COALESCE(s.held, 0),
  COALESCE(x.registered, 0), COALESCE(x.trained, 0), COALESCE(x.days, 0),
  COALESCE(x.completed, 0), COALESCE(x.trainers, 0), )sql" +
                            ColumnsOf<domain::Workshop>("w") + R"sql(
FROM report_workshops rw CROSS JOIN workshops w ON w.id = rw.id
JOIN projects pr ON pr.id = w.project_id
LEFT JOIN s ON s.workshop_id = w.id LEFT JOIN x ON x.workshop_id = w.id
ORDER BY rw.section, w.start_date, w.id)sql");
  BindAll(*q, static_cast<std::int64_t>(o.completion_threshold), o.today);
  std::vector<domain::WorkshopLine> lines;
  while (q->executeStep()) {
    sections.push_back(q->getColumn(0).getInt());
    auto& line = lines.emplace_back();
    Read(q->getColumn(1), line.project_code);
    auto& f = line.figures;
    f.sessions = q->getColumn(2).getInt64();
    f.sessions_held = q->getColumn(3).getInt64();
    f.participants_registered = q->getColumn(4).getInt64();
    f.people_trained = q->getColumn(5).getInt64();
    f.participant_days = q->getColumn(6).getInt64();
    f.completed = q->getColumn(7).getInt64();
    f.trainers = q->getColumn(8).getInt64();
    line.workshop = ReadEntity<domain::Workshop>(*q, 9);
    domain::Complete(f, line.workshop);
  }
  return lines;
}

// Trainer institutions and participating agencies (recorded, and those of
// the people trained) of each selected workshop: names only.
void AddParties(Database& db, std::vector<domain::WorkshopLine>& lines) {
  std::map<std::int64_t, domain::WorkshopLine*> by_id;
  for (auto& l : lines) by_id[l.workshop.id] = &l;
  const std::string trainer(ToText(domain::WorkshopRole::kTrainer));
  const std::string participating(ToText(domain::WorkshopRole::kParticipating));
  ScopedStatement q(db, R"sql(
SELECT wo.workshop_id, wo.role, o.name
FROM report_workshops rw CROSS JOIN workshop_organizations wo ON wo.workshop_id = rw.id
JOIN organizations o ON o.id = wo.organization_id
WHERE wo.role IN (?1, ?2)
UNION
SELECT t.workshop_id, ?2, o.name FROM (
  SELECT DISTINCT p.workshop_id, p.organization_id
  FROM report_workshops rw CROSS JOIN participation p ON p.workshop_id = rw.id
  WHERE p.role IN ()sql" + TrainedRoles() +
                            R"sql() AND p.days > 0) t
JOIN organizations o ON o.id = t.organization_id
ORDER BY 1, 3)sql");
  BindAll(*q, trainer, participating);
  while (q->executeStep()) {
    auto* line = by_id.at(q->getColumn(0).getInt64());
    auto& list = q->getColumn(1).getString() == trainer
                     ? line->trainer_institutions
                     : line->participating_agencies;
    std::string name = q->getColumn(2).getString();
    if (list.empty() || list.back() != name) list.push_back(std::move(name));
  }
}

// The distinct people of each section: trained, completed, trainers, and the
// people trained by gender and organization.
void AddDistinct(Database& db, const domain::ReportOptions& o,
                 domain::Totals* totals[2]) {
  const std::string& P = TrainedRoles();
  const auto threshold = static_cast<std::int64_t>(o.completion_threshold);
  {
    ScopedStatement q(db, std::string(kSessionCounts) + R"sql(
SELECT rw.section,
  COUNT(DISTINCT CASE WHEN p.role IN ()sql" +
                              P + R"sql() AND p.days > 0 THEN p.person_id END),
  COUNT(DISTINCT CASE WHEN p.role IN ()sql" +
                              P + ") AND " + kCompleted +
                              R"sql( THEN p.person_id END),
  COUNT(DISTINCT CASE WHEN p.role NOT IN ()sql" +
                              P + R"sql() AND p.days > 0 THEN p.person_id END)
FROM report_workshops rw CROSS JOIN participation p ON p.workshop_id = rw.id
LEFT JOIN s ON s.workshop_id = rw.id
GROUP BY rw.section)sql");
    BindAll(*q, threshold, o.today);
    while (q->executeStep()) {
      auto* t = totals[q->getColumn(0).getInt()];
      t->people_trained = q->getColumn(1).getInt64();
      t->people_completed = q->getColumn(2).getInt64();
      t->trainers = q->getColumn(3).getInt64();
    }
  }
  // The person's gender and organization are on the participation row.
  const std::string from =
      " FROM report_workshops rw CROSS JOIN participation p"
      " ON p.workshop_id = rw.id ";
  const std::string trained = " WHERE p.role IN (" + P + ") AND p.days > 0";
  ScopedStatement gender(db,
                         "SELECT rw.section, p.gender, "
                         "COUNT(DISTINCT p.person_id)" +
                             from + trained + " GROUP BY 1, 2 ORDER BY 1, 2");
  while (gender->executeStep()) {
    totals[gender->getColumn(0).getInt()]->by_gender.push_back(
        {gender->getColumn(1).getString(), gender->getColumn(2).getInt64()});
  }
  // Distinct organizations first, then their names: one lookup each.
  ScopedStatement agencies(
      db,
      "SELECT t.section, o.name FROM (SELECT DISTINCT rw.section, "
      "p.organization_id" +
          from + trained +
          ") t JOIN organizations o ON o.id = t.organization_id "
          "ORDER BY 1, 2");
  while (agencies->executeStep()) {
    totals[agencies->getColumn(0).getInt()]->agencies_reached.push_back(
        agencies->getColumn(1).getString());
  }
}

}  // namespace

void SelectHeldWorkshops(Database& db, const Scope& scope,
                         const domain::ReportOptions& o) {
  ClearSelection(db);
  std::vector<std::string> kinds;
  for (auto k : scope.kinds) kinds.emplace_back(ToText(k));
  auto list = [](bool any, std::string json) {
    return any ? std::optional<std::string>() : std::optional(std::move(json));
  };
  ScopedStatement q(db, R"sql(
INSERT INTO report_workshops
SELECT w.id, CASE WHEN w.start_date IS NOT NULL AND w.dates_estimated = 0 THEN 0 ELSE 1 END
FROM workshops w
WHERE w.status = ?1
  AND (w.start_date IS NULL OR (w.end_date >= ?2 AND w.start_date <= ?3))
  AND (?4 IS NULL OR w.project_id IN (SELECT value FROM json_each(?4)))
  AND (?5 IS NULL OR w.kind IN (SELECT value FROM json_each(?5)))
  AND (?6 IS NULL OR w.id IN (SELECT value FROM json_each(?6)))
  AND (?7 IS NULL OR EXISTS (
    SELECT 1 FROM json_each(?7) t
    WHERE instr(char(31) || w.topics || char(31), char(31) || t.value || char(31)) > 0)))sql");
  BindAll(*q, std::string(ToText(domain::WorkshopStatus::kHeld)), o.from, o.to,
          scope.project_ids ? std::optional(JsonArray(*scope.project_ids))
                            : std::nullopt,
          list(kinds.empty(), JsonArray(kinds)),
          list(scope.workshop_ids.empty(), JsonArray(scope.workshop_ids)),
          list(scope.topics.empty(), JsonArray(scope.topics)));
  q->exec();
}

void SelectWorkshop(Database& db, std::int64_t workshop_id) {
  ClearSelection(db);
  ScopedStatement q(db, "INSERT INTO report_workshops VALUES (?, 0)");
  q->bind(1, workshop_id);
  q->exec();
}

Sections SelectedSections(Database& db, const domain::ReportOptions& options) {
  std::vector<int> section_of;
  auto lines = Lines(db, options, section_of);
  AddParties(db, lines);
  Sections out;
  domain::Section* sections[] = {&out.in_period, &out.dates_uncertain};
  for (std::size_t i = 0; i < lines.size(); ++i) {
    sections[section_of[i]]->workshops.push_back(std::move(lines[i]));
  }
  domain::Totals* totals[] = {&out.in_period.totals,
                              &out.dates_uncertain.totals};
  for (auto* s : sections) domain::AddUp(s->workshops, s->totals);
  AddDistinct(db, options, totals);
  return out;
}

std::vector<domain::GroupValue> MeasureByGroup(Database& db,
                                               domain::Measure measure,
                                               domain::Disaggregation by,
                                               const domain::ReportOptions& o) {
  using M = domain::Measure;
  std::string value = "COUNT(DISTINCT p.person_id)", condition = "p.days > 0";
  if (measure == M::kParticipations) value = "COUNT(*)";
  if (measure == M::kParticipantDays) value = "SUM(p.days)", condition = "1";
  if (measure == M::kPeopleCompleted) condition = kCompleted;
  if (!domain::CanDisaggregate(measure)) return {};
  // Gender and organization are on the participation row; only the
  // province needs the person.
  std::string key = "p.gender", join;
  if (by == domain::Disaggregation::kOrganization) {
    key = "COALESCE(o.name, '')";
    join = "LEFT JOIN organizations o ON o.id = p.organization_id";
  }
  if (by == domain::Disaggregation::kProvince) {
    key = "COALESCE(pe.province, '')";
    join = "JOIN people pe ON pe.id = p.person_id";
  }
  ScopedStatement q(
      db, std::string(kSessionCounts) + "SELECT " + key + ", " + value + R"sql(
FROM report_workshops rw CROSS JOIN participation p ON p.workshop_id = rw.id
LEFT JOIN s ON s.workshop_id = rw.id
)sql" + join + R"sql(
WHERE rw.section = 0 AND p.role IN ()sql" +
              TrainedRoles() + ") AND " + condition + " GROUP BY 1 ORDER BY 1");
  BindAll(*q, static_cast<std::int64_t>(o.completion_threshold), o.today);
  std::vector<domain::GroupValue> out;
  while (q->executeStep()) {
    out.push_back({q->getColumn(0).getString(), q->getColumn(1).getDouble()});
  }
  return out;
}

std::vector<domain::PersonFigures> PeopleTrained(
    Database& db, const domain::ReportOptions& o) {
  ScopedStatement q(db, std::string(kSessionCounts) + R"sql(
SELECT pe.id, pe.full_name, pe.gender, o.name, pe.province,
  SUM(p.days > 0), SUM(p.days), SUM()sql" +
                            kCompleted + R"sql()
FROM report_workshops rw CROSS JOIN participation p ON p.workshop_id = rw.id
LEFT JOIN s ON s.workshop_id = rw.id
JOIN people pe ON pe.id = p.person_id LEFT JOIN organizations o ON o.id = pe.organization_id
WHERE rw.section = 0 AND p.role IN ()sql" +
                            TrainedRoles() + R"sql() AND p.days > 0
GROUP BY pe.id ORDER BY pe.full_name, pe.id)sql");
  BindAll(*q, static_cast<std::int64_t>(o.completion_threshold), o.today);
  std::vector<domain::PersonFigures> out;
  while (q->executeStep()) {
    auto& p = out.emplace_back();
    Read(q->getColumn(0), p.person_id);
    Read(q->getColumn(1), p.full_name);
    Read(q->getColumn(2), p.gender);
    Read(q->getColumn(3), p.organization);
    Read(q->getColumn(4), p.province);
    Read(q->getColumn(5), p.workshops);
    Read(q->getColumn(6), p.participant_days);
    Read(q->getColumn(7), p.completed);
  }
  return out;
}

}  // namespace capdev::storage
