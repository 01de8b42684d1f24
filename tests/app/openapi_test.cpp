// The served OpenAPI document validates with a real validator and describes
// exactly the routes the router serves, with their parameters.

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "app/api/routes.hpp"
#include "app/services/auth_service.hpp"
#include "app/services/credentials.hpp"
#include "domain/enums.hpp"
#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using OpenApiTest = ApiTest;

TEST_F(OpenApiTest, ValidatesWithOpenapiSpecValidator) {
  const std::string path = dir_.File("openapi.json");
  std::ofstream(path) << Get("/api/v1/openapi.json").body;
  const std::string command = "node " + std::string(CAPDEV_TESTS_DIR) +
                              "/js/check_responses.mjs " + path + " 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0)
      << "the OpenAPI validator rejected the document";
}

// Each enumeration's texts are the document's, in the same order.
template <domain::Enumeration E>
void ExpectEnum(const json::object& schemas, const char* name) {
  std::vector<std::string> documented, mapped;
  for (const auto& v : schemas.at(name).at("enum").as_array())
    documented.emplace_back(v.as_string());
  for (auto text : domain::Texts<E>()) mapped.emplace_back(text);
  EXPECT_EQ(documented, mapped) << name;
}

TEST_F(OpenApiTest, EnumerationsAreTheDomainsTexts) {
  auto doc = Get("/api/v1/openapi.json").Json();
  const auto& s = doc.at("components").at("schemas").as_object();
  ExpectEnum<domain::OrganizationKind>(s, "OrganizationKind");
  ExpectEnum<domain::ProjectRole>(s, "ProjectPartyRole");
  ExpectEnum<domain::WorkshopKind>(s, "WorkshopKind");
  ExpectEnum<domain::WorkshopStatus>(s, "WorkshopStatus");
  ExpectEnum<domain::WorkshopRole>(s, "WorkshopPartyRole");
  ExpectEnum<domain::Gender>(s, "Gender");
  ExpectEnum<domain::RegistrationRole>(s, "RegistrationRole");
  ExpectEnum<domain::RegistrationStatus>(s, "RegistrationStatus");
  ExpectEnum<domain::Mark>(s, "AttendanceStatus");
  ExpectEnum<domain::MarkSource>(s, "MarkSource");
  ExpectEnum<domain::ResultLevel>(s, "ResultLevel");
  ExpectEnum<domain::IndicatorSource>(s, "IndicatorSource");
  ExpectEnum<domain::Measure>(s, "Measure");
  ExpectEnum<domain::Disaggregation>(s, "Disaggregation");
  ExpectEnum<domain::QuestionnaireKind>(s, "QuestionnaireKind");
  ExpectEnum<domain::ItemType>(s, "ItemType");
  ExpectEnum<domain::EvaluationStage>(s, "EvaluationStage");
  ExpectEnum<domain::CertificateKind>(s, "CertificateKind");
  ExpectEnum<domain::NotEligible>(s, "NotEligibleReason");
  ExpectEnum<domain::ImportAction>(s, "ImportAction");
  std::vector<std::string> roles;
  for (const auto& v :
       s.at("User").at("properties").at("role").at("enum").as_array())
    roles.emplace_back(v.as_string());
  EXPECT_EQ(roles, (std::vector<std::string>{"admin", "coordinator", "viewer",
                                             "funder"}));
  EXPECT_EQ(domain::Texts<domain::Role>().size(), roles.size());
}

// The parameters an operation documents, by where they go ("path",
// "query"): its own and its path item's, each resolved through $ref.
std::map<std::string, std::set<std::string>> DocumentedParameters(
    const json::object& doc, const json::object& item,
    const json::object& operation) {
  std::map<std::string, std::set<std::string>> out;
  const auto add = [&](const json::value* list) {
    if (!list) return;
    for (const auto& p : list->as_array()) {
      const json::object* param = &p.as_object();
      if (const auto* ref = param->if_contains("$ref")) {
        // "#/components/parameters/Name"
        const std::string target(ref->as_string());
        const auto name = target.substr(target.rfind('/') + 1);
        param = &doc.at("components").at("parameters").at(name).as_object();
      }
      out[std::string(param->at("in").as_string())].insert(
          std::string(param->at("name").as_string()));
    }
  };
  add(item.if_contains("parameters"));
  add(operation.if_contains("parameters"));
  return out;
}

