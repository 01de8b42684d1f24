// The reports in Chinese and in English (API.md "Language"): `lang=zh`
// writes the funder report's headings, labels, facts, dates and names in
// Chinese; `lang=en` and no `lang` at all the English as before; the reader's
// Accept-Language decides without `lang`; a bad `lang` is a 400; the printed
// sign-in sheets are in both languages whatever is asked. The workbook is
// read back with openpyxl in tests/web/test_exports.py.

#include <gmock/gmock.h>

#include "app/formats/xlsx_reader.hpp"
#include "tests/support/reports_data.hpp"

namespace capdev::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ReportsLanguageTest : public ReportsApiTest {
 protected:
  std::string Funder() const {
    return "/api/v1/reports/funder?organization_id=" + std::to_string(funder_) +
           "&from=2025-01-01&to=2025-12-31";
  }
  HttpResponse GetIn(const std::string& target,
                     const std::string& accept_language) {
    Connection c(port());
    c.Send(FormatRequest("GET", target, "",
                         "Accept-Language: " + accept_language + "\r\n"));
    auto r = c.Read();
    EXPECT_TRUE(r.has_value());
    return r.value_or(HttpResponse{});
  }
  // The report's tables with the figures in them, for comparing two answers
  // made a second apart (their "Generated" facts may differ).
  static std::map<std::string, std::vector<std::vector<std::string>>> Tables(
      const HttpResponse& r) {
    return ParseHtmlTables(r.body);
  }
};

