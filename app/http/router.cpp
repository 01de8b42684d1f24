#include "app/http/router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <charconv>
#include <chrono>
#include <set>

#include "app/http/problem.hpp"
#include "app/i18n/catalog.hpp"

namespace capdev::http {

domain::StatusOr<std::int64_t> Context::Id(std::string_view name) const {
  auto it = params.find(name);
  std::int64_t id = 0;
  if (it != params.end()) {
    const auto& text = it->second;
    auto [end, ec] =
        std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size()) id = 0;
  }
  if (id <= 0)
    // The text is not echoed: it may not even be UTF-8.
    return domain::Status::NotFound("error.no_record_with_that_id");
  return id;
}

std::string Context::Path() const {
  auto url = boost::urls::parse_origin_form(request.target);
  return url ? std::string(url->encoded_path()) : request.target;
}

RouteInfo& Router::Add(std::string_view method, std::string path_template,
                       domain::Permission permission, Handler handler) {
  return AddRoute(method, std::move(path_template), permission, {},
                  [handler = std::move(handler)](Context& ctx, Query&) {
                    return handler(ctx);
                  });
}

RouteInfo& Router::AddRoute(std::string_view method, std::string path_template,
                            domain::Permission permission,
                            std::vector<std::string> query,
                            QueryHandler handler) {
  Route route{{std::string(method), std::move(path_template), permission,
               std::move(query)},
              {},
              std::move(handler)};
  // Parsed once here, not on every request.
  std::string_view rest = std::string_view(route.info.path).substr(1);
  while (true) {
    const auto end = rest.find('/');
    const std::string text(rest.substr(0, end));
    const auto close = text.find('}');
    if (text.size() > 2 && text.front() == '{' && close != std::string::npos) {
      route.segments.push_back(
          {true, text.substr(1, close - 1), text.substr(close + 1)});
    } else {
      route.segments.push_back({false, text, ""});
    }
    if (end == std::string_view::npos) break;
    rest = rest.substr(end + 1);
  }
  routes_.push_back(std::move(route));
  return routes_.back().info;
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const auto& r : routes_) out.push_back(r.info);
  return out;
}

// How specific a match is (-1: none): literal segments beat suffixed
// parameters, which beat bare parameters, so "/workshops/{id}.ics" wins over
// "/workshops/{id}".
int Router::Score(const Route& route, const std::vector<std::string>& path) {
  if (route.segments.size() != path.size()) return -1;
  int score = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const Segment& seg = route.segments[i];
    if (!seg.param) {
      if (seg.text != path[i]) return -1;
      score += 2;
      continue;
    }
    if (path[i].size() <= seg.suffix.size() || !path[i].ends_with(seg.suffix))
      return -1;
    if (!seg.suffix.empty()) score += 1;
  }
  return score;
}

PathParams Router::ParamsOf(const Route& route,
                            const std::vector<std::string>& path) {
  PathParams params;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const Segment& seg = route.segments[i];
    if (seg.param) {
      params[seg.text] = path[i].substr(0, path[i].size() - seg.suffix.size());
    }
  }
  return params;
}

Response Router::Dispatch(const Request& request, const Target& target,
                          storage::Database& db,
                          storage::Database* auth) const {
  const auto started = std::chrono::steady_clock::now();
  const std::string_view matched =
      target.route ? std::string_view(target.route->info.path) : "-";
  Response response;
  try {
    response = DispatchUnlogged(request, target, db, auth ? *auth : db);
  } catch (const std::exception& e) {
    // A bug: expected failures, the disk's included, arrive as a Status.
    spdlog::error("{} {} failed: {}", request.method, matched, e.what());
    response = Problem(500, kInternalDetail);
  } catch (...) {
    spdlog::error("{} {} failed with an unknown exception", request.method,
                  matched);
    response = Problem(500, kInternalDetail);
  }
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - started)
                        .count();
  // The path template, never the path: ids and query strings stay out of logs.
  spdlog::info("{} {} {} {:.2f}ms", request.method, matched, response.status,
               ms);
  return response;
}

