// The JSON codec: a resource decoded whole (Decode, DecodeDraft) and encoded
// back (Encode, ToJson).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "app/codec/json_codec.hpp"
#include "app/http/problem.hpp"
#include "domain/project.hpp"
#include "domain/registration.hpp"
#include "domain/workshop.hpp"

namespace capdev::codec {
namespace {

using ::testing::ElementsAre;

domain::FieldError Error(std::string field, domain::ErrorCode code,
                         domain::Message message) {
  return {std::move(field), code, std::move(message)};
}

// --- Decode / DecodeDraft ---------------------------------------------------

TEST(JsonCodecTest, DecodeRefusesAReadOnlyField) {
  domain::Registration r;
  domain::Errors e;
  codec::Decode(
      json::parse(R"({"workshop_id": 3, "person_id": 8})").as_object(), r, e);
  EXPECT_THAT(e.list(), ElementsAre(Error("workshop_id", domain::kNotAllowed,
                                          "error.read_only")));
  EXPECT_EQ(r.workshop_id, 0);
  EXPECT_EQ(r.person_id, 8);
}

TEST(JsonCodecTest, DecodeRefusesAFieldTheResourceDoesNotHave) {
  domain::Registration r;
  domain::Errors e;
  codec::Decode(json::parse(R"({"person_id": 8, "colour": "red"})").as_object(),
                r, e);
  EXPECT_THAT(e.list(), ElementsAre(Error("colour", domain::kNotAllowed,
                                          "error.not_a_field_of_resource")));
}

TEST(JsonCodecTest, DecodeIgnoresTheId) {
  domain::Registration r;
  domain::Errors e;
  codec::Decode(json::parse(R"({"id": 99, "person_id": 8})").as_object(), r, e);
  EXPECT_TRUE(e.empty());
  EXPECT_EQ(r.id, 0);
}

TEST(JsonCodecTest, DecodeReportsEveryBadFieldAtOnce) {
  domain::Workshop w;
  domain::Errors e;
  codec::Decode(
      json::parse(R"({"title": 1, "kind": "lecture", "start_date": "soon",
                         "capacity": 30, "venue": "Hall"})")
          .as_object(),
      w, e);
  EXPECT_EQ(e.list().size(), 3u);
  EXPECT_TRUE(e.Has("title"));
  EXPECT_TRUE(e.Has("kind"));
  EXPECT_TRUE(e.Has("start_date"));
  EXPECT_EQ(w.capacity, 30);
  EXPECT_EQ(w.venue, "Hall");
}

TEST(JsonCodecTest, DecodePrefixesTheFieldNamesInErrors) {
  domain::Registration r;
  domain::Errors e;
  codec::Decode(json::parse(R"({"role": "guest"})").as_object(), r, e, "[3].");
  ASSERT_EQ(e.list().size(), 1u);
  EXPECT_EQ(e.list()[0].field, "[3].role");
}

TEST(JsonCodecTest, DecodeListNamesTheEntryOfEachError) {
  domain::Errors e;
  auto list = codec::DecodeList<domain::Registration>(
      json::parse(R"([{"person_id": 8}, 5, {"person_id": "x"}])").as_array(),
      e);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].person_id, 8);
  EXPECT_THAT(e.list(),
              ElementsAre(Error("[1]", domain::kInvalid, "error.not_object"),
                          Error("[2].person_id", domain::kInvalid,
                                "error.not_integer")));
}

TEST(JsonCodecTest, DraftListsOnlyTheWritableFieldsSent) {
  auto draft = codec::DecodeDraft<domain::Registration>(
      json::parse(R"({"status": "attended", "workshop_id": 3, "extra": 1})")
          .as_object());
  EXPECT_THAT(draft.present, ElementsAre("status"));
  EXPECT_TRUE(draft.Has("status"));
  EXPECT_FALSE(draft.Has("workshop_id"));
  EXPECT_FALSE(draft.Has("person_id"));
  EXPECT_EQ(draft.errors.list().size(), 2u);
}

TEST(JsonCodecTest, DraftAppliesOnlyTheSentFields) {
  domain::Workshop stored{.id = 5,
                          .project_id = 1,
                          .title = "Document security",
                          .kind = domain::WorkshopKind::kTraining,
                          .topics = {"forgery"},
                          .city = "Beijing",
                          .venue = "Friendship Hotel"};
  auto draft = codec::DecodeDraft<domain::Workshop>(
      json::parse(R"({"venue": null, "capacity": 40})").as_object());
  ASSERT_TRUE(draft.errors.empty());

  domain::Workshop updated = draft.ApplyTo(stored);
  EXPECT_FALSE(updated.venue.has_value());  // sent as null: cleared
  EXPECT_EQ(updated.capacity, 40);
  EXPECT_EQ(updated.id, 5);
  EXPECT_EQ(updated.title, "Document security");
  EXPECT_EQ(updated.kind, domain::WorkshopKind::kTraining);
  EXPECT_THAT(updated.topics, ElementsAre("forgery"));
  EXPECT_EQ(updated.city, "Beijing");
}

