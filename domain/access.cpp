#include "domain/access.hpp"

#include <algorithm>

#include "domain/validation.hpp"

namespace capdev::domain {

bool RoleAllows(Role role, Permission permission) {
  using P = Permission;
  using R = Role;
  switch (permission) {
    case P::kPublic:
    case P::kSignedIn:
      return true;
    case P::kReadRecords:
    case P::kReadCalendar:
      return role != R::kFunder;
    case P::kWriteRecords:
    case P::kReadEvidence:
      return role == R::kAdmin || role == R::kCoordinator;
    case P::kReadFunderReport:
      return true;
    case P::kAdmin:
      return role == R::kAdmin;
  }
  return false;
}

std::optional<std::int64_t> LimitedToOrganization(const Principal& user) {
  if (user.role != Role::kFunder) return std::nullopt;
  // ValidateAccount gives every funder user one; -1 is no organization's id.
  return user.organization_id.value_or(-1);
}

Status SeesOrganization(const Principal& user, std::int64_t organization_id) {
  const auto own = LimitedToOrganization(user);
  if (!own || own == organization_id) return Status::Ok();
  return Status::PermissionDenied("error.funder_sees_own_organization");
}

StatusOr<std::optional<std::int64_t>> VisibleOrganizations(
    const Principal& user, std::optional<std::int64_t> asked) {
  if (asked) RETURN_IF_ERROR(SeesOrganization(user, *asked));
  if (const auto own = LimitedToOrganization(user)) return own;
  return asked;
}

Status ValidateAccount(std::string_view username, std::optional<Role> role,
                       const std::optional<std::int64_t>& organization_id) {
  Errors e;
  const std::string name(username);
  e.Required("username", name);
  if (std::any_of(name.begin(), name.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F;
      })) {
    e.Add("username", kInvalid, "error.username_characters");
  } else {
    e.MaxLength("username", name, kMaxShort);
  }
  e.Required("role", role);
  if (role == Role::kFunder && !organization_id)
    e.Add("organization_id", kRequired, "error.required_for_funder");
  if (role && role != Role::kFunder && organization_id)
    e.Add("organization_id", kNotAllowed, "error.only_for_funder");
  return e.ToStatus();
}

}  // namespace capdev::domain
