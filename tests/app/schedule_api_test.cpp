// Calendar, double-booking detection (and what must not be flagged), strict
// mode, and the iCalendar feeds read back by ical.js.

#include <cstdio>
#include <fstream>

#include "tests/support/api_test.hpp"
#include "tests/support/command.hpp"

namespace capdev::testing {
namespace {

class ScheduleApiTest : public ApiTest {
 protected:
  std::int64_t Dated(const std::string& title, const std::string& start,
                     const std::string& end, json::value city,
                     json::value venue,
                     const std::string& status = "confirmed") {
    return Create("/api/v1/workshops", {{"project_id", project_},
                                        {"title", title},
                                        {"kind", "training"},
                                        {"status", status},
                                        {"start_date", start},
                                        {"end_date", end},
                                        {"city", city},
                                        {"venue", venue}});
  }
  json::array Conflicts(std::int64_t workshop) {
    auto r =
        Get("/api/v1/workshops/" + std::to_string(workshop) + "/conflicts");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json().at("items").as_array();
  }
  std::string W(std::int64_t id) {
    return "/api/v1/workshops/" + std::to_string(id);
  }

  void SetUp() override { project_ = Project("CBMM"); }
  std::int64_t project_ = 0;
};

TEST_F(ScheduleApiTest, APersonInTwoWorkshopsOnTheSameDayIsAConflict) {
  auto a = Dated("A", "2027-03-01", "2027-03-03", "Beijing", nullptr);
  auto b = Dated("B", "2027-03-03", "2027-03-04", "Shanghai", nullptr);
  auto trainer = Person("Trainer");
  Register(a, trainer, "trainer");
  auto r = Post(W(b) + "/registrations",
                {{"person_id", trainer}, {"role", "participant"}});
  ASSERT_EQ(r.status, 201) << r.body;  // it succeeds, and says what it created
  auto created = r.Json().at("conflicts").as_array();
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].at("kind").as_string(), "person");
  EXPECT_EQ(created[0].at("severity").as_string(), "conflict");
  EXPECT_EQ(created[0].at("date").as_string(), "2027-03-03");
  EXPECT_EQ(created[0].at("other_workshop_id").as_int64(), a);
  EXPECT_EQ(created[0].at("person_id").as_int64(), trainer);
  EXPECT_EQ(Conflicts(a).size(), 1u);
  EXPECT_EQ(Conflicts(b).size(), 1u);
}

TEST_F(ScheduleApiTest,
       AdjacentDaysOtherCitiesAndCancelledWorkshopsAreNotConflicts) {
  auto a =
      Dated("A", "2027-03-01", "2027-03-02", "Beijing", "Friendship Hotel");
  auto b = Dated("B", "2027-03-03", "2027-03-04", "Beijing",
                 "Friendship Hotel");  // the next day
  auto c = Dated("C", "2027-03-01", "2027-03-01", "Shanghai",
                 "Friendship Hotel");  // other city
  auto d = Dated("D", "2027-03-01", "2027-03-01", "Beijing", "Friendship Hotel",
                 "planned");
  auto p = Person("Busy person");
  Register(a, p);
  Register(b, p);
  EXPECT_EQ(Conflicts(b).size(), 0u);
  EXPECT_EQ(Conflicts(c).size(), 0u);
  EXPECT_EQ(Conflicts(d).size(), 1u);  // same venue, same city, same day as A
  ASSERT_EQ(Patch(W(d), {{"status", "cancelled"}}).status, 200);
  EXPECT_EQ(Conflicts(a).size(), 0u);
  // A cancelled registration books nobody.
  auto e = Dated("E", "2027-03-02", "2027-03-02", "Xiamen", nullptr);
  auto reg =
      ListAll(port(), W(a) + "/registrations", 10)[0].at("id").as_int64();
  ASSERT_EQ(Patch(W(a) + "/registrations/" + std::to_string(reg),
                  {{"status", "cancelled"}})
                .status,
            200);
  auto r = Post(W(e) + "/registrations", {{"person_id", p}});
  EXPECT_TRUE(r.Json().at("conflicts").as_array().empty()) << r.body;
}

