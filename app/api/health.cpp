// /healthz and the OpenAPI document: the routes anyone may call.

#include "app/api/common.hpp"
#include "app/api/openapi_document.hpp"
#include "app/api/routes.hpp"
#include "storage/migrations.hpp"

namespace capdev::api {

void AddHealthRoutes(Router& router) {
  router.Add(
      kGet, "/healthz", domain::Permission::kPublic,
      [](Context& ctx) -> domain::StatusOr<Response> {
        // Healthy once this worker's connection answers with the
        // current schema.
        ASSIGN_OR_RETURN(const int version, storage::SchemaVersion(ctx.db));
        if (version != storage::LatestSchemaVersion()) {
          return JsonResponse(503, json::object{{"status", "migrating"}});
        }
        return JsonResponse(200, json::object{{"status", "ok"}});
      });

  router.Add(kGet, "/api/v1/openapi.json", domain::Permission::kPublic,
             [](Context&) -> domain::StatusOr<Response> {
               return Response{
                   200, "application/json", std::string(OpenApiDocument()), {}};
             });
}

}  // namespace capdev::api
