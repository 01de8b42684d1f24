#include "app/api/routes.hpp"

#include "app/services/auth_service.hpp"

namespace capdev::app {

Router MakeRouter(
    const std::shared_ptr<AuthService>& auth,
    const std::shared_ptr<storage::WalCheckpointer>& checkpointer) {
  Router router;
  router.SetAuthenticator([auth](const Request& request,
                                 const std::optional<std::string>& feed_token,
                                 storage::Database& db) {
    return auth->Authenticate(request, feed_token, db);
  });
  AddAuthRoutes(router, auth);
  AddUserRoutes(router);
  AddAuditRoutes(router);
  AddHealthRoutes(router);
  AddOrganizationRoutes(router);
  AddProjectRoutes(router);
  AddWorkshopRoutes(router);
  AddSessionRoutes(router);
  AddPersonRoutes(router, checkpointer);
  AddRegistrationRoutes(router);
  AddAttendanceRoutes(router);
  AddReportRoutes(router);
  AddResultRoutes(router);
  AddIatiRoutes(router);
  AddSubmissionRoutes(router);
  AddScheduleRoutes(router);
  return router;
}

}  // namespace capdev::app
