// Hundreds of generated bad requests at the write routes: every answer must
// be a 4xx problem+json, the server must stay up and the database intact.

#include <SQLiteCpp/Database.h>

#include <random>

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

class FuzzTest : public ApiTest {
 protected:
  json::value RandomValue(int depth = 0) {
    switch (Pick(depth > 2 ? 7 : 9)) {
      case 0:
        return nullptr;
      case 1:
        return Pick(2) == 0;
      case 2:
        return static_cast<std::int64_t>(rng_()) - (1LL << 31);
      case 3:
        return -1.5e300;
      case 4:
        return json::string(RandomText());
      case 5:
        return json::string(std::string(Pick(3) == 0 ? 20000 : 301, 'x'));
      case 6:
        return json::string("2027-02-30");
      case 7: {
        json::array a;
        for (int i = Pick(4); i > 0; --i) a.push_back(RandomValue(depth + 1));
        return a;
      }
      default: {
        json::object o;
        for (int i = Pick(4); i > 0; --i)
          o[RandomField()] = RandomValue(depth + 1);
        return o;
      }
    }
  }

  std::string RandomField() {
    static const char* kFields[] = {"name",
                                    "kind",
                                    "country",
                                    "parent_id",
                                    "code",
                                    "title",
                                    "project_id",
                                    "status",
                                    "start_date",
                                    "end_date",
                                    "topics",
                                    "full_name",
                                    "gender",
                                    "person_id",
                                    "role",
                                    "date",
                                    "organization_id",
                                    "amount",
                                    "capacity",
                                    "id",
                                    "bogus",
                                    ""};
    return kFields[Pick(std::size(kFields))];
  }

  std::string RandomText() {
    static const char* kTexts[] = {"",
                                   "'; DROP TABLE workshops; --",
                                   "支持中欧",
                                   "=cmd|' /C calc'!A0",
                                   "\x01\x02",
                                   "%00",
                                   "../../etc/passwd",
                                   "Pär",
                                   "2012-11-06"};
    return kTexts[Pick(std::size(kTexts))];
  }

  std::string RandomBody() {
    switch (Pick(6)) {
      case 0:
        return "{\"name\": \"unterminated";
      case 1:
        return "\xc3\x28 not utf-8";
      case 2:
        return std::string(Pick(50) + 40, '{');
      case 3:
        return json::serialize(RandomValue(3));  // a scalar or array
      default: {
        json::object o;
        for (int i = Pick(8); i > 0; --i) o[RandomField()] = RandomValue();
        return json::serialize(o);
      }
    }
  }

  int Pick(std::size_t n) { return static_cast<int>(rng_() % n); }

  std::mt19937 rng_{20261123};
};

TEST_F(FuzzTest, BadWritesAreAll4xxAndLoseNothing) {
  auto project = Project("CBMM");
  auto workshop = Workshop(project);
  auto person = Person("Real person");
  Register(workshop, person);
  const std::string w = "/api/v1/workshops/" + std::to_string(workshop);
  auto session = ListAll(port(), w + "/sessions", 5)[0].at("id").as_int64();
  const std::vector<std::pair<std::string, std::string>> routes = {
      {"POST", "/api/v1/organizations"},
      {"POST", "/api/v1/projects"},
      {"PATCH", "/api/v1/projects/" + std::to_string(project)},
      {"PUT", "/api/v1/projects/" + std::to_string(project) + "/organizations"},
      {"POST", "/api/v1/workshops"},
      {"PATCH", w},
      {"PUT", w + "/organizations"},
      {"POST", w + "/sessions"},
      {"POST", "/api/v1/people"},
      {"PATCH", "/api/v1/people/" + std::to_string(person)},
      {"POST", w + "/registrations"},
      {"PUT", w + "/sessions/" + std::to_string(session) + "/attendance"}};

  int answered = 0;
  for (int i = 0; i < 400; ++i) {
    const auto& [method, target] = routes[i % routes.size()];
    std::string body = RandomBody();
    auto r = Request(port(), method, target, body);
    ++answered;
    // A random body can be valid by chance (e.g. an empty PATCH): that is a
    // 2xx. Never a 5xx, and every error is problem+json.
    ASSERT_LT(r.status, 500)
        << method << " " << target << " " << body << " -> " << r.body;
    if (r.status >= 400) {
      ASSERT_EQ(r.Header("content-type"), "application/problem+json") << r.body;
    }
  }
  EXPECT_EQ(answered, 400);
  EXPECT_EQ(Get("/healthz").status, 200);
  EXPECT_EQ(Get(w).status, 200);

  SQLite::Database db(db_path_, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
  SQLite::Statement violations(db, "PRAGMA foreign_key_check");
  EXPECT_FALSE(violations.executeStep());
}

TEST_F(FuzzTest, HostileUrlsAreAll4xxWithValidJson) {
  const std::vector<std::string> paths = {
      "/api/v1/organizations/", "/api/v1/workshops/",
      "/api/v1/workshops/1/sessions/", "/api/v1/people/"};
  const std::vector<std::string> params = {
      "kind", "q",      "limit",      "cursor",          "from",  "to",
      "city", "status", "project_id", "organization_id", "format"};
  auto random_bytes = [&] {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (int i = Pick(6); i >= 0; --i) {
      const int byte = Pick(256);
      out += std::string("%") + kHex[byte / 16] + kHex[byte % 16];
    }
    return out;
  };
  for (int i = 0; i < 200; ++i) {
    std::string target = paths[i % paths.size()] + random_bytes() + "?" +
                         params[Pick(params.size())] + "=" + random_bytes();
    if (i % 3 == 0)
      target = "/api/v1/workshops?" + params[Pick(params.size())] + "=" +
               random_bytes();
    if (i % 5 == 0)
      target = "/api/v1/reports/funder?organization_id=" + random_bytes() +
               "&from=" + random_bytes();
    auto r = Get(target);
    ASSERT_LT(r.status, 500) << target << " -> " << r.body;
    ASSERT_NO_THROW(r.Json())
        << target << " answered a body that is not JSON: " << r.body;
  }
  EXPECT_EQ(Get("/healthz").status, 200);
}

}  // namespace
}  // namespace capdev::testing
