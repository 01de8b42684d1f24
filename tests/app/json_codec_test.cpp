// The JSON codec: reading a request body and each field type (FromJson).

#include "app/codec/json_codec.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "app/http/json_body.hpp"
#include "app/http/problem.hpp"
#include "domain/project.hpp"
#include "domain/registration.hpp"
#include "domain/workshop.hpp"

namespace capdev::codec {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

http::Request WithBody(std::string body) {
  return http::Request{
      .method = "POST", .target = "/x", .body = std::move(body)};
}

std::string Nested(int depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

domain::FieldError Error(std::string field, domain::ErrorCode code,
                         domain::Message message) {
  return {std::move(field), code, std::move(message)};
}

// --- ParseBody / ParseObject / ParseArray -------------------------------

TEST(JsonCodecTest, RefusesAnEmptyBodyAsMalformed) {
  auto body = http::ParseBody(WithBody(""));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(body.status().code(), domain::Code::kMalformed);
  EXPECT_EQ(http::HttpStatus(body.status().code()), 400);
}

TEST(JsonCodecTest, RefusesInvalidJsonAsMalformed) {
  for (const char* text : {"{", "{\"a\": }", "nope", "{\"a\": 1} trailing"}) {
    auto body = http::ParseBody(WithBody(text));
    ASSERT_FALSE(body.ok()) << text;
    EXPECT_EQ(http::HttpStatus(body.status().code()), 400) << text;
    EXPECT_EQ(body.status().detail().key(), "error.body_not_json") << text;
  }
}

// A proxy that reads the first "role" would let through what capdev reads
// as the last.
TEST(JsonCodecTest, RefusesAKeyRepeatedInOneObject) {
  auto body = http::ParseBody(WithBody(R"({"role":"viewer","role":"admin"})"));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(http::HttpStatus(body.status().code()), 400);
  EXPECT_THAT(
      body.status().errors(),
      ElementsAre(Error("role", domain::kRepeated, "error.appears_twice")));
}

TEST(JsonCodecTest, NamesWhereANestedKeyIsRepeated) {
  const auto repeated = [](const char* text) {
    auto body = http::ParseBody(WithBody(text));
    return body.ok() ? std::string("ok") : body.status().errors().at(0).field;
  };
  EXPECT_EQ(repeated(R"({"targets":[{"year":2025},{"year":1,"year":2}]})"),
            "targets[1].year");
  EXPECT_EQ(repeated(R"([{"a":1},{"b":{"c":1,"d":[],"c":2}}])"), "[1].b.c");
  EXPECT_EQ(repeated(R"({"name":"王芳","名字":"x","名字":"y"})"), "名字");
}

TEST(JsonCodecTest, AcceptsTheSameKeyInDifferentObjects) {
  EXPECT_TRUE(
      http::ParseBody(WithBody(R"({"a":{"id":1},"b":{"id":1},"id":2})")).ok());
  EXPECT_TRUE(
      http::ParseBody(WithBody(R"([{"id":1,"x":[{"id":2}]},{"id":3}])")).ok());
}

TEST(JsonCodecTest, AcceptsNestingUpToThirtyTwoLevels) {
  EXPECT_TRUE(http::ParseBody(WithBody(Nested(32))).ok());
}

TEST(JsonCodecTest, RefusesNestingDeeperThanThirtyTwoLevels) {
  for (int depth : {33, 10000}) {
    auto body = http::ParseBody(WithBody(Nested(depth)));
    ASSERT_FALSE(body.ok()) << depth;
    EXPECT_EQ(http::HttpStatus(body.status().code()), 400) << depth;
  }
}

TEST(JsonCodecTest, ParseObjectRefusesAnArrayWithAnErrorOnTheWholeBody) {
  auto body = http::ParseObject(WithBody("[1, 2]"));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(body.status().code(), domain::Code::kInvalidArgument);
  EXPECT_EQ(http::HttpStatus(body.status().code()), 422);
  EXPECT_THAT(body.status().errors(),
              ElementsAre(Error("", domain::kInvalid, "error.not_object")));
}

TEST(JsonCodecTest, ParseObjectRefusesScalars) {
  for (const char* text : {"1", "\"text\"", "null", "true"}) {
    auto body = http::ParseObject(WithBody(text));
    ASSERT_FALSE(body.ok()) << text;
    EXPECT_EQ(http::HttpStatus(body.status().code()), 422) << text;
  }
}

TEST(JsonCodecTest, ParseObjectStillAnswers400ForInvalidJson) {
  auto body = http::ParseObject(WithBody("[1, 2"));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(http::HttpStatus(body.status().code()), 400);
}

TEST(JsonCodecTest, ParseObjectReturnsTheObject) {
  auto body = http::ParseObject(WithBody(R"({"name": "Frontex", "n": 2})"));
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(body->at("name").as_string(), "Frontex");
  EXPECT_EQ(body->at("n").as_int64(), 2);
}

TEST(JsonCodecTest, ParseArrayRefusesAnObjectWithAnErrorOnTheWholeBody) {
  auto body = http::ParseArray(WithBody(R"({"person_id": 8})"));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(http::HttpStatus(body.status().code()), 422);
  EXPECT_THAT(body.status().errors(),
              ElementsAre(Error("", domain::kInvalid, "error.not_array")));
}

TEST(JsonCodecTest, ParseArrayReturnsTheArray) {
  auto body =
      http::ParseArray(WithBody(R"([{"person_id": 8}, {"person_id": 9}])"));
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(body->size(), 2u);
}

// --- FromJson ---------------------------------------------------------------

TEST(JsonCodecTest, ReadsAString) {
  std::string out;
  domain::Errors e;
  codec::FromJson(json::value("北京"), out, "city", e);
  EXPECT_TRUE(e.empty());
  EXPECT_EQ(out, "北京");
}

TEST(JsonCodecTest, RejectsANumberWhereAStringIsExpected) {
  std::string out = "kept";
  domain::Errors e;
  codec::FromJson(json::value(5), out, "city", e);
  EXPECT_THAT(e.list(),
              ElementsAre(Error("city", domain::kInvalid, "error.not_string")));
  EXPECT_EQ(out, "kept");
}

TEST(JsonCodecTest, ReadsIntegersAcrossTheInt64Range) {
  for (std::int64_t n : {std::int64_t{-3}, std::int64_t{0},
                         std::numeric_limits<std::int64_t>::max()}) {
    std::int64_t out = 1;
    domain::Errors e;
    codec::FromJson(json::parse(std::to_string(n)), out, "capacity", e);
    EXPECT_TRUE(e.empty()) << n;
    EXPECT_EQ(out, n);
  }
}

TEST(JsonCodecTest, RejectsAStringWhereAnIntegerIsExpected) {
  std::int64_t out = 7;
  domain::Errors e;
  codec::FromJson(json::value("12"), out, "capacity", e);
  EXPECT_THAT(e.list(), ElementsAre(Error("capacity", domain::kInvalid,
                                          "error.not_integer")));
  EXPECT_EQ(out, 7);
}

TEST(JsonCodecTest, RejectsAFractionWhereAnIntegerIsExpected) {
  std::int64_t out = 7;
  domain::Errors e;
  codec::FromJson(json::parse("1.5"), out, "capacity", e);
  EXPECT_THAT(e.list(), ElementsAre(Error("capacity", domain::kInvalid,
                                          "error.not_integer")));
  EXPECT_EQ(out, 7);
}

TEST(JsonCodecTest, RejectsAnIntegerBeyondInt64AsTooLarge) {
  std::int64_t out = 7;
  domain::Errors e;
  codec::FromJson(json::parse("9223372036854775808"), out, "capacity", e);
  EXPECT_THAT(e.list(), ElementsAre(Error("capacity", domain::kOutOfRange,
                                          "error.integer_too_large")));
  EXPECT_EQ(out, 7);
}

TEST(JsonCodecTest, ReadsABoolAndNothingElse) {
  bool out = false;
  domain::Errors e;
  codec::FromJson(json::value(true), out, "dates_estimated", e);
  EXPECT_TRUE(out);
  for (const char* text : {"1", "\"true\"", "null"}) {
    FromJson(json::parse(text), out, "dates_estimated", e);
  }
  EXPECT_EQ(e.list().size(), 3u);
  EXPECT_EQ(e.list()[0],
            Error("dates_estimated", domain::kInvalid, "error.not_boolean"));
  EXPECT_TRUE(out);
}

TEST(JsonCodecTest, ReadsADoubleFromAnyJsonNumber) {
  domain::Errors e;
  double out = 0;
  codec::FromJson(json::parse("2500.75"), out, "amount", e);
  EXPECT_DOUBLE_EQ(out, 2500.75);
  FromJson(json::parse("-40"), out, "amount", e);
  EXPECT_DOUBLE_EQ(out, -40.0);
  FromJson(json::parse("18446744073709551615"), out, "amount", e);
  EXPECT_DOUBLE_EQ(out, 18446744073709551615.0);
  EXPECT_TRUE(e.empty());
}

TEST(JsonCodecTest, RejectsAStringWhereANumberIsExpected) {
  double out = 1.0;
  domain::Errors e;
  codec::FromJson(json::value("2500"), out, "amount", e);
  EXPECT_THAT(e.list(), ElementsAre(Error("amount", domain::kInvalid,
                                          "error.not_number")));
  EXPECT_DOUBLE_EQ(out, 1.0);
}

TEST(JsonCodecTest, ReadsACalendarDate) {
  domain::Date out;
  domain::Errors e;
  codec::FromJson(json::value("2024-02-29"), out, "start_date", e);
  EXPECT_TRUE(e.empty());
  EXPECT_EQ(out.ToString(), "2024-02-29");
}

TEST(JsonCodecTest, RejectsWhatIsNotARealDate) {
  for (const char* text :
       {R"("2026-02-29")", R"("2026-3-2")", R"("02/03/2026")", "20260302"}) {
    domain::Date out;
    domain::Errors e;
    codec::FromJson(json::parse(text), out, "start_date", e);
    EXPECT_THAT(e.list(), ElementsAre(Error("start_date", domain::kInvalid,
                                            "error.not_date")))
        << text;
  }
}

TEST(JsonCodecTest, ReadsAnArrayOfStrings) {
  std::vector<std::string> out = {"old"};
  domain::Errors e;
  codec::FromJson(json::parse(R"(["border control", "visas"])"), out, "topics",
                  e);
  EXPECT_TRUE(e.empty());
  EXPECT_THAT(out, ElementsAre("border control", "visas"));
}

TEST(JsonCodecTest, NamesEachEntryOfAnArrayThatIsNotAString) {
  std::vector<std::string> out;
  domain::Errors e;
  codec::FromJson(json::parse(R"(["a", 1, "b", null])"), out, "topics", e);
  EXPECT_THAT(
      e.list(),
      ElementsAre(Error("topics[1]", domain::kInvalid, "error.not_string"),
                  Error("topics[3]", domain::kInvalid, "error.not_string")));
}

TEST(JsonCodecTest, RejectsAStringWhereAnArrayOfStringsIsExpected) {
  std::vector<std::string> out = {"old"};
  domain::Errors e;
  codec::FromJson(json::value("visas"), out, "topics", e);
  EXPECT_THAT(e.list(), ElementsAre(Error("topics", domain::kInvalid,
                                          "error.not_array")));
  EXPECT_THAT(out, ElementsAre("old"));
}

TEST(JsonCodecTest, NullResetsAnOptional) {
  std::optional<std::string> out = "Beijing";
  domain::Errors e;
  codec::FromJson(json::value(nullptr), out, "city", e);
  EXPECT_TRUE(e.empty());
  EXPECT_FALSE(out.has_value());
}

TEST(JsonCodecTest, AValueSetsAnOptional) {
  std::optional<std::int64_t> out;
  domain::Errors e;
  codec::FromJson(json::value(30), out, "capacity", e);
  EXPECT_TRUE(e.empty());
  EXPECT_EQ(out, 30);
}

TEST(JsonCodecTest, AnUnreadableValueLeavesAnOptionalAsItWas) {
  std::optional<std::int64_t> out = 30;
  domain::Errors e;
  codec::FromJson(json::value("thirty"), out, "capacity", e);
  EXPECT_THAT(e.list(), ElementsAre(Error("capacity", domain::kInvalid,
                                          "error.not_integer")));
  EXPECT_EQ(out, 30);
}

TEST(JsonCodecTest, ReadsAnEnumerationFromItsText) {
  domain::WorkshopKind out = domain::WorkshopKind::kTraining;
  domain::Errors e;
  codec::FromJson(json::value("study_tour"), out, "kind", e);
  EXPECT_TRUE(e.empty());
  EXPECT_EQ(out, domain::WorkshopKind::kStudyTour);
}

TEST(JsonCodecTest, AnUnknownEnumerationTextListsTheAllowedTexts) {
  domain::Severity out = domain::Severity::kWarning;
  domain::Errors e;
  codec::FromJson(json::value("fatal"), out, "severity", e);
  EXPECT_THAT(
      e.list(),
      ElementsAre(Error("severity", domain::kUnknownValue,
                        domain::Message("error.unknown_value",
                                        {{"allowed", "conflict, warning"}}))));
  EXPECT_EQ(out, domain::Severity::kWarning);
}

TEST(JsonCodecTest, AnUnknownEnumerationTextNamesEveryAllowedText) {
  std::optional<domain::WorkshopKind> out;
  domain::Errors e;
  codec::FromJson(json::value("Training"), out, "kind",
                  e);  // texts are lower case
  ASSERT_EQ(e.list().size(), 1u);
  EXPECT_EQ(e.list()[0].code, "unknown_value");
  EXPECT_EQ(e.list()[0].message.key(), "error.unknown_value");
  ASSERT_EQ(e.list()[0].message.args().size(), 1u);
  const std::string message =
      std::get<std::string>(e.list()[0].message.args()[0].second.value());
  for (auto text : domain::Texts<domain::WorkshopKind>()) {
    EXPECT_THAT(message, HasSubstr(std::string(text)));
  }
  EXPECT_FALSE(out.has_value());
}

TEST(JsonCodecTest, RejectsANumberWhereAnEnumerationIsExpected) {
  domain::Gender out = domain::Gender::kUndisclosed;
  domain::Errors e;
  codec::FromJson(json::value(1), out, "gender", e);
  EXPECT_THAT(e.list(), ElementsAre(Error("gender", domain::kInvalid,
                                          "error.not_string")));
}

}  // namespace
}  // namespace capdev::codec
