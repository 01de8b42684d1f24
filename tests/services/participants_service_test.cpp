// The rules of registering people for workshops and taking their attendance
// (app/services/registrations.cpp, attendance.cpp), called directly on a
// temporary database.

#include "app/services/attendance.hpp"
#include "app/services/registrations.hpp"
#include "domain/attendance.hpp"
#include "domain/date.hpp"
#include "domain/registration.hpp"
#include "storage/attendance_repository.hpp"
#include "tests/services/service_test.hpp"

namespace capdev::testing {
namespace {

using domain::Code;
using domain::Mark;

class RegistrationServiceTest : public ServiceTest {
 protected:
  domain::StatusOr<services::Written<domain::Registration>> Add(
      std::int64_t workshop, const json::object& fields, bool strict = false) {
    return Write([&](storage::WriteTx& tx) {
      return services::CreateRegistration(tx, coordinator_, workshop,
                                          DraftOf<domain::Registration>(fields),
                                          strict);
    });
  }

  const std::int64_t project_ = Project("CBMM");
  const std::int64_t workshop_ =
      Workshop(project_, "confirmed", "2017-09-08", "2017-09-09");
  const std::int64_t wang_fang_ = Person(
      {{"native_name", "王芳"}, {"gender", "female"}, {"province", "浙江"}});
};

TEST_F(RegistrationServiceTest, OnePersonIsRegisteredOncePerWorkshop) {
  auto first = Add(workshop_, {{"person_id", wang_fang_}});
  ASSERT_TRUE(first.ok()) << Describe(first.status());
  auto again = Add(workshop_, {{"person_id", wang_fang_}, {"role", "speaker"}});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Code::kAlreadyExists);
  EXPECT_EQ(Count("registrations"), 1);
  const auto stored = Stored<domain::Registration>(first->record.id);
  EXPECT_EQ(stored->role, domain::RegistrationRole::kParticipant);
  EXPECT_EQ(AuditEntries("registration", "create"), 1);
}

TEST_F(RegistrationServiceTest, AnUnknownPersonIsRefused) {
  auto r = Add(workshop_, {{"person_id", wang_fang_ + 100}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  ASSERT_FALSE(r.status().errors().empty());
  EXPECT_EQ(r.status().errors()[0].field, "person_id");
  EXPECT_EQ(Count("registrations"), 0);
}

TEST_F(RegistrationServiceTest, AnUnknownWorkshopIsNotFound) {
  auto r = Add(workshop_ + 100, {{"person_id", wang_fang_}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kNotFound);
  EXPECT_EQ(Count("registrations"), 0);
}

TEST_F(RegistrationServiceTest, StrictRefusesADoubleBookingOthersReportIt) {
  const auto same_days = Workshop(project_, "confirmed", "2017-09-09",
                                  "2017-09-10", "Interview techniques");
  Register(workshop_, wang_fang_);

  auto strict = Add(same_days, {{"person_id", wang_fang_}}, true);
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), Code::kFailedPrecondition);
  ASSERT_EQ(strict.status().conflicts().size(), 1u);
  EXPECT_EQ(strict.status().conflicts()[0].person_id, wang_fang_);
  EXPECT_EQ(strict.status().conflicts()[0].date.ToString(), "2017-09-09");
  EXPECT_EQ(
      Count("registrations", "workshop_id = " + std::to_string(same_days)), 0);

  auto lenient = Add(same_days, {{"person_id", wang_fang_}});
  ASSERT_TRUE(lenient.ok()) << Describe(lenient.status());
  ASSERT_TRUE(lenient->conflicts.has_value());
  ASSERT_EQ(lenient->conflicts->size(), 1u);
  EXPECT_EQ((*lenient->conflicts)[0].other_workshop_id, workshop_);
  EXPECT_EQ(
      Count("registrations", "workshop_id = " + std::to_string(same_days)), 1);
}

TEST_F(RegistrationServiceTest, ARegistrationIsChangedOnlyWithinItsWorkshop) {
  const auto other = Workshop(project_, "planned", "2019-04-01", "2019-04-02",
                              "Visa policy seminar");
  const auto registration = Register(workshop_, wang_fang_);
  auto wrong_workshop = Write([&](storage::WriteTx& tx) {
    return services::UpdateRegistration(
        tx, coordinator_, other, registration,
        DraftOf<domain::Registration>({{"role", "trainer"}}), false);
  });
  ASSERT_FALSE(wrong_workshop.ok());
  EXPECT_EQ(wrong_workshop.status().code(), Code::kNotFound);

  auto changed = Write([&](storage::WriteTx& tx) {
    return services::UpdateRegistration(
        tx, coordinator_, workshop_, registration,
        DraftOf<domain::Registration>({{"role", "trainer"}}), false);
  });
  ASSERT_TRUE(changed.ok()) << Describe(changed.status());
  EXPECT_EQ(Stored<domain::Registration>(registration)->role,
            domain::RegistrationRole::kTrainer);
}

class AttendanceServiceTest : public RegistrationServiceTest {
 protected:
  domain::StatusOr<std::vector<domain::AttendanceMark>> Replace(
      std::int64_t workshop, std::int64_t session,
      const std::vector<domain::AttendanceMark>& marks) {
    return Write([&](storage::WriteTx& tx) {
      return services::ReplaceSheet(tx, coordinator_, workshop, session, marks,
                                    {});
    });
  }
  std::int64_t zhang_wei_ = Person({{"full_name", "ZHANG Wei"},
                                    {"native_name", "张伟"},
                                    {"gender", "male"}});
};

TEST_F(AttendanceServiceTest, MarksOnlyPeopleRegisteredForTheWorkshop) {
  Register(workshop_, wang_fang_);  // ZHANG Wei is not
  const auto session = Sessions(workshop_)[0];
  auto r = Replace(workshop_, session,
                   {{wang_fang_, Mark::kPresent}, {zhang_wei_, Mark::kLate}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(
      testing::Ok(storage::Sheet(db_, session)).empty());  // all or nothing
  EXPECT_EQ(AuditEntries("attendance", "replace"), 0);
}

TEST_F(AttendanceServiceTest, NoMarksForAPlannedWorkshop) {
  const auto planned = Workshop(project_, "planned", "2018-03-01", "2018-03-02",
                                "Risk analysis");
  Register(planned, wang_fang_);
  const auto session = Sessions(planned)[0];
  auto r = Replace(planned, session, {{wang_fang_, Mark::kPresent}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kFailedPrecondition);
  EXPECT_TRUE(testing::Ok(storage::Sheet(db_, session)).empty());
}

TEST_F(AttendanceServiceTest, NoMarksBeforeTheSessionsDay) {
  const auto start = domain::Date::Today().AddDays(20);
  const auto coming =
      Workshop(project_, "confirmed", start.ToString(),
               start.AddDays(1).ToString(), "Document security refresher");
  Register(coming, wang_fang_);
  const auto session = Sessions(coming)[0];
  auto r = Replace(coming, session, {{wang_fang_, Mark::kPresent}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kFailedPrecondition);
  EXPECT_TRUE(testing::Ok(storage::Sheet(db_, session)).empty());
}

TEST_F(AttendanceServiceTest, ASheetIsReplacedAsAWhole) {
  Register(workshop_, wang_fang_);
  Register(workshop_, zhang_wei_);
  const auto session = Sessions(workshop_)[0];
  ASSERT_TRUE(Replace(workshop_, session,
                      {{zhang_wei_, Mark::kLate}, {wang_fang_, Mark::kPresent}})
                  .ok());
  auto second = Replace(workshop_, session, {{wang_fang_, Mark::kExcused}});
  ASSERT_TRUE(second.ok()) << Describe(second.status());

  const auto sheet = testing::Ok(storage::Sheet(db_, session));
  ASSERT_EQ(sheet.size(), 1u);
  EXPECT_EQ(sheet[0].person_id, wang_fang_);
  EXPECT_EQ(sheet[0].status, Mark::kExcused);
  EXPECT_TRUE(testing::Ok(storage::Sheet(db_, Sessions(workshop_)[1])).empty());
  EXPECT_EQ(AuditEntries("attendance", "replace", session), 2);
}

TEST_F(AttendanceServiceTest, ASessionOfAnotherWorkshopIsNotFound) {
  const auto other = Workshop(project_, "confirmed", "2018-05-14", "2018-05-15",
                              "Interview techniques");
  Register(workshop_, wang_fang_);
  Register(other, wang_fang_);
  auto r =
      Replace(workshop_, Sessions(other)[0], {{wang_fang_, Mark::kPresent}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kNotFound);
  EXPECT_EQ(Count("attendance"), 0);
}

}  // namespace
}  // namespace capdev::testing
