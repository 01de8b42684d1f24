// Roles against routes, token expiry and revocation, login rate limits,
// funder object-level checks, the audit trail and personal-data erasure.

#include <signal.h>

#include <fstream>
#include <thread>

#include "app/api/routes.hpp"
#include "app/services/auth_service.hpp"
#include "app/services/credentials.hpp"
#include "domain/access.hpp"
#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using namespace std::chrono_literals;

// A request as a given user; "" = anonymous.
HttpResponse As(std::uint16_t port, const std::string& token,
                const std::string& method, const std::string& target,
                const std::string& body = "") {
  Connection c(port);
  c.Send(FormatRequest(method, target, body,
                       token.empty()
                           ? "Authorization: none\r\n"
                           : "Authorization: Bearer " + token + "\r\n"));
  auto r = c.Read();
  if (!r) throw std::runtime_error("no response");
  return *r;
}

class AccessApiTest : public ApiTest {
 protected:
  void SetUp() override {
    funder_org_ = Organization("European Commission", "intergovernmental");
    other_org_ = Organization("Someone else");
    project_ = Project("CBMM");
    Put("/api/v1/projects/" + std::to_string(project_) + "/organizations",
        json::array{
            {{"organization_id", funder_org_}, {"role", "lead_funder"}}});
    workshop_ = Workshop(project_);
    person_ = Person("Pär Liljert", other_org_);
    AddUser(db_path_, "coordinator", "coordinator");
    AddUser(db_path_, "viewer", "viewer");
    AddUser(db_path_, "funder", "funder", funder_org_);
    tokens_ = {{"admin", Login(port(), "admin")},
               {"coordinator", Login(port(), "coordinator")},
               {"viewer", Login(port(), "viewer")},
               {"funder", Login(port(), "funder")},
               {"anonymous", ""}};
  }

  std::int64_t funder_org_ = 0, other_org_ = 0, project_ = 0, workshop_ = 0,
               person_ = 0;
  std::map<std::string, std::string> tokens_;
};

// Every route of the route table, as every role: each gets past
// authorisation exactly when domain::RoleAllows grants the route's declared
// permission (a renamed or added route is covered without editing this).
TEST_F(AccessApiTest, EachRoleAgainstEachRoute) {
  services::InitCrypto();
  const auto routes = api::MakeRouter(std::make_shared<services::AuthService>(
                                          services::AuthOptions{}))
                          .Routes();
  ASSERT_GT(routes.size(), 40u);
  for (const auto& route : routes) {
    if (route.path == "/api/v1/auth/logout") continue;  // would sign out
    std::string target = route.path;
    for (const char* param :
         {"{id}", "{session_id}", "{registration_id}", "{evaluation_id}"}) {
      for (auto at = target.find(param); at != std::string::npos;
           at = target.find(param))
        target.replace(at, std::string(param).size(), "999999");
    }
    if (route.path == "/api/v1/reports/funder")
      target += "?organization_id=" + std::to_string(funder_org_);
    for (const auto& [role_name, token] : tokens_) {
      const auto role = domain::FromText<domain::Role>(role_name);
      const bool allowed =
          route.permission == domain::Permission::kPublic ||
          (role && domain::RoleAllows(*role, route.permission));
      const bool body = route.method != "GET" && route.method != "DELETE";
      auto r = As(port(), token, route.method, target, body ? "{}" : "");
      const std::string where = role_name + " " + route.method + " " + target;
      if (allowed) {
        EXPECT_NE(r.status, 401) << where;
        EXPECT_NE(r.status, 403) << where;
      } else {
        EXPECT_EQ(r.status, role ? 403 : 401) << where;
        EXPECT_EQ(r.Header("content-type"), "application/problem+json");
      }
    }
  }
  EXPECT_EQ(
      As(port(), "", "GET", "/api/v1/organizations").Header("www-authenticate"),
      "Bearer realm=\"capdev\"");
}

TEST_F(AccessApiTest, AFunderSeesOnlyItsOwnAggregates) {
  const auto& token = tokens_["funder"];
  auto own = As(
      port(), token, "GET",
      "/api/v1/reports/funder?organization_id=" + std::to_string(funder_org_) +
          "&from=2017-01-01&to=2017-12-31");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.body.find("Pär Liljert"), std::string::npos);
  auto other = As(
      port(), token, "GET",
      "/api/v1/reports/funder?organization_id=" + std::to_string(other_org_) +
          "&from=2017-01-01&to=2017-12-31");
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(
      As(port(), token, "GET", "/api/v1/people/" + std::to_string(person_))
          .status,
      403);
  EXPECT_EQ(As(port(), token, "GET",
               "/api/v1/workshops/" + std::to_string(workshop_) + "/attendance")
                .status,
            403);
  auto me = As(port(), token, "GET", "/api/v1/auth/me").Json();
  EXPECT_EQ(me.at("role").as_string(), "funder");
  EXPECT_EQ(me.at("organization_id").as_int64(), funder_org_);
}

