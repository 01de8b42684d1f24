// The five recorded events, loaded by `capdev seed` and read back over HTTP.

#include <SQLiteCpp/Database.h>

#include <map>
#include <set>

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

class SeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto first = RunCapdev({"seed", "--db", dir_->File("seed.db")});
    ASSERT_EQ(first.exit_code, 0) << first.output;
    server_ = new ServerProcess(dir_->File("seed.db"));
    SignInAsAdmin(dir_->File("seed.db"), server_->port());
  }
  static void TearDownTestSuite() {
    SetBearerToken("");
    delete server_;
    delete dir_;
  }

  static std::uint16_t port() { return server_->port(); }

  // The workshop recorded from `source`.
  json::object WorkshopFrom(const std::string& source) {
    for (auto& w : ListAll(port(), "/api/v1/workshops", 50)) {
      if (w.at("source").as_string() == source) return w.as_object();
    }
    ADD_FAILURE() << "no workshop from " << source;
    return {};
  }

  std::string OrgName(std::int64_t id) {
    return std::string(
        Get(port(), "/api/v1/organizations/" + std::to_string(id))
            .Json()
            .at("name")
            .as_string());
  }

  // Organization names by role for a workshop (or a project).
  std::map<std::string, std::set<std::string>> Parties(
      const std::string& path) {
    std::map<std::string, std::set<std::string>> out;
    const auto parties = Get(port(), path + "/organizations").Json();
    for (auto& p : parties.as_array()) {
      out[std::string(p.at("role").as_string())].insert(
          OrgName(p.at("organization_id").as_int64()));
    }
    return out;
  }

  std::string ProjectCode(const json::object& w) {
    return std::string(
        Get(port(),
            "/api/v1/projects/" + std::to_string(w.at("project_id").as_int64()))
            .Json()
            .at("code")
            .as_string());
  }

  static TempDir* dir_;
  static ServerProcess* server_;
};
TempDir* SeedTest::dir_ = nullptr;
ServerProcess* SeedTest::server_ = nullptr;

std::set<std::string> Names(std::initializer_list<const char*> names) {
  return {names.begin(), names.end()};
}

TEST_F(SeedTest, LangfangSeminarIsEstimatedFrom6November) {
  auto w = WorkshopFrom("000_bfb7b29f8f6badf6.txt");
  EXPECT_EQ(ProjectCode(w), "CBMM");
  EXPECT_EQ(w.at("kind").as_string(), "seminar");
  EXPECT_EQ(w.at("city").as_string(), "Langfang");
  EXPECT_EQ(w.at("province").as_string(), "Hebei");
  EXPECT_EQ(w.at("start_date").as_string(), "2012-11-06");
  EXPECT_EQ(w.at("end_date").as_string(), "2012-11-07");
  EXPECT_TRUE(w.at("dates_estimated").as_bool());
  EXPECT_TRUE(
      w.at("reported_participants").is_null());  // no headcount is given
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  EXPECT_EQ(parties["trainer"],
            Names({"IOM Immigration and Border Management Division",
                   "IOM Africa Capacity Building Centre",
                   "Department of Immigration and Citizenship (Australia)",
                   "U.S. Customs and Border Protection",
                   "Canada Border Services Agency", "German Federal Police"}));
  EXPECT_EQ(ListAll(port(),
                    "/api/v1/workshops/" +
                        std::to_string(w.at("id").as_int64()) + "/sessions",
                    10)
                .size(),
            2u);
}

TEST_F(SeedTest, HarbinTrainingHasThirtyOfficialsAndNoDates) {
  auto w = WorkshopFrom("001_a04f506eed3d0ac6.txt");
  EXPECT_EQ(ProjectCode(w), "CBMM");
  EXPECT_EQ(w.at("kind").as_string(), "training");
  EXPECT_EQ(w.at("city").as_string(), "Harbin");
  EXPECT_TRUE(w.at("start_date").is_null());
  EXPECT_FALSE(w.at("dates_estimated").as_bool());
  EXPECT_EQ(w.at("reported_participants").as_int64(), 30);
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  EXPECT_EQ(
      parties["trainer"],
      Names({"International Organization for Migration",
             "Portuguese Border and Aliens Service", "German Federal Police"}));
  EXPECT_EQ(parties["participating"],
            Names({"Beijing Frontier Inspection Post",
                   "Shanghai Frontier Inspection Post",
                   "Guangzhou Frontier Inspection Post",
                   "Xiamen Frontier Inspection Post"}));
}

