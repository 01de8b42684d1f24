#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using OrganizationsApiTest = ApiTest;

TEST_F(OrganizationsApiTest, CreateReadUpdateDelete) {
  auto r = Post("/api/v1/organizations",
                {{"name", "International Organization for Migration"},
                 {"short_name", "IOM"},
                 {"kind", "intergovernmental"},
                 {"iati_ref", "XM-DAC-47066"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = r.Json().at("id").as_int64();
  EXPECT_EQ(r.Header("location"),
            "/api/v1/organizations/" + std::to_string(id));
  EXPECT_EQ(r.Header("content-type"), "application/json");

  auto got = Get("/api/v1/organizations/" + std::to_string(id)).Json();
  EXPECT_EQ(got.at("short_name").as_string(), "IOM");
  EXPECT_TRUE(got.at("country").is_null());

  auto patched =
      Patch("/api/v1/organizations/" + std::to_string(id), {{"country", "CH"}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json().at("country").as_string(), "CH");
  EXPECT_EQ(patched.Json().at("short_name").as_string(),
            "IOM");  // untouched by PATCH

  EXPECT_EQ(Delete("/api/v1/organizations/" + std::to_string(id)).status, 204);
  ExpectProblem(Get("/api/v1/organizations/" + std::to_string(id)), 404);
  ExpectProblem(Delete("/api/v1/organizations/" + std::to_string(id)), 404);
}

TEST_F(OrganizationsApiTest, NamesInAnyScriptRoundTripExactly) {
  for (const std::string name :
       {"支持中欧人员往来和移民领域对话项目", "Pär Liljert",
        "Serviço de Estrangeiros e Fronteiras"}) {
    auto id = Organization(name);
    EXPECT_EQ(Get("/api/v1/organizations/" + std::to_string(id))
                  .Json()
                  .at("name")
                  .as_string(),
              name);
  }
  auto found =
      Get("/api/v1/organizations?q=" + std::string("%E4%B8%AD%E6%AC%A7"))
          .Json();  // 中欧
  ASSERT_EQ(found.at("items").as_array().size(), 1u);
}

TEST_F(OrganizationsApiTest, ReportsEveryBadFieldAtOnce) {
  auto r = Post("/api/v1/organizations", {{"kind", "club"},
                                          {"country", "Germany"},
                                          {"short_name", 5},
                                          {"parent_id", 999},
                                          {"colour", "blue"}});
  ExpectProblem(r, 422);
  auto fields = ErrorFields(r);
  for (const char* f :
       {"kind", "country", "short_name", "parent_id", "colour", "name"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end())
        << f << " in " << r.body;
  }
}

TEST_F(OrganizationsApiTest, DuplicateNameIgnoringCaseIs409) {
  Organization("Frontex");
  ExpectProblem(
      Post("/api/v1/organizations", {{"name", "FRONTEX"}, {"kind", "ngo"}}),
      409);
}

TEST_F(OrganizationsApiTest, MalformedJsonIs400AndNonObjectIs422) {
  ExpectProblem(Request(port(), "POST", "/api/v1/organizations", "{\"name\": "),
                400);
  ExpectProblem(Request(port(), "POST", "/api/v1/organizations", ""), 400);
  ExpectProblem(Request(port(), "POST", "/api/v1/organizations", "[1,2]"), 422);
  ExpectProblem(
      Request(port(), "POST", "/api/v1/organizations", "\"\xff\xfe\""), 400);
  std::string deep(100, '[');
  ExpectProblem(Request(port(), "POST", "/api/v1/organizations",
                        deep + std::string(100, ']')),
                400);
}

TEST_F(OrganizationsApiTest, ParentsMustExistAndNeverFormACycle) {
  auto ministry = Organization("Ministry of Public Security");
  auto bureau = Create("/api/v1/organizations",
                       {{"name", "Bureau of Exit and Entry Administration"},
                        {"kind", "government"},
                        {"parent_id", ministry}});
  auto r = Patch("/api/v1/organizations/" + std::to_string(ministry),
                 {{"parent_id", bureau}});
  ExpectProblem(r, 422);
  EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"parent_id"});
  Person("Li Na", ministry);
  Person("Wang Fang", ministry);
  r = Delete("/api/v1/organizations/" + std::to_string(ministry));
  ExpectProblem(r, 409);
  EXPECT_EQ(r.Json().at("detail").as_string(),
            "the organization is still referenced by 1 organization below it "
            "and 2 people; remove those first");
}

TEST_F(OrganizationsApiTest, FiltersByKindAndQuery) {
  Organization("German Federal Police", "government");
  Organization("University of Cologne", "academic");
  Organization("British Institute of International and Comparative Law",
               "academic");
  EXPECT_EQ(ListAll(port(), "/api/v1/organizations?kind=academic", 50).size(),
            2u);
  auto q = ListAll(port(), "/api/v1/organizations?q=COLOGNE", 50);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].at("name").as_string(), "University of Cologne");
  ExpectProblem(Get("/api/v1/organizations?kind=club"), 400);
}

TEST_F(OrganizationsApiTest, PaginatesWithLimitAndCursor) {
  for (int i = 0; i < 12; ++i) Organization("Agency " + std::to_string(i));
  auto first = Get("/api/v1/organizations?limit=5").Json();
  EXPECT_EQ(first.at("items").as_array().size(), 5u);
  EXPECT_TRUE(first.at("next_cursor").is_string());
  auto all = ListAll(port(), "/api/v1/organizations", 5);
  ASSERT_EQ(all.size(), 12u);
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(all[i].at("name").as_string(), "Agency " + std::to_string(i));
  }
  ExpectProblem(Get("/api/v1/organizations?limit=501"), 400);
}

}  // namespace
}  // namespace capdev::testing
