// Reports over a small, known data set: every figure is checked against a
// value worked out by hand (in the comments), in JSON, CSV and HTML.

#include <map>

#include "app/reports/document.hpp"
#include "tests/support/api_test.hpp"
#include "tests/support/parsers.hpp"

namespace capdev::testing {
namespace {

const std::string kEvil = "=cmd|' /C calc'!A0";

class ReportsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    funder_ = Organization("Funder F", "intergovernmental");
    auto cofunder = Organization("Funder G");
    agency_a_ = Organization("Agency A");
    auto agency_b = Organization("Agency B");
    auto trainer = Organization("Trainer T", "academic");
    auto frontex = Organization("Frontex", "intergovernmental");
    auto evil = Organization(kEvil, "ngo");
    auto p = Project("P");
    auto q = Project("Q");
    ASSERT_EQ(
        Put("/api/v1/projects/" + std::to_string(p) + "/organizations",
            json::array{{{"organization_id", funder_},
                         {"role", "lead_funder"},
                         {"amount", 100000},
                         {"currency", "EUR"}},
                        {{"organization_id", cofunder}, {"role", "co_funder"}}})
            .status,
        200);

    auto workshop = [&](std::int64_t project, const char* title,
                        const char* kind, const char* status, json::value start,
                        json::value end, bool estimated, json::value city,
                        json::value reported) {
      return Create("/api/v1/workshops", {{"project_id", project},
                                          {"title", title},
                                          {"kind", kind},
                                          {"status", status},
                                          {"start_date", start},
                                          {"end_date", end},
                                          {"dates_estimated", estimated},
                                          {"city", city},
                                          {"reported_participants", reported}});
    };
    w1_ = workshop(p, "W1", "training", "held", "2025-03-10", "2025-03-12",
                   false, "Beijing", nullptr);
    workshop(p, "W2", "training", "held", nullptr, nullptr, false, "Harbin",
             25);
    workshop(p, "W3", "seminar", "held", "2025-06-01", "2025-06-02", true,
             "Hangzhou", 10);
    workshop(p, "W4", "training", "held", "2024-01-05", "2024-01-05", false,
             "Beijing", 99);
    workshop(q, "W5", "workshop", "held", "2025-03-10", "2025-03-10", false,
             "Beijing", 40);
    workshop(p, "W6", "training", "held", "2025-05-01", "2025-05-01", false,
             nullptr, 12);
    workshop(p, "W7", "training", "planned", "2025-04-01", "2025-04-01", false,
             "Beijing", nullptr);
    ASSERT_EQ(Patch("/api/v1/workshops/" + std::to_string(w1_ + 6),
                    {{"status", "cancelled"}})
                  .status,
              200);
    const std::string w1 = "/api/v1/workshops/" + std::to_string(w1_);
    ASSERT_EQ(
        Put(w1 + "/organizations",
            json::array{
                {{"organization_id", trainer}, {"role", "trainer"}},
                {{"organization_id", agency_a_}, {"role", "participating"}},
                {{"organization_id", evil}, {"role", "participating"}}})
            .status,
        200);
    ASSERT_EQ(
        Put("/api/v1/workshops/" + std::to_string(w1_ + 1) + "/organizations",
            json::array{{{"organization_id", frontex}, {"role", "trainer"}}})
            .status,
        200);

