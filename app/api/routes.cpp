#include "app/api/routes.hpp"

#include "app/services/auth_service.hpp"

namespace capdev::app {

Router MakeRouter(std::shared_ptr<AuthService> auth) {
  Router router;
  router.SetAuthenticator([auth](const Request& request, std::string_view route,
                                 const std::optional<std::string>& access_token,
                                 storage::Database& db) {
    return auth->Authenticate(request, route, access_token, db);
  });
  AddAccessRoutes(router, auth);
  AddHealthRoutes(router);
  AddOpenApiRoutes(router);
  AddOrganizationRoutes(router);
  AddProjectRoutes(router);
  AddWorkshopRoutes(router);
  AddSessionRoutes(router);
  AddPersonRoutes(router);
  AddRegistrationRoutes(router);
  AddAttendanceRoutes(router);
  AddReportRoutes(router);
  AddScheduleRoutes(router);
  return router;
}

}  // namespace capdev::app
