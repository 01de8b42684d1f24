#include <gtest/gtest.h>

#include <map>

#include "app/reports/changes.hpp"
#include "app/services/submissions.hpp"

namespace capdev::services {
namespace {

// FIPS 180-2 test vectors.
TEST(Sha256Test, MatchesTheFipsVectors) {
  EXPECT_EQ(Sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(
      Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(ReportChangesTest, ListsChangedValuesByPathIgnoringGeneratedAt) {
  const auto before = json::parse(
      R"({"generated_at":"a","totals":{"people_trained":2,"rate":0.5},)"
      R"("workshops":[{"workshop_id":1,"days":3}],"gone":1})");
  const auto now = json::parse(
      R"({"generated_at":"b","totals":{"people_trained":3,"rate":0.5},)"
      R"("workshops":[{"workshop_id":1,"days":3.0},{"workshop_id":2,"days":1}],)"
      R"("new":true})");
  const auto changes =
      reports::ReportChanges(before, now, domain::Language::kEn);
  std::map<std::string, reports::FigureChange> by_path;
  for (const auto& c : changes) by_path[c.path] = c;
  // 3 and 3.0 are the same figure; a workshop added is one change.
  EXPECT_EQ(by_path.size(), 4u);
  EXPECT_EQ(by_path["totals.people_trained"].submitted, 2);
  EXPECT_EQ(by_path["totals.people_trained"].current, 3);
  EXPECT_TRUE(by_path["gone"].current.is_null());
  EXPECT_EQ(by_path["new"].current, true);
  EXPECT_TRUE(by_path["workshops[1]"].submitted.is_null());
  EXPECT_EQ(by_path["workshops[1]"].current.at("workshop_id"), 2);
  EXPECT_EQ(by_path["workshops[1]"].workshop_id, 2);
  EXPECT_TRUE(
      reports::ReportChanges(before, before, domain::Language::kEn).empty());
}

// A funder report's figures named as the report names them, with the
// workshop or indicator they belong to and their values as printed.
TEST(ReportChangesTest, NamesEachFigureAndFormatsItsValues) {
  const auto before = json::parse(R"({
    "report": "funder",
    "totals": {"people_trained": 39, "attendance_rate": 0.9583333333333334,
               "by_gender": [{"gender": "female", "people_trained": 20}]},
    "workshops": [
      {"workshop_id": 7, "title": "Border management, Xiamen",
       "attendance_rate": 0.9583333333333334, "people_trained": 39},
      {"workshop_id": 9, "title": "Visa policy, Harbin", "people_trained": 12}],
    "results": [{"project": {"id": 3, "code": "EUCDMM", "title": "Mobility"},
      "results": [{"id": 1, "indicators": [{"id": 11, "code": "1.1",
        "title": "Officials trained", "measure": "people_trained",
        "actual": 39, "target": 100,
        "disaggregated": {"sex": [{"key": "female", "value": 20},
                                  {"key": null, "value": 1}]}}]}]}]
  })");
  const auto now = json::parse(R"({
    "report": "funder",
    "totals": {"people_trained": 40, "attendance_rate": 0.9666666666666667,
               "by_gender": [{"gender": "female", "people_trained": 21}]},
    "workshops": [
      {"workshop_id": 5, "title": "Document fraud, Beijing",
       "people_trained": 0},
      {"workshop_id": 7, "title": "Border management, Xiamen",
       "attendance_rate": 0.9666666666666667, "people_trained": 40},
      {"workshop_id": 9, "title": "Visa policy, Harbin", "people_trained": 12}],
    "results": [{"project": {"id": 3, "code": "EUCDMM", "title": "Mobility"},
      "results": [{"id": 1, "indicators": [{"id": 11, "code": "1.1",
        "title": "Officials trained", "measure": "people_trained",
        "actual": 40, "target": 100,
        "disaggregated": {"sex": [{"key": "female", "value": 21},
                                  {"key": null, "value": 1}]}}]}]}]
  })");
  std::map<std::string, reports::FigureChange> by_path;
  for (auto& c : reports::ReportChanges(before, now, domain::Language::kEn))
    by_path[c.path] = c;
  // Workshop 5, listed first today, is one change; 7 and 9 are compared
  // with themselves.
  ASSERT_TRUE(by_path.contains("workshops[0].attendance_rate"));
  const auto& rate = by_path["workshops[0].attendance_rate"];
  EXPECT_EQ(rate.label, "Attendance rate");
  EXPECT_EQ(rate.where, "Border management, Xiamen (workshop 7)");
  EXPECT_EQ(rate.workshop_id, 7);
  EXPECT_EQ(rate.submitted_text, "95.8%");
  EXPECT_EQ(rate.current_text, "96.7%");
  EXPECT_FALSE(by_path.contains("workshops[1].people_trained"));
  // Listed only today: its index today.
  ASSERT_TRUE(by_path.contains("workshops[0]"));
  EXPECT_TRUE(by_path["workshops[0]"].submitted.is_null());
  EXPECT_EQ(by_path["workshops[0]"].workshop_id, 5);
  EXPECT_EQ(by_path["workshops[0]"].current_text,
            "Document fraud, Beijing (workshop 5)");

  const auto& total = by_path["totals.people_trained"];
  EXPECT_EQ(total.label, "People trained");
  EXPECT_EQ(total.where, "Workshops held in the period: totals");
  EXPECT_FALSE(total.workshop_id);
  EXPECT_EQ(by_path["totals.by_gender[0].people_trained"].label,
            "People trained: Female");

  const auto& female =
      by_path["results[0].results[0].indicators[0].disaggregated.sex[0].value"];
  EXPECT_EQ(female.label, "Actual — Sex: Female");
  EXPECT_EQ(female.where, "1.1 Officials trained (indicator 11)");
  EXPECT_EQ(female.indicator_id, 11);
  EXPECT_EQ(female.project_id, 3);
  EXPECT_EQ(female.submitted_text, "20");
  EXPECT_EQ(by_path["results[0].results[0].indicators[0].actual"].label,
            "Actual");

  // In Chinese, the same figures in Chinese words.
  for (auto& c : reports::ReportChanges(before, now, domain::Language::kZh)) {
    if (c.path == "workshops[0].attendance_rate") {
      EXPECT_EQ(c.label, "出勤率");
      EXPECT_EQ(c.current_text, "96.7%");
    }
  }
}

}  // namespace
}  // namespace capdev::services
