// Evaluation over HTTP: questionnaires, a workshop's evaluations, answers
// typed in and from the participant's page, the report's figures against
// numbers worked out by hand (rounded as sent), and indicators counted from
// evaluations in the results report, the funder report and the IATI file.

#include "tests/support/api_test.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/parsers.hpp"
#include "tests/support/server_process.hpp"

namespace capdev::testing {
namespace {

// A test of 5 points (c1: option 1 of 2 is right, 1 point; s: marked 0-4)
// and an anonymous reaction survey, for five participants:
//   r1 F  pre 2,1 = 1/5 (20%)   post 1,4 = 5/5 (100%), on her phone
//   r2 M  pre 1,2 = 3/5 (60%)   post 1,3 = 4/5 (80%)
//   r3 F  pre 1,1 = 2/5 (40%)   post 2,1 = 1/5 (20%)
//   r4 M  pre 1,4 = 5/5 (100%)  no post-test
//   r5 F  answers nothing
// Pre: 4 of 5 (80%), mean 55. Post: 3 (60%), mean 66.7. Paired r1-r3:
// pre 40, post 66.67, gain 26.7 points, g = 26.67 / 60 = 0.444, improved
// 2 of 3 (66.7%), mastery (70) 100 and 80: 66.7%.
// Reaction: 5, 4, 2 and 4 (r4 on his phone): mean 3.75, satisfied 75%;
// two women and two men: both cells withheld.
class EvaluationApiTest : public ApiTest {
 protected:
  void SetUp() override {
    funder_ = Organization("European Commission", "intergovernmental");
    project_ = Project("CBMM");
    const std::string p = "/api/v1/projects/" + std::to_string(project_);
    ASSERT_EQ(
        Put(p + "/organizations", json::array{{{"organization_id", funder_},
                                               {"role", "lead_funder"}}})
            .status,
        200);
    workshop_ = Create("/api/v1/workshops", {{"project_id", project_},
                                             {"title", "Document examination"},
                                             {"kind", "training"},
                                             {"status", "held"},
                                             {"start_date", "2025-03-10"},
                                             {"end_date", "2025-03-12"}});
    w_ = "/api/v1/workshops/" + std::to_string(workshop_);
    for (const auto& [name, sex] :
         std::vector<std::pair<const char*, const char*>>{{"王芳", "female"},
                                                          {"李伟", "male"},
                                                          {"张敏", "female"},
                                                          {"陈杰", "male"},
                                                          {"刘洋", "female"}}) {
      const auto person =
          Create("/api/v1/people",
                 {{"full_name", "X"}, {"native_name", name}, {"gender", sex}});
      r_.push_back(Register(workshop_, person));
    }
    test_ =
        Create(p + "/questionnaires",
               {{"kind", "knowledge_test"},
                {"title", "Document examination test"},
                {"native_title", "证件检验测试"},
                {"items",
                 json::array{
                     {{"key", "c1"},
                      {"type", "single_choice"},
                      {"text", "Which seal is forged?"},
                      {"native_text", "哪个印章是伪造的？"},
                      {"options",
                       json::array{{{"text", "Left"}, {"native_text", "左"}},
                                   {{"text", "Right"}, {"native_text", "右"}}}},
                      {"correct_option", 1}},
                     {{"key", "s"},
                      {"type", "score"},
                      {"text", "List the checks"},
                      {"native_text", "列出检查步骤"},
                      {"max_score", 4}}}}});
    survey_ = Create(p + "/questionnaires",
                     {{"kind", "reaction"},
                      {"title", "Reaction survey"},
                      {"native_title", "满意度调查"},
                      {"anonymous", true},
                      {"items", json::array{{{"key", "useful"},
                                             {"type", "likert5"},
                                             {"text", "Useful"},
                                             {"native_text", "有用"}}}}});
    auto put = Put(w_ + "/evaluations",
                   json::array{{{"questionnaire_id", test_}, {"stage", "pre"}},
                               {{"questionnaire_id", test_}, {"stage", "post"}},
                               {{"questionnaire_id", survey_},
                                {"stage", "reaction"},
                                {"opens_at", "2025-03-12T08:00:00+08:00"},
                                {"closes_at", nullptr}}});
    ASSERT_EQ(put.status, 200) << put.body;
    const auto lines = put.Json().as_array();
    pre_ = lines[0].at("id").as_int64();
    post_ = lines[1].at("id").as_int64();
    reaction_ = lines[2].at("id").as_int64();
    EXPECT_EQ(lines[2].at("opens_at").as_string(), "2025-03-12T00:00:00Z");
  }

