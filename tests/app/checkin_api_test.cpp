// Self check-in over HTTP against the real server: personal links and the
// participant's page (public, with its cookie), the window, the QR code, the
// phone's POST with its cookies and every refusal's status, badges, the
// matrix's sources and flags.
#include <gmock/gmock.h>

#include <chrono>

#include "app/services/credentials.hpp"
#include "storage/checkin.hpp"
#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Iso(std::int64_t t) {
  const std::time_t time = t;
  std::tm tm{};
  gmtime_r(&time, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

class CheckinApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    workshop_ = Workshop(Project("P"), "Document examination");
    base_ = "/api/v1/workshops/" + std::to_string(workshop_);
    session_ =
        ListAll(port(), base_ + "/sessions", 10).front().at("id").as_int64();
    checkin_ = base_ + "/sessions/" + std::to_string(session_) + "/checkin";
    for (const char* name : {"WANG Fang", "LI Wei"}) {
      people_.push_back(Person(name));
      registrations_.push_back(Register(workshop_, people_.back()));
    }
  }

  json::object Link(std::size_t i) {
    auto r = Post(
        base_ + "/registrations/" + std::to_string(registrations_[i]) + "/link",
        json::object{});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json().as_object();
  }
  // Opens check-in from an hour ago to an hour on, late after `late_in`.
  void Open(std::int64_t late_in = 1800) {
    const auto now = Now();
    auto r = Post(checkin_, {{"opens_at", Iso(now - 3600)},
                             {"closes_at", Iso(now + 3600)},
                             {"late_after", Iso(now + late_in)}});
    ASSERT_EQ(r.status, 200) << r.body;
  }
  // The code the screen shows now, from the session's secret.
  std::pair<std::string, std::string> KeyAndCode() {
    storage::Database db({db_path_});
    const auto w = storage::WindowOf(db, session_);
    const auto window = w.ok() ? *w : std::nullopt;
    if (!window.has_value()) {
      ADD_FAILURE() << "check-in is not open";
      return {};
    }
    return {window->session_key,
            services::StepCode(window->secret, Now() / 15)};
  }
  // A phone's POST /c/KEY with its cookies, from `from`.
  HttpResponse Phone(const json::object& body, const std::string& cookies = "",
                     std::string key = "", const std::string& from = "") {
    json::object b = body;
    if (key.empty() || !b.contains("t")) {
      const auto [own_key, code] = KeyAndCode();
      if (key.empty()) key = own_key;
      if (!b.contains("t")) b["t"] = code;
    }
    Connection c(port(), from);
    c.Send(FormatRequest("POST", "/c/" + key, json::serialize(b),
                         cookies.empty() ? "" : "Cookie: " + cookies + "\r\n"));
    return c.Read().value_or(HttpResponse{});
  }

  std::int64_t workshop_ = 0, session_ = 0;
  std::string base_, checkin_;
  std::vector<std::int64_t> people_, registrations_;
};

TEST_F(CheckinApiTest, APersonalLinkOpensThePersonsOwnPageOnly) {
  const auto link = Link(0);
  // Under the Host the request came to (the client sends no port).
  const std::string url(link.at("url").as_string());
  ASSERT_THAT(url,
              ::testing::MatchesRegex("http://127\\.0\\.0\\.1(:[0-9]+)?/p/.*"));
  const auto token = url.substr(url.rfind('/') + 1);
  EXPECT_GE(token.size(), 22u);  // at least 128 random bits
  EXPECT_THAT(std::string(link.at("code").as_string()),
              ::testing::MatchesRegex("[2-9A-HJ-NP-Z]{8}"));
  // Reissued: the first link stops working.
  const auto again = Link(0);
  const std::string url2(again.at("url").as_string());
  const auto token2 = url2.substr(url2.rfind('/') + 1);
  EXPECT_NE(token2, token);
  SetBearerToken("");  // no account from here on
  ExpectProblem(Get("/api/v1/participant/" + token), 404);
  auto page = Get("/api/v1/participant/" + token2);
  ASSERT_EQ(page.status, 200) << page.body;
  const auto body = page.Json();
  EXPECT_EQ(body.at("person").at("full_name").as_string(), "WANG Fang");
  EXPECT_EQ(body.at("workshop").at("title").as_string(),
            "Document examination");
  EXPECT_EQ(body.at("sessions").as_array().size(), 2u);
  EXPECT_EQ(page.body.find("LI Wei"), std::string::npos);
  EXPECT_EQ(page.Header("set-cookie"),
            "capdev_p" + std::to_string(workshop_) + "=" + token2 +
                "; Path=/c/; HttpOnly; SameSite=Strict; Max-Age=15552000");
  EXPECT_EQ(Get("/p/" + token2).status, 200);  // the page itself
}

