#include "storage/report_queries.hpp"

#include <map>
#include <set>
#include <string>

#include "domain/project.hpp"
#include "storage/attendance_repository.hpp"
#include "storage/engine_errors.hpp"
#include "storage/figures.hpp"
#include "storage/records.hpp"
#include "storage/results_queries.hpp"
#include "storage/row_mapping.hpp"
#include "storage/sql_terms.hpp"
#include "storage/table.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

namespace {

// ---- attendance report ----------------------------------------------------

// Each session's marks, split into participants' and other roles'; marks of
// cancelled registrations count for nobody.
std::vector<domain::SessionFigures> SessionMarks(
    Database& db, std::int64_t workshop_id,
    std::int64_t participants_registered, const domain::Date& today) {
  ScopedStatement q(
      db, R"sql(
SELECT s.id, s.date, s.title, a.status,
  CASE WHEN p.role IN ()sql" +
              SqlTexts<domain::RegistrationRole>(domain::CountsAsTrained) +
              R"sql() THEN 1 ELSE 0 END,
  COUNT(p.person_id)
FROM sessions s LEFT JOIN attendance a ON a.session_id = s.id
LEFT JOIN participation p ON p.workshop_id = a.workshop_id AND p.person_id = a.person_id
WHERE s.workshop_id = ?1
GROUP BY s.id, a.status, 5 ORDER BY s.date, s.start_time, s.id)sql");
  q->Bind(1, workshop_id);
  std::vector<domain::SessionFigures> out;
  while (q->Step()) {
    const auto id = q->Int64(0);
    if (out.empty() || out.back().session_id != id) {
      auto& s = out.emplace_back();
      s.session_id = id;
      Read(*q, 1, s.date);
      Read(*q, 2, s.title);
    }
    auto& s = out.back();
    std::optional<domain::Mark> mark;
    Read(*q, 3, mark);
    const auto n = q->Int64(5);
    if (!mark || n == 0) continue;
    if (q->Int(4) == 0) {
      if (domain::CountsAsAttended(*mark)) s.trainers_present += n;
      continue;
    }
    switch (*mark) {
      case domain::Mark::kPresent:
        s.present += n;
        break;
      case domain::Mark::kLate:
        s.late += n;
        break;
      case domain::Mark::kExcused:
        s.excused += n;
        break;
      case domain::Mark::kAbsent:
        s.absent += n;
        break;
    }
  }
  for (auto& s : out) {
    const auto attended = s.present + s.late;
    s.unmarked = participants_registered - attended - s.excused - s.absent;
    // A session not yet held has no rate (the workshop's mean skips it too).
    s.attendance_rate = domain::AttendanceRate(
        attended, s.date <= today ? 1 : 0, participants_registered);
  }
  return out;
}

std::vector<domain::RoleFigures> Roles(Database& db, std::int64_t workshop_id) {
  ScopedStatement q(
      db,
      "SELECT role, COUNT(*), SUM(CASE WHEN days > 0 THEN 1 ELSE 0 END) "
      "FROM participation "
      "WHERE workshop_id = ? GROUP BY role");
  q->Bind(1, workshop_id);
  std::map<domain::RegistrationRole, domain::RoleFigures> by_role;
  while (q->Step()) {
    domain::RegistrationRole role{};
    Read(*q, 0, role);
    by_role[role] = {role, q->Int64(1), q->Int64(2)};
  }
  std::vector<domain::RoleFigures> out;
  out.reserve(by_role.size());
  for (auto& [role, figures] : by_role) out.push_back(figures);
  return out;
}

// The participants grouped by organization, gender and province.
void Groups(Database& db, domain::AttendanceReport& r) {
  ScopedStatement q(
      db, R"sql(
SELECT p.days, CAST(pe.organization_id AS TEXT), o.name, pe.gender, pe.province
FROM participation p JOIN people pe ON pe.id = p.person_id
LEFT JOIN organizations o ON o.id = pe.organization_id
WHERE p.workshop_id = ?1 AND p.role IN ()sql" +
              SqlTexts<domain::RegistrationRole>(domain::CountsAsTrained) +
              ")");
  q->Bind(1, r.workshop.id);
  using Key = std::optional<std::string>;
  std::map<Key, domain::GroupFigures> orgs, genders, provinces;
  auto add = [&](std::map<Key, domain::GroupFigures>& groups, const Key& key,
                 const Key& label, std::int64_t days) {
    auto& g = groups[key];
    g.key = key;
    g.label = label;
    ++g.registered;
    g.people_trained += days > 0 ? 1 : 0;
    g.participant_days += days;
    g.completed +=
        domain::Completed(days, r.figures.sessions, r.completion_threshold) ? 1
                                                                            : 0;
  };
  while (q->Step()) {
    const auto days = q->Int64(0);
    Key org, name, gender, province;
    Read(*q, 1, org);
    Read(*q, 2, name);
    Read(*q, 3, gender);
    Read(*q, 4, province);
    add(orgs, org, name, days);
    add(genders, gender, gender, days);
    add(provinces, province, province, days);
  }
  auto list = [](std::map<Key, domain::GroupFigures>& groups) {
    std::vector<domain::GroupFigures> out;
    out.reserve(groups.size());
    for (auto& [key, g] : groups) out.push_back(std::move(g));
    // By label, the unrecorded group last.
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      if (!a.label || !b.label) return a.label.has_value() && !b.label;
      return *a.label < *b.label;
    });
    return out;
  };
  r.by_organization = list(orgs);
  r.by_gender = list(genders);
  r.by_province = list(provinces);
}

