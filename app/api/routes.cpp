#include "app/api/routes.hpp"

#include <chrono>

#include "app/api/session_cookie.hpp"

namespace capdev::api {

std::int64_t UnixNow(const std::function<std::int64_t()>& clock) {
  if (clock) return clock();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

http::Router MakeRouter(
    const std::shared_ptr<services::AuthService>& auth,
    const std::shared_ptr<storage::WalCheckpointer>& checkpointer,
    const ApiOptions& options) {
  http::Router router;
  router.SetAuthenticator([auth](const http::Request& request,
                                 const std::optional<std::string>& feed_token,
                                 storage::Database& db) {
    return auth->Authenticate(CredentialsOf(request, feed_token), db);
  });
  AddAuthRoutes(router, auth, options);
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
  AddCheckinRoutes(router, options);
  AddEvaluationRoutes(router, options);
  return router;
}

}  // namespace capdev::api
