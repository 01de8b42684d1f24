// The report renderers on their own: CSV (RFC 4180), HTML and iCalendar
// (RFC 5545).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "app/reports/document.hpp"
#include "app/reports/ics.hpp"

namespace capdev::app {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

using Record = std::vector<std::string>;

// A strict RFC 4180 reader: CRLF record ends, quoted fields with "" for ".
std::vector<Record> ParseCsv(const std::string& text) {
  std::vector<Record> records;
  Record record;
  std::string field;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      for (;; ++i) {
        if (i >= text.size()) {
          ADD_FAILURE() << "unterminated quoted field";
          return records;
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            ++i;
            break;
          }
        } else {
          field += text[i];
        }
      }
    }
    if (i < text.size() && text[i] == ',') {
      record.push_back(field);
      field.clear();
      ++i;
    } else if (text.compare(i, 2, "\r\n") == 0) {
      record.push_back(field);
      records.push_back(record);
      record.clear();
      field.clear();
      i += 2;
    } else if (i < text.size()) {
      if (text[i] == '"' || text[i] == '\r' || text[i] == '\n')
        ADD_FAILURE() << "unquoted special character at " << i;
      field += text[i++];
    }
  }
  EXPECT_TRUE(record.empty() && field.empty()) << "last record without CRLF";
  return records;
}

Document OneTable(std::vector<std::string> columns,
                  const std::vector<std::vector<std::string>>& texts) {
  std::vector<std::vector<DocCell>> rows;
  for (const auto& t : texts) rows.emplace_back(t.begin(), t.end());
  return Document{.title = "Report",
                  .tables = {Table{.id = "workshops",
                                   .heading = "Workshops",
                                   .columns = std::move(columns),
                                   .rows = std::move(rows)}}};
}

// --- CSV --------------------------------------------------------------------

TEST(CsvTest, StartsWithTheOneHeaderRow) {
  auto records = ParseCsv(RenderCsv(Document{.title = "Empty"}));
  EXPECT_THAT(records,
              ElementsAre(Record{"section", "item", "measure", "value"}));
}

TEST(CsvTest, WritesOneLinePerCellLabelledByRowAndColumn) {
  auto records = ParseCsv(RenderCsv(OneTable(
      {"workshop", "registered", "attended"},
      {{"Document security", "30", "28"}, {"Risk analysis", "12", "9"}})));
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1],
            (Record{"workshops", "Document security", "registered", "30"}));
  EXPECT_EQ(records[2],
            (Record{"workshops", "Document security", "attended", "28"}));
  EXPECT_EQ(records[3],
            (Record{"workshops", "Risk analysis", "registered", "12"}));
  EXPECT_EQ(records[4],
            (Record{"workshops", "Risk analysis", "attended", "9"}));
}

TEST(CsvTest, WritesTheFactsAsReportLines) {
  Document doc{.title = "Funder report",
               .facts = {{"period", "2026-01-01 to 2026-12-31"}}};
  auto records = ParseCsv(RenderCsv(doc));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1],
            (Record{"report", "period", "value", "2026-01-01 to 2026-12-31"}));
}

TEST(CsvTest, EndsEveryLineWithCrLf) {
  std::string csv = RenderCsv(OneTable({"a", "b"}, {{"x", "1"}}));
  ASSERT_TRUE(csv.ends_with("\r\n"));
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '\n') {
      EXPECT_EQ(csv[i - 1], '\r') << "at " << i;
    }
  }
}

TEST(CsvTest, QuotesCellsWithACommaAQuoteOrALineBreak) {
  EXPECT_EQ(CsvCell("Beijing, China"), "\"Beijing, China\"");
  EXPECT_EQ(CsvCell("the \"CBMM\" project"), "\"the \"\"CBMM\"\" project\"");
  EXPECT_EQ(CsvCell("line one\nline two"), "\"line one\nline two\"");
  EXPECT_EQ(CsvCell("a\r\nb"), "\"a\r\nb\"");
}

TEST(CsvTest, LeavesPlainCellsUnquoted) {
  EXPECT_EQ(CsvCell("Hangzhou"), "Hangzhou");
  EXPECT_EQ(CsvCell("87.5%"), "87.5%");
  EXPECT_EQ(CsvCell("出入境管理"), "出入境管理");
  EXPECT_EQ(CsvCell(""), "");
}

TEST(CsvTest, TrickyCellsReadBackUnchanged) {
  const std::vector<std::string> cells = {
      "a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "\"", ",", "中文, 文本"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : cells) rows.push_back({c, c});
  auto records = ParseCsv(RenderCsv(OneTable({"label", "value"}, rows)));
  ASSERT_EQ(records.size(), cells.size() + 1);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    EXPECT_EQ(records[i + 1][1], cells[i]);
    EXPECT_EQ(records[i + 1][3], cells[i]);
  }
}

