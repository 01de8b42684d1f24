// /api/v1/workshops/{id}/registrations: who takes part, in which role.

#include "app/services/registrations.hpp"

#include "app/api/common.hpp"
#include "app/api/routes.hpp"
#include "app/api/spreadsheet.hpp"
#include "domain/workshop.hpp"

namespace capdev::api {

void AddRegistrationRoutes(Router& router) {
  using P = domain::Permission;
  const std::string list = "/api/v1/workshops/{id}/registrations";
  const std::string item = list + "/{registration_id}";

  router.Add(
      kGet, list, P::kReadRecords,
      [](Context& ctx) -> domain::StatusOr<Response> {
        ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
        auto& q = ctx.query;
        const storage::RegistrationFilter filter{
            id, q.Enum<domain::RegistrationRole>("role"),
            q.Enum<domain::RegistrationStatus>("status"), q.Id("person_id")};
        const auto page = q.Page();
        RETURN_IF_ERROR(q.Check());
        RETURN_IF_ERROR(services::Load<domain::Workshop>(ctx.db, id));
        return PageResponse(storage::List(ctx.db, filter, page));
      },
      Params(kPaging, {"role", "status", "person_id"}));

  router.Add(kPost, list, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const bool strict, Strict(ctx));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Registration>(ctx));
               ASSIGN_OR_RETURN(const auto written, Write(ctx, [&](auto& tx) {
                                  return services::CreateRegistration(
                                      tx, *ctx.user, id, draft, strict);
                                }));
               return Created(ctx, WrittenJson(written));
             },
             {"strict"});

  // A participant list from CSV or XLSX: a dry run by default (a read, off
  // the writer); a real run saves every row or none, unless skip_invalid.
  router
      .Add(kPost, list + "/import", P::kWriteRecords,
           [](Context& ctx) {
             return RunImport(
                 ctx, {.check = services::CheckParticipants,
                       .write = [&](storage::WriteTx& tx, std::int64_t id,
                                    const formats::Rows& rows,
                                    const services::ImportOptions& options) {
                         return services::ImportParticipants(tx, *ctx.user, id,
                                                             rows, options);
                       }});
           },
           {"dry_run", "skip_invalid", "create_organizations"})
      .DryRunReads();

  router.Add(kGet, item, P::kReadRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto registration_id,
                                ctx.Id("registration_id"));
               ASSIGN_OR_RETURN(
                   const auto registration,
                   services::LoadRegistration(ctx.db, id, registration_id));
               return JsonResponse(200, Encode(registration));
             });

  router.Add(kPatch, item, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto registration_id,
                                ctx.Id("registration_id"));
               ASSIGN_OR_RETURN(const bool strict, Strict(ctx));
               ASSIGN_OR_RETURN(const auto draft,
                                ReadDraft<domain::Registration>(ctx));
               ASSIGN_OR_RETURN(const auto written, Write(ctx, [&](auto& tx) {
                                  return services::UpdateRegistration(
                                      tx, *ctx.user, id, registration_id, draft,
                                      strict);
                                }));
               return JsonResponse(200, WrittenJson(written));
             },
             {"strict"});

  router.Add(kDelete, item, P::kWriteRecords,
             [](Context& ctx) -> domain::StatusOr<Response> {
               ASSIGN_OR_RETURN(const auto id, ctx.Id("id"));
               ASSIGN_OR_RETURN(const auto registration_id,
                                ctx.Id("registration_id"));
               RETURN_IF_ERROR(Write(ctx, [&](auto& tx) {
                 return services::DeleteRegistration(tx, *ctx.user, id,
                                                     registration_id);
               }));
               return NoContent();
             });
}

}  // namespace capdev::api
