#pragma once
// Numbered schema migrations. Each runs in its own transaction and is
// recorded in schema_migrations; a database newer than this binary is refused.

#include <string_view>
#include <vector>

#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Each engine's list (SQLite's by default).
const std::vector<Migration>& AllMigrations(Engine engine = Engine::kSqlite);
int LatestSchemaVersion();

// The version recorded in the database (0 for a new file).
domain::StatusOr<int> SchemaVersion(Database& db);

// Applies every missing migration. FailedPrecondition when the database was
// written by a newer capdev.
domain::Status Migrate(Database& db);
domain::Status Migrate(Database& db, const std::vector<Migration>& migrations);

}  // namespace capdev::storage
