#pragma once
// Maps method + path template ("/api/v1/workshops/{id}") to a handler. Each
// route declares, where it is added, who may call it (a Permission) and, by
// its reader, which query parameters it takes; anything else in the query is
// a 400. Unknown paths answer 404, a known path with the wrong method 405
// with Allow. A handler's failed Status becomes problem+json here, and every
// exception a logged 500 whose body says nothing internal.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
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

// A handler sees no query: its route's reader has read it (Router::Add).
struct Context {
  const Request& request;
  const PathParams& params;  // from the path template
  storage::Database& db;
  const domain::Principal* user = nullptr;  // null on public routes
  // The reader's: the user's setting, else Accept-Language, else English.
  domain::Language language = domain::Language::kEn;

  // A path parameter that must be a positive id (404 otherwise: no such
  // record).
  domain::StatusOr<std::int64_t> Id(std::string_view name) const;
  // The request path without its query string (for Location headers).
  std::string Path() const;
};

using Handler = std::function<domain::StatusOr<Response>(Context&)>;

// The name of the calendar-feed token in a feed's URL (CalendarFeed()).
inline constexpr std::string_view kFeedToken = "access_token";

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

  // With dry_run_reads: a real run too reads and plans on the pool of long
  // reads, and its handler answers the writes left to do (then_write), which
  // the writer runs alone.
  bool plans_off_writer = false;

  RouteInfo& LongRunning() {
    long_running = true;
    return *this;
  }
  // A POST that changes nothing (a preview drawn from the body): a long
  // read, never queued for the writer.
  bool reads_only = false;
  RouteInfo& ReadsOnly() {
    reads_only = true;
    return *this;
  }
  // A public page whose links people share: messaging apps add their own
  // parameters (?from=singlemessage), which it ignores rather than refuse.
  bool ignores_other_query = false;
  RouteInfo& IgnoresOtherQuery() {
    ignores_other_query = true;
    return *this;
  }
  // A body larger than the server's usual limit (images sent as base64):
  // http::ServerOptions::large_body_limit.
  bool large_body = false;
  RouteInfo& LargeBody() {
    large_body = true;
    return *this;
  }
  RouteInfo& DryRunReads() {
    dry_run_reads = true;
    return *this;
  }
  RouteInfo& PlansOffWriter() {
    dry_run_reads = true;
    plans_off_writer = true;
    return *this;
  }
  // A calendar client's URL: the query may carry the feed token, which the
  // router hands to the authenticator (the handler never sees it).
  RouteInfo& CalendarFeed() {
    query.emplace_back(kFeedToken);
    return *this;
  }
};

// What a route's reader gives its handler: T, from a reader that answers T
// or StatusOr<T>.
template <class R>
struct ReadValue {
  using type = R;
};
template <class T>
struct ReadValue<domain::StatusOr<T>> {
  using type = T;
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
  // A route that takes no query parameters (any is a 400). Returns the
  // route's description, for options such as LongRunning().
  RouteInfo& Add(std::string_view method, std::string path_template,
                 domain::Permission permission, Handler handler);

  // A route that takes query parameters: `read(Query&)` reads them all,
  // answering a T or a StatusOr<T>, and `handle(Context&, const T&)` gets
  // them. The reader is where a parameter is named, once: the router runs it
  // here on an empty query to learn the names the route takes (its
  // RouteInfo, the OpenAPI document's check), and on each request, after the
  // caller is authenticated and no unknown name was sent, before the
  // handler, so a bad value is a 400 before any work or write is done.
  //
  // Why a reader rather than a struct of field descriptions: the readers
  // are ordinary code (filters, report options, import options) that keeps
  // its rules (required, `to` not before `from`) beside the names, and a
  // handler cannot read a parameter its route did not declare, as it has no
  // query. A reader must ask for every name whatever the values it finds
  // (asking for an undeclared one throws: a logged 500).
  template <class Reader, class Handle>
  RouteInfo& Add(std::string_view method, std::string path_template,
                 domain::Permission permission, Reader read, Handle handle) {
    using T = typename ReadValue<std::invoke_result_t<Reader&, Query&>>::type;
    auto names = Query::NamesReadBy(read);
    return AddRoute(
        method, std::move(path_template), permission, std::move(names),
        [read = std::move(read), handle = std::move(handle)](
            Context& ctx, Query& query) -> domain::StatusOr<Response> {
          domain::StatusOr<T> params = read(query);
          if (!params.ok()) return params.status();
          // A reader that did not check: its bad values are still a 400.
          RETURN_IF_ERROR(query.Check());
          return handle(ctx, *params);
        });
  }

  // A request's route, found once: it decides where the request runs, and
  // Dispatch runs it without looking again.
  struct Target;
  // Any method but GET and HEAD changes something; a GET of a route marked
  // LongRunning is a long read (unknown paths are short: a 404).
  Target Resolve(const Request& request) const;
  // Whether the route `method` and `target` name takes a LargeBody().
  bool TakesLargeBody(const std::string& method,
                      const std::string& target) const;
  // `auth`, when given, is where the user's token is checked (the primary)
  // while `db` answers the request (a read replica: serve --read-db), so a
  // token revoked or issued a moment ago counts at once.
  Response Dispatch(const Request& request, const Target& target,
                    storage::Database& db,
                    storage::Database* auth = nullptr) const;
  std::vector<RouteInfo> Routes() const;

 private:
  // "{id}" or "{id}.ics": a parameter, optionally followed by a literal
  // suffix; else a literal segment.
  struct Segment {
    bool param = false;
    std::string text;    // parameter name, or the literal segment
    std::string suffix;  // after the parameter
  };
  using QueryHandler =
      std::function<domain::StatusOr<Response>(Context&, Query&)>;
  struct Route {
    RouteInfo info;
    std::vector<Segment> segments;
    QueryHandler handler;
  };
  RouteInfo& AddRoute(std::string_view method, std::string path_template,
                      domain::Permission permission,
                      std::vector<std::string> query, QueryHandler handler);
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
  domain::StatusOr<Response> Run(
      const Route& route, const Request& request, const PathParams& params,
      const std::vector<std::pair<std::string, std::string>>& pairs,
      storage::Database& db, storage::Database& auth,
      domain::Language& language) const;
  Response DispatchUnlogged(const Request& request, const Target& target,
                            storage::Database& db,
                            storage::Database& auth) const;

  std::vector<Route> routes_;
  Authenticator authenticator_;
};

}  // namespace capdev::http
