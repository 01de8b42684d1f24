#include "domain/results.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/concat.hpp"
#include "domain/validation.hpp"
#include "domain/workshop.hpp"

namespace capdev::domain {

namespace {

// Values an indicator holds: finite and within what any programme reaches.
void CheckValue(Errors& e, const std::string& field, double value) {
  if (!std::isfinite(value) || value < 0 || value > 1e12) {
    e.Add(field, kOutOfRange,
          Message("error.out_of_range", {{"min", 0}, {"max", 1e12}}));
  }
}

// What makes two targets (or two values) of an indicator the same.
template <class T>
std::pair<Date, Date> PeriodOf(const T& t) {
  return {t.period_start, t.period_end};
}

void CheckPeriod(Errors& e, const std::string& at, Date start, Date end) {
  if (end < start) {
    e.Add(at + "period_end", kNotBefore,
          Message("error.not_before", {{"other", FieldTerm("period_start")}}));
  }
}

}  // namespace

Status Validate(const Result& r) {
  Errors e;
  e.Required("level", r.level);
  e.Required("title", r.title);
  e.MaxLength("title", r.title, kMaxName);
  e.MaxLength("code", r.code, kMaxShort);
  e.Positive("parent_id", r.parent_id);
  return e.ToStatus();
}

Status ValidateParent(const Result& r, const Result& parent) {
  Errors e;
  if (parent.project_id != r.project_id) {
    e.Add("parent_id", kInvalid, "error.parent_of_other_project");
  } else if (parent.id == r.id) {
    e.Add("parent_id", kInvalid, "error.parent_is_same_result");
  } else if (r.level && parent.level && *parent.level >= *r.level) {
    e.Add("parent_id", kInvalid,
          Message("error.parent_level", {{"level", ToText(*r.level)}}));
  }
  return e.ToStatus();
}

Status Validate(const Indicator& i) {
  Errors e;
  e.Required("title", i.title);
  e.MaxLength("title", i.title, kMaxName);
  e.MaxLength("code", i.code, kMaxShort);
  e.Required("source", i.source);
  const bool counted = i.source == IndicatorSource::kAttendance;
  const bool evaluated = i.source == IndicatorSource::kEvaluation;
  if ((counted || evaluated) && !i.measure) {
    e.Add("measure", kRequired, "error.required_counted_from_attendance");
  }
  if (i.measure && (counted || evaluated) &&
      IsEvaluationMeasure(*i.measure) != evaluated) {
    e.Add("measure", kInvalid,
          Message("error.measure_of_other_source",
                  {{"source", ToText(*i.source)}}));
  }
  if (i.source == IndicatorSource::kManual) {
    if (i.measure)
      e.Add("measure", kNotAllowed, "error.only_counted_from_attendance");
    if (!(i.filter == WorkshopSelection{})) {
      e.Add("filter", kNotAllowed, "error.only_counted_from_attendance");
    }
  }
  e.NameList("filter.topics", i.filter.topics, kMaxTopics,
             Term{"error.noun.topics"});
  e.Distinct("filter.kinds", i.filter.kinds);
  const auto& ids = i.filter.workshop_ids;
  if (e.AtMost("filter.workshop_ids", ids.size(), kMaxSelectedWorkshops,
               Term{"error.noun.workshops"})) {
    e.Distinct("filter.workshop_ids", ids);
    for (std::size_t k = 0; k < ids.size(); ++k)
      e.Positive("filter.workshop_ids[" + std::to_string(k) + "]", ids[k]);
  }
  if (i.completion_threshold &&
      (*i.completion_threshold < 1 || *i.completion_threshold > 100)) {
    e.Add("completion_threshold", kOutOfRange, "error.percentage_range");
  }
  if (i.baseline_value) CheckValue(e, "baseline_value", *i.baseline_value);
  if (i.baseline_year && (*i.baseline_year < 1900 || *i.baseline_year > 2200)) {
    e.Add("baseline_year", kOutOfRange, "error.year_range");
  }
  if (e.AtMost("targets", i.targets.size(), kMaxPeriods,
               Term{"error.noun.targets"})) {
    e.Distinct("targets", i.targets, PeriodOf<Target>);
    for (std::size_t k = 0; k < i.targets.size(); ++k) {
      const std::string at = "targets[" + std::to_string(k) + "].";
      CheckPeriod(e, at, i.targets[k].period_start, i.targets[k].period_end);
      CheckValue(e, at + "value", i.targets[k].value);
    }
  }
  std::set<Disaggregation> seen;
  for (auto d : i.disaggregations) {
    if (!seen.insert(d).second) {
      e.Add("disaggregations", kRepeated,
            Message("error.disaggregation_twice",
                    {{"disaggregation", ToText(d)}}));
    }
  }
  if (!i.disaggregations.empty() &&
      !(counted && i.measure && CanDisaggregate(*i.measure))) {
    e.Add("disaggregations", kNotAllowed,
          "error.disaggregations_not_applicable");
  }
  return e.ToStatus();
}

Status ValidateValues(std::span<const IndicatorValue> values) {
  Errors e;
  if (!e.AtMost("", values.size(), kMaxPeriods, Term{"error.noun.values"}))
    return e.ToStatus();
  e.Distinct("", std::vector(values.begin(), values.end()),
             PeriodOf<IndicatorValue>);
  for (std::size_t k = 0; k < values.size(); ++k) {
    const std::string at = Concat("[", std::to_string(k), "].");
    CheckPeriod(e, at, values[k].period_start, values[k].period_end);
    CheckValue(e, at + "value", values[k].value);
    e.LongText(at + "comment", values[k].comment);
  }
  return e.ToStatus();
}

std::optional<double> TargetFor(const Indicator& i, Date from, Date to) {
  const Target* best = nullptr;
  for (const auto& t : i.targets) {
    if (t.period_start < from || t.period_end > to) continue;
    if (!best || t.period_end > best->period_end) best = &t;
  }
  return best ? std::optional(best->value) : std::nullopt;
}

bool CanDisaggregate(Measure m) {
  return !IsEvaluationMeasure(m) &&
         (m == Measure::kPeopleTrained || m == Measure::kParticipations ||
          m == Measure::kParticipantDays || m == Measure::kPeopleCompleted);
}

bool IsPercent(Measure m) {
  return m == Measure::kFemaleShare || m == Measure::kSatisfiedShare ||
         m == Measure::kImprovedShare || m == Measure::kMasteryShare ||
         m == Measure::kResponseRate;
}

}  // namespace capdev::domain

