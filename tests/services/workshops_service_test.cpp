// The rules of recording workshops and their sessions
// (app/services/workshops.cpp, sessions.cpp), called directly on a temporary
// database: each test checks the Status and what the database holds after.

#include "app/services/sessions.hpp"
#include "app/services/workshops.hpp"
#include "domain/date.hpp"
#include "domain/session.hpp"
#include "domain/workshop.hpp"
#include "storage/attendance_repository.hpp"
#include "tests/services/service_test.hpp"

namespace capdev::testing {
namespace {

using domain::Code;

class WorkshopServiceTest : public ServiceTest {
 protected:
  domain::StatusOr<services::Written<domain::Workshop>> Create(
      const json::object& fields, bool strict = false) {
    return Write([&](storage::WriteTx& tx) {
      return services::CreateWorkshop(
          tx, coordinator_, DraftOf<domain::Workshop>(fields), strict);
    });
  }
  domain::StatusOr<services::Written<domain::Workshop>> Update(
      std::int64_t id, const json::object& fields) {
    return Write([&](storage::WriteTx& tx) {
      return services::UpdateWorkshop(tx, coordinator_, id,
                                      DraftOf<domain::Workshop>(fields), false);
    });
  }
  std::string StatusOf(std::int64_t id) {
    return std::string(domain::ToText(*Stored<domain::Workshop>(id)->status));
  }
  std::vector<std::string> SessionDates(std::int64_t workshop) {
    std::vector<std::string> dates;
    for (auto id : Sessions(workshop))
      dates.push_back(Stored<domain::Session>(id)->date->ToString());
    return dates;
  }
  const std::int64_t project_ = Project("CBMM");
};

TEST_F(WorkshopServiceTest, CreatesOneSessionPerDayAndAuditsIt) {
  auto written = Create({{"project_id", project_},
                         {"title", "出入境证件鉴别培训"},
                         {"kind", "training"},
                         {"status", "confirmed"},
                         {"start_date", "2017-09-06"},
                         {"end_date", "2017-09-08"},
                         {"city", "Hangzhou"}});
  ASSERT_TRUE(written.ok()) << Describe(written.status());
  const auto id = written->record.id;
  EXPECT_EQ(Stored<domain::Workshop>(id)->title, "出入境证件鉴别培训");
  EXPECT_EQ(SessionDates(id), (std::vector<std::string>{
                                  "2017-09-06", "2017-09-07", "2017-09-08"}));
  EXPECT_EQ(AuditEntries("workshop", "create", id), 1);
}

TEST_F(WorkshopServiceTest, RejectsEndBeforeStartAndSavesNothing) {
  auto written = Create({{"project_id", project_},
                         {"title", "Border management seminar"},
                         {"kind", "seminar"},
                         {"status", "planned"},
                         {"start_date", "2018-05-10"},
                         {"end_date", "2018-05-08"}});
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), Code::kInvalidArgument);
  ASSERT_EQ(written.status().errors().size(), 1u);
  EXPECT_EQ(written.status().errors()[0].field, "end_date");
  EXPECT_EQ(Count("workshops"), 0);
  EXPECT_EQ(Count("sessions"), 0);
  EXPECT_EQ(Count("audit_log", "entity = 'workshop'"), 0);
}

TEST_F(WorkshopServiceTest, RejectsAnUnknownProject) {
  auto written = Create({{"project_id", project_ + 40},
                         {"title", "Study visit"},
                         {"kind", "study_tour"},
                         {"status", "planned"}});
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), Code::kInvalidArgument);
  ASSERT_FALSE(written.status().errors().empty());
  EXPECT_EQ(written.status().errors()[0].field, "project_id");
  EXPECT_EQ(Count("workshops"), 0);
}

TEST_F(WorkshopServiceTest, AHeldWorkshopCannotStartAfterToday) {
  const auto start = domain::Date::Today().AddDays(10);
  auto written = Create({{"project_id", project_},
                         {"title", "Anti-trafficking training"},
                         {"kind", "training"},
                         {"status", "held"},
                         {"start_date", start.ToString()},
                         {"end_date", start.AddDays(1).ToString()}});
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(Count("workshops"), 0);
  EXPECT_EQ(Count("sessions"), 0);
}