    auto person = [&](const char* name, const char* gender, json::value org,
                      json::value province) {
      return Create("/api/v1/people", {{"full_name", name},
                                       {"gender", gender},
                                       {"organization_id", org},
                                       {"province", province}});
    };
    p1_ = person("P1", "female", agency_a_, "Hebei");
    p2_ = person("P2", "male", agency_a_, "Hebei");
    p3_ = person("P3", "female", agency_b, nullptr);
    p4_ = person("P4", "undisclosed", nullptr, nullptr);
    Register(w1_, p1_);
    Register(w1_, p2_);
    Register(w1_, p3_, "trainer");
    auto r4 = Register(w1_, p4_);
    for (auto& s : ListAll(port(), w1 + "/sessions", 10))
      sessions_.push_back(s.at("id").as_int64());
    auto sheet = [&](int i, json::array marks) {
      ASSERT_EQ(
          Put(w1 + "/sessions/" + std::to_string(sessions_[i]) + "/attendance",
              marks)
              .status,
          200);
    };
    sheet(0, {{{"person_id", p1_}, {"status", "present"}},
              {{"person_id", p2_}, {"status", "late"}},
              {{"person_id", p3_}, {"status", "absent"}},
              {{"person_id", p4_}, {"status", "present"}}});
    sheet(1, {{{"person_id", p1_}, {"status", "present"}},
              {{"person_id", p2_}, {"status", "absent"}},
              {{"person_id", p3_}, {"status", "excused"}}});
    sheet(2, {{{"person_id", p1_}, {"status", "late"}}});
    // P4's registration is cancelled after the fact: P4 no longer counts
    // anywhere.
    ASSERT_EQ(Patch(w1 + "/registrations/" + std::to_string(r4),
                    {{"status", "cancelled"}})
                  .status,
              200);
  }

  // Checks each figure in the CSV and the HTML rendering of `target`.
  void ExpectFigures(const std::string& target,
                     const std::vector<Figure>& figures) {
    auto csv = Get(target + "&format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
    auto rows = ParseCsv(csv.body);
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0], (std::vector<std::string>{"section", "item", "measure",
                                                 "value"}));
    std::map<std::tuple<std::string, std::string, std::string>, std::string>
        cells;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      ASSERT_EQ(rows[i].size(), 4u);
      for (const auto& cell : rows[i]) {
        ASSERT_TRUE(cell.empty() ||
                    std::string("=+-@\t\r").find(cell[0]) == std::string::npos)
            << "formula-like cell: " << cell;
      }
      cells[{rows[i][0], rows[i][1], rows[i][2]}] = rows[i][3];
    }
    auto neutral = [](std::string v) {
      return !v.empty() && std::string("=+-@").find(v[0]) != std::string::npos
                 ? "'" + v
                 : v;
    };
    for (const auto& [section, item, measure, value] : figures) {
      auto it = cells.find({section, neutral(item), measure});
      ASSERT_NE(it, cells.end())
          << "CSV lacks " << section << "/" << item << "/" << measure;
      EXPECT_EQ(it->second, neutral(value))
          << "CSV " << section << "/" << item << "/" << measure;
    }

    auto html = Get(target + "&format=html");
    ASSERT_EQ(html.status, 200);
    EXPECT_EQ(html.Header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(html.body.find("@media print"), std::string::npos);
    EXPECT_NE(html.body.find("Generated"), std::string::npos);
    auto tables = ParseHtmlTables(html.body);
    for (const auto& [section, item, measure, value] : figures) {
      auto& table = tables[section];
      ASSERT_FALSE(table.empty()) << "HTML lacks table " << section;
      auto col = std::find(table[0].begin(), table[0].end(), measure) -
                 table[0].begin();
      ASSERT_LT(col, static_cast<long>(table[0].size()))
          << section << " lacks column " << measure;
      auto row = std::find_if(table.begin(), table.end(),
                              [&](auto& r) { return r[0] == item; });
      ASSERT_NE(row, table.end()) << section << " lacks row " << item;
      EXPECT_EQ((*row)[col], value)
          << "HTML " << section << "/" << item << "/" << measure;
    }
  }

  std::int64_t funder_ = 0, agency_a_ = 0, w1_ = 0, p1_ = 0, p2_ = 0, p3_ = 0,
               p4_ = 0;
  std::vector<std::int64_t> sessions_;
};

