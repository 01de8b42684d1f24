#pragma once
// Users and their bearer tokens. Only a token's hash is ever stored.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

struct Account {
  std::int64_t id = 0;
  std::string username;
  std::string password_hash;  // Argon2id, libsodium's crypto_pwhash_str format
  domain::Role role = domain::Role::kViewer;
  std::optional<std::int64_t> organization_id;
  bool disabled = false;
  std::string created_at;
  std::optional<domain::Language> language;  // null: the browser's
};

// The user's own language; nullopt: follow the browser.
domain::Status SetAccountLanguage(WriteTx& tx, std::int64_t user_id,
                                  std::optional<domain::Language> language);

domain::StatusOr<std::int64_t> AddAccount(WriteTx& tx, const Account& account);
domain::StatusOr<std::optional<Account>> AccountByName(
    Database& db, const std::string& username);
domain::StatusOr<std::optional<Account>> AccountById(Database& db,
                                                     std::int64_t id);
domain::StatusOr<std::vector<Account>> ListAccounts(Database& db);
// Writes role, organization, disabled flag and password hash; signs the user
// out everywhere when it is disabled or its password changes.
domain::Status UpdateAccount(WriteTx& tx, const Account& account);
struct TokenLifetime {
  std::int64_t idle_seconds = 30LL * 60;
  std::int64_t absolute_seconds = 12LL * 60 * 60;
};

// Feed tokens live long: a subscribed calendar cannot sign in again.
inline constexpr TokenLifetime kCalendarTokenLifetime{400LL * 24 * 3600,
                                                      365LL * 24 * 3600};

domain::Status AddToken(Database& db, const std::string& token_hash,
                        std::int64_t user_id, std::int64_t now,
                        const TokenLifetime& lifetime,
                        const std::string& scope = "api");
// The principal behind a live token (not revoked, not expired, user enabled).
// Idle expiry needs the last use, but a write per request would cost an fsync
// each: `touch_due` says when it is worth recording (a tenth of the idle time
// after the last record, at most a minute).
struct LiveToken {
  domain::Principal principal;
  bool touch_due = false;
};
domain::StatusOr<std::optional<LiveToken>> FindToken(
    Database& db, const std::string& token_hash, std::int64_t now,
    const TokenLifetime& lifetime, const std::string& scope = "api");
// Records a use of the token at `now`.
domain::Status TouchToken(Database& db, const std::string& token_hash,
                          std::int64_t now);
domain::Status RevokeToken(Database& db, const std::string& token_hash);

// A live calendar feed token, as its owner may see it (never the token).
struct FeedToken {
  std::int64_t id = 0;
  std::int64_t created_at = 0;    // unix seconds
  std::int64_t last_used_at = 0;  // unix seconds
};
inline constexpr std::size_t kMaxFeedTokens = 20;
// The user's live feed tokens, oldest first.
domain::StatusOr<std::vector<FeedToken>> ListFeedTokens(Database& db,
                                                        std::int64_t user_id,
                                                        std::int64_t now);
// Adds a feed token unless the user already holds kMaxFeedTokens live ones
// (FailedPrecondition); returns its id.
domain::StatusOr<std::int64_t> AddFeedToken(WriteTx& tx,
                                            const std::string& token_hash,
                                            std::int64_t user_id,
                                            std::int64_t now);
// Revokes one of the user's own live feed tokens; NotFound for any other id.
domain::Status RevokeFeedToken(WriteTx& tx, std::int64_t user_id,
                               std::int64_t id, std::int64_t now);

}  // namespace capdev::storage
