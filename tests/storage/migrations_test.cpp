#include "storage/migrations.hpp"

#include <gtest/gtest.h>

#include "tests/support/query.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

TEST(MigrationsTest, CreatesTheSchemaOnAFreshDatabase) {
  testing::TempDir dir;
  Database db({dir.File("fresh.db")});
  EXPECT_EQ(testing::Ok(SchemaVersion(db)), 0);
  ASSERT_TRUE(Migrate(db).ok());
  EXPECT_EQ(testing::Ok(SchemaVersion(db)), LatestSchemaVersion());
  EXPECT_TRUE(db.connection().HasTable("workshops"));
  EXPECT_TRUE(db.connection().HasTable("attendance"));
  EXPECT_EQ(capdev::testing::QueryInt(db, "PRAGMA user_version"),
            LatestSchemaVersion());
  EXPECT_EQ(capdev::testing::QueryText(db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(capdev::testing::QueryInt(db, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(capdev::testing::QueryInt(db, "PRAGMA synchronous"), 2);  // FULL
}

// Version 12 on a database of version 11: people found by the pinyin of
// their Chinese names, and every organization's names claimed (a name two
// records already share stays with the first).
TEST(MigrationsTest, NamesInTwoScriptsAreBackfilled) {
  testing::TempDir dir;
  Database db({dir.File("v11.db")});
  const auto& all = AllMigrations();
  ASSERT_EQ(all[11].version, 12);
  ASSERT_TRUE(Migrate(db, {all.begin(), all.begin() + 11}).ok());
  testing::Ok(db.Execute(R"sql(
    INSERT INTO organizations (id, name, short_name, native_name, kind)
      VALUES (1, 'Ministry of Public Security', 'MPS', '公安部', 'government'),
             (2, 'Ministry of Public Safety', 'MPS', NULL, 'government');
    INSERT INTO people (id, full_name, native_name, organization_id)
      VALUES (1, '王芳', '王芳', 1);
  )sql"));
  ASSERT_TRUE(Migrate(db).ok());
  const auto count = [&](const std::string& sql) {
    return capdev::testing::QueryInt(db, sql);
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE search_key LIKE "
                  "'%wangfang%' AND full_name_generated = 0"),
            1);
  EXPECT_EQ(count("SELECT organization_id FROM organization_names WHERE key "
                  "= 'mps'"),
            1);
  EXPECT_EQ(count("SELECT organization_id FROM organization_names WHERE key "
                  "= '公安部'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM organization_names"), 4);
}

TEST(MigrationsTest, RerunningChangesNothing) {
  testing::TempDir dir;
  Database db({dir.File("rerun.db")});
  ASSERT_TRUE(Migrate(db).ok());
  testing::Ok(
      db.Execute("INSERT INTO organizations (name, kind) VALUES ('Frontex', "
                 "'intergovernmental')"));
  ASSERT_TRUE(Migrate(db).ok());
  EXPECT_EQ(
      capdev::testing::QueryInt(db, "SELECT COUNT(*) FROM schema_migrations"),
      static_cast<int>(AllMigrations().size()));
  EXPECT_EQ(capdev::testing::QueryInt(db, "SELECT COUNT(*) FROM organizations"),
            1);
}

TEST(MigrationsTest, AppliesOnlyTheMissingOnesInOrder) {
  testing::TempDir dir;
  Database db({dir.File("steps.db")});
  std::vector<Migration> first = {{1, "one", "CREATE TABLE a (x INTEGER)"}};
  std::vector<Migration> both = {first[0],
                                 {2, "two", "CREATE TABLE b (y INTEGER)"}};
  ASSERT_TRUE(Migrate(db, first).ok());
  ASSERT_TRUE(Migrate(db, both).ok());
  EXPECT_EQ(testing::Ok(SchemaVersion(db)), 2);
  EXPECT_TRUE(db.connection().HasTable("b"));
}

TEST(MigrationsTest, AFailingMigrationLeavesNoTrace) {
  testing::TempDir dir;
  Database db({dir.File("broken.db")});
  std::vector<Migration> broken = {
      {1, "half", "CREATE TABLE a (x INTEGER); SELECT nonsense FROM nowhere"}};
  EXPECT_FALSE(Migrate(db, broken).ok());
  EXPECT_EQ(testing::Ok(SchemaVersion(db)), 0);
  EXPECT_FALSE(db.connection().HasTable("a"));
}

TEST(MigrationsTest, RefusesADatabaseNewerThanTheBinary) {
  testing::TempDir dir;
  Database db({dir.File("newer.db")});
  ASSERT_TRUE(Migrate(db).ok());
  testing::Ok(db.Execute(
      "INSERT INTO schema_migrations (version, name) VALUES (" +
      std::to_string(LatestSchemaVersion() + 1) + ", 'from the future')"));
  auto s = Migrate(db);
  EXPECT_EQ(s.code(), domain::Code::kFailedPrecondition);
  EXPECT_EQ(s.detail(), domain::Message("error.schema_newer",
                                        {{"version", LatestSchemaVersion() + 1},
                                         {"latest", LatestSchemaVersion()}}));
}

}  // namespace
}  // namespace capdev::storage
