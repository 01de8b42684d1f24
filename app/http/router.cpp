#include "app/http/router.hpp"

#include <spdlog/spdlog.h>

#include <boost/url/parse.hpp>
#include <charconv>
#include <chrono>
#include <set>

#include "app/http/problem.hpp"
#include "app/http/query.hpp"
#include "app/status_error.hpp"

namespace capdev::app {

namespace {

std::vector<std::string> SplitTemplate(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "{id}" or "{id}.ics": a parameter, optionally followed by a literal suffix.
struct Segment {
  bool param = false;
  std::string name;    // parameter name, or the literal segment
  std::string suffix;  // after the parameter
};

Segment ParseSegment(const std::string& text) {
  const auto close = text.find('}');
  if (text.size() > 2 && text.front() == '{' && close != std::string::npos) {
    return {true, text.substr(1, close - 1), text.substr(close + 1)};
  }
  return {false, text, ""};
}

// How specific a match is: literal segments beat suffixed parameters, which
// beat bare parameters, so "/workshops/{id}.ics" wins over "/workshops/{id}".
int Match(const std::vector<std::string>& route,
          const std::vector<std::string>& path,
          std::map<std::string, std::string, std::less<>>& params) {
  if (route.size() != path.size()) return -1;
  int score = 0;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const Segment seg = ParseSegment(route[i]);
    if (!seg.param) {
      if (seg.name != path[i]) return -1;
      score += 2;
      continue;
    }
    if (path[i].size() <= seg.suffix.size() || !path[i].ends_with(seg.suffix))
      return -1;
    params[seg.name] = path[i].substr(0, path[i].size() - seg.suffix.size());
    if (!seg.suffix.empty()) score += 1;
  }
  return score;
}

}  // namespace

std::int64_t Context::Id(std::string_view name) const {
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
    throw StatusError(domain::Status::NotFound(
        "no record has that id (ids are positive integers)"));
  return id;
}

void Router::Add(std::string method, std::string path_template,
                 Handler handler) {
  auto segments = SplitTemplate(path_template);
  routes_.push_back({std::move(method), std::move(path_template),
                     std::move(segments), std::move(handler)});
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back({r.method, r.path});
  return out;
}

Response Router::Dispatch(const Request& request, storage::Database& db) const {
  const auto started = std::chrono::steady_clock::now();
  std::string matched = "-";
  Response response;
  try {
    response = DispatchUnlogged(request, db, matched);
  } catch (const StatusError& e) {
    response = Problem(e.status(), e.extensions());
  } catch (const std::exception& e) {
    spdlog::error("{} {} failed: {}", request.method, matched, e.what());
    response = Problem(
        500, "The server could not complete the request; it has been logged.");
  } catch (...) {
    spdlog::error("{} {} failed with an unknown exception", request.method,
                  matched);
    response = Problem(
        500, "The server could not complete the request; it has been logged.");
  }
  const double ms = std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - started)
                        .count();
  // The path template, never the path: ids and query strings stay out of logs.
  spdlog::info("{} {} {} {:.2f}ms", request.method, matched, response.status,
               ms);
  return response;
}

Response Router::DispatchUnlogged(const Request& request, storage::Database& db,
                                  std::string& matched) const {
  auto url = boost::urls::parse_origin_form(request.target);
  if (!url) return Problem(400, "The request target is not a valid URL path.");

  std::vector<std::string> segments;
  for (auto s : url->segments()) segments.push_back(s);
  if (segments.empty()) segments.emplace_back();
  std::vector<std::pair<std::string, std::string>> query_params;
  for (auto p : url->params()) query_params.emplace_back(p.key, p.value);

  std::set<std::string> allowed;
  const Route* best = nullptr;
  int best_score = -1;
  std::map<std::string, std::string, std::less<>> best_params;
  for (const auto& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    const int score = Match(route.segments, segments, params);
    if (score < 0) continue;
    if (route.method != request.method &&
        !(request.method == "HEAD" && route.method == "GET")) {
      allowed.insert(route.method);
      continue;
    }
    if (score > best_score) {
      best = &route;
      best_score = score;
      best_params = std::move(params);
    }
  }
  if (best) {
    matched = best->path;
    Query query(std::move(query_params));
    Context ctx{request, best_params, query, db};
    std::optional<domain::Principal> user;
    if (authenticator_ && !domain::IsPublicRoute(best->path)) {
      auto signed_in =
          authenticator_(request, best->path, query.Text("access_token"), db);
      if (!signed_in.ok()) return Problem(signed_in.status());
      user = std::move(*signed_in);
      if (!domain::RoleAllows(user->role, request.method, best->path)) {
        return Problem(domain::Status::PermissionDenied(
            "a " + user->role + " user may not do this"));
      }
      ctx.user = &*user;
    }
    Response response = best->handler(ctx);
    if (request.method == "HEAD") response.body.clear();
    return response;
  }
  if (!allowed.empty()) {
    std::string allow;
    for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
    Response r = Problem(405, "This path does not accept " + request.method +
                                  "; it accepts " + allow + ".");
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  return Problem(404, "No such route.");
}

}  // namespace capdev::app
