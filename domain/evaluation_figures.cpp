#include "domain/evaluation_figures.hpp"

#include <algorithm>
#include <map>

namespace capdev::domain {

namespace {

std::optional<double> Mean(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

std::optional<double> Percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return std::nullopt;
  return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

Satisfaction SatisfactionOf(const std::vector<double>& respondent_means) {
  Satisfaction s;
  s.n = std::ssize(respondent_means);
  s.mean = Mean(respondent_means);
  s.satisfied_share =
      Percent(std::count_if(respondent_means.begin(), respondent_means.end(),
                            [](double m) { return m >= 4; }),
              s.n);
  return s;
}

// A pair of scores (percent) of one person.
struct ScorePair {
  double pre = 0;
  double post = 0;
  std::optional<Gender> sex;
};

Paired PairedOf(const std::vector<ScorePair>& pairs, int mastery) {
  Paired p;
  p.n = std::ssize(pairs);
  if (pairs.empty()) return p;
  double pre = 0;
  double post = 0;
  std::int64_t improved = 0;
  std::int64_t mastered = 0;
  for (const auto& s : pairs) {
    pre += s.pre;
    post += s.post;
    if (s.post > s.pre) ++improved;
    if (s.post >= mastery) ++mastered;
  }
  pre /= static_cast<double>(p.n);
  post /= static_cast<double>(p.n);
  p.pre_mean = pre;
  p.post_mean = post;
  p.mean_gain = post - pre;
  if (pre < 100) p.normalized_gain = (post - pre) / (100 - pre);
  p.improved_share = Percent(improved, p.n);
  p.mastery_share = Percent(mastered, p.n);
  return p;
}

// The sexes present, in the enumeration's order, "not recorded" last.
template <class T, class SexOf>
std::vector<std::optional<Gender>> SexesOf(const std::vector<T>& rows,
                                           SexOf sex_of) {
  std::vector<std::optional<Gender>> out;
  for (auto g : Values<Gender>()) {
    if (std::any_of(rows.begin(), rows.end(),
                    [&](const T& r) { return sex_of(r) == g; }))
      out.emplace_back(g);
  }
  if (std::any_of(rows.begin(), rows.end(),
                  [&](const T& r) { return !sex_of(r); }))
    out.emplace_back(std::nullopt);
  return out;
}

ItemFigures ItemOf(const Item& item, const std::vector<Response>& responses) {
  ItemFigures f;
  f.item = &item;
  std::map<double, std::int64_t> counts;
  if (item.type == ItemType::kLikert5) {
    for (int v = 1; v <= 5; ++v) counts[v] = 0;
  } else if (item.type == ItemType::kSingleChoice) {
    for (std::size_t v = 1; v <= item.options.size(); ++v)
      counts[static_cast<double>(v)] = 0;
  }
  std::vector<double> values;
  std::int64_t correct = 0;
  for (const auto& r : responses) {
    const auto at = r.answers.find(item.key);
    if (at == r.answers.end()) continue;
    ++f.n;
    const auto* v = std::get_if<double>(&at->second);
    if (!v) continue;
    values.push_back(*v);
    ++counts[*v];
    if (item.correct_option && *v == static_cast<double>(*item.correct_option))
      ++correct;
  }
  if (item.type == ItemType::kText) return f;
  if (item.type != ItemType::kSingleChoice) f.mean = Mean(values);
  if (item.correct_option) f.correct_share = Percent(correct, f.n);
  for (const auto& [value, count] : counts)
    f.distribution.push_back({value, count});
  return f;
}

// What a set of responses to one questionnaire gives for one cell.
struct CellValues {
  Satisfaction satisfaction;
  std::optional<double> score_mean;
};

CellValues CellOf(const Questionnaire& q,
                  const std::vector<const Response*>& responses) {
  std::vector<double> likert;
  std::vector<double> scores;
  for (const auto* r : responses) {
    if (auto m = LikertMean(q, r->answers)) likert.push_back(*m);
    if (q.kind == QuestionnaireKind::kKnowledgeTest) {
      if (auto s = ScorePercent(q, r->answers)) scores.push_back(*s);
    }
  }
  return {SatisfactionOf(likert), Mean(scores)};
}

StageFigures StageOf(const EvaluationData& d) {
  StageFigures s;
  s.data = &d;
  s.responses = std::ssize(d.responses);
  s.response_rate = Percent(s.responses, d.invited);
  std::vector<const Response*> all;
  all.reserve(d.responses.size());
  for (const auto& r : d.responses) all.push_back(&r);
  const auto cell = CellOf(d.questionnaire, all);
  s.satisfaction = cell.satisfaction;
  s.score_mean = cell.score_mean;
  for (const auto& item : d.questionnaire.items)
    s.items.push_back(ItemOf(item, d.responses));
  for (const auto& sex :
       SexesOf(d.responses, [](const Response& r) { return r.sex; })) {
    std::vector<const Response*> of;
    for (const auto& r : d.responses) {
      if (r.sex == sex) of.push_back(&r);
    }
    StageSexCell c;
    c.sex = sex;
    c.n = std::ssize(of);
    if (d.questionnaire.anonymous && c.n < kMinCell) {
      c.suppressed = true;
    } else {
      const auto values = CellOf(d.questionnaire, of);
      c.satisfaction = values.satisfaction;
      c.score_mean = values.score_mean;
    }
    s.by_sex.push_back(c);
  }
  return s;
}

// Scores of a stage's named responses, by registration.
std::map<std::int64_t, std::pair<double, std::optional<Gender>>> ScoresOf(
    const EvaluationData& d) {
  std::map<std::int64_t, std::pair<double, std::optional<Gender>>> out;
  for (const auto& r : d.responses) {
    if (!r.registration_id) continue;
    if (auto s = ScorePercent(d.questionnaire, r.answers))
      out[*r.registration_id] = {*s, r.sex};
  }
  return out;
}

std::vector<ScorePair> PairsOf(const EvaluationData* pre,
                               const EvaluationData* post) {
  std::vector<ScorePair> pairs;
  if (!pre || !post) return pairs;
  const auto before = ScoresOf(*pre);
  for (const auto& [id, after] : ScoresOf(*post)) {
    const auto at = before.find(id);
    if (at == before.end()) continue;
    pairs.push_back({at->second.first, after.first, after.second});
  }
  return pairs;
}

}  // namespace

EvaluationFigures ComputeEvaluationFigures(
    const std::vector<EvaluationData>& data, int mastery_threshold) {
  EvaluationFigures f;
  std::vector<double> reaction;  // respondents' likert means, every workshop
  std::vector<ScorePair> all_pairs;
  // Each workshop's pre and post evaluations, in the order first seen.
  std::vector<std::pair<
      std::int64_t, std::pair<const EvaluationData*, const EvaluationData*>>>
      tests;
  for (const auto& d : data) {
    f.stages.push_back(StageOf(d));
    f.totals.invited += d.invited;
    f.totals.responses += std::ssize(d.responses);
    if (d.evaluation.stage == EvaluationStage::kReaction) {
      for (const auto& r : d.responses) {
        if (auto m = LikertMean(d.questionnaire, r.answers))
          reaction.push_back(*m);
      }
    }
    const bool pre = d.evaluation.stage == EvaluationStage::kPre;
    if (!pre && d.evaluation.stage != EvaluationStage::kPost) continue;
    auto at = std::find_if(tests.begin(), tests.end(), [&](const auto& t) {
      return t.first == d.evaluation.workshop_id;
    });
    if (at == tests.end()) {
      tests.push_back({d.evaluation.workshop_id, {nullptr, nullptr}});
      at = tests.end() - 1;
    }
    (pre ? at->second.first : at->second.second) = &d;
  }
  for (const auto& [workshop_id, stages] : tests) {
    const auto [pre, post] = stages;
    LearningFigures l;
    l.workshop_id = workshop_id;
    l.questionnaire = &(pre ? pre : post)->questionnaire;
    for (const auto* s : {pre, post}) {
      if (!s) continue;
      const auto stage = StageOf(*s);
      auto& n = s == pre ? l.pre_n : l.post_n;
      auto& mean = s == pre ? l.pre_mean : l.post_mean;
      n = stage.responses;
      mean = stage.score_mean;
    }
    const auto pairs = PairsOf(pre, post);
    l.paired = PairedOf(pairs, mastery_threshold);
    for (const auto& sex :
         SexesOf(pairs, [](const ScorePair& p) { return p.sex; })) {
      std::vector<ScorePair> of;
      for (const auto& p : pairs) {
        if (p.sex == sex) of.push_back(p);
      }
      // Pairs are of named responses: their cells are never withheld.
      l.by_sex.push_back({sex, false, PairedOf(of, mastery_threshold)});
    }
    all_pairs.insert(all_pairs.end(), pairs.begin(), pairs.end());
    f.learning.push_back(std::move(l));
  }
  f.totals.response_rate = Percent(f.totals.responses, f.totals.invited);
  f.totals.satisfaction = SatisfactionOf(reaction);
  f.totals.paired = PairedOf(all_pairs, mastery_threshold);
  return f;
}

std::optional<double> EvaluationMeasureOf(const EvaluationTotals& t,
                                          Measure measure) {
  switch (measure) {
    case Measure::kSatisfactionMean:
      return t.satisfaction.mean;
    case Measure::kSatisfiedShare:
      return t.satisfaction.satisfied_share;
    case Measure::kImprovedShare:
      return t.paired.improved_share;
    case Measure::kNormalizedGain:
      return t.paired.normalized_gain;
    case Measure::kMasteryShare:
      return t.paired.mastery_share;
    case Measure::kResponseRate:
      return t.response_rate;
    default:
      return std::nullopt;
  }
}

}  // namespace capdev::domain
