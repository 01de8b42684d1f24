// Reports over a small, known data set: every figure is checked against a
// value worked out by hand (in the comments), in JSON, CSV and HTML.

#include <map>

#include "app/reports/document.hpp"
#include "tests/support/api_test.hpp"
#include "tests/support/parsers.hpp"

namespace capdev::testing {
namespace {

const std::string kEvil = "=cmd|' /C calc'!A0";

// The data set, with every figure worked out by hand in the tests below.
//
// Funder F funds project P (lead, 100,000 EUR); its child C (parent_id F)
// funds Q; G co-funds P; nobody funds R. Held workshops:
//   W1 P 2025-03-10..12 Beijing, 3 sessions d1 d2 d3, named people (below)
//   W2 P dates unknown, Harbin, reported 25, duration 5 days
//   W3 P 2025-06-01..02 estimated, Hangzhou, reported 10
//   W4 P 2024-01-05, reported 99 (outside 2025)
//   W5 Q 2025-03-10, Beijing, reported 40
//   W6 P 2025-05-01, no city, reported 12
//   W9 R 2025-07-01..02 Beijing, P1 present on the first day only
// and W7 P (cancelled), W8 R (planned 2025-09-01): never counted.
//
// W1's people and marks (participants P1 P2 P5, P4 cancelled afterwards;
// P3 trainer and P6 speaker, both of Trainer T):
//          d1       d2       d3
//   P1     present  present  late      3 days
//   P2     late     absent   -         1 day
//   P5     absent   excused  present   1 day
//   P4     present  -        -         (cancelled: counts for nobody)
//   P3     present  present  -         trainer, counted apart
//   P6     present  -        -         speaker, counted apart
class ReportsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    funder_ = Organization("Funder F", "intergovernmental");
    child_ = Create("/api/v1/organizations", {{"name", "Child C"},
                                              {"kind", "intergovernmental"},
                                              {"parent_id", funder_}});
    auto cofunder = Organization("Funder G");
    agency_a_ = Organization("Agency A");
    auto agency_b = Organization("Agency B");
    auto trainer = Organization("Trainer T", "academic");
    auto frontex = Organization("Frontex", "intergovernmental");
    auto evil = Organization(kEvil, "ngo");
    auto p = Project("P");
    q_ = Project("Q");
    auto r = Project("R");
    auto parties = [&](std::int64_t project, json::array list) {
      ASSERT_EQ(
          Put("/api/v1/projects/" + std::to_string(project) + "/organizations",
              list)
              .status,
          200);
    };
    parties(p, {{{"organization_id", funder_},
                 {"role", "lead_funder"},
                 {"amount", 100000},
                 {"currency", "EUR"}},
                {{"organization_id", cofunder}, {"role", "co_funder"}}});
    parties(q_, {{{"organization_id", child_},
                  {"role", "lead_funder"},
                  {"amount", 50000},
                  {"currency", "EUR"}}});

