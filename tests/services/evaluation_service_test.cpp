// Evaluation through the services: who may answer when, what a workshop's
// evaluations keep, answers imported from a sheet shaped like the ones host
// agencies send, and anonymity checked on the database itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "app/formats/csv_reader.hpp"
#include "app/services/evaluations.hpp"
#include "app/services/people.hpp"
#include "storage/evaluations.hpp"
#include "tests/services/service_test.hpp"

namespace capdev::testing {
namespace {

using domain::EvaluationStage;
using domain::Status;

constexpr std::int64_t kNow = 1764547200;  // 2025-12-01 00:00 UTC
constexpr std::int64_t kDay = 86400;

class EvaluationServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    project_ = Project();
    workshop_ = Workshop(project_, "held", "2025-11-24", "2025-11-26");
    const std::vector<std::pair<const char*, const char*>> people = {
        {"王芳", "female"}, {"李伟", "male"},
        {"张敏", "female"}, {"陈杰", "male"},
        {"刘洋", "female"}, {"阿卜杜热合曼·买买提明", "male"},
        {"赵丽", "female"}, {"黄磊", "male"}};
    for (const auto& [name, sex] : people) {
      const auto person =
          Person({{"full_name", "X"}, {"native_name", name}, {"gender", sex}});
      registrations_.push_back(Register(workshop_, person));
    }
    test_ =
        Questionnaire({{"kind", "knowledge_test"},
                       {"title", "Document examination test"},
                       {"native_title", "证件检验测试"},
                       {"items", json::array{Choice("q1", 2), Choice("q2", 1),
                                             Score("essay", 10)}}});
    survey_ = Questionnaire(
        {{"kind", "reaction"},
         {"title", "Reaction survey"},
         {"anonymous", true},
         {"items", json::array{{{"key", "useful"},
                                {"type", "likert5"},
                                {"text", "The training was useful"},
                                {"native_text", "培训内容有用"}},
                               {{"key", "comment"},
                                {"type", "text"},
                                {"text", "Comments"},
                                {"native_text", "意见和建议"}}}}});
    auto lines = Ok(Set({{test_, EvaluationStage::kPre, {}, kNow + kDay},
                         {test_, EvaluationStage::kPost, {}, {}},
                         {survey_, EvaluationStage::kReaction, kNow, {}}}));
    pre_ = lines[0].evaluation.id;
    post_ = lines[1].evaluation.id;
    reaction_ = lines[2].evaluation.id;
  }

  static json::object Choice(const char* key, int correct) {
    return {{"key", key},
            {"type", "single_choice"},
            {"text", "Which document is genuine?"},
            {"native_text", "哪份证件是真的？"},
            {"options", json::array{{{"text", "A"}, {"native_text", "甲"}},
                                    {{"text", "B"}, {"native_text", "乙"}},
                                    {{"text", "C"}, {"native_text", "丙"}}}},
            {"correct_option", correct}};
  }
  static json::object Score(const char* key, int max) {
    return {{"key", key},
            {"type", "score"},
            {"text", "Describe the checks"},
            {"native_text", "描述检查步骤"},
            {"max_score", max}};
  }
  std::int64_t Questionnaire(const json::object& fields) {
    return Ok(Write([&](storage::WriteTx& tx) {
             return services::CreateQuestionnaire(
                 tx, coordinator_, project_,
                 DraftOf<domain::Questionnaire>(fields));
           }))
        .id;
  }
  struct Attach {
    std::int64_t questionnaire;
    EvaluationStage stage;
    std::optional<std::int64_t> opens_at, closes_at;
  };
  domain::StatusOr<std::vector<services::EvaluationLine>> Set(
      const std::vector<Attach>& list) {
    std::vector<domain::Evaluation> evaluations;
    for (const auto& a : list) {
      evaluations.push_back({.questionnaire_id = a.questionnaire,
                             .stage = a.stage,
                             .opens_at = a.opens_at,
                             .closes_at = a.closes_at});
    }
    return Write([&](storage::WriteTx& tx) {
      return services::ReplaceEvaluations(tx, coordinator_, workshop_,
                                          evaluations, {});
    });
  }
  // As a coordinator (`participant` false) or on the participant's page.
  domain::StatusOr<services::Submitted> Answer(
      std::int64_t evaluation, std::optional<std::int64_t> registration,
      domain::Answers answers, std::int64_t now = kNow,
      bool participant = false, std::optional<domain::Gender> sex = {}) {
    return Write([&](storage::WriteTx& tx) {
      return services::SubmitResponse(
          tx, participant ? nullptr : &coordinator_, workshop_, evaluation,
          {registration, std::move(answers), sex},
          participant ? domain::ResponseSource::kParticipant
                      : domain::ResponseSource::kCoordinator,
          now);
    });
  }

