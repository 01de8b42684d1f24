#pragma once
// One function per resource file adds that resource's routes.

#include "app/router.hpp"

namespace capdev::app {

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

// Every route capdev serves.
Router MakeRouter();

}  // namespace capdev::app
