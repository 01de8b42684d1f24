#include "domain/date.hpp"

#include <gtest/gtest.h>

namespace capdev::domain {
namespace {

TEST(DateTest, ParsesAndPrintsIsoDates) {
  auto d = Date::Parse("2012-11-06");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->ToString(), "2012-11-06");
}

TEST(DateTest, RejectsImpossibleAndMalformedDates) {
  for (const char* bad :
       {"2013-02-29", "2012-13-01", "2012-00-10", "2012-1-10", "12-11-06",
        "2012/11/06", "2012-11-06T00:00", "", "abcd-ef-gh", "1899-12-31"}) {
    EXPECT_FALSE(Date::Parse(bad).has_value()) << bad;
  }
  EXPECT_TRUE(Date::Parse("2012-02-29").has_value());
}

TEST(DateTest, CountsAndAddsDaysAcrossMonthAndYearEnds) {
  auto a = *Date::Parse("2016-12-30");
  auto b = *Date::Parse("2017-01-02");
  EXPECT_EQ(a.DaysUntil(b), 3);
  EXPECT_EQ(b.DaysUntil(a), -3);
  EXPECT_EQ(a.AddDays(3), b);
  EXPECT_LT(a, b);
}

}  // namespace
}  // namespace capdev::domain