TEST_F(ReportsApiTest, AttendanceReportFigures) {
  const std::string target =
      "/api/v1/reports/attendance?workshop_id=" + std::to_string(w1_);
  auto r = Get(target).Json().as_object();
  // Registered: P1, P2, P3 (P4 cancelled). Attended: P1 (3 sessions), P2 (late
  // on day 1).
  EXPECT_EQ(r.at("registered").as_int64(), 3);
  EXPECT_EQ(r.at("attended").as_int64(), 2);
  EXPECT_NEAR(r.at("attendance_rate").as_double(), 2.0 / 3.0, 1e-9);
  EXPECT_EQ(r.at("participant_days").as_int64(), 4);  // P1: 3, P2: 1
  auto sessions = r.at("sessions").as_array();
  ASSERT_EQ(sessions.size(), 3u);
  auto marks = [&](int i) {
    auto& s = sessions[i];
    return std::vector<std::int64_t>{
        s.at("present").as_int64(), s.at("late").as_int64(),
        s.at("excused").as_int64(), s.at("absent").as_int64(),
        s.at("unmarked").as_int64()};
  };
  EXPECT_EQ(marks(0), (std::vector<std::int64_t>{
                          1, 1, 0, 1, 0}));  // P4's mark no longer counts
  EXPECT_EQ(marks(1), (std::vector<std::int64_t>{1, 0, 1, 1, 0}));
  EXPECT_EQ(marks(2), (std::vector<std::int64_t>{0, 1, 0, 0, 2}));
  auto orgs = r.at("by_organization").as_array();
  ASSERT_EQ(orgs.size(), 2u);
  EXPECT_EQ(orgs[0].at("name").as_string(), "Agency A");
  EXPECT_EQ(orgs[0].at("organization_id").as_int64(), agency_a_);
  EXPECT_EQ(orgs[0].at("registered").as_int64(), 2);
  EXPECT_EQ(orgs[0].at("attended").as_int64(), 2);
  EXPECT_EQ(orgs[0].at("participant_days").as_int64(), 4);
  EXPECT_EQ(orgs[1].at("name").as_string(), "Agency B");
  EXPECT_EQ(orgs[1].at("attended").as_int64(), 0);
  auto gender = r.at("by_gender").as_array();
  ASSERT_EQ(gender.size(), 2u);
  EXPECT_EQ(gender[0].at("gender").as_string(), "female");
  EXPECT_EQ(gender[0].at("registered").as_int64(), 2);
  EXPECT_EQ(gender[0].at("attended").as_int64(), 1);
  EXPECT_EQ(gender[0].at("participant_days").as_int64(), 3);
  EXPECT_EQ(gender[1].at("gender").as_string(), "male");
  EXPECT_EQ(gender[1].at("participant_days").as_int64(), 1);
  auto province = r.at("by_province").as_array();
  ASSERT_EQ(province.size(), 2u);
  EXPECT_TRUE(province[0].at("province").is_null());
  EXPECT_EQ(province[0].at("registered").as_int64(), 1);
  EXPECT_EQ(province[1].at("province").as_string(), "Hebei");
  EXPECT_EQ(province[1].at("attended").as_int64(), 2);
  auto rows = r.at("matrix").at("rows").as_array();
  ASSERT_EQ(rows.size(),
            3u);  // registered people: P4's cancelled registration is not one
  EXPECT_EQ(rows[0].at("marks"), (json::array{"present", "present", "late"}));

  const std::string s0 =
      "2025-03-10 (session " + std::to_string(sessions_[0]) + ")";
  const std::string s2 =
      "2025-03-12 (session " + std::to_string(sessions_[2]) + ")";
  ExpectFigures(
      target,
      {{"totals", "Registered", "Value", "3"},
       {"totals", "Attended", "Value", "2"},
       {"totals", "Attendance rate", "Value", "66.7%"},
       {"totals", "Participant-days", "Value", "4"},
       {"sessions", s0, "Present", "1"},
       {"sessions", s0, "Absent", "1"},
       {"sessions", s2, "Late", "1"},
       {"sessions", s2, "Unmarked", "2"},
       {"by_organization", "Agency A", "Participant-days", "4"},
       {"by_organization", "Agency B", "Attendance rate", "0.0%"},
       {"by_gender", "female", "Attended", "1"},
       {"by_province", "Hebei", "Registered", "2"},
       {"by_province", "(not recorded)", "Registered", "1"},
       {"matrix", "P1 (person " + std::to_string(p1_) + ")", s2, "late"}});
}

