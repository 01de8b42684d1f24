// The sign-in limits (services::AuthService::Login) on a temporary database,
// with the clock in the test's hands: a stranger cannot lock the owner out of
// their usual address, one username from one address slows down and then is
// refused, and what was counted survives a restart.

#include <memory>

#include "app/services/auth_service.hpp"
#include "app/services/credentials.hpp"
#include "storage/accounts.hpp"
#include "tests/services/service_test.hpp"

namespace capdev::testing {
namespace {

using domain::Code;

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kOffice = "192.0.2.10";  // where the owner signs in
constexpr const char* kStranger = "203.0.113.66";

class LoginServiceTest : public ServiceTest {
 protected:
  LoginServiceTest() {
    services::InitCrypto();
    auto added = Write([&](storage::WriteTx& tx) {
      return storage::AddAccount(
          tx, {.username = "amina",
               .password_hash = services::HashPassword(kPassword),
               .role = domain::Role::kCoordinator});
    });
    EXPECT_TRUE(added.ok()) << Describe(added.status());
    auth_ = NewAuth();
  }

  // A new service, as a restarted server makes: it holds nothing of its own.
  std::unique_ptr<services::AuthService> NewAuth() {
    services::AuthOptions options;
    options.clock = [this] { return now_; };
    return std::make_unique<services::AuthService>(options);
  }

  // The login's outcome: domain::Code::kOk, kUnauthenticated (401) or
  // kResourceExhausted (429).
  Code Try(const std::string& username, const std::string& password,
           const std::string& address) {
    auto result = auth_->Login(db_, username, password, address);
    return result.ok() ? Code::kOk : result.status().code();
  }
  Code Wrong(const std::string& address,
             const std::string& username = "amina") {
    return Try(username, "not the password", address);
  }
  Code Right(const std::string& address) {
    return Try("Amina", kPassword, address);
  }
  std::int64_t RetryAfter(const std::string& address,
                          const std::string& username = "amina") {
    auto wait = auth_->RetryAfter(db_, username, address);
    EXPECT_TRUE(wait.ok()) << Describe(wait.status());
    return wait.ok() ? *wait : -1;
  }

  // Five wrong passwords from `address`, each as soon as it is let in
  // (the fourth and fifth wait 2 s and 3 s); the pair is then refused.
  void LockOut(const std::string& address) {
    for (int i = 0; i < 5; ++i) {
      now_ += RetryAfter(address);
      ASSERT_EQ(Wrong(address), Code::kUnauthenticated) << "failure " << i;
    }
    ASSERT_EQ(Right(address), Code::kResourceExhausted);
  }

  std::int64_t now_ = 1'750'000'000;
  std::unique_ptr<services::AuthService> auth_;
};

TEST_F(LoginServiceTest, AStrangersFailuresDoNotLockTheOwnerOutOfTheirOffice) {
  ASSERT_EQ(Right(kOffice), Code::kOk);
  now_ += 3600;
  LockOut(kStranger);
  EXPECT_EQ(Right(kStranger), Code::kResourceExhausted);
  // The owner, at the address they signed in from before, is let in at once;
  // so is an address the failures did not come from.
  EXPECT_EQ(RetryAfter(kOffice), 0);
  EXPECT_EQ(Right(kOffice), Code::kOk);
  EXPECT_EQ(Right("198.51.100.1"), Code::kOk);
}

TEST_F(LoginServiceTest, FailuresFromOnePairSlowItDownThenLockIt) {
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(Wrong(kStranger), Code::kUnauthenticated);
  }
  // The fourth attempt waits a second after the second the failures were
  // stamped in (so never less than a second), before the password is checked.
  EXPECT_EQ(RetryAfter(kStranger), 2);
  EXPECT_EQ(Right(kStranger), Code::kResourceExhausted);
  now_ += 2;
  ASSERT_EQ(Wrong(kStranger), Code::kUnauthenticated);
  // The fifth, two seconds.
  EXPECT_EQ(RetryAfter(kStranger), 3);
  now_ += 2;
  EXPECT_EQ(Wrong(kStranger), Code::kResourceExhausted);
  now_ += 1;
  ASSERT_EQ(Wrong(kStranger), Code::kUnauthenticated);
  // Five: the pair is refused, the right password too, until the first of
  // them is 15 minutes old (5 s ago).
  EXPECT_EQ(RetryAfter(kStranger), 15 * 60 - 5);
  now_ += 10 * 60;
  EXPECT_EQ(Right(kStranger), Code::kResourceExhausted);
  EXPECT_EQ(RetryAfter(kStranger), 5 * 60 - 5);
  // Other addresses are not slowed, nor is another name from this one.
  EXPECT_EQ(RetryAfter("198.51.100.1"), 0);
  EXPECT_EQ(RetryAfter(kStranger, "ec"), 0);
}

// A name that is no account's fails, slows down and is refused exactly like
// an account's: the answers tell nothing about which names exist.
TEST_F(LoginServiceTest, UnknownUsernamesAreCountedAlike) {
  for (const char* name : {"amina", "nobody"}) {
    for (int i = 0; i < 3; ++i) {
      auto failed = auth_->Login(db_, name, "not the password", kStranger);
      ASSERT_FALSE(failed.ok());
      EXPECT_EQ(failed.status().code(), Code::kUnauthenticated);
      EXPECT_EQ(failed.status().detail(),
                domain::Message("error.bad_credentials"));
    }
    auto refused = auth_->Login(db_, name, kPassword, kStranger);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.status().code(), Code::kResourceExhausted);
    EXPECT_EQ(
        refused.status().detail(),
        domain::Message("error.too_many_failed_logins", {{"seconds", 2}}));
  }
}

