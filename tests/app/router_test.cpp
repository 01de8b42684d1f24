#include "app/http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "app/http/problem.hpp"
#include "app/http/query.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::http {
namespace {

using Result = domain::StatusOr<http::Response>;
constexpr auto kOpen = domain::Permission::kPublic;

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() : db_({dir_.File("router.db")}) {
    router_.Add(http::kGet, "/things", kOpen, [](Context&) -> Result {
      return Response{200, "text/plain", "list", {}};
    });
    router_.Add(http::kPost, "/things", kOpen, [](Context&) -> Result {
      return Response{201, "text/plain", "made", {}};
    });
    router_.Add(kGet, "/things/{id}", kOpen, [](Context& ctx) -> Result {
      ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
      return Response{200, "text/plain", std::to_string(id), {}};
    });
    router_.Add(http::kDelete, "/things/{id}", kOpen, [](Context&) -> Result {
      throw std::runtime_error("SELECT secret FROM /var/lib/capdev.db");
    });
    router_.Add(
        kGet, "/things/{id}/parts/{part_id}", kOpen,
        [](Query& q) { return q.Text("q"); },
        [](Context& ctx, const std::optional<std::string>& q) -> Result {
          return Response{200,
                          "text/plain",
                          ctx.params.at("id") + "/" + ctx.params.at("part_id") +
                              "?" + q.value_or(""),
                          {}};
        });
    router_.Add(kGet, "/conflict", kOpen, [](Context&) -> Result {
      return domain::Status::FailedPrecondition("error.last_admin");
    });
    router_
        .Add(kGet, "/things/{id}/report", kOpen,
             [](Context&) -> Result { return Response{}; })
        .LongRunning();
    router_
        .Add(
            kPost, "/things/{id}/import", kOpen,
            [](Query& q) { return q.Bool("dry_run"); },
            [](Context&, std::optional<bool>) -> Result { return Response{}; })
        .DryRunReads();
  }

