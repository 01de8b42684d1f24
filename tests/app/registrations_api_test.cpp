#include <gmock/gmock.h>

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using RegistrationsApiTest = ApiTest;

TEST_F(RegistrationsApiTest, RegisterUpdateFilterAndRemove) {
  auto w = Workshop(Project("P"));
  const std::string base =
      "/api/v1/workshops/" + std::to_string(w) + "/registrations";
  auto trainer = Person("Trainer");
  auto r = Post(base, {{"person_id", trainer}, {"role", "trainer"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json().at("status").as_string(), "registered");
  const auto id = r.Json().at("id").as_int64();
  auto p1 = Person("Participant 1");
  Register(w, p1);
  Register(w, Person("Participant 2"));
  EXPECT_EQ(
      Patch(base + "/" + std::to_string(id), {{"status", "attended"}}).status,
      200);
  EXPECT_EQ(ListAll(port(), base + "?role=participant", 1).size(), 2u);
  EXPECT_EQ(ListAll(port(), base + "?status=attended", 10).size(), 1u);
  EXPECT_EQ(
      ListAll(port(), base + "?person_id=" + std::to_string(p1), 10).size(),
      1u);
  ExpectProblem(Get(base + "?role=chef"), 400);
  EXPECT_EQ(Delete(base + "/" + std::to_string(id)).status, 204);
  EXPECT_EQ(ListAll(port(), base, 10).size(), 2u);
}

TEST_F(RegistrationsApiTest, APersonIsRegisteredOnce) {
  auto w = Workshop(Project("P"));
  auto person = Person("Tian Lin");
  Register(w, person);
  auto r = Post("/api/v1/workshops/" + std::to_string(w) + "/registrations",
                {{"person_id", person}, {"role", "speaker"}});
  ExpectProblem(r, 409);
}

TEST_F(RegistrationsApiTest, RejectsUnknownPeopleAndEnums) {
  auto w = Workshop(Project("P"));
  auto r = Post("/api/v1/workshops/" + std::to_string(w) + "/registrations",
                {{"person_id", 4242}, {"role", "chef"}, {"status", "maybe"}});
  ExpectProblem(r, 422);
  EXPECT_THAT(ErrorFields(r),
              ::testing::UnorderedElementsAre("person_id", "role", "status"));
  ExpectProblem(Post("/api/v1/workshops/999/registrations", {{"person_id", 1}}),
                404);
}

}  // namespace
}  // namespace capdev::testing
