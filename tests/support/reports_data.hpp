#pragma once
// The reports' test data set (ReportsApiTest): a small programme whose every
// figure is worked out by hand in the tests that use it
// (reports_api_test.cpp, summary_api_test.cpp).

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "tests/support/api_test.hpp"
#include "tests/support/parsers.hpp"

namespace capdev::testing {

inline const std::string kEvil = "=cmd|' /C calc'!A0";

// The data set, with every figure worked out by hand in the tests below.
//
// Funder F funds project P (lead, 100,000 EUR); its child C (parent_id F)
// funds Q; G co-funds P; nobody funds R. Held workshops:
//   W1 P 2025-03-10..12 Beijing, 3 sessions d1 d2 d3, named people (below)
//   W2 P dates unknown, Harbin, reported 25, duration 5 days
//   W3 P 2025-06-01..02 estimated, Hangzhou, reported 10
//   W4 P 2024-01-05, reported 99 (outside 2025)
//   W5 Q 2025-03-10, Beijing, reported 40
//   W6 P 2025-05-01, no city, reported 12
//   W9 R 2025-07-01..02 Beijing, P1 present on the first day only
// and W7 P (cancelled), W8 R (planned 2025-09-01): never counted.
//
// W1's people and marks (participants P1 P2 P5, P4 cancelled afterwards;
// P3 trainer and P6 speaker, both of Trainer T):
//          d1       d2       d3
//   P1     present  present  late      3 days
//   P2     late     absent   -         1 day
//   P5     absent   excused  present   1 day
//   P4     present  -        -         (cancelled: counts for nobody)
//   P3     present  present  -         trainer, counted apart
//   P6     present  -        -         speaker, counted apart
class ReportsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    funder_ = Organization("Funder F", "intergovernmental");
    child_ = Create("/api/v1/organizations", {{"name", "Child C"},
                                              {"kind", "intergovernmental"},
                                              {"parent_id", funder_}});
    auto cofunder = Organization("Funder G");
    agency_a_ = Organization("Agency A");
    auto agency_b = Organization("Agency B");
    auto trainer = Organization("Trainer T", "academic");
    auto frontex = Organization("Frontex", "intergovernmental");
    auto evil = Organization(kEvil, "ngo");
    auto p = Project("P");
    q_ = Project("Q");
    auto r = Project("R");
    auto parties = [&](std::int64_t project, json::array list) {
      ASSERT_EQ(
          Put("/api/v1/projects/" + std::to_string(project) + "/organizations",
              list)
              .status,
          200);
    };
    parties(p, {{{"organization_id", funder_},
                 {"role", "lead_funder"},
                 {"amount", 100000},
                 {"currency", "EUR"}},
                {{"organization_id", cofunder}, {"role", "co_funder"}}});
    parties(q_, {{{"organization_id", child_},
                  {"role", "lead_funder"},
                  {"amount", 50000},
                  {"currency", "EUR"}}});

    auto workshop = [&](std::int64_t project, const char* title,
                        const char* kind, const char* status, json::value start,
                        json::value end, bool estimated, json::value city,
                        json::value reported, json::value duration = nullptr) {
      return Create("/api/v1/workshops", {{"project_id", project},
                                          {"title", title},
                                          {"kind", kind},
                                          {"status", status},
                                          {"start_date", start},
                                          {"end_date", end},
                                          {"dates_estimated", estimated},
                                          {"city", city},
                                          {"reported_participants", reported},
                                          {"duration_days", duration}});
    };
    w1_ = workshop(p, "W1", "training", "held", "2025-03-10", "2025-03-12",
                   false, "Beijing", nullptr);
    w2_ = workshop(p, "W2", "training", "held", nullptr, nullptr, false,
                   "Harbin", 25, 5);
    w3_ = workshop(p, "W3", "seminar", "held", "2025-06-01", "2025-06-02", true,
                   "Hangzhou", 10);
    workshop(p, "W4", "training", "held", "2024-01-05", "2024-01-05", false,
             "Beijing", 99);
    w5_ = workshop(q_, "W5", "workshop", "held", "2025-03-10", "2025-03-10",
                   false, "Beijing", 40);
    w6_ = workshop(p, "W6", "training", "held", "2025-05-01", "2025-05-01",
                   false, nullptr, 12);
    auto w7 = workshop(p, "W7", "training", "planned", "2025-04-01",
                       "2025-04-01", false, "Beijing", nullptr);
    ASSERT_EQ(Patch("/api/v1/workshops/" + std::to_string(w7),
                    {{"status", "cancelled"}})
                  .status,
              200);
    workshop(r, "W8", "workshop", "planned", "2025-09-01", "2025-09-01", false,
             "Beijing", nullptr);
    w9_ = workshop(r, "W9", "workshop", "held", "2025-07-01", "2025-07-02",
                   false, "Beijing", nullptr);
    const std::string w1 = "/api/v1/workshops/" + std::to_string(w1_);
    ASSERT_EQ(
        Put(w1 + "/organizations",
            json::array{
                {{"organization_id", trainer}, {"role", "trainer"}},
                {{"organization_id", agency_a_}, {"role", "participating"}},
                {{"organization_id", evil}, {"role", "participating"}}})
            .status,
        200);
    ASSERT_EQ(
        Put("/api/v1/workshops/" + std::to_string(w2_) + "/organizations",
            json::array{{{"organization_id", frontex}, {"role", "trainer"}}})
            .status,
        200);

