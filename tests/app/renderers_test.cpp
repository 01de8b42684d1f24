// The report renderers on their own: CSV (RFC 4180) and HTML (the
// calendar's are in ics_test.cpp).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "app/reports/document.hpp"

namespace capdev::reports {
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
  auto records =
      ParseCsv(reports::RenderCsv(reports::Document{.title = "Empty"}));
  EXPECT_THAT(records,
              ElementsAre(Record{"section", "item", "measure", "value"}));
}

TEST(CsvTest, WritesOneLinePerCellLabelledByRowAndColumn) {
  auto records = ParseCsv(reports::RenderCsv(OneTable(
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
  reports::Document doc{.title = "Funder report",
                        .facts = {{"period", "2026-01-01 to 2026-12-31"}}};
  auto records = ParseCsv(reports::RenderCsv(doc));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1],
            (Record{"report", "period", "value", "2026-01-01 to 2026-12-31"}));
}

TEST(CsvTest, EndsEveryLineWithCrLf) {
  std::string csv = reports::RenderCsv(OneTable({"a", "b"}, {{"x", "1"}}));
  ASSERT_TRUE(csv.ends_with("\r\n"));
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] == '\n') {
      EXPECT_EQ(csv[i - 1], '\r') << "at " << i;
    }
  }
}

TEST(CsvTest, QuotesCellsWithACommaAQuoteOrALineBreak) {
  EXPECT_EQ(reports::CsvCell("Beijing, China"), "\"Beijing, China\"");
  EXPECT_EQ(reports::CsvCell("the \"CBMM\" project"),
            "\"the \"\"CBMM\"\" project\"");
  EXPECT_EQ(reports::CsvCell("line one\nline two"), "\"line one\nline two\"");
  EXPECT_EQ(reports::CsvCell("a\r\nb"), "\"a\r\nb\"");
}

TEST(CsvTest, LeavesPlainCellsUnquoted) {
  EXPECT_EQ(reports::CsvCell("Hangzhou"), "Hangzhou");
  EXPECT_EQ(reports::CsvCell("87.5%"), "87.5%");
  EXPECT_EQ(reports::CsvCell("出入境管理"), "出入境管理");
  EXPECT_EQ(reports::CsvCell(""), "");
}

TEST(CsvTest, TrickyCellsReadBackUnchanged) {
  const std::vector<std::string> cells = {
      "a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "\"", ",", "中文, 文本"};
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : cells) rows.push_back({c, c});
  auto records =
      ParseCsv(reports::RenderCsv(OneTable({"label", "value"}, rows)));
  ASSERT_EQ(records.size(), cells.size() + 1);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    EXPECT_EQ(records[i + 1][1], cells[i]);
    EXPECT_EQ(records[i + 1][3], cells[i]);
  }
}

TEST(CsvTest, PrefixesCellsASpreadsheetWouldRunAsAFormula) {
  for (std::string cell :
       {"=SUM(A1:A9)", "+86 10 1234", "-2+3", "@cmd", "\tindent"}) {
    EXPECT_EQ(reports::CsvCell(cell), "'" + cell) << cell;
  }
}

TEST(CsvTest, PrefixesAndQuotesAFormulaStartingWithCarriageReturn) {
  EXPECT_EQ(reports::CsvCell("\r=1+1"), "\"'\r=1+1\"");
}

TEST(CsvTest, PrefixesAFormulaBeforeQuotingIt) {
  EXPECT_EQ(reports::CsvCell("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
}

TEST(CsvTest, OnlyTheFirstCharacterMakesAFormula) {
  EXPECT_EQ(reports::CsvCell("a=b"), "a=b");
  EXPECT_EQ(reports::CsvCell("2026-01-01"), "2026-01-01");
}

TEST(CsvTest, FormulaCellsAreNeutralisedInEveryColumn) {
  reports::Document doc{.title = "T", .facts = {{"=fact", "+value"}}};
  doc.tables.push_back(reports::Table{.id = "@section",
                                      .heading = "h",
                                      .columns = {"label", "-measure"},
                                      .rows = {{"=label", "=1+1"}}});
  auto records = ParseCsv(reports::RenderCsv(doc));
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1], (Record{"report", "'=fact", "value", "'+value"}));
  EXPECT_EQ(records[2], (Record{"'@section", "'=label", "'-measure", "'=1+1"}));
}

// --- HTML -------------------------------------------------------------------

