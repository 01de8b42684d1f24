#include "app/http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/http/problem.hpp"
#include "app/http/query.hpp"
#include "app/status_error.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::app {
namespace {

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() : db_({dir_.File("router.db")}) {
    router_.Add("GET", "/things", [](Context&) {
      return Response{200, "text/plain", "list", {}};
    });
    router_.Add("POST", "/things", [](Context&) {
      return Response{201, "text/plain", "made", {}};
    });
    router_.Add("GET", "/things/{id}", [](Context& ctx) {
      return Response{200, "text/plain", std::to_string(ctx.Id("id")), {}};
    });
    router_.Add("DELETE", "/things/{id}", [](Context&) -> Response {
      throw std::runtime_error("SELECT secret FROM /var/lib/capdev.db");
    });
    router_.Add("GET", "/things/{id}/parts/{part_id}", [](Context& ctx) {
      return Response{200,
                      "text/plain",
                      ctx.params.at("id") + "/" + ctx.params.at("part_id") +
                          "?" + ctx.query.Text("q").value_or(""),
                      {}};
    });
    router_.Add("GET", "/conflict", [](Context&) -> Response {
      throw StatusError(domain::Status::FailedPrecondition("still referenced"));
    });
  }

  Response Call(const std::string& method, const std::string& target) {
    return router_.Dispatch(Request{.method = method, .target = target}, db_);
  }

  testing::TempDir dir_;
  storage::Database db_;
  Router router_;
};

TEST_F(RouterTest, MatchesTemplatesAndDecodesParameters) {
  EXPECT_EQ(Call("GET", "/things").body, "list");
  EXPECT_EQ(Call("POST", "/things").status, 201);
  EXPECT_EQ(Call("GET", "/things/42").body, "42");
  EXPECT_EQ(Call("GET", "/things/7/parts/x%20y?q=a%26b").body, "7/x y?a&b");
}

TEST_F(RouterTest, UnknownPathsAre404) {
  auto r = Call("GET", "/nothing/here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_EQ(Call("GET", "/things/42/extra").status, 404);
}

TEST_F(RouterTest, KnownPathWithWrongMethodIs405WithAllow) {
  auto r = Call("PUT", "/things");
  EXPECT_EQ(r.status, 405);
  ASSERT_NE(r.Header("Allow"), nullptr);
  EXPECT_EQ(*r.Header("Allow"), "GET, POST");
  EXPECT_EQ(*Call("PATCH", "/things/1").Header("Allow"), "DELETE, GET");
}

TEST_F(RouterTest, NonNumericIdsAre404) {
  EXPECT_EQ(Call("GET", "/things/abc").status, 404);
  EXPECT_EQ(Call("GET", "/things/-3").status, 404);
  EXPECT_EQ(Call("GET", "/things/99999999999999999999").status, 404);
}

TEST_F(RouterTest, UnexpectedExceptionsBecomeA500ThatRevealsNothing) {
  auto r = Call("DELETE", "/things/1");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
  EXPECT_EQ(r.body.find("/var/lib"), std::string::npos);
}

TEST_F(RouterTest, StatusErrorsMapThroughTheOneTable) {
  auto r = Call("GET", "/conflict");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(boost::json::parse(r.body).at("detail").as_string(),
            "still referenced");
}

TEST_F(RouterTest, HeadAnswersLikeGetWithoutABody) {
  auto r = Call("HEAD", "/things");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
}

TEST_F(RouterTest, BadQueryParametersAre400) {
  router_.Add("GET", "/paged", [](Context& ctx) {
    auto page = ctx.query.Page();
    return Response{200, "text/plain", std::to_string(page.limit), {}};
  });
  EXPECT_EQ(Call("GET", "/paged").body, "50");
  EXPECT_EQ(Call("GET", "/paged?limit=500").body, "500");
  EXPECT_EQ(Call("GET", "/paged?limit=501").status, 400);
  EXPECT_EQ(Call("GET", "/paged?limit=0").status, 400);
  EXPECT_EQ(Call("GET", "/paged?limit=ten").status, 400);
  EXPECT_EQ(Call("GET", "/paged?cursor=forged").status, 400);
  EXPECT_EQ(Call("GET", "/paged?cursor=" + EncodeCursor(5)).status, 200);
}

}  // namespace
}  // namespace capdev::app

namespace capdev::app {
namespace {

TEST_F(RouterTest, ProblemsNeverEchoBytesThatAreNotUtf8) {
  auto r = Call("GET", "/things/%FF%FE");
  EXPECT_EQ(r.status, 404);
  EXPECT_NO_THROW(boost::json::parse(r.body));  // valid UTF-8 JSON
  EXPECT_EQ(r.body.find('\xff'), std::string::npos);
}

TEST_F(RouterTest, BadQueryParametersSayWhatIsWrong) {
  router_.Add("GET", "/kinds", [](Context& ctx) {
    static constexpr std::array<std::string_view, 2> kKinds = {"a", "b"};
    ctx.query.OneOf("kind", kKinds);
    return Response{200, "text/plain", "", {}};
  });
  auto r = Call("GET", "/kinds?kind=c");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(boost::json::parse(r.body).at("detail").as_string(),
            "query parameter 'kind' must be one of: a, b");
}

}  // namespace
}  // namespace capdev::app
