// The process-wide SQLite settings every connection runs with
// (storage/database.cpp).

#include "storage/database.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "storage/migrations.hpp"
#include "tests/support/status.hpp"
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
  testing::Ok(db.Execute("SELECT * FROM workshops"));
  // The library counts by default (a build with DEFAULT_MEMSTATUS=0 would
  // make the zeros below prove nothing): they are capdev's setting.
  ASSERT_EQ(sqlite3_compileoption_used("DEFAULT_MEMSTATUS=0"), 0);
  EXPECT_EQ(sqlite3_memory_used(), 0);
  EXPECT_EQ(sqlite3_memory_highwater(0), 0);
}

}  // namespace
}  // namespace capdev::storage
