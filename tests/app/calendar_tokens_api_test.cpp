// Calendar feed tokens: listed without the token, revoked one by one (only
// the caller's own), at most 20 live per user.

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

class CalendarTokensApiTest : public ApiTest {
 protected:
  // The feed as a calendar client fetches it: the token in the URL alone.
  int Feed(const json::object& issued) {
    Connection c(port());
    c.Send(FormatRequest("GET", std::string(issued.at("feed_path").as_string()),
                         "", "Authorization: none\r\n"));
    auto r = c.Read();
    return r ? r->status : 0;
  }
  json::object Issue() {
    auto r = Post("/api/v1/auth/calendar-token", json::object{});
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json().as_object();
  }
  json::array Listed() {
    auto r = Get("/api/v1/auth/calendar-tokens");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json().at("items").as_array();
  }
};

TEST_F(CalendarTokensApiTest, ListsTheCallersTokensWithoutTheToken) {
  const auto a = Issue(), b = Issue();
  auto items = Listed();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("id"), a.at("id"));
  EXPECT_EQ(items[1].at("id"), b.at("id"));
  for (const auto& item : items) {
    EXPECT_EQ(item.as_object().size(), 3u);  // id, created_at, last_used_at
    EXPECT_TRUE(item.at("created_at").is_string());
    EXPECT_TRUE(item.at("last_used_at").is_string());
  }
  const auto body = Get("/api/v1/auth/calendar-tokens").body;
  EXPECT_EQ(body.find(a.at("token").as_string().c_str()), std::string::npos);
}

TEST_F(CalendarTokensApiTest, RevokingOneClosesItsFeedAndNoOther) {
  const auto a = Issue(), b = Issue();
  const auto feed = [&](const json::object& t) { return Feed(t); };
  ASSERT_EQ(feed(a), 200);
  ASSERT_EQ(feed(b), 200);
  const auto path =
      "/api/v1/auth/calendar-tokens/" + std::to_string(a.at("id").as_int64());
  EXPECT_EQ(Delete(path).status, 204);
  EXPECT_EQ(feed(a), 401);
  EXPECT_EQ(feed(b), 200);
  ExpectProblem(Delete(path), 404);  // already revoked
  auto items = Listed();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("id"), b.at("id"));
}

TEST_F(CalendarTokensApiTest, AnotherUsersTokenIs404) {
  const auto mine = Issue();
  AddUser(db_path_, "vera", "viewer");
  SetBearerToken(Login(port(), "vera"));
  EXPECT_TRUE(Listed().empty());
  ExpectProblem(Delete("/api/v1/auth/calendar-tokens/" +
                       std::to_string(mine.at("id").as_int64())),
                404);
  ExpectProblem(Delete("/api/v1/auth/calendar-tokens/999999"), 404);
  EXPECT_EQ(Feed(mine), 200);
}

TEST_F(CalendarTokensApiTest, AtMostTwentyLiveTokens) {
  std::int64_t first = 0;
  for (int i = 0; i < 20; ++i) {
    const auto t = Issue();
    if (i == 0) first = t.at("id").as_int64();
  }
  auto r = Post("/api/v1/auth/calendar-token", json::object{});
  ExpectProblem(r, 409);
  EXPECT_NE(r.Json().at("detail").as_string().find("20"), std::string::npos);
  EXPECT_EQ(Listed().size(), 20u);
  // Revoking one makes room again.
  ASSERT_EQ(
      Delete("/api/v1/auth/calendar-tokens/" + std::to_string(first)).status,
      204);
  Issue();
  ExpectProblem(Post("/api/v1/auth/calendar-token", json::object{}), 409);
}

}  // namespace
}  // namespace capdev::testing