TEST_F(CheckinApiTest, APhoneChecksInWithOneScanOrSaysWhoItIs) {
  const auto link = Link(0);
  const auto code = Link(1).at("code").as_string();
  const std::string url(link.at("url").as_string());
  const auto token = url.substr(url.rfind('/') + 1);
  ExpectProblem(Get(checkin_ + "/qr.svg"), 409);  // not open yet
  Open();
  const auto state = Get(checkin_).Json();
  EXPECT_TRUE(state.at("open").as_bool());
  EXPECT_EQ(state.at("registered").as_int64(), 2);
  EXPECT_TRUE(std::string(state.at("opens_at").as_string()).ends_with("Z"));
  EXPECT_EQ(state.at("time_zone").as_string(), "Asia/Shanghai");
  const auto qr = Get(checkin_ + "/qr.svg");
  ASSERT_EQ(qr.status, 200);
  EXPECT_EQ(qr.Header("content-type"), "image/svg+xml");
  EXPECT_EQ(qr.Header("cache-control"), "no-store");
  EXPECT_TRUE(qr.body.starts_with("<svg"));

  // A phone without a link is asked who it is, and keeps the scan's proof
  // (typing a code takes longer than the code lives) and a device cookie.
  auto asked = Phone({});
  ExpectProblem(asked, 422);
  EXPECT_THAT(ErrorFields(asked), ::testing::ElementsAre("code"));
  EXPECT_THAT(asked.body, ::testing::HasSubstr("personal code"));
  // One scan, with the link's cookie: WANG Fang, present.
  const std::string cookie =
      "capdev_p" + std::to_string(workshop_) + "=" + token;
  auto done = Phone({}, "capdev_device=abcdefghijklmnopqrstuv; " + cookie);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json().at("status").as_string(), "present");
  EXPECT_EQ(done.Json().at("source").as_string(), "self_checkin");
  EXPECT_EQ(done.Json().at("person").at("full_name").as_string(), "WANG Fang");
  // The same browser checks LI Wei in by his code: both are flagged.
  auto second = Phone({{"code", code}}, "capdev_device=abcdefghijklmnopqrstuv");
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(second.Header("set-cookie"), "");  // the device was known
  // A device cookie this server did not issue is replaced.
  EXPECT_THAT(Phone({{"code", code}}, "capdev_device=<x>").Header("set-cookie"),
              ::testing::StartsWith("capdev_device="));
  const auto flags = Get(checkin_).Json().at("flags").as_array();
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].at("kind").as_string(), "same_device");
  EXPECT_EQ(flags[0].at("person_ids"), (json::array{people_[0], people_[1]}));
  const auto matrix = Get(base_ + "/attendance").Json();
  EXPECT_EQ(matrix.at("flags").as_array().size(), 1u);
  EXPECT_EQ(matrix.at("rows").at(0).at("sources"),
            (json::array{"self_checkin", nullptr}));
  EXPECT_EQ(Get(checkin_).Json().at("checked_in").as_int64(), 2);
}

TEST_F(CheckinApiTest, EveryRefusalHasItsStatus) {
  const auto code = Link(0).at("code").as_string();
  Open();
  auto expired = Phone({{"t", "AAAAAAAA"}, {"code", code}});
  ExpectProblem(expired, 410);
  auto nobody = Phone({{"code", "ZZZZZZZZ"}});
  ExpectProblem(nobody, 404);
  auto unknown = Phone({{"code", code}}, "", "no-such-key");
  ExpectProblem(unknown, 404);
  ExpectProblem(Phone({{"code", code}, {"seat", 4}}), 422);
  Connection c(port());
  c.Send(FormatRequest("POST", "/c/" + KeyAndCode().first, "{not json"));
  const auto malformed = c.Read();
  EXPECT_EQ(malformed.value_or(HttpResponse{}).status, 400);
  ExpectProblem(Post(checkin_, {{"opens_at", "yesterday"}}), 422);
  // Late after its time; closed after DELETE.
  Open(-60);
  auto late = Phone({{"code", code}});
  ASSERT_EQ(late.status, 200) << late.body;
  EXPECT_EQ(late.Json().at("status").as_string(), "late");
  EXPECT_EQ(Delete(checkin_).status, 204);
  ExpectProblem(Phone({{"code", code}}), 409);  // closed: not open now
  EXPECT_FALSE(Get(checkin_).Json().at("open").as_bool());
  ExpectProblem(Get(checkin_ + "/qr.svg"), 409);
}

TEST_F(CheckinApiTest, GuessingIsSlowedPerAddress) {
  const auto code = Link(0).at("code").as_string();
  const std::string url(Link(1).at("url").as_string());
  const std::string cookie = "capdev_p" + std::to_string(workshop_) + "=" +
                             url.substr(url.rfind('/') + 1);
  Open();
  for (int i = 0; i < 60; ++i) {
    ExpectProblem(Phone({{"phone", "1390000" + std::to_string(1000 + i)}}, "",
                        "", "127.0.0.3"),
                  404);
  }
  ExpectProblem(Phone({{"code", code}}, "", "", "127.0.0.3"), 429);
  // A phone known by its link is not guessing; nor is another address.
  EXPECT_EQ(Phone({}, cookie, "", "127.0.0.3").status, 200);
  EXPECT_EQ(Phone({{"code", code}}, "", "", "127.0.0.4").status, 200);
}

TEST_F(CheckinApiTest, BadgesPrintEveryLinkWithItsCodeAndQrCode) {
  auto issued = Post(base_ + "/links", json::object{});
  ASSERT_EQ(issued.status, 200) << issued.body;
  EXPECT_EQ(issued.Json().at("issued").as_int64(), 2);
  EXPECT_EQ(Post(base_ + "/links", json::object{}).Json().at("issued"), 0);
  const auto links = Get(base_ + "/links").Json().at("items").as_array();
  ASSERT_EQ(links.size(), 2u);
  const auto badges = Get(base_ + "/badges?format=html");
  ASSERT_EQ(badges.status, 200);
  EXPECT_THAT(badges.Header("content-type"),
              ::testing::StartsWith("text/html"));
  for (const auto& l : links) {
    EXPECT_NE(badges.body.find(std::string(l.at("code").as_string())),
              std::string::npos);
  }
  std::size_t codes = 0;
  for (auto at = badges.body.find("<svg"); at != std::string::npos;
       at = badges.body.find("<svg", at + 1))
    ++codes;
  EXPECT_EQ(codes, 2u);
  EXPECT_NE(
      badges.body.find("个人代码 / <span class=\"en\" lang=\"en\">Personal "
                       "code"),
      std::string::npos);
  ExpectProblem(Get(base_ + "/badges?format=pdf"), 400);
}

}  // namespace
}  // namespace capdev::testing
