#pragma once
// The evaluation report's figures (API.md, "Evaluation"), each with its n:
//
// - invited: the workshop's participants registered (role participant,
//   status not cancelled); response rate: responses ÷ invited, in percent.
// - item: n (respondents who answered it), mean (likert5 and score items),
//   the distribution of its values, and for a scored choice the share
//   answered correctly.
// - satisfaction: a respondent's mean over the likert5 items they
//   answered; satisfaction_mean is the mean of those over respondents,
//   satisfied_share the percent of them whose mean is at least 4.
// - a knowledge test's score: percent of its maximum (ScorePercent).
//   pre_mean and post_mean over everyone who took it; paired: people with
//   both (named questionnaires only), mean_gain = their post mean − pre
//   mean in points, normalized_gain = (post − pre) ÷ (100 − pre) over those
//   means (none when pre is 100), improved_share the percent whose post
//   score is above their pre score, mastery_share the percent whose post
//   score reaches the mastery threshold.
// - by sex: the same per sex (the person's; an anonymous response keeps
//   the respondent's sex). For an anonymous questionnaire a cell of fewer
//   than 5 respondents is withheld (its figures none, `suppressed`).
// - totals, over several workshops: every respondent counts once per
//   evaluation; satisfaction over the reaction stage; the learning figures
//   over everyone paired in any workshop.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/evaluation.hpp"

namespace capdev::domain {

inline constexpr int kDefaultMasteryThreshold = 70;  // percent of the maximum
inline constexpr std::int64_t kMinCell = 5;  // an anonymous cell's respondents

// One evaluation with what the figures need: its questionnaire, how many
// were invited, and its responses.
struct EvaluationData {
  Evaluation evaluation;
  Questionnaire questionnaire;
  std::string workshop_title;
  std::int64_t invited = 0;
  std::vector<Response> responses;
};

struct ValueCount {
  double value = 0;
  std::int64_t count = 0;
};

struct ItemFigures {
  const Item* item = nullptr;  // the questionnaire's, in EvaluationData
  std::int64_t n = 0;
  std::optional<double> mean;
  std::vector<ValueCount> distribution;
  std::optional<double> correct_share;
};

struct Satisfaction {
  std::int64_t n = 0;
  std::optional<double> mean;
  std::optional<double> satisfied_share;
};

struct StageSexCell {
  std::optional<Gender> sex;  // none: not recorded
  std::int64_t n = 0;
  bool suppressed = false;
  Satisfaction satisfaction;
  std::optional<double> score_mean;
};

struct StageFigures {
  const EvaluationData* data = nullptr;
  std::int64_t responses = 0;
  std::optional<double> response_rate;
  std::optional<double> score_mean;  // knowledge tests
  Satisfaction satisfaction;
  std::vector<ItemFigures> items;
  std::vector<StageSexCell> by_sex;
};

struct Paired {
  std::int64_t n = 0;
  std::optional<double> pre_mean;
  std::optional<double> post_mean;
  std::optional<double> mean_gain;
  std::optional<double> normalized_gain;
  std::optional<double> improved_share;
  std::optional<double> mastery_share;
};

struct LearningSexCell {
  std::optional<Gender> sex;
  bool suppressed = false;
  Paired paired;
};

// A workshop's knowledge test, before and after.
struct LearningFigures {
  std::int64_t workshop_id = 0;
  const Questionnaire* questionnaire = nullptr;
  std::int64_t pre_n = 0;
  std::optional<double> pre_mean;
  std::int64_t post_n = 0;
  std::optional<double> post_mean;
  Paired paired;
  std::vector<LearningSexCell> by_sex;
};

struct EvaluationTotals {
  std::int64_t invited = 0;
  std::int64_t responses = 0;
  std::optional<double> response_rate;
  Satisfaction satisfaction;  // the reaction stage's
  Paired paired;
};

struct EvaluationFigures {
  std::vector<StageFigures> stages;  // in the order of the data
  std::vector<LearningFigures> learning;
  EvaluationTotals totals;
};

// The evaluation report: of one workshop, or of a project's held workshops
// with exact dates in a period; the figures point into `data` (moving keeps
// them valid, copying would not).
struct EvaluationReport {
  std::optional<std::int64_t> workshop_id;
  std::int64_t project_id = 0;
  std::optional<Date> from;
  std::optional<Date> to;
  int mastery_threshold = kDefaultMasteryThreshold;
  std::vector<EvaluationData> data;
  EvaluationFigures figures;
  EvaluationReport() = default;
  EvaluationReport(const EvaluationReport&) = delete;
  EvaluationReport& operator=(const EvaluationReport&) = delete;
  EvaluationReport(EvaluationReport&&) = default;
  EvaluationReport& operator=(EvaluationReport&&) = default;
  ~EvaluationReport() = default;
};

// The figures of `data`, which must outlive them (they point into it).
EvaluationFigures ComputeEvaluationFigures(
    const std::vector<EvaluationData>& data,
    int mastery_threshold = kDefaultMasteryThreshold);

// An indicator's actual from the totals (nullopt when there is nothing to
// count); `measure` is one of the evaluation measures.
std::optional<double> EvaluationMeasureOf(const EvaluationTotals& totals,
                                          Measure measure);

}  // namespace capdev::domain
