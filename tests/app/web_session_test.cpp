// The web app's session: a cookie (HttpOnly, SameSite=Strict) accepted like
// a bearer token, a CSRF token on every change made with it, the users API
// the admin screens use, and the web app's files served at / and /assets/.

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

// A request with raw extra headers and no bearer token.
HttpResponse Send(std::uint16_t port, const std::string& method,
                  const std::string& target, const std::string& headers,
                  const std::string& body = "") {
  Connection c(port);
  c.Send(
      FormatRequest(method, target, body, "Authorization: none\r\n" + headers));
  auto r = c.Read();
  if (!r) throw std::runtime_error("no response");
  return *r;
}

class WebSessionTest : public ApiTest {
 protected:
  void SetUp() override {
    AddUser(db_path_, "coord", "coordinator");
    auto r = Send(port(), "POST", "/api/v1/auth/login", "",
                  R"({"username":"coord","password":"correct horse battery"})");
    ASSERT_EQ(r.status, 200) << r.body;
    set_cookie_ = r.Header("set-cookie");
    cookie_ =
        "Cookie: " + set_cookie_.substr(0, set_cookie_.find(';')) + "\r\n";
    csrf_ = std::string(r.Json().at("csrf_token").as_string());
  }
  std::string set_cookie_, cookie_, csrf_;
};

TEST_F(WebSessionTest, LoginSetsAnHttpOnlyStrictCookie) {
  EXPECT_EQ(set_cookie_.rfind("capdev_session=", 0), 0u) << set_cookie_;
  EXPECT_NE(set_cookie_.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie_.find("; SameSite=Strict"), std::string::npos);
  EXPECT_NE(set_cookie_.find("; Path=/"), std::string::npos);
  EXPECT_EQ(csrf_.size(), 64u);
}

TEST_F(WebSessionTest, CookieIsNotSecureWhenServedOverPlainHttp) {
  EXPECT_EQ(set_cookie_.find("Secure"), std::string::npos) << set_cookie_;
}

// Behind a TLS proxy the browser must never send the session over plain HTTP.
TEST(WebSessionBehindTlsTest, TheCookieIsSecure) {
  TempDir dir;
  const std::string db = dir.File("capdev.db");
  ServerProcess server(db, {"--public-url", "https://capdev.example.org"});
  AddUser(db, "coord", "coordinator");
  auto login =
      Send(server.port(), "POST", "/api/v1/auth/login", "",
           R"({"username":"coord","password":"correct horse battery"})");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_NE(login.Header("set-cookie").find("; Secure"), std::string::npos)
      << login.Header("set-cookie");
  const std::string set_cookie = login.Header("set-cookie");
  const std::string session =
      "Cookie: " + set_cookie.substr(0, set_cookie.find(';')) +
      "\r\nX-CSRF-Token: " +
      std::string(login.Json().at("csrf_token").as_string()) + "\r\n";
  auto logout = Send(server.port(), "POST", "/api/v1/auth/logout", session);
  ASSERT_EQ(logout.status, 204) << logout.body;
  EXPECT_NE(logout.Header("set-cookie").find("; Secure"), std::string::npos);
}

TEST(WebSessionBehindTlsTest, APublicUrlMustBeHttpOrHttps) {
  TempDir dir;
  const auto result = RunCapdev({"serve", "--db", dir.File("capdev.db"),
                                 "--public-url", "capdev.example.org"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("https://"), std::string::npos) << result.output;
}

TEST_F(WebSessionTest, CookieSignsInReadsAndMeGivesTheCsrfToken) {
  auto me = Send(port(), "GET", "/api/v1/me", cookie_);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Json().at("username"), "coord");
  EXPECT_EQ(me.Json().at("role"), "coordinator");
  EXPECT_EQ(me.Json().at("csrf_token").as_string(), csrf_);
  EXPECT_EQ(Send(port(), "GET", "/api/v1/organizations", cookie_).status, 200);
  // A bearer-token caller has no CSRF token to send.
  EXPECT_FALSE(Get("/api/v1/me").Json().as_object().contains("csrf_token"));
  EXPECT_EQ(Send(port(), "GET", "/api/v1/me", "").status, 401);
}

TEST_F(WebSessionTest,
       CookieWriteWithoutTheCsrfTokenIsRefusedAndWritesNothing) {
  const std::string body = R"({"name":"Frontex","kind":"intergovernmental"})";
  auto r = Send(port(), "POST", "/api/v1/organizations", cookie_, body);
  ExpectProblem(r, 403);
  r = Send(port(), "POST", "/api/v1/organizations",
           cookie_ + "X-CSRF-Token: " + std::string(64, '0') + "\r\n", body);
  ExpectProblem(r, 403);
  EXPECT_TRUE(
      Get("/api/v1/organizations").Json().at("items").as_array().empty());

  r = Send(port(), "POST", "/api/v1/organizations",
           cookie_ + "X-CSRF-Token: " + csrf_ + "\r\n", body);
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Get("/api/v1/organizations").Json().at("items").as_array().size(),
            1u);
}

