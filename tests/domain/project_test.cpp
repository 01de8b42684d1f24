#include "domain/project.hpp"

#include <gtest/gtest.h>

namespace capdev::domain {
namespace {

TEST(ProjectRulesTest, RejectsEndBeforeStart) {
  Project p{.code = "CBMM",
            .title = "Capacity Building for Migration Management"};
  p.start_date = Date::Parse("2010-01-01");
  p.end_date = Date::Parse("2009-12-31");
  auto s = Validate(p);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.errors().at(0).field, "end_date");
}

TEST(ProjectPartiesTest, AmountsOnlyOnFunderRoles) {
  std::vector<ProjectParty> parties = {
      {.organization_id = 1,
       .role = ProjectRole::kLeadFunder,
       .amount = 1000000.0,
       .currency = "EUR"},
      {.organization_id = 2, .role = ProjectRole::kImplementer, .amount = 5.0},
  };
  auto s = ValidateParties(parties);
  ASSERT_FALSE(s.ok());
  ASSERT_EQ(s.errors().size(), 1u);
  EXPECT_EQ(s.errors()[0].field, "[1].amount");
}

TEST(ProjectPartiesTest, RefusesTheSameRoleTwiceAndMissingRoles) {
  std::vector<ProjectParty> parties = {
      {.organization_id = 1, .role = ProjectRole::kCoFunder},
      {.organization_id = 1, .role = ProjectRole::kCoFunder},
      {.organization_id = 2, .role = std::nullopt}};
  auto s = ValidateParties(parties);
  ASSERT_EQ(s.errors().size(), 2u);
  EXPECT_EQ(s.errors()[0].field, "[1].role");
  EXPECT_EQ(s.errors()[1].field, "[2].role");
}

}  // namespace
}  // namespace capdev::domain
