#pragma once
// Importing spreadsheets into a workshop: a participant list (people found or
// created, and registered) and a filled-in sign-in grid (marks set). Each
// import runs every row in the caller's write transaction and reports what
// each row did; the caller commits only a real run without errors, so a dry
// run and a refused run write nothing.

#include <optional>
#include <string>
#include <vector>

#include "app/formats/sheet.hpp"
#include "app/services/records.hpp"
#include "domain/enums.hpp"

namespace capdev::app {

struct ImportRow {
  std::size_t row = 0;  // the spreadsheet's row number (the header is row 1)
  domain::ImportAction action = domain::ImportAction::kError;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> registration_id;
  std::vector<domain::FieldError> errors;  // field: the column's header
};

struct ImportReport {
  std::vector<ImportRow> rows;
  std::vector<std::string> unknown_columns;  // headers that were ignored
  std::size_t organizations_created = 0;
  std::size_t marks_changed = 0;

  bool HasErrors() const;
  json::object ToJson() const;  // {"rows": [...], "summary": {...}}
};

// Each row: the person with the row's email (case-insensitive), else with its
// full name in its organization, else a new one (the organization found by
// name or created, kind `other`); then registered (role participant unless a
// Role column says otherwise) unless already registered. Rows that name one
// new person resolve to one. With `dry_run`, ids of records the run created
// are left out (they are not kept). 404 for an unknown workshop, 422 for a
// file without a name column.
domain::StatusOr<ImportReport> ImportParticipants(storage::WriteTx& tx,
                                                  const domain::Principal& by,
                                                  std::int64_t workshop_id,
                                                  const Rows& sheet,
                                                  bool dry_run);

// Each row names a registered person (Person ID, else email, else full
// name); each column headed by a session's date sets that session's mark,
// an empty cell leaves it. The rules of the attendance PUT hold: a changed
// mark needs a confirmed or held workshop and a session whose day has come.
// 422 for a file without a person column or with a date no session has.
domain::StatusOr<ImportReport> ImportAttendance(storage::WriteTx& tx,
                                                const domain::Principal& by,
                                                std::int64_t workshop_id,
                                                const Rows& sheet);

}  // namespace capdev::app
