// The rules that keep records clean (API conventions): trimmed text, no
// control characters, bounded counts, names unique under Unicode case
// folding, one person per email, duplicates flagged and merged, historical
// records with stated dates, and a workshop's marks kept on their days.

#include <gmock/gmock.h>

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

class RecordsRulesTest : public ApiTest {
 protected:
  std::string W(std::int64_t id) {
    return "/api/v1/workshops/" + std::to_string(id);
  }
  std::string P(std::int64_t id) {
    return "/api/v1/people/" + std::to_string(id);
  }
};

TEST_F(RecordsRulesTest, TextIsStoredTrimmedAndBlankRequiredTextIsRefused) {
  auto r = Post("/api/v1/people", {{"full_name", "  Sun Li \u3000"},
                                   {"position", " Inspector\t"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json().at("full_name").as_string(), "Sun Li");
  EXPECT_EQ(r.Json().at("position").as_string(), "Inspector");
  r = Post("/api/v1/organizations", {{"name", "   "}, {"kind", "ngo"}});
  ExpectProblem(r, 422);
  EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"name"});
}

TEST_F(RecordsRulesTest, ControlCharactersAreRefusedButLongTextKeepsLines) {
  for (const std::string& bad :
       {std::string("a\0b", 3), std::string("tab\there"),
        std::string("esc\x1b")}) {
    auto r = Post("/api/v1/people", {{"full_name", bad}});
    ExpectProblem(r, 422);
    EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"full_name"});
  }
  auto nul = Post(
      "/api/v1/organizations",
      {{"name", json::string(std::string("Front\0ex", 8))}, {"kind", "ngo"}});
  ExpectProblem(nul, 422);
  auto project = Project("CBMM");
  auto r = Post("/api/v1/workshops", {{"project_id", project},
                                      {"title", "Old"},
                                      {"kind", "training"},
                                      {"status", "held"},
                                      {"notes", "line one\n\tline two"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json().at("notes").as_string(), "line one\n\tline two");
  EXPECT_EQ(Get("/api/v1/organizations").Json().at("items").as_array().size(),
            0u);
}

TEST_F(RecordsRulesTest, CountsAreBounded) {
  auto project = Project("CBMM");
  auto r = Post("/api/v1/workshops", {{"project_id", project},
                                      {"title", "Old"},
                                      {"kind", "training"},
                                      {"status", "held"},
                                      {"capacity", 1000001},
                                      {"reported_participants", -1}});
  ExpectProblem(r, 422);
  EXPECT_THAT(ErrorFields(r), ::testing::UnorderedElementsAre(
                                  "capacity", "reported_participants"));
  r = Post("/api/v1/workshops", {{"project_id", project},
                                 {"title", "Old"},
                                 {"kind", "training"},
                                 {"status", "held"},
                                 {"reported_participants", 1000000}});
  EXPECT_EQ(r.status, 201) << r.body;
}

// A headcount near INT64_MAX once made the funder report overflow (500)
// until the record was fixed: it is refused, and the reports still answer.
TEST_F(RecordsRulesTest, AnOverflowingHeadcountIsRefusedAndReportsAnswer) {
  auto funder = Organization("EC", "intergovernmental");
  auto project = Project("EUCD");
  ASSERT_EQ(
      Put("/api/v1/projects/" + std::to_string(project) + "/organizations",
          json::array{{{"organization_id", funder},
                       {"role", "lead_funder"},
                       {"amount", 1000},
                       {"currency", "EUR"}}})
          .status,
      200);
  auto w = Create("/api/v1/workshops", {{"project_id", project},
                                        {"title", "Old"},
                                        {"kind", "training"},
                                        {"status", "held"},
                                        {"start_date", "2017-03-01"},
                                        {"end_date", "2017-03-02"},
                                        {"reported_participants", 30}});
  const std::string path = "/api/v1/workshops/" + std::to_string(w);
  for (const char* huge :
       {"9223372036854775807", "9223372036854775808", "1e300", "1000001"}) {
    auto r = Request(port(), "PATCH", path,
                     std::string(R"({"reported_participants": )") + huge + "}");
    ExpectProblem(r, 422);
    EXPECT_THAT(ErrorFields(r), ::testing::ElementsAre("reported_participants"))
        << huge;
  }
  EXPECT_EQ(Get(path).Json().at("reported_participants").as_int64(), 30);
  auto funder_report =
      Get("/api/v1/reports/funder?organization_id=" + std::to_string(funder) +
          "&from=2017-01-01&to=2017-12-31");
  EXPECT_EQ(funder_report.status, 200) << funder_report.body;
  EXPECT_EQ(Get("/api/v1/reports/summary?from=2017-01-01&to=2017-12-31").status,
            200);
}

// JSON can carry a NUL ("\u0000") that C strings would cut short.
TEST_F(RecordsRulesTest, NulIsRefusedInNamesAndEmails) {
  auto org = Organization("Real Org", "ngo");
  auto r =
      Request(port(), "POST", "/api/v1/people", R"({"full_name": "\u0000"})");
  ExpectProblem(r, 422);
  EXPECT_THAT(ErrorFields(r), ::testing::ElementsAre("full_name"));
  r = Request(port(), "POST", "/api/v1/people",
              R"({"full_name": "Li Na", "email": "li\u0000na@example.org"})");
  ExpectProblem(r, 422);
  EXPECT_THAT(ErrorFields(r), ::testing::ElementsAre("email"));
  r = Request(port(), "POST", "/api/v1/organizations",
              R"({"name": "Bad\u0000Org", "kind": "ngo"})");
  ExpectProblem(r, 422);
  EXPECT_THAT(ErrorFields(r), ::testing::ElementsAre("name"));
  r = Request(port(), "PATCH", "/api/v1/organizations/" + std::to_string(org),
              R"({"name": "Real\u0000Org"})");
  ExpectProblem(r, 422);
  EXPECT_EQ(Get("/api/v1/organizations/" + std::to_string(org))
                .Json()
                .at("name")
                .as_string(),
            "Real Org");
}

TEST_F(RecordsRulesTest, NamesAreOneUnderUnicodeCaseFolding) {
  Organization("Pär Foundation", "ngo");
  // Upper case, and a decomposed ä (a + combining diaeresis).
  for (const char* same :
       {"PÄR FOUNDATION", "Pa\u0308r Foundation", "pär foundation"}) {
    auto r = Post("/api/v1/organizations", {{"name", same}, {"kind", "ngo"}});
    ExpectProblem(r, 409);
    EXPECT_NE(r.Json().at("detail").as_string().find("name"),
              std::string::npos);
  }
  Project("cbmm");
  ExpectProblem(Post("/api/v1/projects", {{"code", "CBMM"}, {"title", "X"}}),
                409);
  // q finds across case and scripts.
  auto found = Get("/api/v1/organizations?q=p%C3%84r").Json().at("items");
  ASSERT_EQ(found.as_array().size(), 1u);
  Person("刘伟");
  EXPECT_EQ(
      Get("/api/v1/people?q=%E5%88%98").Json().at("items").as_array().size(),
      1u);
  auto project = Project("P");
  Workshop(project, "Document Security", "2017-09-08", "2017-09-08");
  Workshop(project, "Border Control", "2017-10-08", "2017-10-08");
  auto workshops = Get("/api/v1/workshops?q=SECURITY").Json().at("items");
  ASSERT_EQ(workshops.as_array().size(), 1u);
  EXPECT_EQ(workshops.at(0).at("title").as_string(), "Document Security");
}

TEST_F(RecordsRulesTest, AnEmailBelongsToOnePerson) {
  auto first = Create("/api/v1/people", {{"full_name", "Sun Li"},
                                         {"email", "Sun.Li@Example.org"}});
  auto r = Post("/api/v1/people",
                {{"full_name", "Li Sun"}, {"email", "sun.li@EXAMPLE.ORG"}});
  ExpectProblem(r, 409);
  EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"email"});
  EXPECT_NE(r.Json().at("detail").as_string().find(
                "person " + std::to_string(first) + " (Sun Li)"),
            std::string::npos);
  auto other = Person("Li Sun");
  ExpectProblem(Patch(P(other), {{"email", "SUN.LI@example.org"}}), 409);
  // A person keeps their own email when other fields change.
  EXPECT_EQ(Patch(P(first), {{"position", "Officer"}}).status, 200);
}

