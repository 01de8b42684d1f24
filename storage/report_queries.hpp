#pragma once
// The reports' figures, computed in SQL (GROUP BY over indexed columns, one
// query per table of figures, never one per row). Definitions:
// domain/reports.hpp.

#include <cstdint>
#include <optional>

#include "domain/date.hpp"
#include "domain/reports.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

// nullopt when the workshop does not exist.
std::optional<domain::AttendanceReport> AttendanceReportFor(
    Database& db, std::int64_t workshop_id);
// nullopt when the organization does not exist.
std::optional<domain::FunderReport> FunderReportFor(
    Database& db, std::int64_t organization_id, domain::Date from,
    domain::Date to);
domain::SummaryReport SummaryReportFor(Database& db, domain::Date from,
                                       domain::Date to);

}  // namespace capdev::storage
