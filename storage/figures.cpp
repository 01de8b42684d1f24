#include "storage/figures.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "domain/attendance.hpp"
#include "domain/organization.hpp"
#include "storage/id_set.hpp"
#include "storage/organization_names.hpp"
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
  SELECT workshop_id, COUNT(*) AS n, SUM(CASE WHEN date <= ?2 THEN 1 ELSE 0 END) AS held FROM sessions
  WHERE workshop_id IN (SELECT id FROM report_workshops) GROUP BY workshop_id)
)sql";

// domain::Completed in SQL, ?1 the threshold in percent.
constexpr const char* kCompleted =
    "(COALESCE(s.n, 0) > 0 AND p.days * 100 >= ?1 * s.n)";

// Every query below starts from the selection with `report_workshops rw CROSS
// JOIN ...`, and joins every further table with CROSS JOIN too: SQLite keeps
// a CROSS JOIN's order, and the temporary table has no statistics, so the
// planner would otherwise scan all of `participation` and probe the
// selection, or, once the database has statistics (ANALYZE), scan every
// person first: seconds or minutes instead of milliseconds.
void ClearSelection(Database& db) {
  db.connection().ExecScript(
      "CREATE TEMP TABLE IF NOT EXISTS report_workshops ("
      " id INTEGER PRIMARY KEY, section INTEGER NOT NULL);"
      "DELETE FROM report_workshops;");
}

// A line's position by its workshop's id.
using LineIndex = std::unordered_map<std::int64_t, std::size_t>;

// The people and organizations behind a section's distinct totals.
struct SectionPeople {
  IdSet trained, completed, trainers, agencies, institutions;
  std::map<domain::Gender, IdSet> trained_by_gender;
};

// What a report collects about its selected workshops before it sorts and
// adds them up. Lines stay in the order read until then: a line is large,
// and each move of them all costs as much as a query.
struct Collected {
  std::vector<domain::WorkshopLine> lines;
  std::vector<int> section;  // of each line
  std::vector<bool> listed;  // whether its parties are named
  LineIndex index;
  SectionPeople people[2];
  // Of each listed line: its participating agencies, recorded and those of
  // its people trained.
  std::vector<std::vector<std::int64_t>> agencies;
};

// The selected workshops with their session counts (`held`: dated up to
// today).
void ReadLines(Database& db, const domain::ReportOptions& o, InPeriod in_period,
               Collected& c) {
  ScopedStatement q(db, "SELECT rw.section, pr.code, " +
                            ColumnsOf<domain::Workshop>("w") + R"sql(
FROM report_workshops rw CROSS JOIN workshops w ON w.id = rw.id
CROSS JOIN projects pr ON pr.id = w.project_id)sql");
  // Reserved: growing the vector would move every line, more than once.
  ScopedStatement n(db, "SELECT COUNT(*) FROM report_workshops");
  n->Step();
  const auto count = static_cast<std::size_t>(n->Int64(0));
  c.lines.reserve(count);
  c.section.reserve(count);
  c.listed.reserve(count);
  c.index.reserve(count);
  while (q->Step()) {
    const int section = q->Int(0);
    auto& line = c.lines.emplace_back();
    Read(*q, 1, line.project_code);
    line.workshop = ReadEntity<domain::Workshop>(*q, 2);
    c.index.emplace(line.workshop.id, c.section.size());
    c.section.push_back(section);
    c.listed.push_back(section != 0 || in_period == InPeriod::kListed);
  }
  c.agencies.resize(c.lines.size());
  // Grouped by rw.id, in which order the rows come: by s.workshop_id, SQLite
  // would sort them first (twice the time).
  ScopedStatement s(db, R"sql(
SELECT rw.id, COUNT(*), SUM(CASE WHEN s.date <= ?1 THEN 1 ELSE 0 END)
FROM report_workshops rw CROSS JOIN sessions s ON s.workshop_id = rw.id
GROUP BY rw.id)sql");
  BindAll(*s, o.today);
  while (s->Step()) {
    auto& f = c.lines[c.index.at(s->Int64(0))].figures;
    f.sessions = s->Int64(1);
    f.sessions_held = s->Int64(2);
  }
}

