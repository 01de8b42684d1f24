#pragma once
// Managing who may sign in: the admin screens and `capdev user` both come
// here. Passwords arrive hashed: hashing is slow and must not hold the write
// lock.

#include <optional>
#include <string>

#include "domain/access.hpp"
#include "domain/validation.hpp"
#include "storage/accounts.hpp"

namespace capdev::services {

inline constexpr std::size_t kMinPassword = 10;

// The fields a create or update sets; absent ones stay as they are.
struct UserChange {
  std::optional<std::string> username;  // create only
  std::optional<domain::Role> role;
  std::optional<std::optional<std::int64_t>> organization_id;
  std::optional<bool> disabled;
  std::optional<std::string> password_hash;
  domain::Errors errors;  // fields that could not be read
};

// `by` is null for the command line.
domain::StatusOr<storage::Account> CreateUser(storage::WriteTx& tx,
                                              const domain::Principal* by,
                                              const UserChange& change);
// Disabling a user or changing its password signs it out everywhere; the
// last enabled admin cannot be disabled or lose the role (409).
domain::StatusOr<storage::Account> UpdateUser(storage::WriteTx& tx,
                                              const domain::Principal* by,
                                              std::int64_t id,
                                              const UserChange& change);

}  // namespace capdev::services
