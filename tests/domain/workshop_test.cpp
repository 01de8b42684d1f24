#include "domain/workshop.hpp"

#include <gtest/gtest.h>

#include "domain/session.hpp"

namespace capdev::domain {
namespace {

WorkshopStatus St(std::string_view text) {
  return *FromText<WorkshopStatus>(text);
}

Workshop Dated(const char* status, const char* start, const char* end) {
  Workshop w{.project_id = 1,
             .title = "Fraudulent Travel Document Examination",
             .kind = WorkshopKind::kTraining,
             .status = St(status)};
  w.start_date = Date::Parse(start);
  w.end_date = Date::Parse(end);
  return w;
}

TEST(WorkshopRulesTest, PlannedAndConfirmedWorkshopsNeedDates) {
  for (const char* status : {"planned", "confirmed"}) {
    Workshop w{.project_id = 1,
               .title = "T",
               .kind = WorkshopKind::kTraining,
               .status = St(status)};
    auto s = Validate(w);
    ASSERT_EQ(s.errors().size(), 2u) << status;
    EXPECT_EQ(s.errors()[0].field, "start_date");
    EXPECT_EQ(s.errors()[1].field, "end_date");
  }
}

TEST(WorkshopRulesTest, HeldRecordMayHaveUnknownDates) {
  Workshop w{.project_id = 1,
             .title = "T",
             .kind = WorkshopKind::kWorkshop,
             .status = WorkshopStatus::kHeld};
  EXPECT_TRUE(Validate(w).ok());
  w.dates_estimated = true;  // nothing to estimate without dates
  EXPECT_FALSE(Validate(w).ok());
}

TEST(WorkshopRulesTest, TopicsAreNonEmptySingleLines) {
  auto w = Dated("planned", "2027-03-01", "2027-03-01");
  w.topics = {"border control", "", "line\nbreak", "unit\x1fseparator"};
  auto s = Validate(w);
  ASSERT_EQ(s.errors().size(), 3u);
  EXPECT_EQ(s.errors()[0].field, "topics[1]");
  EXPECT_EQ(s.errors()[1].field, "topics[2]");
  EXPECT_EQ(s.errors()[2].field, "topics[3]");
}

TEST(WorkshopRulesTest, RejectsEndBeforeStart) {
  auto s = Validate(Dated("planned", "2027-03-05", "2027-03-04"));
  ASSERT_EQ(s.errors().size(), 1u);
  EXPECT_EQ(s.errors()[0].field, "end_date");
}

TEST(WorkshopRulesTest, BoundsTheLengthOfAWorkshop) {
  EXPECT_TRUE(Validate(Dated("planned", "2027-01-01", "2027-12-31")).ok());
  EXPECT_FALSE(Validate(Dated("planned", "2027-01-01", "2028-12-31")).ok());
}

TEST(WorkshopRulesTest, DaysOfCoversEveryCalendarDayInclusive) {
  auto days = DaysOf(*Date::Parse("2012-11-06"), *Date::Parse("2012-11-09"));
  ASSERT_EQ(days.size(), 4u);
  EXPECT_EQ(days.front().ToString(), "2012-11-06");
  EXPECT_EQ(days.back().ToString(), "2012-11-09");
}

TEST(WorkshopLifecycleTest, AllowsTheDocumentedTransitions) {
  EXPECT_TRUE(CheckTransition(St("planned"), St("confirmed")).ok());
  EXPECT_TRUE(CheckTransition(St("confirmed"), St("held")).ok());
  EXPECT_TRUE(CheckTransition(St("planned"), St("cancelled")).ok());
  EXPECT_TRUE(CheckTransition(St("confirmed"), St("cancelled")).ok());
  EXPECT_TRUE(CheckTransition(St("confirmed"), St("planned")).ok());
  EXPECT_TRUE(CheckTransition(St("held"), St("held")).ok());
}

TEST(WorkshopLifecycleTest, RefusesTheOthersWithAReason) {
  for (auto [from, to] : std::vector<std::pair<const char*, const char*>>{
           {"held", "planned"},
           {"held", "cancelled"},
           {"cancelled", "planned"},
           {"planned", "held"},
           {"cancelled", "held"}}) {
    auto s = CheckTransition(St(from), St(to));
    EXPECT_EQ(s.code(), Code::kFailedPrecondition) << from << "->" << to;
    // The reason: why it cannot (held, cancelled, not confirmed yet).
    EXPECT_TRUE(s.detail().key().starts_with("error.transition_"))
        << s.detail();
    EXPECT_EQ(s.detail().args(), (std::vector<std::pair<std::string, Arg>>{
                                     {"from", from}, {"to", to}}));
  }
}

TEST(WorkshopLifecycleTest, AllowedTransitionsAreTheMovesItMayMakeToday) {
  const auto today = *Date::Parse("2026-12-06");
  auto names = [&](const Workshop& w) {
    std::vector<std::string> out;
    for (auto s : AllowedTransitions(w, today)) out.emplace_back(ToText(s));
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names(Dated("planned", "2026-12-01", "2026-12-02")),
            (V{"confirmed", "cancelled"}));
  EXPECT_EQ(names(Dated("confirmed", "2026-12-06", "2026-12-08")),
            (V{"planned", "held", "cancelled"}));
  // Not held before it starts.
  EXPECT_EQ(names(Dated("confirmed", "2026-12-07", "2026-12-08")),
            (V{"planned", "cancelled"}));
  EXPECT_EQ(names(Dated("held", "2026-12-01", "2026-12-02")), V{});
  EXPECT_EQ(names(Dated("cancelled", "2026-12-01", "2026-12-02")), V{});
}

TEST(SessionRulesTest, DateMustLieWithinTheWorkshop) {
  auto w = Dated("confirmed", "2027-03-01", "2027-03-03");
  Session s{.workshop_id = 1};
  s.date = Date::Parse("2027-03-04");
  EXPECT_EQ(Validate(s, w).errors().at(0).field, "date");
  s.date = Date::Parse("2027-03-03");
  s.start_time = "09:00";
  s.end_time = "08:00";
  EXPECT_EQ(Validate(s, w).errors().at(0).field, "end_time");
  s.end_time = "17:30";
  EXPECT_TRUE(Validate(s, w).ok());
  s.start_time = "25:00";
  EXPECT_FALSE(Validate(s, w).ok());
}

}  // namespace
}  // namespace capdev::domain
