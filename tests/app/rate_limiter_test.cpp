#include "app/services/rate_limiter.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace capdev::services {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// Time is passed in, so no test waits on the clock.
const RateLimiter::Clock::time_point kT0{std::chrono::hours(1000)};

TEST(RateLimiterTest, AKeyWithoutFailuresMayTryNow) {
  services::RateLimiter limiter(3, seconds(60));
  EXPECT_EQ(limiter.RetryAfter("amina", kT0), 0);
}

TEST(RateLimiterTest, FailuresBelowTheLimitDoNotRefuse) {
  services::RateLimiter limiter(3, seconds(60));
  limiter.Fail("amina", kT0);
  limiter.Fail("amina", kT0 + seconds(1));
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + seconds(2)), 0);
}

TEST(RateLimiterTest, TheLimitReachedRefusesUntilTheFirstFailureAgesOut) {
  services::RateLimiter limiter(3, seconds(60));
  limiter.Fail("amina", kT0);
  limiter.Fail("amina", kT0 + seconds(10));
  limiter.Fail("amina", kT0 + seconds(20));
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + seconds(20)), 40);
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + seconds(59)), 1);
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + seconds(60)), 0);
}

TEST(RateLimiterTest, RetryAfterRoundsUpToAWholeSecond) {
  services::RateLimiter limiter(1, seconds(60));
  limiter.Fail("amina", kT0);
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + milliseconds(500)), 60);
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + milliseconds(59'001)), 1);
}

TEST(RateLimiterTest, TheWindowSlides) {
  services::RateLimiter limiter(2, seconds(60));
  limiter.Fail("amina", kT0);
  limiter.Fail("amina", kT0 + seconds(30));
  ASSERT_GT(limiter.RetryAfter("amina", kT0 + seconds(30)), 0);
  // The first failure has aged out; one recent failure is left.
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + seconds(61)), 0);
  limiter.Fail("amina", kT0 + seconds(62));
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + seconds(62)), 28);
}

TEST(RateLimiterTest, FailuresOlderThanTheWindowDoNotCount) {
  services::RateLimiter limiter(2, seconds(60));
  limiter.Fail("amina", kT0);
  limiter.Fail("amina", kT0 + seconds(60));
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + seconds(60)), 0);
}

TEST(RateLimiterTest, KeysAreCountedApart) {
  services::RateLimiter limiter(2, seconds(60));
  limiter.Fail("amina", kT0);
  limiter.Fail("amina", kT0);
  limiter.Fail("ec", kT0);
  EXPECT_GT(limiter.RetryAfter("amina", kT0), 0);
  EXPECT_EQ(limiter.RetryAfter("ec", kT0), 0);
  EXPECT_EQ(limiter.RetryAfter("Amina", kT0), 0);  // keys are exact
}

TEST(RateLimiterTest, SucceedForgetsTheKeysFailures) {
  services::RateLimiter limiter(2, seconds(60));
  limiter.Fail("amina", kT0);
  limiter.Fail("amina", kT0);
  ASSERT_GT(limiter.RetryAfter("amina", kT0), 0);
  limiter.Succeed("amina");
  EXPECT_EQ(limiter.RetryAfter("amina", kT0), 0);
  limiter.Fail("amina", kT0 + seconds(1));  // counting starts again
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + seconds(1)), 0);
}

TEST(RateLimiterTest, SucceedLeavesOtherKeysAlone) {
  services::RateLimiter limiter(1, seconds(60));
  limiter.Fail("amina", kT0);
  limiter.Fail("ec", kT0);
  limiter.Succeed("amina");
  EXPECT_GT(limiter.RetryAfter("ec", kT0), 0);
}

TEST(RateLimiterTest, RetryAfterIsWhenTheKeyMayTryAgainEvenPastTheLimit) {
  // Failures can pass the limit: concurrent logins are checked before any
  // of them fails.
  services::RateLimiter limiter(2, seconds(60));
  limiter.Fail("amina", kT0);
  limiter.Fail("amina", kT0 + seconds(10));
  limiter.Fail("amina", kT0 + seconds(20));
  const auto wait = limiter.RetryAfter("amina", kT0 + seconds(20));
  EXPECT_EQ(limiter.RetryAfter("amina", kT0 + seconds(20) + seconds(wait)), 0)
      << "told to wait " << wait << " s";
  EXPECT_EQ(wait, 50);
}

}  // namespace
}  // namespace capdev::services
