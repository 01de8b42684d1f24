// The five recorded events, loaded by `capdev seed` and read back over HTTP:
// what each press release says of its event.

#include <optional>

#include "tests/support/seed_fixture.hpp"

namespace capdev::testing {
namespace {

TEST_F(SeedTest, LangfangSeminarIsEstimatedFrom6November) {
  auto w = WorkshopFrom("000_bfb7b29f8f6badf6.txt");
  EXPECT_EQ(ProjectCode(w), "CBMM");
  EXPECT_EQ(w.at("kind").as_string(), "seminar");
  EXPECT_EQ(w.at("city").as_string(), "Langfang");
  EXPECT_EQ(w.at("province").as_string(), "Hebei");
  EXPECT_EQ(w.at("start_date").as_string(), "2012-11-06");
  EXPECT_EQ(w.at("end_date").as_string(), "2012-11-07");
  EXPECT_TRUE(w.at("dates_estimated").as_bool());
  EXPECT_TRUE(
      w.at("reported_participants").is_null());  // no headcount is given
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  EXPECT_EQ(parties["trainer"],
            Names({"IOM Immigration and Border Management Division",
                   "IOM Africa Capacity Building Centre",
                   "Department of Immigration and Citizenship (Australia)",
                   "U.S. Customs and Border Protection",
                   "Canada Border Services Agency", "German Federal Police"}));
  EXPECT_EQ(ListAll(port(),
                    "/api/v1/workshops/" +
                        std::to_string(w.at("id").as_int64()) + "/sessions",
                    10)
                .size(),
            2u);
}

TEST_F(SeedTest, HarbinTrainingHasThirtyOfficialsAndNoDates) {
  auto w = WorkshopFrom("001_a04f506eed3d0ac6.txt");
  EXPECT_EQ(ProjectCode(w), "CBMM");
  EXPECT_EQ(w.at("kind").as_string(), "training");
  EXPECT_EQ(w.at("city").as_string(), "Harbin");
  EXPECT_TRUE(w.at("start_date").is_null());
  EXPECT_FALSE(w.at("dates_estimated").as_bool());
  EXPECT_EQ(w.at("reported_participants").as_int64(), 30);
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  EXPECT_EQ(
      parties["trainer"],
      Names({"International Organization for Migration",
             "Portuguese Border and Aliens Service", "German Federal Police"}));
  EXPECT_EQ(parties["participating"],
            Names({"Beijing Frontier Inspection Post",
                   "Shanghai Frontier Inspection Post",
                   "Guangzhou Frontier Inspection Post",
                   "Xiamen Frontier Inspection Post"}));
}

TEST_F(SeedTest, BeijingCounterTraffickingWorkshop) {
  auto w = WorkshopFrom("002_d53f5f75dadb59bf.txt");
  EXPECT_EQ(ProjectCode(w), "CBMM");
  EXPECT_EQ(w.at("city").as_string(), "Beijing");
  EXPECT_TRUE(w.at("start_date").is_null());
  EXPECT_EQ(w.at("reported_participants").as_int64(), 30);
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  // "Germany" and "Portugal" are the agencies named in the other releases.
  EXPECT_TRUE(parties["trainer"].contains("German Federal Police"));
  EXPECT_TRUE(
      parties["trainer"].contains("Portuguese Border and Aliens Service"));
  EXPECT_TRUE(
      parties["trainer"].contains("European Border and Coast Guard Agency"));
  EXPECT_EQ(parties["participating"].size(), 3u);
}

TEST_F(SeedTest, BeijingMigrationLawTrainingHas51Participants) {
  auto w = WorkshopFrom("003_009c1d7735d1412c.txt");
  EXPECT_EQ(ProjectCode(w), "EUCDMM");
  EXPECT_EQ(w.at("city").as_string(), "Beijing");
  EXPECT_TRUE(w.at("start_date").is_null());  // "2 March" without a year
  EXPECT_EQ(w.at("reported_participants").as_int64(), 51);
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  EXPECT_EQ(parties["participating"].size(), 8u);
  EXPECT_TRUE(parties["participating"].contains(
      "State Administration for Foreign Expert Affairs"));
}

TEST_F(SeedTest, HangzhouTrainingOn8September2017) {
  auto w = WorkshopFrom("004_e1d4539688515f75.txt");
  EXPECT_EQ(ProjectCode(w), "EUCDMM");
  EXPECT_EQ(w.at("city").as_string(), "Hangzhou");
  EXPECT_EQ(w.at("start_date").as_string(), "2017-09-08");
  EXPECT_TRUE(w.at("dates_estimated").as_bool());
  EXPECT_EQ(w.at("reported_participants").as_int64(), 33);
  auto parties =
      Parties("/api/v1/workshops/" + std::to_string(w.at("id").as_int64()));
  EXPECT_EQ(parties["trainer"],
            Names({"International Organization for Migration",
                   "University of Cologne",
                   "British Institute of International and Comparative Law"}));
  EXPECT_EQ(parties["co_organizer"],
            Names({"MPS Bureau of Exit and Entry Administration"}));
}

// What each release states about length and dates, as recorded: "one week"
// is 5 working days; a stated day and month without a year is XXXX-MM-DD; a
// release that names no day has no stated dates.
TEST_F(SeedTest, StatedLengthsAndDatesAreWhatTheReleasesSay) {
  struct Stated {
    const char* document;
    std::optional<std::int64_t> duration_days;
    std::optional<std::string> stated_dates;
  };
  const Stated expected[] = {
      {"000_bfb7b29f8f6badf6.txt", 2, "XXXX-11-06"},  // "two-day", "(6/11)"
      {"001_a04f506eed3d0ac6.txt", 5, std::nullopt},  // "one-week"
      {"002_d53f5f75dadb59bf.txt", 4, std::nullopt},  // "four-day"
      {"003_009c1d7735d1412c.txt", 2, "XXXX-03-02"},  // "two-day", "2 March"
      {"004_e1d4539688515f75.txt", std::nullopt, "XXXX-09-08"},  // "(8/9)"
  };
  for (const auto& e : expected) {
    SCOPED_TRACE(e.document);
    auto w = WorkshopFrom(e.document);
    const auto& days = w.at("duration_days");
    if (e.duration_days) {
      ASSERT_TRUE(days.is_int64()) << days;
      EXPECT_EQ(days.as_int64(), *e.duration_days);
    } else {
      EXPECT_TRUE(days.is_null()) << days;
    }
    const auto& stated = w.at("stated_dates");
    if (e.stated_dates) {
      ASSERT_TRUE(stated.is_string()) << stated;
      EXPECT_EQ(stated.as_string(), *e.stated_dates);
    } else {
      EXPECT_TRUE(stated.is_null()) << stated;
    }
  }
}

// Beijing's "2 March" is kept and found by the workshop search.
TEST_F(SeedTest, TheStatedDayOfTheBeijingMigrationLawTrainingIsSearchable) {
  auto found = ListAll(port(), "/api/v1/workshops?q=XXXX-03-02", 10);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(SeedDocumentOf(found[0].at("source")), "003_009c1d7735d1412c.txt");
  EXPECT_TRUE(found[0].at("start_date").is_null());
}

// A reader can follow every source: publisher, the release's title in quotes,
// "press release", its date as far as stated (or "undated"), and the seed
// document it was read from.

}  // namespace
}  // namespace capdev::testing
