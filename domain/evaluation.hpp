#pragma once
// Evaluation: questionnaires kept per project (every text in both
// languages), attached to a workshop by stage, and the answers they get.
// The figures are in domain/evaluation_figures.hpp.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

// An option of a single-choice item, in both languages.
struct ChoiceOption {
  std::string text;
  std::string native_text;
  bool operator==(const ChoiceOption&) const = default;
};

struct Item {
  std::string key;  // the column of the grid and of an imported sheet
  std::optional<ItemType> type;
  std::string text;                            // English
  std::string native_text;                     // Chinese
  std::vector<ChoiceOption> options;           // single_choice only
  std::optional<std::int64_t> correct_option;  // from 1; scores the item
  std::optional<std::int64_t> max_score;       // score items only
  bool operator==(const Item&) const = default;
};

struct Questionnaire {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::optional<QuestionnaireKind> kind;
  std::string title;
  std::optional<std::string> native_title;
  bool anonymous = false;
  std::vector<Item> items;
};

inline constexpr std::size_t kMaxItems = 100;
inline constexpr std::size_t kMaxOptions = 10;
inline constexpr std::size_t kMaxItemText = 1000;
inline constexpr std::int64_t kMaxItemScore = 1000;

template <>
struct Fields<ChoiceOption> {
  using E = ChoiceOption;
  static constexpr auto kAll = std::tuple{
      Field{"text", &E::text}, Field{"native_text", &E::native_text}};
};

template <>
struct Fields<Item> {
  using E = Item;
  static constexpr auto kAll =
      std::tuple{Field{"key", &E::key},
                 Field{"type", &E::type},
                 Field{"text", &E::text},
                 Field{"native_text", &E::native_text},
                 Field{"options", &E::options},
                 Field{"correct_option", &E::correct_option},
                 Field{"max_score", &E::max_score}};
};

template <>
struct Fields<Questionnaire> {
  using E = Questionnaire;
  static constexpr std::string_view kTable = "questionnaires";
  static constexpr std::string_view kNoun = "questionnaire";
  static constexpr auto kAll =
      std::tuple{Field{"project_id", &E::project_id, Access::kServer},
                 Field{"kind", &E::kind},
                 Field{"title", &E::title},
                 Field{"native_title", &E::native_title},
                 Field{"anonymous", &E::anonymous},
                 Field{"items", &E::items}};
};

Status Validate(const Questionnaire& questionnaire);

// The kind of questionnaire a stage takes: pre and post a knowledge test
// (the same one), reaction a reaction survey, follow_up a follow-up survey.
QuestionnaireKind KindFor(EvaluationStage stage);

// A questionnaire attached to a workshop at a stage, open between two
// instants (unix seconds; none: no limit on that side).
struct Evaluation {
  std::int64_t id = 0;
  std::int64_t workshop_id = 0;
  std::int64_t questionnaire_id = 0;
  EvaluationStage stage = EvaluationStage::kPre;
  std::optional<std::int64_t> opens_at;
  std::optional<std::int64_t> closes_at;
};

// The rules a workshop's evaluations follow together: one per stage, each
// stage its kind of questionnaire (`questionnaires` holds the ones named,
// by id), pre and post the same test, closing after opening. `project_id`:
// the workshop's.
Status ValidateEvaluations(
    const std::vector<Evaluation>& evaluations,
    const std::map<std::int64_t, Questionnaire>& questionnaires,
    std::int64_t project_id);

bool IsOpen(const Evaluation& evaluation, std::int64_t now);

// An answer: a number (likert5 1-5, an option's number, a score) or a text.
using Answer = std::variant<double, std::string>;
using Answers = std::map<std::string, Answer>;

// Each key an item's, each value of its item's type and range; an item left
// out is not answered. Errors name "answers.KEY".
Status ValidateAnswers(const Questionnaire& questionnaire,
                       const Answers& answers);

// A knowledge test's score in percent of its maximum: a correct option is
// worth 1, a score item its score; an unanswered item 0. nullopt when
// nothing in it is scored.
std::optional<double> ScorePercent(const Questionnaire& questionnaire,
                                   const Answers& answers);

// The mean of a respondent's likert5 answers (nullopt: none answered).
std::optional<double> LikertMean(const Questionnaire& questionnaire,
                                 const Answers& answers);

// One response as the figures read it: whose (a registration; none for an
// anonymous questionnaire's) and the respondent's sex.
struct Response {
  std::optional<std::int64_t> registration_id;
  std::optional<Gender> sex;
  Answers answers;
  std::optional<ResponseSource> source;
  std::optional<std::int64_t> submitted_at;  // named responses only
};

}  // namespace capdev::domain
