// /api/v1/workshops/{id}/registrations: who takes part, in which role.

#include "app/services/registrations.hpp"

#include "app/api/common.hpp"
#include "app/api/record_routes.hpp"
#include "app/api/routes.hpp"
#include "app/api/spreadsheet.hpp"
#include "domain/workshop.hpp"

namespace capdev::api {

void AddRegistrationRoutes(Router& router) {
  const std::string list = "/api/v1/workshops/{id}/registrations";
  AddRecordRoutes(
      router,
      RecordRoutes{
          .list = list,
          .item = list + "/{registration_id}",
          .list_query =
              [](Query& q) {
                return Listing<storage::RegistrationFilter>{
                    {.role = q.Enum<domain::RegistrationRole>("role"),
                     .status = q.Enum<domain::RegistrationStatus>("status"),
                     .person_id = q.Id("person_id")},
                    q.Page()};
              },
          .parent = ListedUnder<domain::Workshop>(
              &storage::RegistrationFilter::workshop_id),
          .load = services::LoadRegistration,
          .create = services::CreateRegistration,
          .update = services::UpdateRegistration,
          .remove = services::DeleteRegistration});

  // A participant list from CSV or XLSX: a dry run by default (a read, off
  // the writer); a real run saves every row or none, unless skip_invalid,
  // and is read and matched off the writer too, which then only writes.
  router
      .Add(kPost, list + "/import", domain::Permission::kWriteRecords,
           ReadImportOptions<true>,
           [](Context& ctx, const services::ImportOptions& options) {
             return RunImport(ctx, options,
                              {.check = services::CheckParticipants,
                               .write =
                                   [&](storage::WriteTx& tx, std::int64_t id,
                                       const formats::Rows& rows,
                                       const services::ImportOptions& o) {
                                     return services::ImportParticipants(
                                         tx, *ctx.user, id, rows, o);
                                   },
                               .plan =
                                   [&](storage::Database& db, std::int64_t id,
                                       const formats::Rows& rows,
                                       const services::ImportOptions& o) {
                                     return services::PlanParticipants(
                                         db, *ctx.user, id, rows, o);
                                   }});
           })
      .PlansOffWriter();
}

}  // namespace capdev::api
