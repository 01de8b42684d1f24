#include "storage/records.hpp"

#include <gtest/gtest.h>

#include "storage/attendance_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/transaction.hpp"
#include "tests/support/pg_database.hpp"
#include "tests/support/query.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

class RecordsTest : public ::testing::Test {
 protected:
  void SetUp() override { CAPDEV_SKIP_WITHOUT_CLUSTER(test_db_); }
  RecordsTest() : db_({test_db_.location()}) { EXPECT_TRUE(Migrate(db_).ok()); }

  // Inserts in a transaction of its own.
  template <class E>
  domain::StatusOr<std::int64_t> Add(const E& entity) {
    return InWriteTx(db_, [&](WriteTx& tx) { return Insert(tx, entity); });
  }
  template <class E>
  domain::Status Remove(std::int64_t id) {
    return InWriteTx(db_, [&](WriteTx& tx) { return Delete<E>(tx, id); });
  }
  std::int64_t AddOrganization(const std::string& name) {
    return Add(domain::Organization{
                   .name = name, .kind = domain::OrganizationKind::kGovernment})
        .value();
  }

  testing::TestDatabase test_db_;  // SQLite or PostgreSQL
  Database db_;
};

TEST_F(RecordsTest, RoundTripsEveryFieldIncludingNonLatinText) {
  domain::Organization org{.name = "支持中欧人员往来和移民领域对话项目",
                           .short_name = "EUCDMM",
                           .native_name = "Pär Liljert",
                           .kind = domain::OrganizationKind::kIntergovernmental,
                           .country = "CN",
                           .iati_ref = "XM-DAC-47066"};
  auto id = Add(org);
  ASSERT_TRUE(id.ok());
  auto stored = testing::Ok(Get<domain::Organization>(db_, id.value()));
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(domain::SameFields(*stored, org));
  EXPECT_EQ(stored->id, id.value());
}

TEST_F(RecordsTest, RoundTripsTopicsAndDates) {
  auto project =
      Add(domain::Project{.code = "CBMM", .title = "Capacity Building"})
          .value();
  domain::Workshop w{.project_id = project,
                     .title = "T",
                     .kind = domain::WorkshopKind::kTraining,
                     .topics = {"border control", "Exit and Entry Law, 2012"},
                     .status = domain::WorkshopStatus::kHeld};
  w.start_date = domain::Date::Parse("2012-11-06");
  w.end_date = domain::Date::Parse("2012-11-07");
  auto stored = testing::Ok(Get<domain::Workshop>(db_, Add(w).value()));
  EXPECT_TRUE(domain::SameFields(*stored, w));
}

TEST_F(RecordsTest, NamesAreUniqueIgnoringCase) {
  AddOrganization("Frontex");
  auto again = Add(domain::Organization{
      .name = "FRONTEX", .kind = domain::OrganizationKind::kGovernment});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), domain::Code::kAlreadyExists);
  ASSERT_EQ(again.status().errors().size(), 1u);
  EXPECT_EQ(again.status().errors()[0].field, "name");
  EXPECT_EQ(again.status().errors()[0].code, "taken");
}

TEST_F(RecordsTest, RefusesToDeleteAReferencedRecord) {
  auto parent = AddOrganization("Ministry of Public Security");
  ASSERT_TRUE(Add(domain::Organization{
                      .name = "Bureau of Exit and Entry Administration",
                      .kind = domain::OrganizationKind::kGovernment,
                      .parent_id = parent})
                  .ok());
  auto s = Remove<domain::Organization>(parent);
  EXPECT_EQ(s.code(), domain::Code::kFailedPrecondition);
  EXPECT_TRUE(testing::Ok(Exists<domain::Organization>(db_, parent)));
  EXPECT_EQ(Remove<domain::Organization>(9999).code(), domain::Code::kNotFound);
}

TEST_F(RecordsTest, PagesByIdWithAStableCursor) {
  for (int i = 0; i < 7; ++i) AddOrganization("Org " + std::to_string(i));
  std::vector<std::string> seen;
  PageRequest page{0, 3};
  int pages = 0;
  for (;; ++pages) {
    auto p = testing::Ok(List(db_, OrganizationFilter{}, page));
    for (auto& o : p.items) seen.push_back(o.name);
    if (!p.next_after_id) break;
    page.after_id = *p.next_after_id;
  }
  EXPECT_EQ(pages, 2);  // 3 + 3 + 1
  ASSERT_EQ(seen.size(), 7u);
  EXPECT_EQ(seen.front(), "Org 0");
  EXPECT_EQ(seen.back(), "Org 6");
}

TEST_F(RecordsTest, FiltersEscapeLikeWildcards) {
  AddOrganization("100% Border");
  AddOrganization("1000 Borders");
  auto p = testing::Ok(List(db_, OrganizationFilter{.q = "0% b"}, {0, 50}));
  ASSERT_EQ(p.items.size(), 1u);
  EXPECT_EQ(p.items[0].name, "100% Border");
}

