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

// Cookie: a=1; capdev_session=TOKEN; b=2
std::optional<std::string> SessionCookie(std::string_view rest) {
  while (!rest.empty()) {
    const auto end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.starts_with(kCookieName) && pair.size() > kCookieName.size() &&
        pair[kCookieName.size()] == '=') {
      std::string token(pair.substr(kCookieName.size() + 1));
      if (token.empty() || token.size() > kMaxToken) return std::nullopt;
      return token;
    }
  }
  return std::nullopt;
}

}  // namespace

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
