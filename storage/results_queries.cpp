#include "storage/results_queries.hpp"

#include "storage/engine_errors.hpp"
#include "storage/evaluations.hpp"
#include "storage/figures.hpp"
#include "storage/records.hpp"
#include "storage/row_mapping.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

namespace {

// All of a filter's pages (a project's results and indicators are few).
template <class Filter>
domain::StatusOr<std::vector<typename Filter::Entity>> All(
    Database& db, const Filter& filter) {
  std::vector<typename Filter::Entity> out;
  PageRequest page{0, 500};
  for (;;) {
    ASSIGN_OR_RETURN(auto p, List(db, filter, page));
    for (auto& e : p.items) out.push_back(std::move(e));
    if (!p.next_after_id) return out;
    page.after_id = *p.next_after_id;
  }
}

// Selects the held workshops an attendance indicator counts, in the period.
// Throws the engine's exceptions (its callers guard them).
domain::ReportOptions Select(Database& db, std::int64_t project_id,
                             const domain::Indicator& i,
                             domain::ReportOptions options) {
  if (i.completion_threshold) {
    options.completion_threshold = static_cast<int>(*i.completion_threshold);
  }
  Scope scope{.project_ids = std::vector{project_id},
              .kinds = i.filter.kinds,
              .topics = i.filter.topics,
              .workshop_ids = i.filter.workshop_ids};
  SelectHeldWorkshops(db, scope, options);
  return options;
}

// Throws the engine's exceptions (its callers guard them).
domain::StatusOr<domain::IndicatorActual> Actual(
    Database& db, std::int64_t project_id, const domain::Indicator& i,
    const domain::ReportOptions& options) {
  domain::IndicatorActual a;
  a.indicator = i;
  a.target = domain::TargetFor(i, options.from, options.to);
  if (i.source == domain::IndicatorSource::kManual) {
    ASSIGN_OR_RETURN(const auto values, IndicatorValues(db, i.id));
    if (const auto* v = domain::ValueFor(values, options.from, options.to)) {
      a.actual = v->value;
      a.comment = v->comment;
    }
    return a;
  }
  if (!i.measure) return a;
  if (i.source == domain::IndicatorSource::kEvaluation) {
    ASSIGN_OR_RETURN(const auto ids,
                     HeldWorkshopIds(db, project_id, i.filter, options));
    ASSIGN_OR_RETURN(const auto data, EvaluationDataFor(db, ids));
    a.actual = domain::EvaluationMeasureOf(
        domain::ComputeEvaluationFigures(data).totals, *i.measure);
    return a;
  }
  const auto o = Select(db, project_id, i, options);
  a.actual = domain::MeasureOf(
      SelectedSections(db, o, InPeriod::kCounted).in_period.totals, *i.measure);
  for (auto by : i.disaggregations) {
    a.disaggregated.push_back({by, MeasureByGroup(db, *i.measure, by, o)});
  }
  return a;
}

}  // namespace

domain::StatusOr<std::vector<domain::IndicatorValue>> IndicatorValues(
    Database& db, std::int64_t indicator_id) {
  return Guarded([&] {
    ScopedStatement q(db,
                      "SELECT period_start, period_end, value, comment FROM "
                      "indicator_values WHERE indicator_id = ? "
                      "ORDER BY period_start, period_end");
    q->Bind(1, indicator_id);
    std::vector<domain::IndicatorValue> out;
    while (q->Step()) {
      auto& v = out.emplace_back();
      Read(*q, 0, v.period_start);
      Read(*q, 1, v.period_end);
      Read(*q, 2, v.value);
      Read(*q, 3, v.comment);
    }
    return out;
  });
}

domain::Status ReplaceIndicatorValues(
    WriteTx& tx, std::int64_t indicator_id,
    std::span<const domain::IndicatorValue> values) {
  return Guarded([&] {
    ScopedStatement clear(
        tx.db(), "DELETE FROM indicator_values WHERE indicator_id = ?");
    clear->Bind(1, indicator_id);
    clear->Exec();
    ScopedStatement insert(
        tx.db(), "INSERT INTO indicator_values VALUES (?, ?, ?, ?, ?)");
    for (const auto& v : values) {
      insert->Reset();
      BindAll(*insert, indicator_id, v.period_start, v.period_end, v.value,
              v.comment);
      insert->Exec();
    }
  });
}

domain::StatusOr<domain::ResultsReport> ResultsReportFor(
    Database& db, const domain::Project& project,
    const domain::ReportOptions& options) {
  ASSIGN_OR_RETURN(const auto snapshot, ReadTransaction::Begin(db));
  return ResultsWithin(db, project, options);
}

domain::StatusOr<domain::ResultsReport> ResultsWithin(
    Database& db, const domain::Project& project,
    const domain::ReportOptions& options) {
  return Guarded([&]() -> domain::StatusOr<domain::ResultsReport> {
    domain::ResultsReport r;
    r.project_id = project.id;
    r.project_code = project.code;
    r.project_title = project.title;
    r.from = options.from;
    r.to = options.to;
    ASSIGN_OR_RETURN(auto results, All(db, ResultFilter{project.id}));
    r.results = domain::Logframe(std::move(results));
    for (auto& line : r.results) {
      ASSIGN_OR_RETURN(const auto indicators,
                       All(db, IndicatorFilter{.result_id = line.result.id}));
      for (const auto& i : indicators) {
        ASSIGN_OR_RETURN(auto actual, Actual(db, project.id, i, options));
        line.indicators.push_back(std::move(actual));
      }
    }
    return r;
  });
}

domain::StatusOr<Evidence> EvidenceFor(Database& db, std::int64_t project_id,
                                       const domain::Indicator& indicator,
                                       const domain::ReportOptions& options) {
  ASSIGN_OR_RETURN(const auto snapshot, ReadTransaction::Begin(db));
  return Guarded([&] {
    const auto o = Select(db, project_id, indicator, options);
    Evidence e;
    e.workshops = SelectedSections(db, o).in_period.workshops;
    e.people = PeopleTrained(db, o);
    return e;
  });
}

}  // namespace capdev::storage
