// The participation table is kept by triggers: every kind of write to the
// registrations and the marks leaves it equal to a recount from them.

#include "storage/participation.hpp"

#include <gtest/gtest.h>

#include "domain/attendance.hpp"
#include "storage/migrations.hpp"
#include "storage/people.hpp"
#include "storage/transaction.hpp"
#include "tests/support/pg_database.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

class ParticipationTest : public ::testing::Test {
 protected:
  void SetUp() override { CAPDEV_SKIP_WITHOUT_CLUSTER(test_db_); }
  ParticipationTest() : db_({test_db_.location()}) {
    EXPECT_TRUE(Migrate(db_).ok());
    testing::Ok(db_.Execute(R"sql(
INSERT INTO projects (id, code, title) VALUES (1, 'P', 'P');
INSERT INTO workshops (id, project_id, title, kind, status, start_date, end_date)
  VALUES (1, 1, 'W', 'training', 'held', '2025-03-10', '2025-03-12');
INSERT INTO sessions (id, workshop_id, date) VALUES (1, 1, '2025-03-10'), (2, 1, '2025-03-11'),
  (3, 1, '2025-03-12');
INSERT INTO people (id, full_name) VALUES (1, 'A'), (2, 'B'), (3, 'C');
INSERT INTO registrations (id, workshop_id, person_id, role, status)
  VALUES (1, 1, 1, 'participant', 'registered'), (2, 1, 2, 'trainer', 'registered');
INSERT INTO attendance (session_id, workshop_id, person_id, status) VALUES (1, 1, 1, 'present'), (2, 1, 1, 'late'), (3, 1, 1, 'absent'),
  (1, 1, 2, 'present');
)sql"));
  }

  // (role, days) of a person's row; ("", -1) when it has none.
  std::pair<std::string, std::int64_t> RowOf(std::int64_t person) {
    ScopedStatement q(db_,
                      "SELECT role, days FROM participation "
                      "WHERE workshop_id = 1 AND person_id = ?");
    q->Bind(1, person);
    if (!q->Step()) return {"", -1};
    return {q->Text(0), q->Int64(1)};
  }

  testing::TestDatabase test_db_;  // SQLite or PostgreSQL
  Database db_;
};

TEST_F(ParticipationTest, FollowsEveryWriteToRegistrationsAndMarks) {
  using Row = std::pair<std::string, std::int64_t>;  // (role, days)
  EXPECT_EQ(RowOf(1), (Row{"participant", 2}));      // present + late
  EXPECT_EQ(RowOf(2), (Row{"trainer", 1}));
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)), 0);

  testing::Ok(db_.Execute(
      "UPDATE attendance SET status = 'late' WHERE session_id = 3"));
  EXPECT_EQ(RowOf(1), (Row{"participant", 3}));
  testing::Ok(db_.Execute(
      "UPDATE attendance SET status = 'excused' WHERE session_id = 1 "
      "AND person_id = 1"));
  EXPECT_EQ(RowOf(1), (Row{"participant", 2}));
  // A sheet replaced as the attendance PUT does it, and by REPLACE.
  testing::Ok(db_.Execute("DELETE FROM attendance WHERE session_id = 2"));
  EXPECT_EQ(RowOf(1), (Row{"participant", 1}));
  testing::Ok(db_.Execute(
      db_.engine() == Engine::kPostgres
          ? "INSERT INTO attendance (session_id, workshop_id, person_id, "
            "status) VALUES (3, 1, 1, 'absent') ON CONFLICT "
            "(session_id, person_id) DO UPDATE SET status = excluded.status"
          : "INSERT OR REPLACE INTO attendance (session_id, workshop_id, "
            "person_id, status) VALUES (3, 1, 1, 'absent')"));
  EXPECT_EQ(RowOf(1), (Row{"participant", 0}));
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)), 0);

  // Cancelled: no row; back again: its marks count again.
  testing::Ok(
      db_.Execute("INSERT INTO attendance (session_id, workshop_id, person_id, "
                  "status) VALUES (2, 1, 1, 'present')"));
  testing::Ok(db_.Execute(
      "UPDATE registrations SET status = 'cancelled' WHERE id = 1"));
  EXPECT_EQ(RowOf(1), (Row{"", -1}));
  testing::Ok(
      db_.Execute("UPDATE registrations SET status = 'attended' WHERE id = 1"));
  EXPECT_EQ(RowOf(1), (Row{"participant", 1}));
  testing::Ok(
      db_.Execute("UPDATE registrations SET role = 'observer' WHERE id = 1"));
  EXPECT_EQ(RowOf(1), (Row{"observer", 1}));

  // A merge moves registrations and marks to another person.
  testing::Ok(
      db_.Execute(std::string(db_.engine() == Engine::kPostgres
                                  ? "BEGIN; SET CONSTRAINTS ALL DEFERRED;"
                                  : "PRAGMA defer_foreign_keys = ON; BEGIN;") +
                  "UPDATE attendance SET person_id = 3 WHERE person_id = 1;"
                  "UPDATE registrations SET person_id = 3 WHERE person_id = 1;"
                  "COMMIT;"));
  EXPECT_EQ(RowOf(1), (Row{"", -1}));
  EXPECT_EQ(RowOf(3), (Row{"observer", 1}));
  testing::Ok(
      db_.Execute("DELETE FROM attendance WHERE person_id = 3;"
                  "DELETE FROM registrations WHERE person_id = 3"));
  EXPECT_EQ(RowOf(3), (Row{"", -1}));
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)), 0);
}

