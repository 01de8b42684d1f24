// The results framework: a logframe whose indicators are counted from
// attendance, every measure and its disaggregation checked against figures
// worked out by hand, in JSON, CSV and HTML.

#include "tests/support/api_test.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/parsers.hpp"
#include "tests/support/server_process.hpp"

namespace capdev::testing {
namespace {

// Project P, funded by F. Held workshops, with participants A (female, X,
// Hebei), B (male, X, Hebei), C (female, "w agency", no province), D (male,
// Z) and trainer T:
//   W1 training 2025-03-10..12, topic "border":
//        d1 d2 d3: A present x3; B present d1; C late d1, present d2;
//        T present d1 (a trainer: never counted)
//   W2 seminar 2025-06-01: A present, D absent
//   W3 training 2024-05-01 (outside 2025): D present
// For 2025: people trained A B C = 3; participations 3 + 1 = 4;
// participant-days 3 + 1 + 2 + 1 = 7; completed (80%): A in W1 and W2 -> 1
// person; workshops 2; women A C -> 66.67%; agencies X, w agency -> 2.
// Organization names are listed as the database compares them, without
// case: "w agency" before "X", though 'X' < 'w' in bytes.
class ResultsApiTest : public ApiTest {
 protected:
  void SetUp() override {
    funder_ = Organization("F", "intergovernmental");
    const auto x = Organization("X"), y = Organization("w agency"),
               z = Organization("Z");
    project_ = Project("P");
    ASSERT_EQ(
        Put("/api/v1/projects/" + std::to_string(project_) + "/organizations",
            json::array{
                {{"organization_id", funder_}, {"role", "lead_funder"}}})
            .status,
        200);
    auto workshop = [&](const char* title, const char* kind, const char* start,
                        const char* end, json::array topics) {
      return Create("/api/v1/workshops", {{"project_id", project_},
                                          {"title", title},
                                          {"kind", kind},
                                          {"status", "held"},
                                          {"start_date", start},
                                          {"end_date", end},
                                          {"topics", topics}});
    };
    w1_ = workshop("W1", "training", "2025-03-10", "2025-03-12", {"border"});
    w2_ = workshop("W2", "seminar", "2025-06-01", "2025-06-01", {});
    const auto w3 = workshop("W3", "training", "2024-05-01", "2024-05-01", {});
    auto person = [&](const char* name, const char* gender, std::int64_t org,
                      json::value province) {
      return Create("/api/v1/people", {{"full_name", name},
                                       {"gender", gender},
                                       {"organization_id", org},
                                       {"province", province}});
    };
    a_ = person("A", "female", x, "Hebei");
    const auto b = person("B", "male", x, "Hebei");
    const auto c = person("C", "female", y, nullptr);
    const auto d = person("D", "male", z, "Jilin");
    const auto t = person("T", "male", z, nullptr);
    for (auto p : {a_, b, c}) Register(w1_, p);
    Register(w1_, t, "trainer");
    for (auto p : {a_, d}) Register(w2_, p);
    Register(w3, d);
    auto mark = [](std::int64_t who, const char* status) {
      return json::object{{"person_id", who}, {"status", status}};
    };
    const auto s1 = Sessions(w1_);
    Sheet(w1_, s1[0],
          {mark(a_, "present"), mark(b, "present"), mark(c, "late"),
           mark(t, "present")});
    Sheet(w1_, s1[1], {mark(a_, "present"), mark(c, "present")});
    Sheet(w1_, s1[2], {mark(a_, "present")});
    Sheet(w2_, Sessions(w2_)[0], {mark(a_, "present"), mark(d, "absent")});
    Sheet(w3, Sessions(w3)[0], {mark(d, "present")});

    outcome_ = Create(Results(), {{"level", "outcome"},
                                  {"code", "1"},
                                  {"title", "Officials apply standards"}});
    output_ = Create(Results(), {{"level", "output"},
                                 {"code", "1.1"},
                                 {"title", "Officials trained"},
                                 {"parent_id", outcome_}});
  }

