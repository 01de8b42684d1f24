// storage::ConflictsOf on a real database: who and what is double-booked.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/project.hpp"
#include "domain/registration.hpp"
#include "domain/session.hpp"
#include "domain/workshop.hpp"
#include "storage/migrations.hpp"
#include "storage/parties.hpp"
#include "storage/records.hpp"
#include "storage/schedule_queries.hpp"
#include "storage/transaction.hpp"
#include "tests/support/pg_database.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::storage {
namespace {

using domain::ConflictKind;
using domain::RegistrationRole;
using domain::RegistrationStatus;
using domain::WorkshopStatus;

constexpr const char* kDay = "2027-03-02";

struct Place {
  const char* city;
  const char* venue;
};

class ConflictsTest : public ::testing::Test {
 protected:
  void SetUp() override { CAPDEV_SKIP_WITHOUT_CLUSTER(test_db_); }
  ConflictsTest() : db_({test_db_.location()}) {
    EXPECT_TRUE(Migrate(db_).ok());
    project_ = Add(domain::Project{.code = "CBMM", .title = "CBMM"});
  }

  template <class E>
  std::int64_t Add(const E& entity) {
    auto id = InWriteTx(db_, [&](WriteTx& tx) { return Insert(tx, entity); });
    EXPECT_TRUE(id.ok()) << id.status().detail();
    return id.ok() ? id.value() : 0;
  }

  // A one-day workshop with its session.
  std::int64_t AddWorkshop(const std::string& title, Place place,
                           const char* day = kDay,
                           WorkshopStatus status = WorkshopStatus::kConfirmed) {
    domain::Workshop w{.project_id = project_,
                       .title = title,
                       .kind = domain::WorkshopKind::kTraining,
                       .status = status,
                       .city = place.city,
                       .venue = place.venue};
    w.start_date = domain::Date::Parse(day);
    w.end_date = w.start_date;
    const std::int64_t id = Add(w);
    AddSession(id, day);
    return id;
  }
  void AddSession(std::int64_t workshop, const char* day) {
    domain::Session s{.workshop_id = workshop};
    s.date = domain::Date::Parse(day);
    Add(s);
  }
  std::int64_t AddPerson(const std::string& name) {
    return Add(domain::Person{.full_name = name});
  }
  void Register(std::int64_t workshop, std::int64_t person,
                RegistrationRole role = RegistrationRole::kParticipant,
                RegistrationStatus status = RegistrationStatus::kRegistered) {
    Add(domain::Registration{.workshop_id = workshop,
                             .person_id = person,
                             .role = role,
                             .status = status});
  }
  std::int64_t AddOrganization(const std::string& name) {
    return Add(domain::Organization{
        .name = name, .kind = domain::OrganizationKind::kGovernment});
  }
  void AddTrainer(std::int64_t workshop, std::int64_t organization,
                  domain::WorkshopRole role = domain::WorkshopRole::kTrainer) {
    const std::vector<domain::WorkshopParty> parties = {{organization, role}};
    auto s = InWriteTx(db_, [&](WriteTx& tx) {
      return ReplaceWorkshopParties(tx, workshop, parties);
    });
    EXPECT_TRUE(s.ok()) << s.detail();
  }

  testing::TestDatabase test_db_;  // SQLite or PostgreSQL
  Database db_;
  std::int64_t project_ = 0;
};

const Place kBeijingHotel{"Beijing", "Friendship Hotel"};
const Place kShanghaiHall{"Shanghai", "Expo Hall"};

TEST_F(ConflictsTest, AParticipantInTwoWorkshopsOnOneDayIsOnePersonConflict) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", kShanghaiHall);
  const auto person = AddPerson("Wang Fang");
  Register(mine, person);
  Register(other, person);

  auto conflicts = testing::Ok(ConflictsOf(db_, mine));
  ASSERT_EQ(conflicts.size(), 1u);
  const auto& c = conflicts[0];
  EXPECT_EQ(c.kind, ConflictKind::kPerson);
  EXPECT_EQ(c.severity, domain::Severity::kConflict);
  EXPECT_EQ(c.date.ToString(), kDay);
  EXPECT_EQ(c.workshop_id, mine);
  EXPECT_EQ(c.other_workshop_id, other);
  EXPECT_EQ(c.other_workshop_title, "Risk analysis");
  EXPECT_EQ(c.person_id, person);
  EXPECT_EQ(c.organization_id, std::nullopt);
}

TEST_F(ConflictsTest, TheOtherWorkshopSeesTheSameClash) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", kShanghaiHall);
  const auto person = AddPerson("Wang Fang");
  Register(mine, person);
  Register(other, person);

  auto conflicts = testing::Ok(ConflictsOf(db_, other));
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].workshop_id, other);
  EXPECT_EQ(conflicts[0].other_workshop_id, mine);
  EXPECT_EQ(conflicts[0].other_workshop_title, "Document security");
}

TEST_F(ConflictsTest, TwoSessionsOnTheSameDayAreStillOneConflict) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", kShanghaiHall);
  AddSession(other, kDay);  // an afternoon session
  AddSession(mine, kDay);
  const auto person = AddPerson("Wang Fang");
  Register(mine, person);
  Register(other, person);

  EXPECT_EQ(testing::Ok(ConflictsOf(db_, mine)).size(), 1u);
}

