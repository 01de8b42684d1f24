#pragma once
// What the sign-in limits remember (schema_logins.hpp): failed logins per
// username and address, and the addresses each username signed in from.
// Kept in the database, so a restart forgets nothing. Every function answers
// a Status: a SQLite failure is Unavailable (503), never an exception.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

// Who tried: the username as typed, folded to lower case (any name, an
// account's or not), and the client's address.
struct LoginKey {
  std::string username;
  std::string address;
};

// What failures are counted together.
enum class LoginScope {
  kPair,      // this username from this address
  kAddress,   // every username from this address
  kUsername,  // this username from every address
};

// The times (unix seconds) of the newest failures in `scope` of `key` at or
// after `since`, newest first, at most `limit` of them.
domain::StatusOr<std::vector<std::int64_t>> RecentLoginFailures(
    Database& db, const LoginKey& key, LoginScope scope, std::int64_t since,
    std::size_t limit);

// When the username last signed in from the address (nullopt: never, or so
// long ago that it was forgotten).
domain::StatusOr<std::optional<std::int64_t>> LastLoginFrom(
    Database& db, const LoginKey& key);

// Records a failed login at `at`, and forgets every failure before
// `forget_before` (the counting window's start).
domain::Status RecordLoginFailure(WriteTx& tx, const LoginKey& key,
                                  std::int64_t at, std::int64_t forget_before);

// Records a successful login at `at`: the pair's failures are forgotten, the
// address is the username's (again), and the addresses of every username
// last signed in from before `forget_good_before` are forgotten.
domain::Status RecordLoginSuccess(WriteTx& tx, const LoginKey& key,
                                  std::int64_t at,
                                  std::int64_t forget_good_before);

}  // namespace capdev::storage