// A merge as storage::MovePersonRecords does it: registrations first (the
// registration trigger then finds no marks yet), then the marks, which bring
// their days along through the mark trigger.
TEST_F(ParticipationTest, AMergeMovesTheDaysWithTheMarks) {
  using Row = std::pair<std::string, std::int64_t>;  // (role, days)
  {
    auto tx = testing::Ok(WriteTx::Begin(db_));
    testing::Ok(MovePersonRecords(tx, 1, 3));
    testing::Ok(tx.Commit());
  }
  EXPECT_EQ(RowOf(1), (Row{"", -1}));
  EXPECT_EQ(RowOf(3), (Row{"participant", 2}));  // present + late
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)), 0);
}

// Each of the 16 changes between two marks, on one session: the row counts
// the mark it ends with, whether or not the change is written to it.
TEST_F(ParticipationTest, EveryChangeOfAMarkLeavesTheRightDays) {
  const char* marks[] = {"present", "late", "excused", "absent"};
  // Person 1 has present and late on sessions 1 and 2: 2 days before 3's.
  const auto counts = [](std::string_view m) {
    return m == "present" || m == "late" ? 1 : 0;
  };
  for (const char* from : marks) {
    for (const char* to : marks) {
      for (const char* mark : {from, to}) {
        testing::Ok(
            db_.Execute(std::string("UPDATE attendance SET status = '") + mark +
                        "' WHERE session_id = 3 AND person_id = 1"));
      }
      EXPECT_EQ(RowOf(1).second, 2 + counts(to)) << from << " -> " << to;
    }
  }
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)), 0);
}

TEST_F(ParticipationTest, CarriesThePersonsGenderAndOrganization) {
  testing::Ok(
      db_.Execute("INSERT INTO organizations (id, name, kind) VALUES "
                  "(7, 'Agency', 'government'), (8, 'Other', 'ngo')"));
  const auto groups = [&](std::int64_t person) {
    ScopedStatement q(db_,
                      "SELECT gender, COALESCE(organization_id, 0) FROM "
                      "participation WHERE person_id = ?");
    q->Bind(1, person);
    EXPECT_TRUE(q->Step());
    return std::pair(q->Text(0), q->Int64(1));
  };
  using Groups = std::pair<std::string, std::int64_t>;
  EXPECT_EQ(groups(1), (Groups{"undisclosed", 0}));
  testing::Ok(
      db_.Execute("UPDATE people SET gender = 'female', organization_id = 7 "
                  "WHERE id = 1"));
  EXPECT_EQ(groups(1), (Groups{"female", 7}));
  // A new registration takes them from the person.
  testing::Ok(
      db_.Execute("UPDATE people SET gender = 'male', organization_id = 8 "
                  "WHERE id = 3"));
  testing::Ok(db_.Execute(
      "INSERT INTO registrations (id, workshop_id, person_id, role, "
      "status) VALUES (3, 1, 3, 'participant', 'registered')"));
  EXPECT_EQ(groups(3), (Groups{"male", 8}));
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)), 0);
  // Changed behind the triggers' back: `capdev check` finds it.
  testing::Ok(db_.Execute(
      "UPDATE participation SET gender = 'other' WHERE person_id = 3"));
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)), 2);
}

TEST_F(ParticipationTest, CountsWhatTheDomainCountsAsAttended) {
  for (auto mark : domain::Values<domain::Mark>()) {
    testing::Ok(db_.Execute("UPDATE attendance SET status = '" +
                            std::string(domain::ToText(mark)) +
                            "' WHERE person_id = 2"));
    EXPECT_EQ(RowOf(2).second, domain::CountsAsAttended(mark) ? 1 : 0)
        << domain::ToText(mark);
  }
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)), 0);
}

TEST_F(ParticipationTest, MismatchesAreFound) {
  testing::Ok(
      db_.Execute("UPDATE participation SET days = 9 WHERE person_id = 1"));
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)),
            2);  // a wrong row, a missing one
  testing::Ok(db_.Execute("DELETE FROM participation WHERE person_id = 2"));
  EXPECT_EQ(testing::Ok(ParticipationMismatches(db_)), 3);
}

}  // namespace
}  // namespace capdev::storage
