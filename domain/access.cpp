#include "domain/access.hpp"

#include <algorithm>

#include "domain/validation.hpp"

namespace capdev::domain {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Users, the audit trail and erasure are the administrator's.
bool AdminOnly(std::string_view route) {
  return StartsWith(route, "/api/v1/users") ||
         StartsWith(route, "/api/v1/audit") ||
         route == "/api/v1/people/{id}/erase";
}

// Any signed-in user manages their own session.
bool OwnSession(std::string_view route) {
  return route == "/api/v1/auth/logout" || route == "/api/v1/auth/me" ||
         route == "/api/v1/me";
}

bool IsRead(std::string_view method) {
  return method == "GET" || method == "HEAD";
}

}  // namespace

bool IsPublicRoute(std::string_view route) {
  return !StartsWith(route, "/api/v1/") || route == "/api/v1/openapi.json" ||
         route == "/api/v1/auth/login";
}

bool IsCalendarFeed(std::string_view route) {
  return route == "/api/v1/calendar.ics" ||
         route == "/api/v1/workshops/{id}.ics";
}

bool RoleAllows(std::string_view role, std::string_view method,
                std::string_view route) {
  if (IsPublicRoute(route) || OwnSession(route)) return true;
  if (route == "/api/v1/auth/calendar-token") return role != "funder";
  if (role == "admin") return true;
  if (AdminOnly(route)) return false;
  if (role == "coordinator") return true;
  if (role == "viewer") return IsRead(method);
  if (role == "funder")
    return IsRead(method) && route == "/api/v1/reports/funder";
  return false;
}

Status ValidateAccount(std::string_view username, std::string_view role,
                       const std::optional<std::int64_t>& organization_id) {
  Errors e;
  const std::string name(username);
  e.Required("username", name);
  e.MaxLength("username", name, kMaxShort);
  if (std::any_of(name.begin(), name.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20;
      })) {
    e.Add("username", "must not contain spaces or control characters");
  }
  e.OneOf("role", std::string(role), kRoles);
  if (role == "funder" && !organization_id)
    e.Add("organization_id", "is required for a funder user");
  if (role != "funder" && organization_id)
    e.Add("organization_id", "is only for funder users");
  return e.ToStatus();
}

}  // namespace capdev::domain