TEST_F(ReportsApiTest, FunderReportFigures) {
  const std::string target =
      "/api/v1/reports/funder?organization_id=" + std::to_string(funder_) +
      "&from=2025-01-01&to=2025-12-31";
  auto r = Get(target).Json().as_object();
  auto projects = r.at("projects").as_array();
  ASSERT_EQ(projects.size(), 1u);
  EXPECT_EQ(projects[0].at("role").as_string(), "lead_funder");
  EXPECT_EQ(projects[0].at("amount").as_double(), 100000.0);
  // In the period: W1 (exact dates) and W6; W4 is outside, W5 is another
  // project's, W7 was cancelled.
  auto workshops = r.at("workshops").as_array();
  ASSERT_EQ(workshops.size(), 2u);
  EXPECT_EQ(workshops[0].at("title").as_string(), "W1");
  EXPECT_EQ(workshops[0].at("named_attendees").as_int64(), 2);
  EXPECT_EQ(workshops[0].at("participant_days").as_int64(), 4);
  EXPECT_EQ(workshops[0].at("trainer_institutions"),
            (json::array{"Trainer T"}));
  EXPECT_EQ(workshops[0].at("participating_agencies"),
            (json::array{kEvil, "Agency A"}));
  EXPECT_EQ(workshops[1].at("title").as_string(), "W6");
  EXPECT_EQ(workshops[1].at("reported_participants").as_int64(), 12);
  auto totals = r.at("totals").as_object();
  EXPECT_EQ(totals.at("workshops").as_int64(), 2);
  EXPECT_EQ(totals.at("participants").at("named_attendees").as_int64(), 2);
  EXPECT_EQ(totals.at("participants").at("unique_named_attendees").as_int64(),
            2);
  EXPECT_EQ(totals.at("participants").at("reported_headcount").as_int64(), 12);
  EXPECT_EQ(totals.at("participants").at("total").as_int64(), 14);
  EXPECT_EQ(totals.at("participant_days").as_int64(), 4);
  EXPECT_EQ(totals.at("by_gender"),
            (json::array{{{"gender", "female"}, {"count", 1}},
                         {{"gender", "male"}, {"count", 1}}}));
  EXPECT_EQ(totals.at("trainer_institutions"), (json::array{"Trainer T"}));
  EXPECT_EQ(totals.at("agencies_reached"), (json::array{kEvil, "Agency A"}));
  // Apart: W2 (unknown dates) and W3 (estimated dates in the period).
  auto apart = r.at("dates_uncertain").as_object();
  ASSERT_EQ(apart.at("workshops").as_array().size(), 2u);
  EXPECT_EQ(apart.at("workshops").as_array()[0].at("title").as_string(), "W2");
  EXPECT_EQ(apart.at("workshops").as_array()[1].at("title").as_string(), "W3");
  EXPECT_EQ(
      apart.at("totals").at("participants").at("reported_headcount").as_int64(),
      35);
  EXPECT_EQ(apart.at("totals").at("trainer_institutions"),
            (json::array{"Frontex"}));
  // Aggregates only: no person's name anywhere.
  for (const char* name : {"\"P1\"", "\"P2\"", "full_name", "email"}) {
    EXPECT_EQ(Get(target).body.find(name), std::string::npos) << name;
  }

  const std::string w1 = "W1 (workshop " + std::to_string(w1_) + ")";
  ExpectFigures(
      target,
      {{"projects", "P", "Role", "lead_funder"},
       {"projects", "P", "Amount", "100000.00"},
       {"projects", "P", "Currency", "EUR"},
       {"in_period.workshops", w1, "Dates", "2025-03-10 to 2025-03-12"},
       {"in_period.workshops", w1, "Named attendees", "2"},
       {"in_period.workshops", w1, "Participating agencies",
        kEvil + "; Agency A"},
       {"in_period.totals", "Workshops", "Value", "2"},
       {"in_period.totals", "Reported headcount", "Value", "12"},
       {"in_period.totals", "Participants (named + reported)", "Value", "14"},
       {"in_period.totals", "Participant-days", "Value", "4"},
       {"in_period.totals", "Named attendees: female", "Value", "1"},
       {"in_period.institutions", kEvil, "Engaged as", "agency reached"},
       {"dates_uncertain.totals", "Workshops", "Value", "2"},
       {"dates_uncertain.totals", "Participants (named + reported)", "Value",
        "35"},
       {"dates_uncertain.institutions", "Frontex", "Engaged as", "trainer"}});
}

