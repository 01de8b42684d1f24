#include "storage/submissions.hpp"

#include <gtest/gtest.h>

#include "storage/migrations.hpp"
#include "storage/transaction.hpp"
#include "tests/support/pg_database.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

class SubmissionsTest : public ::testing::Test {
 protected:
  void SetUp() override { CAPDEV_SKIP_WITHOUT_CLUSTER(test_db_); }
  SubmissionsTest() : db_({test_db_.location()}) {
    EXPECT_TRUE(Migrate(db_).ok());
  }
  testing::TestDatabase test_db_;  // SQLite or PostgreSQL
  Database db_;
};

TEST_F(SubmissionsTest, KeepsTheBytesAndRefusesUpdatesAndDeletes) {
  Submission s{.report = "funder",
               .params = R"({"organization_id":"3"})",
               .organization_id = 3,
               .submitted_at = "2026-01-01T00:00:00Z",
               .submitted_by = "coord",
               .sha256 = "00",
               // Any bytes on SQLite; text on PostgreSQL (capdev stores
               // JSON, never NUL).
               .body = testing::TestOnPostgres()
                           ? std::string("{\"a\":\"王芳 ✓\"}")
                           : std::string("{\"a\":1}\0\xff", 9)};
  std::int64_t id = 0;
  ASSERT_TRUE(InWriteTx(db_, [&](WriteTx& tx) -> domain::Status {
                id = testing::Ok(AddSubmission(tx, s));
                return domain::Status::Ok();
              }).ok());
  const auto got = testing::Ok(GetSubmission(db_, id));
  ASSERT_TRUE(got);
  EXPECT_EQ(got->body, s.body);
  EXPECT_EQ(got->organization_id, 3);
  EXPECT_FALSE(db_.Execute("UPDATE report_submissions SET note = 'x'").ok());
  EXPECT_FALSE(db_.Execute("DELETE FROM report_submissions").ok());
  EXPECT_EQ(testing::Ok(ListSubmissions(db_, std::nullopt)).size(), 1u);
  EXPECT_EQ(testing::Ok(ListSubmissions(db_, 3)).size(), 1u);
  EXPECT_EQ(testing::Ok(ListSubmissions(db_, 4)).size(), 0u);
}

}  // namespace
}  // namespace capdev::storage
