#pragma once
// Migration 13: what the sign-in limits remember, so that a restart forgets
// nothing. Usernames are stored as typed, folded to lower case: a name that
// is no account's is counted like one that is (answers and timings must not
// tell them apart).

namespace capdev::storage {

// login_failures: one row per failed login (unix seconds), pruned of rows
// older than the counting window as new ones are written. Counted per
// (username, address), per address and per username.
// login_good_addresses: the last successful login of a username from an
// address; within its time (30 days) that address is the account owner's,
// and failures elsewhere do not lock it out.
inline constexpr const char* kSchemaLogins = R"sql(
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_pair ON login_failures(username, address, at);
CREATE INDEX login_failures_address ON login_failures(address, at);
CREATE INDEX login_failures_username ON login_failures(username, at);
CREATE INDEX login_failures_at ON login_failures(at);

CREATE TABLE login_good_addresses (
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  last_success_at INTEGER NOT NULL,
  PRIMARY KEY (username, address)
) WITHOUT ROWID;
CREATE INDEX login_good_addresses_at ON login_good_addresses(last_success_at);
)sql";

}  // namespace capdev::storage
