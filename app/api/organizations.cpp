// /api/v1/organizations: the institutions (agencies, trainers, funders).

#include "app/services/organizations.hpp"

#include "app/api/common.hpp"
#include "app/api/routes.hpp"

namespace capdev::api {

void AddOrganizationRoutes(Router& router) {
  using P = domain::Permission;
  const std::string list = "/api/v1/organizations";
  const std::string item = list + "/{id}";

  router.Add(
      kGet, list, P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        auto& q = ctx.query;
        const storage::OrganizationFilter filter{
            q.Enum<domain::OrganizationKind>("kind"), q.Text("q")};
        const auto page = q.Page();
        RETURN_IF_ERROR(q.Check());
        return PageResponse(storage::List(ctx.db, filter, page));
      },
      Params(kPaging, {"kind", "q"}));

  router.Add(kPost, list, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Organization>(ctx));
               ASSIGN_OR_RETURN(const auto org, Write(ctx, [&](auto& tx) {
                                  return services::CreateOrganization(
                                      tx, *ctx.user, draft);
                                }));
               return Created(ctx, Encode(org));
             });

  router.Add(kGet, item, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(
                   const auto org,
                   services::Load<domain::Organization>(ctx.db, id));
               return JsonResponse(200, Encode(org));
             });

  router.Add(kPatch, item, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Organization>(ctx));
               ASSIGN_OR_RETURN(const auto org, Write(ctx, [&](auto& tx) {
                                  return services::UpdateOrganization(
                                      tx, *ctx.user, id, draft);
                                }));
               return JsonResponse(200, Encode(org));
             });

  router.Add(kPost, item + "/merge", P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto into_id, ReadIdBody(ctx, "into_id"));
               ASSIGN_OR_RETURN(const auto kept, Write(ctx, [&](auto& tx) {
                                  return services::MergeOrganization(
                                      tx, *ctx.user, id, into_id);
                                }));
               return JsonResponse(200, Encode(kept));
             });

  router.Add(kDelete, item, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return services::DeleteOrganization(tx, *ctx.user, id);
               }));
               return NoContent();
             });
}

}  // namespace capdev::api