TEST_F(AccessApiTest, LogoutRevokesAndDisablingSignsOut) {
  const auto token = tokens_["viewer"];
  EXPECT_EQ(As(port(), token, "GET", "/api/v1/auth/me").status, 200);
  EXPECT_EQ(As(port(), token, "POST", "/api/v1/auth/logout").status, 204);
  EXPECT_EQ(As(port(), token, "GET", "/api/v1/auth/me").status, 401);

  const auto coordinator = tokens_["coordinator"];
  ASSERT_EQ(
      RunCapdev({"user", "disable", "coordinator", "--db", db_path_}).exit_code,
      0);
  EXPECT_EQ(As(port(), coordinator, "GET", "/api/v1/auth/me").status, 401);
  EXPECT_EQ(Post("/api/v1/auth/login", {{"username", "coordinator"},
                                        {"password", "correct horse battery"}})
                .status,
            401);
  ASSERT_EQ(
      RunCapdev({"user", "enable", "coordinator", "--db", db_path_}).exit_code,
      0);
  EXPECT_EQ(As(port(), coordinator, "GET", "/api/v1/auth/me").status,
            401);  // stays signed out

  // A reset password signs the user out everywhere and the new one works.
  auto reset = RunCapdev({"user", "reset", "coordinator", "--db", db_path_},
                         "a brand new password\n");
  ASSERT_EQ(reset.exit_code, 0) << reset.output;
  EXPECT_EQ(Login(port(), "coordinator", "a brand new password").size(), 43u);
  EXPECT_EQ(
      RunCapdev({"user", "add", "x", "--role", "funder", "--db", db_path_},
                "long enough password\n")
          .exit_code,
      1);  // a funder needs its organization
  EXPECT_EQ(
      RunCapdev({"user", "add", "y", "--role", "viewer", "--db", db_path_},
                "short\n")
          .exit_code,
      1);
}

// A login from another client address (one of the loopback addresses).
HttpResponse LoginFrom(std::uint16_t port, const std::string& from,
                       const std::string& username,
                       const std::string& password = "correct horse battery",
                       const std::string& forwarded_for = "") {
  Connection c(port, from);
  c.Send(
      FormatRequest("POST", "/api/v1/auth/login",
                    json::serialize(json::object{{"username", username},
                                                 {"password", password}}),
                    "Authorization: none\r\n" +
                        (forwarded_for.empty()
                             ? std::string()
                             : "X-Forwarded-For: " + forwarded_for + "\r\n")));
  auto r = c.Read();
  if (!r) throw std::runtime_error("no response");
  return *r;
}

TEST_F(AccessApiTest, FailedLoginsAreRateLimited) {
  for (int i = 0; i < 3; ++i) {
    auto r = Post("/api/v1/auth/login",
                  {{"username", "viewer"},
                   {"password", "wrong password " + std::to_string(i)}});
    ASSERT_EQ(r.status, 401);
    EXPECT_EQ(r.body.find("viewer"), std::string::npos);
  }
  // From this address even the right password waits now (before it is
  // checked), and says how long: the first wait is a second after the second
  // the last failure was stamped in (2, or 1 once that second has passed).
  auto r = Post("/api/v1/auth/login", {{"username", "VIEWER"},
                                       {"password", "correct horse battery"}});
  ExpectProblem(r, 429);
  const std::string wait = r.Header("retry-after");
  EXPECT_TRUE(wait == "1" || wait == "2") << wait;
  EXPECT_EQ(r.body.find("viewer"), std::string::npos);
  // Other users are not slowed by it, nor the user from another address.
  EXPECT_EQ(Post("/api/v1/auth/login", {{"username", "funder"},
                                        {"password", "correct horse battery"}})
                .status,
            200);
  EXPECT_EQ(LoginFrom(port(), "127.0.0.2", "viewer").status, 200);
  // Unknown users answer exactly like wrong passwords.
  auto unknown = Post("/api/v1/auth/login",
                      {{"username", "nobody"}, {"password", "whatever it is"}});
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.Json().at("detail").as_string(),
            "invalid username or password");
  ExpectProblem(Post("/api/v1/auth/login", {{"username", "admin"}}), 422);
}