// ---- funder report ----------------------------------------------------------

// Projects funded by the organization (and, with children, by any below it),
// each with the organization holding the role.
std::vector<domain::FundedProject> FundedProjects(Database& db,
                                                  std::int64_t organization_id,
                                                  bool include_children) {
  static const std::string sql =
      std::string(R"sql(
SELECT p.id, p.code, p.title, o.id, o.name, po.role, po.amount, po.currency,
       p.native_title
FROM project_organizations po
JOIN projects p ON p.id = po.project_id
JOIN organizations o ON o.id = po.organization_id
WHERE po.organization_id IN ()sql") +
      kOrganizationAndBelow + ") AND po.role IN (" +
      SqlTexts<domain::ProjectRole>(domain::IsFunderRole) +
      ") ORDER BY p.code, po.role, o.name";
  ScopedStatement q(db, sql);
  q->BindNamed(":org", organization_id);
  q->BindNamed(":children", include_children ? 1 : 0);
  std::vector<domain::FundedProject> out;
  while (q->Step()) {
    auto& p = out.emplace_back();
    Read(*q, 0, p.project_id);
    Read(*q, 1, p.code);
    Read(*q, 2, p.title);
    Read(*q, 3, p.funder_id);
    Read(*q, 4, p.funder_name);
    Read(*q, 5, p.role);
    Read(*q, 6, p.amount);
    Read(*q, 7, p.currency);
    Read(*q, 8, p.native_title);
  }
  return out;
}

// The Chinese names of the organizations that have one.
domain::NativeNames NativeNames(Database& db) {
  ScopedStatement q(db,
                    "SELECT name, native_name FROM organizations "
                    "WHERE native_name IS NOT NULL AND native_name <> ''");
  domain::NativeNames out;
  while (q->Step()) {
    out.emplace(q->Text(0), q->Text(1));
  }
  return out;
}

}  // namespace

domain::StatusOr<domain::NativeNames> OrganizationNativeNames(Database& db) {
  return Guarded([&] { return NativeNames(db); });
}

