// The programme summary and the reports' parameter checks over the data set
// of reports_data.hpp, each figure against a value worked out by hand.

#include "app/reports/document.hpp"
#include "domain/concat.hpp"
#include "tests/support/parsers.hpp"
#include "tests/support/reports_data.hpp"

namespace capdev::testing {
namespace {

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
       {"by_month", "Mar 2025", "People trained", "3"},
       {"dates_uncertain.totals", "Workshops held", "Value", "2"}});
}

// A workshop from 30 Nov to 2 Dec counts each session's marks in that
// session's month, and counts in both months.
TEST_F(ReportsApiTest, SummaryCountsEachSessionInItsMonth) {
  auto project = Project("CBMM");
  auto w = Create("/api/v1/workshops", {{"project_id", project},
                                        {"title", "厦门出入境管理培训"},
                                        {"kind", "training"},
                                        {"status", "held"},
                                        {"start_date", "2024-11-30"},
                                        {"end_date", "2024-12-02"},
                                        {"city", "Xiamen"}});
  auto wang = Person("王芳");
  auto li = Person("李强");
  auto trainer = Person("Frontex trainer");
  Register(w, wang);
  Register(w, li);
  Register(w, trainer, "trainer");
  const auto days = SessionIds(w);
  ASSERT_EQ(days.size(), 3u);
  auto mark = [](std::int64_t who, const char* status) {
    return json::object{{"person_id", who}, {"status", status}};
  };
  Sheet(w, days[0],
        {mark(wang, "present"), mark(li, "present"), mark(trainer, "present")});
  Sheet(w, days[1], {mark(wang, "present"), mark(li, "absent")});
  Sheet(w, days[2], {mark(li, "late"), mark(wang, "excused")});

  const std::string target =
      "/api/v1/reports/summary?from=2024-11-01&to=2024-12-31";
  auto r = Get(target).Json();
  auto month = [](const char* key, int workshops, int t, int d) {
    return json::object{{"month", key},
                        {"workshops", workshops},
                        {"people_trained", t},
                        {"participant_days", d}};
  };
  EXPECT_EQ(r.at("by_month"), (json::array{month("2024-11", 1, 2, 2),
                                           month("2024-12", 1, 2, 2)}));
  EXPECT_EQ(r.at("totals").at("participant_days").as_int64(), 4);
  ExpectFigures(target, {{"by_month", "Nov 2024", "Participant-days", "2"},
                         {"by_month", "Dec 2024", "Participant-days", "2"}});
}

// The summary counts its workshops without listing them: the totals still
// name every trainer institution once, in name order without case.
TEST_F(ReportsApiTest, SummaryNamesEachTrainerInstitutionOnce) {
  // W1's trainer, Trainer T, trains W9 too: still named once.
  const auto w1 =
      Get("/api/v1/workshops/" + std::to_string(w1_) + "/organizations").Json();
  json::array parties;
  for (const auto& p : w1.as_array()) {
    if (p.at("role") != "trainer") continue;
    parties.emplace_back(json::object{
        {"organization_id", p.at("organization_id")}, {"role", "trainer"}});
  }
  ASSERT_EQ(parties.size(), 1u);
  for (const char* name : {"acme academy", "Trainer T2"}) {
    parties.emplace_back(
        json::object{{"organization_id", Organization(name, "academic")},
                     {"role", "trainer"}});
  }
  ASSERT_EQ(Put("/api/v1/workshops/" + std::to_string(w9_) + "/organizations",
                parties)
                .status,
            200);
  // In the period W1 and W9; W2 (Frontex) apart.
  auto r = Get("/api/v1/reports/summary?from=2025-01-01&to=2025-12-31").Json();
  EXPECT_EQ(r.at("totals").at("trainer_institutions"),
            (json::array{"acme academy", "Trainer T", "Trainer T2"}));
  EXPECT_EQ(r.at("dates_uncertain").at("totals").at("trainer_institutions"),
            (json::array{"Frontex"}));
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
    line += domain::Concat(line.empty() ? "" : ",", reports::CsvCell(c));
  auto rows =
      ParseCsv("a\r\n" + line + "\r\n");  // read back by Python's csv module
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{
                         "x, \"y\"", "line\nbreak", "'=1+1", "'@SUM(A1)", "'-2",
                         "'+3", "'\tindent", "plain", "中文"}));
}

}  // namespace
}  // namespace capdev::testing
