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

std::string PublicBase(const std::string& public_url,
                       const http::Request& request) {
  if (!public_url.empty()) {
    return public_url.ends_with('/')
               ? public_url.substr(0, public_url.size() - 1)
               : public_url;
  }
  return "http://" + (request.host.empty() ? "127.0.0.1" : request.host);
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
  AddCertificateRoutes(router, options);
  return router;
}

}  // namespace capdev::api
