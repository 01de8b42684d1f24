#pragma once
// Reading an imported spreadsheet's rows (the participant list and the
// sign-in grid share it): cell texts, blank rows, the header row.

#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/formats/sheet.hpp"
#include "domain/import_columns.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::services {

// A cell's text, trimmed; the apostrophe capdev's CSV puts before a leading
// =, +, - or @ (so spreadsheets do not run it) is taken off again. "" past
// the row's end.
std::string ImportCellText(const std::vector<formats::SheetCell>& row,
                           std::size_t column);

bool IsBlankRow(const std::vector<formats::SheetCell>& row);

// The header row: the columns capdev knows (the first of each), and the
// others with their header text.
struct ImportHeader {
  std::map<domain::ImportColumn, std::size_t> known;
  std::vector<std::pair<std::size_t, std::string>> others;

  std::string Get(const std::vector<formats::SheetCell>& row,
                  domain::ImportColumn column) const;
};

ImportHeader ReadImportHeader(const std::vector<formats::SheetCell>& row);

// The header row: the first of the sheet's first 10 rows whose header names
// one of `needed` (lists often carry a title and a date above it); nullopt
// when none does.
std::optional<std::size_t> FindHeaderRow(
    const formats::Rows& sheet,
    std::initializer_list<domain::ImportColumn> needed);

// The rows above the header that hold something (a title), as skipped rows.
template <class Row>
void SkipAboveHeader(const formats::Rows& sheet, std::size_t header,
                     std::vector<Row>& rows) {
  for (std::size_t i = 0; i < header; ++i) {
    if (IsBlankRow(sheet[i])) continue;
    Row row;
    row.row = i + 1;
    row.action = domain::ImportAction::kSkipped;
    rows.push_back(std::move(row));
  }
}

// 422: none of the first rows names the column an import needs to know
// who a row is: `which` is the import, "attendance" or "participants" (the
// messages list the headers each accepts).
domain::Status MissingColumn(std::string_view which);

// A workshop's registered person as a row may name them.
struct RowCandidate {
  std::int64_t person_id = 0;
  std::string full_name;
  std::optional<std::string> native_name;
};
// Who a row of a workshop's grid names (the sign-in grid, the answers):
// its Person ID, else its e-mail, else its full name among `people` (the
// Latin or the Chinese one, compared folded). What keeps it from naming one
// goes into `errors`.
domain::StatusOr<std::optional<std::int64_t>> RowPerson(
    storage::Database& db, const ImportHeader& header,
    const std::vector<formats::SheetCell>& cells,
    const std::vector<RowCandidate>& people,
    std::vector<domain::FieldError>& errors);

}  // namespace capdev::services
