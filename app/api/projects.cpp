// /api/v1/projects and their parties (/api/v1/projects/{id}/organizations).

#include "app/services/projects.hpp"

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "storage/parties.hpp"

namespace capdev::api {

void AddProjectRoutes(Router& router) {
  using P = domain::Permission;
  const std::string list = "/api/v1/projects";
  const std::string item = list + "/{id}";
  const std::string parties = item + "/organizations";

  router.Add(
      kGet, list, P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        auto& q = ctx.query;
        const storage::ProjectFilter filter{q.Text("q")};
        const auto page = q.Page();
        RETURN_IF_ERROR(q.Check());
        return PageResponse(storage::List(ctx.db, filter, page));
      },
      Params(kPaging, {"q"}));

  router.Add(
      kPost, list, P::kWriteRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto draft, ReadDraft<domain::Project>(ctx));
        ASSIGN_OR_RETURN(const auto project, Write(ctx, [&](auto& tx) {
                           return services::CreateProject(tx, *ctx.user, draft);
                         }));
        return Created(ctx, Encode(project));
      });

  router.Add(kGet, item, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto project,
                                services::Load<domain::Project>(ctx.db, id));
               return JsonResponse(200, Encode(project));
             });

  router.Add(kPatch, item, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Project>(ctx));
               ASSIGN_OR_RETURN(const auto project, Write(ctx, [&](auto& tx) {
                                  return services::UpdateProject(tx, *ctx.user,
                                                                 id, draft);
                                }));
               return JsonResponse(200, Encode(project));
             });

  router.Add(kDelete, item, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return services::DeleteProject(tx, *ctx.user, id);
               }));
               return NoContent();
             });

  router.Add(kGet, parties, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               RETURN_IF_ERROR(services::Load<domain::Project>(ctx.db, id));
               ASSIGN_OR_RETURN(const auto stored,
                                storage::ProjectParties(ctx.db, id));
               return JsonResponse(200, EncodeAll(stored));
             });

  router.Add(
      kPut, parties, P::kWriteRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto body, ReadList<domain::ProjectParty>(ctx));
        ASSIGN_OR_RETURN(const auto stored, Write(ctx, [&](auto& tx) {
                           return services::ReplaceProjectParties(
                               tx, *ctx.user, id, body.first, body.second);
                         }));
        return JsonResponse(200, EncodeAll(stored));
      });
}

}  // namespace capdev::api
