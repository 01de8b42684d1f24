#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using ProjectsApiTest = ApiTest;

TEST_F(ProjectsApiTest, CreateReadUpdateListDelete) {
  auto r = Post(
      "/api/v1/projects",
      {{"code", "EUCDMM"},
       {"title", "EU-China Dialogue on Migration and Mobility Support Project"},
       {"native_title", "支持中欧人员往来和移民领域对话项目"},
       {"funding_instrument", "Partnership Instrument"},
       {"default_currency", "EUR"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string path =
      "/api/v1/projects/" + std::to_string(r.Json().at("id").as_int64());
  EXPECT_EQ(Get(path).Json().at("native_title").as_string(),
            "支持中欧人员往来和移民领域对话项目");
  EXPECT_EQ(
      Patch(path, {{"start_date", "2016-01-01"}, {"end_date", "2018-12-31"}})
          .status,
      200);
  ExpectProblem(Patch(path, {{"end_date", "2015-01-01"}}), 422);
  EXPECT_EQ(ListAll(port(), "/api/v1/projects?q=dialogue", 10).size(), 1u);
  EXPECT_EQ(ListAll(port(), "/api/v1/projects?q=nothing", 10).size(), 0u);
  EXPECT_EQ(Delete(path).status, 204);
}

TEST_F(ProjectsApiTest, CodeIsRequiredAndUnique) {
  Project("CBMM");
  ExpectProblem(
      Post("/api/v1/projects", {{"code", "CBMM"}, {"title", "Again"}}), 409);
  auto r = Post("/api/v1/projects", {{"title", 3}});
  ExpectProblem(r, 422);
  EXPECT_EQ(ErrorFields(r), (std::vector<std::string>{"title", "code"}));
}

TEST_F(ProjectsApiTest, PartiesAreReplacedAsASet) {
  auto project = Project("CBMM");
  auto ec = Organization("European Commission", "intergovernmental");
  auto italy = Organization("Italian Ministry of Interior");
  auto iom = Organization("IOM", "intergovernmental");
  const std::string path =
      "/api/v1/projects/" + std::to_string(project) + "/organizations";
  auto r = Put(
      path, json::array{{{"organization_id", ec},
                         {"role", "lead_funder"},
                         {"amount", 1500000},
                         {"currency", "EUR"}},
                        {{"organization_id", italy}, {"role", "co_funder"}},
                        {{"organization_id", iom}, {"role", "implementer"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto got = Get(path).Json().as_array();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].at("amount").as_double(), 1500000.0);
  EXPECT_TRUE(got[1].at("amount").is_null());

  // A bad set changes nothing: amounts on a non-funder role, an unknown
  // organization.
  r = Put(path, json::array{{{"organization_id", iom},
                             {"role", "implementer"},
                             {"amount", 5}},
                            {{"organization_id", 999}, {"role", "co_funder"}}});
  ExpectProblem(r, 422);
  EXPECT_EQ(Get(path).Json().as_array().size(), 3u);
  r = Put(path, json::array{{{"organization_id", 999}, {"role", "co_funder"}}});
  ExpectProblem(r, 422);
  EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"[0].organization_id"});
  EXPECT_EQ(Get(path).Json().as_array().size(), 3u);

  EXPECT_EQ(Put(path, json::array{}).status, 200);
  EXPECT_EQ(Get(path).Json().as_array().size(), 0u);
  ExpectProblem(Get("/api/v1/projects/999/organizations"), 404);
}

TEST_F(ProjectsApiTest, AProjectWithWorkshopsCannotBeDeleted) {
  auto project = Project("CBMM");
  auto workshop = Workshop(project);
  ExpectProblem(Delete("/api/v1/projects/" + std::to_string(project)), 409);
  EXPECT_EQ(Delete("/api/v1/workshops/" + std::to_string(workshop)).status,
            204);
  EXPECT_EQ(Delete("/api/v1/projects/" + std::to_string(project)).status, 204);
}

}  // namespace
}  // namespace capdev::testing
