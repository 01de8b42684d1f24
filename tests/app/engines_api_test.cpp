// The same programme answers alike on both engines: the seeded records, a
// workshop recorded and its attendance taken through the API, then every
// list, record and report read from a server on SQLite and from one on
// PostgreSQL, byte for byte.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/pg_database.hpp"
#include "tests/support/query.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::testing {
namespace json = boost::json;
namespace {

struct Side {
  std::string db;
  std::unique_ptr<ServerProcess> server;
  std::string token;

  HttpResponse Send(const std::string& method, const std::string& target,
                    const json::value& body = nullptr) {
    SetBearerToken(token);
    return Request(server->port(), method, target,
                   body.is_null() ? "" : json::serialize(body));
  }
};

void Prepare(Side& side) {
  ASSERT_EQ(RunCapdev({"migrate", "--db", side.db}).exit_code, 0);
  const auto seeded = RunCapdev({"seed", "--db", side.db});
  ASSERT_EQ(seeded.exit_code, 0) << seeded.output;
  AddUser(side.db, "admin", "admin");
  side.server = std::make_unique<ServerProcess>(side.db);
  side.token = Login(side.server->port(), "admin");
}

// Writes the same on both: a training in Xiamen with three officials,
// two days of marks, one mark changed.
void RecordAWorkshop(Side& side) {
  const auto created = side.Send("POST", "/api/v1/workshops",
                                 {{"project_id", 1},
                                  {"title", "Border management training"},
                                  {"kind", "training"},
                                  {"status", "held"},
                                  {"start_date", "2013-05-14"},
                                  {"end_date", "2013-05-15"},
                                  {"city", "Xiamen"}});
  ASSERT_EQ(created.status, 201) << created.body << side.server->Output();
  const auto w = created.Json().at("id").as_int64();
  const std::string base = "/api/v1/workshops/" + std::to_string(w);
  std::vector<std::int64_t> people;
  for (const auto& [latin, chinese, gender] :
       {std::tuple{"WANG Fang", "王芳", "female"},
        std::tuple{"LI Wei", "李伟", "male"},
        std::tuple{"ZHANG Min", "张敏", "undisclosed"}}) {
    const auto p = side.Send("POST", "/api/v1/people",
                             {{"full_name", latin},
                              {"native_name", chinese},
                              {"gender", gender},
                              {"organization_id", 2}});
    ASSERT_EQ(p.status, 201) << p.body << side.server->Output();
    people.push_back(p.Json().at("id").as_int64());
    ASSERT_EQ(side.Send("POST", base + "/registrations",
                        {{"person_id", people.back()}})
                  .status,
              201);
  }
  const auto sessions = side.Send("GET", base + "/sessions").Json();
  const auto& items = sessions.is_array() ? sessions.as_array()
                                          : sessions.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  const char* marks[2][3] = {{"present", "late", "absent"},
                             {"present", "excused", "present"}};
  for (std::size_t day = 0; day < 2; ++day) {
    json::array sheet;
    for (std::size_t i = 0; i < people.size(); ++i)
      sheet.push_back({{"person_id", people[i]}, {"status", marks[day][i]}});
    const auto saved = side.Send(
        "PUT",
        base + "/sessions/" + std::to_string(items[day].at("id").as_int64()) +
            "/attendance",
        sheet);
    ASSERT_EQ(saved.status, 200) << saved.body;
  }
}

// A body without the instants it was written at (a report's generated_at):
// two requests a second apart differ there and nowhere else.
std::string WithoutInstants(const std::string& body) {
  static const std::regex kInstant(
      R"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)");
  return std::regex_replace(body, kInstant, "<instant>");
}

TEST(EnginesApiTest, TheSameProgrammeAnswersAlikeOnSqliteAndPostgres) {
  CAPDEV_REQUIRE_POSTGRES();
  TempDir dir;
  PgDatabase pg;
  Side sqlite{dir.File("capdev.db")}, postgres{pg.uri()};
  for (Side* side : {&sqlite, &postgres}) {
    Prepare(*side);
    RecordAWorkshop(*side);
    if (HasFatalFailure()) return;
  }
  for (const std::string target : {
           "/api/v1/workshops?limit=100",
           "/api/v1/workshops?sort=start_date&limit=100",
           "/api/v1/workshops/1",
           "/api/v1/workshops/6/attendance",
           "/api/v1/people?limit=100",
           "/api/v1/people?sort=name&limit=100",
           "/api/v1/people?q=wangfang",
           "/api/v1/organizations?limit=100",
           "/api/v1/organizations?sort=name&limit=100",
           "/api/v1/organizations?q=frontex",
           "/api/v1/projects",
           "/api/v1/people/1",
           "/api/v1/reports/attendance?workshop_id=6",
           "/api/v1/reports/attendance?workshop_id=6&format=csv",
           "/api/v1/reports/summary?from=2010-01-01&to=2026-12-31",
           "/api/v1/reports/funder?organization_id=2&from=2010-01-01&"
           "to=2026-12-31",
           "/api/v1/reports/funder?organization_id=2&from=2010-01-01&"
           "to=2026-12-31&format=csv&lang=zh",
           "/api/v1/calendar?from=2012-01-01&to=2014-01-01",
           "/api/v1/conflicts?from=2010-01-01",
           "/api/v1/workshops/6/conflicts",
       }) {
    const auto a = sqlite.Send("GET", target);
    const auto b = postgres.Send("GET", target);
    EXPECT_EQ(a.status, 200) << target << "\n" << a.body;
    EXPECT_EQ(b.status, a.status) << target << "\n" << b.body;
    EXPECT_EQ(WithoutInstants(b.body), WithoutInstants(a.body)) << target;
  }
  // A delete refused names what still refers to the record, alike.
  const auto refused = sqlite.Send("DELETE", "/api/v1/organizations/2");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("in_use"), std::string::npos) << refused.body;
  EXPECT_EQ(postgres.Send("DELETE", "/api/v1/organizations/2").body,
            refused.body);
  // Erasure writes the same on both: the name and its search key.
  for (Side* side : {&sqlite, &postgres}) {
    const auto erased =
        side->Send("POST", "/api/v1/people/1/erase", json::object{});
    EXPECT_EQ(erased.status, 200) << erased.body;
  }
  const auto a = sqlite.Send("GET", "/api/v1/people/1");
  EXPECT_EQ(postgres.Send("GET", "/api/v1/people/1").body, a.body);
  EXPECT_NE(a.body.find("Erased person 1"), std::string::npos) << a.body;
  SetBearerToken("");
}

}  // namespace
}  // namespace capdev::testing

