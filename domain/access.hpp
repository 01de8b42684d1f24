#pragma once
// Who may do what. Roles: admin (everything, users, audit, erasure),
// coordinator (read and write records), viewer (read records), funder
// (its own organization's funder report only: aggregates, no people).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/enums.hpp"
#include "domain/message.hpp"
#include "domain/status.hpp"

namespace capdev::domain {

// The authenticated user a request acts for.
struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  Role role = Role::kViewer;
  std::optional<std::int64_t> organization_id;  // funder users only
  std::string scope =
      "api";  // "calendar": a feed token, good for the .ics routes only
  std::string csrf_token;  // set when signed in by the web session cookie
  std::optional<Language> language;  // the user's own setting, if any
};

// What a route needs; declared where the route is added (app/api/). Which
// role has which permission is decided here alone.
enum class Permission {
  kPublic,            // no sign-in: health, the OpenAPI document, login
  kSignedIn,          // any user, for their own session (me, logout)
  kReadRecords,       // workshops, people, ... and their reports
  kWriteRecords,      // create, change and delete them
  kReadCalendar,      // the calendar feeds (a feed token works too)
  kReadFunderReport,  // funder users: their own organization's only
  kReadEvidence,      // the people behind a figure: coordinators and admins
  kAdmin,             // users, the audit trail, erasure
};

// Whether a user of `role` has `permission`.
bool RoleAllows(Role role, Permission permission);

// The object-level rule: a funder user sees what concerns its own
// organization only (its funder reports, the results of the projects it
// funds, their submissions). Its organization's id, or -1 when it has none;
// nullopt for the other roles, who see every organization's.
std::optional<std::int64_t> LimitedToOrganization(const Principal& user);
// Ok, or 403 when `user` is limited to another organization.
Status SeesOrganization(const Principal& user, std::int64_t organization_id);
// The organization a list of figures or submissions is limited to: what was
// `asked` (nullopt: every one), or for a funder user its own (403 when it
// asked for another).
StatusOr<std::optional<std::int64_t>> VisibleOrganizations(
    const Principal& user, std::optional<std::int64_t> asked);

// A user record's rules: a known role, and an organization exactly for funders.
Status ValidateAccount(std::string_view username, std::optional<Role> role,
                       const std::optional<std::int64_t>& organization_id);

}  // namespace capdev::domain