TEST_F(WebSessionTest, LogoutRevokesTheSessionAndClearsTheCookie) {
  auto r = Send(port(), "POST", "/api/v1/auth/logout",
                cookie_ + "X-CSRF-Token: " + csrf_ + "\r\n");
  EXPECT_EQ(r.status, 204);
  EXPECT_NE(r.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Send(port(), "GET", "/api/v1/me", cookie_).status, 401);
}

TEST_F(WebSessionTest, AdminManagesUsers) {
  auto created = Post("/api/v1/users", {{"username", "viewer1"},
                                        {"role", "viewer"},
                                        {"password", "long-enough-1"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.Json().at("id").as_int64();
  EXPECT_EQ(created.Header("location"), "/api/v1/users/" + std::to_string(id));
  EXPECT_FALSE(created.Json().as_object().contains("password"));
  EXPECT_FALSE(created.Json().as_object().contains("password_hash"));
  const std::string token = Login(port(), "viewer1", "long-enough-1");

  EXPECT_EQ(Get("/api/v1/users/" + std::to_string(id)).Json().at("role"),
            "viewer");
  auto patched =
      Patch("/api/v1/users/" + std::to_string(id), {{"disabled", true}});
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json().at("disabled"), true);
  // Disabling signs the user out everywhere.
  EXPECT_EQ(Send(port(), "GET", "/api/v1/me",
                 "Authorization: Bearer " + token + "\r\n")
                .status,
            401);
  // The audit trail has both, without the password (and the users the
  // command line added before them).
  auto audit = Get("/api/v1/audit?entity=user&entity_id=" + std::to_string(id))
                   .Json()
                   .at("items")
                   .as_array();
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(
      Get("/api/v1/audit?entity=user").Json().at("items").as_array().size(),
      4u);
  EXPECT_EQ(json::serialize(audit).find("password"), std::string::npos);
}

TEST_F(WebSessionTest, UserRulesAnswer422And409) {
  auto r = Post("/api/v1/users",
                {{"username", "x"}, {"role", "viewer"}, {"password", "short"}});
  ExpectProblem(r, 422);
  EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"password"});
  r = Post(
      "/api/v1/users",
      {{"username", "f"}, {"role", "funder"}, {"password", "long-enough-1"}});
  ExpectProblem(r, 422);
  EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"organization_id"});
  r = Post("/api/v1/users", {{"username", "coord"},
                             {"role", "viewer"},
                             {"password", "long-enough-1"}});
  ExpectProblem(r, 409);
  // The last enabled admin cannot lock everyone out.
  auto admin = Get("/api/v1/users").Json().at("items").as_array().at(0);
  ASSERT_EQ(admin.at("role"), "admin");
  r = Patch("/api/v1/users/" + std::to_string(admin.at("id").as_int64()),
            {{"role", "viewer"}});
  ExpectProblem(r, 409);
  EXPECT_EQ(Get("/api/v1/users").Json().at("items").as_array().size(), 2u);
  // Coordinators do not manage users.
  EXPECT_EQ(
      Send(port(), "POST", "/api/v1/users",
           cookie_ + "X-CSRF-Token: " + csrf_ + "\r\n",
           R"({"username":"y","role":"viewer","password":"long-enough-1"})")
          .status,
      403);
}

TEST_F(WebSessionTest, ServesTheWebAppWithAStrictPolicy) {
  auto page = Send(port(), "GET", "/", "");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(page.Header("content-security-policy").find("default-src 'self'"),
            std::string::npos);
  EXPECT_NE(page.body.find("/assets/"), std::string::npos);
  auto again = Send(port(), "GET", "/",
                    "If-None-Match: " + page.Header("etag") + "\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());

  EXPECT_EQ(Send(port(), "GET", "/assets/app.css", "").Header("content-type"),
            "text/css; charset=utf-8");
  ExpectProblem(Send(port(), "GET", "/assets/nothing.js", ""), 404);
  ExpectProblem(Send(port(), "GET", "/assets/../CMakeLists.txt", ""), 404);
  ExpectProblem(Send(port(), "GET", "/assets/%2e%2e/CMakeLists.txt", ""), 404);
  ExpectProblem(Send(port(), "POST", "/", "", "{}"), 405);
}

}  // namespace
}  // namespace capdev::testing
