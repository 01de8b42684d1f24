// The two tools of the reports' one pass over the participation rows:
// IdSet counts distinct ids, and a statement of the engine interface reads
// each value with a call (an interrupted scan is a 503).

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/engine_errors.hpp"
#include "storage/id_set.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

TEST(IdSetTest, CountsEachIdOnceAndListsThemInOrder) {
  IdSet set;
  EXPECT_EQ(set.size(), 0);
  // Across words (64 ids each) and past the initial size, in no order.
  for (std::int64_t id : {500, 3, 64, 63, 3, 500, 0, 100000, 64})
    set.Insert(id);
  EXPECT_EQ(set.size(), 6);  // 0, 3, 63, 64, 500, 100000
  std::vector<std::int64_t> ids;
  set.ForEach([&](std::int64_t id) { ids.push_back(id); });
  EXPECT_EQ(ids, (std::vector<std::int64_t>{0, 3, 63, 64, 500, 100000}));
}

TEST(IdSetTest, KeepsIdsOutsideTheDenseRangeInOrderWithoutABitEach) {
  IdSet set;
  const std::int64_t huge = std::int64_t{1} << 40;  // a bit each: 128 GiB
  for (std::int64_t id :
       {huge, std::int64_t{5}, std::int64_t{-7}, huge, IdSet::kDenseLimit,
        IdSet::kDenseLimit - 1, std::int64_t{-7}})
    set.Insert(id);
  EXPECT_EQ(set.size(), 5);
  std::vector<std::int64_t> ids;
  set.ForEach([&](std::int64_t id) { ids.push_back(id); });
  EXPECT_EQ(ids, (std::vector<std::int64_t>{-7, 5, IdSet::kDenseLimit - 1,
                                            IdSet::kDenseLimit, huge}));
}

TEST(StatementTest, ReadsIntegersTextsAndNulls) {
  testing::TempDir dir;
  Database db({dir.File("raw.db")});
  testing::Ok(db.Execute(
      "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER);"
      "INSERT INTO t VALUES (1, 'Lanzhou', 7), (2, '兰州', NULL);"));
  const auto rows =
      db.connection().Prepare("SELECT id, name, n FROM t ORDER BY id");
  ASSERT_TRUE(rows->Step());
  EXPECT_EQ(rows->Int64(0), 1);
  EXPECT_EQ(rows->TextView(1), "Lanzhou");
  EXPECT_FALSE(rows->IsNull(2));
  EXPECT_EQ(rows->Int64(2), 7);
  ASSERT_TRUE(rows->Step());
  EXPECT_EQ(rows->TextView(1), "兰州");  // bytes, not characters
  EXPECT_TRUE(rows->IsNull(2));
  EXPECT_FALSE(rows->Step());
}

TEST(StatementTest, FailsWithAnEngineErrorAndStopsAtTheDeadline) {
  testing::TempDir dir;
  Database db({dir.File("raw.db")});
  try {
    db.connection().Prepare("SELECT nothing FROM nowhere")->Step();
    FAIL() << "a query of a missing table ran";
  } catch (const EngineError& e) {
    EXPECT_EQ(e.failure(), Failure::kOther);
    EXPECT_EQ(EngineStatus(e).code(), domain::Code::kInternal);
  }
  // A scan past the read's time budget is interrupted: Unavailable (503).
  db.SetDeadline(std::chrono::steady_clock::now());
  const auto rows = db.connection().Prepare(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
      "WHERE i < 100000000) SELECT count(*) FROM n");
  try {
    rows->Step();
    FAIL() << "the scan ran past its deadline";
  } catch (const EngineError& e) {
    EXPECT_EQ(e.failure(), Failure::kInterrupted);
    EXPECT_EQ(EngineStatus(e).code(), domain::Code::kUnavailable);
  }
}

}  // namespace
}  // namespace capdev::storage
