#include <gmock/gmock.h>

#include "domain/date.hpp"
#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

class AttendanceApiTest : public ApiTest {
 protected:
  void SetUp() override {
    workshop_ = Workshop(Project("P"), "Sheet", "2017-09-08", "2017-09-09");
    base_ = "/api/v1/workshops/" + std::to_string(workshop_);
    for (auto& s : ListAll(port(), base_ + "/sessions", 10))
      sessions_.push_back(s.at("id").as_int64());
    a_ = Person("Alice");
    b_ = Person("Bob");
    Register(workshop_, a_);
    Register(workshop_, b_, "trainer");
  }
  std::string Sheet(int i) {
    return base_ + "/sessions/" + std::to_string(sessions_[i]) + "/attendance";
  }

  std::int64_t workshop_ = 0, a_ = 0, b_ = 0;
  std::string base_;
  std::vector<std::int64_t> sessions_;
};

TEST_F(AttendanceApiTest, ASheetIsReplacedWhole) {
  auto r = Put(Sheet(0), json::array{{{"person_id", a_}, {"status", "present"}},
                                     {{"person_id", b_}, {"status", "late"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("items").as_array().size(), 2u);
  r = Put(Sheet(0), json::array{{{"person_id", b_}, {"status", "excused"}}});
  ASSERT_EQ(r.status, 200);
  auto items = Get(Sheet(0)).Json().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("status").as_string(), "excused");
}

TEST_F(AttendanceApiTest, UnregisteredPeopleAreNamedAndNothingIsWritten) {
  ASSERT_EQ(
      Put(Sheet(0), json::array{{{"person_id", a_}, {"status", "present"}}})
          .status,
      200);
  auto stranger = Person("Stranger");
  auto r = Put(Sheet(0),
               json::array{{{"person_id", b_}, {"status", "present"}},
                           {{"person_id", stranger}, {"status", "present"}},
                           {{"person_id", a_}, {"status", "gone"}}});
  ExpectProblem(r, 422);
  EXPECT_THAT(ErrorFields(r),
              ::testing::UnorderedElementsAre("[1].person_id", "[2].status"));
  EXPECT_NE(
      r.body.find("person " + std::to_string(stranger) + " is not registered"),
      std::string::npos);
  auto items = Get(Sheet(0)).Json().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("person_id").as_int64(), a_);
}

TEST_F(AttendanceApiTest, TheMatrixShowsSessionsByPeople) {
  Put(Sheet(0), json::array{{{"person_id", a_}, {"status", "present"}}});
  Put(Sheet(1), json::array{{{"person_id", a_}, {"status", "absent"}},
                            {{"person_id", b_}, {"status", "present"}}});
  auto m = Get(base_ + "/attendance").Json();
  ASSERT_EQ(m.at("sessions").as_array().size(), 2u);
  auto rows = m.at("rows").as_array();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("full_name").as_string(), "Alice");
  EXPECT_EQ(rows[0].at("marks"), (json::array{"present", "absent"}));
  EXPECT_EQ(rows[1].at("role").as_string(), "trainer");
  EXPECT_EQ(rows[1].at("marks"), (json::array{nullptr, "present"}));
}

TEST_F(AttendanceApiTest, OnlyForConfirmedOrHeldWorkshopsAndPastSessions) {
  auto planned = Create("/api/v1/workshops", {{"project_id", Project("Q")},
                                              {"title", "Later"},
                                              {"kind", "training"},
                                              {"status", "planned"},
                                              {"start_date", "2017-01-01"},
                                              {"end_date", "2017-01-01"}});
  auto p = Person("Planned person");
  Register(planned, p);
  auto session =
      ListAll(port(),
              "/api/v1/workshops/" + std::to_string(planned) + "/sessions",
              5)[0]
          .at("id")
          .as_int64();
  auto sheet = "/api/v1/workshops/" + std::to_string(planned) + "/sessions/" +
               std::to_string(session) + "/attendance";
  ExpectProblem(
      Put(sheet, json::array{{{"person_id", p}, {"status", "present"}}}), 409);

  auto future = Workshop(Project("R"), "Future", "2099-01-01", "2099-01-01");
  Register(future, p);
  session =
      ListAll(port(),
              "/api/v1/workshops/" + std::to_string(future) + "/sessions", 5)[0]
          .at("id")
          .as_int64();
  sheet = "/api/v1/workshops/" + std::to_string(future) + "/sessions/" +
          std::to_string(session) + "/attendance";
  auto r = Put(sheet, json::array{{{"person_id", p}, {"status", "present"}}});
  ExpectProblem(r, 409);
  EXPECT_NE(r.body.find("has not taken place yet"), std::string::npos);
}

