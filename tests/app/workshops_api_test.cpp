#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

class WorkshopsApiTest : public ApiTest {
 protected:
  std::string Path(std::int64_t id) {
    return "/api/v1/workshops/" + std::to_string(id);
  }
  std::vector<std::string> SessionDates(std::int64_t id) {
    std::vector<std::string> out;
    for (auto& s : ListAll(port(), Path(id) + "/sessions", 50)) {
      out.emplace_back(s.at("date").as_string());
    }
    return out;
  }
};

TEST_F(WorkshopsApiTest, CreateGivesOneSessionPerDay) {
  auto project = Project("CBMM");
  auto r = Post("/api/v1/workshops",
                {{"project_id", project},
                 {"title", "Counter-trafficking, victim protection; Beijing"},
                 {"kind", "workshop"},
                 {"status", "planned"},
                 {"start_date", "2027-03-01"},
                 {"end_date", "2027-03-04"},
                 {"topics", json::array{"victim identification", "referral"}},
                 {"city", "Beijing"},
                 {"capacity", 35}});
  ASSERT_EQ(r.status, 201) << r.body;
  auto w = r.Json();
  EXPECT_EQ(w.at("topics").as_array().size(), 2u);
  EXPECT_FALSE(w.at("dates_estimated").as_bool());
  EXPECT_EQ(SessionDates(w.at("id").as_int64()),
            (std::vector<std::string>{"2027-03-01", "2027-03-02", "2027-03-03",
                                      "2027-03-04"}));
}

TEST_F(WorkshopsApiTest, AHeldRecordMayHaveUnknownOrEstimatedDates) {
  auto project = Project("CBMM");
  auto unknown = Create("/api/v1/workshops", {{"project_id", project},
                                              {"title", "Harbin"},
                                              {"kind", "training"},
                                              {"status", "held"},
                                              {"reported_participants", 30}});
  EXPECT_TRUE(Get(Path(unknown)).Json().at("start_date").is_null());
  EXPECT_TRUE(SessionDates(unknown).empty());
  auto estimated = Create("/api/v1/workshops", {{"project_id", project},
                                                {"title", "Langfang"},
                                                {"kind", "seminar"},
                                                {"status", "held"},
                                                {"start_date", "2012-11-06"},
                                                {"end_date", "2012-11-07"},
                                                {"dates_estimated", true}});
  EXPECT_TRUE(Get(Path(estimated)).Json().at("dates_estimated").as_bool());
}

TEST_F(WorkshopsApiTest, ValidatesDatesStatusAndReferences) {
  auto r = Post("/api/v1/workshops", {{"project_id", 999},
                                      {"title", "X"},
                                      {"kind", "party"},
                                      {"status", "planned"},
                                      {"start_date", "2027-02-30"},
                                      {"topics", json::array{1}}});
  ExpectProblem(r, 422);
  auto f = ErrorFields(r);
  for (const char* field :
       {"project_id", "kind", "start_date", "topics[0]", "end_date"}) {
    EXPECT_NE(std::find(f.begin(), f.end(), field), f.end())
        << field << " in " << r.body;
  }
  auto project = Project("P");
  r = Post("/api/v1/workshops", {{"project_id", project},
                                 {"title", "X"},
                                 {"kind", "training"},
                                 {"status", "confirmed"},
                                 {"start_date", "2027-03-05"},
                                 {"end_date", "2027-03-01"}});
  ExpectProblem(r, 422);
  EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"end_date"});
}

