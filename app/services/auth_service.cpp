#include "app/services/auth_service.hpp"

#include <algorithm>
#include <cctype>

#include "app/services/credentials.hpp"

namespace capdev::services {

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

domain::StatusOr<std::optional<domain::Principal>> AuthService::Use(
    storage::Database& db, const std::string& token,
    const storage::TokenLifetime& lifetime, const std::string& scope) {
  const auto hash = TokenHash(token);
  const auto now = Now();
  ASSIGN_OR_RETURN(auto live,
                   storage::FindToken(db, hash, now, lifetime, scope));
  if (!live) return std::optional<domain::Principal>();
  if (live->touch_due) {
    if (touch_) {
      touch_(hash, now);
    } else {
      RETURN_IF_ERROR(storage::TouchToken(db, hash, now));
    }
  }
  return std::optional(std::move(live->principal));
}

domain::StatusOr<domain::Principal> AuthService::Authenticate(
    const Credentials& presented, storage::Database& db) {
  const auto expired = [] {
    return domain::Status::Unauthenticated(
        "the session has expired or was signed out; sign in again");
  };
  if (const auto& token = presented.bearer) {
    ASSIGN_OR_RETURN(auto user, Use(db, *token, options_.lifetime));
    if (!user) return expired();
    return *user;
  }
  if (const auto& token = presented.session) {
    ASSIGN_OR_RETURN(auto user, Use(db, *token, options_.lifetime));
    if (!user) return expired();
    user->csrf_token = CsrfToken(*token);
    if (presented.changes_state &&
        !SameSecret(presented.csrf_token, user->csrf_token)) {
      return domain::Status::PermissionDenied(
          "a change made with the web session must carry its X-CSRF-Token "
          "header (GET /api/v1/me gives it)");
    }
    return *user;
  }
  if (const auto& feed_token = presented.feed_token) {
    ASSIGN_OR_RETURN(
        auto user,
        Use(db, *feed_token, storage::kCalendarTokenLifetime, "calendar"));
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

domain::StatusOr<std::vector<storage::FeedToken>> AuthService::CalendarTokens(
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
  ASSIGN_OR_RETURN(const auto account, storage::AccountByName(db, username));
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
  RETURN_IF_ERROR(storage::AddToken(db, TokenHash(result.token), account->id,
                                    now, options_.lifetime));
  result.expires_at = now + options_.lifetime.absolute_seconds;
  result.user = {account->id, account->username, account->role,
                 account->organization_id};
  return result;
}

domain::Status AuthService::Logout(const Credentials& presented,
                                   storage::Database& db) {
  const auto& token = presented.bearer ? presented.bearer : presented.session;
  if (!token) return domain::Status::Ok();
  return storage::RevokeToken(db, TokenHash(*token));
}

}  // namespace capdev::services