TEST_F(RecordsTest, ATransactionRollsBackOnAnErrorStatus) {
  auto s = InWriteTx(db_, [&](WriteTx& tx) {
    EXPECT_TRUE(Insert(tx,
                       domain::Organization{
                           .name = "Kept only if committed",
                           .kind = domain::OrganizationKind::kGovernment})
                    .ok());
    return domain::Status::Invalid({{"x", domain::kInvalid, "error.invalid"}});
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(testing::Ok(List(db_, OrganizationFilter{}, {0, 50})).items.size(),
            0u);
}

TEST_F(RecordsTest, TheSchemaRefusesMarksForUnregisteredPeople) {
  auto project = Add(domain::Project{.code = "P", .title = "P"}).value();
  domain::Workshop w{.project_id = project,
                     .title = "W",
                     .kind = domain::WorkshopKind::kTraining,
                     .status = domain::WorkshopStatus::kHeld};
  auto workshop = Add(w).value();
  domain::Session s{.workshop_id = workshop};
  s.date = domain::Date::Parse("2017-09-08");
  auto session = Add(s).value();
  auto person = Add(domain::Person{.full_name = "Liu Liu"}).value();
  std::vector<domain::AttendanceMark> sheet = {
      {person, domain::Mark::kPresent}};
  {
    auto tx = testing::Ok(WriteTx::Begin(db_));
    EXPECT_FALSE(ReplaceSheet(tx, workshop, session, sheet,
                              domain::MarkSource::kCoordinator)
                     .ok());
  }
  ASSERT_TRUE(
      Add(domain::Registration{.workshop_id = workshop, .person_id = person})
          .ok());
  auto tx = testing::Ok(WriteTx::Begin(db_));
  EXPECT_TRUE(testing::Ok(ReplaceSheet(tx, workshop, session, sheet,
                                       domain::MarkSource::kCoordinator))
                  .before.empty());
  // The sheet it replaced comes back (the audit entry's "before").
  const auto replaced =
      testing::Ok(ReplaceSheet(tx, workshop, session, {},
                               domain::MarkSource::kCoordinator))
          .before;
  ASSERT_EQ(replaced.size(), 1u);
  EXPECT_EQ(replaced[0].person_id, person);
  EXPECT_EQ(replaced[0].status, domain::Mark::kPresent);
  EXPECT_TRUE(testing::Ok(ReplaceSheet(tx, workshop, session, sheet,
                                       domain::MarkSource::kCoordinator))
                  .before.empty());
  testing::Ok(tx.Commit());
  EXPECT_EQ(testing::Ok(Sheet(db_, session)).size(), 1u);
}

TEST_F(RecordsTest, ASheetSavedAgainWritesOnlyWhatChanged) {
  CAPDEV_SQLITE_ONLY();  // counts SQLite's row changes
  auto project = Add(domain::Project{.code = "P", .title = "P"}).value();
  auto workshop = Add(domain::Workshop{.project_id = project,
                                       .title = "W",
                                       .kind = domain::WorkshopKind::kTraining,
                                       .status = domain::WorkshopStatus::kHeld})
                      .value();
  domain::Session s{.workshop_id = workshop};
  s.date = domain::Date::Parse("2017-09-08");
  auto session = Add(s).value();
  std::vector<std::int64_t> people;
  for (const char* name : {"An", "Bo", "Cai", "Dong"}) {
    people.push_back(Add(domain::Person{.full_name = name}).value());
    ASSERT_TRUE(Add(domain::Registration{.workshop_id = workshop,
                                         .person_id = people.back()})
                    .ok());
  }
  using M = domain::Mark;
  const auto save = [&](std::vector<domain::AttendanceMark> sheet) {
    const int before = sqlite3_total_changes(storage::SqliteHandle(db_));
    auto tx = testing::Ok(WriteTx::Begin(db_));
    testing::Ok(ReplaceSheet(tx, workshop, session, sheet,
                             domain::MarkSource::kCoordinator));
    testing::Ok(tx.Commit());
    return sqlite3_total_changes(storage::SqliteHandle(db_)) -
           before;  // rows, triggers' too
  };
  const auto days = [&](std::int64_t person) {
    return capdev::testing::QueryInt(
        db_, "SELECT days FROM participation WHERE workshop_id = " +
                 std::to_string(workshop) +
                 " AND person_id = " + std::to_string(person));
  };
  // 3 marks, and the participation rows of the 2 who attended.
  EXPECT_EQ(save({{people[0], M::kPresent},
                  {people[1], M::kAbsent},
                  {people[2], M::kLate}}),
            5);
  // The same sheet again: nothing to write.
  EXPECT_EQ(save({{people[2], M::kLate},
                  {people[0], M::kPresent},
                  {people[1], M::kAbsent}}),
            0);
  // An is unchanged; Bo absent -> late (mark + participation), Cai dropped
  // (mark + participation), Dong added excused (mark only).
  EXPECT_EQ(save({{people[0], M::kPresent},
                  {people[1], M::kLate},
                  {people[3], M::kExcused}}),
            5);
  const auto sheet = testing::Ok(Sheet(db_, session));
  ASSERT_EQ(sheet.size(), 3u);
  EXPECT_EQ(sheet[0].person_id, people[0]);
  EXPECT_EQ(sheet[0].status, M::kPresent);
  EXPECT_EQ(sheet[1].person_id, people[1]);
  EXPECT_EQ(sheet[1].status, M::kLate);
  EXPECT_EQ(sheet[2].person_id, people[3]);
  EXPECT_EQ(sheet[2].status, M::kExcused);
  EXPECT_EQ(days(people[0]), 1);
  EXPECT_EQ(days(people[1]), 1);
  EXPECT_EQ(days(people[2]), 0);
  EXPECT_EQ(days(people[3]), 0);
}

}  // namespace
}  // namespace capdev::storage