TEST_F(WorkshopsApiTest, MovingAWorkshopMovesItsSessions) {
  auto project = Project("P");
  auto id = Workshop(project, "Moves", "2027-05-10", "2027-05-12");
  ASSERT_EQ(Delete(Path(id) + "/sessions/" +
                   std::to_string(ListAll(port(), Path(id) + "/sessions", 50)[1]
                                      .at("id")
                                      .as_int64()))
                .status,
            204);  // non-consecutive days: 10th and 12th
  auto r = Patch(Path(id),
                 {{"start_date", "2027-06-01"}, {"end_date", "2027-06-03"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(SessionDates(id),
            (std::vector<std::string>{"2027-06-01", "2027-06-03"}));
  // Shrinking the dates under a session is refused and changes nothing.
  ExpectProblem(Patch(Path(id), {{"end_date", "2027-06-02"}}), 422);
  EXPECT_EQ(Get(Path(id)).Json().at("end_date").as_string(), "2027-06-03");
}

TEST_F(WorkshopsApiTest, StatusFollowsTheLifecycle) {
  auto project = Project("P");
  auto id = Create("/api/v1/workshops", {{"project_id", project},
                                         {"title", "L"},
                                         {"kind", "training"},
                                         {"status", "planned"},
                                         {"start_date", "2026-05-10"},
                                         {"end_date", "2026-05-10"}});
  auto r = Patch(Path(id), {{"status", "held"}});
  ExpectProblem(r, 409);
  EXPECT_NE(r.body.find("confirm it first"), std::string::npos);
  EXPECT_EQ(Patch(Path(id), {{"status", "confirmed"}}).status, 200);
  EXPECT_EQ(Patch(Path(id), {{"status", "held"}}).status, 200);
  ExpectProblem(Patch(Path(id), {{"status", "planned"}}), 409);
  EXPECT_EQ(Get(Path(id)).Json().at("status").as_string(), "held");
}

// Each answer says which moves the lifecycle allows now, so that the app
// offers only those: held only once the workshop has started, nothing from
// held or cancelled.
TEST_F(WorkshopsApiTest, AWorkshopAnswersItsAllowedTransitions) {
  auto project = Project("P");
  auto create = [&](const char* status, const char* start) {
    return Post("/api/v1/workshops", {{"project_id", project},
                                      {"title", "出入境管理培训"},
                                      {"kind", "training"},
                                      {"status", status},
                                      {"start_date", start},
                                      {"end_date", start}});
  };
  auto allowed = [](const json::value& w) {
    std::vector<std::string> out;
    for (auto& s : w.at("allowed_transitions").as_array())
      out.emplace_back(s.as_string());
    return out;
  };
  using V = std::vector<std::string>;
  auto past = create("planned", "2026-05-10");
  ASSERT_EQ(past.status, 201) << past.body;
  EXPECT_EQ(allowed(past.Json()), (V{"confirmed", "cancelled"}));
  const auto id = past.Json().at("id").as_int64();
  auto confirmed = Patch(Path(id), {{"status", "confirmed"}});
  EXPECT_EQ(allowed(confirmed.Json()), (V{"planned", "held", "cancelled"}));
  EXPECT_EQ(allowed(Get(Path(id)).Json()), (V{"planned", "held", "cancelled"}));
  auto future = create("confirmed", "2099-05-10");
  EXPECT_EQ(allowed(future.Json()), (V{"planned", "cancelled"}));
  ASSERT_EQ(Patch(Path(id), {{"status", "held"}}).status, 200);
  EXPECT_EQ(allowed(Get(Path(id)).Json()), V{});
  auto cancelled = create("cancelled", "2099-06-01");
  EXPECT_EQ(allowed(cancelled.Json()), V{});
  // The list answers it too; sending it back is not a field of a workshop.
  for (auto& w :
       ListAll(port(),
               "/api/v1/workshops?project_id=" + std::to_string(project), 10)) {
    EXPECT_TRUE(w.as_object().contains("allowed_transitions")) << w;
  }
  ExpectProblem(Patch(Path(id), {{"allowed_transitions", json::array{}}}), 422);
}

TEST_F(WorkshopsApiTest, ListFiltersByEveryField) {
  auto cbmm = Project("CBMM");
  auto eu = Project("EUCDMM");
  auto trainer = Organization("University of Cologne", "academic");
  auto a = Create("/api/v1/workshops", {{"project_id", cbmm},
                                        {"title", "A"},
                                        {"kind", "seminar"},
                                        {"status", "held"},
                                        {"start_date", "2012-11-06"},
                                        {"end_date", "2012-11-07"},
                                        {"city", "Langfang"}});
  auto b = Create("/api/v1/workshops", {{"project_id", eu},
                                        {"title", "B"},
                                        {"kind", "training"},
                                        {"status", "confirmed"},
                                        {"start_date", "2017-09-08"},
                                        {"end_date", "2017-09-08"},
                                        {"city", "Hangzhou"}});
  auto c = Create("/api/v1/workshops", {{"project_id", eu},
                                        {"title", "C"},
                                        {"kind", "training"},
                                        {"status", "held"},
                                        {"city", "Beijing"}});
  ASSERT_EQ(
      Put(Path(b) + "/organizations",
          json::array{{{"organization_id", trainer}, {"role", "trainer"}}})
          .status,
      200);
  auto ids = [&](const std::string& query) {
    std::vector<std::int64_t> out;
    for (auto& w : ListAll(port(), "/api/v1/workshops?" + query, 2))
      out.push_back(w.at("id").as_int64());
    return out;
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(ids("project_id=" + std::to_string(eu)), (V{b, c}));
  EXPECT_EQ(ids("status=held"), (V{a, c}));
  EXPECT_EQ(ids("kind=seminar"), (V{a}));
  EXPECT_EQ(ids("city=hangzhou"), (V{b}));
  EXPECT_EQ(ids("organization_id=" + std::to_string(trainer)), (V{b}));
  EXPECT_EQ(ids("from=2012-11-07&to=2012-12-31"),
            (V{a}));  // overlaps on the last day
  EXPECT_EQ(ids("from=2012-11-08&to=2017-09-07"), (V{}));
  EXPECT_EQ(ids("from=2017-01-01"), (V{b}));
  ExpectProblem(Get("/api/v1/workshops?from=2017-13-01"), 400);
  ExpectProblem(Get("/api/v1/workshops?from=2018-01-01&to=2017-01-01"), 400);
  ExpectProblem(Get("/api/v1/workshops?status=done"), 400);
  ExpectProblem(Get("/api/v1/workshops?project_id=abc"), 400);
}

// A person reads the newest first; `sort=start_date` the oldest first. The
// pages (two rows each) follow that order across their cursors, and
// workshops without dates come last either way.
TEST_F(WorkshopsApiTest, ListIsNewestFirstUnlessSortedByStartDate) {
  auto project = Project("CBMM");
  auto held = [&](const char* title, std::optional<std::string> start) {
    json::object w{{"project_id", project},
                   {"title", title},
                   {"kind", "training"},
                   {"status", "held"}};
    if (start) {
      w["start_date"] = *start;
      w["end_date"] = *start;
    }
    return Create("/api/v1/workshops", w);
  };
  auto xiamen = held("Xiamen", "2026-11-30");
  auto harbin = held("Harbin", std::nullopt);
  auto langfang = held("Langfang", "2012-11-06");
  auto kunming = held("Kunming", "2019-05-20");
  auto hangzhou = held("Hangzhou", "2019-05-20");  // the same day as Kunming
  auto chengdu = held("Chengdu", "2026-12-01");
  auto ids = [&](const std::string& query) {
    std::vector<std::int64_t> out;
    for (auto& w : ListAll(port(), "/api/v1/workshops?" + query, 2))
      out.push_back(w.at("id").as_int64());
    return out;
  };
  using V = std::vector<std::int64_t>;
  const std::string of = "project_id=" + std::to_string(project);
  EXPECT_EQ(ids(of), (V{chengdu, xiamen, hangzhou, kunming, langfang, harbin}));
  EXPECT_EQ(ids(of + "&sort=start_date"),
            (V{langfang, kunming, hangzhou, xiamen, chengdu, harbin}));
  EXPECT_EQ(ids(of + "&status=held&from=2019-01-01"),
            (V{chengdu, xiamen, hangzhou, kunming}));
  ExpectProblem(Get("/api/v1/workshops?sort=title"), 400);
}

TEST_F(WorkshopsApiTest, PartnerInstitutionsAreReplacedAsASet) {
  auto id = Workshop(Project("P"));
  auto frontex = Organization("Frontex", "intergovernmental");
  auto police = Organization("German Federal Police");
  const std::string path = Path(id) + "/organizations";
  auto r = Put(
      path,
      json::array{{{"organization_id", frontex}, {"role", "trainer"}},
                  {{"organization_id", police}, {"role", "trainer"}},
                  {{"organization_id", police}, {"role", "participating"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Get(path).Json().as_array().size(), 3u);
  r = Put(path,
          json::array{{{"organization_id", frontex}, {"role", "lecturer"}},
                      {{"organization_id", frontex}, {"role", "trainer"}},
                      {{"organization_id", frontex}, {"role", "trainer"}}});
  ExpectProblem(r, 422);
  EXPECT_EQ(ErrorFields(r), (std::vector<std::string>{"[0].role", "[2].role"}));
  EXPECT_EQ(Get(path).Json().as_array().size(), 3u);
  ExpectProblem(Delete("/api/v1/organizations/" + std::to_string(frontex)),
                409);
}

TEST_F(WorkshopsApiTest, AWorkshopWithRegistrationsCannotBeDeleted) {
  const auto project = Project("P");
  auto id = Workshop(project);
  auto reg = Register(id, Person("Etienne Micallef"));
  auto second = Register(id, Person("Zhang Wei"));
  // The refusal says what to remove, counted from the schema's foreign keys.
  auto r = Delete(Path(id));
  ExpectProblem(r, 409);
  EXPECT_EQ(r.Json().at("detail").as_string(),
            "the workshop is still referenced by 2 registrations; remove "
            "those first");
  r = Delete("/api/v1/projects/" + std::to_string(project));
  ExpectProblem(r, 409);
  EXPECT_EQ(r.Json().at("detail").as_string(),
            "the project is still referenced by 1 workshop; remove those "
            "first");
  EXPECT_EQ(Delete(Path(id) + "/registrations/" + std::to_string(reg)).status,
            204);
  r = Delete(Path(id));
  EXPECT_EQ(r.Json().at("detail").as_string(),
            "the workshop is still referenced by 1 registration; remove those "
            "first");
  EXPECT_EQ(
      Delete(Path(id) + "/registrations/" + std::to_string(second)).status,
      204);
  EXPECT_EQ(Delete(Path(id)).status, 204);
}

}  // namespace
}  // namespace capdev::testing
