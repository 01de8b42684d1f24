#pragma once
// The SQLite engine: a connection and statements on SQLite's C API (a value
// read is a call, no object per column: reports read hundreds of thousands
// of rows). The only place, with its folder, that includes sqlite3.h.

#include <sqlite3.h>

#include <memory>

#include "storage/connection.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

// Opens (creates) the file with capdev's settings: WAL, foreign keys,
// synchronous FULL, capdev's SQL functions. Throws EngineError.
std::unique_ptr<Connection> ConnectSqlite(const DatabaseOptions& options);

// The SQLite handle of a SQLite connection (maintenance, the WAL's
// checkpoints, tests); nullptr on another engine.
sqlite3* SqliteHandle(Database& db);

// The EngineError for result code `rc` on `db`.
[[noreturn]] void ThrowSqliteError(sqlite3* db, int rc);

}  // namespace capdev::storage