  HttpResponse Answer(std::int64_t evaluation, std::int64_t registration,
                      json::object answers) {
    return Post(
        w_ + "/evaluations/" + std::to_string(evaluation) + "/responses",
        {{"registration_id", registration}, {"answers", answers}});
  }
  // The participant's own link, as the badge's QR code holds it.
  std::string Token(std::int64_t registration) {
    const auto link =
        Post(w_ + "/registrations/" + std::to_string(registration) + "/link",
             json::object{})
            .Json();
    const std::string url(link.at("url").as_string());
    return url.substr(url.rfind('/') + 1);
  }
  void AnswerAll() {
    for (const auto& [k, c1, s] : std::vector<std::tuple<int, int, double>>{
             {0, 2, 1}, {1, 1, 2}, {2, 1, 1}, {3, 1, 4}}) {
      ASSERT_EQ(Answer(pre_, r_[k], {{"c1", c1}, {"s", s}}).status, 201);
    }
    ASSERT_EQ(Answer(post_, r_[1], {{"c1", 1}, {"s", 3}}).status, 201);
    ASSERT_EQ(Answer(post_, r_[2], {{"c1", 2}, {"s", 1}}).status, 201);
    const auto wang = Token(r_[0]);
    SetBearerToken("");  // the participant's page needs no sign-in
    auto mine = Post(
        "/api/v1/participant/" + wang + "/evaluations/" + std::to_string(post_),
        {{"answers", {{"c1", 1}, {"s", 4}}}});
    SetBearerToken(Login(port(), "admin"));
    ASSERT_EQ(mine.status, 201) << mine.body;
    for (const auto& [k, useful] :
         std::vector<std::pair<int, int>>{{0, 5}, {1, 4}, {2, 2}}) {
      ASSERT_EQ(Answer(reaction_, r_[k], {{"useful", useful}}).status, 201);
    }
    const auto chen = Token(r_[3]);
    SetBearerToken("");
    auto page = Get("/api/v1/participant/" + chen);
    auto his = Post("/api/v1/participant/" + chen + "/evaluations/" +
                        std::to_string(reaction_),
                    {{"answers", {{"useful", 4}}}});
    auto twice = Post("/api/v1/participant/" + chen + "/evaluations/" +
                          std::to_string(reaction_),
                      {{"answers", {{"useful", 1}}}});
    SetBearerToken(Login(port(), "admin"));
    ASSERT_EQ(page.status, 200);
    const auto own = page.Json().at("questionnaires").as_array();
    ASSERT_EQ(own.size(), 3u);
    EXPECT_TRUE(own[0].at("answered").as_bool());  // his pre-test
    EXPECT_FALSE(own[1].at("answered").as_bool());
    EXPECT_FALSE(own[0].at("items").as_array()[0].as_object().contains(
        "correct_option"));  // a test's answers stay with the organizers
    EXPECT_EQ(his.status, 201) << his.body;
    ExpectProblem(twice, 409);
  }

