#include "domain/organization.hpp"

#include <gtest/gtest.h>

#include "domain/person.hpp"
#include "domain/validation.hpp"

namespace capdev::domain {
namespace {

std::vector<std::string> Fields(const Status& s) {
  std::vector<std::string> out;
  for (const auto& e : s.errors()) out.push_back(e.field);
  return out;
}

TEST(OrganizationRulesTest, AcceptsAMinimalOrganization) {
  Organization org{.name = "Frontex",
                   .kind = OrganizationKind::kIntergovernmental};
  EXPECT_TRUE(Validate(org).ok());
}

TEST(OrganizationRulesTest, ReportsEveryBrokenRuleAtOnce) {
  Organization org{
      .name = "", .kind = std::nullopt, .country = "de", .parent_id = -1};
  auto s = Validate(org);
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_EQ(Fields(s),
            (std::vector<std::string>{"name", "kind", "country", "parent_id"}));
}

TEST(OrganizationRulesTest, CountsLengthInCharactersNotBytes) {
  // 300 Chinese characters are 900 bytes of UTF-8 and still fit.
  std::string name;
  for (int i = 0; i < 300; ++i) name += "中";
  EXPECT_TRUE(Validate(Organization{.name = name,
                                    .kind = OrganizationKind::kGovernment})
                  .ok());
  EXPECT_FALSE(Validate(Organization{.name = name + "中",
                                     .kind = OrganizationKind::kGovernment})
                   .ok());
}

TEST(PersonRulesTest, DefaultsGenderAndChecksEmailShape) {
  Person p{.full_name = "Pär Liljert"};
  EXPECT_EQ(p.gender, Gender::kUndisclosed);
  EXPECT_TRUE(Validate(p).ok());
  p.email = "not-an-address";
  EXPECT_EQ(Fields(Validate(p)), (std::vector<std::string>{"email"}));
}

// The order of SQLite's NOCASE collation, which organizations.name uses.
TEST(OrganizationRulesTest, NamesCompareWithoutAsciiCase) {
  EXPECT_TRUE(NameLess("acme academy", "Trainer T"));  // 'T' < 'a' in bytes
  EXPECT_FALSE(NameLess("Trainer T", "acme academy"));
  EXPECT_FALSE(NameLess("FRONTEX", "frontex"));  // the same name to SQLite
  EXPECT_FALSE(NameLess("frontex", "FRONTEX"));
  EXPECT_TRUE(NameLess("Frontex", "Frontex Agency"));  // a prefix first
  EXPECT_TRUE(NameLess("Zeta", "Åland"));              // beyond ASCII: bytes
  EXPECT_TRUE(NameLess("=cmd", "Agency A"));
}

}  // namespace
}  // namespace capdev::domain
