// A full disk or a failing one is the machine's state, not a bug: the
// exception maps to Unavailable (503), while real bugs stay unmapped (500).

#include "storage/sql_errors.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <stdexcept>

#include "storage/database.hpp"
#include "storage/transaction.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

TEST(SqlErrorsTest, AFullDatabaseIsUnavailable) {
  testing::TempDir dir;
  Database db({dir.File("full.db")});
  db.Execute("CREATE TABLE t (x TEXT)");
  // A database that may not grow: SQLite answers SQLITE_FULL as it would on
  // a full disk.
  db.Execute("PRAGMA max_page_count = 8");
  std::optional<domain::Status> status;
  try {
    for (int i = 0; i < 1000; ++i) {
      InWriteTx(db, [&](WriteTx&) {
        db.Execute("INSERT INTO t VALUES (randomblob(2000))");
        return domain::Status::Ok();
      });
    }
  } catch (const std::exception& e) {
    status = UnavailableStatus(e);
  }
  ASSERT_TRUE(status.has_value()) << "the inserts never filled the database";
  EXPECT_EQ(status->code(), domain::Code::kUnavailable);
  EXPECT_NE(status->detail().find("disk is full"), std::string::npos);
  // Reads go on, and writes work again once there is room.
  EXPECT_GT(db.raw().execAndGet("SELECT count(*) FROM t").getInt(), 0);
  db.Execute("DELETE FROM t");
  db.Execute("INSERT INTO t VALUES ('room again')");
}

TEST(SqlErrorsTest, IoErrorsAndBusyAreUnavailable) {
  for (int code : {SQLITE_IOERR, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL}) {
    auto status = UnavailableStatus(SQLite::Exception("x", code));
    ASSERT_TRUE(status.has_value()) << code;
    EXPECT_EQ(status->code(), domain::Code::kUnavailable);
  }
}

TEST(SqlErrorsTest, BugsStayUnmapped) {
  EXPECT_FALSE(
      UnavailableStatus(SQLite::Exception("no such table", SQLITE_ERROR)));
  EXPECT_FALSE(UnavailableStatus(std::runtime_error("boom")));
}

}  // namespace
}  // namespace capdev::storage
