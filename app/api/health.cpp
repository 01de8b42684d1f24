#include "app/api/routes.hpp"
#include "app/http/json_codec.hpp"
#include "storage/migrations.hpp"

namespace capdev::app {

void AddHealthRoutes(Router& router) {
  router.Add("GET", "/healthz", [](Context& ctx) {
    // Healthy once this worker's connection answers with the current schema.
    if (storage::SchemaVersion(ctx.db) != storage::LatestSchemaVersion()) {
      return JsonResponse(503, json::object{{"status", "migrating"}});
    }
    return JsonResponse(200, json::object{{"status", "ok"}});
  });
}

}  // namespace capdev::app
