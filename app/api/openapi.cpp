#include "app/api/routes.hpp"
#include "app/api/openapi_document.hpp"

namespace capdev::app {

void AddOpenApiRoutes(Router& router) {
  router.Add("GET", "/api/v1/openapi.json", [](Context&) {
    return Response{
        200, "application/json", std::string(OpenApiDocument()), {}};
  });
}

}  // namespace capdev::app
