#include "tests/support/api_test.hpp"

#include <iostream>
#include <sstream>

namespace capdev::testing {

void ApiTest::TearDown() {
  if (!HasFailure()) return;
  std::istringstream log(server_.Output());
  for (std::string line; std::getline(log, line);) {
    if (line.find(" error ") != std::string::npos)
      std::cerr << "server: " << line << "\n";
  }
}

std::int64_t ApiTest::Create(const std::string& collection,
                             const json::value& body) {
  auto r = Post(collection, body);
  EXPECT_EQ(r.status, 201) << collection << " " << r.body;
  if (r.status != 201) return 0;
  return r.Json().at("id").as_int64();
}

std::int64_t ApiTest::Organization(const std::string& name,
                                   const std::string& kind) {
  return Create("/api/v1/organizations", {{"name", name}, {"kind", kind}});
}

std::int64_t ApiTest::Project(const std::string& code) {
  return Create("/api/v1/projects",
                {{"code", code}, {"title", "Project " + code}});
}

std::int64_t ApiTest::Workshop(std::int64_t project_id,
                               const std::string& title,
                               const std::string& start,
                               const std::string& end) {
  return Create("/api/v1/workshops", {{"project_id", project_id},
                                      {"title", title},
                                      {"kind", "training"},
                                      {"status", "confirmed"},
                                      {"start_date", start},
                                      {"end_date", end},
                                      {"city", "Hangzhou"}});
}

std::int64_t ApiTest::Person(const std::string& name,
                             std::optional<std::int64_t> organization) {
  json::object body{{"full_name", name}};
  if (organization) body["organization_id"] = *organization;
  return Create("/api/v1/people", body);
}

std::int64_t ApiTest::Register(std::int64_t workshop, std::int64_t person,
                               const std::string& role) {
  return Create(
      "/api/v1/workshops/" + std::to_string(workshop) + "/registrations",
      {{"person_id", person}, {"role", role}});
}

std::vector<std::string> ErrorFields(const HttpResponse& r) {
  std::vector<std::string> out;
  const auto body = r.Json();
  for (const auto& e : body.at("errors").as_array()) {
    out.emplace_back(e.at("field").as_string());
  }
  return out;
}

void ExpectProblem(const HttpResponse& r, int status) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.body;
  auto body = r.Json().as_object();
  EXPECT_EQ(body.at("status").as_int64(), status);
  EXPECT_TRUE(body.contains("type") && body.contains("title") &&
              body.contains("detail"));
  EXPECT_TRUE(body.at("errors").is_array());
}

std::vector<json::value> ListAll(std::uint16_t port, const std::string& target,
                                 int limit) {
  std::vector<json::value> out;
  std::string sep = target.find('?') == std::string::npos ? "?" : "&";
  std::string next = target + sep + "limit=" + std::to_string(limit);
  for (int guard = 0; guard < 1000; ++guard) {
    auto r = testing::Get(port, next);
    EXPECT_EQ(r.status, 200) << r.body;
    auto body = r.Json().as_object();
    for (auto& item : body.at("items").as_array()) out.push_back(item);
    if (body.at("next_cursor").is_null()) break;
    next = target + sep + "limit=" + std::to_string(limit) +
           "&cursor=" + std::string(body.at("next_cursor").as_string());
  }
  return out;
}

}  // namespace capdev::testing
