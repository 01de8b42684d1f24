// The spreadsheet readers and writer: RFC 4180 CSV in UTF-8 or GB18030, and
// XLSX read back from capdev's own writer and from hand-made archives
// (inline strings, sparse cells, hostile input).

#include <gtest/gtest.h>
#include <zip.h>

#include <string>

#include "app/formats/csv_reader.hpp"
#include "app/formats/xlsx_reader.hpp"
#include "app/formats/xlsx_writer.hpp"

namespace capdev::formats {
namespace {

std::vector<std::vector<std::string>> Texts(const Rows& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& row : rows) {
    out.emplace_back();
    for (const auto& cell : row) out.back().push_back(formats::CellText(cell));
  }
  return out;
}

using Lines = std::vector<std::vector<std::string>>;

TEST(CsvReaderTest, ReadsQuotesDoubledQuotesAndLineBreaksInsideQuotes) {
  auto rows = formats::ParseCsv(
      "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,x\r\n");
  ASSERT_TRUE(rows.ok()) << rows.status().detail();
  EXPECT_EQ(Texts(*rows),
            (Lines{{"a", "b,c", "say \"hi\""}, {"two\r\nlines", "", "x"}}));
}

TEST(CsvReaderTest, AcceptsLfAndAMissingFinalLineBreakAndKeepsBlankLines) {
  auto rows = formats::ParseCsv("h1,h2\n1,2\n\n3,4");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(Texts(*rows), (Lines{{"h1", "h2"}, {"1", "2"}, {}, {"3", "4"}}));
}

TEST(CsvReaderTest, RefusesAnUnclosedQuoteNamingItsRow) {
  auto rows = formats::ParseCsv("Name\r\nok\r\n\"open,\r\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), domain::Code::kMalformed);
  EXPECT_EQ(rows.status().detail(),
            domain::Message("error.csv_unclosed_quote", {{"row", 3}}));
}

TEST(CsvReaderTest, StopsBeyondTheRowLimit) {
  std::string text = "Name\n";
  for (int i = 0; i < 11; ++i) text += "x\n";
  EXPECT_EQ(formats::ParseCsv(text, {.max_rows = 11}).status().code(),
            domain::Code::kTooLarge);
  EXPECT_TRUE(formats::ParseCsv(text, {.max_rows = 12}).ok());
}

TEST(CsvReaderTest, DecodesUtf8WithBomAndGb18030) {
  EXPECT_EQ(*formats::DecodeText("\xEF\xBB\xBF\xE5\xA7\x93\xE5\x90\x8D,x"),
            "姓名,x");
  EXPECT_EQ(*formats::DecodeText("\xE5\xA7\x93\xE5\x90\x8D"), "姓名");
  // 姓名,王芳 in GB18030 (as Python's "姓名,王芳".encode("gb18030")).
  EXPECT_EQ(*formats::DecodeText("\xD0\xD5\xC3\xFB,\xCD\xF5\xB7\xBC"),
            "姓名,王芳");
  // Not GB18030 either: an incomplete double-byte sequence at the end.
  EXPECT_EQ(formats::DecodeText("ok\x81").status().code(),
            domain::Code::kMalformed);
}

TEST(XlsxTest, TabNamesAreOnesExcelAcceptsAndNeverRepeat) {
  const auto titled = [](std::vector<std::string> titles) {
    std::vector<formats::Sheet> sheets;
    for (auto& t : titles) sheets.push_back({std::move(t), {}, {}, {}, {}});
    return formats::TabNames(sheets);
  };
  // 31 characters at most; a long heading is cut, and the same cut of a
  // second long heading is numbered instead of becoming "Sheet2".
  EXPECT_EQ(titled({"Workshops with unknown or estimated dates",
                    "Workshops with unknown or estimated dates: totals"}),
            (std::vector<std::string>{"Workshops with unknown or estim",
                                      "Workshops with unknown or e (2)"}));
  // Refused characters become one space each, runs of spaces one; no space
  // or apostrophe is left at either end; Excel compares names without case.
  EXPECT_EQ(titled({"Results of P1: disaggregated", "'Grid [1]/2'", "by kind",
                    "By Kind", "", "???"}),
            (std::vector<std::string>{"Results of P1 disaggregated", "Grid 1 2",
                                      "by kind", "By Kind (2)", "Sheet",
                                      "Sheet (2)"}));
  // Cut by characters: a Chinese title keeps whole characters.
  std::string han;
  for (int i = 0; i < 40; ++i) han += "培";
  const auto cut = titled({han})[0];
  std::string expected;
  for (int i = 0; i < 31; ++i) expected += "培";
  EXPECT_EQ(cut, expected);
}

TEST(XlsxTest, ReadsBackWhatTheWriterWrote) {
  formats::Sheet sheet{
      "Grid: test/1",  // characters Excel refuses in a tab name
      {"Person ID", "Name", "2017-09-08"},
      {{12.0, std::string("=SUM(A1)"), std::string("P")},
       {13.5, std::string("王芳"), domain::Date::Parse("2017-09-08").value()},
       {}},
      {}};
  auto bytes = formats::WriteXlsx(std::span(&sheet, 1));
  ASSERT_TRUE(bytes.ok());
  auto rows = formats::ReadXlsx(*bytes);
  ASSERT_TRUE(rows.ok()) << rows.status().detail();
  EXPECT_EQ(Texts(*rows), (Lines{{"Person ID", "Name", "2017-09-08"},
                                 {"12", "=SUM(A1)", "P"},
                                 {"13.5", "王芳", "42986"}}));
  EXPECT_EQ(
      formats::DateFromSerial(std::get<double>((*rows)[2][2]))->ToString(),
      "2017-09-08");
  EXPECT_TRUE(std::holds_alternative<double>((*rows)[1][0]));
}

// A workbook made of the given parts, stored (not compressed).
std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, text] : parts) {
    zip_source_t* s =
        zip_source_buffer_create(text.data(), text.size(), 0, &error);
    zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE);
  }
  zip_close(archive);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const auto size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