// --- Encode / ToJson --------------------------------------------------------

domain::Workshop FullWorkshop() {
  domain::Workshop w{.id = 12,
                     .project_id = 3,
                     .title = "Exit and Entry Law, \"2012\"",
                     .kind = domain::WorkshopKind::kSeminar,
                     .summary = "两天的研讨会",
                     .topics = {"visas", "border control"},
                     .status = domain::WorkshopStatus::kConfirmed,
                     .dates_estimated = true,
                     .city = "Hangzhou",
                     .province = "Zhejiang",
                     .country = "CN",
                     .venue = "West Lake Hall",
                     .capacity = 40,
                     .reported_participants = 38,
                     .notes = "line one\nline two",
                     .source = "https://example.org/press"};
  w.start_date = domain::Date::Parse("2026-11-16");
  w.end_date = domain::Date::Parse("2026-11-18");
  return w;
}

TEST(JsonCodecTest, EncodeThenDecodeGivesBackEveryField) {
  const domain::Workshop original = FullWorkshop();
  json::object encoded = codec::Encode(original);
  // Through text, as a client would see it.
  json::object reread = json::parse(json::serialize(encoded)).as_object();
  reread.erase("id");

  domain::Workshop decoded;
  domain::Errors e;
  codec::Decode(reread, decoded, e);
  EXPECT_TRUE(e.empty());
  EXPECT_TRUE(domain::SameFields(decoded, original));
}

TEST(JsonCodecTest, EncodeWritesTheIdAndTypedValues) {
  json::object o = codec::Encode(FullWorkshop());
  EXPECT_EQ(o.at("id").as_int64(), 12);
  EXPECT_EQ(o.at("kind").as_string(), "seminar");
  EXPECT_EQ(o.at("start_date").as_string(), "2026-11-16");
  EXPECT_TRUE(o.at("dates_estimated").as_bool());
  EXPECT_EQ(o.at("topics").as_array().size(), 2u);
}

TEST(JsonCodecTest, EncodeWritesAbsentValuesAsNull) {
  json::object o = codec::Encode(domain::Workshop{.title = "T"});
  EXPECT_TRUE(o.at("venue").is_null());
  EXPECT_TRUE(o.at("start_date").is_null());
  EXPECT_TRUE(o.at("kind").is_null());
  EXPECT_TRUE(o.at("topics").as_array().empty());
}

TEST(JsonCodecTest, EncodeWritesEveryDescribedField) {
  json::object o = codec::Encode(domain::ProjectParty{});
  EXPECT_EQ(
      o.size(),
      std::tuple_size_v<decltype(domain::Fields<domain::ProjectParty>::kAll)>);
  EXPECT_FALSE(o.contains("id"));  // a party has no id of its own
}

TEST(JsonCodecTest, ConflictsBecomeObjectsWithTheirTextsAndNulls) {
  domain::Conflict c{.kind = domain::ConflictKind::kTrainerInstitution,
                     .severity = domain::Severity::kWarning,
                     .date = *domain::Date::Parse("2027-03-02"),
                     .workshop_id = 6,
                     .other_workshop_id = 9,
                     .other_workshop_title = "Risk analysis",
                     .organization_id = 4,
                     .city = "Shanghai"};
  json::array a = codec::ToJson(std::vector<domain::Conflict>{c});
  ASSERT_EQ(a.size(), 1u);
  const json::object& o = a[0].as_object();
  EXPECT_EQ(o.at("kind").as_string(), "trainer_institution");
  EXPECT_EQ(o.at("severity").as_string(), "warning");
  EXPECT_EQ(o.at("date").as_string(), "2027-03-02");
  EXPECT_EQ(o.at("workshop_id").as_int64(), 6);
  EXPECT_EQ(o.at("other_workshop_id").as_int64(), 9);
  EXPECT_EQ(o.at("other_workshop_title").as_string(), "Risk analysis");
  EXPECT_TRUE(o.at("person_id").is_null());
  EXPECT_EQ(o.at("organization_id").as_int64(), 4);
  EXPECT_TRUE(o.at("venue").is_null());
  EXPECT_EQ(o.at("city").as_string(), "Shanghai");
}

TEST(JsonCodecTest, NoConflictsIsAnEmptyArray) {
  EXPECT_TRUE(codec::ToJson(std::vector<domain::Conflict>{}).empty());
}

}  // namespace
}  // namespace capdev::codec