TEST_F(WorkshopServiceTest, LifecycleGoesPlannedConfirmedHeld) {
  const auto id = Workshop(project_, "planned", "2017-09-08", "2017-09-09");
  auto held = Update(id, {{"status", "held"}});
  ASSERT_FALSE(held.ok());
  EXPECT_EQ(held.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(StatusOf(id), "planned");

  ASSERT_TRUE(Update(id, {{"status", "confirmed"}}).ok());
  auto now_held = Update(id, {{"status", "held"}});
  ASSERT_TRUE(now_held.ok()) << Describe(now_held.status());
  EXPECT_EQ(StatusOf(id), "held");
  EXPECT_EQ(AuditEntries("workshop", "update", id), 2);
}

TEST_F(WorkshopServiceTest, HeldAndCancelledWorkshopsStaySo) {
  const auto held = Workshop(project_, "held", "2017-09-08", "2017-09-09");
  const auto cancelled =
      Workshop(project_, "cancelled", "2018-03-01", "2018-03-02");
  for (const char* to : {"planned", "confirmed", "cancelled"}) {
    auto r = Update(held, {{"status", to}});
    EXPECT_EQ(r.ok() ? Code::kOk : r.status().code(), Code::kFailedPrecondition)
        << "held -> " << to;
  }
  for (const char* to : {"planned", "confirmed", "held"}) {
    auto r = Update(cancelled, {{"status", to}});
    EXPECT_EQ(r.ok() ? Code::kOk : r.status().code(), Code::kFailedPrecondition)
        << "cancelled -> " << to;
  }
  EXPECT_EQ(StatusOf(held), "held");
  EXPECT_EQ(StatusOf(cancelled), "cancelled");
  EXPECT_EQ(AuditEntries("workshop", "update"), 0);
}

TEST_F(WorkshopServiceTest, ANewStartDateMovesTheSessionsAlong) {
  const auto id = Workshop(project_, "planned", "2018-11-05", "2018-11-06");
  auto moved =
      Update(id, {{"start_date", "2018-11-12"}, {"end_date", "2018-11-13"}});
  ASSERT_TRUE(moved.ok()) << Describe(moved.status());
  EXPECT_EQ(SessionDates(id),
            (std::vector<std::string>{"2018-11-12", "2018-11-13"}));
}

TEST_F(WorkshopServiceTest, ShorteningMayNotLeaveASessionOutside) {
  const auto id = Workshop(project_, "planned", "2018-11-05", "2018-11-07");
  auto shortened = Update(id, {{"end_date", "2018-11-06"}});
  ASSERT_FALSE(shortened.ok());
  EXPECT_EQ(shortened.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Stored<domain::Workshop>(id)->end_date->ToString(), "2018-11-07");
  EXPECT_EQ(SessionDates(id), (std::vector<std::string>{
                                  "2018-11-05", "2018-11-06", "2018-11-07"}));
}

TEST_F(WorkshopServiceTest, TheStartDateStaysOnceAttendanceIsTaken) {
  const auto id = Workshop(project_, "confirmed", "2017-09-08", "2017-09-09");
  const auto person = Person({{"native_name", "王芳"}, {"gender", "female"}});
  Register(id, person);
  MarkPresent(id, Sessions(id)[0], person);
  auto moved =
      Update(id, {{"start_date", "2017-09-15"}, {"end_date", "2017-09-16"}});
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(Stored<domain::Workshop>(id)->start_date->ToString(), "2017-09-08");
  EXPECT_EQ(SessionDates(id),
            (std::vector<std::string>{"2017-09-08", "2017-09-09"}));
  EXPECT_EQ(testing::Ok(storage::Sheet(db_, Sessions(id)[0])).size(), 1u);
}

TEST_F(WorkshopServiceTest, AWorkshopWithRegistrationsCannotBeDeleted) {
  const auto id = Workshop(project_, "planned", "2018-11-05", "2018-11-06");
  Register(id, Person({{"full_name", "ZHANG Wei"}, {"gender", "male"}}));
  auto deleted = Write([&](storage::WriteTx& tx) {
    return services::DeleteWorkshop(tx, coordinator_, id);
  });
  EXPECT_EQ(deleted.code(), Code::kFailedPrecondition);
  EXPECT_TRUE(Stored<domain::Workshop>(id).has_value());
  EXPECT_EQ(Count("registrations"), 1);
  EXPECT_EQ(AuditEntries("workshop", "delete"), 0);
}

class SessionServiceTest : public WorkshopServiceTest {
 protected:
  domain::StatusOr<services::Written<domain::Session>> AddSession(
      std::int64_t workshop, const json::object& fields) {
    return Write([&](storage::WriteTx& tx) {
      return services::CreateSession(tx, coordinator_, workshop,
                                     DraftOf<domain::Session>(fields), false);
    });
  }
};

TEST_F(SessionServiceTest, ASessionLiesWithinItsWorkshopsDates) {
  const auto id = Workshop(project_, "confirmed", "2017-09-08", "2017-09-09");
  auto outside = AddSession(id, {{"date", "2017-09-10"}});
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.status().code(), Code::kInvalidArgument);
  ASSERT_FALSE(outside.status().errors().empty());
  EXPECT_EQ(outside.status().errors()[0].field, "date");

  auto afternoon = AddSession(
      id,
      {{"date", "2017-09-09"}, {"start_time", "14:00"}, {"end_time", "17:30"}});
  ASSERT_TRUE(afternoon.ok()) << Describe(afternoon.status());
  EXPECT_EQ(SessionDates(id), (std::vector<std::string>{
                                  "2017-09-08", "2017-09-09", "2017-09-09"}));
  EXPECT_EQ(Stored<domain::Session>(afternoon->record.id)->start_time, "14:00");
}