TEST_F(RecordsRulesTest, ACreateListsPossibleDuplicates) {
  auto org = Organization("Exit and Entry Administration");
  auto first = Person("Liu Wei", org);
  auto r = Post("/api/v1/people",
                {{"full_name", "LIU WEI"}, {"organization_id", org}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto body = r.Json();
  const auto& dups = body.at("possible_duplicates").as_array();
  ASSERT_EQ(dups.size(), 1u);
  EXPECT_EQ(dups[0].at("id").as_int64(), first);
  // The same name elsewhere is someone else.
  r = Post("/api/v1/people", {{"full_name", "Liu Wei"}});
  EXPECT_TRUE(r.Json().at("possible_duplicates").as_array().empty());
}

TEST_F(RecordsRulesTest, MergeMovesRegistrationsAndMarksAndIsAudited) {
  auto project = Project("CBMM");
  auto a = Workshop(project, "A", "2017-09-08", "2017-09-09");
  auto b = Workshop(project, "B", "2017-10-08", "2017-10-08");
  auto keep = Person("Liu Wei");
  auto dup = Person("LIU WEI");
  Register(a, keep);
  Register(b, dup);
  auto session =
      ListAll(port(), W(b) + "/sessions", 50).at(0).at("id").as_int64();
  ASSERT_EQ(Put(W(b) + "/sessions/" + std::to_string(session) + "/attendance",
                json::array{{{"person_id", dup}, {"status", "present"}}})
                .status,
            200);

  auto r = Post(P(dup) + "/merge", {{"into_id", keep}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("id").as_int64(), keep);
  EXPECT_EQ(Get(P(dup)).status, 404);
  auto record = Get(P(keep) + "/workshops").Json().at("items").as_array();
  ASSERT_EQ(record.size(), 2u);
  std::int64_t days = 0;
  for (const auto& e : record) days += e.at("days_attended").as_int64();
  EXPECT_EQ(days, 1);
  EXPECT_EQ(
      Get("/api/v1/audit?action=merge").Json().at("items").as_array().size(),
      2u);

  // Both in one workshop: refused, nothing moves.
  auto third = Person("Liu W.");
  Register(a, third);
  ExpectProblem(Post(P(third) + "/merge", {{"into_id", keep}}), 409);
  EXPECT_EQ(Get(P(third)).status, 200);
  ExpectProblem(Post(P(keep) + "/merge", {{"into_id", keep}}), 422);
}

TEST_F(RecordsRulesTest, HistoricalRecordsKeepWhatTheSourceStates) {
  auto project = Project("CBMM");
  auto r = Post("/api/v1/workshops", {{"project_id", project},
                                      {"title", "Counter-trafficking"},
                                      {"kind", "training"},
                                      {"status", "held"},
                                      {"duration_days", 2},
                                      {"stated_dates", "XXXX-03-02"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json().at("stated_dates").as_string(), "XXXX-03-02");
  EXPECT_EQ(r.Json().at("duration_days").as_int64(), 2);
  for (const char* ok : {"2017-09-08", "2012-11-06?", "2012-11", "201X",
                         "2012-11-06/2012-11-07"}) {
    EXPECT_EQ(
        Patch(W(r.Json().at("id").as_int64()), {{"stated_dates", ok}}).status,
        200)
        << ok;
  }
  for (const char* bad : {"March 2", "2012-13-01", "2012-11-32", "12-11-06"}) {
    auto p = Patch(W(r.Json().at("id").as_int64()), {{"stated_dates", bad}});
    ExpectProblem(p, 422);
    EXPECT_EQ(ErrorFields(p), std::vector<std::string>{"stated_dates"}) << bad;
  }
  ExpectProblem(Patch(W(r.Json().at("id").as_int64()), {{"duration_days", 0}}),
                422);
}

TEST_F(RecordsRulesTest, AHeldWorkshopCannotStartAfterToday) {
  auto project = Project("CBMM");
  auto r = Post("/api/v1/workshops", {{"project_id", project},
                                      {"title", "Next year"},
                                      {"kind", "training"},
                                      {"status", "held"},
                                      {"start_date", "2999-03-01"},
                                      {"end_date", "2999-03-02"}});
  ExpectProblem(r, 409);
  EXPECT_EQ(Get("/api/v1/workshops").Json().at("items").as_array().size(), 0u);
  auto future = Workshop(project, "Future", "2999-03-01", "2999-03-02");
  ExpectProblem(Patch(W(future), {{"status", "held"}}), 409);
}

TEST_F(RecordsRulesTest, MarksStayOnTheirDays) {
  auto project = Project("CBMM");
  auto w = Workshop(project, "Marked", "2017-09-08", "2017-09-10");
  auto person = Person("Liu Wei");
  Register(w, person);
  auto sessions = ListAll(port(), W(w) + "/sessions", 50);
  const auto first = std::to_string(sessions.at(0).at("id").as_int64());
  ASSERT_EQ(Put(W(w) + "/sessions/" + first + "/attendance",
                json::array{{{"person_id", person}, {"status", "present"}}})
                .status,
            200);
  ExpectProblem(
      Patch(W(w), {{"start_date", "2018-09-08"}, {"end_date", "2018-09-10"}}),
      409);
  ExpectProblem(Delete(W(w) + "/sessions/" + first), 409);
  ExpectProblem(Patch(W(w) + "/sessions/" + first, {{"date", "2017-09-10"}}),
                409);
  EXPECT_EQ(Get(W(w)).Json().at("start_date").as_string(), "2017-09-08");
  // An unmarked session may still go, and other fields may still change.
  const auto last = std::to_string(sessions.at(2).at("id").as_int64());
  EXPECT_EQ(Delete(W(w) + "/sessions/" + last).status, 204);
  EXPECT_EQ(Patch(W(w), {{"title", "Renamed"}}).status, 200);
}

TEST_F(RecordsRulesTest, PartnerListsCarryNames) {
  auto project = Project("CBMM");
  auto frontex = Organization("Frontex", "intergovernmental");
  auto w = Workshop(project);
  auto r =
      Put(W(w) + "/organizations",
          json::array{{{"organization_id", frontex}, {"role", "trainer"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at(0).at("organization_name").as_string(), "Frontex");
  // What was read can be sent back as it is.
  EXPECT_EQ(
      Put(W(w) + "/organizations", Get(W(w) + "/organizations").Json()).status,
      200);
  auto parties =
      Get("/api/v1/projects/" + std::to_string(project) + "/organizations");
  EXPECT_TRUE(parties.Json().as_array().empty());
}

}  // namespace
}  // namespace capdev::testing