domain::StatusOr<Response> Router::Run(
    const Route& route, const Request& request, const PathParams& params,
    const std::vector<std::pair<std::string, std::string>>& pairs,
    storage::Database& db, storage::Database& auth,
    domain::Language& language) const {
  Context ctx{request, params, db};
  ctx.language = language;
  std::optional<domain::Principal> user;
  if (authenticator_ && route.info.permission != domain::Permission::kPublic) {
    std::optional<std::string> feed_token;
    if (route.info.permission == domain::Permission::kReadCalendar) {
      for (const auto& [key, value] : pairs) {
        if (key == kFeedToken) {
          feed_token = value;
          break;
        }
      }
    }
    ASSIGN_OR_RETURN(user, authenticator_(request, feed_token, auth));
    if (user->language) ctx.language = language = *user->language;
    if (!domain::RoleAllows(user->role, route.info.permission)) {
      return domain::Status::PermissionDenied(domain::Message(
          "error.role_may_not",
          {{"role", domain::Term{"enum.user_role." +
                                 std::string(domain::ToText(user->role))}}}));
    }
    ctx.user = &*user;
  }
  // A parameter the route does not read must not be ignored silently: a
  // typo such as `citty=` would widen a list or a report. (A shared public
  // page ignores them instead: RouteInfo::IgnoresOtherQuery.)
  const auto& known = route.info.query;
  const auto is_known = [&](const auto& pair) {
    return std::find(known.begin(), known.end(), pair.first) != known.end();
  };
  std::vector<std::pair<std::string, std::string>> shared;
  const auto* read = &pairs;
  if (route.info.ignores_other_query) {
    shared = pairs;
    std::erase_if(shared, [&](const auto& pair) { return !is_known(pair); });
    read = &shared;
  }
  std::vector<domain::FieldError> unknown;
  std::string names;
  for (const auto& pair : *read) {
    if (!is_known(pair)) {
      unknown.emplace_back(pair.first, domain::kNotAllowed,
                           domain::Message("error.unknown_parameter"));
      names += (names.empty() ? "'" : ", '") + pair.first + "'";
    }
  }
  if (!unknown.empty()) {
    return domain::Status::Malformed(
        domain::Message("error.unknown_parameters", {{"names", names}}),
        std::move(unknown));
  }
  Query query(*read, route.info.query);
  return route.handler(ctx, query);
}

namespace {

// The decoded path segments ("/" is one empty segment).
std::vector<std::string> Segments(const boost::urls::url_view& url) {
  std::vector<std::string> segments;
  for (auto s : url.segments()) segments.push_back(s);
  if (segments.empty()) segments.emplace_back();
  return segments;
}

bool IsRead(std::string_view method) {
  return method == kGet || method == "HEAD";
}

}  // namespace

Router::Target Router::Resolve(const Request& request) const {
  Target target;
  if (!IsRead(request.method)) target.kind = RequestKind::kWrite;
  auto url = boost::urls::parse_origin_form(request.target);
  if (!url) {
    target.valid_url = false;
    return target;
  }
  const auto path = Segments(*url);
  const auto accepts = [&](const Route& route) {
    return route.info.method == request.method ||
           (request.method == "HEAD" && route.info.method == kGet);
  };
  int best_score = -1;
  for (const auto& route : routes_) {
    const int score = accepts(route) ? Score(route, path) : -1;
    if (score > best_score) {
      target.route = &route;
      best_score = score;
    }
  }
  if (!target.route) {
    // Only for a 405: the methods the path does accept.
    for (const auto& route : routes_) {
      if (Score(route, path) >= 0) target.allowed.insert(route.info.method);
    }
    return target;
  }
  target.params = ParamsOf(*target.route, path);
  for (auto p : url->params()) target.query.emplace_back(p.key, p.value);
  if (target.kind == RequestKind::kRead && target.route->info.long_running) {
    target.kind = RequestKind::kLongRead;
  }
  if (target.kind == RequestKind::kWrite && target.route->info.reads_only) {
    target.kind = RequestKind::kLongRead;
  }
  if (target.kind == RequestKind::kWrite && target.route->info.dry_run_reads) {
    // Anything but an explicit false is a dry run (the default), or a 400.
    bool real = false;
    for (const auto& [key, value] : target.query)
      real = real || (key == "dry_run" && (value == "false" || value == "0"));
    if (!real || target.route->info.plans_off_writer)
      target.kind = RequestKind::kLongRead;
  }
  return target;
}

bool Router::TakesLargeBody(const std::string& method,
                            const std::string& target) const {
  Request request;
  request.method = method;
  request.target = target;
  const auto found = Resolve(request);
  return found.route && found.route->info.large_body;
}

Response Router::DispatchUnlogged(const Request& request, const Target& target,
                                  storage::Database& db,
                                  storage::Database& auth) const {
  if (!target.valid_url) {
    return Problem(400, "error.bad_url_path");
  }
  if (target.route) {
    auto language = i18n::FromAcceptLanguage(request.accept_language);
    auto response = Run(*target.route, request, target.params, target.query, db,
                        auth, language);
    if (!response.ok()) {
      // A bug's detail is logged here and never sent (Problem hides it).
      if (response.status().code() == domain::Code::kInternal) {
        spdlog::error("{} {} failed: {}", request.method,
                      target.route->info.path, response.status().log_detail());
      }
      Response r = Problem(response.status());
      r.language = language;
      return r;
    }
    if (request.method == "HEAD") response->body.clear();
    if (!response->language) response->language = language;
    return std::move(*response);
  }
  if (!target.allowed.empty()) {
    std::string allow;
    for (const auto& m : target.allowed)
      allow += (allow.empty() ? "" : ", ") + m;
    Response r = Problem(
        405, domain::Message("error.method_not_allowed",
                             {{"method", request.method}, {"allowed", allow}}));
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  return Problem(404, "error.no_such_route");
}

}  // namespace capdev::http