TEST_F(ReportsLanguageTest, TheFunderReportInChinese) {
  // The funder and an agency have Chinese names; a participant too.
  ASSERT_EQ(Patch("/api/v1/organizations/" + std::to_string(funder_),
                  {{"native_name", "资助方甲"}})
                .status,
            200);
  ASSERT_EQ(Patch("/api/v1/organizations/" + std::to_string(agency_a_),
                  {{"native_name", "甲单位"}})
                .status,
            200);

  auto html = Get(Funder() + "&format=html&lang=zh");
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.Header("content-language"), "zh-CN");
  EXPECT_THAT(html.body, HasSubstr("<html lang=\"zh-CN\">"));
  EXPECT_THAT(html.body, HasSubstr("<h1>资助方报告：资助方甲</h1>"));
  EXPECT_THAT(
      html.body,
      HasSubstr("<dt>报告期间</dt><dd>2025年1月1日至2025年12月31日</dd>"));
  EXPECT_THAT(html.body, HasSubstr("<h2>本期间举办的培训活动</h2>"));
  EXPECT_THAT(html.body, HasSubstr("<h2>统计口径说明</h2>"));
  EXPECT_THAT(html.body, HasSubstr("<dt>参训人天</dt>"));
  EXPECT_THAT(html.body, Not(HasSubstr("Funder report")));
  EXPECT_THAT(html.body, Not(HasSubstr("Participant-days")));
  auto tables = Tables(html);
  const auto& projects = tables["projects"];
  ASSERT_GE(projects.size(), 2u);
  EXPECT_EQ(projects[0], (std::vector<std::string>{"项目", "标题", "资助方",
                                                   "角色", "金额", "币种"}));
  EXPECT_EQ(projects[1][2], "资助方甲");
  EXPECT_EQ(projects[1][3], "主要资助方");
  EXPECT_EQ(projects[1][4], "100,000.00");
  const auto& workshops = tables["in_period.workshops"];
  ASSERT_GE(workshops.size(), 2u);
  EXPECT_EQ(workshops[0][0], "培训活动");
  EXPECT_EQ(workshops[0][11], "参训人天");
  const std::string w1 = "W1（培训活动 " + std::to_string(w1_) + "）";
  EXPECT_EQ(workshops[1][0], w1);
  EXPECT_EQ(workshops[1][2], "2025年3月10日至12日");
  EXPECT_EQ(workshops[1][6], "培训班");
  EXPECT_EQ(workshops[1][13], "55.6%");
  // The agencies by their Chinese names where they have one.
  EXPECT_THAT(workshops[1][8], HasSubstr("甲单位"));
  EXPECT_THAT(workshops[1][8], HasSubstr("Agency B"));
  const auto& totals = tables["in_period.totals"];
  ASSERT_FALSE(totals.empty());
  EXPECT_EQ(totals[0], (std::vector<std::string>{"统计项", "数值"}));
  const auto row = [&](const std::string& label) {
    for (const auto& r : totals)
      if (r[0] == label) return r[1];
    return std::string("(none)");
  };
  EXPECT_EQ(row("培训人数（去重）"), "3");
  EXPECT_EQ(row("参训人次"), "3");
  EXPECT_EQ(row("报告人数（无具名名单）"), "52");
  EXPECT_EQ(row("培训人数：女"), "2");
  EXPECT_EQ(row("覆盖单位数"), "2");
  // Dates uncertain: "Dates unknown" and "(estimated)" in Chinese too.
  const auto& apart = tables["dates_uncertain.workshops"];
  ASSERT_EQ(apart.size(), 3u);
  EXPECT_EQ(apart[1][2], "日期不详");
  EXPECT_EQ(apart[2][2], "2025年6月1日至2日（估计）");

  // The CSV: the same, its header row included.
  auto csv = ParseCsv(Get(Funder() + "&format=csv&lang=zh").body);
  ASSERT_FALSE(csv.empty());
  EXPECT_EQ(csv[0], (std::vector<std::string>{"表格", "行", "列", "数值"}));
  bool found = false;
  for (const auto& r : csv) {
    if (r.size() == 4 && r[0] == "in_period.workshops" && r[1] == w1 &&
        r[2] == "日期") {
      found = true;
      EXPECT_EQ(r[3], "2025年3月10日至12日");
    }
  }
  EXPECT_TRUE(found);

  // The workbook's first sheet: the title, the facts and the header row.
  auto xlsx = Get(Funder() + "&format=xlsx&lang=zh");
  ASSERT_EQ(xlsx.status, 200);
  auto rows = formats::ReadXlsx(xlsx.body);
  ASSERT_TRUE(rows.ok());
  std::vector<std::string> texts;
  for (const auto& r : *rows)
    for (const auto& cell : r) texts.push_back(formats::CellText(cell));
  EXPECT_THAT(texts, ::testing::Contains("资助方报告：资助方甲"));
  EXPECT_THAT(texts,
              ::testing::Contains("报告期间：2025年1月1日至2025年12月31日"));
  EXPECT_THAT(texts, ::testing::Contains("资助的项目"));
  EXPECT_THAT(texts, ::testing::Contains("金额"));

  // The JSON is the same in every language.
  auto en = Get(Funder()).Json().as_object();
  auto zh = Get(Funder() + "&lang=zh").Json().as_object();
  en.erase("generated_at");
  zh.erase("generated_at");
  EXPECT_EQ(en, zh);
  EXPECT_EQ(zh.at("organization").at("name").as_string(), "Funder F");
}

TEST_F(ReportsLanguageTest, TheSameReportInEnglishIsUnchanged) {
  ASSERT_EQ(Patch("/api/v1/organizations/" + std::to_string(funder_),
                  {{"native_name", "资助方甲"}})
                .status,
            200);
  auto html = Get(Funder() + "&format=html&lang=en");
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.Header("content-language"), "en");
  EXPECT_THAT(html.body, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(html.body, HasSubstr("<h1>Funder report: Funder F</h1>"));
  EXPECT_THAT(html.body,
              HasSubstr("<dt>Period</dt><dd>1 Jan 2025 to 31 Dec 2025</dd>"));
  EXPECT_THAT(html.body, HasSubstr("<h2>What the figures mean</h2>"));
  EXPECT_THAT(html.body, Not(HasSubstr("资助方")));
  // Without lang, and with Accept-Language: en, the same report.
  EXPECT_EQ(Tables(Get(Funder() + "&format=html")), Tables(html));
  EXPECT_EQ(Tables(GetIn(Funder() + "&format=html", "en-GB,en;q=0.8")),
            Tables(html));
  auto csv = ParseCsv(Get(Funder() + "&format=csv").body);
  ASSERT_FALSE(csv.empty());
  EXPECT_EQ(csv[0],
            (std::vector<std::string>{"section", "item", "measure", "value"}));
}