domain::StatusOr<std::optional<domain::AttendanceReport>> AttendanceReportFor(
    Database& db, std::int64_t workshop_id,
    const domain::ReportOptions& options) {
  ASSIGN_OR_RETURN(const auto snapshot, ReadTransaction::Begin(db));
  return Guarded(
      [&]() -> domain::StatusOr<std::optional<domain::AttendanceReport>> {
        auto workshop = Table<domain::Workshop>(db).Get(workshop_id);
        if (!workshop) return std::optional<domain::AttendanceReport>();
        domain::AttendanceReport r;
        r.workshop = *workshop;
        r.completion_threshold = options.completion_threshold;
        SelectWorkshop(db, workshop_id);
        r.figures = SelectedSections(db, options, InPeriod::kCounted)
                        .in_period.workshops.at(0)
                        .figures;
        r.sessions = SessionMarks(
            db, workshop_id, r.figures.participants_registered, options.today);
        r.by_role = Roles(db, workshop_id);
        Groups(db, r);
        ASSIGN_OR_RETURN(r.matrix, Matrix(db, workshop_id));
        r.native_names = NativeNames(db);
        return std::optional(std::move(r));
      });
}

domain::StatusOr<std::optional<domain::FunderReport>> FunderReportFor(
    Database& db, std::int64_t organization_id, bool include_children,
    const domain::ReportOptions& options) {
  ASSIGN_OR_RETURN(const auto snapshot, ReadTransaction::Begin(db));
  return Guarded(
      [&]() -> domain::StatusOr<std::optional<domain::FunderReport>> {
        auto org = Table<domain::Organization>(db).Get(organization_id);
        if (!org) return std::optional<domain::FunderReport>();
        domain::FunderReport r;
        r.organization_id = organization_id;
        r.organization_name = org->name;
        r.include_children = include_children;
        r.options = options;
        r.projects = FundedProjects(db, organization_id, include_children);
        Scope scope{.project_ids = std::vector<std::int64_t>{}};
        for (const auto& p : r.projects)
          scope.project_ids->push_back(p.project_id);
        SelectHeldWorkshops(db, scope, options);
        auto sections = SelectedSections(db, options);
        r.in_period = std::move(sections.in_period);
        r.dates_uncertain = std::move(sections.dates_uncertain);
        std::set<std::int64_t> seen;
        for (const auto& p : r.projects) {
          if (!seen.insert(p.project_id).second) continue;
          // Found by FundedProjects in this same snapshot.
          auto project = Table<domain::Project>(db).Get(p.project_id);
          if (!project) continue;
          ASSIGN_OR_RETURN(auto results, ResultsWithin(db, *project, options));
          if (!results.results.empty()) r.results.push_back(std::move(results));
        }
        r.native_names = NativeNames(db);
        return std::optional(std::move(r));
      });
}

domain::StatusOr<domain::SummaryReport> SummaryReportFor(
    Database& db, std::optional<std::int64_t> project_id,
    const domain::ReportOptions& options) {
  ASSIGN_OR_RETURN(const auto snapshot, ReadTransaction::Begin(db));
  return Guarded([&] {
    domain::SummaryReport r;
    r.options = options;
    r.project_id = project_id;
    Scope scope;
    if (project_id) scope.project_ids = std::vector{*project_id};
    SelectHeldWorkshops(db, scope, options);
    auto sections = SelectedSections(db, options, InPeriod::kCounted);
    r.in_period = std::move(sections.in_period);
    r.dates_uncertain = std::move(sections.dates_uncertain);
    const auto& lines = r.in_period.workshops;
    r.by_project =
        domain::BreakDown(lines, [](const auto& l) { return l.project_code; });
    r.by_kind = domain::BreakDown(lines, [](const auto& l) {
      return std::string(ToText(l.workshop.kind.value()));
    });
    r.by_city = domain::BreakDown(
        lines, [](const auto& l) { return l.workshop.city.value_or(""); });
    r.by_month = ByMonth(db, lines);
    // Planned and confirmed workshops in the period: not counted, but shown.
    ScopedStatement q(db, R"sql(
  SELECT COUNT(*) FROM workshops
  WHERE status IN (?1, ?2) AND end_date >= ?3 AND start_date <= ?4
    AND (?5 IS NULL OR project_id = ?5))sql");
    BindAll(*q, std::string(ToText(domain::WorkshopStatus::kPlanned)),
            std::string(ToText(domain::WorkshopStatus::kConfirmed)),
            options.from, options.to, project_id);
    q->Step();
    r.not_yet_held = q->Int64(0);
    r.native_names = NativeNames(db);
    return r;
  });
}

}  // namespace capdev::storage
