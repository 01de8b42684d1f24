// Dates as a source states them (EDTF) in the reports' words, English and
// Chinese: "XXXX-03-02" is "2 March, year not stated", never the code.

#include "app/reports/stated_dates.hpp"

#include <gmock/gmock.h>

#include "tests/support/reports_data.hpp"

namespace capdev::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Words(domain::Language language, std::string_view edtf) {
  const reports::Texts x(language);
  return reports::StatedDatesInWords(x, edtf);
}

TEST(StatedDatesTest, InEnglish) {
  const auto en = domain::Language::kEn;
  EXPECT_EQ(Words(en, "XXXX-03-02"), "2 March, year not stated");
  EXPECT_EQ(Words(en, "XXXX-11"), "November, year not stated");
  EXPECT_EQ(Words(en, "2017-09-08"), "8 Sept 2017");
  EXPECT_EQ(Words(en, "2012-11"), "Nov 2012");
  EXPECT_EQ(Words(en, "2012"), "2012");
  EXPECT_EQ(Words(en, "201X"), "the 2010s");
  EXPECT_EQ(Words(en, "2012-11-06?"), "6 Nov 2012 (uncertain)");
  EXPECT_EQ(Words(en, "2012~"), "about 2012");
  EXPECT_EQ(Words(en, "2012-11-06/2012-11-07"), "6 Nov 2012 to 7 Nov 2012");
  EXPECT_EQ(Words(en, "2012-11-06/.."), "from 6 Nov 2012");
  EXPECT_EQ(Words(en, "../2013-07"), "until Jul 2013");
  // What it cannot read is shown as written.
  EXPECT_EQ(Words(en, "2012-XX-06"), "2012-XX-06");
  EXPECT_EQ(Words(en, "2 March"), "2 March");
}

TEST(StatedDatesTest, InChinese) {
  const auto zh = domain::Language::kZh;
  EXPECT_EQ(Words(zh, "XXXX-03-02"), "3月2日，年份不详");
  EXPECT_EQ(Words(zh, "2017-09-08"), "2017年9月8日");
  EXPECT_EQ(Words(zh, "2012"), "2012年");
  EXPECT_EQ(Words(zh, "201X"), "2010年代");
  EXPECT_EQ(Words(zh, "2012-11-06?"), "2012年11月6日（存疑）");
  EXPECT_EQ(Words(zh, "2012-11-06/2012-11-07"), "2012年11月6日至2012年11月7日");
}

// The funder report (page, CSV and so the workbook, which lays out the same
// cells) lists a workshop of unknown dates with its stated day in words.
TEST_F(ReportsApiTest, TheFunderReportSaysTheStatedDayInWords) {
  ASSERT_EQ(Patch("/api/v1/workshops/" + std::to_string(w2_),
                  {{"stated_dates", "XXXX-03-02"}})
                .status,
            200);
  const std::string funder =
      "/api/v1/reports/funder?organization_id=" + std::to_string(funder_) +
      "&from=2025-01-01&to=2025-12-31";
  for (const auto& format : {"html", "csv"}) {
    const auto en = Get(funder + "&format=" + format + "&lang=en");
    ASSERT_EQ(en.status, 200) << en.body;
    EXPECT_THAT(en.body, HasSubstr("(source: 2 March, year not stated)"));
    EXPECT_THAT(en.body, Not(HasSubstr("XXXX")));
    const auto zh = Get(funder + "&format=" + format + "&lang=zh");
    ASSERT_EQ(zh.status, 200) << zh.body;
    EXPECT_THAT(zh.body, HasSubstr("（来源：3月2日，年份不详）"));
    EXPECT_THAT(zh.body, Not(HasSubstr("XXXX")));
  }
}

}  // namespace
}  // namespace capdev::testing
