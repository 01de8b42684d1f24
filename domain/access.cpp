#include "domain/access.hpp"

#include <algorithm>

#include "domain/validation.hpp"

namespace capdev::domain {

bool RoleAllows(std::string_view role, Permission permission) {
  using P = Permission;
  switch (permission) {
    case P::kPublic:
    case P::kSignedIn:
      return true;
    case P::kReadRecords:
    case P::kReadCalendar:
      return role == "admin" || role == "coordinator" || role == "viewer";
    case P::kWriteRecords:
      return role == "admin" || role == "coordinator";
    case P::kReadFunderReport:
      return role == "admin" || role == "coordinator" || role == "viewer" ||
             role == "funder";
    case P::kAdmin:
      return role == "admin";
  }
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
