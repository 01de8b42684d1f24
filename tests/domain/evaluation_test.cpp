// Questionnaires' rules and the evaluation figures, against numbers worked
// out by hand below (API.md "Evaluation").

#include "domain/evaluation.hpp"

#include <gtest/gtest.h>

#include "domain/evaluation_figures.hpp"

namespace capdev::domain {
namespace {

using G = Gender;

Item Choice(std::string key, int options, std::optional<int> correct) {
  Item i{.key = std::move(key),
         .type = ItemType::kSingleChoice,
         .text = "Which?",
         .native_text = "哪个？"};
  for (int k = 0; k < options; ++k)
    i.options.push_back({"option " + std::to_string(k + 1), "选项"});
  if (correct) i.correct_option = *correct;
  return i;
}

Item Likert(std::string key) {
  return {.key = std::move(key),
          .type = ItemType::kLikert5,
          .text = "Useful",
          .native_text = "有用"};
}

// c1: 4 options, B correct; c2: 3 options, A correct; s1: marked 0-8.
// The maximum is 10 points.
Questionnaire KnowledgeTest() {
  Questionnaire q{.id = 1,
                  .project_id = 1,
                  .kind = QuestionnaireKind::kKnowledgeTest,
                  .title = "Border checks",
                  .native_title = "边境检查"};
  q.items = {Choice("c1", 4, 2),
             Choice("c2", 3, 1),
             {.key = "s1",
              .type = ItemType::kScore,
              .text = "Explain",
              .native_text = "解释",
              .max_score = 8}};
  return q;
}

Questionnaire Survey() {
  Questionnaire q{.id = 2,
                  .project_id = 1,
                  .kind = QuestionnaireKind::kReaction,
                  .title = "Reaction",
                  .anonymous = true};
  q.items = {Likert("a"),
             Likert("b"),
             {.key = "comment",
              .type = ItemType::kText,
              .text = "Comments",
              .native_text = "意见"}};
  return q;
}

Response Named(std::int64_t registration, G sex, Answers answers) {
  return {.registration_id = registration,
          .sex = sex,
          .answers = std::move(answers)};
}
Response Unnamed(std::optional<G> sex, Answers answers) {
  return {.sex = sex, .answers = std::move(answers)};
}

EvaluationData Stage(EvaluationStage stage, std::int64_t id, Questionnaire q,
                     std::int64_t invited, std::vector<Response> responses) {
  return {.evaluation = {.id = id,
                         .workshop_id = 7,
                         .questionnaire_id = q.id,
                         .stage = stage},
          .questionnaire = std::move(q),
          .workshop_title = "Workshop",
          .invited = invited,
          .responses = std::move(responses)};
}

// A class of six (registrations 1-6):
//   1 F  pre 2,2,2 = 3/10 (30%)    post 2,1,6 = 8 (80%)
//   2 M  pre 1,1,4 = 5 (50%)       post 2,1,5 = 7 (70%)
//   3 F  pre 2,1,8 = 10 (100%)     post 2,2,7 = 8 (80%)   went down
//   4 M  pre 3,-,1 = 1 (10%)       no post-test
//   5 F  no pre-test               post 2,1,4.5 = 6.5 (65%)
//   6 M  answered nothing
std::vector<EvaluationData> Class() {
  std::vector<EvaluationData> data;
  data.push_back(
      Stage(EvaluationStage::kPre, 11, KnowledgeTest(), 6,
            {Named(1, G::kFemale, {{"c1", 2.0}, {"c2", 2.0}, {"s1", 2.0}}),
             Named(2, G::kMale, {{"c1", 1.0}, {"c2", 1.0}, {"s1", 4.0}}),
             Named(3, G::kFemale, {{"c1", 2.0}, {"c2", 1.0}, {"s1", 8.0}}),
             Named(4, G::kMale, {{"c1", 3.0}, {"s1", 1.0}})}));
  data.push_back(
      Stage(EvaluationStage::kPost, 12, KnowledgeTest(), 6,
            {Named(1, G::kFemale, {{"c1", 2.0}, {"c2", 1.0}, {"s1", 6.0}}),
             Named(2, G::kMale, {{"c1", 2.0}, {"c2", 1.0}, {"s1", 5.0}}),
             Named(3, G::kFemale, {{"c1", 2.0}, {"c2", 2.0}, {"s1", 7.0}}),
             Named(5, G::kFemale, {{"c1", 2.0}, {"c2", 1.0}, {"s1", 4.5}})}));
  // Anonymous: 8 answers of 10 invited. Respondents' means over a and b:
  // F 4.5, F 4, M 2.5, M 5 (a only), F 2.5, F 4.5, F 1; one paper form
  // with a comment only (no sex, no scale: no satisfaction).
  data.push_back(
      Stage(EvaluationStage::kReaction, 13, Survey(), 10,
            {Unnamed(G::kFemale, {{"a", 5.0}, {"b", 4.0}}),
             Unnamed(G::kFemale, {{"a", 4.0}, {"b", 4.0}}),
             Unnamed(G::kMale, {{"a", 3.0}, {"b", 2.0}}),
             Unnamed(G::kMale, {{"a", 5.0}}),
             Unnamed(G::kFemale, {{"a", 2.0}, {"b", 3.0}}),
             Unnamed(G::kFemale, {{"a", 4.0}, {"b", 5.0}}),
             Unnamed(G::kFemale, {{"a", 1.0}, {"b", 1.0}}),
             Unnamed(std::nullopt, {{"comment", std::string("很好")}})}));
  return data;
}

TEST(EvaluationFiguresTest, ResponseRatesAndTestScores) {
  const auto data = Class();
  const auto f = ComputeEvaluationFigures(data);
  ASSERT_EQ(f.stages.size(), 3u);
  const auto& pre = f.stages[0];
  EXPECT_EQ(pre.responses, 4);
  EXPECT_NEAR(*pre.response_rate, 100.0 * 4 / 6, 1e-9);
  EXPECT_NEAR(*pre.score_mean, (30 + 50 + 100 + 10) / 4.0, 1e-9);  // 47.5
  EXPECT_NEAR(*f.stages[1].score_mean, (80 + 70 + 80 + 65) / 4.0, 1e-9);
  EXPECT_FALSE(pre.satisfaction.mean);  // a test has no scale items

  // c1 before: 2, 1, 2, 3 (B correct twice); c2: 2, 1, 1 (one left out).
  const auto& c1 = pre.items[0];
  EXPECT_EQ(c1.n, 4);
  EXPECT_FALSE(c1.mean);
  EXPECT_NEAR(*c1.correct_share, 50.0, 1e-9);
  ASSERT_EQ(c1.distribution.size(), 4u);  // every option, chosen or not
  EXPECT_EQ(c1.distribution[0].count, 1);
  EXPECT_EQ(c1.distribution[1].count, 2);
  EXPECT_EQ(c1.distribution[2].count, 1);
  EXPECT_EQ(c1.distribution[3].count, 0);
  EXPECT_EQ(pre.items[1].n, 3);
  EXPECT_NEAR(*pre.items[1].correct_share, 100.0 * 2 / 3, 1e-9);
  const auto& s1 = pre.items[2];  // 2, 4, 8, 1
  EXPECT_NEAR(*s1.mean, 3.75, 1e-9);
  ASSERT_EQ(s1.distribution.size(), 4u);
  EXPECT_EQ(s1.distribution[0].value, 1);
  EXPECT_EQ(s1.distribution[3].value, 8);
}

TEST(EvaluationFiguresTest, GainsOverThePairedOnly) {
  const auto data = Class();
  const auto f = ComputeEvaluationFigures(data);
  ASSERT_EQ(f.learning.size(), 1u);
  const auto& l = f.learning[0];
  EXPECT_EQ(l.pre_n, 4);
  EXPECT_EQ(l.post_n, 4);
  EXPECT_NEAR(*l.pre_mean, 47.5, 1e-9);
  EXPECT_NEAR(*l.post_mean, 73.75, 1e-9);
  // Paired: 1, 2 and 3. Pre 30, 50, 100 (mean 60); post 80, 70, 80
  // (76.667); gain 16.667 points; g = 16.667 / (100 - 60) = 0.41667.
  const auto& p = l.paired;
  EXPECT_EQ(p.n, 3);
  EXPECT_NEAR(*p.pre_mean, 60.0, 1e-9);
  EXPECT_NEAR(*p.post_mean, 230.0 / 3, 1e-9);
  EXPECT_NEAR(*p.mean_gain, 230.0 / 3 - 60, 1e-9);
  EXPECT_NEAR(*p.normalized_gain, (230.0 / 3 - 60) / 40, 1e-9);
  EXPECT_NEAR(*p.improved_share, 100.0 * 2 / 3, 1e-9);  // 3 went down
  EXPECT_NEAR(*p.mastery_share, 100.0, 1e-9);           // 80, 70, 80 ≥ 70
  // By sex: women 1 and 3 (pre 65, post 80, g = 15 / 35), man 2 (50 → 70,
  // g = 20 / 50). Named answers are never withheld.
  ASSERT_EQ(l.by_sex.size(), 2u);
  EXPECT_EQ(l.by_sex[0].sex, G::kFemale);
  EXPECT_FALSE(l.by_sex[0].suppressed);
  EXPECT_NEAR(*l.by_sex[0].paired.normalized_gain, 15.0 / 35, 1e-9);
  EXPECT_NEAR(*l.by_sex[0].paired.improved_share, 50.0, 1e-9);
  EXPECT_EQ(l.by_sex[1].sex, G::kMale);
  EXPECT_NEAR(*l.by_sex[1].paired.normalized_gain, 0.4, 1e-9);
  // A higher mastery threshold: only the 80s reach 75.
  const auto strict = ComputeEvaluationFigures(data, 75);
  EXPECT_NEAR(*strict.learning[0].paired.mastery_share, 100.0 * 2 / 3, 1e-9);
}

TEST(EvaluationFiguresTest, SatisfactionAndWithheldCells) {
  const auto data = Class();
  const auto f = ComputeEvaluationFigures(data);
  const auto& r = f.stages[2];
  EXPECT_EQ(r.responses, 8);
  EXPECT_NEAR(*r.response_rate, 80.0, 1e-9);
  // Respondent means 4.5, 4, 2.5, 5, 2.5, 4.5, 1: mean 24 / 7; satisfied
  // (≥ 4): 4 of 7.
  EXPECT_EQ(r.satisfaction.n, 7);
  EXPECT_NEAR(*r.satisfaction.mean, 24.0 / 7, 1e-9);
  EXPECT_NEAR(*r.satisfaction.satisfied_share, 100.0 * 4 / 7, 1e-9);
  EXPECT_NEAR(*r.items[0].mean, 24.0 / 7, 1e-9);  // a: 5,4,3,5,2,4,1
  EXPECT_EQ(r.items[1].n, 6);
  EXPECT_NEAR(*r.items[1].mean, 19.0 / 6, 1e-9);  // b: 4,4,2,3,5,1
  EXPECT_EQ(r.items[2].n, 1);                     // the comment
  EXPECT_FALSE(r.items[2].mean);
  // Five women: shown (means 4.5, 4, 2.5, 4.5, 1). Two men and one form
  // without a sex: withheld, their counts shown.
  ASSERT_EQ(r.by_sex.size(), 3u);
  EXPECT_EQ(r.by_sex[0].sex, G::kFemale);
  EXPECT_EQ(r.by_sex[0].n, 5);
  EXPECT_FALSE(r.by_sex[0].suppressed);
  EXPECT_NEAR(*r.by_sex[0].satisfaction.mean, 16.5 / 5, 1e-9);
  EXPECT_NEAR(*r.by_sex[0].satisfaction.satisfied_share, 60.0, 1e-9);
  EXPECT_EQ(r.by_sex[1].sex, G::kMale);
  EXPECT_EQ(r.by_sex[1].n, 2);
  EXPECT_TRUE(r.by_sex[1].suppressed);
  EXPECT_FALSE(r.by_sex[1].satisfaction.mean);
  EXPECT_FALSE(r.by_sex[2].sex);
  EXPECT_TRUE(r.by_sex[2].suppressed);
}

TEST(EvaluationFiguresTest, TotalsAndIndicatorMeasures) {
  const auto data = Class();
  const auto f = ComputeEvaluationFigures(data);
  const auto& t = f.totals;
  EXPECT_EQ(t.invited, 6 + 6 + 10);
  EXPECT_EQ(t.responses, 4 + 4 + 8);
  EXPECT_NEAR(*t.response_rate, 100.0 * 16 / 22, 1e-9);
  EXPECT_NEAR(*EvaluationMeasureOf(t, Measure::kSatisfactionMean), 24.0 / 7,
              1e-9);
  EXPECT_NEAR(*EvaluationMeasureOf(t, Measure::kSatisfiedShare), 100.0 * 4 / 7,
              1e-9);
  EXPECT_NEAR(*EvaluationMeasureOf(t, Measure::kNormalizedGain),
              (230.0 / 3 - 60) / 40, 1e-9);
  EXPECT_NEAR(*EvaluationMeasureOf(t, Measure::kImprovedShare), 100.0 * 2 / 3,
              1e-9);
  EXPECT_NEAR(*EvaluationMeasureOf(t, Measure::kMasteryShare), 100.0, 1e-9);
  EXPECT_FALSE(EvaluationMeasureOf(t, Measure::kPeopleTrained));
  // Nothing answered: no figure rather than a zero.
  const auto none = ComputeEvaluationFigures({});
  EXPECT_FALSE(none.totals.response_rate);
  EXPECT_FALSE(EvaluationMeasureOf(none.totals, Measure::kNormalizedGain));
}

TEST(EvaluationFiguresTest, TwoWorkshopsPoolTheirPairs) {
  auto data = Class();
  // A second workshop: one pair, 40% → 100%.
  auto pre = Stage(EvaluationStage::kPre, 21, KnowledgeTest(), 2,
                   {Named(31, G::kMale, {{"c1", 2.0}, {"s1", 3.0}})});
  auto post =
      Stage(EvaluationStage::kPost, 22, KnowledgeTest(), 2,
            {Named(31, G::kMale, {{"c1", 2.0}, {"c2", 1.0}, {"s1", 8.0}})});
  pre.evaluation.workshop_id = post.evaluation.workshop_id = 8;
  data.push_back(pre);
  data.push_back(post);
  const auto f = ComputeEvaluationFigures(data);
  ASSERT_EQ(f.learning.size(), 2u);
  // Pooled: pre 30, 50, 100, 40 (mean 55); post 80, 70, 80, 100 (82.5).
  EXPECT_EQ(f.totals.paired.n, 4);
  EXPECT_NEAR(*f.totals.paired.pre_mean, 55.0, 1e-9);
  EXPECT_NEAR(*f.totals.paired.post_mean, 82.5, 1e-9);
  EXPECT_NEAR(*f.totals.paired.normalized_gain, 27.5 / 45, 1e-9);
  EXPECT_NEAR(*f.totals.paired.improved_share, 75.0, 1e-9);
}

TEST(EvaluationFiguresTest, AnAnonymousTestPairsNobody) {
  auto pre = Stage(EvaluationStage::kPre, 11, KnowledgeTest(), 4,
                   {Unnamed(G::kFemale, {{"c1", 2.0}})});
  auto post = Stage(EvaluationStage::kPost, 12, KnowledgeTest(), 4,
                    {Unnamed(G::kFemale, {{"c1", 2.0}, {"c2", 1.0}})});
  pre.questionnaire.anonymous = post.questionnaire.anonymous = true;
  const std::vector<EvaluationData> data{pre, post};
  const auto f = ComputeEvaluationFigures(data);
  EXPECT_NEAR(*f.learning[0].pre_mean, 10.0, 1e-9);
  EXPECT_NEAR(*f.learning[0].post_mean, 20.0, 1e-9);
  EXPECT_EQ(f.learning[0].paired.n, 0);
  EXPECT_FALSE(f.learning[0].paired.normalized_gain);
  EXPECT_TRUE(f.stages[0].by_sex[0].suppressed);  // one woman
}

TEST(EvaluationFiguresTest, NoGainLeftWhenThePreTestWasPerfect) {
  auto pre =
      Stage(EvaluationStage::kPre, 11, KnowledgeTest(), 1,
            {Named(1, G::kFemale, {{"c1", 2.0}, {"c2", 1.0}, {"s1", 8.0}})});
  auto post =
      Stage(EvaluationStage::kPost, 12, KnowledgeTest(), 1,
            {Named(1, G::kFemale, {{"c1", 2.0}, {"c2", 1.0}, {"s1", 8.0}})});
  const std::vector<EvaluationData> data{pre, post};
  const auto f = ComputeEvaluationFigures(data);
  EXPECT_NEAR(*f.learning[0].paired.mean_gain, 0.0, 1e-9);
  EXPECT_FALSE(f.learning[0].paired.normalized_gain);  // ÷ 0
  EXPECT_NEAR(*f.learning[0].paired.improved_share, 0.0, 1e-9);
}

bool HasError(const Status& s, const std::string& field) {
  for (const auto& e : s.errors()) {
    if (e.field == field) return true;
  }
  return false;
}

TEST(QuestionnaireRulesTest, ItemsInBothLanguagesScoredWhereTheKindSays) {
  EXPECT_TRUE(Validate(KnowledgeTest()).ok());
  EXPECT_TRUE(Validate(Survey()).ok());
  auto q = KnowledgeTest();
  q.items[0].key = "Q 1";
  q.items[1].native_text = "";
  q.items[2].max_score = std::nullopt;
  q.items.push_back(Choice("c3", 3, std::nullopt));  // a test item unscored
  q.items.push_back(Choice("c4", 1, 1));             // one option
  q.items.push_back(Choice("c2", 2, 5));             // key again, no option 5
  const auto s = Validate(q);
  EXPECT_TRUE(HasError(s, "items[0].key"));
  EXPECT_TRUE(HasError(s, "items[1].native_text"));
  EXPECT_TRUE(HasError(s, "items[2].max_score"));
  EXPECT_TRUE(HasError(s, "items[3].correct_option"));
  EXPECT_TRUE(HasError(s, "items[4].options"));
  EXPECT_TRUE(HasError(s, "items[5]"));
  EXPECT_TRUE(HasError(s, "items[5].correct_option"));
  auto survey = Survey();
  survey.items.push_back(Choice("c1", 2, 1));  // a survey scores nothing
  EXPECT_TRUE(HasError(Validate(survey), "items[3].type"));
  survey.items.clear();
  EXPECT_TRUE(HasError(Validate(survey), "items"));
}

TEST(QuestionnaireRulesTest, AnswersOfTheItemsTypeAndRange) {
  const auto q = KnowledgeTest();
  EXPECT_TRUE(ValidateAnswers(q, {{"c1", 4.0}, {"s1", 7.5}}).ok());
  const auto s =
      ValidateAnswers(q, {{"c1", 5.0}, {"c2", 1.5}, {"s1", 7.25}, {"zz", 1.0}});
  EXPECT_TRUE(HasError(s, "answers.c1"));  // 4 options
  EXPECT_TRUE(HasError(s, "answers.c2"));  // whole numbers
  EXPECT_TRUE(HasError(s, "answers.s1"));  // halves at the finest
  EXPECT_TRUE(HasError(s, "answers.zz"));
  EXPECT_TRUE(HasError(ValidateAnswers(Survey(), {{"a", 0.0}}), "answers.a"));
  EXPECT_TRUE(HasError(ValidateAnswers(Survey(), {{"comment", 3.0}}),
                       "answers.comment"));
  EXPECT_TRUE(HasError(ValidateAnswers(Survey(), {{"a", std::string("5")}}),
                       "answers.a"));
}

TEST(QuestionnaireRulesTest, EachStageItsKindAndPrePostOneTest) {
  std::map<std::int64_t, Questionnaire> named{{1, KnowledgeTest()},
                                              {2, Survey()}};
  auto other = KnowledgeTest();
  other.id = 3;
  named[3] = other;
  auto elsewhere = KnowledgeTest();
  elsewhere.id = 4;
  elsewhere.project_id = 9;
  named[4] = elsewhere;
  const auto e = [](std::int64_t q, EvaluationStage s) {
    return Evaluation{.questionnaire_id = q, .stage = s};
  };
  EXPECT_TRUE(ValidateEvaluations(
                  {e(1, EvaluationStage::kPre), e(1, EvaluationStage::kPost),
                   e(2, EvaluationStage::kReaction)},
                  named, 1)
                  .ok());
  const auto s = ValidateEvaluations(
      {e(1, EvaluationStage::kPre), e(3, EvaluationStage::kPost),
       e(1, EvaluationStage::kReaction), e(4, EvaluationStage::kFollowUp),
       e(2, EvaluationStage::kReaction)},
      named, 1);
  EXPECT_TRUE(HasError(s, "[1].questionnaire_id"));  // another test
  EXPECT_TRUE(HasError(s, "[2].questionnaire_id"));  // a test as a survey
  EXPECT_TRUE(HasError(s, "[3].questionnaire_id"));  // another project's
  EXPECT_TRUE(HasError(s, "[4]"));                   // reaction twice
  auto late = e(2, EvaluationStage::kReaction);
  late.opens_at = 100;
  late.closes_at = 100;
  EXPECT_TRUE(HasError(ValidateEvaluations({late}, named, 1), "[0].closes_at"));
  EXPECT_FALSE(IsOpen(late, 99));
  late.closes_at = 200;
  EXPECT_TRUE(IsOpen(late, 100));
  EXPECT_FALSE(IsOpen(late, 200));
}

}  // namespace
}  // namespace capdev::domain
