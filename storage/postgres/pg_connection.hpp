#pragma once
// The PostgreSQL engine, on libpq: a connection from a postgresql:// URI
// (libpq's form; the password from PGPASSWORD or ~/.pgpass, never logged).
// The only place, with its folder, that includes libpq-fe.h.

#include <memory>
#include <string>

#include "storage/connection.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

// Throws EngineError (Failure::kConnection) when the server cannot be
// reached or refuses the login.
std::unique_ptr<Connection> ConnectPostgres(const DatabaseOptions& options);

// capdev's SQL with `?` (or SQLite's `?NNN`, or `:name`) parameters in
// PostgreSQL's `$1`, `$2`, ... form, and SQLite's `CROSS JOIN ... ON` as
// `JOIN ... ON`; quoted text and comments are left alone.
std::string PostgresParameters(const std::string& sql);

}  // namespace capdev::storage
