#pragma once
// Importing spreadsheets into a workshop: a participant list (people found or
// created, and registered) and a filled-in sign-in grid (marks set). An
// import reports what each row did (or would do); the caller commits only a
// real run that ImportShouldCommit allows, so a dry run and a refused run
// write nothing.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/formats/sheet.hpp"
#include "app/services/records.hpp"
#include "domain/date.hpp"
#include "domain/enums.hpp"
#include "domain/organization.hpp"

namespace capdev::services {

// A mark an attendance import sets: the session's, from what it was.
struct MarkChange {
  std::int64_t session_id = 0;
  domain::Date date;
  std::optional<domain::Mark> from;  // none before
  domain::Mark to = domain::Mark::kPresent;
};

struct ImportRow {
  std::size_t row = 0;  // the spreadsheet's row number (its first row is 1)
  domain::ImportAction action = domain::ImportAction::kError;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> registration_id;
  // What the row names, for a reader of the answer: the person's names (the
  // Latin one generated where the list has only Chinese), the agency, the
  // list's number.
  std::string full_name;
  std::string native_name;
  std::string organization;
  std::optional<std::int64_t> list_order;
  std::vector<domain::FieldError> errors;  // field: the record's field
  std::vector<MarkChange> marks;           // the attendance import's changes
};

// An agency a list names that matches no organization's names, with the
// organizations whose names are closest.
struct UnmatchedOrganization {
  std::string name;  // as the list spells it (its first spelling)
  std::vector<std::size_t> rows;
  std::vector<domain::Organization> candidates;
};

struct ImportReport {
  std::vector<ImportRow> rows;
  std::vector<std::string> unknown_columns;  // headers that were ignored
  std::size_t header_row = 1;                // the sheet's row number
  std::size_t duplicates_in_file = 0;     // rows naming a person an earlier did
  std::size_t organizations_matched = 0;  // distinct
  std::vector<UnmatchedOrganization> unmatched_organizations;
  std::vector<domain::Organization> organizations_created;
  std::size_t marks_changed = 0;

  bool HasErrors() const;
  // {"rows": [...], "summary": {...}}, the rows' errors in `lang`.
  json::object ToJson(domain::Language lang) const;
};

struct ImportOptions {
  bool dry_run = true;
  bool skip_invalid = false;          // save the good rows, list the bad
  bool create_organizations = false;  // create unmatched agencies (kind other)
};

// Reads a participant list and says what importing it would do, without
// writing (a dry run, on a read snapshot). The header row is the first of
// the first 10 that names a name column; rows above it are skipped. Each
// row: the person with the row's email (case-insensitive), else with its
// Chinese or Latin name in its organization, else a new one; registered
// (role participant unless a Role column says otherwise) unless already.
// A name in Chinese characters only fills native_name (full_name is
// generated). Organizations are matched by any of their names; one that
// matches none is listed with candidates and never created silently.
// formats::Rows naming one new person resolve to one. 404 for an unknown
// workshop, 422 for a file without a name column.
domain::StatusOr<ImportReport> CheckParticipants(storage::Database& db,
                                                 std::int64_t workshop_id,
                                                 const formats::Rows& sheet);

// The same reading, then the writes: 422-worthy (the report has errors, or
// unmatched organizations without `create_organizations`) unless
// `skip_invalid`, in which case the rows in error are left out. The caller
// commits when the report it gets back should be saved (see
// ImportShouldCommit).
domain::StatusOr<ImportReport> ImportParticipants(storage::WriteTx& tx,
                                                  const domain::Principal& by,
                                                  std::int64_t workshop_id,
                                                  const formats::Rows& sheet,
                                                  const ImportOptions& options);

// A real run read and matched on a snapshot, off the writer: either its
// answer already (`report`: refused, or nothing to write), or the writes
// left to do, for the writer (`write`). There, the workshop must still
// exist (404) and nothing that could change a row's match (people,
// registrations, workshops, organizations changed) may have changed since
// the snapshot, by the audit trail: else 409 and nothing saved. On a quiet
// database the answer is ImportParticipants's.
struct PlannedImport {
  std::optional<ImportReport> report;
  std::function<domain::StatusOr<ImportReport>(storage::WriteTx& tx)> write;
};
domain::StatusOr<PlannedImport> PlanParticipants(storage::Database& db,
                                                 const domain::Principal& by,
                                                 std::int64_t workshop_id,
                                                 const formats::Rows& sheet,
                                                 const ImportOptions& options);

// Whether a real run's report may be committed: no row in error (or
// `skip_invalid`), and every agency matched or created.
bool ImportShouldCommit(const ImportReport& report,
                        const ImportOptions& options);
// Why a real run is not saved (422): every row's errors, and the agencies
// that match no organization.
domain::Status ImportRefusal(const ImportReport& report);

// Each row names a registered person (Person ID, else email, else full
// name); each column headed by a session's date sets that session's mark,
// an empty cell leaves it. The rules of the attendance PUT hold: a changed
// mark needs a confirmed or held workshop and a session whose day has come.
// 422 for a file without a person column or with a date no session has.
// What ImportAttendance would do, read on a snapshot and written nowhere (a
// dry run, off the writer): the same report.
domain::StatusOr<ImportReport> CheckAttendance(storage::Database& db,
                                               std::int64_t workshop_id,
                                               const formats::Rows& sheet);
domain::StatusOr<ImportReport> ImportAttendance(storage::WriteTx& tx,
                                                const domain::Principal& by,
                                                std::int64_t workshop_id,
                                                const formats::Rows& sheet,
                                                const ImportOptions& options);

}  // namespace capdev::services