// Every figure that counts people, in one pass over the selected workshops'
// participation rows (one per registration, kept by triggers): the lines'
// counts, the people behind each section's distinct totals, and the
// organizations of each listed line's people trained.
void CountPeople(Database& db, const domain::ReportOptions& o, Collected& c) {
  const auto q = db.connection().Prepare(R"sql(
SELECT p.workshop_id, p.person_id, p.role, p.days, p.gender, p.organization_id
FROM report_workshops rw CROSS JOIN participation p ON p.workshop_id = rw.id)sql");
  std::int64_t workshop_id = -1;
  std::size_t line = 0;
  while (q->Step()) {
    // Rows come workshop by workshop: look the line up once per workshop.
    if (const auto id = q->Int64(0); id != workshop_id) {
      workshop_id = id;
      line = c.index.at(id);
    }
    const auto person = q->Int64(1);
    const auto days = q->Int64(3);
    auto& f = c.lines[line].figures;
    auto& who = c.people[c.section[line]];
    // The schema's CHECK constraints keep other texts out.
    const auto role =
        domain::FromText<domain::RegistrationRole>(q->TextView(2));
    if (!role || !domain::CountsAsTrained(*role)) {
      if (days > 0) {
        ++f.trainers;
        who.trainers.Insert(person);
      }
      continue;
    }
    ++f.participants_registered;
    if (domain::Completed(days, f.sessions, o.completion_threshold)) {
      ++f.completed;
      who.completed.Insert(person);
    }
    if (days == 0) continue;
    ++f.people_trained;
    f.participant_days += days;
    who.trained.Insert(person);
    const auto gender = domain::FromText<domain::Gender>(q->TextView(4));
    who.trained_by_gender[gender.value_or(domain::Gender::kUndisclosed)].Insert(
        person);
    if (!q->IsNull(5)) {
      const auto organization = q->Int64(5);
      who.agencies.Insert(organization);
      if (c.listed[line]) c.agencies[line].push_back(organization);
    }
  }
}

// Each section's trainer institutions and, for each listed line, its
// trainer institutions and participating agencies.
void AddParties(Database& db, const OrganizationNames& names, Collected& c) {
  std::vector<std::vector<std::int64_t>> trainers(c.lines.size());
  // Every party read, the roles told apart here: with a condition on the
  // role, SQLite first builds a Bloom filter over the whole table (25 times
  // the query's time for a one-year report on the bench programme).
  const auto q = db.connection().Prepare(R"sql(
SELECT wo.workshop_id, wo.role, wo.organization_id
FROM report_workshops rw CROSS JOIN workshop_organizations wo ON wo.workshop_id = rw.id)sql");
  while (q->Step()) {
    const auto role = domain::FromText<domain::WorkshopRole>(q->TextView(1));
    const bool is_trainer = role == domain::WorkshopRole::kTrainer;
    if (!is_trainer && role != domain::WorkshopRole::kParticipating) continue;
    const auto i = c.index.at(q->Int64(0));
    const auto organization = q->Int64(2);
    if (is_trainer) c.people[c.section[i]].institutions.Insert(organization);
    if (c.listed[i])
      (is_trainer ? trainers : c.agencies)[i].push_back(organization);
  }
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    if (!c.listed[i]) continue;
    c.lines[i].trainer_institutions = names.Sorted(std::move(trainers[i]));
    c.lines[i].participating_agencies = names.Sorted(std::move(c.agencies[i]));
  }
}

// The distinct counts of a section's totals from the people it collected.
void AddDistinct(const SectionPeople& people, const OrganizationNames& names,
                 domain::Totals& t) {
  t.people_trained = people.trained.size();
  t.people_completed = people.completed.size();
  t.trainers = people.trainers.size();
  for (const auto& [gender, set] : people.trained_by_gender) {
    t.by_gender.push_back({std::string(ToText(gender)), set.size()});
  }
  std::sort(t.by_gender.begin(), t.by_gender.end(),
            [](const auto& a, const auto& b) { return a.key < b.key; });
  t.agencies_reached = names.Sorted(people.agencies);
  t.trainer_institutions = names.Sorted(people.institutions);
}