TEST(CsvTest, PrefixesCellsASpreadsheetWouldRunAsAFormula) {
  for (std::string cell :
       {"=SUM(A1:A9)", "+86 10 1234", "-2+3", "@cmd", "\tindent"}) {
    EXPECT_EQ(CsvCell(cell), "'" + cell) << cell;
  }
}

TEST(CsvTest, PrefixesAndQuotesAFormulaStartingWithCarriageReturn) {
  EXPECT_EQ(CsvCell("\r=1+1"), "\"'\r=1+1\"");
}

TEST(CsvTest, PrefixesAFormulaBeforeQuotingIt) {
  EXPECT_EQ(CsvCell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
}

TEST(CsvTest, OnlyTheFirstCharacterMakesAFormula) {
  EXPECT_EQ(CsvCell("a=b"), "a=b");
  EXPECT_EQ(CsvCell("2026-01-01"), "2026-01-01");
}

TEST(CsvTest, FormulaCellsAreNeutralisedInEveryColumn) {
  Document doc{.title = "T", .facts = {{"=fact", "+value"}}};
  doc.tables.push_back(Table{.id = "@section",
                             .heading = "h",
                             .columns = {"label", "-measure"},
                             .rows = {{"=label", "=1+1"}}});
  auto records = ParseCsv(RenderCsv(doc));
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1], (Record{"report", "'=fact", "value", "'+value"}));
  EXPECT_EQ(records[2], (Record{"'@section", "'=label", "'-measure", "'=1+1"}));
}

// --- HTML -------------------------------------------------------------------

TEST(HtmlTest, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("北京 2026"), "北京 2026");
}

TEST(HtmlTest, NeverWritesTextFromTheDocumentAsMarkup) {
  const std::string attack = "<script>alert(1)</script>";
  Document doc{.title = attack, .facts = {{attack, attack}}, .notes = {attack}};
  doc.tables.push_back(Table{.id = attack,
                             .heading = attack,
                             .columns = {attack, attack},
                             .rows = {{attack, attack}}});
  std::string html = RenderHtml(doc);
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST(HtmlTest, AQuoteCannotCloseTheSectionIdAttribute) {
  Document doc = OneTable({"a", "b"}, {{"x", "1"}});
  doc.tables[0].id = "x\" onmouseover=\"alert(1)";
  std::string html = RenderHtml(doc);
  EXPECT_THAT(html, Not(HasSubstr("\" onmouseover=\"")));
}

TEST(HtmlTest, IsACompletePage) {
  std::string html = RenderHtml(Document{.title = "Summary 2026"});
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("<title>Summary 2026</title>"));
  EXPECT_THAT(html, HasSubstr("<h1>Summary 2026</h1>"));
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

TEST(HtmlTest, RightAlignsAColumnOfNumbersAndItsHeading) {
  std::string html = RenderHtml(OneTable(
      {"workshop", "registered", "rate"},
      {{"Document security", "30", "93.3%"}, {"Risk analysis", "12", ""}}));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\" class=\"n\">registered</th>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\" class=\"n\">rate</th>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">30</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">93.3%</td>"));
}

TEST(HtmlTest, NeverRightAlignsTheRowLabels) {
  std::string html = RenderHtml(
      OneTable({"year", "workshops"}, {{"2025", "4"}, {"2026", "7"}}));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">year</th>"));
  EXPECT_THAT(html, HasSubstr("<td>2025</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">4</td>"));
}

TEST(HtmlTest, AColumnWithAnyTextIsNotRightAligned) {
  std::string html = RenderHtml(OneTable(
      {"workshop", "participants"}, {{"A", "30"}, {"B", "(not recorded)"}}));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">participants</th>"));
  EXPECT_THAT(html, HasSubstr("<td>30</td>"));
  EXPECT_THAT(html, Not(HasSubstr("class=\"n\"")));
}

TEST(HtmlTest, AnEmptyColumnIsNotRightAligned) {
  std::string html =
      RenderHtml(OneTable({"workshop", "notes"}, {{"A", ""}, {"B", ""}}));
  EXPECT_THAT(html, Not(HasSubstr("class=\"n\"")));
}

TEST(HtmlTest, ATableWithoutRowsSaysNone) {
  std::string html = RenderHtml(OneTable({"workshop", "registered"}, {}));
  EXPECT_THAT(html, HasSubstr("<h2>Workshops</h2>"));
  EXPECT_THAT(html, HasSubstr("<p class=\"empty\">None.</p>"));
  EXPECT_THAT(html, Not(HasSubstr("<table")));
}

