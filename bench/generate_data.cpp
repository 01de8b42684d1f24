// Fills a capdev database with a programme at scale, for the report
// benchmarks: 20,000 workshops, 200,000 people, about 2,000,000 marks.
//
//   capdev_generate_data PATH [--workshops N] [--people N]

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
#include "storage/text_key.hpp"
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
  auto& raw = db.connection();
  constexpr int kOrganizations = 400, kProjects = 20;
  {
    const auto q = raw.Prepare(
        "INSERT INTO organizations (id, name, kind, country) "
        "VALUES (?, ?, ?, 'CN')");
    for (int i = 1; i <= kOrganizations; ++i) {
      q->Bind(1, i);
      q->Bind(2, capdev::domain::Concat("Organization ", std::to_string(i)));
      q->Bind(3, i <= 10 ? "intergovernmental" : "government");
      q->Exec();
      q->Reset();
    }
  }
  {
    const auto q =
        raw.Prepare("INSERT INTO projects (id, code, title) VALUES (?, ?, ?)");
    const auto party = raw.Prepare(
        "INSERT INTO project_organizations (project_id, organization_id, role, "
        "amount, "
        "currency, position) VALUES (?, ?, ?, ?, 'EUR', ?)");
    for (int i = 1; i <= kProjects; ++i) {
      q->Bind(1, i);
      q->Bind(2, capdev::domain::Concat("P", std::to_string(i)));
      q->Bind(3, capdev::domain::Concat("Project ", std::to_string(i)));
      q->Exec();
      q->Reset();
      // Organization 1 (think: the European Commission) leads half the
      // projects.
      const int lead = i % 2 == 0 ? 1 : 2 + i % 5;
      for (int role = 0; role < 2; ++role) {
        party->Bind(1, i);
        party->Bind(2, role == 0 ? lead : 8 + i % 3);
        party->Bind(3, role == 0 ? "lead_funder" : "co_funder");
        party->Bind(4, role == 0 ? 2'000'000.0 : 250'000.0);
        party->Bind(5, role);
        party->Exec();
        party->Reset();
      }
    }
  }
  {
    const auto q = raw.Prepare(
        "INSERT INTO people (id, full_name, gender, organization_id, province) "
        "VALUES (?, ?, ?, ?, ?)");
    for (int i = 1; i <= people; ++i) {
      q->Bind(1, i);
      q->Bind(2, capdev::domain::Concat("Person ", std::to_string(i)));
      q->Bind(3, kGenders[pick(5)]);
      q->Bind(4, 11 + pick(kOrganizations - 10));
      q->Bind(5, capdev::domain::Concat("Province ", std::to_string(pick(31))));
      q->Exec();
      q->Reset();
    }
  }
  const auto workshop = raw.Prepare(
      "INSERT INTO workshops (id, project_id, title, kind, status, start_date, "
      "end_date, dates_estimated, city, reported_participants, city_key) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const auto party = raw.Prepare(
      "INSERT OR IGNORE INTO workshop_organizations "
      "(workshop_id, organization_id, role, "
      "position) VALUES (?, ?, ?, ?)");
  const auto session = raw.Prepare(
      "INSERT INTO sessions (id, workshop_id, date) VALUES (?, ?, ?)");
  const auto registration = raw.Prepare(
      "INSERT OR IGNORE INTO registrations "
      "(workshop_id, person_id, role, status) "
      "VALUES (?, ?, ?, 'registered')");
  const auto mark = raw.Prepare(
      "INSERT OR IGNORE INTO attendance (session_id, "
      "workshop_id, person_id, status) "
      "VALUES (?, ?, ?, ?)");
  const auto first_day = *capdev::domain::Date::Parse("2015-01-01");
  std::int64_t session_id = 0;
  for (int w = 1; w <= workshops; ++w) {
    const int days = 1 + pick(5);  // 1..5 days, 3 on average
    const auto start = first_day.AddDays(pick(11 * 365));
    const bool undated = pick(50) == 0;
    workshop->Bind(1, w);
    workshop->Bind(2, 1 + pick(kProjects));
    workshop->Bind(3, capdev::domain::Concat("Workshop ", std::to_string(w)));
    workshop->Bind(4, kKinds[pick(6)]);
    workshop->Bind(5,
                   undated ? "held" : (pick(20) == 0 ? "cancelled" : "held"));
    if (undated) {
      workshop->BindNull(6);
      workshop->BindNull(7);
    } else {
      workshop->Bind(6, start.ToString());
      workshop->Bind(7, start.AddDays(days - 1).ToString());
    }
    workshop->Bind(8, !undated && pick(10) == 0);
    const char* city = kCities[pick(10)];
    workshop->Bind(9, city);
    workshop->Bind(11, capdev::storage::PlaceKey(city));
    if (pick(4) == 0) {
      workshop->Bind(10, 20 + pick(40));
    } else {
      workshop->BindNull(10);
    }
    workshop->Exec();
    workshop->Reset();
    for (int p = 0; p < 4; ++p) {
      party->Bind(1, w);
      party->Bind(2, 11 + pick(kOrganizations - 10));
      party->Bind(3, p == 0 ? "trainer" : p == 1 ? "host" : "participating");
      party->Bind(4, p);
      party->Exec();
      party->Reset();
    }
    if (undated) continue;
    const std::int64_t first_session = session_id + 1;
    for (int d = 0; d < days; ++d) {
      session->Bind(1, ++session_id);
      session->Bind(2, w);
      session->Bind(3, start.AddDays(d).ToString());
      session->Exec();
      session->Reset();
    }
    // 33 registered people, marked on every session: ~100 marks a workshop.
    for (int r = 0; r < 33; ++r) {
      const int person = 1 + pick(people);
      registration->Bind(1, w);
      registration->Bind(2, person);
      registration->Bind(3, r < 2 ? "trainer" : "participant");
      registration->Exec();
      registration->Reset();
      for (std::int64_t s = first_session; s <= session_id; ++s) {
        mark->Bind(1, s);
        mark->Bind(2, w);
        mark->Bind(3, person);
        mark->Bind(4, kMarks[pick(7)]);
        mark->Exec();
        mark->Reset();
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
    const auto q =
        db.connection().Prepare(std::string("SELECT COUNT(*) FROM ") + table);
    q->Step();
    return q->Int64(0);
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