// The lines moved into their sections, by date and id (sorted here rather
// than by SQLite, whose sorter would copy every column of every workshop),
// and each section's totals.
Sections SortedSections(Collected& c, const OrganizationNames& names) {
  std::vector<std::size_t> order(c.lines.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = c.lines[a].workshop;
    const auto& y = c.lines[b].workshop;
    return std::tie(c.section[a], x.start_date, x.id) <
           std::tie(c.section[b], y.start_date, y.id);
  });
  Sections out;
  domain::Section* sections[] = {&out.in_period, &out.dates_uncertain};
  const auto uncertain = static_cast<std::size_t>(
      std::count(c.section.begin(), c.section.end(), 1));
  out.in_period.workshops.reserve(c.lines.size() - uncertain);
  out.dates_uncertain.workshops.reserve(uncertain);
  for (auto i : order) {
    domain::Complete(c.lines[i].figures, c.lines[i].workshop);
    sections[c.section[i]]->workshops.push_back(std::move(c.lines[i]));
  }
  for (int i = 0; i < 2; ++i) {
    domain::AddUp(sections[i]->workshops, sections[i]->totals);
    AddDistinct(c.people[i], names, sections[i]->totals);
  }
  return out;
}

}  // namespace

namespace {

// `column IN (?, ?, ...)` over `values`, bound in order; an empty list
// matches nothing.
template <class T>
void AddIn(Where& where, const std::string& column,
           const std::vector<T>& values) {
  if (values.empty()) {
    where.Add("1 = 0");
    return;
  }
  std::string list;
  std::vector<SqlValue> binds;
  for (const auto& v : values) {
    list += list.empty() ? "?" : ", ?";
    binds.emplace_back(v);
  }
  where.Add(column + " IN (" + list + ")", std::move(binds));
}

bool HasAnyTopic(const std::vector<std::string>& has,
                 const std::vector<std::string>& topics) {
  return std::any_of(topics.begin(), topics.end(), [&](const auto& t) {
    return std::find(has.begin(), has.end(), t) != has.end();
  });
}

// Drops the selected workshops that have none of `topics` (SQLite).
void KeepTopics(Database& db, const std::vector<std::string>& topics) {
  std::vector<std::int64_t> drop;
  {
    ScopedStatement q(db,
                      "SELECT w.id, w.topics FROM report_workshops rw "
                      "JOIN workshops w ON w.id = rw.id");
    while (q->Step()) {
      std::vector<std::string> has;
      Read(*q, 1, has);
      if (!HasAnyTopic(has, topics)) drop.push_back(q->Int64(0));
    }
  }
  ScopedStatement remove(db, "DELETE FROM report_workshops WHERE id = ?");
  for (auto id : drop) {
    remove->Bind(1, id);
    remove->Exec();
    remove->Reset();
  }
}

// PostgreSQL's selection: the view report_workshops over two arrays set for
// the transaction (schema_pg.hpp). `q` reads id, section and topics.
void SetSelection(Database& db, Statement& q,
                  const std::vector<std::string>& topics) {
  std::string ids = "{", sections = "{";
  while (q.Step()) {
    if (!topics.empty()) {
      std::vector<std::string> has;
      Read(q, 2, has);
      if (!HasAnyTopic(has, topics)) continue;
    }
    if (ids.size() > 1) {
      ids += ',';
      sections += ',';
    }
    ids += std::to_string(q.Int64(0));
    sections += std::to_string(q.Int64(1));
  }
  ids += '}';
  sections += '}';
  ScopedStatement set(db,
                      "SELECT set_config('capdev.report_ids', ?, true), "
                      "set_config('capdev.report_sections', ?, true)");
  set->Bind(1, ids);
  set->Bind(2, sections);
  set->Step();
}

}  // namespace