TEST(HtmlTest, AWideTableGetsTheCompactStyle) {
  std::vector<std::string> seven(7, "c");
  std::vector<std::string> six(6, "c");
  EXPECT_THAT(RenderHtml(OneTable(seven, {seven})),
              HasSubstr("<table class=\"wide\">"));
  EXPECT_THAT(RenderHtml(OneTable(six, {six})),
              Not(HasSubstr("<table class=\"wide\">")));
}

TEST(HtmlTest, WritesNotesOnlyWhenThereAreSome) {
  EXPECT_THAT(RenderHtml(Document{.title = "T"}),
              Not(HasSubstr("<section class=\"notes\">")));
  std::string html = RenderHtml(
      Document{.title = "T", .notes = {"Attended: present or late."}});
  EXPECT_THAT(html, HasSubstr("<section class=\"notes\">"));
  EXPECT_THAT(html, HasSubstr("<p>Attended: present or late.</p>"));
}

TEST(HtmlTest, ATableWithRowsButNoColumnsDoesNotCrash) {
  EXPECT_EXIT(
      {
        RenderHtml(OneTable({}, {{"x"}}));
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

// --- iCalendar
// ----------------------------------------------------------------

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
  EXPECT_EQ(IcsEscape("a\\b;c,d"), "a\\\\b\\;c\\,d");
}

TEST(IcsEscapeTest, WritesALineBreakAsBackslashN) {
  EXPECT_EQ(IcsEscape("one\ntwo"), "one\\ntwo");
  EXPECT_EQ(IcsEscape("one\r\ntwo"), "one\\ntwo");
  EXPECT_EQ(IcsEscape("one\rtwo"), "one\\ntwo");
}

TEST(IcsEscapeTest, DropsControlCharactersButKeepsTabsAndUnicode) {
  EXPECT_EQ(IcsEscape(std::string("a\x01"
                                  "b\x1f"
                                  "c\td",
                                  7)),
            "abc\td");
  EXPECT_EQ(IcsEscape("杭州: 西湖"), "杭州: 西湖");
}

TEST(IcsFoldTest, EndsAShortLineWithCrLf) {
  EXPECT_EQ(IcsFold("VERSION:2.0"), "VERSION:2.0\r\n");
}

TEST(IcsFoldTest, DoesNotFoldALineOfExactlySeventyFiveOctets) {
  const std::string line(75, 'x');
  EXPECT_EQ(IcsFold(line), line + "\r\n");
}

TEST(IcsFoldTest, FoldsAfterSeventyFiveOctetsWithASpace) {
  const std::string line(76, 'x');
  EXPECT_EQ(IcsFold(line), std::string(75, 'x') + "\r\n x\r\n");
}

TEST(IcsFoldTest, EveryPhysicalLineIsAtMostSeventyFiveOctets) {
  const std::string line = "DESCRIPTION:" + std::string(500, 'y');
  const std::string folded = IcsFold(line);
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
      const std::string folded = IcsFold(line);
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
  std::string ics = RenderCalendar("CBMM workshops",
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
  auto events = Events(RenderCalendar(
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
  auto events = Events(RenderCalendar(
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
    auto events = Events(
        RenderCalendar("c", {Dated(1, "2026-11-16", "2026-11-16", status)},
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
  auto first = Events(RenderCalendar("c", {before}, "20261101T090000Z"));
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
  auto events = Events(RenderCalendar("c", {cw}, "20261101T090000Z"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["SUMMARY"], "Visas\\; entry\\, exit");
  EXPECT_EQ(events[0]["LOCATION"], "Friendship Hotel\\, Beijing");
}

TEST(CalendarTest, LeavesOutTheLocationWhenNeitherVenueNorCityIsKnown) {
  auto cw = Dated(1, "2026-11-16", "2026-11-16", domain::WorkshopStatus::kHeld);
  cw.workshop.venue = "";
  auto events = Events(RenderCalendar("c", {cw}, "20261101T090000Z"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].contains("LOCATION"));
}

TEST(CalendarTest, TheDescriptionNamesTheProjectAndEstimatedDates) {
  auto cw = Dated(1, "2026-11-16", "2026-11-16", domain::WorkshopStatus::kHeld);
  cw.workshop.dates_estimated = true;
  auto events = Events(RenderCalendar("c", {cw}, "20261101T090000Z"));
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
  const std::string ics = RenderCalendar("c", {cw}, "20261101T090000Z");
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
}  // namespace capdev::app