TEST_F(ScheduleApiTest, ObserversAndOrganizersAreNotDoubleBooked) {
  auto a = Dated("A", "2027-03-01", "2027-03-01", "Beijing", nullptr);
  auto b = Dated("B", "2027-03-01", "2027-03-01", "Shanghai", nullptr);
  auto contact = Person("Press contact");
  Register(a, contact, "organizer");
  auto r = Post(W(b) + "/registrations?strict=true",
                {{"person_id", contact}, {"role", "observer"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(r.Json().at("conflicts").as_array().empty());
}

TEST_F(ScheduleApiTest, TheSameVenueInTheSameCityOnTheSameDay) {
  auto a = Dated("A", "2027-04-01", "2027-04-02", "Hangzhou", "Zhejiang Hotel");
  auto r = Post("/api/v1/workshops", {{"project_id", project_},
                                      {"title", "B"},
                                      {"kind", "seminar"},
                                      {"status", "planned"},
                                      {"start_date", "2027-04-02"},
                                      {"end_date", "2027-04-03"},
                                      {"city", "hangzhou"},
                                      {"venue", " zhejiang hotel"}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto created = r.Json().at("conflicts").as_array();
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].at("kind").as_string(), "venue");
  EXPECT_EQ(created[0].at("date").as_string(), "2027-04-02");
  EXPECT_EQ(created[0].at("other_workshop_id").as_int64(), a);
}

TEST_F(ScheduleApiTest, ATrainerInstitutionInTwoCitiesIsAWarning) {
  auto police = Organization("German Federal Police");
  auto a = Dated("A", "2027-05-10", "2027-05-10", "Beijing", nullptr);
  auto b = Dated("B", "2027-05-10", "2027-05-10", "Harbin", nullptr);
  auto c = Dated("C", "2027-05-10", "2027-05-10", "Beijing",
                 nullptr);  // same city: not flagged
  for (auto w : {a, b, c}) {
    ASSERT_EQ(
        Put(W(w) + "/organizations",
            json::array{{{"organization_id", police}, {"role", "trainer"}}})
            .status,
        200);
  }
  auto found = Conflicts(b);
  ASSERT_EQ(found.size(), 2u);
  for (auto& conflict : found) {
    EXPECT_EQ(conflict.at("kind").as_string(), "trainer_institution");
    EXPECT_EQ(conflict.at("severity").as_string(), "warning");
    EXPECT_EQ(conflict.at("organization_id").as_int64(), police);
  }
  auto from_a = Conflicts(a);
  ASSERT_EQ(from_a.size(), 1u);
  EXPECT_EQ(from_a[0].at("other_workshop_id").as_int64(), b);
}

// Every clash between workshops from today on, each once, naming both
// workshops: what Home lists.
TEST_F(ScheduleApiTest, ConflictsListsEveryClashFromTodayOn) {
  const json::value hall = "Xiamen International Conference Center";
  auto old_a = Dated("Old A", "2020-01-10", "2020-01-10", "Xiamen", hall);
  Dated("Old B", "2020-01-10", "2020-01-10", "Xiamen", hall);
  auto a = Dated("厦门培训", "2027-01-12", "2027-01-14", "Xiamen", hall);
  auto b = Dated("B", "2027-01-13", "2027-01-13", "xiamen", hall);
  auto c = Dated("C", "2027-01-14", "2027-01-14", "Beijing", nullptr);
  auto cancelled = Dated("E", "2027-01-12", "2027-01-12", "Xiamen", hall);
  ASSERT_EQ(Patch(W(cancelled), {{"status", "cancelled"}}).status, 200);
  auto frontex = Organization("Frontex", "intergovernmental");
  for (auto w : {a, c}) {
    ASSERT_EQ(
        Put(W(w) + "/organizations",
            json::array{{{"organization_id", frontex}, {"role", "trainer"}}})
            .status,
        200);
  }
  auto wang = Person("王芳");
  Register(a, wang);
  Register(c, wang, "trainer");

  auto r = Get("/api/v1/conflicts");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 3u) << r.body;
  EXPECT_EQ(items[0].at("kind").as_string(), "venue");
  EXPECT_EQ(items[0].at("date").as_string(), "2027-01-13");
  EXPECT_EQ(items[0].at("workshop_id").as_int64(), a);
  EXPECT_EQ(items[0].at("workshop_title").as_string(), "厦门培训");
  EXPECT_EQ(items[0].at("other_workshop_id").as_int64(), b);
  EXPECT_EQ(items[0].at("other_workshop_title").as_string(), "B");
  EXPECT_EQ(items[0].at("venue"), hall);
  for (std::size_t i : {1u, 2u}) {
    EXPECT_EQ(items[i].at("date").as_string(), "2027-01-14");
    EXPECT_EQ(items[i].at("workshop_id").as_int64(), a);
    EXPECT_EQ(items[i].at("other_workshop_id").as_int64(), c);
  }
  EXPECT_EQ(items[1].at("kind").as_string(), "person");
  EXPECT_EQ(items[1].at("person_id").as_int64(), wang);
  EXPECT_EQ(items[2].at("kind").as_string(), "trainer_institution");
  EXPECT_EQ(items[2].at("severity").as_string(), "warning");
  EXPECT_EQ(items[2].at("organization_id").as_int64(), frontex);
  EXPECT_EQ(items[2].at("city").as_string(), "Beijing");

  // A range: the past clash alone; from the 14th, that day's two.
  auto past = Get("/api/v1/conflicts?from=2020-01-01&to=2020-12-31").Json();
  ASSERT_EQ(past.at("items").as_array().size(), 1u);
  EXPECT_EQ(past.at("items").as_array()[0].at("workshop_id").as_int64(), old_a);
  EXPECT_EQ(Get("/api/v1/conflicts?from=2027-01-14")
                .Json()
                .at("items")
                .as_array()
                .size(),
            2u);
  ExpectProblem(Get("/api/v1/conflicts?from=2027-02-01&to=2027-01-01"), 400);
  ExpectProblem(Get("/api/v1/conflicts?from=tomorrow"), 400);
}

TEST_F(ScheduleApiTest, StrictModeRefusesARegistrationThatClashes) {
  auto a = Dated("A", "2027-06-01", "2027-06-02", "Beijing", "Hall 1");
  auto b = Dated("B", "2027-06-02", "2027-06-03", "Wuhan", nullptr);
  auto p = Person("P");
  Register(a, p);
  auto r = Post(W(b) + "/registrations?strict=true", {{"person_id", p}});
  ExpectProblem(r, 409);
  auto conflicts = r.Json().at("conflicts").as_array();
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].at("date").as_string(), "2027-06-02");
  EXPECT_TRUE(ListAll(port(), W(b) + "/registrations", 10).empty());
  r = Post(W(b) + "/registrations", {{"person_id", p}});
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(r.Json().at("conflicts").as_array().size(), 1u);
}

