#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using SessionsApiTest = ApiTest;

TEST_F(SessionsApiTest, AddMoveAndRemoveSessions) {
  auto w = Workshop(Project("P"), "Two days", "2017-09-08", "2017-09-11");
  const std::string base =
      "/api/v1/workshops/" + std::to_string(w) + "/sessions";
  EXPECT_EQ(ListAll(port(), base, 50).size(), 4u);
  auto r = Post(base, {{"date", "2017-09-09"},
                       {"start_time", "14:00"},
                       {"end_time", "17:30"},
                       {"title", "Afternoon: biometrics"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = r.Json().at("id").as_int64();
  EXPECT_EQ(r.Json().at("workshop_id").as_int64(), w);
  EXPECT_EQ(r.Header("location"), base + "/" + std::to_string(id));
  EXPECT_EQ(Patch(base + "/" + std::to_string(id), {{"date", "2017-09-10"}})
                .Json()
                .at("date")
                .as_string(),
            "2017-09-10");
  auto bad = Patch(base + "/" + std::to_string(id),
                   {{"date", "2017-09-12"}, {"workshop_id", 3}});
  ExpectProblem(bad, 422);
  EXPECT_EQ(ErrorFields(bad),
            (std::vector<std::string>{"workshop_id", "date"}));
  EXPECT_EQ(Delete(base + "/" + std::to_string(id)).status, 204);
  EXPECT_EQ(ListAll(port(), base, 50).size(), 4u);
}

TEST_F(SessionsApiTest, ASessionBelongsToItsWorkshopOnly) {
  auto project = Project("P");
  auto a = Workshop(project, "A");
  auto b = Workshop(project, "B");
  auto session_of_a =
      ListAll(port(), "/api/v1/workshops/" + std::to_string(a) + "/sessions",
              50)[0]
          .at("id")
          .as_int64();
  ExpectProblem(Get("/api/v1/workshops/" + std::to_string(b) + "/sessions/" +
                    std::to_string(session_of_a)),
                404);
  ExpectProblem(Delete("/api/v1/workshops/" + std::to_string(b) + "/sessions/" +
                       std::to_string(session_of_a)),
                404);
  ExpectProblem(Get("/api/v1/workshops/999/sessions"), 404);
  ExpectProblem(
      Post("/api/v1/workshops/999/sessions", {{"date", "2017-09-08"}}), 404);
}

}  // namespace
}  // namespace capdev::testing
