#pragma once
// A project's logframe: results (impact, outcomes, outputs, nested) and their
// indicators, counted from attendance with the reports' definitions
// (domain/reports.hpp) or entered by hand per period.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/enums.hpp"
#include "domain/field.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

struct Result {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::optional<std::int64_t> parent_id;  // a result one level up
  std::optional<ResultLevel> level;
  std::optional<std::string> code;  // e.g. "1.2", orders the logframe
  std::string title;
};

// Which of the project's workshops an attendance indicator counts (empty
// lists: all of them).
struct WorkshopSelection {
  std::vector<WorkshopKind> kinds;
  std::vector<std::string> topics;
  std::vector<std::int64_t> workshop_ids;
  bool operator==(const WorkshopSelection&) const = default;
};

// How many targets (or values) an indicator holds at most: one a month for
// eight years; and how many workshops a selection names.
inline constexpr std::size_t kMaxPeriods = 100;
inline constexpr std::size_t kMaxSelectedWorkshops = 500;

struct Target {
  Date period_start;
  Date period_end;
  double value = 0;
  bool operator==(const Target&) const = default;
};

struct Indicator {
  std::int64_t id = 0;
  std::int64_t result_id = 0;
  std::optional<std::string> code;
  std::string title;
  std::optional<IndicatorSource> source;
  std::optional<Measure> measure;  // attendance indicators only
  WorkshopSelection filter;
  std::optional<std::int64_t> completion_threshold;  // percent; default 80
  std::optional<double> baseline_value;
  std::optional<std::int64_t> baseline_year;
  std::vector<Target> targets;
  std::vector<Disaggregation> disaggregations;
};

// A value entered by hand for a manual indicator.
struct IndicatorValue {
  Date period_start;
  Date period_end;
  double value = 0;
  std::optional<std::string> comment;
};

template <>
struct Fields<Result> {
  using E = Result;
  static constexpr std::string_view kTable = "results";
  static constexpr std::string_view kNoun = "result";
  static constexpr auto kAll =
      std::tuple{Field{"project_id", &E::project_id, Access::kServer},
                 Field{"parent_id", &E::parent_id}, Field{"level", &E::level},
                 Field{"code", &E::code}, Field{"title", &E::title}};
};

template <>
struct Fields<WorkshopSelection> {
  using E = WorkshopSelection;
  static constexpr auto kAll =
      std::tuple{Field{"kinds", &E::kinds}, Field{"topics", &E::topics},
                 Field{"workshop_ids", &E::workshop_ids}};
};

template <>
struct Fields<Target> {
  using E = Target;
  static constexpr auto kAll = std::tuple{
      Field{"period_start", &E::period_start},
      Field{"period_end", &E::period_end}, Field{"value", &E::value}};
};

template <>
struct Fields<Indicator> {
  using E = Indicator;
  static constexpr std::string_view kTable = "indicators";
  static constexpr std::string_view kNoun = "indicator";
  static constexpr auto kAll =
      std::tuple{Field{"result_id", &E::result_id, Access::kServer},
                 Field{"code", &E::code},
                 Field{"title", &E::title},
                 Field{"source", &E::source},
                 Field{"measure", &E::measure},
                 Field{"filter", &E::filter},
                 Field{"completion_threshold", &E::completion_threshold},
                 Field{"baseline_value", &E::baseline_value},
                 Field{"baseline_year", &E::baseline_year},
                 Field{"targets", &E::targets},
                 Field{"disaggregations", &E::disaggregations}};
};

template <>
struct Fields<IndicatorValue> {
  using E = IndicatorValue;
  static constexpr auto kAll =
      std::tuple{Field{"period_start", &E::period_start},
                 Field{"period_end", &E::period_end}, Field{"value", &E::value},
                 Field{"comment", &E::comment}};
};

Status Validate(const Result& result);
// A parent is a result of the same project one level or more above.
Status ValidateParent(const Result& result, const Result& parent);
Status Validate(const Indicator& indicator);
Status ValidateValues(std::span<const IndicatorValue> values);

// The target for a report's period: of the targets whose period lies within
// [from, to], the one ending last (nullopt when none does).
std::optional<double> TargetFor(const Indicator& indicator, Date from, Date to);

// Disaggregations make sense for measures that count people or their days.
bool CanDisaggregate(Measure measure);

// Measures in percent (IATI's measure 2); the others are units.
bool IsPercent(Measure measure);

// ---- the results report
// -------------------------------------------------------

// A disaggregated value; key "" when the attribute is not recorded.
struct GroupValue {
  std::string key;
  double value = 0;
};

struct Disaggregated {
  Disaggregation by = Disaggregation::kSex;
  std::vector<GroupValue> values;
};

struct IndicatorActual {
  Indicator indicator;
  std::optional<double> target;
  std::optional<double> actual;        // null: nothing entered for the period
  std::optional<std::string> comment;  // a manual value's
  std::vector<Disaggregated> disaggregated;
};

struct ResultLine {
  Result result;
  int depth = 0;  // 0 for a result without a parent
  std::vector<IndicatorActual> indicators;
};

struct ResultsReport {
  std::int64_t project_id = 0;
  std::string project_code;
  std::string project_title;
  Date from;
  Date to;
  std::vector<ResultLine> results;  // the logframe in order
};

// A manual indicator's actual: the value entered for exactly the period,
// else of those within it the one ending last.
const IndicatorValue* ValueFor(std::span<const IndicatorValue> values,
                               Date from, Date to);

// The results in logframe order: each result followed by those below it,
// siblings by code then id.
std::vector<ResultLine> Logframe(std::vector<Result> results);

}  // namespace capdev::domain
