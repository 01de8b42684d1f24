#include "domain/attendance.hpp"

#include <gtest/gtest.h>

namespace capdev::domain {
namespace {

TEST(AttendanceSheetTest, AcceptsMarksForRegisteredPeople) {
  std::vector<AttendanceMark> sheet = {
      {1, "present"}, {2, "late"}, {3, "absent"}};
  EXPECT_TRUE(ValidateSheet(sheet, {1, 2, 3, 4}).ok());
}

TEST(AttendanceSheetTest, NamesEveryUnregisteredDuplicateOrUnknownMark) {
  std::vector<AttendanceMark> sheet = {
      {1, "present"}, {9, "present"}, {1, "late"}, {2, "asleep"}};
  auto s = ValidateSheet(sheet, {1, 2});
  ASSERT_EQ(s.errors().size(), 3u);
  EXPECT_EQ(s.errors()[0].field, "[1].person_id");
  EXPECT_NE(s.errors()[0].message.find("not registered"), std::string::npos);
  EXPECT_EQ(s.errors()[1].field, "[2].person_id");
  EXPECT_EQ(s.errors()[2].field, "[3].status");
}

TEST(AttendanceSheetTest, PresentAndLateCountAsAttended) {
  EXPECT_TRUE(CountsAsAttended("present"));
  EXPECT_TRUE(CountsAsAttended("late"));
  EXPECT_FALSE(CountsAsAttended("excused"));
  EXPECT_FALSE(CountsAsAttended("absent"));
}

}  // namespace
}  // namespace capdev::domain