TEST_F(SeedTest, BeijingCounterTraffickingWorkshop) {
  auto w = WorkshopFrom("002_d53f5f75dadb59bf.txt");
  EXPECT_EQ(ProjectCode(w), "CBMM");
  EXPECT_EQ(w.at("city").as_string(), "Beijing");
  EXPECT_TRUE(w.at("start_date").is_null());
  EXPECT_EQ(w.at("reported_participants").as_int64(), 30);
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  // "Germany" and "Portugal" are the agencies named in the other releases.
  EXPECT_TRUE(parties["trainer"].contains("German Federal Police"));
  EXPECT_TRUE(
      parties["trainer"].contains("Portuguese Border and Aliens Service"));
  EXPECT_TRUE(
      parties["trainer"].contains("European Border and Coast Guard Agency"));
  EXPECT_EQ(parties["participating"].size(), 3u);
}

TEST_F(SeedTest, BeijingMigrationLawTrainingHas51Participants) {
  auto w = WorkshopFrom("003_009c1d7735d1412c.txt");
  EXPECT_EQ(ProjectCode(w), "EUCDMM");
  EXPECT_EQ(w.at("city").as_string(), "Beijing");
  EXPECT_TRUE(w.at("start_date").is_null());  // "2 March" without a year
  EXPECT_EQ(w.at("reported_participants").as_int64(), 51);
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  EXPECT_EQ(parties["participating"].size(), 8u);
  EXPECT_TRUE(parties["participating"].contains(
      "State Administration for Foreign Expert Affairs"));
}

TEST_F(SeedTest, HangzhouTrainingOn8September2017) {
  auto w = WorkshopFrom("004_e1d4539688515f75.txt");
  EXPECT_EQ(ProjectCode(w), "EUCDMM");
  EXPECT_EQ(w.at("city").as_string(), "Hangzhou");
  EXPECT_EQ(w.at("start_date").as_string(), "2017-09-08");
  EXPECT_TRUE(w.at("dates_estimated").as_bool());
  EXPECT_EQ(w.at("reported_participants").as_int64(), 33);
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  EXPECT_EQ(parties["trainer"],
            Names({"International Organization for Migration",
                   "University of Cologne",
                   "British Institute of International and Comparative Law"}));
  EXPECT_EQ(parties["co_organizer"],
            Names({"MPS Bureau of Exit and Entry Administration"}));
}

TEST_F(SeedTest, ProjectsCarryTheirFundersAndTitles) {
  auto projects = ListAll(port(), "/api/v1/projects", 10);
  ASSERT_EQ(projects.size(), 2u);
  for (auto& p : projects) {
    auto parties =
        Parties("/api/v1/projects/" + std::to_string(p.at("id").as_int64()));
    if (p.at("code").as_string() == "CBMM") {
      EXPECT_EQ(p.at("funding_instrument").as_string(), "AENEAS Programme");
      EXPECT_EQ(parties["lead_funder"], Names({"European Commission"}));
      EXPECT_EQ(parties["co_funder"],
                Names({"Italian Ministry of Interior",
                       "Government of the United States", "UK Border Agency"}));
    } else {
      EXPECT_EQ(p.at("native_title").as_string(),
                "支持中欧人员往来和移民领域对话项目");
      EXPECT_EQ(parties["implementer"],
                Names({"International Organization for Migration",
                       "International Labour Organization"}));
    }
  }
}

