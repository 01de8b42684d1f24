// The iCalendar renderer on its own (RFC 5545): escaping, folding, events.

#include "app/reports/ics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/concat.hpp"

namespace capdev::reports {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The content lines of an iCalendar text, unfolded (RFC 5545 §3.1).
std::vector<std::string> Unfold(const std::string& ics) {
  std::string text;
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    text += ics[i];
  }
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    lines.push_back(text.substr(start, end - start));
  }
  EXPECT_EQ(start, text.size()) << "text after the last CRLF";
  return lines;
}

// Each VEVENT's properties by name (parameters kept in the name).
std::vector<std::map<std::string, std::string>> Events(const std::string& ics) {
  std::vector<std::map<std::string, std::string>> events;
  bool inside = false;
  for (const auto& line : Unfold(ics)) {
    if (line == "BEGIN:VEVENT") {
      inside = true;
      events.emplace_back();
    } else if (line == "END:VEVENT") {
      inside = false;
    } else if (inside) {
      auto colon = line.find(':');
      events.back()[line.substr(0, colon)] = line.substr(colon + 1);
    }
  }
  return events;
}

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

storage::CalendarWorkshop Dated(std::int64_t id, const char* start,
                                const char* end,
                                domain::WorkshopStatus status) {
  storage::CalendarWorkshop cw{
      .workshop = {.id = id,
                   .project_id = 1,
                   .title = "Workshop " + std::to_string(id),
                   .kind = domain::WorkshopKind::kTraining,
                   .status = status},
      .project_code = "CBMM",
      .project_title = "Capacity Building for Migration Management"};
  cw.workshop.start_date = domain::Date::Parse(start);
  cw.workshop.end_date = domain::Date::Parse(end);
  return cw;
}

TEST(IcsEscapeTest, EscapesBackslashSemicolonAndComma) {
  EXPECT_EQ(reports::IcsEscape("a\\b;c,d"), "a\\\\b\\;c\\,d");
}

TEST(IcsEscapeTest, WritesALineBreakAsBackslashN) {
  EXPECT_EQ(reports::IcsEscape("one\ntwo"), "one\\ntwo");
  EXPECT_EQ(reports::IcsEscape("one\r\ntwo"), "one\\ntwo");
  EXPECT_EQ(reports::IcsEscape("one\rtwo"), "one\\ntwo");
}

TEST(IcsEscapeTest, DropsControlCharactersButKeepsTabsAndUnicode) {
  EXPECT_EQ(reports::IcsEscape(std::string("a\x01"
                                           "b\x1f"
                                           "c\td",
                                           7)),
            "abc\td");
  EXPECT_EQ(reports::IcsEscape("杭州: 西湖"), "杭州: 西湖");
}

TEST(IcsFoldTest, EndsAShortLineWithCrLf) {
  EXPECT_EQ(reports::IcsFold("VERSION:2.0"), "VERSION:2.0\r\n");
}

TEST(IcsFoldTest, DoesNotFoldALineOfExactlySeventyFiveOctets) {
  const std::string line(75, 'x');
  EXPECT_EQ(reports::IcsFold(line), line + "\r\n");
}

TEST(IcsFoldTest, FoldsAfterSeventyFiveOctetsWithASpace) {
  const std::string line(76, 'x');
  EXPECT_EQ(reports::IcsFold(line),
            domain::Concat(std::string(75, 'x'), "\r\n x\r\n"));
}

TEST(IcsFoldTest, EveryPhysicalLineIsAtMostSeventyFiveOctets) {
  const std::string line = "DESCRIPTION:" + std::string(500, 'y');
  const std::string folded = reports::IcsFold(line);
  std::size_t start = 0;
  for (std::size_t end; (end = folded.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    EXPECT_LE(end - start, 75u);
  }
  EXPECT_THAT(Unfold(folded), ElementsAre(line));
}

TEST(IcsFoldTest, NeverSplitsAMultiByteCharacter) {
  // Offsets of 0..3 octets shift where the 75-octet boundary falls within the
  // 2-, 3- and 4-byte characters.
  for (const std::string ch : {"é", "北", "😀"}) {
    for (int shift = 0; shift < 4; ++shift) {
      std::string line = "SUMMARY:" + std::string(shift, 'a');
      for (int i = 0; i < 60; ++i) line += ch;
      const std::string folded = reports::IcsFold(line);
      std::size_t start = 0;
      for (std::size_t end;
           (end = folded.find("\r\n", start)) != std::string::npos;
           start = end + 2) {
        std::string physical = folded.substr(start, end - start);
        EXPECT_LE(physical.size(), 75u);
        if (start > 0) {
          ASSERT_EQ(physical[0], ' ');
          EXPECT_FALSE(IsContinuationByte(physical[1]))
              << ch << " shift " << shift;
        }
      }
      EXPECT_THAT(Unfold(folded), ElementsAre(line));
    }
  }
}

TEST(CalendarTest, IsOneCalendarWithCrLfLines) {
  std::string ics =
      reports::RenderCalendar("CBMM workshops",
                              {Dated(1, "2026-11-16", "2026-11-18",
                                     domain::WorkshopStatus::kConfirmed)},
                              "20261101T090000Z");
  auto lines = Unfold(ics);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_THAT(lines, ::testing::Contains("VERSION:2.0"));
  EXPECT_THAT(lines, ::testing::Contains("X-WR-CALNAME:CBMM workshops"));
  for (std::size_t i = 0; i < ics.size(); ++i) {
    if (ics[i] == '\n') {
      EXPECT_EQ(ics[i - 1], '\r') << "bare LF at " << i;
    }
  }
}

TEST(CalendarTest, WritesOneEventPerDatedWorkshop) {
  auto undated =
      Dated(3, "2026-01-01", "2026-01-01", domain::WorkshopStatus::kHeld);
  undated.workshop.start_date.reset();
  undated.workshop.end_date.reset();
  auto no_end =
      Dated(4, "2026-02-01", "2026-02-01", domain::WorkshopStatus::kHeld);
  no_end.workshop.end_date.reset();
  auto events = Events(reports::RenderCalendar(
      "c",
      {Dated(1, "2026-11-16", "2026-11-18", domain::WorkshopStatus::kPlanned),
       undated, no_end,
       Dated(2, "2027-03-02", "2027-03-02", domain::WorkshopStatus::kHeld)},
      "20261101T090000Z"));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["UID"], "workshop-1@capdev");
  EXPECT_EQ(events[1]["UID"], "workshop-2@capdev");
}