TEST(AccessLimitsTest, AddressesAreRateLimitedAcrossUsernames) {
  TempDir dir;
  ServerProcess server(dir.File("a.db"), {"--login-failures-per-address", "8"});
  AddUser(dir.File("a.db"), "real", "viewer");
  AddUser(dir.File("a.db"), "regular", "viewer");
  // `regular` has signed in from this address before.
  ASSERT_EQ(LoginFrom(server.port(), "127.0.0.1", "regular").status, 200);
  for (int i = 0; i < 8; ++i) {
    EXPECT_EQ(Post(server.port(), "/api/v1/auth/login",
                   {{"username", "guess" + std::to_string(i)},
                    {"password", "nope nope nope"}})
                  .status,
              401);
  }
  EXPECT_EQ(Post(server.port(), "/api/v1/auth/login",
                 {{"username", "real"}, {"password", "correct horse battery"}})
                .status,
            429);
  // Others' failures do not shut a user out of an address they use.
  EXPECT_EQ(LoginFrom(server.port(), "127.0.0.1", "regular").status, 200);
  // Another address is not refused.
  EXPECT_EQ(LoginFrom(server.port(), "127.0.0.2", "real").status, 200);
}

// Behind nginx every request comes from nginx's address: with
// --trusted-proxy the limits count the client nginx names, and the header
// is believed from that proxy only.
TEST(AccessLimitsTest, BehindATrustedProxyEachClientIsCountedApart) {
  TempDir dir;
  const auto db = dir.File("p.db");
  ServerProcess server(
      db, {"--login-failures", "3", "--trusted-proxy", "127.0.0.5"});
  AddUser(db, "amina", "coordinator");
  const std::string proxy = "127.0.0.5", guesser = "198.51.100.1, 203.0.113.7";
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(LoginFrom(server.port(), proxy, "amina", "a wrong guess", guesser)
                  .status,
              401);
  }
  ExpectProblem(LoginFrom(server.port(), proxy, "amina",
                          "correct horse battery", guesser),
                429);
  // Another client through the same proxy is not the guesser.
  EXPECT_EQ(LoginFrom(server.port(), proxy, "amina", "correct horse battery",
                      "203.0.113.8")
                .status,
            200);
  // Anyone else claiming to be the guesser is not believed.
  EXPECT_EQ(LoginFrom(server.port(), "127.0.0.6", "amina",
                      "correct horse battery", "203.0.113.7")
                .status,
            200);
}

// The counts live in the database: a restart keeps a locked pair locked,
// and the owner still signs in from their own address all along.
TEST(AccessLimitsTest, ALockOutlivesARestartAndSparesTheOwnersAddress) {
  TempDir dir;
  const auto db = dir.File("l.db");
  const std::vector<std::string> flags = {"--login-failures", "3"};
  auto server = std::make_unique<ServerProcess>(db, flags);
  AddUser(db, "amina", "coordinator");
  const std::string office = "127.0.0.2", stranger = "127.0.0.3";
  ASSERT_EQ(LoginFrom(server->port(), office, "amina").status, 200);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(
        LoginFrom(server->port(), stranger, "amina", "a wrong guess").status,
        401);
  }
  auto locked = LoginFrom(server->port(), stranger, "amina");
  ExpectProblem(locked, 429);
  EXPECT_GT(std::stoi(locked.Header("retry-after")), 800);

  ASSERT_EQ(server->Stop(SIGTERM), 0);
  server = std::make_unique<ServerProcess>(db, flags);
  auto still = LoginFrom(server->port(), stranger, "amina");
  ExpectProblem(still, 429);
  EXPECT_GT(std::stoi(still.Header("retry-after")), 800);
  EXPECT_EQ(LoginFrom(server->port(), office, "amina").status, 200);
  EXPECT_EQ(LoginFrom(server->port(), "127.0.0.4", "amina").status, 200);
}

TEST(AccessLimitsTest, TokensExpireWhenIdleAndAtTheirLifetime) {
  TempDir dir;
  ServerProcess server(dir.File("t.db"), {"--token-idle-seconds", "2",
                                          "--token-lifetime-seconds", "4"});
  AddUser(dir.File("t.db"), "u", "viewer");
  const auto port = server.port();
  auto idle = Login(port, "u");
  EXPECT_EQ(As(port, idle, "GET", "/api/v1/auth/me").status, 200);
  std::this_thread::sleep_for(2500ms);
  EXPECT_EQ(As(port, idle, "GET", "/api/v1/auth/me").status,
            401);  // idle too long

  auto busy = Login(port, "u");
  const auto login = std::chrono::steady_clock::now();
  int last_ok_ms = 0;
  for (int i = 0; i < 12; ++i) {  // used every 0.5 s: never idle
    if (As(port, busy, "GET", "/api/v1/auth/me").status != 200) break;
    last_ok_ms =
        static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - login)
                             .count());
    std::this_thread::sleep_for(500ms);
  }
  EXPECT_GE(last_ok_ms, 2500);  // outlived the idle timeout by being used
  EXPECT_LT(last_ok_ms, 4500);  // but not its lifetime
  EXPECT_EQ(As(port, busy, "GET", "/api/v1/auth/me").status, 401);
}

