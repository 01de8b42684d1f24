// The seeded records as a whole: citations, dates, projects and funders, one
// record per real-world thing, and seeding again, over a conflict or an older
// seed.

#include <optional>

#include "domain/concat.hpp"
#include "tests/support/query.hpp"
#include "tests/support/seed_fixture.hpp"

namespace capdev::testing {
namespace {

TEST_F(SeedTest, EverySourceIsACitationNamingItsSeedDocument) {
  const std::map<std::string, std::string> titles = {
      {"000_bfb7b29f8f6badf6.txt",
       "International Seminar on Immigration Management in China"},
      {"001_a04f506eed3d0ac6.txt",
       "IOM Conducts Fraudulent Travel Document Training for Chinese "
       "Immigration, Consular Officials"},
      {"002_d53f5f75dadb59bf.txt",
       "IOM Works with China to Strengthen Border Management, Protect "
       "Trafficking Victims"},
      {"003_009c1d7735d1412c.txt",
       "Chinese authorities enhance their understanding of international "
       "migration law and standards"},
      {"004_e1d4539688515f75.txt",
       "IOM, China’s Bureau of Exit and Entry Administration, Ministry of "
       "Public Security, Organize International Migration Law and "
       "International Standards Training"},
  };
  static const std::regex kCitation(
      R"re(^([^"]+), "([^"]+)", press release, (.+) )re"
      R"re(\(seed document (\d{3}_[0-9a-f]{16}\.txt)\)$)re");
  std::map<std::string, int> cited;
  for (auto& w : ListAll(port(), "/api/v1/workshops", 50)) {
    ASSERT_TRUE(w.at("source").is_string()) << w;
    const std::string source(w.at("source").as_string());
    SCOPED_TRACE(source);
    EXPECT_LE(source.size(), 10000u);
    std::smatch m;
    ASSERT_TRUE(std::regex_match(source, m, kCitation));
    const std::string document = m[4].str();
    cited[document]++;
    ASSERT_TRUE(titles.contains(document));
    EXPECT_EQ(m[2].str(), titles.at(document));
    EXPECT_NE(m[1].str().find("IOM"), std::string::npos);  // the publisher
  }
  EXPECT_EQ(cited.size(), titles.size());
  for (const auto& [document, times] : cited) {
    EXPECT_EQ(times, 1) << document << " is cited by more than one workshop";
  }
}

