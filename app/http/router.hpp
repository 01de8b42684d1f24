#pragma once
// Maps method + path template ("/api/v1/workshops/{id}") to a handler. Each
// route declares, where it is added, who may call it (a Permission) and which
// query parameters it reads; anything else in the query is a 400. Unknown
// paths answer 404, a known path with the wrong method 405 with Allow. A
// handler's failed Status becomes problem+json here, and every exception a
// logged 500 whose body says nothing internal.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/http/message.hpp"
#include "app/http/query.hpp"
#include "domain/access.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::http {

inline constexpr std::string_view kGet = "GET";
inline constexpr std::string_view kPost = "POST";
inline constexpr std::string_view kPut = "PUT";
inline constexpr std::string_view kPatch = "PATCH";
inline constexpr std::string_view kDelete = "DELETE";

using PathParams = std::map<std::string, std::string, std::less<>>;

struct Context {
  const Request& request;
  const PathParams& params;  // from the path template
  Query& query;
  storage::Database& db;
  const domain::Principal* user = nullptr;  // null on public routes

  // A path parameter that must be a positive id (404 otherwise: no such
  // record).
  domain::StatusOr<std::int64_t> Id(std::string_view name) const;
  // The request path without its query string (for Location headers).
  std::string Path() const;
};

using Handler = std::function<domain::StatusOr<Response>(Context&)>;

struct RouteInfo {
  std::string method;
  std::string path;  // the template
  domain::Permission permission;
  std::vector<std::string> query;  // the query parameters it accepts
  // A read that may take seconds (reports, exports): it runs on the bounded
  // pool of long reads, under a time budget, so it never holds up the rest.
  bool long_running = false;

  // A POST that writes nothing unless `dry_run=false` (an import's check):
  // its dry runs read a snapshot on the pool of long reads and never wait
  // for, or hold up, the writer.
  bool dry_run_reads = false;

  RouteInfo& LongRunning() {
    long_running = true;
    return *this;
  }
  RouteInfo& DryRunReads() {
    dry_run_reads = true;
    return *this;
  }
};

// Where the server runs a request: short reads on the connection's own
// thread, long reads on their pool, changes on the one writer.
enum class RequestKind { kRead, kLongRead, kWrite };

// The user behind a request's credentials: 401 without valid ones, 403 for a
// web-session write without its CSRF token. `feed_token` is the
// `access_token` query parameter, offered only on calendar-feed routes.
using Authenticator = std::function<domain::StatusOr<domain::Principal>(
    const Request&, const std::optional<std::string>& feed_token,
    storage::Database&)>;

class Router {
 public:
  // Every route but the public ones needs a user (401 otherwise) whose role
  // has the route's permission (403 otherwise).
  void SetAuthenticator(Authenticator authenticator) {
    authenticator_ = std::move(authenticator);
  }
  // Returns the route's description, for options such as LongRunning().
  RouteInfo& Add(std::string_view method, std::string path_template,
                 domain::Permission permission, Handler handler,
                 std::vector<std::string> query = {});
  // A request's route, found once: it decides where the request runs, and
  // Dispatch runs it without looking again.
  struct Target;
  // Any method but GET and HEAD changes something; a GET of a route marked
  // LongRunning is a long read (unknown paths are short: a 404).
  Target Resolve(const Request& request) const;
  Response Dispatch(const Request& request, const Target& target,
                    storage::Database& db) const;
  std::vector<RouteInfo> Routes() const;

 private:
  // "{id}" or "{id}.ics": a parameter, optionally followed by a literal
  // suffix; else a literal segment.
  struct Segment {
    bool param = false;
    std::string text;    // parameter name, or the literal segment
    std::string suffix;  // after the parameter
  };
  struct Route {
    RouteInfo info;
    std::vector<Segment> segments;
    Handler handler;
  };
  // How specific a match is (-1: none).
  static int Score(const Route& route, const std::vector<std::string>& path);
  static PathParams ParamsOf(const Route& route,
                             const std::vector<std::string>& path);

 public:
  struct Target {
    RequestKind kind = RequestKind::kRead;
    bool valid_url = true;
    const Route* route = nullptr;  // the most specific match for the method
    PathParams params;
    std::vector<std::pair<std::string, std::string>> query;
    std::set<std::string> allowed;  // other methods the path accepts
  };

 private:
  domain::StatusOr<Response> Run(const Route& route, const Request& request,
                                 const PathParams& params, Query& query,
                                 storage::Database& db) const;
  Response DispatchUnlogged(const Request& request, const Target& target,
                            storage::Database& db) const;

  std::vector<Route> routes_;
  Authenticator authenticator_;
};

// The parameters of a paged list, for Router::Add.
inline const std::vector<std::string> kPaging = {"limit", "cursor"};

}  // namespace capdev::http
