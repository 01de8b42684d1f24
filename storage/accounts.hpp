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
};

domain::StatusOr<std::int64_t> AddAccount(WriteTx& tx, const Account& account);
std::optional<Account> AccountByName(Database& db, const std::string& username);
std::optional<Account> AccountById(Database& db, std::int64_t id);
std::vector<Account> ListAccounts(Database& db);
// Writes role, organization, disabled flag and password hash; signs the user
// out everywhere when it is disabled or its password changes.
domain::Status UpdateAccount(WriteTx& tx, const Account& account);
struct TokenLifetime {
  std::int64_t idle_seconds = 30 * 60;
  std::int64_t absolute_seconds = 12 * 60 * 60;
};

// Feed tokens live long: a subscribed calendar cannot sign in again.
inline constexpr TokenLifetime kCalendarTokenLifetime{400LL * 24 * 3600,
                                                      365LL * 24 * 3600};

void AddToken(Database& db, const std::string& token_hash, std::int64_t user_id,
              std::int64_t now, const TokenLifetime& lifetime,
              const std::string& scope = "api");
// The principal behind a live token (not revoked, not expired, user enabled),
// marking it used (at most every `touch_every` seconds, to spare writes).
std::optional<domain::Principal> UseToken(Database& db,
                                          const std::string& token_hash,
                                          std::int64_t now,
                                          const TokenLifetime& lifetime,
                                          const std::string& scope = "api");
void RevokeToken(Database& db, const std::string& token_hash);

}  // namespace capdev::storage
