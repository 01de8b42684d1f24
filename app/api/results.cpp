// The results framework: /api/v1/projects/{id}/results (and its report),
// /api/v1/results/{id}, its indicators, /api/v1/indicators/{id}, their
// manual values and the evidence behind a counted actual.

#include "app/services/results.hpp"

#include "app/api/common.hpp"
#include "app/api/record_routes.hpp"
#include "app/api/report_params.hpp"
#include "app/api/report_runs.hpp"
#include "app/api/routes.hpp"
#include "app/reports/reports.hpp"
#include "storage/results_queries.hpp"

namespace capdev::api {

namespace {

json::object EvidenceJson(const storage::Evidence& e,
                          const domain::Indicator& indicator,
                          const domain::ReportOptions& o) {
  json::object section = reports::SectionJson({e.workshops, {}});
  json::array people;
  for (const auto& p : e.people) {
    people.push_back({{"person_id", p.person_id},
                      {"full_name", p.full_name},
                      {"native_name", ToJson(p.native_name)},
                      {"gender", ToJson(p.gender)},
                      {"organization", ToJson(p.organization)},
                      {"province", ToJson(p.province)},
                      {"workshops", p.workshops},
                      {"participant_days", p.participant_days},
                      {"completed", p.completed}});
  }
  return {{"indicator_id", indicator.id},
          {"measure", ToJson(indicator.measure)},
          {"period", {{"from", o.from.ToString()}, {"to", o.to.ToString()}}},
          {"workshops", std::move(section["workshops"])},
          {"people", std::move(people)}};
}

}  // namespace

void AddResultRoutes(Router& router) {
  using P = domain::Permission;
  const std::string project_results = "/api/v1/projects/{id}/results";
  const std::string indicator = "/api/v1/indicators/{id}";

  AddRecordRoutes(router,
                  RecordRoutes{.list = project_results,
                               .item = "/api/v1/results/{id}",
                               .list_query = PageOnly<storage::ResultFilter>,
                               .parent = ListedUnder<domain::Project>(
                                   &storage::ResultFilter::project_id),
                               .create = services::CreateResult,
                               .update = services::UpdateResult,
                               .remove = services::DeleteResult});

  AddRecordRoutes(router,
                  RecordRoutes{.list = "/api/v1/results/{id}/indicators",
                               .item = indicator,
                               .list_query = PageOnly<storage::IndicatorFilter>,
                               .parent = ListedUnder<domain::Result>(
                                   &storage::IndicatorFilter::result_id),
                               .create = services::CreateIndicator,
                               .update = services::UpdateIndicator,
                               .remove = services::DeleteIndicator});

  AddSetRoutes<domain::Indicator, domain::IndicatorValue>(
      router, indicator + "/values", storage::IndicatorValues,
      services::ReplaceIndicatorValues);

  router
      .Add(kGet, project_results + "/report", P::kReadRecords, ReadResultsQuery,
           [](Context& ctx, const Options& o) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(const auto run, RunResultsReport(ctx.db, id, o));
             return Render(run.format, run.name, run.forms,
                           o.language.value_or(ctx.language));
           })
      .LongRunning();

  router
      .Add(
          kGet, indicator + "/evidence", P::kReadEvidence,
          [](Query& q) {
            return ReadOptions(
                q, {.period = true, .threshold = false, .format = false});
          },
          [](Context& ctx, const Options& o) -> domain::StatusOr<Response> {
            ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
            ASSIGN_OR_RETURN(const auto found,
                             services::Load<domain::Indicator>(ctx.db, id));
            if (found.source != domain::IndicatorSource::kAttendance) {
              return domain::Status::FailedPrecondition(domain::Message(
                  "error.indicator_by_hand", {{"id", std::to_string(id)}}));
            }
            ASSIGN_OR_RETURN(const auto owner, services::Load<domain::Result>(
                                                   ctx.db, found.result_id));
            ASSIGN_OR_RETURN(const auto evidence,
                             storage::EvidenceFor(ctx.db, owner.project_id,
                                                  found, o.options));
            return JsonResponse(200, EvidenceJson(evidence, found, o.options));
          })
      .LongRunning();
}

}  // namespace capdev::api
