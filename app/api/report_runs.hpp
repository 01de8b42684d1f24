#pragma once
// The funder and results reports run from their query parameters: by their
// routes, and by a submission (which freezes the JSON).

#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "app/api/report_params.hpp"
#include "app/http/router.hpp"
#include "domain/access.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::api {

struct ReportRun {
  std::string format;  // json, csv, html or xlsx
  std::string name;    // the download's file name, without extension
  ReportForms forms;
  std::int64_t organization_id = 0;  // the funder report's
  std::int64_t project_id = 0;       // the results report's
};

struct FunderQuery {
  std::int64_t organization_id = 0;
  bool include_children = true;
  Options o;
};
// organization_id, from, to, include_children, completion_threshold,
// format, lang (readers, for Router::Add and a submission's parameters).
domain::StatusOr<FunderQuery> ReadFunderQuery(http::Query& q);
// from, to, format, lang.
domain::StatusOr<Options> ReadResultsQuery(http::Query& q);

// A funder user runs its own organization's only (403).
domain::StatusOr<ReportRun> RunFunderReport(storage::Database& db,
                                            const domain::Principal& user,
                                            const FunderQuery& query);
// For project `project_id` (404 when there is none).
domain::StatusOr<ReportRun> RunResultsReport(storage::Database& db,
                                             std::int64_t project_id,
                                             const Options& o);

}  // namespace capdev::api
