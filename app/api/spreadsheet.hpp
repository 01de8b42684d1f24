#pragma once
// What the import routes share: the body read as a spreadsheet (by its
// Content-Type), the dry-run parameter, and the answer that commits a real
// run only when no row failed.

#include <cstdint>
#include <functional>

#include "app/formats/sheet.hpp"
#include "app/http/router.hpp"
#include "app/services/imports.hpp"
#include "storage/transaction.hpp"

namespace capdev::app {

inline constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// An import into the workshop `{id}`: reads the body as a spreadsheet (text/
// csv, UTF-8 or GB18030, or XLSX, its first sheet; without a Content-Type the
// bytes tell which: 400 for another type or an unreadable file, 413 beyond
// the row and size limits), runs `import` in a write transaction, and
// answers 200 with the report for a dry run (`dry_run`, the default, rolled
// back) or a clean real run (committed), or 422 problem+json carrying every
// row when a real run has errors (nothing committed).
using Importer = std::function<domain::StatusOr<ImportReport>(
    storage::WriteTx& tx, std::int64_t workshop_id, const Rows& rows,
    bool dry_run)>;
domain::StatusOr<Response> RunImport(Context& ctx, const Importer& import);

}  // namespace capdev::app