  std::int64_t funder_ = 0, project_ = 0, workshop_ = 0, test_ = 0, survey_ = 0,
               pre_ = 0, post_ = 0, reaction_ = 0;
  std::string w_;
  std::vector<std::int64_t> r_;
};

TEST_F(EvaluationApiTest, TheWorkshopsFiguresAsWorkedOutByHand) {
  AnswerAll();
  const auto report =
      Get("/api/v1/reports/evaluation?workshop_id=" + std::to_string(workshop_))
          .Json();
  const auto stages = report.at("evaluations").as_array();
  ASSERT_EQ(stages.size(), 3u);
  EXPECT_EQ(stages[0].at("invited").as_int64(), 5);
  EXPECT_EQ(stages[0].at("responses").as_int64(), 4);
  EXPECT_EQ(stages[0].at("response_rate").as_double(), 80.0);
  EXPECT_EQ(stages[0].at("score_mean").as_double(), 55.0);
  EXPECT_EQ(stages[1].at("score_mean").as_double(), 66.7);
  const auto c1 = stages[0].at("items").as_array()[0];
  EXPECT_EQ(c1.at("n").as_int64(), 4);
  EXPECT_EQ(c1.at("correct_share").as_double(), 75.0);
  EXPECT_EQ(
      c1.at("distribution"),
      json::parse(R"([{"value":1.0,"count":3},{"value":2.0,"count":1}])"));
  const auto& reaction = stages[2];
  EXPECT_EQ(reaction.at("satisfaction_n").as_int64(), 4);
  EXPECT_EQ(reaction.at("satisfaction_mean").as_double(), 3.75);
  EXPECT_EQ(reaction.at("satisfied_share").as_double(), 75.0);
  for (const auto& cell : reaction.at("by_sex").as_array()) {
    EXPECT_TRUE(cell.at("suppressed").as_bool());
    EXPECT_TRUE(cell.at("satisfaction_mean").is_null());
    EXPECT_EQ(cell.at("n").as_int64(), 2);
  }
  const auto l = report.at("learning").as_array()[0];
  EXPECT_EQ(l.at("pre_mean").as_double(), 55.0);
  EXPECT_EQ(l.at("post_mean").as_double(), 66.7);
  EXPECT_EQ(l.at("paired_n").as_int64(), 3);
  EXPECT_EQ(l.at("paired_pre_mean").as_double(), 40.0);
  EXPECT_EQ(l.at("paired_post_mean").as_double(), 66.7);
  EXPECT_EQ(l.at("mean_gain").as_double(), 26.7);
  EXPECT_EQ(l.at("normalized_gain").as_double(), 0.444);
  EXPECT_EQ(l.at("improved_share").as_double(), 66.7);
  EXPECT_EQ(l.at("mastery_share").as_double(), 66.7);
  // By sex: women r1, r3 (pre 30, post 60, g 30/70); man r2 (60 -> 80).
  const auto women = l.at("by_sex").as_array()[0];
  EXPECT_EQ(women.at("sex").as_string(), "female");
  EXPECT_EQ(women.at("paired_n").as_int64(), 2);
  EXPECT_EQ(women.at("normalized_gain").as_double(), 0.429);
  EXPECT_EQ(l.at("by_sex").as_array()[1].at("normalized_gain").as_double(),
            0.5);
  const auto t = report.at("totals");
  EXPECT_EQ(t.at("invited").as_int64(), 15);
  EXPECT_EQ(t.at("responses").as_int64(), 11);
  EXPECT_EQ(t.at("response_rate").as_double(), 73.3);
  // A stricter mastery: only r1's 100 reaches 90.
  EXPECT_EQ(Get("/api/v1/reports/evaluation?workshop_id=" +
                std::to_string(workshop_) + "&mastery_threshold=90")
                .Json()
                .at("learning")
                .as_array()[0]
                .at("mastery_share")
                .as_double(),
            33.3);

  // Every format, each in the reader's language.
  const auto base =
      "/api/v1/reports/evaluation?workshop_id=" + std::to_string(workshop_);
  const auto csv = ParseCsv(Get(base + "&format=csv&lang=zh").body);
  bool gain = false;
  for (const auto& row : csv) {
    if (row.size() == 4 && row[0] == "learning" && row[2] == "标准化增益") {
      gain = true;
      EXPECT_EQ(row[3], "0.44");
    }
  }
  EXPECT_TRUE(gain) << "no normalized gain in the CSV";
  const auto xlsx = Get(base + "&format=xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  const auto html = ParseHtmlTables(Get(base + "&format=html").body);
  ASSERT_TRUE(html.contains("learning"));
  EXPECT_EQ(html.at("learning").size(), 2u);  // the header and the workshop
  // A project and period instead of a workshop.
  const auto year =
      Get("/api/v1/reports/evaluation?project_id=" + std::to_string(project_) +
          "&from=2025-01-01&to=2025-12-31")
          .Json();
  EXPECT_EQ(year.at("totals"), report.at("totals"));
  ExpectProblem(
      Get("/api/v1/reports/evaluation?project_id=" + std::to_string(project_)),
      400);  // a project needs its period
  ExpectProblem(Get("/api/v1/reports/evaluation?workshop_id=999999"), 404);
}

TEST_F(EvaluationApiTest, IndicatorsCountedFromEvaluations) {
  AnswerAll();
  const std::string p = "/api/v1/projects/" + std::to_string(project_);
  const auto result = Create(
      p + "/results",
      {{"level", "outcome"}, {"code", "1"}, {"title", "Officials learn"}});
  const std::string r = "/api/v1/results/" + std::to_string(result);
  const json::array year{{{"period_start", "2025-01-01"},
                          {"period_end", "2025-12-31"},
                          {"value", 50}}};
  Create(r + "/indicators", {{"code", "1.1"},
                             {"title", "Officials with improved knowledge"},
                             {"source", "evaluation"},
                             {"measure", "improved_share"},
                             {"targets", year}});
  Create(r + "/indicators", {{"code", "1.2"},
                             {"title", "Normalized gain"},
                             {"source", "evaluation"},
                             {"measure", "normalized_gain"}});
  Create(r + "/indicators", {{"code", "1.3"},
                             {"title", "Satisfied participants"},
                             {"source", "evaluation"},
                             {"measure", "satisfied_share"},
                             {"filter", {{"kinds", json::array{"seminar"}}}}});
  // Each source its own measures.
  auto wrong = Post(r + "/indicators", {{"title", "x"},
                                        {"source", "evaluation"},
                                        {"measure", "people_trained"}});
  ExpectProblem(wrong, 422);
  EXPECT_EQ(ErrorFields(wrong), std::vector<std::string>{"measure"});

  const auto report =
      Get(p + "/results/report?from=2025-01-01&to=2025-12-31").Json();
  const auto indicators =
      report.at("results").as_array()[0].at("indicators").as_array();
  ASSERT_EQ(indicators.size(), 3u);
  EXPECT_NEAR(indicators[0].at("actual").as_double(), 200.0 / 3, 1e-9);
  EXPECT_NEAR(indicators[1].at("actual").as_double(), (200.0 / 3 - 40) / 60,
              1e-9);
  EXPECT_TRUE(indicators[2].at("actual").is_null());  // no seminar
  // Another year holds no evaluation.
  EXPECT_TRUE(Get(p + "/results/report?from=2024-01-01&to=2024-12-31")
                  .Json()
                  .at("results")
                  .as_array()[0]
                  .at("indicators")
                  .as_array()[0]
                  .at("actual")
                  .is_null());
  // The funder's report and the IATI file carry them like the others.
  const auto funder =
      Get("/api/v1/reports/funder?organization_id=" + std::to_string(funder_) +
          "&from=2025-01-01&to=2025-12-31")
          .Json();
  EXPECT_NEAR(funder.at("results")
                  .as_array()[0]
                  .at("results")
                  .as_array()[0]
                  .at("indicators")
                  .as_array()[0]
                  .at("actual")
                  .as_double(),
              200.0 / 3, 1e-9);
  ASSERT_EQ(Patch("/api/v1/organizations/" + std::to_string(funder_),
                  {{"iati_ref", "XI-IATI-EC_INTPA"}})
                .status,
            200);
  const auto iati = Get(p + "/iati.xml").body;
  const auto at = iati.find("Officials with improved knowledge");
  ASSERT_NE(at, std::string::npos) << iati.substr(0, 600);
  const auto indicator = iati.rfind("<indicator ", at);
  EXPECT_NE(iati.find("measure=\"2\"", indicator), std::string::npos);
  EXPECT_NE(iati.find("<actual value=\"66.6", at), std::string::npos);
}

TEST_F(EvaluationApiTest, BadInputIsRefusedAndLosesNothing) {
  const std::string p = "/api/v1/projects/" + std::to_string(project_);
  auto bad = Post(p + "/questionnaires",
                  {{"kind", "knowledge_test"},
                   {"title", "Test"},
                   {"items", json::array{{{"key", "q1"},
                                          {"type", "single_choice"},
                                          {"text", "Which?"},
                                          {"options", json::array{}}}}}});
  ExpectProblem(bad, 422);
  EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{
                                  "items[0].native_text", "items[0].options",
                                  "items[0].correct_option"}));
  // A stage given the wrong kind; a time that is not one.
  auto stage =
      Put(w_ + "/evaluations",
          json::array{{{"questionnaire_id", survey_}, {"stage", "pre"}},
                      {{"questionnaire_id", test_},
                       {"stage", "post"},
                       {"opens_at", "next Monday"}}});
  ExpectProblem(stage, 422);
  EXPECT_EQ(ErrorFields(stage),
            (std::vector<std::string>{"[1].opens_at", "[0].questionnaire_id"}));
  EXPECT_EQ(Get(w_ + "/evaluations").Json().as_array().size(), 3u);
  ASSERT_EQ(Answer(pre_, r_[0], {{"c1", 1}}).status, 201);
  ExpectProblem(Put(w_ + "/evaluations", json::array{}), 409);
  ExpectProblem(Delete("/api/v1/questionnaires/" + std::to_string(test_)), 409);
  auto answers = Answer(pre_, r_[1], {{"c1", 3}, {"s", "four"}, {"zz", 1}});
  ExpectProblem(answers, 422);
  EXPECT_EQ(
      ErrorFields(answers),
      (std::vector<std::string>{"answers.c1", "answers.s", "answers.zz"}));
  ExpectProblem(Post(w_ + "/evaluations/999999/responses",
                     {{"registration_id", r_[0]}, {"answers", json::object{}}}),
                404);
  SetBearerToken("");
  ExpectProblem(
      Post("/api/v1/participant/nothing/evaluations/" + std::to_string(pre_),
           {{"answers", json::object{}}}),
      404);
  SetBearerToken(Login(port(), "admin"));
  EXPECT_EQ(Get(w_ + "/evaluations/" + std::to_string(pre_) + "/responses")
                .Json()
                .at("responses")
                .as_array()
                .size(),
            1u);
  // The paper form, in both languages.
  const auto form =
      Get(w_ + "/evaluations/" + std::to_string(reaction_) + "/form");
  EXPECT_EQ(form.status, 200);
  for (const char* text :
       {"满意度调查", "Reaction survey", "匿名填写", "Anonymous", "有用",
        "Useful", "非常同意", "Strongly agree"}) {
    EXPECT_NE(form.body.find(text), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace capdev::testing
