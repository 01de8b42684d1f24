#pragma once
// Maps method + path template ("/api/v1/workshops/{id}") to a handler. Unknown
// paths answer 404, a known path with the wrong method 405 with Allow, and
// every exception becomes a logged 500 with a body that says nothing internal.

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/http/message.hpp"
#include "storage/database.hpp"

namespace capdev::app {

class Query;

struct Context {
  const Request& request;
  const std::map<std::string, std::string, std::less<>>&
      params;  // from the path
  const Query& query;
  storage::Database& db;

  // A path parameter that must be a positive id (404 otherwise: no such
  // record).
  std::int64_t Id(std::string_view name) const;
};

using Handler = std::function<Response(Context&)>;

struct RouteInfo {
  std::string method;
  std::string path;  // the template
};

class Router {
 public:
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
};

}  // namespace capdev::app
