// Sessions' wall-clock times and instants (app/i18n/local_time.cpp), against
// instants worked out by hand.
#include "app/i18n/local_time.hpp"

#include <gtest/gtest.h>

namespace capdev::i18n {
namespace {

domain::Date D(const char* text) { return *domain::Date::Parse(text); }

TEST(LocalTimeTest, ShanghaiIsEightHoursAheadAllYear) {
  // 2017-09-08 09:00 in Shanghai is 01:00 UTC: 1504828800 + 3600.
  EXPECT_EQ(LocalToUnix(D("2017-09-08"), 9 * 60, "Asia/Shanghai"), 1504832400);
  EXPECT_EQ(UnixToLocalIso(1504832400, "Asia/Shanghai"),
            "2017-09-08T09:00:00+08:00");
  EXPECT_EQ(UnixToLocalIso(1504832400, "UTC"), "2017-09-08T01:00:00Z");
}

TEST(LocalTimeTest, ZonesBehindUtcAndTheirSummerTime) {
  // New York: UTC-5 in winter, UTC-4 from 8 March 2026 at 02:00.
  EXPECT_EQ(UnixToLocalIso(1767225600, "America/New_York"),  // 2026-01-01Z
            "2025-12-31T19:00:00-05:00");
  EXPECT_EQ(LocalToUnix(D("2026-03-09"), 9 * 60, "America/New_York"),
            1773061200);  // 2026-03-09T13:00:00Z
  EXPECT_EQ(UnixToLocalIso(1773061200, "America/New_York"),
            "2026-03-09T09:00:00-04:00");
  // Kathmandu is 5:45 ahead: minutes in the offset.
  EXPECT_EQ(UnixToLocalIso(1767225600, "Asia/Kathmandu"),
            "2026-01-01T05:45:00+05:45");
}

TEST(LocalTimeTest, BeforeNineteenSeventy) {
  EXPECT_EQ(LocalToUnix(D("1969-12-31"), 23 * 60, "UTC"), -3600);
  EXPECT_EQ(UnixToLocalIso(-3600, "UTC"), "1969-12-31T23:00:00Z");
}

TEST(LocalTimeTest, InstantsAsCoordinatorsAndBrowsersWriteThem) {
  const std::string z = "Asia/Shanghai";
  EXPECT_EQ(ParseLocalIso("2017-09-08T09:00", z), 1504832400);
  EXPECT_EQ(ParseLocalIso("2017-09-08T09:00:30", z), 1504832430);
  EXPECT_EQ(ParseLocalIso("2017-09-08T01:00:00Z", z), 1504832400);
  EXPECT_EQ(ParseLocalIso("2017-09-08T01:00:00.123Z", z), 1504832400);
  EXPECT_EQ(ParseLocalIso("2017-09-08T09:00:00+08:00", z), 1504832400);
  EXPECT_EQ(ParseLocalIso("2017-09-07T20:00:00-05:00", z), 1504832400);
  for (const char* bad :
       {"yesterday", "2017-09-08", "2017-09-08T9:00", "2017-09-08T-1:30",
        "2017-09-08T09:00+-1:00", "2017-09-08T09:00:00.Z", "2017-09-08T24:00",
        "2017-02-30T09:00"}) {
    EXPECT_FALSE(ParseLocalIso(bad, z).has_value()) << bad;
  }
  EXPECT_FALSE(MinutesOfDay("-1:30").has_value());
  EXPECT_EQ(MinutesOfDay("08:30"), 510);
}

TEST(LocalTimeTest, OnlyKnownZones) {
  EXPECT_TRUE(KnownTimeZone("Asia/Shanghai"));
  EXPECT_TRUE(KnownTimeZone("UTC"));
  EXPECT_FALSE(KnownTimeZone("Mars/Olympus_Mons"));
}

}  // namespace
}  // namespace capdev::i18n
