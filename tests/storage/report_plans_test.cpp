// The reports' queries keep the plan they were written for on a database
// whose statistics (ANALYZE) describe a large programme: each starts from the
// selected workshops and looks rows up from there, never scanning a whole
// table or building a Bloom filter over one. Every query a report runs is
// checked, traced as SQLite steps it. With such statistics SQLite
// once chose to scan every person first for the people trained (7 minutes
// instead of 0.25 s on the bench programme), and to filter every workshop's
// parties for each report (most of a one-workshop report's time).

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "domain/reports.hpp"
#include "storage/figures.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

// sqlite_stat1 of the bench programme (bench/generate_data.cpp): 20,000
// workshops, 200,000 people, 647,081 registrations, 1.9 M marks.
constexpr const char* kBenchStatistics = R"sql(
ANALYZE;
DELETE FROM sqlite_stat1;
INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
  ('participation', 'participation_person', '647081 4'),
  ('participation', 'participation', '647081 33 1'),
  ('attendance', 'attendance_registration', '1941517 100 4 2'),
  ('attendance', 'attendance', '1941517 33 1'),
  ('registrations', 'registrations_person', '647081 4'),
  ('registrations', 'sqlite_autoindex_registrations_1', '647081 33 1'),
  ('organizations', 'organizations_parent', '400 400'),
  ('organizations', 'organizations_kind', '400 200'),
  ('organizations', 'sqlite_autoindex_organizations_1', '400 1'),
  ('projects', 'sqlite_autoindex_projects_1', '20 1'),
  ('project_organizations', 'project_organizations_organization', '40 5 5'),
  ('project_organizations', 'project_organizations', '40 2 1 1'),
  ('workshops', 'workshops_dates', '20000 6 2'),
  ('workshops', 'workshops_city', '20000 2000'),
  ('workshops', 'workshops_kind', '20000 3334'),
  ('workshops', 'workshops_status', '20000 10000'),
  ('workshops', 'workshops_project', '20000 1000 2'),
  ('workshop_organizations', 'workshop_organizations_organization', '79949 205 69'),
  ('workshop_organizations', 'workshop_organizations', '79949 4 1 1'),
  ('sessions', 'sessions_date', '58838 15'),
  ('sessions', 'sessions_workshop', '58838 4 1'),
  ('people', 'people_organization', '200000 513');
ANALYZE sqlite_schema;
)sql";

// The query plan of `sql`, a line per step.
std::string PlanOf(Database& db, const std::string& sql) {
  const auto q = db.connection().Prepare("EXPLAIN QUERY PLAN " + sql);
  std::string plan;
  while (q->Step()) plan += q->Text(3) + "\n";
  return plan;
}

TEST(ReportPlansTest, StartFromTheSelectedWorkshopsOnALargeProgramme) {
  testing::TempDir dir;
  Database db({dir.File("plans.db")});
  ASSERT_TRUE(Migrate(db).ok());
  testing::Ok(db.Execute(kBenchStatistics));

  // Every statement the reports run, as SQLite steps it: the cached ones
  // and those finalized after one pass (storage/raw_rows.hpp) alike.
  std::set<std::string> run;
  sqlite3* handle = SqliteHandle(db);
  sqlite3_trace_v2(
      handle, SQLITE_TRACE_STMT,
      [](unsigned, void* out, void* statement, void*) {
        static_cast<std::set<std::string>*>(out)->insert(
            sqlite3_sql(static_cast<sqlite3_stmt*>(statement)));
        return 0;
      },
      &run);
  const domain::ReportOptions o{
      *domain::Date::Parse("2020-01-01"), *domain::Date::Parse("2020-12-31"),
      domain::kDefaultCompletionThreshold, *domain::Date::Parse("2026-01-01")};
  SelectHeldWorkshops(db, Scope{}, o);
  SelectedSections(db, o);
  SelectedSections(db, o, InPeriod::kCounted);
  using M = domain::Measure;
  for (auto m : {M::kPeopleTrained, M::kParticipations, M::kParticipantDays,
                 M::kPeopleCompleted}) {
    for (auto by :
         {domain::Disaggregation::kSex, domain::Disaggregation::kOrganization,
          domain::Disaggregation::kProvince}) {
      MeasureByGroup(db, m, by, o);
    }
  }
  PeopleTrained(db, o);
  ByMonth(db, {});
  sqlite3_trace_v2(handle, 0, nullptr, nullptr);

  std::vector<std::string> queries;
  for (const auto& sql : run) {
    if (sql.find("FROM report_workshops rw") != std::string::npos) {
      queries.push_back(sql);
    }
  }
  // Each kind of query is there: the lines, their sessions, the
  // participation rows, the parties, the breakdowns, the people trained.
  for (const char* table :
       {"workshops w", "sessions s", "participation p ON",
        "workshop_organizations wo", "people pe", "organizations o"}) {
    EXPECT_TRUE(std::any_of(queries.begin(), queries.end(),
                            [&](const std::string& sql) {
                              return sql.find(table) != std::string::npos;
                            }))
        << table;
  }
  for (const auto& sql : queries) {
    const std::string plan = PlanOf(db, sql);
    EXPECT_EQ(plan.find("BLOOM FILTER"), std::string::npos) << sql << plan;
    std::istringstream lines(plan);
    for (std::string step; std::getline(lines, step);) {
      // The selection is the one table scanned, or the session counts
      // materialized from it (`s`, a row per selected workshop).
      if (step.starts_with("SCAN ")) {
        EXPECT_TRUE(step == "SCAN rw" || step == "SCAN s") << sql << plan;
      }
    }
  }
}

}  // namespace
}  // namespace capdev::storage