// Where a record has dates (estimated or not), they agree with what the
// release states: the same day and month, and the stated length.
TEST_F(SeedTest, StatedDatesAgreeWithTheRecordedDates) {
  int dated = 0;
  for (auto& w : ListAll(port(), "/api/v1/workshops", 50)) {
    if (w.at("start_date").is_null()) continue;
    ++dated;
    SCOPED_TRACE(std::string(w.at("title").as_string()));
    const std::string start(w.at("start_date").as_string());
    const std::string end(w.at("end_date").as_string());
    ASSERT_TRUE(w.at("stated_dates").is_string());
    const std::string stated(w.at("stated_dates").as_string());
    ASSERT_EQ(stated.size(), 10u) << stated;  // XXXX-MM-DD
    EXPECT_EQ(stated.substr(4), start.substr(4));
    const auto sessions =
        ListAll(port(),
                "/api/v1/workshops/" + std::to_string(w.at("id").as_int64()) +
                    "/sessions",
                10);
    ASSERT_FALSE(sessions.empty());
    EXPECT_EQ(sessions.front().at("date").as_string(), start);
    EXPECT_EQ(sessions.back().at("date").as_string(), end);
    if (!w.at("duration_days").is_null()) {
      EXPECT_EQ(static_cast<std::int64_t>(sessions.size()),
                w.at("duration_days").as_int64());
    }
  }
  EXPECT_EQ(dated, 2);  // Langfang and Hangzhou
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

TEST_F(SeedTest, TheEuropeanCommissionsFunderReportShowsEveryEvent) {
  auto ec =
      ListAll(port(), "/api/v1/organizations?q=European%20Commission", 10);
  ASSERT_EQ(ec.size(), 1u);
  const std::string target = "/api/v1/reports/funder?organization_id=" +
                             std::to_string(ec[0].at("id").as_int64()) +
                             "&from=2007-01-01&to=2026-12-31";
  auto r = Get(port(), target).Json();
  // CBMM is the Commission's own; the EU-China Dialogue is funded by its
  // Service for Foreign Policy Instruments, below it.
  std::map<std::string, std::string> funders;
  for (auto& p : r.at("projects").as_array()) {
    funders[std::string(p.at("code").as_string())] =
        p.at("funder").at("name").as_string();
  }
  EXPECT_EQ(funders,
            (std::map<std::string, std::string>{
                {"CBMM", "European Commission"},
                {"EUCDMM", "EU Service for Foreign Policy Instruments"}}));
  // No event has exact dates: all five are listed apart, each historical
  // headcount with its estimated participant-days (headcount x the stated
  // length: one week = 5 working days, four days, two days, and one day).
  EXPECT_TRUE(r.at("workshops").as_array().empty());
  std::multiset<std::string> estimates;
  for (auto& w : r.at("dates_uncertain").at("workshops").as_array()) {
    const auto& days = w.at("estimated_participant_days");
    estimates.insert(std::string(w.at("city").as_string()) + " " +
                     (days.is_null() ? "-" : std::to_string(days.as_int64())));
  }
  EXPECT_EQ(estimates, (std::multiset<std::string>{"Langfang -", "Harbin 150",
                                                   "Beijing 120", "Beijing 102",
                                                   "Hangzhou 33"}));
  auto apart = r.at("dates_uncertain").at("totals");
  EXPECT_EQ(apart.at("reported_headcount").as_int64(), 30 + 30 + 51 + 33);
  EXPECT_EQ(apart.at("estimated_participant_days").as_int64(), 405);
  // The Commission's own project alone: CBMM's Harbin and Beijing trainings.
  auto own = Get(port(), target + "&include_children=false").Json();
  EXPECT_EQ(own.at("projects").as_array().size(), 1u);
  EXPECT_EQ(own.at("dates_uncertain")
                .at("totals")
                .at("reported_headcount")
                .as_int64(),
            60);
  auto html = Get(port(), target + "&format=html");
  EXPECT_NE(html.body.find(
                "International Seminar on Immigration Management in China"),
            std::string::npos);
}

// Every row of every seeded table, byte for byte (NULL apart from '').
std::string DumpSeededTables(const std::string& db) {
  capdev::storage::Database d({db});
  std::string dump;
  for (const char* t :
       {"organizations", "projects", "project_organizations", "workshops",
        "workshop_organizations", "sessions", "people", "registrations"}) {
    dump += std::string(t) + ":\n";
    const auto q = d.connection().Prepare(std::string("SELECT * FROM ") + t +
                                          " ORDER BY 1");
    while (q->Step()) {
      for (int i = 0; i < q->ColumnCount(); ++i) {
        dump += q->IsNull(i) ? std::string("NULL")
                             : domain::Concat("'", q->Text(i), "'");
        dump += '|';
      }
      dump += '\n';
    }
  }
  return dump;
}

TEST_F(SeedTest, SeedingAgainChangesNothing) {
  const std::string db = db_->location();
  const auto before = DumpSeededTables(db);
  ASSERT_NE(before.find("XXXX-03-02"), std::string::npos);  // the new fields
  auto again = RunCapdev({"seed", "--db", db});
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("0 records created"), std::string::npos)
      << again.output;
  EXPECT_EQ(DumpSeededTables(db), before);
  auto third = RunCapdev({"seed", "--db", db});
  EXPECT_EQ(third.exit_code, 0) << third.output;
  EXPECT_EQ(DumpSeededTables(db), before);
}

// A host's list names agencies in Chinese: the seeded ones are found by
// their Chinese names (the glossary's), and a list naming them creates none.
TEST_F(SeedTest, SeededOrganizationsAreFoundByTheirChineseNames) {
  const auto found =
      ListAll(port(), "/api/v1/organizations?q=%E5%85%AC%E5%AE%89%E9%83%A8",
              10);  // 公安部
  std::set<std::string> names;
  for (const auto& o : found)
    names.insert(std::string(o.at("name").as_string()));
  EXPECT_EQ(names, (std::set<std::string>{
                       "Ministry of Public Security of the People's Republic "
                       "of China",
                       "MPS Bureau of Exit and Entry Administration"}));
  const auto workshop = WorkshopFrom("004_e1d4539688515f75.txt");
  auto dry = Upload(
      port(),
      "/api/v1/workshops/" + std::to_string(workshop.at("id").as_int64()) +
          "/registrations/import",
      "姓名,单位\n王芳,公安部\n李娜,公安部出入境管理局\n张伟,科隆大学\n"
      "刘洋,中华人民共和国外交部\n");
  ASSERT_EQ(dry.status, 200) << dry.body;
  const auto summary = dry.Json().at("summary");
  EXPECT_TRUE(summary.at("unmatched_organizations").as_array().empty())
      << dry.body;
  EXPECT_EQ(summary.at("organizations_matched").as_int64(), 4);
}

