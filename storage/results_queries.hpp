#pragma once
// The results framework's own storage: manual values, and indicators
// counted with the reports' figures (storage/figures.cpp).

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "domain/project.hpp"
#include "domain/reports.hpp"
#include "domain/results.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

domain::StatusOr<std::vector<domain::IndicatorValue>> IndicatorValues(
    Database& db, std::int64_t indicator_id);
domain::Status ReplaceIndicatorValues(
    WriteTx& tx, std::int64_t indicator_id,
    std::span<const domain::IndicatorValue> values);

// The project's logframe with each indicator's target and actual for the
// period (held workshops with exact dates in it), in a snapshot of its own.
domain::StatusOr<domain::ResultsReport> ResultsReportFor(
    Database& db, const domain::Project& project,
    const domain::ReportOptions& options);
// The same within a read transaction the caller holds (the funder report's).
domain::StatusOr<domain::ResultsReport> ResultsWithin(
    Database& db, const domain::Project& project,
    const domain::ReportOptions& options);

// The workshops and the people trained behind a counted indicator's actual.
struct Evidence {
  std::vector<domain::WorkshopLine> workshops;
  std::vector<domain::PersonFigures> people;
};
domain::StatusOr<Evidence> EvidenceFor(Database& db, std::int64_t project_id,
                                       const domain::Indicator& indicator,
                                       const domain::ReportOptions& options);

}  // namespace capdev::storage