// A funder user sees what its funder report covers (which rolls up the
// organizations below it): the submitted reports of those organizations and
// of the projects they fund, and nothing of anyone else's.
TEST_F(AccessApiTest, AFunderSeesTheSubmissionsItsReportCovers) {
  SetBearerToken(tokens_["coordinator"]);
  const auto dg_home = Create("/api/v1/organizations",
                              {{"name", "DG Migration and Home Affairs"},
                               {"kind", "intergovernmental"},
                               {"parent_id", funder_org_}});
  const auto below = Project("EUCMM");
  const auto elsewhere = Project("OTHER");
  for (auto [project, funder] :
       {std::pair{below, dg_home}, std::pair{elsewhere, other_org_}}) {
    ASSERT_EQ(
        Put("/api/v1/projects/" + std::to_string(project) + "/organizations",
            json::array{{{"organization_id", funder}, {"role", "co_funder"}}})
            .status,
        200);
  }
  const auto submit = [&](const char* report, json::object params) {
    params["from"] = "2017-01-01";
    params["to"] = "2017-12-31";
    return Create("/api/v1/reports/submissions",
                  {{"report", report}, {"params", params}});
  };
  const auto results_below =
      submit("results", {{"project_id", std::to_string(below)}});
  const auto results_elsewhere =
      submit("results", {{"project_id", std::to_string(elsewhere)}});
  const auto funder_below =
      submit("funder", {{"organization_id", std::to_string(dg_home)}});
  const auto funder_elsewhere =
      submit("funder", {{"organization_id", std::to_string(other_org_)}});

  const auto& token = tokens_["funder"];
  auto listed = As(port(), token, "GET", "/api/v1/reports/submissions");
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto body = listed.Json();
  std::set<std::int64_t> seen;
  for (const auto& item : body.at("items").as_array())
    seen.insert(item.at("id").as_int64());
  EXPECT_EQ(seen, (std::set<std::int64_t>{results_below, funder_below}));
  const auto one = [&](std::int64_t id) {
    return As(port(), token, "GET",
              "/api/v1/reports/submissions/" + std::to_string(id))
        .status;
  };
  EXPECT_EQ(one(results_below), 200);
  EXPECT_EQ(one(funder_below), 200);
  EXPECT_EQ(one(results_elsewhere), 404);
  EXPECT_EQ(one(funder_elsewhere), 404);
}

TEST_F(AccessApiTest, WritesLeaveAnAuditTrailWithPersonalFieldsMasked) {
  SetBearerToken(tokens_["coordinator"]);
  auto id = Create("/api/v1/people", {{"full_name", "Audit Subject"},
                                      {"email", "audit.subject@example.org"}});
  ASSERT_EQ(
      Patch("/api/v1/people/" + std::to_string(id), {{"gender", "female"}})
          .status,
      200);
  ASSERT_EQ(Delete("/api/v1/people/" + std::to_string(id)).status, 204);
  SetBearerToken(tokens_["admin"]);
  auto r = Get("/api/v1/audit?entity=person&entity_id=" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = r.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].at("action").as_string(), "create");
  EXPECT_TRUE(items[0].at("before").is_null());
  EXPECT_EQ(items[0].at("after").at("full_name").as_string(),
            "[personal data]");
  EXPECT_EQ(items[0].at("after").at("email").as_string(), "[personal data]");
  EXPECT_EQ(items[0].at("username").as_string(), "coordinator");
  EXPECT_EQ(items[1].at("action").as_string(), "update");
  EXPECT_EQ(items[1].at("before").at("gender").as_string(), "undisclosed");
  EXPECT_EQ(items[1].at("after").at("gender").as_string(), "female");
  EXPECT_EQ(items[2].at("action").as_string(), "delete");
  EXPECT_TRUE(items[2].at("after").is_null());
  EXPECT_EQ(r.body.find("audit.subject@example.org"), std::string::npos);
  EXPECT_EQ(
      Get("/api/v1/audit?action=replace").Json().at("items").as_array().size(),
      1u);  // the project's funders
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)),
                     std::istreambuf_iterator<char>());
}