TEST(SeedConflictTest, RefusesADatabaseWithConflictingRecordsAndWritesNothing) {
  TempDir dir;
  const std::string db = dir.File("conflict.db");
  ASSERT_EQ(RunCapdev({"migrate", "--db", db}).exit_code, 0);
  {
    capdev::storage::Database d({db});
    d.connection().ExecScript(
        "INSERT INTO organizations (name, kind) VALUES ('Frontex', 'ngo')");  // not the seed's
    d.connection().ExecScript(
        "INSERT INTO organizations (name, kind) VALUES ('European Border and "
        "Coast Guard Agency', 'ngo')");
  }
  auto r = RunCapdev({"seed", "--db", db});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("refusing to overwrite"), std::string::npos)
      << r.output;
  capdev::storage::Database d({db});
  EXPECT_EQ(capdev::testing::QueryInt(d, "SELECT COUNT(*) FROM organizations"),
            2);
  EXPECT_EQ(capdev::testing::QueryInt(d, "SELECT COUNT(*) FROM workshops"), 0);
}

// A database loaded by the first seed (sources were bare document names) is
// brought up to date in place: no workshop is duplicated.
TEST(SeedUpgradeTest, ADatabaseSeededWithFileNameSourcesIsUpdatedInPlace) {
  TempDir dir;
  const std::string db = dir.File("old.db");
  ASSERT_EQ(RunCapdev({"seed", "--db", db}).exit_code, 0);
  {
    capdev::storage::Database d({db});
    // "... (seed document 000_bfb7b29f8f6badf6.txt)" -> the file name.
    d.connection().ExecScript(
        "UPDATE workshops SET duration_days = NULL, stated_dates = NULL, "
        "source = substr(source, instr(source, '(seed document ') + 15, 24)");
    ASSERT_EQ(capdev::testing::QueryInt(
                  d,
                  "SELECT COUNT(*) FROM workshops WHERE source = "
                  "'000_bfb7b29f8f6badf6.txt'"),
              1);
  }
  auto r = RunCapdev({"seed", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("5 updated"), std::string::npos) << r.output;
  capdev::storage::Database d({db});
  EXPECT_EQ(capdev::testing::QueryInt(d, "SELECT COUNT(*) FROM workshops"), 5);
  EXPECT_EQ(capdev::testing::QueryInt(
                d,
                "SELECT COUNT(*) FROM workshops WHERE source LIKE "
                "'%(seed document %'"),
            5);
  EXPECT_EQ(capdev::testing::QueryText(
                d,
                "SELECT stated_dates FROM workshops WHERE source "
                "LIKE '%003_009c1d7735d1412c.txt)'"),
            "XXXX-03-02");
}

// Organizations seeded before they had Chinese names get them on the next
// seed, without a conflict.
TEST(SeedUpgradeTest, OrganizationsSeededWithoutChineseNamesGetThem) {
  TempDir dir;
  const std::string db = dir.File("old.db");
  ASSERT_EQ(RunCapdev({"seed", "--db", db}).exit_code, 0);
  {
    capdev::storage::Database d({db});
    d.connection().ExecScript(
        "UPDATE organizations SET native_name = NULL, aliases = ''");
  }
  auto r = RunCapdev({"seed", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("15 updated"), std::string::npos) << r.output;
  capdev::storage::Database d({db});
  EXPECT_EQ(
      capdev::testing::QueryText(d,
                                 "SELECT native_name FROM organizations WHERE "
                                 "short_name = 'MPS'"),
      "公安部");
  EXPECT_EQ(capdev::testing::QueryInt(
                d,
                "SELECT COUNT(*) FROM organization_names n JOIN "
                "organizations o ON o.id = n.organization_id WHERE "
                "n.key = '中华人民共和国公安部' AND o.short_name = 'MPS'"),
            1);
}

}  // namespace
}  // namespace capdev::testing