  std::int64_t project_ = 0, workshop_ = 0, test_ = 0, survey_ = 0;
  std::int64_t pre_ = 0, post_ = 0, reaction_ = 0;
  std::vector<std::int64_t> registrations_;
};

TEST_F(EvaluationServiceTest, WhoMayAnswerAndWhen) {
  const auto r = registrations_;
  EXPECT_FALSE(Ok(Answer(pre_, r[0], {{"q1", 2.0}})).replaced);
  const auto again = Ok(Answer(pre_, r[0], {{"q1", 1.0}, {"essay", 7.5}}));
  EXPECT_TRUE(again.replaced);  // one answer per person and stage
  EXPECT_EQ(Count("responses", "evaluation_id = " + std::to_string(pre_)), 1);
  // The pre-test closed a day after kNow: no replacing after that, even by
  // a coordinator; a participant may not answer at all.
  EXPECT_EQ(Answer(pre_, r[0], {{"q1", 2.0}}, kNow + kDay).status().code(),
            domain::Code::kFailedPrecondition);
  EXPECT_EQ(
      Answer(pre_, r[1], {{"q1", 2.0}}, kNow + kDay, true).status().code(),
      domain::Code::kFailedPrecondition);
  // The paper form of someone who missed it is still typed in.
  EXPECT_TRUE(Answer(pre_, r[1], {{"q1", 2.0}}, kNow + kDay).ok());
  // The reaction survey opens at kNow.
  EXPECT_EQ(Answer(reaction_, r[2], {{"useful", 4.0}}, kNow - 1, true)
                .status()
                .code(),
            domain::Code::kFailedPrecondition);
  // Bad answers, someone of another workshop, a sex for a named answer.
  const auto bad = Answer(pre_, r[2], {{"q1", 4.0}, {"essay", 11.0}});
  EXPECT_EQ(bad.status().code(), domain::Code::kInvalidArgument);
  EXPECT_EQ(bad.status().errors().size(), 2u);
  const auto other = Workshop(project_, "held", "2025-10-01", "2025-10-01");
  const auto stranger = Register(other, Person({{"full_name", "Anna Weber"}}));
  EXPECT_EQ(Answer(pre_, stranger, {{"q1", 1.0}}).status().code(),
            domain::Code::kInvalidArgument);
  EXPECT_EQ(
      Answer(pre_, r[3], {{"q1", 1.0}}, kNow, false, domain::Gender::kMale)
          .status()
          .code(),
      domain::Code::kInvalidArgument);
  EXPECT_EQ(Answer(pre_, std::nullopt, {{"q1", 1.0}}).status().code(),
            domain::Code::kInvalidArgument);  // a named test names someone
  // Anonymous: once per person; a paper form naming nobody, with its sex.
  EXPECT_TRUE(Answer(reaction_, r[2], {{"useful", 4.0}}, kNow, true).ok());
  EXPECT_EQ(Answer(reaction_, r[2], {{"useful", 5.0}}).status().code(),
            domain::Code::kAlreadyExists);
  EXPECT_TRUE(Answer(reaction_, std::nullopt, {{"useful", 2.0}}, kNow, false,
                     domain::Gender::kFemale)
                  .ok());
  const auto seen = Ok(services::ResponsesOf(db_, workshop_, reaction_));
  EXPECT_EQ(seen.respondents, std::vector<std::int64_t>{r[2]});
  ASSERT_EQ(seen.responses.size(), 2u);
  for (const auto& a : seen.responses) EXPECT_FALSE(a.registration_id);
  // The participant's page: what is open and what they answered.
  const auto own = Ok(services::OwnQuestionnaires(db_, workshop_, r[2], kNow));
  ASSERT_EQ(own.size(), 3u);
  EXPECT_TRUE(own[0].open);
  EXPECT_FALSE(own[0].answered);
  EXPECT_TRUE(own[2].answered);
  EXPECT_FALSE(
      Ok(services::OwnQuestionnaires(db_, workshop_, r[2], kNow + kDay))[0]
          .open);
}

