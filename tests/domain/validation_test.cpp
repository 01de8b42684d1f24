// The list rules every body shares: bounded, each item once.

#include "domain/validation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/project.hpp"

namespace capdev::domain {
namespace {

std::vector<std::string> Fields(const Errors& e) {
  std::vector<std::string> out;
  for (const auto& error : e.list()) out.push_back(error.field);
  return out;
}

TEST(ListRulesTest, ATooLongListIsOneErrorAndItsItemsAreNotChecked) {
  Errors e;
  const Term targets{"error.noun.targets"};
  EXPECT_TRUE(e.AtMost("targets", 100, 100, targets));
  EXPECT_FALSE(e.AtMost("targets", 101, 100, targets));
  ASSERT_EQ(e.list().size(), 1u);
  EXPECT_EQ(e.list()[0].code, "too_many");
  EXPECT_EQ(e.list()[0].message,
            Message("error.too_many", {{"max", 100}, {"noun", targets}}));
}

TEST(ListRulesTest, EachRepeatNamesTheItemItRepeats) {
  Errors e;
  e.Distinct("filter.workshop_ids", std::vector<std::int64_t>{7, 8, 7, 7});
  EXPECT_EQ(Fields(e), (std::vector<std::string>{"filter.workshop_ids[2]",
                                                 "filter.workshop_ids[3]"}));
  EXPECT_EQ(e.list()[0].code, "repeated");
  EXPECT_EQ(e.list()[0].message, Message("error.repeated", {{"first", 0}}));
}

TEST(ListRulesTest, ItemsAreTheSameByTheKeyGiven) {
  Errors e;
  const std::vector<std::string> names{"公安部出入境管理局", "MPS",
                                       "公安部出入境管理局"};
  e.Distinct("aliases", names, [](const std::string& n) { return n.size(); });
  EXPECT_EQ(Fields(e), (std::vector<std::string>{"aliases[2]"}));
}

TEST(ListRulesTest, ANameListHoldsEachNameOnce) {
  Errors e;
  e.NameList("topics", {"border management", "边境管理", "border management"},
             50, Term{"error.noun.topics"});
  EXPECT_EQ(Fields(e), (std::vector<std::string>{"topics[2]"}));
}

TEST(ListRulesTest, AProjectHoldsAtMostAHundredParties) {
  std::vector<ProjectParty> parties(101);
  for (std::size_t i = 0; i < parties.size(); ++i) {
    parties[i].organization_id = static_cast<std::int64_t>(i) + 1;
    parties[i].role = ProjectRole::kCoFunder;
  }
  const auto status = ValidateParties(parties);
  ASSERT_EQ(status.code(), Code::kInvalidArgument);
  ASSERT_EQ(status.errors().size(), 1u);
  parties.pop_back();
  EXPECT_TRUE(ValidateParties(parties).ok());
}

// A list decoding refused a part of is not also said to be empty (what is
// left of it is not what was sent); other fields' rules still speak.
TEST(ValidationTest, CombineSaysNothingTwice) {
  Errors decoding;
  decoding.Add("items[0].text", kInvalid);
  Errors rules;
  rules.Add("items", kRequired);
  rules.Add("item", kRequired);  // a name that only begins like it
  rules.Add("title", kRequired);
  const auto all = Combine(decoding, rules.ToStatus());
  std::vector<std::string> fields;
  for (const auto& e : all.errors()) fields.push_back(e.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"items[0].text", "item", "title"}));
}

}  // namespace
}  // namespace capdev::domain
