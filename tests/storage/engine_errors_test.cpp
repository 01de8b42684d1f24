// The one conversion of the engine's exceptions (storage/engine_errors.hpp):
// a full disk or a failing one is the machine's state (Unavailable, 503), a
// constraint the client's mistake (409/422), anything else a bug (Internal,
// 500), and no engine exception leaves a guarded function.

#include "storage/engine_errors.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <type_traits>

#include "storage/database.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/transaction.hpp"
#include "tests/support/query.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

TEST(EngineErrorsTest, AFullDatabaseIsUnavailable) {
  testing::TempDir dir;
  Database db({dir.File("full.db")});
  testing::Ok(db.Execute("CREATE TABLE t (x TEXT)"));
  // A database that may not grow: SQLite answers SQLITE_FULL as it would on
  // a full disk.
  testing::Ok(db.Execute("PRAGMA max_page_count = 8"));
  domain::Status status;
  for (int i = 0; i < 1000 && status.ok(); ++i) {
    status = InWriteTx(db, [&](WriteTx&) {
      return db.Execute("INSERT INTO t VALUES (randomblob(2000))");
    });
  }
  ASSERT_FALSE(status.ok()) << "the inserts never filled the database";
  EXPECT_EQ(status.code(), domain::Code::kUnavailable);
  EXPECT_EQ(status.detail(), domain::Message("error.disk_full"));
  // Reads go on, and writes work again once there is room.
  EXPECT_GT(capdev::testing::QueryInt(db, "SELECT count(*) FROM t"), 0);
  testing::Ok(db.Execute("DELETE FROM t"));
  testing::Ok(db.Execute("INSERT INTO t VALUES ('room again')"));
}

TEST(EngineErrorsTest, TheMachinesStateIsUnavailable) {
  for (Failure failure :
       {Failure::kIoError, Failure::kBusy, Failure::kDiskFull,
        Failure::kInterrupted, Failure::kSerialization, Failure::kConnection}) {
    EXPECT_EQ(EngineStatus(EngineError(failure, "x")).code(),
              domain::Code::kUnavailable)
        << static_cast<int>(failure);
  }
}

TEST(EngineErrorsTest, SqliteCodesMeanTheSameFailures) {
  testing::TempDir dir;
  Database db({dir.File("codes.db")});
  const auto failure_of = [&](int code) {
    try {
      ThrowSqliteError(SqliteHandle(db), code);
    } catch (const EngineError& e) {
      return e.failure();
    }
    return Failure::kOther;
  };
  EXPECT_EQ(failure_of(SQLITE_IOERR_WRITE), Failure::kIoError);
  EXPECT_EQ(failure_of(SQLITE_BUSY_SNAPSHOT), Failure::kBusy);
  EXPECT_EQ(failure_of(SQLITE_LOCKED), Failure::kBusy);
  EXPECT_EQ(failure_of(SQLITE_FULL), Failure::kDiskFull);
  EXPECT_EQ(failure_of(SQLITE_INTERRUPT), Failure::kInterrupted);
  EXPECT_EQ(failure_of(SQLITE_CONSTRAINT_FOREIGNKEY), Failure::kForeignKey);
  EXPECT_EQ(failure_of(SQLITE_CONSTRAINT_TRIGGER), Failure::kOtherConstraint);
}

TEST(EngineErrorsTest, ConstraintsAreTheClientsMistake) {
  testing::TempDir dir;
  Database db({dir.File("unique.db")});
  testing::Ok(db.Execute("CREATE TABLE t (x TEXT UNIQUE NOT NULL)"));
  testing::Ok(db.Execute("INSERT INTO t VALUES ('a')"));
  const auto again = db.Execute("INSERT INTO t VALUES ('a')");
  EXPECT_EQ(again.code(), domain::Code::kAlreadyExists);
  EXPECT_EQ(db.Execute("INSERT INTO t VALUES (NULL)").code(),
            domain::Code::kInvalidArgument);
  // A function that knows the record names it.
  const auto named = Guarded(
      [&] { db.connection().ExecScript("INSERT INTO t VALUES ('a')"); },
      [](const EngineError& e) { return ConstraintStatus(e, "thing"); });
  EXPECT_EQ(named.detail(),
            domain::Message("error.duplicate",
                            {{"noun", domain::Term{"error.record.thing"}},
                             {"fields", domain::FieldTerm("x")}}));
  // The field is named, as taken.
  ASSERT_EQ(named.errors().size(), 1u);
  EXPECT_EQ(named.errors()[0].field, "x");
  EXPECT_EQ(named.errors()[0].code, "taken");
}

TEST(EngineErrorsTest, BugsAreInternalAndOtherExceptionsPassThrough) {
  EXPECT_EQ(EngineStatus(EngineError(Failure::kOther, "no such table")).code(),
            domain::Code::kInternal);
  // Not the engine's: a bug the router's safety net answers.
  EXPECT_THROW((void)Guarded([]() -> int { throw std::runtime_error("boom"); }),
               std::runtime_error);
}

TEST(EngineErrorsTest, GuardedAnswersAStatusOrAValue) {
  static_assert(std::is_same_v<decltype(Guarded([] {})), domain::Status>);
  static_assert(std::is_same_v<decltype(Guarded([] { return 1; })),
                               domain::StatusOr<int>>);
  static_assert(
      std::is_same_v<decltype(Guarded([] { return domain::StatusOr<int>(1); })),
                     domain::StatusOr<int>>);
  EXPECT_EQ(testing::Ok(Guarded([] { return 7; })), 7);
  EXPECT_EQ(Guarded([]() -> int {
              throw EngineError(Failure::kIoError, "disk I/O error");
            })
                .status()
                .code(),
            domain::Code::kUnavailable);
}

}  // namespace
}  // namespace capdev::storage