void SelectHeldWorkshops(Database& db, const Scope& scope,
                         const domain::ReportOptions& o) {
  const bool postgres = db.engine() == Engine::kPostgres;
  if (!postgres) ClearSelection(db);
  Where where;
  where.Add("w.status = ?",
            {std::string(ToText(domain::WorkshopStatus::kHeld))});
  where.Add("(w.start_date IS NULL OR (w.end_date >= ? AND w.start_date <= ?))",
            {o.from.ToString(), o.to.ToString()});
  if (scope.project_ids) AddIn(where, "w.project_id", *scope.project_ids);
  if (!scope.kinds.empty()) {
    std::vector<std::string> kinds;
    kinds.reserve(scope.kinds.size());
    for (auto k : scope.kinds) kinds.emplace_back(ToText(k));
    AddIn(where, "w.kind", kinds);
  }
  if (!scope.workshop_ids.empty()) AddIn(where, "w.id", scope.workshop_ids);
  // The lists make the SQL differ from one report to the next: prepared for
  // this once, not cached.
  const std::string select =
      std::string(
          "SELECT w.id, CASE WHEN w.start_date IS NOT NULL AND "
          "w.dates_estimated = 0 THEN 0 ELSE 1 END") +
      (postgres ? ", w.topics" : "") + " FROM workshops w" + where.sql;
  const auto q = db.connection().Prepare(
      postgres ? select : "INSERT INTO report_workshops " + select);
  int i = 0;
  for (const auto& v : where.binds) Bind(*q, ++i, v);
  if (postgres) return SetSelection(db, *q, scope.topics);
  q->Exec();
  if (!scope.topics.empty()) KeepTopics(db, scope.topics);
}

void SelectWorkshop(Database& db, std::int64_t workshop_id) {
  if (db.engine() == Engine::kPostgres) {
    ScopedStatement q(db, "SELECT ?, 0, NULL");
    q->Bind(1, workshop_id);
    return SetSelection(db, *q, {});
  }
  ClearSelection(db);
  ScopedStatement q(db, "INSERT INTO report_workshops VALUES (?, 0)");
  q->Bind(1, workshop_id);
  q->Exec();
}

Sections SelectedSections(Database& db, const domain::ReportOptions& options,
                          InPeriod in_period) {
  Collected c;
  ReadLines(db, options, in_period, c);
  CountPeople(db, options, c);
  const OrganizationNames names(db);
  AddParties(db, names, c);
  return SortedSections(c, names);
}

std::vector<domain::GroupValue> MeasureByGroup(Database& db,
                                               domain::Measure measure,
                                               domain::Disaggregation by,
                                               const domain::ReportOptions& o) {
  using M = domain::Measure;
  std::string value = "COUNT(DISTINCT p.person_id)", condition = "p.days > 0";
  if (measure == M::kParticipations) value = "COUNT(*)";
  if (measure == M::kParticipantDays)
    value = "SUM(p.days)", condition = "1 = 1";
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
    join = "CROSS JOIN people pe ON pe.id = p.person_id";
  }
  ScopedStatement q(
      db, std::string(kSessionCounts) + "SELECT " + key + ", " + value + R"sql(
FROM report_workshops rw CROSS JOIN participation p ON p.workshop_id = rw.id
LEFT JOIN s ON s.workshop_id = rw.id
)sql" + join + R"sql(
WHERE rw.section = 0 AND p.role IN ()sql" +
              TrainedRoles() + ") AND " + condition + " GROUP BY 1");
  BindAll(*q, static_cast<std::int64_t>(o.completion_threshold), o.today);
  std::vector<domain::GroupValue> out;
  while (q->Step()) {
    out.push_back({q->Text(0), q->Double(1)});
  }
  // In the order organization names are listed everywhere, on either
  // engine.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return domain::NameLess(a.key, b.key);
  });
  return out;
}