TEST_F(ReportsApiTest, SummaryReportFigures) {
  const std::string target =
      "/api/v1/reports/summary?from=2025-01-01&to=2025-12-31";
  auto r = Get(target).Json().as_object();
  // W1, W3, W5, W6 (W4 outside, W2 undated, W7 cancelled).
  EXPECT_EQ(r.at("workshops").as_int64(), 4);
  EXPECT_EQ(r.at("by_project"),
            (json::array{{{"project_code", "P"}, {"workshops", 3}},
                         {{"project_code", "Q"}, {"workshops", 1}}}));
  EXPECT_EQ(r.at("by_kind"),
            (json::array{{{"kind", "seminar"}, {"workshops", 1}},
                         {{"kind", "training"}, {"workshops", 2}},
                         {{"kind", "workshop"}, {"workshops", 1}}}));
  EXPECT_EQ(r.at("by_city"),
            (json::array{{{"city", nullptr}, {"workshops", 1}},
                         {{"city", "Beijing"}, {"workshops", 2}},
                         {{"city", "Hangzhou"}, {"workshops", 1}}}));
  EXPECT_EQ(r.at("by_month"),
            (json::array{{{"month", "2025-03"}, {"workshops", 2}},
                         {{"month", "2025-05"}, {"workshops", 1}},
                         {{"month", "2025-06"}, {"workshops", 1}}}));
  EXPECT_EQ(r.at("participants").at("named_attendees").as_int64(), 2);
  EXPECT_EQ(r.at("participants").at("reported_headcount").as_int64(),
            62);  // 10 + 40 + 12
  EXPECT_EQ(r.at("participants").at("total").as_int64(), 64);
  EXPECT_EQ(r.at("participant_days").as_int64(), 4);
  EXPECT_EQ(r.at("undated_held_workshops").as_int64(), 1);

  ExpectFigures(target,
                {{"totals", "Workshops", "Value", "4"},
                 {"totals", "Participants (named + reported)", "Value", "64"},
                 {"totals", "Participant-days", "Value", "4"},
                 {"by_project", "P", "Workshops", "3"},
                 {"by_city", "(not recorded)", "Workshops", "1"},
                 {"by_month", "2025-03", "Workshops", "2"},
                 {"by_status", "held", "Workshops", "4"}});
}

TEST_F(ReportsApiTest, BadParametersAre4xx) {
  ExpectProblem(Get("/api/v1/reports/attendance"), 400);
  ExpectProblem(Get("/api/v1/reports/attendance?workshop_id=999"), 404);
  ExpectProblem(Get("/api/v1/reports/attendance?workshop_id=" +
                    std::to_string(w1_) + "&format=pdf"),
                400);
  ExpectProblem(
      Get("/api/v1/reports/funder?organization_id=" + std::to_string(funder_)),
      400);
  ExpectProblem(Get("/api/v1/reports/"
                    "funder?organization_id=999&from=2025-01-01&to=2025-12-31"),
                404);
  ExpectProblem(Get("/api/v1/reports/summary?from=2025-12-31&to=2025-01-01"),
                400);
}

TEST(CsvCellTest, QuotesAndNeutralisesPerRfc4180) {
  const std::vector<std::string> cells = {"x, \"y\"", "line\nbreak", "=1+1",
                                          "@SUM(A1)", "-2",          "+3",
                                          "\tindent", "plain",       "中文"};
  std::string line;
  for (const auto& c : cells)
    line += (line.empty() ? "" : ",") + app::CsvCell(c);
  auto rows =
      ParseCsv("a\r\n" + line + "\r\n");  // read back by Python's csv module
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{
                         "x, \"y\"", "line\nbreak", "'=1+1", "'@SUM(A1)", "'-2",
                         "'+3", "'\tindent", "plain", "中文"}));
}

}  // namespace
}  // namespace capdev::testing
