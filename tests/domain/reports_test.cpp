#include "domain/reports.hpp"

#include <gtest/gtest.h>

namespace capdev::domain {
namespace {

TEST(ReportDefinitionsTest, OnlyParticipantsAreTrained) {
  for (auto role : Values<RegistrationRole>()) {
    EXPECT_EQ(CountsAsTrained(role), role == RegistrationRole::kParticipant)
        << ToText(role);
  }
}

TEST(ReportDefinitionsTest, CompletionIsAShareOfAllSessions) {
  EXPECT_FALSE(Completed(2, 3, 80));  // 67%
  EXPECT_TRUE(Completed(3, 3, 80));
  EXPECT_TRUE(Completed(4, 5, 80));   // exactly 80%
  EXPECT_FALSE(Completed(3, 5, 80));  // 60%
  EXPECT_TRUE(Completed(1, 3, 30));   // 33% >= 30%
  EXPECT_FALSE(Completed(0, 0, 80));  // no sessions: nobody completes
}

TEST(ReportDefinitionsTest, RateIsTheMeanOfTheSessions) {
  // 40 registered; day 1: 32 came, day 2: 40 -> (0.8 + 1.0) / 2.
  EXPECT_DOUBLE_EQ(*AttendanceRate(72, 2, 40), 0.9);
  EXPECT_FALSE(AttendanceRate(0, 0, 40));
  EXPECT_FALSE(AttendanceRate(0, 2, 0));
}

TEST(ReportDefinitionsTest, HeadcountOnlyWithoutNamedParticipants) {
  Workshop w{.reported_participants = 30, .duration_days = 5};
  WorkshopFigures f;
  Complete(f, w);
  EXPECT_EQ(f.reported_headcount, 30);
  EXPECT_EQ(f.estimated_participant_days, 150);
  w.start_date = Date::Parse("2017-09-08");
  w.end_date = Date::Parse("2017-09-09");  // the dates win over a duration
  Complete(f, w);
  EXPECT_EQ(f.estimated_participant_days, 60);
  f.participants_registered = 1;  // a named list: the headcount is not used
  Complete(f, w);
  EXPECT_FALSE(f.reported_headcount);
  EXPECT_FALSE(f.estimated_participant_days);
}

TEST(ReportDefinitionsTest, TotalsAddTheLinesUp) {
  std::vector<WorkshopLine> lines(2);
  lines[0].figures = {.participant_days = 5, .attendance_rate = 0.5};
  lines[0].figures.people_trained = 3;
  lines[1].figures.reported_headcount = 40;
  lines[1].figures.estimated_participant_days = 80;
  Totals t;
  AddUp(lines, t);
  EXPECT_EQ(t.workshops, 2);
  EXPECT_EQ(t.participations, 3);
  EXPECT_EQ(t.participants, 43);
  EXPECT_EQ(t.estimated_participant_days, 80);
  EXPECT_DOUBLE_EQ(*t.attendance_rate, 0.5);  // the one workshop with a rate
}

}  // namespace
}  // namespace capdev::domain