    auto workshop = [&](std::int64_t project, const char* title,
                        const char* kind, const char* status, json::value start,
                        json::value end, bool estimated, json::value city,
                        json::value reported, json::value duration = nullptr) {
      return Create("/api/v1/workshops", {{"project_id", project},
                                          {"title", title},
                                          {"kind", kind},
                                          {"status", status},
                                          {"start_date", start},
                                          {"end_date", end},
                                          {"dates_estimated", estimated},
                                          {"city", city},
                                          {"reported_participants", reported},
                                          {"duration_days", duration}});
    };
    w1_ = workshop(p, "W1", "training", "held", "2025-03-10", "2025-03-12",
                   false, "Beijing", nullptr);
    w2_ = workshop(p, "W2", "training", "held", nullptr, nullptr, false,
                   "Harbin", 25, 5);
    w3_ = workshop(p, "W3", "seminar", "held", "2025-06-01", "2025-06-02", true,
                   "Hangzhou", 10);
    workshop(p, "W4", "training", "held", "2024-01-05", "2024-01-05", false,
             "Beijing", 99);
    w5_ = workshop(q_, "W5", "workshop", "held", "2025-03-10", "2025-03-10",
                   false, "Beijing", 40);
    w6_ = workshop(p, "W6", "training", "held", "2025-05-01", "2025-05-01",
                   false, nullptr, 12);
    auto w7 = workshop(p, "W7", "training", "planned", "2025-04-01",
                       "2025-04-01", false, "Beijing", nullptr);
    ASSERT_EQ(Patch("/api/v1/workshops/" + std::to_string(w7),
                    {{"status", "cancelled"}})
                  .status,
              200);
    workshop(r, "W8", "workshop", "planned", "2025-09-01", "2025-09-01", false,
             "Beijing", nullptr);
    w9_ = workshop(r, "W9", "workshop", "held", "2025-07-01", "2025-07-02",
                   false, "Beijing", nullptr);
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
        Put("/api/v1/workshops/" + std::to_string(w2_) + "/organizations",
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
    p3_ = person("P3", "female", trainer, nullptr);
    p4_ = person("P4", "undisclosed", nullptr, nullptr);
    p5_ = person("P5", "female", agency_b, nullptr);
    p6_ = person("P6", "male", trainer, nullptr);
    Register(w1_, p1_);
    Register(w1_, p2_);
    Register(w1_, p3_, "trainer");
    auto r4 = Register(w1_, p4_);
    Register(w1_, p5_);
    Register(w1_, p6_, "speaker");
    sessions_ = SessionIds(w1_);
    auto mark = [&](std::int64_t who, const char* status) {
      return json::object{{"person_id", who}, {"status", status}};
    };
    Sheet(w1_, sessions_[0],
          {mark(p1_, "present"), mark(p2_, "late"), mark(p5_, "absent"),
           mark(p4_, "present"), mark(p3_, "present"), mark(p6_, "present")});
    Sheet(w1_, sessions_[1],
          {mark(p1_, "present"), mark(p2_, "absent"), mark(p5_, "excused"),
           mark(p3_, "present")});
    Sheet(w1_, sessions_[2], {mark(p1_, "late"), mark(p5_, "present")});
    // P4's registration is cancelled after the fact: P4 no longer counts
    // anywhere.
    ASSERT_EQ(Patch(w1 + "/registrations/" + std::to_string(r4),
                    {{"status", "cancelled"}})
                  .status,
              200);
    Register(w9_, p1_);
    Sheet(w9_, SessionIds(w9_)[0], {mark(p1_, "present")});
  }

  std::vector<std::int64_t> SessionIds(std::int64_t workshop) {
    std::vector<std::int64_t> ids;
    for (auto& s : ListAll(
             port(),
             "/api/v1/workshops/" + std::to_string(workshop) + "/sessions", 10))
      ids.push_back(s.at("id").as_int64());
    return ids;
  }

