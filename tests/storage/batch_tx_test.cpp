// The server writer's transaction (storage::BatchTx): requests committed
// together, each in a savepoint of its own.

#include <gtest/gtest.h>

#include <optional>

#include "storage/database.hpp"
#include "storage/transaction.hpp"
#include "tests/support/query.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

int Rows(Database& db) {
  return capdev::testing::QueryInt(db, "SELECT count(*) FROM t");
}

TEST(BatchTxTest, EachRequestIsKeptOrUndoneAloneAndCommittedTogether) {
  testing::TempDir dir;
  Database db({dir.File("batch.db")});
  testing::Ok(db.Execute("CREATE TABLE t (x INTEGER)"));
  {
    auto tx = testing::Ok(BatchTx::Begin(db));
    testing::Ok(tx.BeginRequest());
    testing::Ok(db.Execute("INSERT INTO t VALUES (1)"));
    testing::Ok(tx.ReleaseRequest());
    testing::Ok(tx.BeginRequest());
    testing::Ok(db.Execute("INSERT INTO t VALUES (2)"));
    testing::Ok(tx.RollBackRequest());
    EXPECT_FALSE(tx.RolledBackByEngine());
    testing::Ok(tx.Commit());
  }
  EXPECT_FALSE(db.InTransaction());
  EXPECT_EQ(Rows(db), 1);
  {
    auto tx = testing::Ok(BatchTx::Begin(db));
    testing::Ok(tx.BeginRequest());
    testing::Ok(db.Execute("INSERT INTO t VALUES (3)"));
    testing::Ok(tx.ReleaseRequest());
  }  // never committed: rolled back
  EXPECT_FALSE(db.InTransaction());
  EXPECT_EQ(Rows(db), 1);
}

// A full disk fails the request with Unavailable; whether SQLite rolled
// the whole transaction back or only the statement, nothing of the batch is
// kept once it ends uncommitted.
TEST(BatchTxTest, AFullDiskKeepsNothingOfTheBatch) {
  testing::TempDir dir;
  Database db({dir.File("full.db")});
  testing::Ok(db.Execute("CREATE TABLE t (x BLOB)"));
  testing::Ok(db.Execute("PRAGMA max_page_count = 8"));
  {
    auto tx = testing::Ok(BatchTx::Begin(db));
    domain::Status status;
    for (int i = 0; i < 1000 && status.ok(); ++i) {
      testing::Ok(tx.BeginRequest());
      status = db.Execute("INSERT INTO t VALUES (randomblob(2000))");
      if (status.ok()) testing::Ok(tx.ReleaseRequest());
    }
    EXPECT_EQ(status.code(), domain::Code::kUnavailable);
  }
  EXPECT_FALSE(db.InTransaction());
  EXPECT_EQ(Rows(db), 0);
}

}  // namespace
}  // namespace capdev::storage