TEST_F(EvaluationServiceTest,
       AnsweredEvaluationsAndQuestionnairesKeepTheirShape) {
  Ok(Answer(pre_, registrations_[0], {{"q1", 2.0}}));
  // Dates change; the stage keeps its id and answers.
  const auto moved =
      Ok(Set({{test_, EvaluationStage::kPre, {}, kNow + 2 * kDay},
              {test_, EvaluationStage::kPost, {}, {}},
              {survey_, EvaluationStage::kReaction, kNow, {}}}));
  EXPECT_EQ(moved[0].evaluation.id, pre_);
  EXPECT_EQ(moved[0].responses, 1);
  // Dropping the answered pre-test, or giving it another test: 409.
  EXPECT_EQ(Set({{test_, EvaluationStage::kPost, {}, {}}}).status().code(),
            domain::Code::kFailedPrecondition);
  // The unanswered reaction survey may go.
  EXPECT_EQ(Ok(Set({{test_, EvaluationStage::kPre, {}, {}},
                    {test_, EvaluationStage::kPost, {}, {}}}))
                .size(),
            2u);
  EXPECT_EQ(Count("evaluations"), 2);
  // The test's titles may change; its scoring may not, once answered.
  const auto rename = Write([&](storage::WriteTx& tx) {
    return services::UpdateQuestionnaire(
        tx, coordinator_, test_,
        DraftOf<domain::Questionnaire>({{"title", "Document test (2025)"}}));
  });
  EXPECT_TRUE(rename.ok());
  const auto rescore = Write([&](storage::WriteTx& tx) {
    return services::UpdateQuestionnaire(
        tx, coordinator_, test_,
        DraftOf<domain::Questionnaire>(
            {{"items", json::array{Choice("q1", 3), Choice("q2", 1),
                                   Score("essay", 10)}}}));
  });
  EXPECT_EQ(rescore.status().code(), domain::Code::kFailedPrecondition);
  const auto removed = Write([&](storage::WriteTx& tx) {
    return services::DeleteQuestionnaire(tx, coordinator_, test_);
  });
  EXPECT_EQ(removed.code(), domain::Code::kFailedPrecondition);
  EXPECT_EQ(Write([&](storage::WriteTx& tx) {
              return services::DeleteQuestionnaire(tx, coordinator_, survey_);
            }).code(),
            domain::Code::kOk);
}