  // As the server does: resolve once, then dispatch.
  Response Send(const Request& request) {
    return router_.Dispatch(request, router_.Resolve(request), db_);
  }
  Response Call(const std::string& method, const std::string& target) {
    return Send(Request{.method = method, .target = target});
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

TEST_F(RouterTest, ClassifiesChangesShortReadsAndLongReads) {
  const auto load = [&](const std::string& method, const std::string& target) {
    return router_.Resolve(http::Request{.method = method, .target = target})
        .kind;
  };
  EXPECT_EQ(load("GET", "/things/42"), RequestKind::kRead);
  EXPECT_EQ(load("HEAD", "/things/42"), RequestKind::kRead);
  EXPECT_EQ(load("GET", "/things/42/report?from=x"), RequestKind::kLongRead);
  EXPECT_EQ(load("HEAD", "/things/42/report"), RequestKind::kLongRead);
  EXPECT_EQ(load("POST", "/things"), RequestKind::kWrite);
  EXPECT_EQ(load("DELETE", "/things/42"), RequestKind::kWrite);
  // Whatever the path: a change, even one answered 404 or 405, goes to
  // the writer, and an unknown read is short.
  EXPECT_EQ(load("PUT", "/nothing"), RequestKind::kWrite);
  EXPECT_EQ(load("GET", "/nothing/here"), RequestKind::kRead);
  EXPECT_EQ(load("GET", "%%bad"), RequestKind::kRead);
  // An import's dry run (the default) reads; only dry_run=false writes.
  EXPECT_EQ(load("POST", "/things/42/import"), RequestKind::kLongRead);
  EXPECT_EQ(load("POST", "/things/42/import?dry_run=true"),
            RequestKind::kLongRead);
  EXPECT_EQ(load("POST", "/things/42/import?dry_run=false"),
            RequestKind::kWrite);
  EXPECT_EQ(load("POST", "/things/42/import?dry_run=0"), RequestKind::kWrite);
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

TEST_F(RouterTest, UnknownQueryParametersAre400NamingThem) {
  auto r = Call("GET", "/things?citty=Nowhere&q=1");
  EXPECT_EQ(r.status, 400);
  auto body = boost::json::parse(r.body);
  EXPECT_EQ(body.at("errors").at(0).at("field").as_string(), "citty");
  EXPECT_EQ(body.at("errors").as_array().size(), 2u);
  EXPECT_EQ(Call("GET", "/things/1/parts/2?q=1").status, 200);
}

TEST_F(RouterTest, AReaderThatDoesNotCheckStillAnswers400) {
  bool ran = false;
  router_.Add(
      http::kGet, "/careless", kOpen,
      [](Query& q) { return q.Id("n"); },  // read, never checked
      [&ran](Context&, std::optional<std::int64_t>) -> Result {
        ran = true;
        return Response{200, "text/plain", "", {}};
      });
  EXPECT_EQ(Call("GET", "/careless?n=x").status, 400);
  EXPECT_FALSE(ran);  // before the handler: nothing is done or written
  EXPECT_EQ(Call("GET", "/careless?n=3").status, 200);
  EXPECT_TRUE(ran);
}

TEST_F(RouterTest, ARoutesParametersAreTheNamesItsReaderReads) {
  router_.Add(
      http::kGet, "/read", kOpen,
      [](Query& q) -> domain::StatusOr<std::string> {
        const auto a = q.Text("a");
        const auto page = q.Page();
        RETURN_IF_ERROR(q.Check());
        return a.value_or("") + std::to_string(page.limit);
      },
      [](Context&, const std::string& text) -> Result {
        return Response{200, "text/plain", text, {}};
      });
  router_
      .Add(http::kGet, "/feed", domain::Permission::kReadCalendar,
           [](Context&) -> Result { return Response{}; })
      .CalendarFeed();
  std::map<std::string, std::vector<std::string>> names;
  for (const auto& route : router_.Routes())
    names[route.method + " " + route.path] = route.query;
  EXPECT_EQ(names["GET /read"],
            (std::vector<std::string>{"a", "limit", "cursor"}));
  EXPECT_EQ(names["GET /feed"], (std::vector<std::string>{"access_token"}));
  EXPECT_TRUE(names["GET /things"].empty());
  EXPECT_EQ(Call("GET", "/read?a=x&limit=3").body, "x3");
  EXPECT_EQ(Call("GET", "/read?b=x").status, 400);
  EXPECT_EQ(Call("GET", "/feed?access_token=t").status, 200);
  EXPECT_EQ(Call("GET", "/things?access_token=t").status, 400);
}

TEST_F(RouterTest, AReaderThatAsksForANameByValueIsABug) {
  // `b` is asked for only when `a` is sent: not declared, so a logged 500.
  router_.Add(
      http::kGet, "/sometimes", kOpen,
      [](Query& q) { return q.Text("a") ? q.Text("b") : std::nullopt; },
      [](Context&, const std::optional<std::string>&) -> Result {
        return Response{200, "text/plain", "", {}};
      });
  EXPECT_EQ(Call("GET", "/sometimes").status, 200);
  EXPECT_EQ(Call("GET", "/sometimes?a=1").status, 500);
}

TEST_F(RouterTest, RoutesNeedASignedInUserWithThePermission) {
  router_.Add(http::kGet, "/admin-only", domain::Permission::kAdmin,
              [](Context& ctx) -> Result {
                return Response{200, "text/plain", ctx.user->username, {}};
              });
  router_.SetAuthenticator(
      [](const Request& r, const std::optional<std::string>&,
         storage::Database&) -> domain::StatusOr<domain::Principal> {
        auto role = domain::FromText<domain::Role>(r.authorization);
        if (!role)
          return domain::Status::Unauthenticated("error.sign_in_first");
        return domain::Principal{
            .user_id = 1, .username = r.authorization, .role = *role};
      });
  auto as = [&](const std::string& role) {
    return Send(http::Request{
        .method = "GET", .target = "/admin-only", .authorization = role});
  };
  EXPECT_EQ(as("").status, 401);
  EXPECT_EQ(as("viewer").status, 403);
  EXPECT_EQ(as("admin").body, "admin");
  EXPECT_EQ(Call("GET", "/things").status, 200);  // public: no sign-in
}

TEST_F(RouterTest, StatusErrorsMapThroughTheOneTable) {
  auto r = Call("GET", "/conflict");
  EXPECT_EQ(r.status, 409);
  // In English when the request names no language (the en catalog's text).
  EXPECT_EQ(boost::json::parse(r.body).at("detail").as_string(),
            "this is the last enabled admin; make another admin first");
}

TEST_F(RouterTest, HeadAnswersLikeGetWithoutABody) {
  auto r = Call("HEAD", "/things");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
}

TEST_F(RouterTest, BadQueryParametersAre400) {
  router_.Add(
      http::kGet, "/paged", kOpen, [](Query& q) { return q.Page(); },
      [](Context&, const storage::PageRequest& page) -> Result {
        return Response{200, "text/plain", std::to_string(page.limit), {}};
      });
  EXPECT_EQ(Call("GET", "/paged").body, "50");
  EXPECT_EQ(Call("GET", "/paged?limit=500").body, "500");
  EXPECT_EQ(Call("GET", "/paged?limit=501").status, 400);
  EXPECT_EQ(Call("GET", "/paged?limit=0").status, 400);
  EXPECT_EQ(Call("GET", "/paged?limit=ten").status, 400);
  EXPECT_EQ(Call("GET", "/paged?cursor=forged").status, 400);
  EXPECT_EQ(Call("GET", "/paged?cursor=" + http::EncodeCursor(5)).status, 200);
}

}  // namespace
}  // namespace capdev::http

namespace capdev::http {
namespace {

TEST_F(RouterTest, ProblemsNeverEchoBytesThatAreNotUtf8) {
  auto r = Call("GET", "/things/%FF%FE");
  EXPECT_EQ(r.status, 404);
  EXPECT_NO_THROW(boost::json::parse(r.body));  // valid UTF-8 JSON
  EXPECT_EQ(r.body.find('\xff'), std::string::npos);
}

TEST_F(RouterTest, BadQueryParametersSayWhatIsWrong) {
  router_.Add(
      http::kGet, "/kinds", kOpen,
      [](Query& q) -> domain::StatusOr<std::string> {
        static constexpr std::array<std::string_view, 2> kKinds = {"a", "b"};
        auto kind = q.OneOf("kind", kKinds);
        RETURN_IF_ERROR(q.Check());
        return kind.value_or("");
      },
      [](Context&, const std::string&) -> Result {
        return Response{200, "text/plain", "", {}};
      });
  auto r = Call("GET", "/kinds?kind=c");
  EXPECT_EQ(r.status, 400);
  // The en catalog's text; the error names the parameter and its values.
  const auto body = boost::json::parse(r.body);
  EXPECT_EQ(body.at("detail").as_string(),
            "The query parameter kind is not valid.");
  const auto& error = body.at("errors").at(0);
  EXPECT_EQ(error.at("field"), "kind");
  EXPECT_EQ(error.at("code"), "unknown_value");
  EXPECT_EQ(error.at("message"), "must be one of: a, b");
  EXPECT_EQ(error.at("params").at("allowed"), "a, b");
}

}  // namespace
}  // namespace capdev::http