TEST_F(LoginServiceTest, ARestartKeepsTheLock) {
  ASSERT_EQ(Right(kOffice), Code::kOk);
  LockOut(kStranger);
  // A new service on a new connection to the same file.
  auth_ = NewAuth();
  storage::Database reopened(
      {.path = test_db_.location(), .synchronous_full = false});
  auto again = auth_->Login(reopened, "amina", kPassword, kStranger);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Code::kResourceExhausted);
  EXPECT_TRUE(auth_->Login(reopened, "amina", kPassword, kOffice).ok());
}

TEST_F(LoginServiceTest, TheRightPasswordWorksOnceTheLockWindowHasPassed) {
  LockOut(kStranger);
  now_ += 15 * 60 - 5 - 1;  // the first failure was 5 s before the last
  EXPECT_EQ(Right(kStranger), Code::kResourceExhausted);
  now_ += 1;
  EXPECT_EQ(RetryAfter(kStranger), 0);
  EXPECT_EQ(Right(kStranger), Code::kOk);
  // And the success forgets the pair's failures: a typo is not a lock.
  EXPECT_EQ(Wrong(kStranger), Code::kUnauthenticated);
  EXPECT_EQ(Right(kStranger), Code::kOk);
}

TEST_F(LoginServiceTest, AnAddressSprayingUsernamesIsRefusedButNotItsOwners) {
  ASSERT_EQ(Right(kOffice), Code::kOk);  // amina's office
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(Wrong(kOffice, "guess" + std::to_string(i)),
              Code::kUnauthenticated)
        << "attempt " << i;
  }
  EXPECT_EQ(Wrong(kOffice, "guess100"), Code::kResourceExhausted);
  EXPECT_EQ(RetryAfter(kOffice, "someone.new"), 15 * 60);
  // amina signed in from there before: others' failures do not shut her out.
  EXPECT_EQ(Right(kOffice), Code::kOk);
  // The refusal ages out with the failures.
  now_ += 15 * 60;
  EXPECT_EQ(Wrong(kOffice, "guess100"), Code::kUnauthenticated);
}

TEST_F(LoginServiceTest, ADistributedGuessIsRefusedExceptFromTheOwnersOffice) {
  ASSERT_EQ(Right(kOffice), Code::kOk);
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(Wrong("203.0.113." + std::to_string(i)), Code::kUnauthenticated)
        << "attempt " << i;
  }
  // A 51st address never seen for amina waits, even with the password.
  EXPECT_EQ(Right("198.51.100.1"), Code::kResourceExhausted);
  EXPECT_EQ(RetryAfter("198.51.100.1"), 15 * 60);
  EXPECT_EQ(Right(kOffice), Code::kOk);
  // Other usernames are not affected.
  EXPECT_EQ(RetryAfter("198.51.100.1", "ec"), 0);
}

}  // namespace
}  // namespace capdev::testing
