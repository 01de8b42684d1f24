#include "app/http/query.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "app/http/problem.hpp"

namespace capdev::http {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Query Of(std::vector<std::pair<std::string, std::string>> params) {
  return Query(std::move(params));
}

// The parameters noted as unreadable, in order.
std::vector<std::string> NotedFields(const Query& q) {
  const domain::Status status = q.Check();
  std::vector<std::string> out;
  for (const auto& e : status.errors()) out.push_back(e.field);
  return out;
}

TEST(QueryTest, TextReturnsTheFirstValueSent) {
  auto q = Of({{"city", "Beijing"}, {"city", "Shanghai"}});
  EXPECT_EQ(q.Text("city"), "Beijing");
}

TEST(QueryTest, AnAbsentParameterIsNotAnError) {
  auto q = Of({});
  EXPECT_EQ(q.Text("city"), std::nullopt);
  EXPECT_EQ(q.Id("project_id"), std::nullopt);
  EXPECT_EQ(q.Date("from"), std::nullopt);
  EXPECT_EQ(q.Bool("strict"), std::nullopt);
  EXPECT_EQ(q.Enum<domain::WorkshopStatus>("status"), std::nullopt);
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryTest, AnEmptyTextIsStillPresent) {
  auto q = Of({{"q", ""}});
  EXPECT_EQ(q.Text("q"), "");
}

TEST(QueryTest, IdReadsAPositiveInteger) {
  auto q = Of({{"project_id", "12"}});
  EXPECT_EQ(q.Id("project_id"), 12);
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryTest, IdRefusesWhatIsNotAPositiveInteger) {
  for (const char* text : {"0", "-3", "abc", "12abc", "", " 12", "1.0", "+12",
                           "99999999999999999999"}) {
    auto q = Of({{"project_id", text}});
    EXPECT_EQ(q.Id("project_id"), std::nullopt) << text;
    auto s = q.Check();
    ASSERT_FALSE(s.ok()) << text;
    EXPECT_EQ(s.errors().at(0).message, domain::Message("error.positive_id"))
        << text;
  }
}

TEST(QueryTest, DateReadsACalendarDate) {
  auto q = Of({{"from", "2024-02-29"}});
  ASSERT_TRUE(q.Date("from").has_value());
  EXPECT_EQ(q.Date("from")->ToString(), "2024-02-29");
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryTest, DateRefusesADayThatDoesNotExist) {
  auto q = Of({{"to", "2026-02-29"}});
  EXPECT_EQ(q.Date("to"), std::nullopt);
  ASSERT_FALSE(q.Check().ok());
  EXPECT_EQ(q.Check().errors().at(0).message,
            domain::Message("error.not_date"));
}

TEST(QueryTest, BoolReadsTrueFalseOneAndZero) {
  auto q = Of({{"a", "true"}, {"b", "1"}, {"c", "false"}, {"d", "0"}});
  EXPECT_EQ(q.Bool("a"), true);
  EXPECT_EQ(q.Bool("b"), true);
  EXPECT_EQ(q.Bool("c"), false);
  EXPECT_EQ(q.Bool("d"), false);
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryTest, BoolRefusesOtherWords) {
  for (const char* text : {"yes", "TRUE", "on", ""}) {
    auto q = Of({{"strict", text}});
    EXPECT_EQ(q.Bool("strict"), std::nullopt) << text;
    EXPECT_THAT(NotedFields(q), ElementsAre("strict")) << text;
  }
}

TEST(QueryTest, OneOfAcceptsOnlyTheAllowedTexts) {
  constexpr std::string_view kFormats[] = {"json", "csv", "html"};
  auto ok = Of({{"format", "csv"}});
  EXPECT_EQ(ok.OneOf("format", kFormats), "csv");
  EXPECT_TRUE(ok.Check().ok());

  auto bad = Of({{"format", "xlsx"}});
  EXPECT_EQ(bad.OneOf("format", kFormats), std::nullopt);
  ASSERT_FALSE(bad.Check().ok());
  EXPECT_EQ(bad.Check().errors().at(0).code, "unknown_value");
  EXPECT_EQ(
      bad.Check().errors().at(0).message,
      domain::Message("error.unknown_value", {{"allowed", "json, csv, html"}}));
}

TEST(QueryTest, EnumReadsTheValueOfItsText) {
  auto q = Of({{"status", "held"}, {"kind", "study_tour"}});
  EXPECT_EQ(q.Enum<domain::WorkshopStatus>("status"),
            domain::WorkshopStatus::kHeld);
  EXPECT_EQ(q.Enum<domain::WorkshopKind>("kind"),
            domain::WorkshopKind::kStudyTour);
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryTest, EnumRefusesAnUnknownTextNamingEveryAllowedOne) {
  auto q = Of({{"status", "Held"}});
  EXPECT_EQ(q.Enum<domain::WorkshopStatus>("status"), std::nullopt);
  ASSERT_FALSE(q.Check().ok());
  const auto status = q.Check();
  const auto& error = status.errors().at(0);
  EXPECT_EQ(error.code, "unknown_value");
  ASSERT_EQ(error.message.key(), "error.unknown_value");
  const std::string message =
      std::get<std::string>(error.message.args().at(0).second.value());
  for (auto text : domain::Texts<domain::WorkshopStatus>()) {
    EXPECT_THAT(message, ::testing::HasSubstr(std::string(text)));
  }
}

TEST(QueryTest, PageDefaultsToTheFirstFiftyRows) {
  auto q = Of({});
  auto page = q.Page();
  EXPECT_EQ(page.after_id, 0);
  EXPECT_EQ(page.limit, http::kDefaultLimit);
  EXPECT_EQ(http::kDefaultLimit, 50);
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryTest, PageTakesALimitFromOneToFiveHundred) {
  for (int limit : {1, 37, http::kMaxLimit}) {
    auto q = Of({{"limit", std::to_string(limit)}});
    EXPECT_EQ(q.Page().limit, limit);
    EXPECT_TRUE(q.Check().ok()) << limit;
  }
}

TEST(QueryTest, PageRefusesALimitOutsideItsRange) {
  for (const char* text : {"0", "501", "-1", "ten", "50.5"}) {
    auto q = Of({{"limit", text}});
    EXPECT_EQ(q.Page().limit, http::kDefaultLimit) << text;
    EXPECT_THAT(NotedFields(q), ElementsAre("limit")) << text;
  }
}

TEST(QueryTest, PageStartsAfterTheCursorsId) {
  auto q = Of({{"cursor", http::EncodeCursor(1234)}});
  EXPECT_EQ(q.Page().after_id, 1234);
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryTest, PageRefusesACursorItDidNotGiveOut) {
  auto q = Of({{"cursor", "1234"}});
  EXPECT_EQ(q.Page().after_id, 0);
  ASSERT_FALSE(q.Check().ok());
  EXPECT_EQ(q.Check().errors().at(0).message,
            domain::Message("error.unknown_cursor"));
}

TEST(QueryTest, RequiredNotesAMissingParameter) {
  auto q = Of({});
  EXPECT_EQ(q.Required(q.Id("workshop_id"), "workshop_id"), 0);
  auto s = q.Check();
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.errors(),
              ElementsAre(domain::FieldError{"workshop_id", domain::kRequired,
                                             "error.required"}));
}