TEST_F(AttendanceApiTest, MarkedPeopleAndSessionsCannotBeRemoved) {
  Put(Sheet(0), json::array{{{"person_id", a_}, {"status", "present"}}});
  auto regs = ListAll(
      port(), base_ + "/registrations?person_id=" + std::to_string(a_), 5);
  ExpectProblem(Delete(base_ + "/registrations/" +
                       std::to_string(regs[0].at("id").as_int64())),
                409);
  ExpectProblem(Delete(base_ + "/sessions/" + std::to_string(sessions_[0])),
                409);
  EXPECT_EQ(Delete(base_ + "/sessions/" + std::to_string(sessions_[1])).status,
            204);
}

TEST_F(AttendanceApiTest, ASessionNotYetHeldHasNoAttendanceRate) {
  const auto today = domain::Date::Today();
  const auto w = Workshop(Project("Q"), "Week", today.AddDays(-1).ToString(),
                          today.AddDays(2).ToString());
  const auto p = Person("Chen Jie");
  Register(w, p);
  const auto base = "/api/v1/workshops/" + std::to_string(w);
  const auto sessions = ListAll(port(), base + "/sessions", 10);
  ASSERT_EQ(sessions.size(), 4u);
  ASSERT_EQ(
      Put(base + "/sessions/" +
              std::to_string(sessions[0].at("id").as_int64()) + "/attendance",
          json::array{{{"person_id", p}, {"status", "present"}}})
          .status,
      200);
  auto r =
      Get("/api/v1/reports/attendance?workshop_id=" + std::to_string(w)).Json();
  // Yesterday 1 of 1, today 0 of 1 so far; tomorrow and after: not yet.
  const auto& rates = r.at("sessions").as_array();
  ASSERT_EQ(rates.size(), 4u);
  EXPECT_EQ(rates[0].at("attendance_rate").as_double(), 1.0);
  EXPECT_EQ(rates[1].at("attendance_rate").as_double(), 0.0);
  EXPECT_TRUE(rates[2].at("attendance_rate").is_null());
  EXPECT_TRUE(rates[3].at("attendance_rate").is_null());
  // The workshop's rate is the mean over the two sessions held.
  EXPECT_EQ(r.at("totals").at("attendance_rate").as_double(), 0.5);
}

TEST_F(AttendanceApiTest, AMarkedWorkshopKeepsItsStartButMayGainADay) {
  ASSERT_EQ(
      Put(Sheet(0), json::array{{{"person_id", a_}, {"status", "present"}}})
          .status,
      200);
  // A new start would move every session, and the marks with them.
  auto r = Patch(base_, {{"start_date", "2017-09-07"}});
  ExpectProblem(r, 409);
  EXPECT_NE(r.body.find("start date cannot change"), std::string::npos);
  // Nor can its dates be cleared (a confirmed workshop has dates; its
  // sessions would go).
  ExpectProblem(Patch(base_, {{"start_date", nullptr}, {"end_date", nullptr}}),
                422);
  // A day more at the end moves nothing: the sessions and marks stay.
  r = Patch(base_, {{"end_date", "2017-09-10"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const auto dates = [&] {
    std::vector<std::string> out;
    for (auto& s : ListAll(port(), base_ + "/sessions", 10))
      out.emplace_back(s.at("date").as_string());
    return out;
  };
  EXPECT_EQ(dates(), (std::vector<std::string>{"2017-09-08", "2017-09-09"}));
  EXPECT_EQ(Get(Sheet(0)).Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(Post(base_ + "/sessions", {{"date", "2017-09-10"}}).status, 201);
  // Ending before a session is still refused, and changes nothing.
  ExpectProblem(Patch(base_, {{"end_date", "2017-09-09"}}), 422);
  EXPECT_EQ(Get(base_).Json().at("end_date").as_string(), "2017-09-10");
}

}  // namespace
}  // namespace capdev::testing