std::vector<domain::Breakdown> ByMonth(
    Database& db, const std::vector<domain::WorkshopLine>& lines) {
  std::map<std::string, domain::Breakdown> months;
  const auto add = [&](std::string_view month, std::int64_t workshops,
                       std::int64_t participations, std::int64_t days) {
    auto& m = months[std::string(month.substr(0, 7))];
    m.workshops += workshops;
    m.participations += participations;
    m.participant_days += days;
  };
  // The first and last session of each workshop: most lie in one month and
  // count there whole, with their line's figures. Only the few over two
  // months or more have their marks read, so the summary reads a row per
  // workshop rather than one per mark.
  std::unordered_map<std::int64_t, std::pair<std::string, std::string>> spans;
  const auto span = db.connection().Prepare(R"sql(
SELECT rw.id, MIN(s.date), MAX(s.date)
FROM report_workshops rw CROSS JOIN sessions s ON s.workshop_id = rw.id
WHERE rw.section = 0 GROUP BY rw.id)sql");
  while (span->Step()) {
    spans.emplace(span->Int64(0), std::pair{span->Text(1), span->Text(2)});
  }
  // A workshop's sessions, one row each, and one more per participant's
  // attended mark.
  static const std::string marks_sql =
      R"sql(
SELECT s.date, p.person_id
FROM sessions s
LEFT JOIN attendance a ON a.session_id = s.id AND a.status IN ()sql" +
      SqlTexts<domain::Mark>(domain::CountsAsAttended) +
      R"sql()
LEFT JOIN participation p ON p.workshop_id = a.workshop_id
  AND p.person_id = a.person_id AND p.role IN ()sql" +
      TrainedRoles() + R"sql()
WHERE s.workshop_id = ?1)sql";
  for (const auto& line : lines) {
    const auto found = spans.find(line.workshop.id);
    if (found == spans.end()) {  // no sessions: the month it starts
      if (line.workshop.start_date)
        add(line.workshop.start_date->ToString(), 1, 0, 0);
      continue;
    }
    const auto& [first, last] = found->second;
    if (first.substr(0, 7) == last.substr(0, 7)) {
      add(first, 1, line.figures.people_trained, line.figures.participant_days);
      continue;
    }
    std::map<std::string, std::set<std::int64_t>> people;  // by month
    std::map<std::string, std::int64_t> days;
    ScopedStatement q(db, marks_sql);
    q->Bind(1, line.workshop.id);
    while (q->Step()) {
      const auto month = q->Text(0).substr(0, 7);
      auto& who = people[month];
      if (q->IsNull(1)) continue;
      who.insert(q->Int64(1));
      ++days[month];
    }
    for (const auto& [month, who] : people)
      add(month, 1, static_cast<std::int64_t>(who.size()), days[month]);
  }
  std::vector<domain::Breakdown> out;
  out.reserve(months.size());
  for (auto& [key, m] : months) {
    m.key = key;
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<domain::PersonFigures> PeopleTrained(
    Database& db, const domain::ReportOptions& o) {
  ScopedStatement q(db, std::string(kSessionCounts) + R"sql(
SELECT pe.id, pe.full_name, pe.gender, o.name, pe.province, pe.native_name,
  SUM(CASE WHEN p.days > 0 THEN 1 ELSE 0 END), SUM(p.days),
  SUM(CASE WHEN )sql" + kCompleted +
                            R"sql( THEN 1 ELSE 0 END)
FROM report_workshops rw CROSS JOIN participation p ON p.workshop_id = rw.id
LEFT JOIN s ON s.workshop_id = rw.id
CROSS JOIN people pe ON pe.id = p.person_id
LEFT JOIN organizations o ON o.id = pe.organization_id
WHERE rw.section = 0 AND p.role IN ()sql" +
                            TrainedRoles() + R"sql() AND p.days > 0
GROUP BY pe.id, o.name ORDER BY pe.full_name COLLATE capdev_name, pe.id)sql");
  BindAll(*q, static_cast<std::int64_t>(o.completion_threshold), o.today);
  std::vector<domain::PersonFigures> out;
  while (q->Step()) {
    auto& p = out.emplace_back();
    Read(*q, 0, p.person_id);
    Read(*q, 1, p.full_name);
    Read(*q, 2, p.gender);
    Read(*q, 3, p.organization);
    Read(*q, 4, p.province);
    Read(*q, 5, p.native_name);
    Read(*q, 6, p.workshops);
    Read(*q, 7, p.participant_days);
    Read(*q, 8, p.completed);
  }
  return out;
}

}  // namespace capdev::storage