TEST(HtmlTest, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(reports::HtmlEscape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(reports::HtmlEscape("北京 2026"), "北京 2026");
}

TEST(HtmlTest, NeverWritesTextFromTheDocumentAsMarkup) {
  const std::string attack = "<script>alert(1)</script>";
  reports::Document doc{
      .title = attack, .facts = {{attack, attack}}, .notes = {attack}};
  doc.tables.push_back(reports::Table{.id = attack,
                                      .heading = attack,
                                      .columns = {attack, attack},
                                      .rows = {{attack, attack}}});
  std::string html = reports::RenderHtml(doc);
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST(HtmlTest, AQuoteCannotCloseTheSectionIdAttribute) {
  reports::Document doc = OneTable({"a", "b"}, {{"x", "1"}});
  doc.tables[0].id = "x\" onmouseover=\"alert(1)";
  std::string html = reports::RenderHtml(doc);
  EXPECT_THAT(html, Not(HasSubstr("\" onmouseover=\"")));
}

TEST(HtmlTest, IsACompletePage) {
  std::string html =
      reports::RenderHtml(reports::Document{.title = "Summary 2026"});
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("<title>Summary 2026</title>"));
  EXPECT_THAT(html, HasSubstr("<h1>Summary 2026</h1>"));
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

TEST(HtmlTest, RightAlignsAColumnOfNumbersAndItsHeading) {
  std::string html = reports::RenderHtml(OneTable(
      {"workshop", "registered", "rate"},
      {{"Document security", "30", "93.3%"}, {"Risk analysis", "12", ""}}));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\" class=\"n\">registered</th>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\" class=\"n\">rate</th>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">30</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">93.3%</td>"));
}

TEST(HtmlTest, NeverRightAlignsTheRowLabels) {
  std::string html = reports::RenderHtml(
      OneTable({"year", "workshops"}, {{"2025", "4"}, {"2026", "7"}}));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">year</th>"));
  EXPECT_THAT(html, HasSubstr("<td>2025</td>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"n\">4</td>"));
}

TEST(HtmlTest, AColumnWithAnyTextIsNotRightAligned) {
  std::string html = reports::RenderHtml(OneTable(
      {"workshop", "participants"}, {{"A", "30"}, {"B", "(not recorded)"}}));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">participants</th>"));
  EXPECT_THAT(html, HasSubstr("<td>30</td>"));
  EXPECT_THAT(html, Not(HasSubstr("class=\"n\"")));
}

TEST(HtmlTest, AnEmptyColumnIsNotRightAligned) {
  std::string html = reports::RenderHtml(
      OneTable({"workshop", "notes"}, {{"A", ""}, {"B", ""}}));
  EXPECT_THAT(html, Not(HasSubstr("class=\"n\"")));
}

TEST(HtmlTest, ATableWithoutRowsSaysNone) {
  std::string html =
      reports::RenderHtml(OneTable({"workshop", "registered"}, {}));
  EXPECT_THAT(html, HasSubstr("<h2>Workshops</h2>"));
  EXPECT_THAT(html, HasSubstr("<p class=\"empty\">None.</p>"));
  EXPECT_THAT(html, Not(HasSubstr("<table")));
}

TEST(HtmlTest, AWideTableGetsTheCompactStyle) {
  std::vector<std::string> seven(7, "c");
  std::vector<std::string> six(6, "c");
  EXPECT_THAT(reports::RenderHtml(OneTable(seven, {seven})),
              HasSubstr("<table class=\"wide\">"));
  EXPECT_THAT(reports::RenderHtml(OneTable(six, {six})),
              Not(HasSubstr("<table class=\"wide\">")));
}

TEST(HtmlTest, WritesNotesOnlyWhenThereAreSome) {
  EXPECT_THAT(reports::RenderHtml(reports::Document{.title = "T"}),
              Not(HasSubstr("<section class=\"notes\">")));
  std::string html = reports::RenderHtml(
      reports::Document{.title = "T", .notes = {"Attended: present or late."}});
  EXPECT_THAT(html, HasSubstr("<section class=\"notes\">"));
  EXPECT_THAT(html, HasSubstr("<p>Attended: present or late.</p>"));
}

TEST(HtmlTest, ATableWithRowsButNoColumnsDoesNotCrash) {
  EXPECT_EXIT(
      {
        reports::RenderHtml(OneTable({}, {{"x"}}));
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace capdev::reports
