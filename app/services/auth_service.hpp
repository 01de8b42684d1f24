#pragma once
// Sign-in: bearer tokens with idle and absolute expiry, failed logins rate
// limited per username and per client address.

#include <chrono>
#include <functional>
#include <optional>

#include "app/services/rate_limiter.hpp"
#include "domain/access.hpp"
#include "storage/accounts.hpp"
#include "storage/database.hpp"

namespace capdev::services {

struct AuthOptions {
  storage::TokenLifetime lifetime;
  std::size_t max_failures_per_username = 5;
  std::size_t max_failures_per_address = 20;
  std::chrono::seconds failure_window{15 * 60};
};

// What a request presents to prove who sent it (api/session_cookie.cpp reads
// it from the headers).
struct Credentials {
  std::optional<std::string> bearer;   // Authorization: Bearer TOKEN
  std::optional<std::string> session;  // the web session's cookie
  std::string csrf_token;              // X-CSRF-Token, for the session
  bool changes_state = false;          // not GET or HEAD
  // The calendar feeds' access_token parameter (calendar clients can only be
  // given a URL).
  std::optional<std::string> feed_token;
};

struct LoginResult {
  std::int64_t token_id = 0;
  std::string token;
  std::int64_t expires_at = 0;  // unix seconds
  domain::Principal user;
};

class AuthService {
 public:
  explicit AuthService(AuthOptions options);

  // The user behind the bearer token or web session, if live; else behind
  // the feed token. A state-changing request signed in by the session must
  // carry the session's CSRF token (403 otherwise).
  domain::StatusOr<domain::Principal> Authenticate(const Credentials& presented,
                                                   storage::Database& db);
  // A long-lived token for the calendar feeds only; FailedPrecondition
  // (409) when the user already holds storage::kMaxFeedTokens live ones.
  domain::StatusOr<LoginResult> IssueCalendarToken(
      storage::Database& db, const domain::Principal& user);
  // The user's live feed tokens (never the tokens themselves).
  domain::StatusOr<std::vector<storage::FeedToken>> CalendarTokens(
      storage::Database& db, const domain::Principal& user);
  // Revokes one of the user's own feed tokens (NotFound for any other id).
  domain::Status RevokeCalendarToken(storage::Database& db,
                                     const domain::Principal& user,
                                     std::int64_t id);
  // 401 for a wrong username or password (the same answer for both), 429
  // (detail with the wait) while either key is over its failure limit.
  domain::StatusOr<LoginResult> Login(storage::Database& db,
                                      const std::string& username,
                                      const std::string& password,
                                      const std::string& address);
  domain::Status Logout(const Credentials& presented, storage::Database& db);
  // Seconds until this username and address may try again (0: now).
  std::int64_t RetryAfter(const std::string& username,
                          const std::string& address);

  // Where a token use is recorded: the server hands it to the writer, so a
  // read (inside its snapshot) never writes. Without one (tests, the command
  // line) it is written on the request's own connection.
  using TouchSink =
      std::function<void(std::string token_hash, std::int64_t now)>;
  void DeferTokenTouches(TouchSink sink) { touch_ = std::move(sink); }

  const AuthOptions& options() const { return options_; }
  static std::int64_t Now();

 private:
  // nullopt for a token that opens nothing.
  domain::StatusOr<std::optional<domain::Principal>> Use(
      storage::Database& db, const std::string& token,
      const storage::TokenLifetime& lifetime, const std::string& scope = "api");

  AuthOptions options_;
  TouchSink touch_;
  RateLimiter by_username_;
  RateLimiter by_address_;
  std::string dummy_hash_;  // verified against for unknown users: same cost, no
                            // user enumeration
};

}  // namespace capdev::services
