// The attendance and funder reports over the data set of reports_data.hpp:
// every figure is checked against a value worked out by hand (in the
// comments there and here), in JSON, CSV and HTML.

#include "tests/support/reports_data.hpp"

namespace capdev::testing {
namespace {

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
      "10 Mar 2025 (session " + std::to_string(sessions_[0]) + ")";
  const std::string s2 =
      "12 Mar 2025 (session " + std::to_string(sessions_[2]) + ")";
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
       {"by_role", "Trainer", "Attended", "1"},
       {"by_organization", "Agency A", "Participant-days", "4"},
       {"by_organization", "Agency B", "Completed", "0"},
       {"by_gender", "Female", "People trained", "2"},
       {"by_province", "Hebei", "Participants registered", "2"},
       {"by_province", "(not recorded)", "Participant-days", "1"},
       {"matrix", "P1 (person " + std::to_string(p1_) + ")", s2, "Late"}});
}

// Organization names are unique without case (COLLATE NOCASE) and listed in
// that order: "acme academy" before "Trainer T", though 'T' < 'a' in bytes.
TEST_F(ReportsApiTest, ListsInstitutionsInNameOrderWithoutCase) {
  const auto academy = Organization("acme academy", "academic");
  const std::string w1 = "/api/v1/workshops/" + std::to_string(w1_);
  auto parties = Get(w1 + "/organizations").Json().as_array();
  json::array body;
  for (const auto& p : parties) {
    json::object party;
    party["organization_id"] = p.at("organization_id");
    party["role"] = p.at("role");
    body.emplace_back(std::move(party));
  }
  json::object added;
  added["organization_id"] = academy;
  added["role"] = "trainer";
  body.emplace_back(std::move(added));
  ASSERT_EQ(Put(w1 + "/organizations", body).status, 200);
  auto r =
      Get("/api/v1/reports/funder?organization_id=" + std::to_string(funder_) +
          "&from=2025-01-01&to=2025-12-31")
          .Json();
  const json::array expected{"acme academy", "Trainer T"};
  EXPECT_EQ(r.at("workshops").as_array()[0].at("trainer_institutions"),
            expected);
  EXPECT_EQ(r.at("totals").at("trainer_institutions"), expected);
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
      {{"projects", "P", "Role", "Lead funder"},
       {"projects", "P", "Amount", "100,000.00"},
       {"projects", "P", "Currency", "EUR"},
       {"projects", "Q", "Funder", "Child C"},
       {"in_period.workshops", w1, "Dates", "10–12 Mar 2025"},
       {"in_period.workshops", w1, "Start", "10 Mar 2025"},
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
       {"in_period.totals", "People trained: Female", "Value", "2"},
       {"in_period.totals", "Agencies reached", "Value", "2"},
       {"dates_uncertain.totals", "Workshops held", "Value", "2"},
       {"dates_uncertain.totals",
        "Estimated participant-days (reported headcount)", "Value", "145"},
       {"dates_uncertain.totals", "Trainer institution", "Value", "Frontex"}});
}

}  // namespace
}  // namespace capdev::testing