TEST_F(AccessApiTest, ErasureRemovesPersonalDataButKeepsTheFigures) {
  const std::string email = "erase.me.7f3a@example.org";
  auto p = Create("/api/v1/people", {{"full_name", "Zhang Erasable"},
                                     {"native_name", "张可删"},
                                     {"gender", "female"},
                                     {"organization_id", other_org_},
                                     {"email", email},
                                     {"phone", "+86 10 5555 0199"}});
  Register(workshop_, p);
  const std::string w = "/api/v1/workshops/" + std::to_string(workshop_);
  auto session = ListAll(port(), w + "/sessions", 5)[0].at("id").as_int64();
  ASSERT_EQ(Put(w + "/sessions/" + std::to_string(session) + "/attendance",
                json::array{{{"person_id", p}, {"status", "present"}}})
                .status,
            200);
  const std::string report =
      "/api/v1/reports/attendance?workshop_id=" + std::to_string(workshop_);
  auto before = Get(report).Json();
  // SQLite's files are read below; PostgreSQL's old row versions go with
  // its (auto)vacuum.
  const bool sqlite = !TestOnPostgres();
  ASSERT_TRUE(!sqlite ||
              FileBytes(db_path_ + "-wal").find(email) != std::string::npos ||
              FileBytes(db_path_).find(email) != std::string::npos)
      << "the email is stored before the erasure";

  SetBearerToken(tokens_["coordinator"]);
  ExpectProblem(
      Post("/api/v1/people/" + std::to_string(p) + "/erase", json::object{}),
      403);
  SetBearerToken(tokens_["admin"]);
  auto r =
      Post("/api/v1/people/" + std::to_string(p) + "/erase", json::object{});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("full_name").as_string(),
            "Erased person " + std::to_string(p));
  EXPECT_TRUE(r.Json().at("email").is_null());
  EXPECT_EQ(r.Json().at("gender").as_string(), "female");
  EXPECT_EQ(r.Json().at("organization_id").as_int64(), other_org_);

  auto after = Get(report).Json();
  EXPECT_EQ(after.at("totals"), before.at("totals"));
  EXPECT_EQ(after.at("by_gender"), before.at("by_gender"));
  EXPECT_EQ(after.at("by_organization"), before.at("by_organization"));

  const auto db = sqlite ? FileBytes(db_path_) : "",
             wal = sqlite ? FileBytes(db_path_ + "-wal") : "";
  for (const std::string& secret :
       {email, std::string("Zhang Erasable"), std::string("张可删"),
        std::string("+86 10 5555 0199")}) {
    EXPECT_EQ(db.find(secret), std::string::npos)
        << secret << " is still in the database file";
    EXPECT_EQ(wal.find(secret), std::string::npos)
        << secret << " is still in the WAL";
  }
  auto audit = Get("/api/v1/audit?action=erase").Json().at("items").as_array();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].at("username").as_string(), "admin");
}

}  // namespace
}  // namespace capdev::testing

namespace capdev::testing {
namespace {

TEST_F(AccessApiTest, ACalendarTokenOpensTheFeedsAndNothingElse) {
  auto r = As(port(), tokens_["viewer"], "POST", "/api/v1/auth/calendar-token",
              "{}");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string token(r.Json().at("token").as_string());
  const std::string feed(r.Json().at("feed_path").as_string());
  auto ics = As(port(), "", "GET", feed);  // a calendar client: the URL only
  EXPECT_EQ(ics.status, 200);
  EXPECT_EQ(ics.Header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(As(port(), "", "GET",
               "/api/v1/workshops/" + std::to_string(workshop_) +
                   ".ics?access_token=" + token)
                .status,
            200);
  EXPECT_EQ(
      As(port(), "", "GET", "/api/v1/workshops?access_token=" + token).status,
      401);
  EXPECT_EQ(As(port(), token, "GET", "/api/v1/workshops").status,
            401);  // not a sign-in
  EXPECT_EQ(As(port(), "", "GET",
               "/api/v1/calendar.ics?access_token=" + tokens_["viewer"])
                .status,
            401);
  EXPECT_EQ(
      As(port(), tokens_["funder"], "POST", "/api/v1/auth/calendar-token", "{}")
          .status,
      403);
  ASSERT_EQ(
      RunCapdev({"user", "disable", "viewer", "--db", db_path_}).exit_code, 0);
  EXPECT_EQ(As(port(), "", "GET", feed).status,
            401);  // disabling revokes feeds too
}

}  // namespace
}  // namespace capdev::testing