  std::string Results() const {
    return "/api/v1/projects/" + std::to_string(project_) + "/results";
  }
  std::string Indicators(std::int64_t result) const {
    return "/api/v1/results/" + std::to_string(result) + "/indicators";
  }
  std::vector<std::int64_t> Sessions(std::int64_t w) {
    std::vector<std::int64_t> ids;
    for (auto& s :
         ListAll(port(), "/api/v1/workshops/" + std::to_string(w) + "/sessions",
                 10))
      ids.push_back(s.at("id").as_int64());
    return ids;
  }
  void Sheet(std::int64_t w, std::int64_t s, json::array marks) {
    ASSERT_EQ(Put("/api/v1/workshops/" + std::to_string(w) + "/sessions/" +
                      std::to_string(s) + "/attendance",
                  marks)
                  .status,
              200);
  }
  std::int64_t Counted(const char* measure, json::object extra = {}) {
    json::object body = {{"title", std::string("Counted ") + measure},
                         {"source", "attendance"},
                         {"measure", measure}};
    for (auto& [k, v] : extra) body[k] = v;
    return Create(Indicators(output_), body);
  }
  // The report's indicator entry with this id.
  json::object Entry(const json::value& report, std::int64_t id) {
    for (auto& r : report.at("results").as_array()) {
      for (auto& i : r.at("indicators").as_array()) {
        if (i.at("id").as_int64() == id) return i.as_object();
      }
    }
    ADD_FAILURE() << "no indicator " << id;
    return {};
  }
  json::value Report(const std::string& from = "2025-01-01",
                     const std::string& to = "2025-12-31") {
    auto r = Get(Results() + "/report?from=" + from + "&to=" + to);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }

  std::int64_t funder_ = 0, project_ = 0, w1_ = 0, w2_ = 0, a_ = 0,
               outcome_ = 0, output_ = 0;
};

TEST_F(ResultsApiTest, EveryMeasureMatchesTheFiguresWorkedOutByHand) {
  const std::map<std::string, double> expected = {
      {"people_trained", 3},   {"participations", 4},
      {"participant_days", 7}, {"people_completed", 1},
      {"workshops_held", 2},   {"female_share", 200.0 / 3},
      {"agencies_reached", 2}};
  std::map<std::string, std::int64_t> ids;
  for (const auto& [measure, value] : expected) {
    ids[measure] = Counted(measure.c_str());
  }
  auto report = Report();
  for (const auto& [measure, value] : expected) {
    EXPECT_NEAR(Entry(report, ids[measure]).at("actual").as_double(), value,
                1e-9)
        << measure;
  }
  // The logframe in order: the outcome, then the output below it.
  auto results = report.at("results").as_array();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].at("id").as_int64(), outcome_);
  EXPECT_EQ(results[1].at("depth").as_int64(), 1);
  // A period that leaves W1 out: only W2 (A present) is counted.
  auto summer = Report("2025-04-01", "2025-12-31");
  EXPECT_EQ(Entry(summer, ids["people_trained"]).at("actual").as_double(), 1);
  EXPECT_EQ(Entry(summer, ids["participant_days"]).at("actual").as_double(), 1);
}

