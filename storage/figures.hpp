#pragma once
// The one place the reports' figures are computed (definitions:
// domain/reports.hpp). A report first selects its workshops into a temporary
// table, then reads every figure from the participation table (kept by
// triggers, storage/schema_participation.hpp) in one pass over its rows,
// whatever the report. Call inside one ReadTransaction so all figures share a
// snapshot. Internal to storage/: these throw the engine's exceptions, and
// the public report queries that call them guard them (engine_errors.hpp).

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/reports.hpp"
#include "domain/results.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

// Which held workshops a report counts (besides the period).
struct Scope {
  std::optional<std::vector<std::int64_t>> project_ids;  // none: every one
  std::vector<domain::WorkshopKind> kinds;               // empty: any kind
  std::vector<std::string> topics;         // empty: any; else one of them
  std::vector<std::int64_t> workshop_ids;  // empty: any workshop
};

// Held workshops of the scope: section 0 those whose exact dates overlap the
// period, section 1 those with unknown dates or estimated dates overlapping
// it (domain/reports.hpp).
void SelectHeldWorkshops(Database& db, const Scope& scope,
                         const domain::ReportOptions& options);

// One workshop, whatever its status, as section 0 (the attendance report).
void SelectWorkshop(Database& db, std::int64_t workshop_id);

// Whether a report lists the workshops in the period or only counts them
// (the summary): counted ones get their figures but no names (trainer
// institutions, participating agencies), which saves looking up the
// organizations of every line; the totals have them all the same.
enum class InPeriod { kListed, kCounted };

// The selected workshops with their figures and totals, by section, then
// date and id.
struct Sections {
  domain::Section in_period;
  domain::Section dates_uncertain;
};
Sections SelectedSections(Database& db, const domain::ReportOptions& options,
                          InPeriod in_period = InPeriod::kListed);

// Over the workshops in the period (section 0): a measure that counts people
// or their days, per sex, organization or province ("" when not recorded).
std::vector<domain::GroupValue> MeasureByGroup(
    Database& db, domain::Measure measure, domain::Disaggregation by,
    const domain::ReportOptions& options);

// The workshops in the period (section 0, `lines`) by the month of each of
// their sessions: the workshops with a session in it, their participants
// marked present or late in it (once per workshop) and those marks. A
// workshop over two months counts in both; one without sessions in the
// month it starts.
std::vector<domain::Breakdown> ByMonth(
    Database& db, const std::vector<domain::WorkshopLine>& lines);

// The people trained in the workshops in the period (section 0), by name.
std::vector<domain::PersonFigures> PeopleTrained(
    Database& db, const domain::ReportOptions& options);

}  // namespace capdev::storage
