#include "app/auth/auth_service.hpp"

#include <algorithm>
#include <cctype>

#include "app/auth/credentials.hpp"

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

std::optional<domain::Principal> AuthService::Authenticate(
    const Request& request, std::string_view route,
    const std::optional<std::string>& access_token, storage::Database& db) {
  if (auto token = BearerToken(request)) {
    return storage::UseToken(db, TokenHash(*token), Now(), options_.lifetime);
  }
  if (access_token && domain::IsCalendarFeed(route)) {
    return storage::UseToken(db, TokenHash(*access_token), Now(),
                             storage::kCalendarTokenLifetime, "calendar");
  }
  return std::nullopt;
}

LoginResult AuthService::IssueCalendarToken(storage::Database& db,
                                            const domain::Principal& user) {
  LoginResult result{NewToken(), 0, user};
  const auto now = Now();
  storage::AddToken(db, TokenHash(result.token), user.user_id, now,
                    storage::kCalendarTokenLifetime, "calendar");
  result.expires_at = now + storage::kCalendarTokenLifetime.absolute_seconds;
  result.user.scope = "calendar";
  return result;
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
  if (auto token = BearerToken(request))
    storage::RevokeToken(db, TokenHash(*token));
}

}  // namespace capdev::app
