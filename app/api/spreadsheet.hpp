#pragma once
// What the import routes share: the body read as a spreadsheet (by its
// Content-Type), the dry-run parameter, and the answer that commits a real
// run only when no row failed.

#include "app/formats/sheet.hpp"
#include "app/http/router.hpp"
#include "app/services/imports.hpp"
#include "storage/transaction.hpp"

namespace capdev::app {

inline constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// text/csv (UTF-8 or GB18030) or XLSX (its first sheet); without a
// Content-Type (or as octet-stream) the bytes tell which. 400 for another
// type or an unreadable file, 413 beyond the row and size limits.
domain::StatusOr<Rows> ReadSpreadsheet(const Request& request);

// 200 with the report for a dry run or a clean real run (committing `tx`
// then); 422 problem+json carrying every row when a real run has errors
// (nothing committed).
Response ImportAnswer(storage::WriteTx& tx, const ImportReport& report,
                      bool dry_run);

}  // namespace capdev::app
