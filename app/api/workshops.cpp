// /api/v1/workshops and their partner institutions
// (/api/v1/workshops/{id}/organizations).

#include "app/services/workshops.hpp"

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "storage/parties.hpp"

namespace capdev::api {

namespace {

domain::StatusOr<storage::WorkshopFilter> ReadFilter(Query& q) {
  storage::WorkshopFilter f{.project_id = q.Id("project_id"),
                            .status = q.Enum<domain::WorkshopStatus>("status"),
                            .kind = q.Enum<domain::WorkshopKind>("kind"),
                            .city = q.Text("city"),
                            .q = q.Text("q"),
                            .organization_id = q.Id("organization_id"),
                            .from = q.Date("from"),
                            .to = q.Date("to")};
  RETURN_IF_ERROR(q.Check());
  if (f.from && f.to && *f.to < *f.from) {
    return domain::Status::Malformed("'to' must not be before 'from'",
                                     {{"to", "must not be before from"}});
  }
  return f;
}

}  // namespace

void AddWorkshopRoutes(Router& router) {
  using P = domain::Permission;
  const std::string list = "/api/v1/workshops";
  const std::string item = list + "/{id}";
  const std::string parties = item + "/organizations";

  router.Add(
      kGet, list, P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        const auto page = ctx.query.Page();
        ASSIGN_OR_RETURN(const auto filter, ReadFilter(ctx.query));
        return PageResponse(storage::List(ctx.db, filter, page));
      },
      Params(kPaging, {"project_id", "status", "kind", "city", "q",
                       "organization_id", "from", "to"}));

  router.Add(kPost, list, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const bool strict, Strict(ctx));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Workshop>(ctx));
               ASSIGN_OR_RETURN(const auto written, Write(ctx, [&](auto& tx) {
                                  return services::CreateWorkshop(
                                      tx, *ctx.user, draft, strict);
                                }));
               return Created(ctx, WrittenJson(written));
             },
             {"strict"});

  router.Add(kGet, item, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto workshop,
                                services::Load<domain::Workshop>(ctx.db, id));
               return JsonResponse(200, Encode(workshop));
             });

  router.Add(kPatch, item, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const bool strict, Strict(ctx));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Workshop>(ctx));
               ASSIGN_OR_RETURN(const auto written, Write(ctx, [&](auto& tx) {
                                  return services::UpdateWorkshop(
                                      tx, *ctx.user, id, draft, strict);
                                }));
               return JsonResponse(200, WrittenJson(written));
             },
             {"strict"});

  router.Add(kDelete, item, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return services::DeleteWorkshop(tx, *ctx.user, id);
               }));
               return NoContent();
             });

  router.Add(kGet, parties, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
               ASSIGN_OR_RETURN(const auto stored,
                                storage::WorkshopParties(ctx.db, id));
               return JsonResponse(200, EncodeAll(stored));
             });

  router.Add(
      kPut, parties, P::kWriteRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto body, ReadList<domain::WorkshopParty>(ctx));
        ASSIGN_OR_RETURN(const auto stored, Write(ctx, [&](auto& tx) {
                           return services::ReplaceWorkshopParties(
                               tx, *ctx.user, id, body.first, body.second);
                         }));
        return JsonResponse(200, EncodeAll(stored));
      });
}

}  // namespace capdev::api
