#include "app/services/auth_service.hpp"

#include <algorithm>
#include <cctype>

#include "app/services/credentials.hpp"

namespace capdev::app {

namespace {
// Usernames are case-insensitive: so are their failure counts.
std::string UsernameKey(std::string username) {
  std::transform(username.begin(), username.end(), username.begin(), ::tolower);
  return username;
}
}  // namespace

std::int64_t AuthService::RetryAfter(const std::string& username,
                                     const std::string& address) {
  return std::max(by_username_.RetryAfter(UsernameKey(username)),
                  by_address_.RetryAfter(address));
}

AuthService::AuthService(AuthOptions options)
    : options_(options),
      by_username_(options.max_failures_per_username, options.failure_window),
      by_address_(options.max_failures_per_address, options.failure_window),
      dummy_hash_(HashPassword(RandomPassword())) {}

std::int64_t AuthService::Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<std::string> AuthService::BearerToken(const Request& request) {
  const std::string& h = request.authorization;
  constexpr std::string_view kScheme = "bearer ";
  if (h.size() <= kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(h[i])) != kScheme[i])
      return std::nullopt;
  }
  std::string token = h.substr(kScheme.size());
  token.erase(0, token.find_first_not_of(' '));
  if (token.empty() || token.size() > 256) return std::nullopt;
  return token;
}

namespace {
constexpr std::string_view kCookieName = "capdev_session";

bool ChangesState(std::string_view method) {
  return method != "GET" && method != "HEAD";
}
}  // namespace

std::optional<std::string> AuthService::SessionCookie(const Request& request) {
  // Cookie: a=1; capdev_session=TOKEN; b=2
  std::string_view rest = request.cookie;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? "" : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.starts_with(kCookieName) && pair.size() > kCookieName.size() &&
        pair[kCookieName.size()] == '=') {
      std::string token(pair.substr(kCookieName.size() + 1));
      if (token.empty() || token.size() > 256) return std::nullopt;
      return token;
    }
  }
  return std::nullopt;
}

std::string AuthService::SessionCookieHeader(const std::string& token) const {
  return std::string(kCookieName) + "=" + token +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(options_.lifetime.absolute_seconds);
}

std::string AuthService::ClearedCookieHeader() {
  return std::string(kCookieName) +
         "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
}

std::optional<domain::Principal> AuthService::Use(
    storage::Database& db, const std::string& token,
    const storage::TokenLifetime& lifetime, const std::string& scope) {
  const auto hash = TokenHash(token);
  const auto now = Now();
  auto live = storage::FindToken(db, hash, now, lifetime, scope);
  if (!live) return std::nullopt;
  if (live->touch_due) {
    if (touch_) {
      touch_(hash, now);
    } else {
      storage::TouchToken(db, hash, now);
    }
  }
  return std::move(live->principal);
}

domain::StatusOr<domain::Principal> AuthService::Authenticate(
    const Request& request, const std::optional<std::string>& feed_token,
    storage::Database& db) {
  const auto expired = [] {
    return domain::Status::Unauthenticated(
        "the session has expired or was signed out; sign in again");
  };
  if (auto token = BearerToken(request)) {
    auto user = Use(db, *token, options_.lifetime);
    if (!user) return expired();
    return *user;
  }
  if (auto token = SessionCookie(request)) {
    auto user = Use(db, *token, options_.lifetime);
    if (!user) return expired();
    user->csrf_token = CsrfToken(*token);
    if (ChangesState(request.method) &&
        !SameSecret(request.csrf_token, user->csrf_token)) {
      return domain::Status::PermissionDenied(
          "a change made with the web session must carry its X-CSRF-Token "
          "header (GET /api/v1/me gives it)");
    }
    return *user;
  }
  if (feed_token) {
    auto user =
        Use(db, *feed_token, storage::kCalendarTokenLifetime, "calendar");
    if (!user) return expired();
    return *user;
  }
  return domain::Status::Unauthenticated(
      "sign in first: POST /api/v1/auth/login, then send Authorization: "
      "Bearer TOKEN (or the session cookie it sets)");
}

domain::StatusOr<LoginResult> AuthService::IssueCalendarToken(
    storage::Database& db, const domain::Principal& user) {
  LoginResult result{0, NewToken(), 0, user};
  const auto now = Now();
  ASSIGN_OR_RETURN(result.token_id,
                   storage::InWriteTx(db, [&](storage::WriteTx& tx) {
                     return storage::AddFeedToken(tx, TokenHash(result.token),
                                                  user.user_id, now);
                   }));
  result.expires_at = now + storage::kCalendarTokenLifetime.absolute_seconds;
  result.user.scope = "calendar";
  return result;
}

std::vector<storage::FeedToken> AuthService::CalendarTokens(
    storage::Database& db, const domain::Principal& user) {
  return storage::ListFeedTokens(db, user.user_id, Now());
}

domain::Status AuthService::RevokeCalendarToken(storage::Database& db,
                                                const domain::Principal& user,
                                                std::int64_t id) {
  return storage::InWriteTx(db, [&](storage::WriteTx& tx) {
    return storage::RevokeFeedToken(tx, user.user_id, id, Now());
  });
}

domain::StatusOr<LoginResult> AuthService::Login(storage::Database& db,
                                                 const std::string& username,
                                                 const std::string& password,
                                                 const std::string& address) {
  const std::string user_key = UsernameKey(username);
  const auto wait = RetryAfter(username, address);
  if (wait > 0) {
    return domain::Status::ResourceExhausted(
        "too many failed logins; try again in " + std::to_string(wait) +
        " seconds");
  }
  auto account = storage::AccountByName(db, username);
  const bool valid =
      VerifyPassword(account ? account->password_hash : dummy_hash_,
                     password) &&
      account && !account->disabled;
  if (!valid) {
    by_username_.Fail(user_key);
    by_address_.Fail(address);
    return domain::Status::Unauthenticated("invalid username or password");
  }
  by_username_.Succeed(user_key);
  LoginResult result;
  result.token = NewToken();
  const auto now = Now();
  storage::AddToken(db, TokenHash(result.token), account->id, now,
                    options_.lifetime);
  result.expires_at = now + options_.lifetime.absolute_seconds;
  result.user = {account->id, account->username, account->role,
                 account->organization_id};
  return result;
}

void AuthService::Logout(const Request& request, storage::Database& db) {
  auto token = BearerToken(request);
  if (!token) token = SessionCookie(request);
  if (token) storage::RevokeToken(db, TokenHash(*token));
}

}  // namespace capdev::app