namespace capdev::testing {
namespace {

std::int64_t Organizations(const std::string& uri) {
  storage::Database db({uri});
  return QueryInt(db, "SELECT COUNT(*) FROM organizations");
}

// The operator's commands on a postgresql:// URI: backup with pg_dump,
// restore with pg_restore (all or nothing), check.
TEST(EnginesCliTest, BackupRestoreAndCheckWorkOnPostgres) {
  CAPDEV_REQUIRE_POSTGRES();
  TempDir dir;
  PgDatabase pg;
  ASSERT_EQ(RunCapdev({"migrate", "--db", pg.uri()}).exit_code, 0);
  ASSERT_EQ(RunCapdev({"seed", "--db", pg.uri()}).exit_code, 0);
  const auto seeded = Organizations(pg.uri());
  ASSERT_GT(seeded, 0);
  const std::string copy = dir.File("capdev.dump");
  const auto backup = RunCapdev({"backup", "--db", pg.uri(), copy});
  ASSERT_EQ(backup.exit_code, 0) << backup.output;
  {
    storage::Database db({pg.uri()});
    ASSERT_TRUE(db.Execute("INSERT INTO organizations (name, kind, unique_key)"
                           " VALUES ('Written after the backup', 'ngo', "
                           "'written after the backup')")
                    .ok());
  }
  EXPECT_EQ(Organizations(pg.uri()), seeded + 1);
  const auto restore = RunCapdev({"restore", "--db", pg.uri(), copy});
  ASSERT_EQ(restore.exit_code, 0) << restore.output;
  EXPECT_EQ(Organizations(pg.uri()), seeded);
  const auto check = RunCapdev({"check", "--db", pg.uri()});
  EXPECT_EQ(check.exit_code, 0) << check.output;
  // A backup that is not one is refused, and nothing is lost.
  const auto refused =
      RunCapdev({"restore", "--db", pg.uri(), dir.File("missing.dump")});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_EQ(Organizations(pg.uri()), seeded);
}

}  // namespace
}  // namespace capdev::testing
