// The results report: the logframe in order, each indicator's baseline, the
// target for the period, the actual and its disaggregation.

#include "app/codec/json_codec.hpp"
#include "app/reports/reports.hpp"

namespace capdev::reports {

namespace {

std::string IndicatorLabel(const Texts& x, const domain::Indicator& i) {
  return x(domain::Message("report.results.indicator",
                           {{"name", (i.code ? *i.code + " " : "") + i.title},
                            {"id", std::to_string(i.id)}}));
}

// A disaggregated value's group as a reader names it: a sex by its label.
std::string GroupLabel(const Texts& x, domain::Disaggregation by,
                       const std::string& key) {
  if (key.empty()) return x("report.not_recorded");
  if (by == domain::Disaggregation::kSex) return x.GenderLabel(key);
  return key;
}

// "39 of 100 (39%)": the actual against the period's target (none without
// both, or with a target of 0).
DocCell Progress(const Texts& x, const domain::IndicatorActual& a) {
  if (!a.actual || !a.target || *a.target == 0) return {};
  const double share = *a.actual / *a.target;
  return {x(domain::Message("report.results.progress",
                            {{"actual", x.Number(a.actual).text},
                             {"target", x.Number(a.target).text},
                             {"share", x.Percent(share).text}})),
          formats::Percent{share}};
}

}  // namespace

json::object ResultsJson(const domain::ResultsReport& r) {
  json::array results;
  for (const auto& line : r.results) {
    json::array indicators;
    for (const auto& a : line.indicators) {
      json::object o = codec::Encode(a.indicator);
      o["target"] = codec::ToJson(a.target);
      o["actual"] = codec::ToJson(a.actual);
      o["comment"] = codec::ToJson(a.comment);
      json::object by;
      for (const auto& d : a.disaggregated) {
        json::array values;
        for (const auto& g : d.values) {
          values.push_back({{"key", g.key.empty() ? json::value(nullptr)
                                                  : json::value(g.key)},
                            {"value", g.value}});
        }
        by[domain::ToText(d.by)] = std::move(values);
      }
      o["disaggregated"] = std::move(by);
      indicators.push_back(std::move(o));
    }
    json::object result = codec::Encode(line.result);
    result["depth"] = line.depth;
    result["indicators"] = std::move(indicators);
    results.push_back(std::move(result));
  }
  return {{"report", "results"},
          {"generated_at", domain::NowUtc()},
          {"project",
           {{"id", r.project_id},
            {"code", r.project_code},
            {"title", r.project_title}}},
          {"period", {{"from", r.from.ToString()}, {"to", r.to.ToString()}}},
          {"results", std::move(results)}};
}

void AddResultsTables(const Texts& x, Document& d, const std::string& id,
                      const domain::ResultsReport& r) {
  const std::string heading =
      x(domain::Message("report.results.heading", {{"code", r.project_code}}));
  Table indicators{
      id + ".indicators",
      heading,
      {x("report.column.indicator"), x("report.column.result"),
       x("report.column.level"), x("report.column.source"),
       x("report.column.measure_of_indicator"), x("report.column.baseline"),
       x("report.column.baseline_year"), x("report.column.target"),
       x("report.column.actual"), x("report.column.progress"),
       x("report.column.comment")},
      {}};
  Table by{id + ".disaggregated",
           x(domain::Message("report.results.disaggregated_heading",
                             {{"code", r.project_code}})),
           {x("report.column.indicator"), x("report.column.by"),
            x("report.column.group"), x("report.column.value")},
           {}};
  for (const auto& line : r.results) {
    const auto& res = line.result;
    const std::string result =
        std::string(static_cast<std::size_t>(line.depth) * 2, ' ') +
        (res.code ? *res.code + " " : "") + res.title;
    if (line.indicators.empty()) {
      indicators.rows.push_back(
          {x(domain::Message("report.results.no_indicator",
                             {{"result", result}})),
           result, x.Label(res.level), "", "", "", "", "", "", "", ""});
    }
    for (const auto& a : line.indicators) {
      const auto& i = a.indicator;
      indicators.rows.push_back(
          {IndicatorLabel(x, i), result, x.Label(res.level), x.Label(i.source),
           i.measure ? x.MeasureLabel(*i.measure) : std::string(),
           x.Number(i.baseline_value),
           i.baseline_year ? DocCell(std::to_string(*i.baseline_year),
                                     static_cast<double>(*i.baseline_year))
                           : DocCell(),
           x.Number(a.target), x.Number(a.actual), Progress(x, a),
           a.comment.value_or("")});
      for (const auto& dis : a.disaggregated) {
        for (const auto& g : dis.values) {
          by.rows.push_back({IndicatorLabel(x, i), x.Label(dis.by),
                             GroupLabel(x, dis.by, g.key), x.Number(g.value)});
        }
      }
    }
  }
  // The word first: a long project code is cut at the end, and the two tabs
  // still differ.
  indicators.tab =
      x(domain::Message("report.results.tab", {{"code", r.project_code}}));
  by.tab = x(domain::Message("report.results.breakdown_tab",
                             {{"code", r.project_code}}));
  d.tables.push_back(std::move(indicators));
  d.tables.push_back(std::move(by));
}

Document ResultsDocument(const domain::ResultsReport& r,
                         domain::Language language) {
  const Texts x(language);
  Document d;
  d.language = language;
  d.title =
      x(domain::Message("report.results.title", {{"code", r.project_code}}));
  d.facts = {{x("report.fact.project"), r.project_code + " " + r.project_title},
             {x("report.fact.period"), x.Period(r.from, r.to)},
             {x("report.fact.generated"), x.Now()}};
  AddResultsTables(x, d, "results", r);
  d.notes.push_back(x("report.note.held_only"));
  d.notes.push_back(x("report.note.results"));
  d.definitions = Definitions(
      x,
      {Figure::kPeopleTrained, Figure::kParticipations,
       Figure::kParticipantDays, Figure::kPeopleCompleted,
       Figure::kWorkshopsHeld, Figure::kFemaleShare, Figure::kAgenciesReached},
      domain::kDefaultCompletionThreshold);
  return d;
}

}  // namespace capdev::reports