TEST_F(EvaluationServiceTest, AnswersFromASheetAsHostAgenciesSendThem) {
  // A title above the header, Chinese and Latin names, letters for choices,
  // a blank row, a name twice, someone not registered, a score out of
  // range.
  const std::string csv =
      "证件检验培训 后测成绩,,,\n"
      "姓名,Q1,q2,essay,备注\n"
      "王芳,B,1,8,\n"
      "李伟,2,A,6.5,补考\n"
      ",,,,\n"
      "张敏,c,1,,\n"
      "王芳,B,1,9,\n"
      "孙悟空,A,1,5,\n"
      "陈杰,B,1,12,\n";
  const auto sheet = Ok(formats::ParseCsv(csv));
  const auto dry = Ok(services::CheckResponses(db_, workshop_, post_, sheet));
  EXPECT_EQ(dry.header_row, 2u);
  EXPECT_EQ(dry.unknown_columns, std::vector<std::string>{"备注"});
  ASSERT_EQ(dry.rows.size(), 7u);  // the title and six people
  using A = domain::ImportAction;
  EXPECT_EQ(dry.rows[0].action, A::kSkipped);
  EXPECT_EQ(dry.rows[1].action, A::kSetAnswers);
  EXPECT_EQ(dry.rows[1].native_name, "王芳");
  EXPECT_EQ(dry.rows[2].action, A::kSetAnswers);
  EXPECT_EQ(dry.rows[3].action, A::kSetAnswers);  // row 6: 张敏
  EXPECT_EQ(dry.rows[3].row, 6u);
  EXPECT_EQ(dry.rows[4].action, A::kError);  // 王芳 again
  EXPECT_EQ(dry.rows[5].action, A::kError);  // not registered
  EXPECT_EQ(dry.rows[6].action, A::kError);  // 12 of 10
  EXPECT_EQ(dry.rows[6].errors[0].field, "answers.essay");
  EXPECT_EQ(Count("responses"), 0);  // a dry run writes nothing

  // A real run with the invalid rows skipped: three answers, as typed.
  const auto done = Ok(Write([&](storage::WriteTx& tx) {
    return services::ImportResponses(tx, coordinator_, workshop_, post_, sheet,
                                     {.dry_run = false, .skip_invalid = true},
                                     kNow);
  }));
  EXPECT_EQ(Count("responses", "evaluation_id = " + std::to_string(post_) +
                                   " AND source = 'import'"),
            3);
  const auto saved = Ok(services::ResponsesOf(db_, workshop_, post_));
  const auto li = std::find_if(
      saved.responses.begin(), saved.responses.end(),
      [&](const auto& a) { return a.registration_id == registrations_[1]; });
  ASSERT_NE(li, saved.responses.end());
  EXPECT_EQ(std::get<double>(li->answers.at("q2")), 1.0);  // A
  EXPECT_EQ(std::get<double>(li->answers.at("essay")), 6.5);
  // The figures (12 points): 王芳 1 + 1 + 8 = 10, 李伟 1 + 1 + 6.5 = 8.5,
  // 张敏 0 + 1 + 0 (C is wrong, the essay left out) = 1.
  const auto report =
      Ok(services::EvaluationReportFor(db_, {.workshop_id = workshop_}));
  ASSERT_EQ(report.figures.learning.size(), 1u);
  EXPECT_NEAR(*report.figures.learning[0].post_mean,
              100.0 * (10 + 8.5 + 1) / 3 / 12, 1e-9);
  EXPECT_EQ(report.figures.stages[1].data->invited, 8);
}

// Reads the database file as someone who copied it would.
std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_F(EvaluationServiceTest,
       AnonymousAnswersCannotBeJoinedToAPersonInTheDatabase) {
  // Eight people answer in registration order, each with a comment that
  // says who wrote it.
  for (std::size_t k = 0; k < registrations_.size(); ++k) {
    Ok(Answer(reaction_, registrations_[k],
              {{"useful", static_cast<double>(1 + k % 5)},
               {"comment", "written-by-" + std::to_string(k)}},
              kNow, true));
  }
  // What the tables hold: no person, no time beside the answers; who
  // answered, without a time.
  const auto columns = [&](const std::string& table) {
    std::vector<std::string> names;
    const std::string sql =
        TestOnPostgres()
            ? "SELECT column_name FROM information_schema.columns WHERE "
              "table_name = '" +
                  table + "' ORDER BY column_name"
            : "SELECT name FROM pragma_table_info('" + table +
                  "') ORDER BY name";
    storage::ScopedStatement q(db_, sql);
    while (q->Step()) names.push_back(q->Text(0));
    return names;
  };
  EXPECT_EQ(
      columns("anonymous_responses"),
      (std::vector<std::string>{"answers", "evaluation_id", "id", "sex"}));
  EXPECT_EQ(columns("anonymous_respondents"),
            (std::vector<std::string>{"evaluation_id", "registration_id"}));
  // The trail says who answered, never what.
  EXPECT_EQ(Count("audit_log", "after LIKE '%written-by%'"), 0);
  EXPECT_EQ(AuditEntries("anonymous_response", "answer", reaction_), 8);

  // The answers by their random keys: the order of writing is gone from
  // the rows' order and from where they lie in the file.
  std::vector<std::string> by_key;
  {
    storage::ScopedStatement q(
        db_, "SELECT answers FROM anonymous_responses ORDER BY id");
    while (q->Step()) {
      const auto text = q->Text(0);
      const auto at = text.find("written-by-");
      ASSERT_NE(at, std::string::npos);
      by_key.push_back(text.substr(at, 12));
    }
  }
  ASSERT_EQ(by_key.size(), 8u);
  std::vector<std::string> stored;
  if (TestOnPostgres()) {
    // The heap's order: that of the last rewrite, by key.
    storage::ScopedStatement q(
        db_, "SELECT answers FROM anonymous_responses ORDER BY ctid");
    while (q->Step()) {
      const auto text = q->Text(0);
      stored.push_back(text.substr(text.find("written-by-"), 12));
    }
    EXPECT_EQ(stored, by_key);
    return;
  }
  Ok(db_.Execute("PRAGMA wal_checkpoint(TRUNCATE)"));
  const auto file = FileBytes(test_db_.location());
  std::vector<std::pair<std::size_t, std::string>> placed;
  for (std::size_t k = 0; k < registrations_.size(); ++k) {
    const std::string mark = "written-by-" + std::to_string(k);
    const auto at = file.find(mark);
    ASSERT_NE(at, std::string::npos) << mark;
    // Once: no earlier copy left behind by the rewrites.
    EXPECT_EQ(file.find(mark, at + 1), std::string::npos) << mark;
    placed.emplace_back(at, mark);
  }
  std::sort(placed.begin(), placed.end());
  for (const auto& [at, mark] : placed) stored.push_back(mark);
  // A page fills from its end: the file holds them in key order, or in
  // its reverse; never in the order they were written (unless the keys
  // drew that order).
  auto reversed = by_key;
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_TRUE(stored == by_key || stored == reversed)
      << "stored in neither key order";
}

