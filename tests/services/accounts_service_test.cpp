// The rules of managing users (app/services/users.cpp), called directly on
// a temporary database.

#include <ctime>

#include "app/services/users.hpp"
#include "storage/accounts.hpp"
#include "tests/services/service_test.hpp"
#include "tests/support/status.hpp"

namespace capdev::testing {
namespace {

using domain::Code;
using domain::Role;

class UserServiceTest : public ServiceTest {
 protected:
  domain::StatusOr<storage::Account> Create(
      const services::UserChange& change) {
    return Write([&](storage::WriteTx& tx) {
      return services::CreateUser(tx, &admin_, change);
    });
  }
  domain::StatusOr<storage::Account> Update(
      std::int64_t id, const services::UserChange& change) {
    return Write([&](storage::WriteTx& tx) {
      return services::UpdateUser(tx, &admin_, id, change);
    });
  }
  // A user that must be created (the test's setup).
  std::int64_t User(const std::string& username, Role role) {
    auto created = Create({.username = username,
                           .role = role,
                           .password_hash = "$argon2id$placeholder"});
    EXPECT_TRUE(created.ok()) << Describe(created.status());
    return created.ok() ? created->id : 0;
  }

  domain::Principal admin_{
      .user_id = 1, .username = "admin", .role = Role::kAdmin};
};

TEST_F(UserServiceTest, ANewUserNeedsAPasswordAndTheRightOrganization) {
  const auto eu =
      Organization("European Union", {{"kind", "intergovernmental"}});
  auto no_password = Create({.username = "chen.jing", .role = Role::kViewer});
  ASSERT_FALSE(no_password.ok());
  EXPECT_EQ(no_password.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(no_password.status().errors()[0].field, "password");

  auto funder_alone = Create({.username = "eu.delegation",
                              .role = Role::kFunder,
                              .password_hash = "$argon2id$placeholder"});
  ASSERT_FALSE(funder_alone.ok());
  EXPECT_EQ(funder_alone.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(funder_alone.status().errors()[0].field, "organization_id");

  auto coordinator_of_org = Create({.username = "liu.yang",
                                    .role = Role::kCoordinator,
                                    .organization_id = eu,
                                    .password_hash = "$argon2id$placeholder"});
  ASSERT_FALSE(coordinator_of_org.ok());
  EXPECT_EQ(coordinator_of_org.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Count("users"), 0);

  auto funder = Create({.username = "eu.delegation",
                        .role = Role::kFunder,
                        .organization_id = eu,
                        .password_hash = "$argon2id$placeholder"});
  ASSERT_TRUE(funder.ok()) << Describe(funder.status());
  EXPECT_EQ(testing::Ok(storage::AccountByName(db_, "eu.delegation"))
                ->organization_id,
            eu);
  // The audit trail never holds the hash.
  EXPECT_EQ(Count("audit_log", "entity = 'user' AND after LIKE '%argon2id%'"),
            0);
  EXPECT_EQ(AuditEntries("user", "create", funder->id), 1);
}

TEST_F(UserServiceTest, TheLastEnabledAdminStaysAnAdmin) {
  const auto first = User("admin", Role::kAdmin);
  auto disabled = Update(first, {.disabled = true});
  ASSERT_FALSE(disabled.ok());
  EXPECT_EQ(disabled.status().code(), Code::kFailedPrecondition);
  auto demoted = Update(first, {.role = Role::kCoordinator});
  ASSERT_FALSE(demoted.ok());
  EXPECT_EQ(demoted.status().code(), Code::kFailedPrecondition);
  const auto stored = testing::Ok(storage::AccountById(db_, first));
  EXPECT_EQ(stored->role, Role::kAdmin);
  EXPECT_FALSE(stored->disabled);

  // With a second admin, the first may go.
  User("wang.admin", Role::kAdmin);
  auto now_disabled = Update(first, {.disabled = true});
  ASSERT_TRUE(now_disabled.ok()) << Describe(now_disabled.status());
  EXPECT_TRUE(testing::Ok(storage::AccountById(db_, first))->disabled);
}

TEST_F(UserServiceTest, DisablingAUserSignsItOutEverywhere) {
  const auto coordinator = User("liu.yang", Role::kCoordinator);
  User("admin", Role::kAdmin);
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  testing::Ok(storage::AddToken(db_, "hash-of-a-token", coordinator, now, {}));
  ASSERT_TRUE(testing::Ok(storage::FindToken(db_, "hash-of-a-token", now, {}))
                  .has_value());

  ASSERT_TRUE(Update(coordinator, {.disabled = true}).ok());
  EXPECT_FALSE(testing::Ok(storage::FindToken(db_, "hash-of-a-token", now, {}))
                   .has_value());
  // Enabled again, it signs in afresh: the old token stays dead.
  ASSERT_TRUE(Update(coordinator, {.disabled = false}).ok());
  EXPECT_FALSE(testing::Ok(storage::FindToken(db_, "hash-of-a-token", now, {}))
                   .has_value());
}

}  // namespace
}  // namespace capdev::testing
