// The served OpenAPI document validates with a real validator and describes
// every route the router knows.

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "app/auth/auth_service.hpp"
#include "app/auth/credentials.hpp"
#include "app/handlers/routes.hpp"
#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using OpenApiTest = ApiTest;

TEST_F(OpenApiTest, ServedDocumentIsTheRepositoryFile) {
  auto r = Get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  std::ifstream in(CAPDEV_OPENAPI_JSON);
  std::string file((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  EXPECT_EQ(r.body, file);
}

TEST_F(OpenApiTest, ValidatesWithOpenapiSpecValidator) {
  const std::string path = dir_.File("openapi.json");
  std::ofstream(path) << Get("/api/v1/openapi.json").body;
  const std::string command =
      "python3 -c \"import json,sys; from openapi_spec_validator import "
      "validate; "
      "validate(json.load(open(sys.argv[1])))\" " +
      path + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0)
      << "openapi-spec-validator rejected the document";
}

TEST_F(OpenApiTest, DescribesEveryRoute) {
  auto doc = Get("/api/v1/openapi.json").Json().as_object();
  const auto& paths = doc.at("paths").as_object();
  app::InitCrypto();
  auto routes =
      app::MakeRouter(std::make_shared<app::AuthService>(app::AuthOptions{}))
          .Routes();
  ASSERT_GT(routes.size(), 30u);
  for (const auto& route : routes) {
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    auto* item = paths.if_contains(route.path);
    ASSERT_NE(item, nullptr) << route.path << " is missing";
    EXPECT_TRUE(item->as_object().contains(method))
        << route.method << " " << route.path;
  }
}

}  // namespace
}  // namespace capdev::testing