std::string Workbook(const std::string& sheet_xml,
                     const std::string& shared = "") {
  std::vector<std::pair<std::string, std::string>> parts = {
      {"xl/workbook.xml",
       R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Second" sheetId="2" r:id="rId7"/><sheet name="Other" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
      {"xl/_rels/workbook.xml.rels",
       R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="/xl/worksheets/data.xml"/></Relationships>)"},
      {"xl/worksheets/sheet1.xml", "<worksheet/>"},
      {"xl/worksheets/data.xml", sheet_xml}};
  if (!shared.empty()) parts.emplace_back("xl/sharedStrings.xml", shared);
  return Zip(parts);
}

TEST(XlsxTest,
     ReadsTheFirstSheetWithInlineAndRichSharedStringsBySparseReferences) {
  const std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si><si><r><t>王</t></r><r><t>芳</t></r><rPh><t>ワン</t></rPh></si></sst>)";
  const std::string sheet =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Email</x:t></x:is></x:c></x:row>)"
      R"(<x:row r="3"><x:c r="B3" t="s"><x:v>1</x:v></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="D3" t="str"><x:f>A1</x:f><x:v>Name</x:v></x:c></x:row>)"
      R"(<x:row r="900" s="3"/></x:sheetData></x:worksheet>)";
  auto rows = formats::ReadXlsx(Workbook(sheet, shared));
  ASSERT_TRUE(rows.ok()) << rows.status().detail();
  EXPECT_EQ(Texts(*rows),
            (Lines{{"Name", "", "Email"}, {}, {"", "王芳", "TRUE", "Name"}}));
}

TEST(XlsxTest, RefusesWhatIsNotAWorkbookWith400) {
  for (
      const std::string& bytes :
      {std::string("not a zip"), Zip({{"a.txt", "x"}}),
       Workbook("<worksheet><sheetData><row><c><v>1</v></c>"),
       Workbook(
           R"(<worksheet><sheetData><row><c t="s"><v>4</v></c></row></sheetData></worksheet>)"),
       Workbook(R"(<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet/>)")}) {
    auto rows = formats::ReadXlsx(bytes);
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.status().code(), domain::Code::kMalformed)
        << rows.status().detail();
  }
}

TEST(XlsxTest, StopsAtTheUnzippedLimitAndTheRowLimit) {
  const std::string big =
      "<worksheet>" + std::string(1 << 20, ' ') + "</worksheet>";
  EXPECT_EQ(formats::ReadXlsx(Workbook(big), {.max_unzipped = 512 << 10})
                .status()
                .code(),
            domain::Code::kTooLarge);
  const std::string far =
      R"(<worksheet><sheetData><row r="20"><c r="A20"><v>1</v></c></row></sheetData></worksheet>)";
  EXPECT_EQ(formats::ReadXlsx(Workbook(far), {.max_rows = 10}).status().code(),
            domain::Code::kTooLarge);
  EXPECT_TRUE(formats::ReadXlsx(Workbook(far), {.max_rows = 20}).ok());
}

}  // namespace
}  // namespace capdev::formats
