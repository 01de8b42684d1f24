// The results report: the logframe in order, each indicator's baseline, the
// target for the period, the actual and its disaggregation.

#include <cstdio>

#include "app/codec/json_codec.hpp"
#include "app/reports/reports.hpp"

namespace capdev::reports {

namespace {

std::string IndicatorLabel(const domain::Indicator& i) {
  return (i.code ? *i.code + " " : "") + i.title + " (indicator " +
         std::to_string(i.id) + ")";
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

void AddResultsTables(Document& d, const std::string& id,
                      const domain::ResultsReport& r) {
  const std::string heading = "Results of " + r.project_code;
  Table indicators{id + ".indicators",
                   heading,
                   {"Indicator", "Result", "Level", "Source", "Measure",
                    "Baseline", "Baseline year", "Target", "Actual", "Comment"},
                   {}};
  Table by{id + ".disaggregated",
           heading + ": disaggregated",
           {"Indicator", "By", "Group", "Value"},
           {}};
  for (const auto& line : r.results) {
    const auto& res = line.result;
    const std::string result =
        std::string(static_cast<std::size_t>(line.depth) * 2, ' ') +
        (res.code ? *res.code + " " : "") + res.title;
    if (line.indicators.empty()) {
      indicators.rows.push_back({"(no indicator) " + result, result,
                                 Cell(res.level), "", "", "", "", "", "", ""});
    }
    for (const auto& a : line.indicators) {
      const auto& i = a.indicator;
      indicators.rows.push_back(
          {IndicatorLabel(i), result, Cell(res.level), Cell(i.source),
           Cell(i.measure), NumberCell(i.baseline_value),
           i.baseline_year ? Cell(*i.baseline_year) : DocCell(),
           NumberCell(a.target), NumberCell(a.actual), a.comment.value_or("")});
      for (const auto& dis : a.disaggregated) {
        for (const auto& g : dis.values) {
          by.rows.push_back(
              {IndicatorLabel(i), std::string(domain::ToText(dis.by)),
               g.key.empty() ? "(not recorded)" : g.key, NumberCell(g.value)});
        }
      }
    }
  }
  // The word first: a long project code is cut at the end, and the two tabs
  // still differ.
  indicators.tab = "Results " + r.project_code;
  by.tab = "Breakdown " + r.project_code;
  d.tables.push_back(std::move(indicators));
  d.tables.push_back(std::move(by));
}

Document ResultsDocument(const domain::ResultsReport& r) {
  Document d;
  d.title = "Results report: " + r.project_code;
  d.facts = {{"Project", r.project_code + " " + r.project_title},
             {"Period", r.from.ToString() + " to " + r.to.ToString()},
             {"Generated", domain::NowUtc()}};
  AddResultsTables(d, "results", r);
  d.notes = DefinitionNotes(domain::kDefaultCompletionThreshold);
  d.notes.emplace_back(
      "Actuals counted from attendance cover the held workshops with exact "
      "dates in the period (an indicator's filter may narrow them; its "
      "completion threshold replaces the default). The target is the one "
      "whose period lies within the report's and ends last; a manual actual "
      "is the value entered for the period, else the latest within it.");
  return d;
}

}  // namespace capdev::reports