namespace capdev::domain {

const IndicatorValue* ValueFor(std::span<const IndicatorValue> values,
                               Date from, Date to) {
  const IndicatorValue* best = nullptr;
  for (const auto& v : values) {
    if (v.period_start == from && v.period_end == to) return &v;
    if (v.period_start < from || v.period_end > to) continue;
    if (!best || v.period_end > best->period_end) best = &v;
  }
  return best;
}

std::vector<ResultLine> Logframe(std::vector<Result> results) {
  std::sort(results.begin(), results.end(),
            [](const Result& a, const Result& b) {
              if (a.code != b.code) {
                if (!a.code || !b.code)
                  return a.code.has_value();  // coded ones first
                return *a.code < *b.code;
              }
              return a.id < b.id;
            });
  std::vector<ResultLine> out;
  std::set<std::int64_t> placed;
  auto place = [&](auto& self, std::optional<std::int64_t> parent,
                   int depth) -> void {
    for (const auto& r : results) {
      if (r.parent_id != parent || placed.count(r.id)) continue;
      placed.insert(r.id);
      out.push_back({r, depth, {}});
      self(self, r.id, depth + 1);
    }
  };
  place(place, std::nullopt, 0);
  // A parent from elsewhere cannot be: keep any such result, at the top.
  for (const auto& r : results) {
    if (!placed.count(r.id)) out.push_back({r, 0, {}});
  }
  return out;
}

}  // namespace capdev::domain