TEST_F(ResultsApiTest, FiltersThresholdsTargetsBaselinesAndDisaggregation) {
  // Trainings only: W1 alone.
  const auto training =
      Counted("participant_days",
              {{"filter", {{"kinds", json::array{"training"}}}},
               {"baseline_value", 0},
               {"baseline_year", 2024},
               {"targets", json::array{{{"period_start", "2025-01-01"},
                                        {"period_end", "2025-06-30"},
                                        {"value", 2}},
                                       {{"period_start", "2025-01-01"},
                                        {"period_end", "2025-12-31"},
                                        {"value", 5}},
                                       {{"period_start", "2026-01-01"},
                                        {"period_end", "2026-12-31"},
                                        {"value", 10}}}},
               {"disaggregations", json::array{"organization"}}});
  // A topic, and a lower completion threshold: C's 2 of 3 days now count.
  const auto completed = Counted(
      "people_completed", {{"filter", {{"topics", json::array{"border"}}}},
                           {"completion_threshold", 60}});
  const auto by_sex = Counted(
      "people_trained", {{"disaggregations", json::array{"sex", "province"}}});
  auto report = Report();
  auto t = Entry(report, training);
  EXPECT_EQ(t.at("actual").as_double(), 6);  // A 3 + B 1 + C 2
  EXPECT_EQ(t.at("target").as_double(), 5);  // within 2025, ending last
  EXPECT_EQ(t.at("baseline_value").as_double(), 0);
  EXPECT_EQ(t.at("disaggregated").at("organization"),
            (json::array{{{"key", "w agency"}, {"value", 2.0}},
                         {{"key", "X"}, {"value", 4.0}}}));
  EXPECT_EQ(Entry(report, completed).at("actual").as_double(), 2);  // A, C
  auto s = Entry(report, by_sex);
  EXPECT_EQ(s.at("actual").as_double(), 3);
  EXPECT_EQ(s.at("disaggregated").at("sex"),
            (json::array{{{"key", "female"}, {"value", 2.0}},
                         {{"key", "male"}, {"value", 1.0}}}));
  EXPECT_EQ(s.at("disaggregated").at("province"),
            (json::array{{{"key", nullptr}, {"value", 1.0}},
                         {{"key", "Hebei"}, {"value", 2.0}}}));
  // The first half of 2025: the June target.
  EXPECT_EQ(Entry(Report("2025-01-01", "2025-06-30"), training)
                .at("target")
                .as_double(),
            2);

  // CSV and HTML carry the same figures.
  const std::string target =
      Results() + "/report?from=2025-01-01&to=2025-12-31";
  auto rows = ParseCsv(Get(target + "&format=csv").body);
  const std::string label =
      "Counted participant_days (indicator " + std::to_string(training) + ")";
  std::map<std::string, std::string> cells;
  for (const auto& row : rows) {
    if (row.size() == 4 && row[1] == label) cells[row[2]] = row[3];
  }
  EXPECT_EQ(cells["Actual"], "6");
  EXPECT_EQ(cells["Target"], "5");
  auto tables = ParseHtmlTables(Get(target + "&format=html").body);
  const auto& html = tables["results.indicators"];
  ASSERT_FALSE(html.empty());
  const auto actual_col =
      std::find(html[0].begin(), html[0].end(), "Actual") - html[0].begin();
  bool found = false;
  for (const auto& row : html) {
    if (row[0] == label) {
      found = true;
      EXPECT_EQ(row[actual_col], "6");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ResultsApiTest, ManualValuesAreEnteredPerPeriod) {
  const auto manual =
      Create(Indicators(outcome_),
             {{"title", "Procedures adopted"}, {"source", "manual"}});
  const std::string values =
      "/api/v1/indicators/" + std::to_string(manual) + "/values";
  ASSERT_EQ(Put(values, json::array{{{"period_start", "2025-01-01"},
                                     {"period_end", "2025-12-31"},
                                     {"value", 12},
                                     {"comment", "survey"}},
                                    {{"period_start", "2025-01-01"},
                                     {"period_end", "2025-06-30"},
                                     {"value", 4}}})
                .status,
            200);
  auto year = Entry(Report(), manual);
  EXPECT_EQ(year.at("actual").as_double(), 12);
  EXPECT_EQ(year.at("comment").as_string(), "survey");
  EXPECT_EQ(Entry(Report("2025-01-01", "2025-09-30"), manual)
                .at("actual")
                .as_double(),
            4);
  EXPECT_TRUE(
      Entry(Report("2026-01-01", "2026-12-31"), manual).at("actual").is_null());
  // A counted indicator takes no values; bad values change nothing.
  const auto counted = Counted("people_trained");
  ExpectProblem(Put("/api/v1/indicators/" + std::to_string(counted) + "/values",
                    json::array{{{"period_start", "2025-01-01"},
                                 {"period_end", "2025-12-31"},
                                 {"value", 1}}}),
                409);
  ExpectProblem(Put(values, json::array{{{"period_start", "2025-12-31"},
                                         {"period_end", "2025-01-01"},
                                         {"value", -1}}}),
                422);
  EXPECT_EQ(Get(values).Json().as_array().size(), 2u);
}

// A list in a body is bounded and holds each item once: one error for the
// whole list when it is too long, one per repeat otherwise.
TEST_F(ResultsApiTest, ListsInsideAnIndicatorAreBoundedAndDistinct) {
  const json::object target{{"period_start", "2025-01-01"},
                            {"period_end", "2025-12-31"},
                            {"value", 5}};
  const auto indicator = [&](json::object more) {
    json::object body{{"title", "Officials trained"},
                      {"source", "attendance"},
                      {"measure", "people_trained"}};
    for (auto& [k, v] : more) body[k] = v;
    return Post(Indicators(output_), body);
  };
  json::array copies(8000, target);
  auto many = indicator({{"targets", copies}});
  ExpectProblem(many, 422);
  EXPECT_EQ(ErrorFields(many), (std::vector<std::string>{"targets"}));

  auto twice = indicator({{"targets", json::array{target, target}}});
  ExpectProblem(twice, 422);
  EXPECT_EQ(ErrorFields(twice), (std::vector<std::string>{"targets[1]"}));

  json::array ids;
  for (int i = 1; i <= 20000; ++i) ids.push_back(i);
  auto wide = indicator({{"filter", {{"workshop_ids", ids}}}});
  ExpectProblem(wide, 422);
  EXPECT_EQ(ErrorFields(wide),
            (std::vector<std::string>{"filter.workshop_ids"}));

  auto repeated =
      indicator({{"filter",
                  {{"workshop_ids", json::array{7, 8, 7}},
                   {"topics", json::array{"边境管理", "边境管理"}}}}});
  ExpectProblem(repeated, 422);
  EXPECT_EQ(
      ErrorFields(repeated),
      (std::vector<std::string>{"filter.topics[1]", "filter.workshop_ids[2]"}));
  EXPECT_TRUE(ListAll(port(), Indicators(output_), 100).empty());

  const auto manual =
      Create(Indicators(outcome_),
             {{"title", "Procedures adopted"}, {"source", "manual"}});
  const std::string values =
      "/api/v1/indicators/" + std::to_string(manual) + "/values";
  auto same = Put(values, json::array{target, target});
  ExpectProblem(same, 422);
  EXPECT_EQ(ErrorFields(same), (std::vector<std::string>{"[1]"}));
  ExpectProblem(Put(values, copies), 422);
  EXPECT_TRUE(Get(values).Json().as_array().empty());
}

TEST_F(ResultsApiTest, BadIndicatorsAndResultsAreRefused) {
  auto unknown = Post(
      Indicators(output_),
      {{"title", "x"}, {"source", "attendance"}, {"measure", "happiness"}});
  ExpectProblem(unknown, 422);
  EXPECT_EQ(ErrorFields(unknown), (std::vector<std::string>{"measure"}));
  ExpectProblem(
      Post(Indicators(output_), {{"title", "x"}, {"source", "attendance"}}),
      422);  // no measure
  ExpectProblem(Post(Indicators(output_), {{"title", "x"},
                                           {"source", "attendance"},
                                           {"measure", "workshops_held"},
                                           {"disaggregations", {"sex"}}}),
                422);
  ExpectProblem(Post(Indicators(output_), {{"title", "x"},
                                           {"source", "attendance"},
                                           {"measure", "people_trained"},
                                           {"completion_threshold", 0}}),
                422);
  // An outcome cannot sit below an output; a result elsewhere is no parent.
  ExpectProblem(
      Post(Results(),
           {{"level", "outcome"}, {"title", "x"}, {"parent_id", output_}}),
      422);
  const auto other = Project("Q");
  ExpectProblem(
      Post("/api/v1/projects/" + std::to_string(other) + "/results",
           {{"level", "output"}, {"title", "x"}, {"parent_id", outcome_}}),
      422);
  // Deleting a result that others hang on is a 409.
  Counted("people_trained");
  ExpectProblem(Delete("/api/v1/results/" + std::to_string(output_)), 409);
  ExpectProblem(Delete("/api/v1/results/" + std::to_string(outcome_)), 409);
  ExpectProblem(Get(Results() + "/report?from=2025-01-01"), 400);
  ExpectProblem(Get(Results() + "/report?from=2025-01-01&to=2025-12-31&x=1"),
                400);
}

TEST_F(ResultsApiTest, EvidenceShowsThePeopleToCoordinatorsOnly) {
  const auto id = Counted("people_trained");
  const std::string target = "/api/v1/indicators/" + std::to_string(id) +
                             "/evidence?from=2025-01-01&to=2025-12-31";
  auto e = Get(target).Json();
  auto workshops = e.at("workshops").as_array();
  ASSERT_EQ(workshops.size(), 2u);
  EXPECT_EQ(workshops[0].at("workshop_id").as_int64(), w1_);
  EXPECT_EQ(workshops[0].at("people_trained").as_int64(), 3);
  auto people = e.at("people").as_array();
  ASSERT_EQ(people.size(), 3u);  // A, B, C: never T the trainer, nor D
  EXPECT_EQ(people[0].at("full_name").as_string(), "A");
  EXPECT_EQ(people[0].at("workshops").as_int64(), 2);
  EXPECT_EQ(people[0].at("participant_days").as_int64(), 4);
  EXPECT_EQ(people[0].at("completed").as_int64(), 2);
  EXPECT_EQ(people[2].at("participant_days").as_int64(), 2);  // C

  AddUser(db_path_, "viewer", "viewer");
  AddUser(db_path_, "funder", "funder", funder_);
  for (const char* user : {"viewer", "funder"}) {
    SetBearerToken(Login(port(), user));
    ExpectProblem(Get(target), 403);
  }
  // The funder's own report carries the project's indicator table.
  auto funder =
      Get("/api/v1/reports/funder?organization_id=" + std::to_string(funder_) +
          "&from=2025-01-01&to=2025-12-31")
          .Json();
  auto results = funder.at("results").as_array();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].at("project").at("code").as_string(), "P");
  EXPECT_EQ(results[0]
                .at("results")
                .as_array()[1]
                .at("indicators")
                .as_array()[0]
                .at("actual")
                .as_double(),
            3);
}

}  // namespace
}  // namespace capdev::testing
