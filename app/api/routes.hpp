#pragma once
// One function per resource file adds that resource's routes; MakeRouter
// adds them all.

#include <memory>

#include "app/http/router.hpp"

namespace capdev::app {

class AuthService;
}  // namespace capdev::app
namespace capdev::storage {
class WalCheckpointer;
}  // namespace capdev::storage
namespace capdev::app {

void AddAuthRoutes(Router& router, const std::shared_ptr<AuthService>& auth);
void AddUserRoutes(Router& router);
void AddAuditRoutes(Router& router);
void AddHealthRoutes(Router& router);
void AddOrganizationRoutes(Router& router);
void AddProjectRoutes(Router& router);
void AddWorkshopRoutes(Router& router);
void AddSessionRoutes(Router& router);
void AddPersonRoutes(
    Router& router,
    const std::shared_ptr<storage::WalCheckpointer>& checkpointer);
void AddRegistrationRoutes(Router& router);
void AddAttendanceRoutes(Router& router);
void AddReportRoutes(Router& router);
void AddResultRoutes(Router& router);
void AddIatiRoutes(Router& router);
void AddSubmissionRoutes(Router& router);
void AddScheduleRoutes(Router& router);

// Every route capdev serves, behind `auth`. `checkpointer` purges erased
// values from the WAL (null only where routes are listed, not served).
Router MakeRouter(
    const std::shared_ptr<AuthService>& auth,
    const std::shared_ptr<storage::WalCheckpointer>& checkpointer = nullptr);

}  // namespace capdev::app
