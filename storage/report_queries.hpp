#pragma once
// The reports, read in one snapshot. Every figure comes from
// storage/figures.cpp (definitions: domain/reports.hpp).

#include <cstdint>
#include <optional>

#include "domain/reports.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

// nullopt when the workshop does not exist. The period is not used.
domain::StatusOr<std::optional<domain::AttendanceReport>> AttendanceReportFor(
    Database& db, std::int64_t workshop_id,
    const domain::ReportOptions& options);
// nullopt when the organization does not exist.
domain::StatusOr<std::optional<domain::FunderReport>> FunderReportFor(
    Database& db, std::int64_t organization_id, bool include_children,
    const domain::ReportOptions& options);
// The programme, or one project of it.
domain::StatusOr<domain::SummaryReport> SummaryReportFor(
    Database& db, std::optional<std::int64_t> project_id,
    const domain::ReportOptions& options);

// The Chinese names of the organizations that have one, by name.
domain::StatusOr<domain::NativeNames> OrganizationNativeNames(Database& db);

}  // namespace capdev::storage
