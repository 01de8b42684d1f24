#include "app/api/report_runs.hpp"

#include <memory>
#include <utility>

#include "app/api/common.hpp"
#include "app/api/report_params.hpp"
#include "app/reports/reports.hpp"
#include "storage/records.hpp"
#include "storage/report_queries.hpp"
#include "storage/results_queries.hpp"

namespace capdev::api {

domain::StatusOr<FunderQuery> ReadFunderQuery(Query& q) {
  FunderQuery query;
  query.organization_id =
      q.Required(q.Id("organization_id"), "organization_id");
  query.include_children = q.Bool("include_children").value_or(true);
  ASSIGN_OR_RETURN(query.o, ReadOptions(q, {.period = true}));
  return query;
}

domain::StatusOr<Options> ReadResultsQuery(Query& q) {
  return ReadOptions(q, {.period = true, .threshold = false});
}

domain::StatusOr<ReportRun> RunFunderReport(storage::Database& db,
                                            const domain::Principal& user,
                                            const FunderQuery& query) {
  const auto id = query.organization_id;
  const bool children = query.include_children;
  const auto& o = query.o;
  RETURN_IF_ERROR(domain::SeesOrganization(user, id));
  ASSIGN_OR_RETURN(auto found,
                   storage::FunderReportFor(db, id, children, o.options));
  if (!found) return storage::NotFound<domain::Organization>(id);
  auto report = std::make_shared<const domain::FunderReport>(std::move(*found));
  return ReportRun{o.format,
                   "funder-" + std::to_string(id) + "-" +
                       o.options.from.ToString() + "-" +
                       o.options.to.ToString(),
                   {[report] { return reports::FunderJson(*report); },
                    [report](domain::Language language) {
                      return reports::FunderDocument(*report, language);
                    }},
                   id,
                   0};
}

domain::StatusOr<ReportRun> RunResultsReport(storage::Database& db,
                                             std::int64_t project_id,
                                             const Options& o) {
  ASSIGN_OR_RETURN(const auto project,
                   services::Load<domain::Project>(db, project_id));
  ASSIGN_OR_RETURN(auto results,
                   storage::ResultsReportFor(db, project, o.options));
  auto report =
      std::make_shared<const domain::ResultsReport>(std::move(results));
  return ReportRun{o.format,
                   "results-" + project.code + "-" + o.options.from.ToString() +
                       "-" + o.options.to.ToString(),
                   {[report] { return reports::ResultsJson(*report); },
                    [report](domain::Language language) {
                      return reports::ResultsDocument(*report, language);
                    }},
                   0,
                   project_id};
}

}  // namespace capdev::api