// The names in a path template's braces ("/a/{id}/b/{session_id}.ics").
std::set<std::string> TemplateParameters(const std::string& path) {
  std::set<std::string> names;
  for (auto open = path.find('{'); open != std::string::npos;
       open = path.find('{', open + 1)) {
    names.insert(path.substr(open + 1, path.find('}', open) - open - 1));
  }
  return names;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

// The router's own table (api::MakeRouter, what the server dispatches on)
// against the served document, both ways: every route is documented with its
// method, its path parameters and the query parameters it accepts (the
// router answers 400 to any other); every documented operation is a route,
// but for the web app's page at /.
TEST_F(OpenApiTest, DocumentsExactlyTheRoutesTheRouterServes) {
  const auto doc = Get("/api/v1/openapi.json").Json().as_object();
  const auto& paths = doc.at("paths").as_object();
  services::InitCrypto();
  const auto routes = api::MakeRouter(std::make_shared<services::AuthService>(
                                          services::AuthOptions{}))
                          .Routes();
  ASSERT_GT(routes.size(), 30u);

  std::set<std::pair<std::string, std::string>> served;
  for (const auto& route : routes) {
    const std::string method = Lower(route.method);
    const std::string what = route.method + " " + route.path;
    served.emplace(method, route.path);
    const auto* item = paths.if_contains(route.path);
    if (!item) {
      ADD_FAILURE() << what << ": the path is not documented";
      continue;
    }
    const auto* operation = item->as_object().if_contains(method);
    if (!operation) {
      ADD_FAILURE() << what << ": the method is not documented";
      continue;
    }
    auto documented =
        DocumentedParameters(doc, item->as_object(), operation->as_object());
    EXPECT_EQ(documented["path"], TemplateParameters(route.path))
        << what << ": path parameters";
    const std::set<std::string> accepted(route.query.begin(),
                                         route.query.end());
    EXPECT_EQ(documented["query"], accepted) << what << ": query parameters";
  }

  static const std::set<std::string> kMethods = {
      "get", "put", "post", "patch", "delete", "head", "options"};
  std::size_t operations = 0;
  for (const auto& [path, item] : paths) {
    for (const auto& [key, operation] : item.as_object()) {
      if (!kMethods.contains(std::string(key))) continue;  // "parameters"
      ++operations;
      if (key == "get" && path == "/") {
        // The web app: served beside the router (app/http/web_assets).
        const auto page = Get("/");
        EXPECT_EQ(page.status, 200);
        EXPECT_EQ(page.Header("content-type").rfind("text/html", 0), 0u)
            << page.Header("content-type");
        continue;
      }
      EXPECT_TRUE(served.contains({std::string(key), std::string(path)}))
          << Lower(std::string(key)) << " " << std::string(path)
          << " is documented but no route serves it";
    }
  }
  EXPECT_EQ(operations, routes.size() + 1);  // the routes and GET /
}
}  // namespace
}  // namespace capdev::testing