TEST_F(EvaluationServiceTest,
       ErasureTakesAPersonsOpenAnswersAndKeepsTheFigures) {
  const auto follow_up = Questionnaire(
      {{"kind", "follow_up"},
       {"title", "Six months on"},
       {"items", json::array{{{"key", "use"},
                              {"type", "likert5"},
                              {"text", "I use what I learned"},
                              {"native_text", "我在工作中运用了所学内容"}},
                             {{"key", "story"},
                              {"type", "text"},
                              {"text", "An example"},
                              {"native_text", "举例说明"}}}}});
  const auto lines = Ok(Set({{test_, EvaluationStage::kPre, {}, {}},
                             {test_, EvaluationStage::kPost, {}, {}},
                             {survey_, EvaluationStage::kReaction, {}, {}},
                             {follow_up, EvaluationStage::kFollowUp, {}, {}}}));
  const auto later = lines[3].evaluation.id;
  Ok(Answer(later, registrations_[0],
            {{"use", 5.0},
             {"story", std::string("我在昆明口岸查获了两本伪造护照")}}));
  const auto registration =
      Ok(storage::Get<domain::Registration>(db_, registrations_[0]));
  ASSERT_TRUE(registration.has_value());
  Ok(Write([&](storage::WriteTx& tx) {
    return services::ErasePerson(tx, coordinator_, registration->person_id);
  }));
  const auto kept = Ok(services::ResponsesOf(db_, workshop_, later));
  ASSERT_EQ(kept.responses.size(), 1u);
  EXPECT_EQ(kept.responses[0].answers,
            (domain::Answers{{"use", 5.0}}));  // the scale stays, the text goes
  EXPECT_EQ(Count("responses", "answers LIKE '%口岸%'"), 0);
}

TEST_F(EvaluationServiceTest, TheProjectReportCountsHeldWorkshopsInThePeriod) {
  for (std::size_t k = 0; k < 4; ++k)
    Ok(Answer(pre_, registrations_[k], {{"q1", 2.0}, {"q2", 1.0}}));
  const auto planned =
      Workshop(project_, "planned", "2025-11-10", "2025-11-11");
  static_cast<void>(planned);
  domain::ReportOptions period;
  period.from = *domain::Date::Parse("2025-11-01");
  period.to = *domain::Date::Parse("2025-11-30");
  const auto report = Ok(services::EvaluationReportFor(
      db_, {.project_id = project_, .options = period}));
  EXPECT_EQ(report.data.size(), 3u);  // the held workshop's three stages
  EXPECT_NEAR(*report.figures.stages[0].response_rate, 50.0, 1e-9);
  period.from = *domain::Date::Parse("2025-12-01");
  period.to = *domain::Date::Parse("2025-12-31");
  EXPECT_TRUE(Ok(services::EvaluationReportFor(
                     db_, {.project_id = project_, .options = period}))
                  .data.empty());
}

}  // namespace
}  // namespace capdev::testing