TEST_F(SeedTest, OneRecordPerRealWorldThing) {
  auto people = ListAll(port(), "/api/v1/people?q=Liljert", 10);
  ASSERT_EQ(people.size(), 1u);  // "Par Liljert" and "Pär Liljert"
  EXPECT_EQ(people[0].at("full_name").as_string(), "Pär Liljert");
  const auto id = people[0].at("id").as_int64();
  int workshops_with_him = 0;
  for (auto& w : ListAll(port(), "/api/v1/workshops", 50)) {
    auto regs =
        ListAll(port(),
                "/api/v1/workshops/" + std::to_string(w.at("id").as_int64()) +
                    "/registrations?person_id=" + std::to_string(id),
                10);
    workshops_with_him += static_cast<int>(regs.size());
  }
  EXPECT_EQ(workshops_with_him, 3);
  EXPECT_EQ(
      ListAll(port(), "/api/v1/organizations?q=German%20Federal%20Police", 10)
          .size(),
      1u);
  EXPECT_EQ(ListAll(port(), "/api/v1/organizations?q=IOM%20Office", 10).size(),
            1u);
  EXPECT_EQ(ListAll(port(), "/api/v1/workshops", 50).size(), 5u);
}

TEST_F(SeedTest, TheEuropeanCommissionsFunderReportShowsTheCbmmEvents) {
  auto ec =
      ListAll(port(), "/api/v1/organizations?q=European%20Commission", 10);
  ASSERT_EQ(ec.size(), 1u);
  auto r = Get(port(), "/api/v1/reports/funder?organization_id=" +
                           std::to_string(ec[0].at("id").as_int64()) +
                           "&from=2007-01-01&to=2026-12-31")
               .Json();
  EXPECT_EQ(r.at("projects").as_array().at(0).at("code").as_string(), "CBMM");
  // None of the three CBMM events has exact dates: all are listed apart.
  EXPECT_TRUE(r.at("workshops").as_array().empty());
  std::set<std::string> sources;
  for (auto& w : r.at("dates_uncertain").at("workshops").as_array()) {
    sources.insert(std::string(w.at("city").as_string()));
  }
  EXPECT_EQ(sources, Names({"Langfang", "Harbin", "Beijing"}));
  EXPECT_EQ(r.at("dates_uncertain")
                .at("totals")
                .at("participants")
                .at("reported_headcount")
                .as_int64(),
            60);
  auto html = Get(port(), "/api/v1/reports/funder?organization_id=" +
                              std::to_string(ec[0].at("id").as_int64()) +
                              "&from=2007-01-01&to=2026-12-31&format=html");
  EXPECT_NE(html.body.find(
                "International Seminar on Immigration Management in China"),
            std::string::npos);
}

TEST_F(SeedTest, SeedingAgainChangesNothing) {
  const std::string db = dir_->File("seed.db");
  auto count = [&] {
    SQLite::Database d(db, SQLite::OPEN_READONLY);
    std::string counts;
    for (const char* t :
         {"organizations", "projects", "project_organizations", "workshops",
          "workshop_organizations", "sessions", "people", "registrations"}) {
      counts +=
          std::to_string(
              d.execAndGet(std::string("SELECT COUNT(*) FROM ") + t).getInt()) +
          ",";
    }
    return counts;
  };
  const auto before = count();
  auto again = RunCapdev({"seed", "--db", db});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("0 records created"), std::string::npos)
      << again.output;
  EXPECT_EQ(count(), before);
}

TEST(SeedConflictTest, RefusesADatabaseWithConflictingRecordsAndWritesNothing) {
  TempDir dir;
  const std::string db = dir.File("conflict.db");
  ASSERT_EQ(RunCapdev({"migrate", "--db", db}).exit_code, 0);
  {
    SQLite::Database d(db, SQLite::OPEN_READWRITE);
    d.exec(
        "INSERT INTO organizations (name, kind) VALUES ('Frontex', 'ngo')");  // not the seed's
    d.exec(
        "INSERT INTO organizations (name, kind) VALUES ('European Border and "
        "Coast Guard Agency', 'ngo')");
  }
  auto r = RunCapdev({"seed", "--db", db});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("refusing to overwrite"), std::string::npos)
      << r.output;
  SQLite::Database d(db, SQLite::OPEN_READONLY);
  EXPECT_EQ(d.execAndGet("SELECT COUNT(*) FROM organizations").getInt(), 2);
  EXPECT_EQ(d.execAndGet("SELECT COUNT(*) FROM workshops").getInt(), 0);
}

}  // namespace
}  // namespace capdev::testing