TEST(QueryTest, RequiredReturnsAPresentValue) {
  auto q = Of({{"workshop_id", "6"}});
  EXPECT_EQ(q.Required(q.Id("workshop_id"), "workshop_id"), 6);
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryTest, RequiredDoesNotAddToAnUnreadableParameter) {
  auto q = Of({{"workshop_id", "six"}});
  q.Required(q.Id("workshop_id"), "workshop_id");
  auto s = q.Check();
  ASSERT_EQ(s.errors().size(), 1u);
  EXPECT_EQ(s.errors()[0].message, domain::Message("error.positive_id"));
}

TEST(QueryTest, NoteAddsARuleBrokenByReadableValues) {
  auto q = Of({{"from", "2027-01-01"}, {"to", "2026-01-01"}});
  ASSERT_TRUE(q.Date("from") && q.Date("to"));
  const domain::Message before("error.not_before",
                               {{"other", domain::FieldTerm("from")}});
  q.Note("to", domain::kNotBefore, before);
  EXPECT_THAT(q.Check().errors(), ElementsAre(domain::FieldError{
                                      "to", domain::kNotBefore, before}));
}

TEST(QueryTest, CheckIsOkWhenEverythingWasRead) {
  auto q = Of({{"project_id", "1"}, {"from", "2026-01-01"}});
  q.Id("project_id");
  q.Date("from");
  EXPECT_TRUE(q.Check().ok());
}

TEST(QueryTest, CheckCollectsEveryErrorAndItsDetailNamesTheFirst) {
  auto q = Of({{"limit", "0"}, {"from", "yesterday"}, {"strict", "maybe"}});
  q.Page();
  q.Date("from");
  q.Bool("strict");
  auto s = q.Check();
  EXPECT_EQ(s.code(), domain::Code::kMalformed);
  EXPECT_EQ(http::HttpStatus(s.code()), 400);
  EXPECT_THAT(NotedFields(q), ElementsAre("limit", "from", "strict"));
  EXPECT_EQ(s.detail(),
            domain::Message("error.bad_parameter", {{"name", "limit"}}));
}

TEST(QueryTest, NamesListsEveryParameterSentInOrder) {
  auto q = Of({{"city", "a"}, {"limit", "5"}, {"city", "b"}});
  EXPECT_THAT(q.Names(), ElementsAre("city", "limit", "city"));
  EXPECT_THAT(Of({}).Names(), IsEmpty());
}

TEST(QueryTest, ACursorDecodesToTheIdItWasMadeFrom) {
  for (std::int64_t id : {std::int64_t{1}, std::int64_t{42},
                          std::numeric_limits<std::int64_t>::max()}) {
    EXPECT_EQ(http::DecodeCursor(http::EncodeCursor(id)), id) << id;
  }
}

TEST(QueryTest, ACursorIsNotJustTheBareId) {
  EXPECT_NE(http::EncodeCursor(42), "42");
  EXPECT_EQ(http::DecodeCursor("42"), std::nullopt);
}

TEST(QueryTest, ForgedCursorsAreRefused) {
  const std::string good = http::EncodeCursor(42);
  for (const std::string& forged :
       {std::string(), good.substr(0, good.size() - 2), good + "x", good + " ",
        " " + good, EncodeCursor(0), EncodeCursor(-5),
        good.substr(0, good.size() - 2) + "abc",
        good.substr(0, good.size() - 2) + "99999999999999999999"}) {
    EXPECT_EQ(http::DecodeCursor(forged), std::nullopt) << "'" << forged << "'";
  }
}

}  // namespace
}  // namespace capdev::http