    auto person = [&](const char* name, const char* gender, json::value org,
                      json::value province) {
      return Create("/api/v1/people", {{"full_name", name},
                                       {"gender", gender},
                                       {"organization_id", org},
                                       {"province", province}});
    };
    p1_ = person("P1", "female", agency_a_, "Hebei");
    p2_ = person("P2", "male", agency_a_, "Hebei");
    p3_ = person("P3", "female", trainer, nullptr);
    p4_ = person("P4", "undisclosed", nullptr, nullptr);
    p5_ = person("P5", "female", agency_b, nullptr);
    p6_ = person("P6", "male", trainer, nullptr);
    Register(w1_, p1_);
    Register(w1_, p2_);
    Register(w1_, p3_, "trainer");
    auto r4 = Register(w1_, p4_);
    Register(w1_, p5_);
    Register(w1_, p6_, "speaker");
    sessions_ = SessionIds(w1_);
    auto mark = [&](std::int64_t who, const char* status) {
      return json::object{{"person_id", who}, {"status", status}};
    };
    Sheet(w1_, sessions_[0],
          {mark(p1_, "present"), mark(p2_, "late"), mark(p5_, "absent"),
           mark(p4_, "present"), mark(p3_, "present"), mark(p6_, "present")});
    Sheet(w1_, sessions_[1],
          {mark(p1_, "present"), mark(p2_, "absent"), mark(p5_, "excused"),
           mark(p3_, "present")});
    Sheet(w1_, sessions_[2], {mark(p1_, "late"), mark(p5_, "present")});
    // P4's registration is cancelled after the fact: P4 no longer counts
    // anywhere.
    ASSERT_EQ(Patch(w1 + "/registrations/" + std::to_string(r4),
                    {{"status", "cancelled"}})
                  .status,
              200);
    Register(w9_, p1_);
    Sheet(w9_, SessionIds(w9_)[0], {mark(p1_, "present")});
  }

  std::vector<std::int64_t> SessionIds(std::int64_t workshop) {
    std::vector<std::int64_t> ids;
    for (auto& s : ListAll(
             port(),
             "/api/v1/workshops/" + std::to_string(workshop) + "/sessions", 10))
      ids.push_back(s.at("id").as_int64());
    return ids;
  }

  void Sheet(std::int64_t workshop, std::int64_t session, json::array marks) {
    ASSERT_EQ(Put("/api/v1/workshops/" + std::to_string(workshop) +
                      "/sessions/" + std::to_string(session) + "/attendance",
                  marks)
                  .status,
              200);
  }

  // Checks each figure in the CSV and the HTML rendering of `target`.
  void ExpectFigures(const std::string& target,
                     const std::vector<Figure>& figures) {
    auto csv = Get(target + "&format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
    auto rows = ParseCsv(csv.body);
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0], (std::vector<std::string>{"section", "item", "measure",
                                                 "value"}));
    std::map<std::tuple<std::string, std::string, std::string>, std::string>
        cells;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      ASSERT_EQ(rows[i].size(), 4u);
      for (const auto& cell : rows[i]) {
        ASSERT_TRUE(cell.empty() ||
                    std::string("=+-@\t\r").find(cell[0]) == std::string::npos)
            << "formula-like cell: " << cell;
      }
      cells[{rows[i][0], rows[i][1], rows[i][2]}] = rows[i][3];
    }
    auto neutral = [](std::string v) {
      return !v.empty() && std::string("=+-@").find(v[0]) != std::string::npos
                 ? "'" + v
                 : v;
    };
    for (const auto& [section, item, measure, value] : figures) {
      auto it = cells.find({section, neutral(item), measure});
      ASSERT_NE(it, cells.end())
          << "CSV lacks " << section << "/" << item << "/" << measure;
      EXPECT_EQ(it->second, neutral(value))
          << "CSV " << section << "/" << item << "/" << measure;
    }

    auto html = Get(target + "&format=html");
    ASSERT_EQ(html.status, 200);
    EXPECT_EQ(html.Header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(html.body.find("@media print"), std::string::npos);
    EXPECT_NE(html.body.find("Generated"), std::string::npos);
    auto tables = ParseHtmlTables(html.body);
    for (const auto& [section, item, measure, value] : figures) {
      auto& table = tables[section];
      ASSERT_FALSE(table.empty()) << "HTML lacks table " << section;
      auto col = std::find(table[0].begin(), table[0].end(), measure) -
                 table[0].begin();
      ASSERT_LT(col, static_cast<long>(table[0].size()))
          << section << " lacks column " << measure;
      auto row = std::find_if(table.begin(), table.end(),
                              [&](auto& r) { return r[0] == item; });
      ASSERT_NE(row, table.end()) << section << " lacks row " << item;
      EXPECT_EQ((*row)[col], value)
          << "HTML " << section << "/" << item << "/" << measure;
    }
  }

  std::int64_t funder_ = 0, child_ = 0, agency_a_ = 0, q_ = 0, w1_ = 0, w2_ = 0,
               w3_ = 0, w5_ = 0, w6_ = 0, w9_ = 0, p1_ = 0, p2_ = 0, p3_ = 0,
               p4_ = 0, p5_ = 0, p6_ = 0;
  std::vector<std::int64_t> sessions_;
};

inline std::vector<std::int64_t> Ints(const json::value& object,
                                      std::initializer_list<const char*> keys) {
  std::vector<std::int64_t> out;
  for (const char* k : keys) out.push_back(object.at(k).as_int64());
  return out;
}

}  // namespace capdev::testing
