// The results framework: /api/v1/projects/{id}/results (and its report),
// /api/v1/results/{id}, its indicators, /api/v1/indicators/{id}, their
// manual values and the evidence behind a counted actual.

#include "app/services/results.hpp"

#include "app/api/common.hpp"
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
  const std::string result = "/api/v1/results/{id}";
  const std::string result_indicators = result + "/indicators";
  const std::string indicator = "/api/v1/indicators/{id}";

  router.Add(
      kGet, project_results, P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        const auto page = ctx.query.Page();
        RETURN_IF_ERROR(ctx.query.Check());
        RETURN_IF_ERROR(services::Load<domain::Project>(ctx.db, id));
        return PageResponse(
            storage::List(ctx.db, storage::ResultFilter{id}, page));
      },
      kPaging);

  router.Add(kPost, project_results, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Result>(ctx));
               ASSIGN_OR_RETURN(const auto created, Write(ctx, [&](auto& tx) {
                                  return services::CreateResult(tx, *ctx.user,
                                                                id, draft);
                                }));
               return Created(ctx, Encode(created), "/api/v1/results");
             });

  router.Add(kGet, result, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto found,
                                services::Load<domain::Result>(ctx.db, id));
               return JsonResponse(200, Encode(found));
             });

  router.Add(kPatch, result, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Result>(ctx));
               ASSIGN_OR_RETURN(const auto updated, Write(ctx, [&](auto& tx) {
                                  return services::UpdateResult(tx, *ctx.user,
                                                                id, draft);
                                }));
               return JsonResponse(200, Encode(updated));
             });

  router.Add(kDelete, result, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return services::DeleteResult(tx, *ctx.user, id);
               }));
               return NoContent();
             });

  router.Add(
      kGet, result_indicators, P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        const auto page = ctx.query.Page();
        RETURN_IF_ERROR(ctx.query.Check());
        RETURN_IF_ERROR(services::Load<domain::Result>(ctx.db, id));
        return PageResponse(storage::List(
            ctx.db, storage::IndicatorFilter{.result_id = id}, page));
      },
      kPaging);

  router.Add(kPost, result_indicators, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Indicator>(ctx));
               ASSIGN_OR_RETURN(const auto created, Write(ctx, [&](auto& tx) {
                                  return services::CreateIndicator(
                                      tx, *ctx.user, id, draft);
                                }));
               return Created(ctx, Encode(created), "/api/v1/indicators");
             });

  router.Add(kGet, indicator, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto found,
                                services::Load<domain::Indicator>(ctx.db, id));
               return JsonResponse(200, Encode(found));
             });

  router.Add(kPatch, indicator, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Indicator>(ctx));
               ASSIGN_OR_RETURN(const auto updated, Write(ctx, [&](auto& tx) {
                                  return services::UpdateIndicator(
                                      tx, *ctx.user, id, draft);
                                }));
               return JsonResponse(200, Encode(updated));
             });

  router.Add(kDelete, indicator, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return services::DeleteIndicator(tx, *ctx.user, id);
               }));
               return NoContent();
             });

  router.Add(kGet, indicator + "/values", P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(services::Load<domain::Indicator>(ctx.db, id));
               ASSIGN_OR_RETURN(const auto stored,
                                storage::IndicatorValues(ctx.db, id));
               return JsonResponse(200, EncodeAll(stored));
             });

  router.Add(kPut, indicator + "/values", P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto body,
                                ReadList<domain::IndicatorValue>(ctx));
               ASSIGN_OR_RETURN(const auto stored, Write(ctx, [&](auto& tx) {
                                  return services::ReplaceIndicatorValues(
                                      tx, *ctx.user, id, body.first,
                                      body.second);
                                }));
               return JsonResponse(200, EncodeAll(stored));
             });

  router
      .Add(kGet, project_results + "/report", P::kReadRecords,
           [](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(const auto run,
                              RunResultsReport(ctx.db, id, ctx.query));
             return Render(run.format, run.name, run.forms);
           },
           {"from", "to", "format"})
      .LongRunning();

  router
      .Add(kGet, indicator + "/evidence", P::kReadEvidence,
           [](Context& ctx) -> domain::StatusOr<Response> {
             ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
             ASSIGN_OR_RETURN(const auto o, ReadOptions(ctx.query, true));
             ASSIGN_OR_RETURN(const auto found,
                              services::Load<domain::Indicator>(ctx.db, id));
             if (found.source != domain::IndicatorSource::kAttendance) {
               return domain::Status::FailedPrecondition(
                   "indicator " + std::to_string(id) +
                   " is entered by hand: no workshops or people stand behind "
                   "it");
             }
             ASSIGN_OR_RETURN(const auto owner, services::Load<domain::Result>(
                                                    ctx.db, found.result_id));
             ASSIGN_OR_RETURN(const auto evidence,
                              storage::EvidenceFor(ctx.db, owner.project_id,
                                                   found, o.options));
             return JsonResponse(200, EvidenceJson(evidence, found, o.options));
           },
           {"from", "to"})
      .LongRunning();
}

}  // namespace capdev::api
