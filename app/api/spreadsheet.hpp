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

namespace capdev::api {

inline constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// An import into the workshop `{id}`: reads the body as a spreadsheet (text/
// csv, UTF-8 or GB18030, or XLSX, its first sheet; without a Content-Type the
// bytes tell which: 400 for another type or an unreadable file, 413 beyond
// the row and size limits) and answers 200 with the report for a dry run
// (`dry_run`, the default) or a real run ImportShouldCommit allows
// (committed), or 422 problem+json carrying every row when it does not
// (nothing committed), with the options its route read (ReadImportOptions).
struct Importer {
  // A dry run that only reads (the route runs it on a read snapshot); when
  // empty, a dry run is `write` rolled back.
  std::function<domain::StatusOr<services::ImportReport>(
      storage::Database& db, std::int64_t workshop_id,
      const formats::Rows& rows)>
      check;
  std::function<domain::StatusOr<services::ImportReport>(
      storage::WriteTx& tx, std::int64_t workshop_id, const formats::Rows& rows,
      const services::ImportOptions& options)>
      write;
  // A real run read and matched on the snapshot the route runs on (off the
  // writer: PlansOffWriter), leaving only its writes to the writer; when
  // empty, a real run is `write`.
  std::function<domain::StatusOr<services::PlannedImport>(
      storage::Database& db, std::int64_t workshop_id,
      const formats::Rows& rows, const services::ImportOptions& options)>
      plan;
};
domain::StatusOr<http::Response> RunImport(
    http::Context& ctx, const services::ImportOptions& options,
    const Importer& import);

// An import's query: `dry_run` (default true), `skip_invalid` (default
// false) and, where unmatched agencies may be created,
// `create_organizations` (default false).
template <bool kCreateOrganizations>
domain::StatusOr<services::ImportOptions> ReadImportOptions(http::Query& q) {
  services::ImportOptions options;
  options.dry_run = q.Bool("dry_run").value_or(true);
  options.skip_invalid = q.Bool("skip_invalid").value_or(false);
  if (kCreateOrganizations)
    options.create_organizations =
        q.Bool("create_organizations").value_or(false);
  RETURN_IF_ERROR(q.Check());
  return options;
}

}  // namespace capdev::api