TEST_F(ConflictsTest, TrainersAndSpeakersAreDoubleBookedToo) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", kShanghaiHall);
  const auto person = AddPerson("Pär Liljert");
  Register(mine, person, RegistrationRole::kTrainer);
  Register(other, person, RegistrationRole::kSpeaker);

  auto conflicts = testing::Ok(ConflictsOf(db_, mine));
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].kind, ConflictKind::kPerson);
}

TEST_F(ConflictsTest, AnObserverIsNotDoubleBooked) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", kShanghaiHall);
  const auto person = AddPerson("Wang Fang");
  Register(mine, person);
  Register(other, person, RegistrationRole::kObserver);

  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, mine)).empty());
  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, other)).empty());
}

TEST_F(ConflictsTest, ACancelledRegistrationIsNotDoubleBooked) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", kShanghaiHall);
  const auto person = AddPerson("Wang Fang");
  Register(mine, person);
  Register(other, person, RegistrationRole::kParticipant,
           RegistrationStatus::kCancelled);

  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, mine)).empty());
}

TEST_F(ConflictsTest, ACancelledWorkshopClashesWithNothing) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto cancelled = AddWorkshop("Risk analysis", kBeijingHotel, kDay,
                                     WorkshopStatus::kCancelled);
  const auto person = AddPerson("Wang Fang");
  Register(mine, person);
  Register(cancelled, person);

  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, mine)).empty());
  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, cancelled)).empty());
}

TEST_F(ConflictsTest, WorkshopsOnDifferentDaysDoNotClash) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", kBeijingHotel, "2027-03-03");
  const auto person = AddPerson("Wang Fang");
  Register(mine, person);
  Register(other, person);

  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, mine)).empty());
}

TEST_F(ConflictsTest, TheSameVenueInTheSameCityOnOneDayIsAVenueConflict) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other =
      AddWorkshop("Risk analysis", {" beijing", "FRIENDSHIP HOTEL "});

  auto conflicts = testing::Ok(ConflictsOf(db_, mine));
  ASSERT_EQ(conflicts.size(), 1u);
  const auto& c = conflicts[0];
  EXPECT_EQ(c.kind, ConflictKind::kVenue);
  EXPECT_EQ(c.severity, domain::Severity::kConflict);
  EXPECT_EQ(c.other_workshop_id, other);
  EXPECT_EQ(c.venue, "Friendship Hotel");
  EXPECT_EQ(c.city, "Beijing");
  EXPECT_EQ(c.person_id, std::nullopt);
}

TEST_F(ConflictsTest, AVenueTypedWithOtherSpacesIsTheSameVenue) {
  // As pasted: two spaces, an ideographic space (U+3000), a tab, case.
  const auto mine = AddWorkshop(
      "Document security", {"Kunming", "Green Lake Hotel, Conference Room B"});
  const auto other =
      AddWorkshop("Risk analysis",
                  {"Kunming\t", "Green Lake Hotel,  conference room\u3000B"});
  AddWorkshop("Border control", {"Kunming", "Green Lake Hotel, Room C"});

  auto conflicts = testing::Ok(ConflictsOf(db_, mine));
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].kind, ConflictKind::kVenue);
  EXPECT_EQ(conflicts[0].other_workshop_id, other);
}

TEST_F(ConflictsTest, AVenueOfTheSameNameInAnotherCityIsNoConflict) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  AddWorkshop("Risk analysis", {"Shanghai", "Friendship Hotel"});

  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, mine)).empty());
}

TEST_F(ConflictsTest, AWorkshopWithoutVenueHasNoVenueConflict) {
  const auto mine = AddWorkshop("Document security", {"Beijing", ""});
  AddWorkshop("Risk analysis", {"Beijing", ""});

  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, mine)).empty());
}

TEST_F(ConflictsTest, ATrainerInstitutionInTwoCitiesOnOneDayIsAWarning) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", kShanghaiHall);
  const auto frontex = AddOrganization("Frontex");
  AddTrainer(mine, frontex);
  AddTrainer(other, frontex);

  auto conflicts = testing::Ok(ConflictsOf(db_, mine));
  ASSERT_EQ(conflicts.size(), 1u);
  const auto& c = conflicts[0];
  EXPECT_EQ(c.kind, ConflictKind::kTrainerInstitution);
  EXPECT_EQ(c.severity, domain::Severity::kWarning);
  EXPECT_EQ(c.other_workshop_id, other);
  EXPECT_EQ(c.organization_id, frontex);
  EXPECT_EQ(c.city, "Shanghai");
}

TEST_F(ConflictsTest, ATrainerInstitutionTwiceInOneCityIsNoWarning) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", {"Beijing", "Other Hall"});
  const auto frontex = AddOrganization("Frontex");
  AddTrainer(mine, frontex);
  AddTrainer(other, frontex);

  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, mine)).empty());
}

TEST_F(ConflictsTest, AnInstitutionThatOnlyHostsIsNoWarning) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  const auto other = AddWorkshop("Risk analysis", kShanghaiHall);
  const auto ministry = AddOrganization("Ministry of Public Security");
  AddTrainer(mine, ministry);
  AddTrainer(other, ministry, domain::WorkshopRole::kHost);

  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, mine)).empty());
}

TEST_F(ConflictsTest, AWorkshopAloneHasNoConflicts) {
  const auto mine = AddWorkshop("Document security", kBeijingHotel);
  Register(mine, AddPerson("Wang Fang"));
  EXPECT_TRUE(testing::Ok(ConflictsOf(db_, mine)).empty());
}

}  // namespace
}  // namespace capdev::storage
