// /api/v1/organizations: the institutions (agencies, trainers, funders).

#include "app/services/organizations.hpp"

#include "app/api/common.hpp"
#include "app/api/record_routes.hpp"
#include "app/api/routes.hpp"

namespace capdev::api {

void AddOrganizationRoutes(Router& router) {
  const std::string list = "/api/v1/organizations";
  AddRecordRoutes(
      router, RecordRoutes{.list = list,
                           .list_query =
                               [](Query& q) {
                                 return Listing<storage::OrganizationFilter>{
                                     {q.Enum<domain::OrganizationKind>("kind"),
                                      q.Text("q"), SortByName(q)},
                                     q.Page()};
                               },
                           .create = services::CreateOrganization,
                           .update = services::UpdateOrganization,
                           .remove = services::DeleteOrganization});

  router.Add(kPost, list + "/{id}/merge", domain::Permission::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto into_id, ReadIdBody(ctx, "into_id"));
               ASSIGN_OR_RETURN(const auto kept, Write(ctx, [&](auto& tx) {
                                  return services::MergeOrganization(
                                      tx, *ctx.user, id, into_id);
                                }));
               return JsonResponse(200, Encode(kept));
             });
}

}  // namespace capdev::api
