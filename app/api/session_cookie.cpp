#include "app/api/session_cookie.hpp"

#include <cctype>
#include <string_view>

namespace capdev::api {

namespace {

constexpr std::string_view kCookieName = "capdev_session";
constexpr std::size_t kMaxToken = 256;

std::optional<std::string> BearerToken(const std::string& authorization) {
  constexpr std::string_view kScheme = "bearer ";
  if (authorization.size() <= kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
        kScheme[i])
      return std::nullopt;
  }
  std::string token = authorization.substr(kScheme.size());
  token.erase(0, token.find_first_not_of(' '));
  if (token.empty() || token.size() > kMaxToken) return std::nullopt;
  return token;
}

std::optional<std::string> SessionCookie(std::string_view header) {
  for (auto& [name, value] : Cookies(header)) {
    if (name != kCookieName) continue;
    if (value.empty() || value.size() > kMaxToken) return std::nullopt;
    return std::move(value);
  }
  return std::nullopt;
}

}  // namespace

// Cookie: a=1; capdev_session=TOKEN; b=2
std::vector<std::pair<std::string, std::string>> Cookies(
    std::string_view header) {
  std::vector<std::pair<std::string, std::string>> out;
  while (!header.empty()) {
    const auto end = header.find(';');
    std::string_view pair = header.substr(0, end);
    header = end == std::string_view::npos ? "" : header.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    out.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
  }
  return out;
}

services::Credentials CredentialsOf(const http::Request& request,
                                    std::optional<std::string> feed_token) {
  return {.bearer = BearerToken(request.authorization),
          .session = SessionCookie(request.cookie),
          .csrf_token = request.csrf_token,
          .changes_state = request.method != "GET" && request.method != "HEAD",
          .feed_token = std::move(feed_token)};
}

std::string SessionCookieHeader(const std::string& token,
                                std::int64_t max_age_seconds, bool secure) {
  return std::string(kCookieName) + "=" + token +
         "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "") +
         "; Max-Age=" + std::to_string(max_age_seconds);
}

std::string ClearedCookieHeader(bool secure) {
  return std::string(kCookieName) + "=; Path=/; HttpOnly; SameSite=Strict" +
         (secure ? "; Secure" : "") + "; Max-Age=0";
}

}  // namespace capdev::api