TEST_F(ReportsLanguageTest, AcceptLanguageChoosesWithoutLang) {
  auto zh = GetIn(Funder() + "&format=html", "zh-CN,zh;q=0.9,en;q=0.8");
  ASSERT_EQ(zh.status, 200);
  EXPECT_THAT(zh.body, HasSubstr("<h1>资助方报告：Funder F</h1>"));
  EXPECT_EQ(zh.Header("content-language"), "zh-CN");
  // lang beats Accept-Language.
  auto en = GetIn(Funder() + "&format=html&lang=en", "zh-CN");
  EXPECT_THAT(en.body, HasSubstr("<h1>Funder report: Funder F</h1>"));
  // Every report route takes it.
  const std::string period = "from=2025-01-01&to=2025-12-31";
  auto summary = GetIn("/api/v1/reports/summary?format=html&" + period, "zh");
  EXPECT_THAT(summary.body, HasSubstr("<h1>项目概况</h1>"));
  auto attendance =
      Get("/api/v1/reports/attendance?format=html&lang=zh&workshop_id=" +
          std::to_string(w1_));
  EXPECT_THAT(attendance.body, HasSubstr("<h1>出勤报告：W1</h1>"));
  EXPECT_THAT(attendance.body, HasSubstr("<h2>各场次学员出勤情况</h2>"));
  EXPECT_THAT(attendance.body, HasSubstr("2025年3月10日（场次 "));
}

TEST_F(ReportsLanguageTest, AnUnknownLanguageIsABadRequest) {
  for (const std::string& target : std::vector<std::string>{
           Funder() + "&format=html&lang=xx", Funder() + "&lang=EN",
           "/api/v1/reports/summary?from=2025-01-01&to=2025-12-31&lang=fr",
           "/api/v1/reports/attendance?workshop_id=" + std::to_string(w1_) +
               "&lang=zh-CN",
           "/api/v1/workshops/" + std::to_string(w1_) +
               "/attendance?format=csv&lang=de"}) {
    auto r = Get(target);
    ExpectProblem(r, 400);
    EXPECT_THAT(ErrorFields(r), ::testing::Contains("lang")) << target;
  }
}

TEST_F(ReportsLanguageTest, SignInSheetsAreInBothLanguages) {
  ASSERT_EQ(
      Patch("/api/v1/people/" + std::to_string(p1_), {{"native_name", "王一"}})
          .status,
      200);
  ASSERT_EQ(Patch("/api/v1/organizations/" + std::to_string(agency_a_),
                  {{"native_name", "甲单位"}})
                .status,
            200);
  const std::string target =
      "/api/v1/workshops/" + std::to_string(w1_) + "/attendance?format=html";
  for (const auto& r :
       {Get(target), Get(target + "&lang=en"), GetIn(target, "zh-CN")}) {
    ASSERT_EQ(r.status, 200);
    for (const char* both :
         {"签到表", "Sign-in sheet", "序号", "No.", "姓名", "Name", "单位",
          "Organization", "签名", "Signature", "2025年3月10日", "10 Mar 2025",
          "王一", "P1", "甲单位", "Agency A"}) {
      EXPECT_THAT(r.body, HasSubstr(both));
    }
  }
}

TEST_F(ReportsLanguageTest, TheGridInChineseImportsBack) {
  const std::string grid =
      "/api/v1/workshops/" + std::to_string(w1_) + "/attendance";
  auto zh = Get(grid + "?format=csv&lang=zh");
  ASSERT_EQ(zh.status, 200);
  auto rows = ParseCsv(zh.body.substr(3));  // after the BOM
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(std::vector<std::string>(rows[0].begin(), rows[0].begin() + 5),
            (std::vector<std::string>{"ID", "姓名", "中文名", "单位", "邮箱"}));
  EXPECT_EQ(rows[0][5], "2025-03-10");  // the import finds sessions by date
  auto dry = Upload(port(), grid + "/import?dry_run=true", zh.body);
  EXPECT_EQ(dry.status, 200) << dry.body;
  auto en = Get(grid + "?format=csv");
  EXPECT_EQ(ParseCsv(en.body.substr(3))[0][0], "Person ID");
}

}  // namespace
}  // namespace capdev::testing
