#include "domain/conflict.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace capdev::domain {
namespace {

Conflict PersonClash(std::int64_t person, const char* date,
                     std::int64_t other_workshop = 9) {
  return Conflict{.kind = ConflictKind::kPerson,
                  .severity = Severity::kConflict,
                  .date = *Date::Parse(date),
                  .workshop_id = 6,
                  .other_workshop_id = other_workshop,
                  .other_workshop_title = "Risk analysis",
                  .person_id = person};
}

TEST(ConflictTest, NewConflictsAreThoseNotThereBefore) {
  const Conflict kept = PersonClash(8, "2027-03-02");
  const Conflict created = PersonClash(10, "2027-03-02");
  EXPECT_EQ(NewConflicts({kept}, {kept, created}),
            std::vector<Conflict>{created});
}

TEST(ConflictTest, NoConflictIsNewWhenNothingChanged) {
  const std::vector<Conflict> same = {PersonClash(8, "2027-03-02"),
                                      PersonClash(10, "2027-03-03")};
  EXPECT_TRUE(NewConflicts(same, same).empty());
}

TEST(ConflictTest, AResolvedConflictIsNotReportedAsNew) {
  EXPECT_TRUE(NewConflicts({PersonClash(8, "2027-03-02")}, {}).empty());
}

TEST(ConflictTest, EveryConflictIsNewWhenThereWereNoneBefore) {
  const std::vector<Conflict> after = {PersonClash(8, "2027-03-02"),
                                       PersonClash(10, "2027-03-03")};
  EXPECT_EQ(NewConflicts({}, after), after);
}

TEST(ConflictTest, MovingAClashToAnotherDayMakesItNew) {
  const Conflict moved = PersonClash(8, "2027-03-03");
  EXPECT_EQ(NewConflicts({PersonClash(8, "2027-03-02")}, {moved}),
            std::vector<Conflict>{moved});
}

TEST(ConflictTest, AClashWithAnotherWorkshopIsNew) {
  const Conflict other = PersonClash(8, "2027-03-02", /*other_workshop=*/11);
  EXPECT_EQ(NewConflicts({PersonClash(8, "2027-03-02")}, {other}),
            std::vector<Conflict>{other});
}

TEST(ConflictTest, NewConflictsKeepTheirOrder) {
  const Conflict a = PersonClash(8, "2027-03-02");
  const Conflict b = PersonClash(9, "2027-03-02");
  const Conflict c = PersonClash(10, "2027-03-02");
  EXPECT_EQ(NewConflicts({b}, {a, b, c}), (std::vector<Conflict>{a, c}));
}

TEST(ConflictTest, PeopleAndVenuesAreConflictsTrainerInstitutionsWarnings) {
  EXPECT_EQ(SeverityOf(ConflictKind::kPerson), Severity::kConflict);
  EXPECT_EQ(SeverityOf(ConflictKind::kVenue), Severity::kConflict);
  EXPECT_EQ(SeverityOf(ConflictKind::kTrainerInstitution), Severity::kWarning);
}

TEST(ConflictTest, OnlyPeopleNeededInTheRoomCanBeDoubleBooked) {
  for (RegistrationRole role : Values<RegistrationRole>()) {
    const bool needed_in_the_room = role == RegistrationRole::kParticipant ||
                                    role == RegistrationRole::kTrainer ||
                                    role == RegistrationRole::kSpeaker;
    EXPECT_EQ(CanBeDoubleBooked(role), needed_in_the_room) << ToText(role);
  }
}

TEST(ConflictTest, ObserversAndOrganizersAreNotDoubleBooked) {
  EXPECT_FALSE(CanBeDoubleBooked(RegistrationRole::kObserver));
  EXPECT_FALSE(CanBeDoubleBooked(RegistrationRole::kOrganizer));
}

}  // namespace
}  // namespace capdev::domain
