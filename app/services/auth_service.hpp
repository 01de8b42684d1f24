#pragma once
// Sign-in: bearer tokens with idle and absolute expiry; failed logins
// slowed down and then refused per username and client address, with
// ceilings per address and per username that spare the addresses an account
// signed in from before (its owner's). The counts are kept in the database.

#include <chrono>
#include <functional>
#include <optional>

#include "domain/access.hpp"
#include "storage/accounts.hpp"
#include "storage/database.hpp"

namespace capdev::services {

// The sign-in limits. Failures are counted within `failure_window`; a
// "good" address for a username is one it signed in from within
// `good_address_for`.
struct AuthOptions {
  storage::TokenLifetime lifetime;
  std::chrono::seconds failure_window{15 * 60};
  // One username from one address (--login-failures): from the
  // `slow_after`th failure on, each attempt waits `first_delay`, doubled per
  // further failure up to `max_delay`, after the last one; at
  // `max_failures_per_pair` the pair is refused until the oldest of them
  // leaves the window. Other addresses are not affected.
  std::size_t slow_after = 3;
  std::chrono::seconds first_delay{1};
  std::chrono::seconds max_delay{60};
  std::size_t max_failures_per_pair = 5;
  // Every username from one address: past this many failures in a window
  // the address is refused, but not for a username it is good for.
  std::size_t max_failures_per_address = 100;
  // One username from every address (a distributed guess): past this many
  // failures in a window the username is refused from the addresses that
  // are not good for it.
  std::size_t max_failures_per_account = 50;
  std::chrono::seconds good_address_for{30LL * 24 * 3600};
  // Unix seconds now; the system clock when empty (tests move time).
  std::function<std::int64_t()> clock;
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
  // (detail with the wait) while the username may not try from the address,
  // decided before the password is checked. Each failure and success is
  // recorded in a transaction of its own, kept whatever the answer (on the
  // server's writer: a savepoint its batch commits).
  domain::StatusOr<LoginResult> Login(storage::Database& db,
                                      const std::string& username,
                                      const std::string& password,
                                      const std::string& address);
  domain::Status Logout(const Credentials& presented, storage::Database& db);
  // Seconds until this username may try again from this address (0: now).
  domain::StatusOr<std::int64_t> RetryAfter(storage::Database& db,
                                            const std::string& username,
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

  std::int64_t LoginNow() const;

  AuthOptions options_;
  TouchSink touch_;
  std::string dummy_hash_;  // verified against for unknown users: same cost, no
                            // user enumeration
};

}  // namespace capdev::services
