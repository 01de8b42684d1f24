#pragma once
// One function per resource file adds that resource's routes; MakeRouter
// adds them all.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "app/http/router.hpp"

namespace capdev::services {
class AuthService;
}  // namespace capdev::services
namespace capdev::storage {
class WalCheckpointer;
}  // namespace capdev::storage
namespace capdev::api {

// How the routes are served.
struct ApiOptions {
  // Behind TLS (serve --public-url https://...): the session cookie is
  // Secure, never sent over plain HTTP.
  bool secure_cookies = false;
  // serve --public-url: where phones reach capdev (the QR codes' addresses);
  // without it, the Host the coordinator's browser used.
  std::string public_url;
  // serve --time-zone: where the sessions' times are kept.
  std::string time_zone = "Asia/Shanghai";
  // Unix seconds now (tests move time); the system clock when empty.
  std::function<std::int64_t()> clock;
};

// Unix seconds now: `clock` when set (tests move time), else the system's.
std::int64_t UnixNow(const std::function<std::int64_t()>& clock);

// Where phones and readers of printed codes reach capdev: --public-url,
// else the Host the request came to (the coordinator's browser).
std::string PublicBase(const std::string& public_url,
                       const http::Request& request);

void AddAuthRoutes(http::Router& router,
                   const std::shared_ptr<services::AuthService>& auth,
                   const ApiOptions& options);
void AddUserRoutes(http::Router& router);
void AddAuditRoutes(http::Router& router);
void AddHealthRoutes(http::Router& router);
void AddOrganizationRoutes(http::Router& router);
void AddProjectRoutes(http::Router& router);
void AddWorkshopRoutes(http::Router& router);
void AddSessionRoutes(http::Router& router);
void AddPersonRoutes(
    http::Router& router,
    const std::shared_ptr<storage::WalCheckpointer>& checkpointer);
void AddRegistrationRoutes(http::Router& router);
void AddAttendanceRoutes(http::Router& router);
void AddReportRoutes(http::Router& router);
void AddResultRoutes(http::Router& router);
void AddIatiRoutes(http::Router& router);
void AddSubmissionRoutes(http::Router& router);
void AddScheduleRoutes(http::Router& router);
void AddCheckinRoutes(http::Router& router, const ApiOptions& options);
void AddEvaluationRoutes(http::Router& router, const ApiOptions& options);
void AddCertificateRoutes(http::Router& router, const ApiOptions& options);

// Every route capdev serves, behind `auth`. `checkpointer` purges erased
// values from the WAL (null only where routes are listed, not served).
http::Router MakeRouter(
    const std::shared_ptr<services::AuthService>& auth,
    const std::shared_ptr<storage::WalCheckpointer>& checkpointer = nullptr,
    const ApiOptions& options = {});

}  // namespace capdev::api
