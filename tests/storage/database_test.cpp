// The process-wide SQLite settings every connection runs with
// (storage/database.cpp).

#include "storage/database.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "storage/migrations.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

// Set before main: had SQLite been initialised first, sqlite3_config would
// have been refused without a word, and every allocation would count itself
// under a process-wide mutex again.
TEST(DatabaseTest, SqliteKeepsNoMemoryStatistics) {
  testing::TempDir dir;
  Database db({dir.File("settings.db")});
  ASSERT_TRUE(Migrate(db).ok());
  db.Execute("SELECT * FROM workshops");
  EXPECT_EQ(sqlite3_memory_used(), 0);
}

}  // namespace
}  // namespace capdev::storage
