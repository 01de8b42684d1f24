#include "storage/repository.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "storage/attendance_repository.hpp"
#include "storage/migrations.hpp"
#include "storage/transaction.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

class RepositoryTest : public ::testing::Test {
 protected:
  RepositoryTest() : db_({dir_.File("repo.db")}) {
    EXPECT_TRUE(Migrate(db_).ok());
  }

  std::int64_t AddOrganization(const std::string& name) {
    return Organizations(db_)
        .Create({.name = name, .kind = "government"})
        .value();
  }

  testing::TempDir dir_;
  Database db_;
};

TEST_F(RepositoryTest, RoundTripsEveryFieldIncludingNonLatinText) {
  Organizations orgs(db_);
  domain::Organization org{.name = "支持中欧人员往来和移民领域对话项目",
                           .short_name = "EUCDMM",
                           .native_name = "Pär Liljert",
                           .kind = "intergovernmental",
                           .country = "CN",
                           .iati_ref = "XM-DAC-47066"};
  auto id = orgs.Create(org);
  ASSERT_TRUE(id.ok());
  auto stored = orgs.Get(id.value());
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(domain::SameFields(*stored, org));
  EXPECT_EQ(stored->id, id.value());
}

TEST_F(RepositoryTest, RoundTripsTopicsAndDates) {
  Projects projects(db_);
  auto project =
      projects.Create({.code = "CBMM", .title = "Capacity Building"}).value();
  domain::Workshop w{.project_id = project,
                     .title = "T",
                     .kind = "training",
                     .topics = {"border control", "Exit and Entry Law, 2012"},
                     .status = "held"};
  w.start_date = domain::Date::Parse("2012-11-06");
  w.end_date = domain::Date::Parse("2012-11-07");
  Workshops workshops(db_);
  auto stored = workshops.Get(workshops.Create(w).value());
  EXPECT_TRUE(domain::SameFields(*stored, w));
}

TEST_F(RepositoryTest, NamesAreUniqueIgnoringCase) {
  AddOrganization("Frontex");
  auto again =
      Organizations(db_).Create({.name = "FRONTEX", .kind = "government"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), domain::Code::kAlreadyExists);
  EXPECT_NE(again.status().detail().find("name"), std::string::npos);
}

TEST_F(RepositoryTest, RefusesToDeleteAReferencedRecord) {
  auto parent = AddOrganization("Ministry of Public Security");
  Organizations orgs(db_);
  ASSERT_TRUE(orgs.Create({.name = "Bureau of Exit and Entry Administration",
                           .kind = "government",
                           .parent_id = parent})
                  .ok());
  auto s = orgs.Delete(parent);
  EXPECT_EQ(s.code(), domain::Code::kFailedPrecondition);
  EXPECT_TRUE(orgs.Exists(parent));
  EXPECT_EQ(orgs.Delete(9999).code(), domain::Code::kNotFound);
}

TEST_F(RepositoryTest, PagesByIdWithAStableCursor) {
  for (int i = 0; i < 7; ++i) AddOrganization("Org " + std::to_string(i));
  Organizations orgs(db_);
  std::vector<std::string> seen;
  PageRequest page{0, 3};
  int pages = 0;
  for (;; ++pages) {
    auto p = orgs.List({}, page);
    for (auto& o : p.items) seen.push_back(o.name);
    if (!p.next_after_id) break;
    page.after_id = *p.next_after_id;
  }
  EXPECT_EQ(pages, 2);  // 3 + 3 + 1
  ASSERT_EQ(seen.size(), 7u);
  EXPECT_EQ(seen.front(), "Org 0");
  EXPECT_EQ(seen.back(), "Org 6");
}

TEST_F(RepositoryTest, FiltersEscapeLikeWildcards) {
  AddOrganization("100% Border");
  AddOrganization("1000 Borders");
  auto p = Organizations(db_).List({.q = "0% b"}, {0, 50});
  ASSERT_EQ(p.items.size(), 1u);
  EXPECT_EQ(p.items[0].name, "100% Border");
}

TEST_F(RepositoryTest, ATransactionRollsBackOnAnErrorStatus) {
  auto s = WriteTransaction(db_, [&] {
    AddOrganization("Kept only if committed");
    return domain::Status::Invalid({{"x", "no"}});
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(Organizations(db_).List({}, {0, 50}).items.size(), 0u);
}

TEST_F(RepositoryTest, TheSchemaRefusesMarksForUnregisteredPeople) {
  auto project = Projects(db_).Create({.code = "P", .title = "P"}).value();
  domain::Workshop w{.project_id = project,
                     .title = "W",
                     .kind = "training",
                     .status = "held"};
  auto workshop = Workshops(db_).Create(w).value();
  domain::Session s{.workshop_id = workshop};
  s.date = domain::Date::Parse("2017-09-08");
  auto session = Sessions(db_).Create(s).value();
  auto person = People(db_).Create({.full_name = "Liu Liu"}).value();
  std::vector<domain::AttendanceMark> sheet = {{person, "present"}};
  EXPECT_THROW(ReplaceSheet(db_, workshop, session, sheet), std::exception);
  ASSERT_TRUE(Registrations(db_)
                  .Create({.workshop_id = workshop, .person_id = person})
                  .ok());
  ReplaceSheet(db_, workshop, session, sheet);
  EXPECT_EQ(Sheet(db_, session).size(), 1u);
}

}  // namespace
}  // namespace capdev::storage
