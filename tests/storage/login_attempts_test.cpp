// What the sign-in limits remember (storage/login_attempts.hpp): kept in the
// database across a reopen, and pruned as the window moves on.

#include "storage/login_attempts.hpp"

#include <gtest/gtest.h>

#include "storage/migrations.hpp"
#include "tests/support/pg_database.hpp"
#include "tests/support/query.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

using Times = std::vector<std::int64_t>;

const LoginKey kAminaAtA{"amina", "192.0.2.1"};
const LoginKey kAminaAtB{"amina", "198.51.100.7"};
const LoginKey kGuessAtA{"guess", "192.0.2.1"};

DatabaseOptions At(const std::string& path) {
  return {.path = path, .synchronous_full = false};
}

void Fail(Database& db, const LoginKey& key, std::int64_t at,
          std::int64_t forget_before = 0) {
  auto s = InWriteTx(db, [&](WriteTx& tx) {
    return RecordLoginFailure(tx, key, at, forget_before);
  });
  ASSERT_TRUE(s.ok()) << s.detail();
}

Times Recent(Database& db, const LoginKey& key, LoginScope scope,
             std::int64_t since = 0, std::size_t limit = 100) {
  auto times = RecentLoginFailures(db, key, scope, since, limit);
  EXPECT_TRUE(times.ok()) << times.status().detail();
  return times.ok() ? *times : Times{};
}

TEST(LoginAttemptsTest, FailuresAndGoodAddressesSurviveAReopen) {
  testing::TestDatabase test_db;  // SQLite or PostgreSQL
  const auto& path = test_db.location();
  {
    Database db(At(path));
    ASSERT_TRUE(Migrate(db).ok());
    Fail(db, kAminaAtA, 1000);
    Fail(db, kAminaAtA, 1001);
    Fail(db, kGuessAtA, 1002);
    Fail(db, kAminaAtB, 1003);
    auto s = InWriteTx(db, [&](WriteTx& tx) {
      return RecordLoginSuccess(tx, {"amina", "203.0.113.9"}, 990, 0);
    });
    ASSERT_TRUE(s.ok()) << s.detail();
  }
  Database db(At(path));
  EXPECT_EQ(Recent(db, kAminaAtA, LoginScope::kPair), (Times{1001, 1000}));
  EXPECT_EQ(Recent(db, kAminaAtA, LoginScope::kAddress),
            (Times{1002, 1001, 1000}));
  EXPECT_EQ(Recent(db, kAminaAtA, LoginScope::kUsername),
            (Times{1003, 1001, 1000}));
  // Newest first, at most `limit`, none before `since`.
  EXPECT_EQ(Recent(db, kAminaAtA, LoginScope::kUsername, 0, 2),
            (Times{1003, 1001}));
  EXPECT_EQ(Recent(db, kAminaAtA, LoginScope::kUsername, 1001),
            (Times{1003, 1001}));
  auto good = LastLoginFrom(db, {"amina", "203.0.113.9"});
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 990);
  auto never = LastLoginFrom(db, kAminaAtA);
  ASSERT_TRUE(never.ok());
  EXPECT_FALSE(never->has_value());
}

TEST(LoginAttemptsTest, OldFailuresAndGoodAddressesArePruned) {
  testing::TestDatabase test_db;  // SQLite or PostgreSQL
  Database db(At(test_db.location()));
  ASSERT_TRUE(Migrate(db).ok());
  Fail(db, kAminaAtA, 100);
  Fail(db, kGuessAtA, 200);
  Fail(db, kAminaAtB, 300);
  // A failure written at 1000 with a window starting at 250 forgets the
  // rows before it, whoever they were about.
  Fail(db, kAminaAtB, 1000, 250);
  EXPECT_EQ(
      capdev::testing::QueryInt(db, "SELECT COUNT(*) FROM login_failures"), 2);
  EXPECT_EQ(Recent(db, kAminaAtB, LoginScope::kPair), (Times{1000, 300}));
  EXPECT_TRUE(Recent(db, kGuessAtA, LoginScope::kAddress).empty());

  // A success forgets the pair's failures (not others') and the good
  // addresses not used since `forget_good_before`.
  auto success = [&](const LoginKey& key, std::int64_t at,
                     std::int64_t forget_before) {
    auto s = InWriteTx(db, [&](WriteTx& tx) {
      return RecordLoginSuccess(tx, key, at, forget_before);
    });
    ASSERT_TRUE(s.ok()) << s.detail();
  };
  Fail(db, kAminaAtA, 1001);
  success({"ec", "192.0.2.50"}, 500, 0);
  success(kAminaAtB, 1100, 600);
  EXPECT_TRUE(Recent(db, kAminaAtB, LoginScope::kPair).empty());
  EXPECT_EQ(Recent(db, kAminaAtA, LoginScope::kPair), (Times{1001}));
  EXPECT_FALSE(LastLoginFrom(db, {"ec", "192.0.2.50"})->has_value());
  EXPECT_EQ(*LastLoginFrom(db, kAminaAtB), 1100);
}

}  // namespace
}  // namespace capdev::storage