TEST_F(ScheduleApiTest, StrictModeRefusesAMoveThatClashes) {
  auto a = Dated("A", "2027-06-01", "2027-06-02", "Beijing", "Hall 1");
  auto b = Dated("B", "2027-06-10", "2027-06-11", "Beijing", "Hall 1");
  auto p = Person("P");
  Register(a, p);
  Register(b, p);
  auto r = Patch(W(b) + "?strict=true",
                 {{"start_date", "2027-06-02"}, {"end_date", "2027-06-03"}});
  ExpectProblem(r, 409);
  EXPECT_EQ(r.Json().at("conflicts").as_array().size(),
            2u);  // the person and the venue, on 2 June
  EXPECT_EQ(Get(W(b)).Json().at("start_date").as_string(), "2027-06-10");
  EXPECT_EQ(ListAll(port(), W(b) + "/sessions", 10)[0].at("date").as_string(),
            "2027-06-10");
  r = Patch(W(b), {{"start_date", "2027-06-02"}, {"end_date", "2027-06-03"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Json().at("conflicts").as_array().size(), 2u);
  EXPECT_EQ(ListAll(port(), W(b) + "/sessions", 10)[0].at("date").as_string(),
            "2027-06-02");
}

TEST_F(ScheduleApiTest, StrictModeRefusesASessionThatClashes) {
  auto c = Dated("C", "2027-07-01", "2027-07-05", "Wuhan", nullptr);
  auto p = Person("P");
  Register(c, p);
  auto third =
      ListAll(port(), W(c) + "/sessions", 10)[2].at("id").as_int64();  // 3 July
  ASSERT_EQ(Delete(W(c) + "/sessions/" + std::to_string(third)).status, 204);
  auto e = Dated("E", "2027-07-03", "2027-07-03", "Xiamen", nullptr);
  auto r = Post(W(e) + "/registrations", {{"person_id", p}});
  EXPECT_TRUE(r.Json().at("conflicts").as_array().empty())
      << "C has no session on 3 July";
  ExpectProblem(Post(W(c) + "/sessions?strict=true", {{"date", "2027-07-03"}}),
                409);
  EXPECT_EQ(ListAll(port(), W(c) + "/sessions", 10).size(), 4u);
  r = Post(W(c) + "/sessions", {{"date", "2027-07-03"}});
  ASSERT_EQ(r.status, 201);
  EXPECT_EQ(r.Json().at("conflicts").as_array().size(), 1u);
}

TEST_F(ScheduleApiTest, CalendarListsSessionsInTheRange) {
  auto other = Project("EUCDMM");
  auto a = Dated("A", "2027-03-01", "2027-03-02", "Beijing", "Hall");
  Create("/api/v1/workshops", {{"project_id", other},
                               {"title", "B"},
                               {"kind", "seminar"},
                               {"status", "planned"},
                               {"start_date", "2027-03-02"},
                               {"end_date", "2027-03-02"},
                               {"city", "Hangzhou"}});
  auto items = Get("/api/v1/calendar?from=2027-03-02&to=2027-03-31")
                   .Json()
                   .at("items")
                   .as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("date").as_string(), "2027-03-02");
  EXPECT_EQ(items[0].at("workshop").at("id").as_int64(), a);
  EXPECT_EQ(items[0].at("workshop").at("venue").as_string(), "Hall");
  EXPECT_EQ(items[1].at("workshop").at("project_code").as_string(), "EUCDMM");
  EXPECT_EQ(Get("/api/v1/calendar?from=2027-03-01&to=2027-03-31&city=hangzhou")
                .Json()
                .at("items")
                .as_array()
                .size(),
            1u);
  EXPECT_EQ(Get("/api/v1/calendar?from=2027-03-01&to=2027-03-31&project_id=" +
                std::to_string(project_))
                .Json()
                .at("items")
                .as_array()
                .size(),
            2u);
  ExpectProblem(Get("/api/v1/calendar?from=2027-03-01"), 400);
  ExpectProblem(Get("/api/v1/calendar?from=2027-03-01&to=2030-03-01"), 400);
}

// Parses an ICS body with ical.js (tests/js/parse_ics.mjs).
json::value ParseIcs(const TempDir& dir, const std::string& ics) {
  const std::string path = dir.File("feed.ics");
  std::ofstream(path, std::ios::binary) << ics;
  const auto run = RunCommand("node " + std::string(CAPDEV_TESTS_DIR) +
                              "/js/parse_ics.mjs " + path);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  return json::parse(run.output);
}

TEST_F(ScheduleApiTest, IcsFeedsParseWithTheRightDatesAndEscaping) {
  const std::string awkward =
      "Counter-trafficking; victims, referral \\ protection — "
      "支持中欧人员往来和移民领域对话项目 " +
      std::string(60, 'x');
  auto a = Create("/api/v1/workshops", {{"project_id", project_},
                                        {"title", awkward},
                                        {"kind", "workshop"},
                                        {"status", "planned"},
                                        {"start_date", "2027-03-30"},
                                        {"end_date", "2027-04-02"},
                                        {"city", "Beijing"},
                                        {"venue", "Hall 2, Ministry; East"}});
  auto b = Dated("Second", "2027-05-01", "2027-05-01", "Harbin", nullptr);
  ASSERT_EQ(Patch(W(b), {{"status", "cancelled"}}).status, 200);
  Create("/api/v1/workshops", {{"project_id", project_},
                               {"title", "Undated"},
                               {"kind", "workshop"},
                               {"status", "held"}});

  auto r = Get("/api/v1/calendar.ics?from=2027-01-01&to=2027-12-31");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-type"), "text/calendar; charset=utf-8");
  // Every physical line ends CRLF and is at most 75 octets.
  std::size_t start = 0;
  for (std::size_t end; (end = r.body.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    EXPECT_LE(end - start, 75u) << r.body.substr(start, end - start);
  }
  EXPECT_EQ(start, r.body.size());
  EXPECT_EQ(r.body.find("\n\n"), std::string::npos);

  TempDir dir;
  auto cal = ParseIcs(dir, r.body);
  EXPECT_EQ(cal.at("version").as_string(), "2.0");
  auto events = cal.at("events").as_array();
  ASSERT_EQ(events.size(),
            2u);  // the undated record has no place in a calendar
  EXPECT_EQ(events[0].at("summary").as_string(), awkward);
  EXPECT_EQ(events[0].at("uid").as_string(),
            "workshop-" + std::to_string(a) + "@capdev");
  EXPECT_TRUE(events[0].at("start_is_date").as_bool());
  EXPECT_EQ(events[0].at("start").as_string(), "2027-03-30");
  EXPECT_EQ(events[0].at("end").as_string(), "2027-04-03");  // exclusive
  EXPECT_EQ(events[0].at("location").as_string(),
            "Hall 2, Ministry; East, Beijing");
  EXPECT_NE(events[0].at("description").as_string().find("Project: CBMM"),
            std::string::npos);
  EXPECT_NE(events[0].at("description").as_string().find("Kind: workshop"),
            std::string::npos);
  EXPECT_EQ(events[0].at("status").as_string(), "TENTATIVE");
  EXPECT_EQ(events[1].at("status").as_string(), "CANCELLED");

  // The same UID in the single-workshop feed, and again later: stable.
  auto one = ParseIcs(dir, Get(W(a) + ".ics").body).at("events").as_array();
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].at("uid"), events[0].at("uid"));
  EXPECT_EQ(one[0].at("summary").as_string(), awkward);
  ExpectProblem(Get("/api/v1/workshops/999.ics"), 404);
  // The subscription URL works without parameters.
  EXPECT_EQ(Get("/api/v1/calendar.ics").status, 200);
  EXPECT_EQ(
      Get("/api/v1/calendar.ics?project_id=" + std::to_string(project_)).status,
      200);
}

}  // namespace
}  // namespace capdev::testing