  void Sheet(std::int64_t workshop, std::int64_t session, json::array marks) {
    ASSERT_EQ(Put("/api/v1/workshops/" + std::to_string(workshop) +
                      "/sessions/" + std::to_string(session) + "/attendance",
                  marks)
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

  std::int64_t funder_ = 0, child_ = 0, agency_a_ = 0, q_ = 0, w1_ = 0, w2_ = 0,
               w3_ = 0, w5_ = 0, w6_ = 0, w9_ = 0, p1_ = 0, p2_ = 0, p3_ = 0,
               p4_ = 0, p5_ = 0, p6_ = 0;
  std::vector<std::int64_t> sessions_;
};

std::vector<std::int64_t> Ints(const json::value& object,
                               std::initializer_list<const char*> keys) {
  std::vector<std::int64_t> out;
  for (const char* k : keys) out.push_back(object.at(k).as_int64());
  return out;
}

TEST_F(ReportsApiTest, AttendanceReportCountsParticipantsAndTrainersApart) {
  const std::string target =
      "/api/v1/reports/attendance?workshop_id=" + std::to_string(w1_);
  auto r = Get(target).Json().as_object();
  auto totals = r.at("totals");
  // Participants P1 P2 P5 (P4 cancelled), all three marked at least once;
  // days 3 + 1 + 1; only P1 reached 80% of 3 sessions; P3 and P6 apart.
  EXPECT_EQ(
      Ints(totals, {"sessions", "participants_registered", "people_trained",
                    "participant_days", "completed", "trainers"}),
      (std::vector<std::int64_t>{3, 3, 3, 5, 1, 2}));
  // Sessions: 2/3, 1/3, 2/3 -> mean 5/9.
  EXPECT_NEAR(totals.at("attendance_rate").as_double(), 5.0 / 9.0, 1e-9);
  EXPECT_TRUE(totals.at("reported_headcount").is_null());
  auto sessions = r.at("sessions").as_array();
  ASSERT_EQ(sessions.size(), 3u);
  const auto marks = {"present", "late",     "excused",
                      "absent",  "unmarked", "trainers_present"};
  EXPECT_EQ(Ints(sessions[0], marks),
            (std::vector<std::int64_t>{1, 1, 0, 1, 0, 2}));
  EXPECT_EQ(Ints(sessions[1], marks),
            (std::vector<std::int64_t>{1, 0, 1, 1, 0, 1}));
  EXPECT_EQ(Ints(sessions[2], marks),
            (std::vector<std::int64_t>{1, 1, 0, 0, 1, 0}));
  EXPECT_NEAR(sessions[0].at("attendance_rate").as_double(), 2.0 / 3, 1e-9);
  EXPECT_NEAR(sessions[1].at("attendance_rate").as_double(), 1.0 / 3, 1e-9);
  EXPECT_EQ(r.at("by_role"),
            (json::array{
                {{"role", "participant"}, {"registered", 3}, {"attended", 3}},
                {{"role", "trainer"}, {"registered", 1}, {"attended", 1}},
                {{"role", "speaker"}, {"registered", 1}, {"attended", 1}}}));
  const auto group = {"registered", "people_trained", "participant_days",
                      "completed"};
  auto orgs = r.at("by_organization").as_array();
  ASSERT_EQ(orgs.size(), 2u);  // Trainer T's staff are not participants
  EXPECT_EQ(orgs[0].at("name").as_string(), "Agency A");
  EXPECT_EQ(orgs[0].at("organization_id").as_int64(), agency_a_);
  EXPECT_EQ(Ints(orgs[0], group), (std::vector<std::int64_t>{2, 2, 4, 1}));
  EXPECT_EQ(orgs[1].at("name").as_string(), "Agency B");
  EXPECT_EQ(Ints(orgs[1], group), (std::vector<std::int64_t>{1, 1, 1, 0}));
  auto gender = r.at("by_gender").as_array();
  ASSERT_EQ(gender.size(), 2u);
  EXPECT_EQ(gender[0].at("gender").as_string(), "female");
  EXPECT_EQ(Ints(gender[0], group), (std::vector<std::int64_t>{2, 2, 4, 1}));
  EXPECT_EQ(gender[1].at("gender").as_string(), "male");
  EXPECT_EQ(Ints(gender[1], group), (std::vector<std::int64_t>{1, 1, 1, 0}));
  auto province = r.at("by_province").as_array();
  ASSERT_EQ(province.size(), 2u);
  EXPECT_EQ(province[0].at("province").as_string(), "Hebei");
  EXPECT_EQ(Ints(province[0], group), (std::vector<std::int64_t>{2, 2, 4, 1}));
  EXPECT_TRUE(province[1].at("province").is_null());
  EXPECT_EQ(Ints(province[1], group), (std::vector<std::int64_t>{1, 1, 1, 0}));
  auto rows = r.at("matrix").at("rows").as_array();
  ASSERT_EQ(rows.size(), 5u);  // P4's cancelled registration is not one
  EXPECT_EQ(rows[0].at("marks"), (json::array{"present", "present", "late"}));

  // A lower threshold: one day of three (34%) is enough for all three.
  auto low = Get(target + "&completion_threshold=30").Json();
  EXPECT_EQ(low.at("totals").at("completed").as_int64(), 3);
  EXPECT_EQ(low.at("completion_threshold").as_int64(), 30);

  const std::string s0 =
      "2025-03-10 (session " + std::to_string(sessions_[0]) + ")";
  const std::string s2 =
      "2025-03-12 (session " + std::to_string(sessions_[2]) + ")";
  ExpectFigures(
      target,
      {{"totals", "Participants registered", "Value", "3"},
       {"totals", "People trained", "Value", "3"},
       {"totals", "Participant-days", "Value", "5"},
       {"totals", "Completed", "Value", "1"},
       {"totals", "Attendance rate (mean of sessions)", "Value", "55.6%"},
       {"totals", "Trainers and other roles attending", "Value", "2"},
       {"sessions", s0, "Present", "1"},
       {"sessions", s0, "Absent", "1"},
       {"sessions", s0, "Attendance rate", "66.7%"},
       {"sessions", s0, "Trainers and others present", "2"},
       {"sessions", s2, "Late", "1"},
       {"sessions", s2, "Unmarked", "1"},
       {"by_role", "trainer", "Attended", "1"},
       {"by_organization", "Agency A", "Participant-days", "4"},
       {"by_organization", "Agency B", "Completed", "0"},
       {"by_gender", "female", "People trained", "2"},
       {"by_province", "Hebei", "Participants registered", "2"},
       {"by_province", "(not recorded)", "Participant-days", "1"},
       {"matrix", "P1 (person " + std::to_string(p1_) + ")", s2, "late"}});
}

TEST_F(ReportsApiTest, FunderReportRollsUpChildFunders) {
  const std::string target =
      "/api/v1/reports/funder?organization_id=" + std::to_string(funder_) +
      "&from=2025-01-01&to=2025-12-31";
  auto r = Get(target).Json().as_object();
  // P through F itself, Q through its child C; each with the role holder.
  auto projects = r.at("projects").as_array();
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[0].at("code").as_string(), "P");
  EXPECT_EQ(projects[0].at("funder").at("id").as_int64(), funder_);
  EXPECT_EQ(projects[0].at("role").as_string(), "lead_funder");
  EXPECT_EQ(projects[0].at("amount").as_double(), 100000.0);
  EXPECT_EQ(projects[1].at("code").as_string(), "Q");
  EXPECT_EQ(projects[1].at("funder").at("name").as_string(), "Child C");
  // In the period: W1, W5 (Q, through the child) and W6. W4 is outside, W9
  // is R's, W7 was cancelled; W2 and W3 are apart.
  auto workshops = r.at("workshops").as_array();
  ASSERT_EQ(workshops.size(), 3u);
  EXPECT_EQ(workshops[0].at("title").as_string(), "W1");
  EXPECT_EQ(Ints(workshops[0], {"participants_registered", "people_trained",
                                "participant_days", "completed", "trainers"}),
            (std::vector<std::int64_t>{3, 3, 5, 1, 2}));
  EXPECT_NEAR(workshops[0].at("attendance_rate").as_double(), 5.0 / 9, 1e-9);
  EXPECT_EQ(workshops[0].at("trainer_institutions"),
            (json::array{"Trainer T"}));
  EXPECT_EQ(workshops[0].at("participating_agencies"),
            (json::array{kEvil, "Agency A", "Agency B"}));
  EXPECT_EQ(workshops[1].at("title").as_string(), "W5");
  EXPECT_EQ(workshops[1].at("reported_headcount").as_int64(), 40);
  EXPECT_EQ(workshops[1].at("estimated_participant_days").as_int64(), 40);
  EXPECT_EQ(workshops[2].at("title").as_string(), "W6");
  auto totals = r.at("totals");
  // Participants: 3 trained + 40 + 12 reported; estimated days 40 + 12.
  EXPECT_EQ(Ints(totals, {"workshops", "people_trained", "participations",
                          "participant_days", "people_completed", "trainers",
                          "reported_headcount", "participants",
                          "estimated_participant_days"}),
            (std::vector<std::int64_t>{3, 3, 3, 5, 1, 2, 52, 55, 52}));
  EXPECT_NEAR(totals.at("attendance_rate").as_double(), 5.0 / 9, 1e-9);
  EXPECT_EQ(totals.at("by_gender"),
            (json::array{{{"gender", "female"}, {"people_trained", 2}},
                         {{"gender", "male"}, {"people_trained", 1}}}));
  EXPECT_EQ(totals.at("trainer_institutions"), (json::array{"Trainer T"}));
  EXPECT_EQ(totals.at("agencies_reached"),
            (json::array{"Agency A", "Agency B"}));
  // Apart: W2 (unknown dates: 25 x 5 days) and W3 (estimated: 10 x 2 days).
  auto apart = r.at("dates_uncertain").as_object();
  ASSERT_EQ(apart.at("workshops").as_array().size(), 2u);
  EXPECT_EQ(apart.at("workshops").as_array()[0].at("title").as_string(), "W2");
  EXPECT_EQ(apart.at("workshops").as_array()[1].at("title").as_string(), "W3");
  EXPECT_EQ(
      Ints(apart.at("totals"), {"workshops", "reported_headcount",
                                "participants", "estimated_participant_days"}),
      (std::vector<std::int64_t>{2, 35, 35, 145}));
  EXPECT_EQ(apart.at("totals").at("trainer_institutions"),
            (json::array{"Frontex"}));
  // Aggregates only: no person's name anywhere.
  for (const char* name : {"\"P1\"", "\"P2\"", "full_name", "email"}) {
    EXPECT_EQ(Get(target).body.find(name), std::string::npos) << name;
  }

  // Without the children: P only, so W5 and its 40 leave the totals.
  auto own = Get(target + "&include_children=false").Json();
  EXPECT_EQ(own.at("projects").as_array().size(), 1u);
  EXPECT_EQ(Ints(own.at("totals"),
                 {"workshops", "reported_headcount", "participants"}),
            (std::vector<std::int64_t>{2, 12, 15}));

  const std::string w1 = "W1 (workshop " + std::to_string(w1_) + ")";
  ExpectFigures(
      target,
      {{"projects", "P", "Role", "lead_funder"},
       {"projects", "P", "Amount", "100000.00"},
       {"projects", "P", "Currency", "EUR"},
       {"projects", "Q", "Funder", "Child C"},
       {"in_period.workshops", w1, "Dates", "2025-03-10 to 2025-03-12"},
       {"in_period.workshops", w1, "People trained", "3"},
       {"in_period.workshops", w1, "Trainers", "2"},
       {"in_period.workshops", w1, "Attendance rate", "55.6%"},
       {"in_period.workshops", w1, "Participating agencies",
        kEvil + "; Agency A; Agency B"},
       {"in_period.totals", "Workshops held", "Value", "3"},
       {"in_period.totals", "Reported headcount (no named list)", "Value",
        "52"},
       {"in_period.totals", "Participants (trained + reported headcount)",
        "Value", "55"},
       {"in_period.totals", "Participant-days", "Value", "5"},
       {"in_period.totals", "People trained: female", "Value", "2"},
       {"in_period.totals", "Agencies reached", "Value", "2"},
       {"dates_uncertain.totals", "Workshops held", "Value", "2"},
       {"dates_uncertain.totals",
        "Estimated participant-days (reported headcount)", "Value", "145"},
       {"dates_uncertain.totals", "Trainer institution", "Value", "Frontex"}});
}

TEST_F(ReportsApiTest, SummaryCountsHeldWorkshopsOnly) {
  const std::string target =
      "/api/v1/reports/summary?from=2025-01-01&to=2025-12-31";
  auto r = Get(target).Json().as_object();
  // Held with exact dates in 2025: W1, W5, W6, W9. P1 was trained in W1 and
  // W9: 3 people, 4 participations, 5 + 1 days; W9's rate 1/(2 x 1).
  auto totals = r.at("totals");
  EXPECT_EQ(Ints(totals,
                 {"workshops", "people_trained", "participations",
                  "participant_days", "people_completed", "reported_headcount",
                  "participants", "estimated_participant_days"}),
            (std::vector<std::int64_t>{4, 3, 4, 6, 1, 52, 56, 52}));
  EXPECT_NEAR(totals.at("attendance_rate").as_double(), (5.0 / 9 + 0.5) / 2,
              1e-9);
  EXPECT_EQ(r.at("not_yet_held").as_int64(), 1);  // W8; W7 was cancelled
  auto b = [](json::value key_name, json::value key, int w, int t, int d) {
    return json::object{{key_name.as_string(), key},
                        {"workshops", w},
                        {"people_trained", t},
                        {"participant_days", d}};
  };
  EXPECT_EQ(r.at("by_project"), (json::array{b("project_code", "P", 2, 3, 5),
                                             b("project_code", "Q", 1, 0, 0),
                                             b("project_code", "R", 1, 1, 1)}));
  EXPECT_EQ(r.at("by_kind"), (json::array{b("kind", "training", 2, 3, 5),
                                          b("kind", "workshop", 2, 1, 1)}));
  EXPECT_EQ(r.at("by_city"), (json::array{b("city", nullptr, 1, 0, 0),
                                          b("city", "Beijing", 3, 4, 6)}));
  EXPECT_EQ(r.at("by_month"), (json::array{b("month", "2025-03", 2, 3, 5),
                                           b("month", "2025-05", 1, 0, 0),
                                           b("month", "2025-07", 1, 1, 1)}));
  EXPECT_EQ(
      Ints(r.at("dates_uncertain").at("totals"),
           {"workshops", "reported_headcount", "estimated_participant_days"}),
      (std::vector<std::int64_t>{2, 35, 145}));

  // One project: Q holds W5 only.
  auto q = Get(target + "&project_id=" + std::to_string(q_)).Json();
  EXPECT_EQ(Ints(q.at("totals"), {"workshops", "reported_headcount"}),
            (std::vector<std::int64_t>{1, 40}));
  EXPECT_EQ(q.at("dates_uncertain").at("totals").at("workshops").as_int64(), 0);

  ExpectFigures(
      target,
      {{"totals", "Workshops held", "Value", "4"},
       {"totals", "People trained (distinct)", "Value", "3"},
       {"totals", "People trained, summed over workshops", "Value", "4"},
       {"totals", "Participants (trained + reported headcount)", "Value", "56"},
       {"totals", "Participant-days", "Value", "6"},
       {"not_yet_held", "Planned or confirmed workshops in the period", "Value",
        "1"},
       {"by_project", "P", "Workshops held", "2"},
       {"by_city", "(not recorded)", "Workshops held", "1"},
       {"by_month", "2025-03", "People trained", "3"},
       {"dates_uncertain.totals", "Workshops held", "Value", "2"}});
}

TEST_F(ReportsApiTest, BadParametersAre4xx) {
  const std::string attendance =
      "/api/v1/reports/attendance?workshop_id=" + std::to_string(w1_);
  const std::string year = "&from=2025-01-01&to=2025-12-31";
  ExpectProblem(Get("/api/v1/reports/attendance"), 400);
  ExpectProblem(Get("/api/v1/reports/attendance?workshop_id=999"), 404);
  ExpectProblem(Get(attendance + "&format=pdf"), 400);
  for (const char* t : {"0", "101", "0.8", "eighty"}) {
    ExpectProblem(Get(attendance + "&completion_threshold=" + t), 400);
  }
  ExpectProblem(
      Get("/api/v1/reports/funder?organization_id=" + std::to_string(funder_)),
      400);
  ExpectProblem(Get("/api/v1/reports/funder?organization_id=" +
                    std::to_string(funder_) + year + "&include_children=maybe"),
                400);
  ExpectProblem(Get("/api/v1/reports/funder?organization_id=999" + year), 404);
  ExpectProblem(Get("/api/v1/reports/summary?from=2025-12-31&to=2025-01-01"),
                400);
  ExpectProblem(Get("/api/v1/reports/summary?project_id=99999" + year), 404);
  auto typo = Get("/api/v1/reports/summary?projectid=1" + year);
  ExpectProblem(typo, 400);
  EXPECT_NE(typo.body.find("projectid"), std::string::npos);
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
