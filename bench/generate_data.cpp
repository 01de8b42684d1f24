// Fills a capdev database with a programme at scale, for the report
// benchmarks: 20,000 workshops, 200,000 people, about 2,000,000 marks.
//
//   capdev_generate_data PATH [--workshops N] [--people N]

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "app/i18n/catalog.hpp"
#include "domain/concat.hpp"
#include "domain/date.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/transaction.hpp"

namespace {

using capdev::storage::Database;

constexpr const char* kKinds[] = {"training",   "workshop",   "seminar",
                                  "study_tour", "conference", "meeting"};
constexpr const char* kCities[] = {
    "Beijing",  "Shanghai", "Guangzhou", "Hangzhou", "Harbin",
    "Langfang", "Xiamen",   "Kunming",   "Chengdu",  "Wuhan"};
constexpr const char* kGenders[] = {"female", "male", "male", "female",
                                    "undisclosed"};
constexpr const char* kMarks[] = {"present", "present", "present", "present",
                                  "late",    "excused", "absent"};

void Generate(Database& db, int workshops, int people) {
  std::mt19937 rng(42);
  auto pick = [&](int n) {
    return static_cast<int>(rng() % static_cast<unsigned>(n));
  };
  auto& raw = db.raw();
  constexpr int kOrganizations = 400, kProjects = 20;
  {
    SQLite::Statement q(raw,
                        "INSERT INTO organizations (id, name, kind, country) "
                        "VALUES (?, ?, ?, 'CN')");
    for (int i = 1; i <= kOrganizations; ++i) {
      q.bind(1, i);
      q.bind(2, capdev::domain::Concat("Organization ", std::to_string(i)));
      q.bind(3, i <= 10 ? "intergovernmental" : "government");
      q.exec();
      q.reset();
    }
  }
  {
    SQLite::Statement q(
        raw, "INSERT INTO projects (id, code, title) VALUES (?, ?, ?)");
    SQLite::Statement party(
        raw,
        "INSERT INTO project_organizations (project_id, organization_id, role, "
        "amount, "
        "currency, position) VALUES (?, ?, ?, ?, 'EUR', ?)");
    for (int i = 1; i <= kProjects; ++i) {
      q.bind(1, i);
      q.bind(2, capdev::domain::Concat("P", std::to_string(i)));
      q.bind(3, capdev::domain::Concat("Project ", std::to_string(i)));
      q.exec();
      q.reset();
      // Organization 1 (think: the European Commission) leads half the
      // projects.
      const int lead = i % 2 == 0 ? 1 : 2 + i % 5;
      for (int role = 0; role < 2; ++role) {
        party.bind(1, i);
        party.bind(2, role == 0 ? lead : 8 + i % 3);
        party.bind(3, role == 0 ? "lead_funder" : "co_funder");
        party.bind(4, role == 0 ? 2'000'000.0 : 250'000.0);
        party.bind(5, role);
        party.exec();
        party.reset();
      }
    }
  }
  {
    SQLite::Statement q(
        raw,
        "INSERT INTO people (id, full_name, gender, organization_id, province) "
        "VALUES (?, ?, ?, ?, ?)");
    for (int i = 1; i <= people; ++i) {
      q.bind(1, i);
      q.bind(2, capdev::domain::Concat("Person ", std::to_string(i)));
      q.bind(3, kGenders[pick(5)]);
      q.bind(4, 11 + pick(kOrganizations - 10));
      q.bind(5, capdev::domain::Concat("Province ", std::to_string(pick(31))));
      q.exec();
      q.reset();
    }
  }
  SQLite::Statement workshop(
      raw,
      "INSERT INTO workshops (id, project_id, title, kind, status, start_date, "
      "end_date, dates_estimated, city, reported_participants) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement party(raw,
                          "INSERT OR IGNORE INTO workshop_organizations "
                          "(workshop_id, organization_id, role, "
                          "position) VALUES (?, ?, ?, ?)");
  SQLite::Statement session(
      raw, "INSERT INTO sessions (id, workshop_id, date) VALUES (?, ?, ?)");
  SQLite::Statement registration(raw,
                                 "INSERT OR IGNORE INTO registrations "
                                 "(workshop_id, person_id, role, status) "
                                 "VALUES (?, ?, ?, 'registered')");
  SQLite::Statement mark(raw,
                         "INSERT OR IGNORE INTO attendance (session_id, "
                         "workshop_id, person_id, status) "
                         "VALUES (?, ?, ?, ?)");
  const auto first_day = *capdev::domain::Date::Parse("2015-01-01");
  std::int64_t session_id = 0;
  for (int w = 1; w <= workshops; ++w) {
    const int days = 1 + pick(5);  // 1..5 days, 3 on average
    const auto start = first_day.AddDays(pick(11 * 365));
    const bool undated = pick(50) == 0;
    workshop.bind(1, w);
    workshop.bind(2, 1 + pick(kProjects));
    workshop.bind(3, capdev::domain::Concat("Workshop ", std::to_string(w)));
    workshop.bind(4, kKinds[pick(6)]);
    workshop.bind(5, undated ? "held" : (pick(20) == 0 ? "cancelled" : "held"));
    if (undated) {
      workshop.bind(6);
      workshop.bind(7);
    } else {
      workshop.bind(6, start.ToString());
      workshop.bind(7, start.AddDays(days - 1).ToString());
    }
    workshop.bind(8, !undated && pick(10) == 0);
    workshop.bind(9, kCities[pick(10)]);
    if (pick(4) == 0) {
      workshop.bind(10, 20 + pick(40));
    } else {
      workshop.bind(10);
    }
    workshop.exec();
    workshop.reset();
    for (int p = 0; p < 4; ++p) {
      party.bind(1, w);
      party.bind(2, 11 + pick(kOrganizations - 10));
      party.bind(3, p == 0 ? "trainer" : p == 1 ? "host" : "participating");
      party.bind(4, p);
      party.exec();
      party.reset();
    }
    if (undated) continue;
    const std::int64_t first_session = session_id + 1;
    for (int d = 0; d < days; ++d) {
      session.bind(1, ++session_id);
      session.bind(2, w);
      session.bind(3, start.AddDays(d).ToString());
      session.exec();
      session.reset();
    }
    // 33 registered people, marked on every session: ~100 marks a workshop.
    for (int r = 0; r < 33; ++r) {
      const int person = 1 + pick(people);
      registration.bind(1, w);
      registration.bind(2, person);
      registration.bind(3, r < 2 ? "trainer" : "participant");
      registration.exec();
      registration.reset();
      for (std::int64_t s = first_session; s <= session_id; ++s) {
        mark.bind(1, s);
        mark.bind(2, w);
        mark.bind(3, person);
        mark.bind(4, kMarks[pick(7)]);
        mark.exec();
        mark.reset();
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PATH [--workshops N] [--people N]\n",
                 argv[0]);
    return 2;
  }
  int workshops = 20'000, people = 200'000;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--workshops"))
      workshops = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--people")) people = std::atoi(argv[i + 1]);
  }
  const auto started = std::chrono::steady_clock::now();
  Database db({argv[1], 5000, false});
  if (auto s = capdev::storage::Migrate(db); !s.ok()) {
    std::fprintf(stderr, "%s\n", capdev::i18n::LogText(s).c_str());
    return 1;
  }
  const auto done = [](const capdev::domain::Status& s) {
    if (s.ok()) return true;
    std::fprintf(stderr, "%s\n", capdev::i18n::LogText(s).c_str());
    return false;
  };
  auto tx = capdev::storage::WriteTx::Begin(db);
  if (!done(capdev::domain::StatusOf(tx))) return 1;
  Generate(db, workshops, people);
  if (!done(tx->Commit()) || !done(db.Execute("ANALYZE"))) return 1;
  auto count = [&](const char* table) {
    return db.raw()
        .execAndGet(std::string("SELECT COUNT(*) FROM ") + table)
        .getInt64();
  };
  std::printf(
      "generated in %.1f s: %lld workshops, %lld sessions, %lld people, %lld "
      "registrations, %lld marks\n",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started)
          .count(),
      static_cast<long long>(count("workshops")),
      static_cast<long long>(count("sessions")),
      static_cast<long long>(count("people")),
      static_cast<long long>(count("registrations")),
      static_cast<long long>(count("attendance")));
  return 0;
}
