#include "app/services/auth_service.hpp"

#include <algorithm>
#include <cctype>

#include "app/services/credentials.hpp"
#include "storage/login_attempts.hpp"
#include "storage/transaction.hpp"

namespace capdev::services {

namespace {

// Usernames are case-insensitive: so are their failure counts.
std::string UsernameKey(std::string username) {
  std::transform(username.begin(), username.end(), username.begin(), ::tolower);
  return username;
}

// Seconds from `now` until `at` (0 once it has passed).
std::int64_t Until(std::int64_t at, std::int64_t now) {
  return std::max<std::int64_t>(at - now, 0);
}

// The oldest failure still counted at `now` (one `window` old is not).
std::int64_t WindowStart(const AuthOptions& o, std::int64_t now) {
  return now - o.failure_window.count() + 1;
}

// Seconds until `key` may try at `now` (0: now). The answer depends only on
// the name as typed, never on whether it is an account's (unknown names
// have failures and no good address, like an account never signed in).
domain::StatusOr<std::int64_t> LoginWait(storage::Database& db,
                                         const AuthOptions& o,
                                         const storage::LoginKey& key,
                                         std::int64_t now) {
  using storage::LoginScope;
  const std::int64_t window = o.failure_window.count();
  const std::int64_t since = WindowStart(o, now);
  std::int64_t wait = 0;

  // This username from this address: slowed down, then refused until fewer
  // than the limit are left in the window (it counts whatever the address's
  // record: the owner's office shares its address with whoever sits there).
  ASSIGN_OR_RETURN(const auto pair, storage::RecentLoginFailures(
                                        db, key, LoginScope::kPair, since,
                                        o.max_failures_per_pair));
  if (!pair.empty() && pair.size() >= o.slow_after) {
    std::int64_t delay = o.first_delay.count();
    for (std::size_t i = o.slow_after; i < pair.size(); ++i) {
      if (delay >= o.max_delay.count()) break;
      delay *= 2;
    }
    // Times are whole seconds: a failure stamped t came before t + 1, and
    // the wait counts from there, so it is never shorter than the delay.
    wait = Until(pair.front() + 1 + std::min(delay, o.max_delay.count()), now);
  }
  if (!pair.empty() && pair.size() >= o.max_failures_per_pair) {
    wait = std::max(wait, Until(pair.back() + window, now));
  }

  // An address the username signed in from lately is its owner's: the
  // ceilings below, which others' failures fill, never shut it out.
  ASSIGN_OR_RETURN(const auto last_login, storage::LastLoginFrom(db, key));
  if (last_login && *last_login > now - o.good_address_for.count()) return wait;

  // Ceilings over a sliding window: every username from this address, and
  // this username from every address. Refused until the oldest of the
  // `limit` newest failures ages out.
  for (const auto& [scope, limit] :
       {std::pair{LoginScope::kAddress, o.max_failures_per_address},
        std::pair{LoginScope::kUsername, o.max_failures_per_account}}) {
    ASSIGN_OR_RETURN(const auto times, storage::RecentLoginFailures(
                                           db, key, scope, since, limit));
    if (!times.empty() && times.size() >= limit) {
      wait = std::max(wait, Until(times.back() + window, now));
    }
  }
  return wait;
}

}  // namespace

domain::StatusOr<std::int64_t> AuthService::RetryAfter(
    storage::Database& db, const std::string& username,
    const std::string& address) {
  return LoginWait(db, options_, {UsernameKey(username), address}, LoginNow());
}

AuthService::AuthService(AuthOptions options)
    : options_(std::move(options)),
      dummy_hash_(HashPassword(RandomPassword())) {}

std::int64_t AuthService::LoginNow() const {
  return options_.clock ? options_.clock() : Now();
}

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
    return domain::Status::Unauthenticated("error.session_expired");
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
      return domain::Status::PermissionDenied("error.csrf_token_missing");
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
  return domain::Status::Unauthenticated("error.sign_in_first");
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
  const storage::LoginKey key{UsernameKey(username), address};
  const auto now = LoginNow();
  ASSIGN_OR_RETURN(const auto wait, LoginWait(db, options_, key, now));
  if (wait > 0) {
    return domain::Status::ResourceExhausted(
        domain::Message("error.too_many_failed_logins", {{"seconds", wait}}));
  }
  ASSIGN_OR_RETURN(const auto account, storage::AccountByName(db, username));
  const bool valid =
      VerifyPassword(account ? account->password_hash : dummy_hash_,
                     password) &&
      account && !account->disabled;
  // Recorded in a transaction of their own: the 401 does not undo them. A
  // failure is stamped when it is answered (a slow hash does not eat into
  // the wait that follows it).
  if (!valid) {
    const auto failed_at = LoginNow();
    RETURN_IF_ERROR(storage::InWriteTx(db, [&](storage::WriteTx& tx) {
      return storage::RecordLoginFailure(tx, key, failed_at,
                                         WindowStart(options_, failed_at));
    }));
    return domain::Status::Unauthenticated("error.bad_credentials");
  }
  RETURN_IF_ERROR(storage::InWriteTx(db, [&](storage::WriteTx& tx) {
    return storage::RecordLoginSuccess(
        tx, key, now, now - options_.good_address_for.count() + 1);
  }));
  LoginResult result;
  result.token = NewToken();
  RETURN_IF_ERROR(storage::AddToken(db, TokenHash(result.token), account->id,
                                    now, options_.lifetime));
  result.expires_at = now + options_.lifetime.absolute_seconds;
  result.user = {account->id, account->username, account->role,
                 account->organization_id};
  result.user.language = account->language;
  return result;
}

domain::Status AuthService::Logout(const Credentials& presented,
                                   storage::Database& db) {
  const auto& token = presented.bearer ? presented.bearer : presented.session;
  if (!token) return domain::Status::Ok();
  return storage::RevokeToken(db, TokenHash(*token));
}

}  // namespace capdev::services
