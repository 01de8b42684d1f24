#include "domain/attendance.hpp"

#include <gtest/gtest.h>

namespace capdev::domain {
namespace {

TEST(AttendanceSheetTest, AcceptsMarksForRegisteredPeople) {
  std::vector<AttendanceMark> sheet = {
      {1, Mark::kPresent}, {2, Mark::kLate}, {3, Mark::kAbsent}};
  EXPECT_TRUE(ValidateSheet(sheet, {1, 2, 3, 4}).ok());
}

TEST(AttendanceSheetTest, NamesEveryUnregisteredOrDuplicatePerson) {
  // Person 2 named without a mark: theirs is cleared, which is no error.
  std::vector<AttendanceMark> sheet = {
      {1, Mark::kPresent}, {9, Mark::kPresent}, {1, Mark::kLate}, {2, {}}};
  auto s = ValidateSheet(sheet, {1, 2});
  ASSERT_EQ(s.errors().size(), 2u);
  EXPECT_EQ(s.errors()[0].field, "[1].person_id");
  EXPECT_EQ(s.errors()[0].code, "not_allowed");
  EXPECT_EQ(s.errors()[0].message,
            Message("error.person_not_registered", {{"person", "9"}}));
  EXPECT_EQ(s.errors()[1].field, "[2].person_id");
  EXPECT_EQ(s.errors()[1].code, "repeated");
}

TEST(AttendanceSheetTest, PresentAndLateCountAsAttended) {
  EXPECT_TRUE(CountsAsAttended(Mark::kPresent));
  EXPECT_TRUE(CountsAsAttended(Mark::kLate));
  EXPECT_FALSE(CountsAsAttended(Mark::kExcused));
  EXPECT_FALSE(CountsAsAttended(Mark::kAbsent));
}

}  // namespace
}  // namespace capdev::domain
