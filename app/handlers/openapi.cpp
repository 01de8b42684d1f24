#include "app/handlers/routes.hpp"
#include "app/openapi_document.hpp"

namespace capdev::app {

void AddOpenApiRoutes(Router& router) {
  router.Add("GET", "/api/v1/openapi.json", [](Context&) {
    return Response{
        200, "application/json", std::string(OpenApiDocument()), {}};
  });
}

}  // namespace capdev::app