namespace capdev::testing {
namespace {

// Real responses of every kind, validated against the schemas the document
// declares for them (tests/js/check_responses.mjs, JSON Schema 2020-12).
class ContractTest : public ApiTest {
 protected:
  HttpResponse Record(const std::string& path_template,
                      const std::string& method, const std::string& target,
                      const std::string& body = "") {
    auto r = Request(port(), method, target, body);
    std::string lower = method;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    cases_.push_back({{"path", path_template},
                      {"method", lower},
                      {"status", r.status},
                      {"content_type", r.Header("content-type")},
                      {"body", r.body}});
    return r;
  }
  json::array cases_;
};

TEST_F(ContractTest, ResponsesMatchTheirDocumentedSchemas) {
  const std::string org_body =
      R"({"name": "Frontex", "kind": "intergovernmental", "country": null})";
  auto org =
      Record("/api/v1/organizations", "POST", "/api/v1/organizations", org_body)
          .Json()
          .at("id")
          .as_int64();
  Record("/api/v1/organizations", "POST", "/api/v1/organizations",
         R"({"kind": "club"})");  // 422
  Record("/api/v1/organizations", "POST", "/api/v1/organizations",
         org_body);  // 409
  Record("/api/v1/organizations", "GET", "/api/v1/organizations?limit=1");
  Record("/api/v1/organizations/{id}", "GET",
         "/api/v1/organizations/" + std::to_string(org));
  Record("/api/v1/organizations/{id}", "GET",
         "/api/v1/organizations/999");  // 404
  auto project = Record("/api/v1/projects", "POST", "/api/v1/projects",
                        R"({"code": "P", "title": "T"})")
                     .Json()
                     .at("id")
                     .as_int64();
  const std::string p = "/api/v1/projects/" + std::to_string(project);
  Record("/api/v1/projects/{id}/organizations", "PUT", p + "/organizations",
         R"([{"organization_id": )" + std::to_string(org) +
             R"(, "role": "lead_funder", "amount": 5, "currency": "EUR"}])");
  Record("/api/v1/projects/{id}", "PATCH", p, R"({"native_title": "项目"})");
  auto workshop =
      Record(
          "/api/v1/workshops", "POST", "/api/v1/workshops",
          R"({"project_id": )" + std::to_string(project) +
              R"(, "title": "W", "kind": "training", "status": "confirmed", "start_date": "2017-09-08",
                                "end_date": "2017-09-09", "city": "Hangzhou", "venue": "Hall"})")
          .Json()
          .at("id")
          .as_int64();
  const std::string w = "/api/v1/workshops/" + std::to_string(workshop);
  Record("/api/v1/workshops", "GET", "/api/v1/workshops?status=confirmed");
  Record("/api/v1/workshops/{id}", "PATCH", w, R"({"topics": ["x"]})");
  Record("/api/v1/workshops/{id}/organizations", "PUT", w + "/organizations",
         R"([{"organization_id": )" + std::to_string(org) +
             R"(, "role": "trainer"}])");
  auto sessions =
      Record("/api/v1/workshops/{id}/sessions", "GET", w + "/sessions").Json();
  const auto session = sessions.at("items").as_array()[0].at("id").as_int64();
  Record("/api/v1/workshops/{id}/sessions", "POST", w + "/sessions",
         R"({"date": "2017-09-09", "start_time": "14:00"})");
  auto person = Record("/api/v1/people", "POST", "/api/v1/people",
                       R"({"full_name": "Pär Liljert", "gender": "male"})")
                    .Json()
                    .at("id")
                    .as_int64();
  Record("/api/v1/workshops/{id}/registrations", "POST", w + "/registrations",
         R"({"person_id": )" + std::to_string(person) + "}");
  Record("/api/v1/workshops/{id}/sessions/{session_id}/attendance", "PUT",
         w + "/sessions/" + std::to_string(session) + "/attendance",
         R"([{"person_id": )" + std::to_string(person) +
             R"(, "status": "present"}])");
  Record("/api/v1/workshops/{id}/sessions/{session_id}/attendance", "GET",
         w + "/sessions/" + std::to_string(session) + "/attendance");
  Record("/api/v1/workshops/{id}/attendance", "GET", w + "/attendance");
  {
    // The grid's import checked: the row names its person and the mark it
    // changes, from what to what.
    const std::string grid =
        "Person ID,2017-09-08\r\n" + std::to_string(person) + ",L\r\n";
    auto r = Upload(port(), w + "/attendance/import?dry_run=true", grid);
    ASSERT_EQ(r.status, 200) << r.body;
    const auto answer = r.Json();
    const auto& row = answer.at("rows").as_array()[0];
    EXPECT_EQ(row.at("full_name"), "Pär Liljert");
    EXPECT_EQ(row.at("marks").as_array()[0].at("from"), "present");
    EXPECT_EQ(row.at("marks").as_array()[0].at("to"), "late");
    cases_.push_back({{"path", "/api/v1/workshops/{id}/attendance/import"},
                      {"method", "post"},
                      {"status", r.status},
                      {"content_type", r.Header("content-type")},
                      {"body", r.body}});
  }
  Record("/api/v1/workshops/{id}/conflicts", "GET", w + "/conflicts");
  Record("/api/v1/conflicts", "GET", "/api/v1/conflicts?from=2017-01-01");
  Record("/api/v1/calendar", "GET",
         "/api/v1/calendar?from=2017-01-01&to=2017-12-31");
  Record("/api/v1/reports/attendance", "GET",
         "/api/v1/reports/attendance?workshop_id=" + std::to_string(workshop));
  Record("/api/v1/reports/funder", "GET",
         "/api/v1/reports/funder?organization_id=" + std::to_string(org) +
             "&from=2017-01-01&to=2017-12-31");
  Record("/api/v1/reports/summary", "GET",
         "/api/v1/reports/summary?from=2017-01-01&to=2017-12-31");
  Record("/api/v1/auth/me", "GET", "/api/v1/auth/me");
  Record("/api/v1/users", "GET", "/api/v1/users");
  Record("/api/v1/audit", "GET", "/api/v1/audit?limit=3");
  Record("/api/v1/people/{id}/erase", "POST",
         "/api/v1/people/" + std::to_string(person) + "/erase", "{}");
  Record("/healthz", "GET", "/healthz");

  const std::string file = dir_.File("cases.json");
  std::ofstream(file) << json::serialize(cases_);
  const std::string command = "node " + std::string(CAPDEV_TESTS_DIR) +
                              "/js/check_responses.mjs " + CAPDEV_OPENAPI_JSON +
                              " " + file;
  EXPECT_EQ(std::system(command.c_str()), 0)
      << "see the mismatches printed above";
}

}  // namespace
}  // namespace capdev::testing
