#include "app/handlers/routes.hpp"

namespace capdev::app {

Router MakeRouter() {
  Router router;
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
