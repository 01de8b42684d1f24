#include "domain/access.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <set>
#include <string>
#include <vector>

namespace capdev::domain {
namespace {

using P = Permission;

// The product rule, written out: which role has which permission (one row
// per Permission, in declaration order).
struct PolicyRow {
  Permission permission;
  bool admin, coordinator, viewer, funder;
};
// clang-format off
constexpr PolicyRow kPolicy[] = {
    // permission          admin  coord  viewer funder
    {P::kPublic,           true,  true,  true,  true},
    {P::kSignedIn,         true,  true,  true,  true},
    {P::kReadRecords,      true,  true,  true,  false},
    {P::kWriteRecords,     true,  true,  false, false},
    {P::kReadCalendar,     true,  true,  true,  false},
    {P::kReadFunderReport, true,  true,  true,  true},
    {P::kReadEvidence,     true,  true,  false, false},
    {P::kAdmin,            true,  false, false, false},
};
// clang-format on

constexpr bool OneRowPerPermissionInOrder() {
  for (std::size_t i = 0; i < std::size(kPolicy); ++i) {
    if (static_cast<std::size_t>(kPolicy[i].permission) != i) return false;
  }
  return std::size(kPolicy) == static_cast<std::size_t>(P::kAdmin) + 1;
}
static_assert(OneRowPerPermissionInOrder());

bool Expected(Role role, const PolicyRow& row) {
  switch (role) {
    case Role::kAdmin:
      return row.admin;
    case Role::kCoordinator:
      return row.coordinator;
    case Role::kViewer:
      return row.viewer;
    case Role::kFunder:
      return row.funder;
  }
  ADD_FAILURE() << "a role the policy table does not know";
  return false;
}

std::string Name(Permission p) {
  switch (p) {
    case P::kPublic:
      return "public";
    case P::kSignedIn:
      return "signed_in";
    case P::kReadRecords:
      return "read_records";
    case P::kWriteRecords:
      return "write_records";
    case P::kReadCalendar:
      return "read_calendar";
    case P::kReadFunderReport:
      return "read_funder_report";
    case P::kReadEvidence:
      return "read_evidence";
    case P::kAdmin:
      return "admin";
  }
  return "permission " + std::to_string(static_cast<int>(p));
}

// The names of the permissions `role` has, by RoleAllows.
std::vector<std::string> Allowed(Role role) {
  std::vector<std::string> out;
  for (const auto& row : kPolicy) {
    if (RoleAllows(role, row.permission)) out.push_back(Name(row.permission));
  }
  return out;
}

using Names = std::vector<std::string>;

TEST(AccessTest, EveryRoleHasExactlyThePermissionsOfThePolicy) {
  for (Role role : Values<Role>()) {
    for (const auto& row : kPolicy) {
      EXPECT_EQ(RoleAllows(role, row.permission), Expected(role, row))
          << ToText(role) << " x " << Name(row.permission);
    }
  }
}

TEST(AccessTest, AdminMayDoEverything) {
  EXPECT_EQ(
      Allowed(Role::kAdmin),
      (Names{"public", "signed_in", "read_records", "write_records",
             "read_calendar", "read_funder_report", "read_evidence", "admin"}));
}

TEST(AccessTest, CoordinatorMayDoAllButAdministration) {
  EXPECT_EQ(Allowed(Role::kCoordinator),
            (Names{"public", "signed_in", "read_records", "write_records",
                   "read_calendar", "read_funder_report", "read_evidence"}));
}

TEST(AccessTest, ViewerOnlyReads) {
  EXPECT_EQ(Allowed(Role::kViewer),
            (Names{"public", "signed_in", "read_records", "read_calendar",
                   "read_funder_report"}));
}

TEST(AccessTest, FunderSeesOnlyItsReport) {
  EXPECT_EQ(Allowed(Role::kFunder),
            (Names{"public", "signed_in", "read_funder_report"}));
}

// --- ValidateAccount --------------------------------------------------------

// The fields with at least one error.
std::set<std::string> Fields(const Status& s) {
  std::set<std::string> out;
  for (const auto& e : s.errors()) out.insert(e.field);
  return out;
}

// "field: code message-key" for each error.
std::vector<std::string> Messages(const Status& s) {
  std::vector<std::string> out;
  for (const auto& e : s.errors())
    out.push_back(e.field + ": " + e.code + " " + std::string(e.message.key()));
  return out;
}

const std::set<std::string> kUsername = {"username"};

TEST(AccountRulesTest, AcceptsAnAccountWithoutOrganizationForEveryOtherRole) {
  for (Role role : {Role::kAdmin, Role::kCoordinator, Role::kViewer}) {
    EXPECT_TRUE(ValidateAccount("amina", role, std::nullopt).ok())
        << ToText(role);
  }
}

TEST(AccountRulesTest, AFunderNeedsAnOrganization) {
  auto s = ValidateAccount("ec", Role::kFunder, std::nullopt);
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_EQ(Messages(s),
            (std::vector<std::string>{
                "organization_id: required error.required_for_funder"}));
  EXPECT_TRUE(ValidateAccount("ec", Role::kFunder, 8).ok());
}

TEST(AccountRulesTest, OnlyAFunderMayHaveAnOrganization) {
  for (Role role : {Role::kAdmin, Role::kCoordinator, Role::kViewer}) {
    auto s = ValidateAccount("amina", role, 8);
    EXPECT_EQ(Messages(s),
              (std::vector<std::string>{
                  "organization_id: not_allowed error.only_for_funder"}))
        << ToText(role);
  }
}

TEST(AccountRulesTest, TheRoleIsRequired) {
  auto s = ValidateAccount("amina", std::nullopt, std::nullopt);
  EXPECT_EQ(Messages(s),
            (std::vector<std::string>{"role: required error.required"}));
}

TEST(AccountRulesTest, TheUsernameIsRequired) {
  auto s = ValidateAccount("", Role::kViewer, std::nullopt);
  EXPECT_EQ(Fields(s), kUsername);
}

TEST(AccountRulesTest, RefusesSpacesAndControlCharactersInAUsername) {
  const std::vector<std::string> names = {
      "amina kone",           " amina", "amina\t", "ami\nna",
      std::string("a\0b", 3), "esc\x1b"};
  for (const std::string& name : names) {
    auto s = ValidateAccount(name, Role::kViewer, std::nullopt);
    EXPECT_EQ(Fields(s), kUsername) << name;
  }
}

TEST(AccountRulesTest, RefusesTheDeleteControlCharacterInAUsername) {
  auto s = ValidateAccount("ami\x7fna", Role::kViewer, std::nullopt);
  EXPECT_EQ(Fields(s), kUsername);
}

TEST(AccountRulesTest, AcceptsPunctuationAndNonLatinLetters) {
  for (const char* name : {"amina.kone@iom.int", "王芳", "ec-dg_home"}) {
    EXPECT_TRUE(ValidateAccount(name, Role::kViewer, std::nullopt).ok())
        << name;
  }
}

TEST(AccountRulesTest, AUsernameIsAtMostOneHundredCharacters) {
  EXPECT_TRUE(
      ValidateAccount(std::string(100, 'a'), Role::kViewer, std::nullopt).ok());
  EXPECT_EQ(Fields(ValidateAccount(std::string(101, 'a'), Role::kViewer,
                                   std::nullopt)),
            kUsername);
}

TEST(AccountRulesTest, CountsUsernameLengthInCharactersNotBytes) {
  std::string name;
  for (int i = 0; i < 100; ++i) name += "王";  // 300 bytes
  EXPECT_TRUE(ValidateAccount(name, Role::kViewer, std::nullopt).ok());
}

TEST(AccountRulesTest, ReportsEveryBrokenRuleAtOnce) {
  auto s = ValidateAccount("a b", std::nullopt, std::nullopt);
  EXPECT_EQ(Fields(s), (std::set<std::string>{"role", "username"}));
}

// The European Commission (organization 7) as a funder user, and a
// coordinator: the funder sees its own organization's reports alone.
const Principal kCommission{.user_id = 3,
                            .username = "ec-dg-home",
                            .role = Role::kFunder,
                            .organization_id = 7};
const Principal kCoordinator{
    .user_id = 2, .username = "wang.fang", .role = Role::kCoordinator};

TEST(OrganizationRuleTest, AFunderSeesItsOwnOrganizationOnly) {
  EXPECT_EQ(LimitedToOrganization(kCommission), 7);
  EXPECT_TRUE(SeesOrganization(kCommission, 7).ok());
  EXPECT_EQ(SeesOrganization(kCommission, 8).code(), Code::kPermissionDenied);
}

TEST(OrganizationRuleTest, OtherRolesSeeEveryOrganization) {
  EXPECT_EQ(LimitedToOrganization(kCoordinator), std::nullopt);
  EXPECT_TRUE(SeesOrganization(kCoordinator, 8).ok());
  EXPECT_EQ(*VisibleOrganizations(kCoordinator, std::nullopt), std::nullopt);
  EXPECT_EQ(*VisibleOrganizations(kCoordinator, 8), 8);
}

TEST(OrganizationRuleTest, AFunderListsItsOwnEvenWhenAskingForNone) {
  EXPECT_EQ(*VisibleOrganizations(kCommission, std::nullopt), 7);
  EXPECT_EQ(*VisibleOrganizations(kCommission, 7), 7);
  EXPECT_EQ(VisibleOrganizations(kCommission, 8).status().code(),
            Code::kPermissionDenied);
}

TEST(OrganizationRuleTest, AFunderWithoutOrganizationSeesNone) {
  Principal orphan = kCommission;
  orphan.organization_id.reset();
  EXPECT_EQ(LimitedToOrganization(orphan), -1);
  EXPECT_EQ(SeesOrganization(orphan, 7).code(), Code::kPermissionDenied);
}

}  // namespace
}  // namespace capdev::domain