TEST(CalendarTest, AnEventIsAllDayWithAnExclusiveEnd) {
  auto events = Events(reports::RenderCalendar(
      "c",
      {Dated(1, "2026-12-30", "2026-12-31", domain::WorkshopStatus::kHeld),
       Dated(2, "2028-02-28", "2028-02-29", domain::WorkshopStatus::kHeld)},
      "20261101T090000Z"));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0]["DTSTART;VALUE=DATE"], "20261230");
  EXPECT_EQ(events[0]["DTEND;VALUE=DATE"], "20270101");
  EXPECT_EQ(events[1]["DTSTART;VALUE=DATE"], "20280228");
  EXPECT_EQ(events[1]["DTEND;VALUE=DATE"], "20280301");
}

TEST(CalendarTest, StatusFollowsTheWorkshopStatus) {
  using S = domain::WorkshopStatus;
  const std::map<S, std::string> expected = {{S::kPlanned, "TENTATIVE"},
                                             {S::kConfirmed, "CONFIRMED"},
                                             {S::kHeld, "CONFIRMED"},
                                             {S::kCancelled, "CANCELLED"}};
  ASSERT_EQ(expected.size(), domain::Values<S>().size());
  for (S status : domain::Values<S>()) {
    auto events = Events(reports::RenderCalendar(
        "c", {Dated(1, "2026-11-16", "2026-11-16", status)},
        "20261101T090000Z"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0]["STATUS"], expected.at(status))
        << domain::ToText(status);
  }
}

TEST(CalendarTest, TheUidStaysTheSameAcrossRendersAndChanges) {
  auto before =
      Dated(7, "2026-11-16", "2026-11-16", domain::WorkshopStatus::kPlanned);
  auto after = before;
  after.workshop.title = "Renamed";
  after.workshop.status = domain::WorkshopStatus::kConfirmed;
  after.workshop.start_date = domain::Date::Parse("2026-12-01");
  after.workshop.end_date = domain::Date::Parse("2026-12-02");
  auto first =
      Events(reports::RenderCalendar("c", {before}, "20261101T090000Z"));
  auto second = Events(RenderCalendar("c", {after}, "20261120T170000Z"));
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(first[0]["UID"], second[0]["UID"]);
  EXPECT_EQ(first[0]["DTSTAMP"], "20261101T090000Z");
  EXPECT_EQ(second[0]["DTSTAMP"], "20261120T170000Z");
}

TEST(CalendarTest, EscapesTheTextOfSummaryAndLocation) {
  auto cw = Dated(1, "2026-11-16", "2026-11-16", domain::WorkshopStatus::kHeld);
  cw.workshop.title = "Visas; entry, exit";
  cw.workshop.venue = "Friendship Hotel";
  cw.workshop.city = "Beijing";
  auto events = Events(reports::RenderCalendar("c", {cw}, "20261101T090000Z"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["SUMMARY"], "Visas\\; entry\\, exit");
  EXPECT_EQ(events[0]["LOCATION"], "Friendship Hotel\\, Beijing");
}

TEST(CalendarTest, LeavesOutTheLocationWhenNeitherVenueNorCityIsKnown) {
  auto cw = Dated(1, "2026-11-16", "2026-11-16", domain::WorkshopStatus::kHeld);
  cw.workshop.venue = "";
  auto events = Events(reports::RenderCalendar("c", {cw}, "20261101T090000Z"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].contains("LOCATION"));
}

TEST(CalendarTest, TheDescriptionNamesTheProjectAndEstimatedDates) {
  auto cw = Dated(1, "2026-11-16", "2026-11-16", domain::WorkshopStatus::kHeld);
  cw.workshop.dates_estimated = true;
  auto events = Events(reports::RenderCalendar("c", {cw}, "20261101T090000Z"));
  ASSERT_EQ(events.size(), 1u);
  const std::string& description = events[0]["DESCRIPTION"];
  EXPECT_THAT(description, HasSubstr("CBMM"));
  EXPECT_THAT(description, HasSubstr("Dates are estimated"));
  EXPECT_THAT(description, Not(HasSubstr("\n")));  // escaped as \n
}

TEST(CalendarTest, FoldsLongUnicodeTitles) {
  auto cw = Dated(1, "2026-11-16", "2026-11-16", domain::WorkshopStatus::kHeld);
  cw.workshop.title = "";
  for (int i = 0; i < 40; ++i) cw.workshop.title += "出入境管理";
  const std::string ics =
      reports::RenderCalendar("c", {cw}, "20261101T090000Z");
  std::size_t start = 0;
  for (std::size_t end; (end = ics.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    EXPECT_LE(end - start, 75u);
  }
  auto events = Events(ics);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["SUMMARY"], cw.workshop.title);
}

}  // namespace
}  // namespace capdev::reports