TEST_F(SessionServiceTest, AMarkedSessionCannotMoveOrBeRemoved) {
  const auto id = Workshop(project_, "confirmed", "2017-09-08", "2017-09-09");
  const auto person = Person({{"native_name", "李娜"}});
  Register(id, person);
  MarkPresent(id, Sessions(id)[0], person);
  const auto marked = Sessions(id)[0];
  const auto unmarked = Sessions(id)[1];

  auto moved = Write([&](storage::WriteTx& tx) {
    return services::UpdateSession(
        tx, coordinator_, id, marked,
        DraftOf<domain::Session>({{"date", "2017-09-09"}}), false);
  });
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.status().code(), Code::kFailedPrecondition);
  auto removed = Write([&](storage::WriteTx& tx) {
    return services::DeleteSession(tx, coordinator_, id, marked);
  });
  EXPECT_EQ(removed.code(), Code::kFailedPrecondition);
  EXPECT_EQ(Stored<domain::Session>(marked)->date->ToString(), "2017-09-08");

  // The day without marks may go.
  auto removed_unmarked = Write([&](storage::WriteTx& tx) {
    return services::DeleteSession(tx, coordinator_, id, unmarked);
  });
  EXPECT_TRUE(removed_unmarked.ok()) << Describe(removed_unmarked);
  EXPECT_EQ(Sessions(id), std::vector<std::int64_t>{marked});
}

TEST_F(SessionServiceTest, ASessionOfAnotherWorkshopIsNotFound) {
  const auto a = Workshop(project_, "confirmed", "2017-09-08", "2017-09-09");
  const auto b = Workshop(project_, "confirmed", "2018-05-14", "2018-05-15",
                          "Interview techniques");
  const auto session_of_b = Sessions(b)[0];
  auto removed = Write([&](storage::WriteTx& tx) {
    return services::DeleteSession(tx, coordinator_, a, session_of_b);
  });
  EXPECT_EQ(removed.code(), Code::kNotFound);
  EXPECT_TRUE(Stored<domain::Session>(session_of_b).has_value());
}

}  // namespace
}  // namespace capdev::testing
