// The evaluation report: per evaluation its response rate, items and
// satisfaction; per workshop's knowledge test the learning figures; each by
// sex, and the totals. JSON and the tables of every other format.

#include <cmath>

#include "app/codec/json_codec.hpp"
#include "app/reports/reports.hpp"

namespace capdev::reports {

namespace {

using domain::EvaluationReport;

// Figures rounded as they are sent (the README's definitions say so).
json::value Rounded(const std::optional<double>& v, int decimals) {
  if (!v) return nullptr;
  const double scale = std::pow(10.0, decimals);
  return std::round(*v * scale) / scale;
}
json::value Pct(const std::optional<double>& v) { return Rounded(v, 1); }
json::value Mean(const std::optional<double>& v) { return Rounded(v, 2); }

json::value SexJson(const std::optional<domain::Gender>& sex) {
  return sex ? json::value(domain::ToText(*sex)) : json::value(nullptr);
}

json::object PairedJson(const domain::Paired& p) {
  return {{"paired_n", p.n},
          {"pre_mean", Pct(p.pre_mean)},
          {"post_mean", Pct(p.post_mean)},
          {"mean_gain", Pct(p.mean_gain)},
          {"normalized_gain", Rounded(p.normalized_gain, 3)},
          {"improved_share", Pct(p.improved_share)},
          {"mastery_share", Pct(p.mastery_share)}};
}

json::object StageJson(const domain::StageFigures& s) {
  const auto& d = *s.data;
  const auto& q = d.questionnaire;
  json::array items;
  for (const auto& i : s.items) {
    json::array distribution;
    for (const auto& v : i.distribution)
      distribution.push_back({{"value", v.value}, {"count", v.count}});
    items.push_back({{"key", i.item->key},
                     {"type", codec::ToJson(i.item->type)},
                     {"text", i.item->text},
                     {"native_text", i.item->native_text},
                     {"n", i.n},
                     {"mean", Mean(i.mean)},
                     {"distribution", std::move(distribution)},
                     {"correct_share", Pct(i.correct_share)}});
  }
  json::array by_sex;
  for (const auto& c : s.by_sex) {
    by_sex.push_back({{"sex", SexJson(c.sex)},
                      {"n", c.n},
                      {"satisfaction_mean", Mean(c.satisfaction.mean)},
                      {"satisfied_share", Pct(c.satisfaction.satisfied_share)},
                      {"score_mean", Pct(c.score_mean)},
                      {"suppressed", c.suppressed}});
  }
  return {{"evaluation_id", d.evaluation.id},
          {"workshop_id", d.evaluation.workshop_id},
          {"workshop_title", d.workshop_title},
          {"stage", domain::ToText(d.evaluation.stage)},
          {"questionnaire_id", q.id},
          {"kind", codec::ToJson(q.kind)},
          {"title", q.title},
          {"native_title", codec::ToJson(q.native_title)},
          {"anonymous", q.anonymous},
          {"invited", d.invited},
          {"responses", s.responses},
          {"response_rate", Pct(s.response_rate)},
          {"score_mean", Pct(s.score_mean)},
          {"satisfaction_n", s.satisfaction.n},
          {"satisfaction_mean", Mean(s.satisfaction.mean)},
          {"satisfied_share", Pct(s.satisfaction.satisfied_share)},
          {"items", std::move(items)},
          {"by_sex", std::move(by_sex)}};
}

json::object LearningJson(const domain::LearningFigures& l) {
  json::object o{{"workshop_id", l.workshop_id},
                 {"questionnaire_id", l.questionnaire->id},
                 {"title", l.questionnaire->title},
                 {"native_title", codec::ToJson(l.questionnaire->native_title)},
                 {"anonymous", l.questionnaire->anonymous},
                 {"pre_n", l.pre_n},
                 {"post_n", l.post_n}};
  for (auto& [k, v] : PairedJson(l.paired)) o[k] = v;
  // Over everyone who took each test, not only the paired.
  o["pre_mean"] = Pct(l.pre_mean);
  o["post_mean"] = Pct(l.post_mean);
  o["paired_pre_mean"] = Pct(l.paired.pre_mean);
  o["paired_post_mean"] = Pct(l.paired.post_mean);
  json::array by_sex;
  for (const auto& c : l.by_sex) {
    json::object cell = PairedJson(c.paired);
    cell["sex"] = SexJson(c.sex);
    cell["suppressed"] = c.suppressed;
    by_sex.push_back(std::move(cell));
  }
  o["by_sex"] = std::move(by_sex);
  return o;
}

}  // namespace

json::object EvaluationJson(const EvaluationReport& r) {
  json::array stages;
  for (const auto& s : r.figures.stages) stages.push_back(StageJson(s));
  json::array learning;
  for (const auto& l : r.figures.learning) learning.push_back(LearningJson(l));
  const auto& t = r.figures.totals;
  json::object totals{{"invited", t.invited},
                      {"responses", t.responses},
                      {"response_rate", Pct(t.response_rate)},
                      {"satisfaction_n", t.satisfaction.n},
                      {"satisfaction_mean", Mean(t.satisfaction.mean)},
                      {"satisfied_share", Pct(t.satisfaction.satisfied_share)}};
  for (auto& [k, v] : PairedJson(t.paired)) totals[k] = v;
  return {{"report", "evaluation"},
          {"generated_at", domain::NowUtc()},
          {"workshop_id", codec::ToJson(r.workshop_id)},
          {"project_id", r.project_id},
          {"from", r.from ? json::value(r.from->ToString()) : nullptr},
          {"to", r.to ? json::value(r.to->ToString()) : nullptr},
          {"mastery_threshold", r.mastery_threshold},
          {"evaluations", std::move(stages)},
          {"learning", std::move(learning)},
          {"totals", std::move(totals)}};
}

namespace {

// Percents held as 0–100; a workbook's percent cell holds the ratio.
DocCell PercentCell(const Texts& x, const std::optional<double>& v) {
  if (!v) return x("report.not_available");
  return x.Percent(*v / 100);
}

std::string QuestionnaireTitle(const Texts& x, const domain::Questionnaire& q) {
  return x.Title(q.title, q.native_title);
}

std::string ItemText(const Texts& x, const domain::Item& i) {
  return x.language() == Language::kZh ? i.native_text : i.text;
}

std::string SexLabel(const Texts& x, const std::optional<domain::Gender>& s) {
  return s ? x.Label(*s) : x("report.not_recorded");
}

std::string Withheld(const Texts& x) { return x("report.evaluation.withheld"); }

std::vector<DocCell> PairedCells(const Texts& x, const domain::Paired& p) {
  return {x.Count(p.n),
          PercentCell(x, p.pre_mean),
          PercentCell(x, p.post_mean),
          x.Number(p.mean_gain),
          x.Number(p.normalized_gain),
          PercentCell(x, p.improved_share),
          PercentCell(x, p.mastery_share)};
}

std::vector<std::string> PairedColumns(const Texts& x) {
  return {FigureLabel(x, Figure::kPaired),
          FigureLabel(x, Figure::kPreMean),
          FigureLabel(x, Figure::kPostMean),
          FigureLabel(x, Figure::kMeanGain),
          FigureLabel(x, Figure::kNormalizedGain),
          FigureLabel(x, Figure::kImprovedShare),
          FigureLabel(x, Figure::kMasteryShare)};
}

}  // namespace

Document EvaluationDocument(const EvaluationReport& r,
                            domain::Language language) {
  const Texts x(language);
  Document d;
  d.language = language;
  d.title = x("report.evaluation.title");
  if (r.from && r.to)
    d.facts.emplace_back(x("report.fact.period"), x.Period(*r.from, *r.to));
  d.facts.emplace_back(x("report.fact.generated"), x.Now());
  d.notes.push_back(x("report.evaluation.note_withheld"));

  Table stages{
      "evaluations",
      x("report.evaluation.evaluations"),
      {x("report.column.workshop"), x("report.column.stage"),
       x("report.column.questionnaire"), x("report.column.invited"),
       x("report.column.responses"), FigureLabel(x, Figure::kResponseRate),
       x("report.column.score_mean"), x("report.column.n"),
       FigureLabel(x, Figure::kSatisfactionMean),
       FigureLabel(x, Figure::kSatisfiedShare)},
      {}};
  Table items{
      "items",
      x("report.evaluation.items"),
      {x("report.column.workshop"), x("report.column.stage"),
       x("report.column.item"), x("report.column.question"),
       x("report.column.n"), x("report.column.mean"),
       x("report.column.correct_share"), x("report.column.distribution")},
      {}};
  Table by_sex{
      "evaluations_by_sex",
      x("report.evaluation.by_sex"),
      {x("report.column.workshop"), x("report.column.stage"),
       x("report.column.sex"), x("report.column.n"),
       FigureLabel(x, Figure::kSatisfactionMean),
       FigureLabel(x, Figure::kSatisfiedShare), x("report.column.score_mean")},
      {}};
  for (const auto& s : r.figures.stages) {
    const auto& e = s.data->evaluation;
    const std::string workshop = s.data->workshop_title;
    const std::string stage = x.Label(e.stage);
    stages.rows.push_back(
        {workshop, stage, QuestionnaireTitle(x, s.data->questionnaire),
         x.Count(s.data->invited), x.Count(s.responses),
         PercentCell(x, s.response_rate), PercentCell(x, s.score_mean),
         x.Count(s.satisfaction.n), x.Number(s.satisfaction.mean),
         PercentCell(x, s.satisfaction.satisfied_share)});
    for (const auto& i : s.items) {
      std::string spread;
      for (const auto& v : i.distribution) {
        if (!spread.empty()) spread += " · ";
        spread += x.Number(v.value).text + ": " + std::to_string(v.count);
      }
      items.rows.push_back(
          {workshop, stage, i.item->key, ItemText(x, *i.item), x.Count(i.n),
           x.Number(i.mean),
           i.correct_share ? PercentCell(x, i.correct_share) : DocCell(),
           spread});
    }
    for (const auto& c : s.by_sex) {
      if (c.suppressed) {
        by_sex.rows.push_back({workshop, stage, SexLabel(x, c.sex),
                               x.Count(c.n), Withheld(x), Withheld(x),
                               Withheld(x)});
        continue;
      }
      by_sex.rows.push_back({workshop, stage, SexLabel(x, c.sex), x.Count(c.n),
                             x.Number(c.satisfaction.mean),
                             PercentCell(x, c.satisfaction.satisfied_share),
                             PercentCell(x, c.score_mean)});
    }
  }
  auto learning_columns = PairedColumns(x);
  learning_columns.insert(
      learning_columns.begin(),
      {x("report.column.workshop"), x("report.column.questionnaire"),
       x("report.column.pre_n"), x("report.column.pre_all"),
       x("report.column.post_n"), x("report.column.post_all")});
  Table learning{
      "learning", x("report.evaluation.learning"), learning_columns, {}};
  auto sex_columns = PairedColumns(x);
  sex_columns.insert(sex_columns.begin(),
                     {x("report.column.workshop"), x("report.column.sex")});
  Table learning_by_sex{"learning_by_sex",
                        x("report.evaluation.learning_by_sex"),
                        sex_columns,
                        {}};
  auto title_of = [&](std::int64_t workshop_id) {
    for (const auto& s : r.figures.stages) {
      if (s.data->evaluation.workshop_id == workshop_id)
        return s.data->workshop_title;
    }
    return std::string();
  };
  for (const auto& l : r.figures.learning) {
    std::vector<DocCell> row{
        title_of(l.workshop_id), QuestionnaireTitle(x, *l.questionnaire),
        x.Count(l.pre_n),        PercentCell(x, l.pre_mean),
        x.Count(l.post_n),       PercentCell(x, l.post_mean)};
    for (auto& c : PairedCells(x, l.paired)) row.push_back(std::move(c));
    learning.rows.push_back(std::move(row));
    for (const auto& c : l.by_sex) {
      std::vector<DocCell> cells{title_of(l.workshop_id), SexLabel(x, c.sex)};
      for (auto& v : PairedCells(x, c.paired)) cells.push_back(std::move(v));
      learning_by_sex.rows.push_back(std::move(cells));
    }
  }
  const auto& t = r.figures.totals;
  Table totals{"totals",
               x("report.evaluation.totals"),
               {x("report.column.figure"), x("report.column.n"),
                x("report.column.value")},
               {}};
  totals.rows = {
      {FigureLabel(x, Figure::kResponseRate), x.Count(t.invited),
       PercentCell(x, t.response_rate)},
      {FigureLabel(x, Figure::kSatisfactionMean), x.Count(t.satisfaction.n),
       x.Number(t.satisfaction.mean)},
      {FigureLabel(x, Figure::kSatisfiedShare), x.Count(t.satisfaction.n),
       PercentCell(x, t.satisfaction.satisfied_share)},
      {FigureLabel(x, Figure::kPreMean), x.Count(t.paired.n),
       PercentCell(x, t.paired.pre_mean)},
      {FigureLabel(x, Figure::kPostMean), x.Count(t.paired.n),
       PercentCell(x, t.paired.post_mean)},
      {FigureLabel(x, Figure::kMeanGain), x.Count(t.paired.n),
       x.Number(t.paired.mean_gain)},
      {FigureLabel(x, Figure::kNormalizedGain), x.Count(t.paired.n),
       x.Number(t.paired.normalized_gain)},
      {FigureLabel(x, Figure::kImprovedShare), x.Count(t.paired.n),
       PercentCell(x, t.paired.improved_share)},
      {FigureLabel(x, Figure::kMasteryShare), x.Count(t.paired.n),
       PercentCell(x, t.paired.mastery_share)}};
  d.tables = {std::move(totals), std::move(stages), std::move(learning),
              std::move(items),  std::move(by_sex), std::move(learning_by_sex)};
  d.definitions =
      Definitions(x,
                  {Figure::kResponseRate, Figure::kSatisfactionMean,
                   Figure::kSatisfiedShare, Figure::kPreMean, Figure::kPostMean,
                   Figure::kPaired, Figure::kMeanGain, Figure::kNormalizedGain,
                   Figure::kImprovedShare, Figure::kMasteryShare},
                  r.mastery_threshold);
  return d;
}

}  // namespace capdev::reports
