#pragma once
// One function per resource file adds that resource's routes.

#include <memory>

#include "app/http/router.hpp"

namespace capdev::app {

class AuthService;

void AddHealthRoutes(Router& router);
void AddOpenApiRoutes(Router& router);
void AddOrganizationRoutes(Router& router);
void AddProjectRoutes(Router& router);
void AddWorkshopRoutes(Router& router);
void AddSessionRoutes(Router& router);
void AddPersonRoutes(Router& router);
void AddRegistrationRoutes(Router& router);
void AddAttendanceRoutes(Router& router);
void AddReportRoutes(Router& router);
void AddScheduleRoutes(Router& router);

void AddAccessRoutes(Router& router, std::shared_ptr<AuthService> auth);

// Every route capdev serves, behind `auth`.
Router MakeRouter(std::shared_ptr<AuthService> auth);

}  // namespace capdev::app
