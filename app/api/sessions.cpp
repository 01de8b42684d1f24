// /api/v1/workshops/{id}/sessions: the days attendance is taken on.

#include "app/services/sessions.hpp"

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "domain/workshop.hpp"

namespace capdev::api {

void AddSessionRoutes(Router& router) {
  using P = domain::Permission;
  const std::string list = "/api/v1/workshops/{id}/sessions";
  const std::string item = list + "/{session_id}";

  router.Add(
      kGet, list, P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        const auto page = ctx.query.Page();
        RETURN_IF_ERROR(ctx.query.Check());
        RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
        return PageResponse(
            storage::List(ctx.db, storage::SessionFilter{id}, page));
      },
      kPaging);

  router.Add(kPost, list, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const bool strict, Strict(ctx));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Session>(ctx));
               ASSIGN_OR_RETURN(const auto written, Write(ctx, [&](auto& tx) {
                                  return services::CreateSession(
                                      tx, *ctx.user, id, draft, strict);
                                }));
               return Created(ctx, WrittenJson(written));
             },
             {"strict"});

  router.Add(kGet, item, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
               ASSIGN_OR_RETURN(const auto session,
                                services::LoadSession(ctx.db, id, session_id));
               return JsonResponse(200, Encode(session));
             });

  router.Add(
      kPatch, item, P::kWriteRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
        ASSIGN_OR_RETURN(const bool strict, Strict(ctx));
        ASSIGN_OR_RETURN(const auto draft, ReadDraft<domain::Session>(ctx));
        ASSIGN_OR_RETURN(const auto written, Write(ctx, [&](auto& tx) {
                           return services::UpdateSession(
                               tx, *ctx.user, id, session_id, draft, strict);
                         }));
        return JsonResponse(200, WrittenJson(written));
      },
      {"strict"});

  router.Add(kDelete, item, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto session_id, ctx.Id("session_id"));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return services::DeleteSession(tx, *ctx.user, id, session_id);
               }));
               return NoContent();
             });
}

}  // namespace capdev::api
