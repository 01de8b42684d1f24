#pragma once
// Maps method + path template ("/api/v1/workshops/{id}") to a handler. Unknown
// paths answer 404, a known path with the wrong method 405 with Allow, and
// every exception becomes a logged 500 with a body that says nothing internal.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/http/message.hpp"
#include "domain/access.hpp"
#include "storage/database.hpp"

namespace capdev::app {

class Query;

struct Context {
  const Request& request;
  const std::map<std::string, std::string, std::less<>>&
      params;  // from the path
  const Query& query;
  storage::Database& db;
  const domain::Principal* user = nullptr;  // null on public routes

  // A path parameter that must be a positive id (404 otherwise: no such
  // record).
  std::int64_t Id(std::string_view name) const;
};

using Handler = std::function<Response(Context&)>;

struct RouteInfo {
  std::string method;
  std::string path;  // the template
};

// The user behind a request's credentials: 401 without valid ones, 403 for a
// web-session write without its CSRF token. `route` is the matched template;
// `access_token` the query parameter, if sent.
using Authenticator = std::function<domain::StatusOr<domain::Principal>(
    const Request&, std::string_view route,
    const std::optional<std::string>& access_token, storage::Database&)>;

class Router {
 public:
  // Once set, every route but the public ones (domain::IsPublicRoute) needs
  // a user (401 otherwise) whose role allows it (403 otherwise).
  void SetAuthenticator(Authenticator authenticator) {
    authenticator_ = std::move(authenticator);
  }
  void Add(std::string method, std::string path_template, Handler handler);
  Response Dispatch(const Request& request, storage::Database& db) const;
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route {
    std::string method;
    std::string path;
    std::vector<std::string> segments;
    Handler handler;
  };
  Response DispatchUnlogged(const Request& request, storage::Database& db,
                            std::string& matched) const;

  std::vector<Route> routes_;
  Authenticator authenticator_;
};

}  // namespace capdev::app
