// The catalogs and their rendering (app/i18n): the reader's language from
// Accept-Language, messages with values (plurals, numbers, names that are
// themselves catalog entries), and catalogs that hold every key the server
// names, in both languages.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "app/i18n/catalog.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/project.hpp"
#include "domain/registration.hpp"
#include "domain/results.hpp"
#include "domain/session.hpp"
#include "domain/workshop.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::i18n {
namespace {

using domain::Language;
using domain::Message;
using domain::Term;

TEST(AcceptLanguageTest, ChineseInAnyOfItsSpellings) {
  EXPECT_EQ(FromAcceptLanguage("zh"), Language::kZh);
  EXPECT_EQ(FromAcceptLanguage("zh-CN"), Language::kZh);
  EXPECT_EQ(FromAcceptLanguage("zh-Hans"), Language::kZh);
  EXPECT_EQ(FromAcceptLanguage("zh-Hans-CN"), Language::kZh);
  EXPECT_EQ(FromAcceptLanguage("ZH-cn"), Language::kZh);
  // Traditional Chinese is not ours: Simplified is the closest we have.
  EXPECT_EQ(FromAcceptLanguage("zh-TW;q=0.8"), Language::kZh);
  EXPECT_EQ(FromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"), Language::kZh);
}

TEST(AcceptLanguageTest, EnglishOtherwise) {
  EXPECT_EQ(FromAcceptLanguage("en-US"), Language::kEn);
  EXPECT_EQ(FromAcceptLanguage("en-GB,en;q=0.9,zh;q=0.5"), Language::kEn);
  EXPECT_EQ(FromAcceptLanguage("fr"), Language::kEn);
  EXPECT_EQ(FromAcceptLanguage("fr-FR, de;q=0.5"), Language::kEn);
  EXPECT_EQ(FromAcceptLanguage("*"), Language::kEn);
  EXPECT_EQ(FromAcceptLanguage(""), Language::kEn);
  // The first of ours that the header names, past the ones we lack.
  EXPECT_EQ(FromAcceptLanguage("fr, zh-CN;q=0.8"), Language::kZh);
}

TEST(LanguageTagTest, ParsesOnlyOurTags) {
  EXPECT_EQ(ParseTag("en"), Language::kEn);
  EXPECT_EQ(ParseTag("zh"), Language::kZh);
  EXPECT_EQ(ParseTag("zh-CN"), std::nullopt);
  EXPECT_EQ(ParseTag("fr"), std::nullopt);
  EXPECT_EQ(Tag(Language::kZh), "zh");
}

TEST(RenderTest, PluralsByTheLanguagesOwnRules) {
  const auto one = Message("error.referenced_by.registrations", {{"n", 1}});
  const auto two = Message("error.referenced_by.registrations", {{"n", 2}});
  EXPECT_EQ(Render(Language::kEn, one), "1 registration");
  EXPECT_EQ(Render(Language::kEn, two), "2 registrations");
  EXPECT_EQ(Render(Language::kZh, one), "1条报名记录");
  EXPECT_EQ(Render(Language::kZh, two), "2条报名记录");
}

TEST(RenderTest, NumbersByTheLocale) {
  const auto range =
      Message("error.out_of_range", {{"min", 0}, {"max", 1000000}});
  EXPECT_EQ(Render(Language::kEn, range), "must be from 0 to 1,000,000");
  EXPECT_EQ(Render(Language::kZh, range), "必须在 0 到 1,000,000 之间");
  EXPECT_EQ(Render(Language::kEn, Message("error.too_long", {{"max", 300}})),
            "must be at most 300 characters");
}

TEST(RenderTest, ATermIsRenderedInTheSameLanguage) {
  const auto before =
      Message("error.not_before", {{"other", domain::FieldTerm("start_date")}});
  EXPECT_EQ(Render(Language::kEn, before), "must not be before start date");
  EXPECT_EQ(Render(Language::kZh, before), "不得早于开始日期");
  const auto missing = Message(
      "error.record_not_found",
      {{"noun", Term{"error.record.workshop"}}, {"id", std::string("12")}});
  EXPECT_EQ(Render(Language::kEn, missing), "workshop 12 does not exist");
  EXPECT_EQ(Render(Language::kZh, missing), "ID 为 12 的培训活动不存在");
}

TEST(RenderTest, CountedThingsReadAsOneList) {
  const Message referenced(
      "error.still_referenced",
      {{"noun", Term{"error.record.organization"}},
       {"by", domain::CountList{"error.referenced_by.",
                                {{"organizations_below", 1}, {"people", 2}}}}});
  EXPECT_EQ(Render(Language::kEn, referenced),
            "the organization is still referenced by 1 organization below it "
            "and 2 people; remove those first");
  EXPECT_EQ(Render(Language::kZh, referenced),
            "该机构仍被1个下级机构和2名人员引用，请先删除这些记录");
}

TEST(RenderTest, AValueSelectsTheWordsOfEachLanguage) {
  const Message transition("error.transition_from_held",
                           {{"from", "held"}, {"to", "planned"}});
  EXPECT_EQ(Render(Language::kEn, transition),
            "a held workshop cannot become planned: it has taken place");
  EXPECT_EQ(Render(Language::kZh, transition),
            "已举办的培训活动不能改为“计划中”：活动已经举办。");
}

TEST(RenderTest, ApostrophesAreText) {
  EXPECT_EQ(Render(Language::kEn, Message("error.to_before_from")),
            "'to' must not be before 'from'");
  EXPECT_EQ(Render(Language::kEn, Message("error.import_over_budget")),
            "the import ran over the writer's time budget");
}

TEST(RenderTest, AKeyTheCatalogLacksRendersAsItself) {
  EXPECT_EQ(Render(Language::kZh, Message("error.no_such_key_here")),
            "error.no_such_key_here");
}

TEST(LogTextTest, IsEnglishWithEveryEntry) {
  const auto s =
      domain::Status::Invalid({{"title", domain::kRequired, "error.required"}});
  EXPECT_EQ(LogText(s), "The request breaks a rule.; title: is required");
  EXPECT_EQ(LogText(domain::Status::Internal("disk on fire")), "disk on fire");
}

// --- the catalogs themselves ---------------------------------------------

boost::json::object Catalog(Language language) {
  return boost::json::parse(CatalogJson(language)).as_object();
}

// Which keys the catalogs hold, and that code names no other, is
// tests/i18n/check_catalogs.py's (the web app's code included); here, what
// only ICU and the schema can tell.
TEST(CatalogTest, EveryEntryIsAPatternICUReads) {
  EXPECT_EQ(CatalogFaults(), std::vector<std::string>{});
  // An apostrophe before a brace would quote it: the value would be lost.
  for (const auto language : kLanguages) {
    for (const auto& [key, value] : Catalog(language)) {
      const std::string pattern(value.as_string());
      EXPECT_EQ(pattern.find("'{"), std::string::npos) << key;
      EXPECT_EQ(pattern.find("'}"), std::string::npos) << key;
    }
  }
}

// Keys made at run time: a record's name, a field's, what still references
// a record (one per table the schema lets refuse a delete).
TEST(CatalogTest, HoldsTheKeysTheServerMakes) {
  const auto en = Catalog(Language::kEn);
  for (std::string_view noun :
       {domain::Fields<domain::Organization>::kNoun,
        domain::Fields<domain::Project>::kNoun,
        domain::Fields<domain::Workshop>::kNoun,
        domain::Fields<domain::Session>::kNoun,
        domain::Fields<domain::Person>::kNoun,
        domain::Fields<domain::Registration>::kNoun,
        domain::Fields<domain::Result>::kNoun,
        domain::Fields<domain::Indicator>::kNoun, std::string_view("user"),
        std::string_view("record")}) {
    EXPECT_TRUE(en.contains("error.record." + std::string(noun))) << noun;
  }
  // The unique fields a duplicate names.
  for (std::string_view field :
       {domain::Fields<domain::Organization>::kUnique,
        domain::Fields<domain::Project>::kUnique,
        domain::Fields<domain::Person>::kUnique, std::string_view("username")})
    EXPECT_TRUE(en.contains("field." + std::string(field))) << field;
  for (const auto code :
       {domain::kRequired, domain::kInvalid, domain::kTooLong,
        domain::kOutOfRange, domain::kUnknownValue, domain::kNotBefore,
        domain::kTaken, domain::kNotFound, domain::kNotAllowed, domain::kInUse,
        domain::kRepeated, domain::kTooMany})
    EXPECT_TRUE(en.contains("error." + std::string(code.text))) << code.text;

  testing::TempDir dir;
  const auto path = dir.File("schema.db");
  {
    storage::Database db({path});
    ASSERT_TRUE(storage::Migrate(db).ok());
  }
  // The foreign keys storage/references.cpp counts (on the id, not
  // cascading, one column).
  capdev::storage::Database db({path});
  const auto q = db.connection().Prepare(R"sql(
SELECT m.name, f."table" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' AND coalesce(f."to", 'id') = 'id'
  AND f.on_delete NOT IN ('CASCADE', 'SET NULL', 'SET DEFAULT')
  AND (SELECT COUNT(*) FROM pragma_foreign_key_list(m.name) g WHERE g.id = f.id) = 1)sql");
  std::size_t tables = 0;
  while (q->Step()) {
    const std::string from = q->Text(0);
    const std::string to = q->Text(1);
    const std::string key =
        "error.referenced_by." + from + (from == to ? "_below" : "");
    EXPECT_TRUE(en.contains(key)) << key;
    ++tables;
  }
  EXPECT_GT(tables, 8u);
}

}  // namespace
}  // namespace capdev::i18n
