// The rules of recording people and organizations, merging them and erasing
// a person's data (app/services/people.cpp, organizations.cpp), called
// directly on a temporary database.

#include "app/services/organizations.hpp"
#include "app/services/people.hpp"
#include "app/services/submissions.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "domain/registration.hpp"
#include "storage/attendance_repository.hpp"
#include "tests/services/service_test.hpp"
#include "tests/support/status.hpp"

namespace capdev::testing {
namespace {

using domain::Code;

class PersonServiceTest : public ServiceTest {
 protected:
  domain::StatusOr<services::PersonCreated> Create(const json::object& fields) {
    return Write([&](storage::WriteTx& tx) {
      return services::CreatePerson(tx, coordinator_,
                                    DraftOf<domain::Person>(fields));
    });
  }
  domain::StatusOr<domain::Person> Update(std::int64_t id,
                                          const json::object& fields) {
    return Write([&](storage::WriteTx& tx) {
      return services::UpdatePerson(tx, coordinator_, id,
                                    DraftOf<domain::Person>(fields));
    });
  }
  domain::StatusOr<services::PersonMerged> Merge(std::int64_t id,
                                                 std::int64_t into) {
    return Write([&](storage::WriteTx& tx) {
      return services::MergePerson(tx, coordinator_, id, into);
    });
  }

  const std::int64_t nia_ = Organization("National Immigration Administration",
                                         {{"native_name", "国家移民管理局"}});
  const std::int64_t project_ = Project("CBMM");
  const std::int64_t workshop_ =
      Workshop(project_, "confirmed", "2017-09-08", "2017-09-09");
};

TEST_F(PersonServiceTest, AChineseNameAloneGetsItsLatinNameGenerated) {
  auto created = Create({{"native_name", "王芳"}, {"gender", "female"}});
  ASSERT_TRUE(created.ok()) << Describe(created.status());
  const auto stored = Stored<domain::Person>(created->person.id);
  EXPECT_EQ(stored->full_name, "WANG Fang");
  EXPECT_TRUE(stored->full_name_generated);
  EXPECT_EQ(stored->native_name, "王芳");

  // It follows the Chinese name until somebody writes one.
  ASSERT_TRUE(Update(stored->id, {{"native_name", "王方"}}).ok());
  EXPECT_EQ(Stored<domain::Person>(stored->id)->full_name, "WANG Fang");
  ASSERT_TRUE(Update(stored->id, {{"native_name", "李娜"}}).ok());
  EXPECT_EQ(Stored<domain::Person>(stored->id)->full_name, "LI Na");
  ASSERT_TRUE(Update(stored->id, {{"full_name", "Nana LI"}}).ok());
  ASSERT_TRUE(Update(stored->id, {{"native_name", "李娜娜"}}).ok());
  const auto written = Stored<domain::Person>(stored->id);
  EXPECT_EQ(written->full_name, "Nana LI");
  EXPECT_FALSE(written->full_name_generated);
}

TEST_F(PersonServiceTest, AnEmailBelongsToOnePerson) {
  const auto wang = Person({{"native_name", "王芳"},
                            {"email", "wang.fang@nia.gov.cn"},
                            {"organization_id", nia_}});
  auto other =
      Create({{"full_name", "Fang WANG"}, {"email", "Wang.Fang@NIA.gov.cn"}});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), Code::kAlreadyExists);
  ASSERT_FALSE(other.status().errors().empty());
  EXPECT_EQ(other.status().errors()[0].field, "email");
  EXPECT_EQ(other.status().errors()[0].code, "taken");
  // It names the person who has it.
  EXPECT_EQ(
      other.status().detail(),
      domain::Message("error.email_of_other_person",
                      {{"id", std::to_string(wang)}, {"name", "WANG Fang"}}));
  EXPECT_EQ(Count("people"), 1);
}

TEST_F(PersonServiceTest, SameNameInOneOrganizationIsListedNotRefused) {
  const auto first =
      Person({{"native_name", "王芳"}, {"organization_id", nia_}});
  auto second = Create({{"native_name", "王芳"}, {"organization_id", nia_}});
  ASSERT_TRUE(second.ok()) << Describe(second.status());
  ASSERT_EQ(second->possible_duplicates.size(), 1u);
  EXPECT_EQ(second->possible_duplicates[0].id, first);
  EXPECT_EQ(Count("people"), 2);
}

TEST_F(PersonServiceTest, MergeMovesRegistrationsAndFillsWhatTheKeptLacks) {
  const auto kept = Person({{"full_name", "WANG Fang"},
                            {"native_name", "王芳"},
                            {"phone", "13800138000"}});
  const auto merged = Person({{"full_name", "Wang Fang"},
                              {"email", "wang.fang@nia.gov.cn"},
                              {"gender", "female"},
                              {"organization_id", nia_},
                              {"phone", "13900139000"}});
  const auto registration = Register(workshop_, merged);

  auto r = Merge(merged, kept);
  ASSERT_TRUE(r.ok()) << Describe(r.status());
  EXPECT_FALSE(Stored<domain::Person>(merged).has_value());
  const auto stored = Stored<domain::Person>(kept);
  EXPECT_EQ(stored->email, "wang.fang@nia.gov.cn");
  EXPECT_EQ(stored->gender, domain::Gender::kFemale);
  EXPECT_EQ(stored->organization_id, nia_);
  EXPECT_EQ(stored->phone, "13800138000");  // the kept one's stays
  EXPECT_EQ(Stored<domain::Registration>(registration)->person_id, kept);
  ASSERT_EQ(r->conflicting_fields.size(), 1u);
  EXPECT_EQ(r->conflicting_fields[0].field, "phone");
  EXPECT_EQ(AuditEntries("person", "merge"), 2);
}

TEST_F(PersonServiceTest, MergeIsRefusedWhenBothAreInOneWorkshop) {
  const auto a = Person({{"native_name", "张伟"}});
  const auto b = Person({{"full_name", "ZHANG Wei"}});
  Register(workshop_, a);
  Register(workshop_, b);
  auto r = Merge(a, b);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kFailedPrecondition);
  EXPECT_TRUE(Stored<domain::Person>(a).has_value());
  EXPECT_EQ(Count("registrations"), 2);
  EXPECT_EQ(AuditEntries("person", "merge"), 0);
}

TEST_F(PersonServiceTest, MergeNeedsAnotherKnownPerson) {
  const auto a = Person({{"native_name", "陈静"}});
  auto itself = Merge(a, a);
  ASSERT_FALSE(itself.ok());
  EXPECT_EQ(itself.status().code(), Code::kInvalidArgument);
  auto unknown = Merge(a, a + 50);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), Code::kInvalidArgument);
  auto unknown_from = Merge(a + 50, a);
  ASSERT_FALSE(unknown_from.ok());
  EXPECT_EQ(unknown_from.status().code(), Code::kNotFound);
  EXPECT_TRUE(Stored<domain::Person>(a).has_value());
}

TEST_F(PersonServiceTest, TwoPeopleMarkedDistinctAreRecordedOnce) {
  const auto a = Person({{"native_name", "王芳"}, {"organization_id", nia_}});
  const auto b = Person({{"native_name", "王芳"}});
  auto same = Write([&](storage::WriteTx& tx) {
    return services::MarkDistinct(tx, coordinator_, a, a);
  });
  EXPECT_EQ(same.code(), Code::kInvalidArgument);
  auto unknown = Write([&](storage::WriteTx& tx) {
    return services::MarkDistinct(tx, coordinator_, a + 50, b);
  });
  EXPECT_EQ(unknown.code(), Code::kNotFound);
  EXPECT_EQ(Count("people_distinct"), 0);

  auto distinct = Write([&](storage::WriteTx& tx) {
    return services::MarkDistinct(tx, coordinator_, b, a);
  });
  ASSERT_TRUE(distinct.ok()) << Describe(distinct);
  EXPECT_EQ(
      Count("people_distinct", "person_id = " + std::to_string(a) +
                                   " AND other_id = " + std::to_string(b)),
      1);
}

TEST_F(PersonServiceTest, ErasureKeepsRegistrationsAndMarks) {
  const auto id = Person({{"native_name", "王芳"},
                          {"email", "wang.fang@nia.gov.cn"},
                          {"phone", "13800138000"},
                          {"gender", "female"},
                          {"organization_id", nia_}});
  Register(workshop_, id);
  const auto session = Sessions(workshop_)[0];
  MarkPresent(workshop_, session, id);

  auto erased = Write([&](storage::WriteTx& tx) {
    return services::ErasePerson(tx, coordinator_, id);
  });
  ASSERT_TRUE(erased.ok()) << Describe(erased.status());
  const auto stored = Stored<domain::Person>(id);
  EXPECT_EQ(stored->native_name, std::nullopt);
  EXPECT_EQ(stored->email, std::nullopt);
  EXPECT_EQ(stored->phone, std::nullopt);
  EXPECT_EQ(stored->full_name.find("WANG"), std::string::npos);
  EXPECT_EQ(stored->gender, domain::Gender::kFemale);
  EXPECT_EQ(stored->organization_id, nia_);
  EXPECT_EQ(Count("registrations", "person_id = " + std::to_string(id)), 1);
  EXPECT_EQ(testing::Ok(storage::Sheet(db_, session)).size(), 1u);
  // The audit trail never holds the erased values.
  EXPECT_EQ(Count("audit_log",
                  "before LIKE '%wang.fang%' OR after LIKE "
                  "'%wang.fang%' OR after LIKE '%王芳%'"),
            0);
}

class OrganizationServiceTest : public ServiceTest {
 protected:
  domain::StatusOr<domain::Organization> Create(const json::object& fields) {
    return Write([&](storage::WriteTx& tx) {
      return services::CreateOrganization(
          tx, coordinator_, DraftOf<domain::Organization>(fields));
    });
  }
  domain::StatusOr<domain::Organization> Merge(std::int64_t id,
                                               std::int64_t into) {
    return Write([&](storage::WriteTx& tx) {
      return services::MergeOrganization(tx, coordinator_, id, into);
    });
  }

  const std::int64_t mps_ =
      Organization("Ministry of Public Security", {{"native_name", "公安部"}});
};

TEST_F(OrganizationServiceTest, EveryNameOfEveryOrganizationIsUnique) {
  Organization("Exit and Entry Administration",
               {{"native_name", "公安部出入境管理局"},
                {"parent_id", mps_},
                {"aliases", json::array{"MPS Exit-Entry Bureau"}}});
  auto same_alias =
      Create({{"name", "mps exit-entry bureau"}, {"kind", "government"}});
  ASSERT_FALSE(same_alias.ok());
  EXPECT_EQ(same_alias.status().code(), Code::kAlreadyExists);
  auto same_native =
      Create({{"name", "公安部出入境管理局"}, {"kind", "government"}});
  ASSERT_FALSE(same_native.ok());
  EXPECT_EQ(same_native.status().code(), Code::kAlreadyExists);
  EXPECT_EQ(Count("organizations"), 2);
}

TEST_F(OrganizationServiceTest, AParentMustExistAndMakeNoCycle) {
  auto orphan = Create({{"name", "Border Police College"},
                        {"kind", "academic"},
                        {"parent_id", mps_ + 100}});
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Count("organizations"), 1);

  const auto bureau = Organization(
      "Exit and Entry Administration",
      {{"native_name", "公安部出入境管理局"}, {"parent_id", mps_}});
  auto cycle = Write([&](storage::WriteTx& tx) {
    return services::UpdateOrganization(
        tx, coordinator_, mps_,
        DraftOf<domain::Organization>({{"parent_id", bureau}}));
  });
  ASSERT_FALSE(cycle.ok());
  EXPECT_EQ(cycle.status().code(), Code::kInvalidArgument);
  ASSERT_FALSE(cycle.status().errors().empty());
  EXPECT_EQ(cycle.status().errors()[0].field, "parent_id");
  EXPECT_EQ(Stored<domain::Organization>(mps_)->parent_id, std::nullopt);
}

TEST_F(OrganizationServiceTest, MergeMovesPeopleAndKeepsTheNamesAsAliases) {
  const auto spelled = Organization("公安部出入境管理局");
  const auto bureau =
      Organization("Exit and Entry Administration", {{"parent_id", mps_}});
  const auto person =
      Person({{"native_name", "王芳"}, {"organization_id", spelled}});

  auto kept = Merge(spelled, bureau);
  ASSERT_TRUE(kept.ok()) << Describe(kept.status());
  EXPECT_FALSE(Stored<domain::Organization>(spelled).has_value());
  EXPECT_EQ(Stored<domain::Person>(person)->organization_id, bureau);
  const auto stored = Stored<domain::Organization>(bureau);
  EXPECT_EQ(stored->aliases, std::vector<std::string>{"公安部出入境管理局"});
  EXPECT_EQ(AuditEntries("organization", "merge", spelled), 1);
}

TEST_F(OrganizationServiceTest, MergeIsRefusedOnceAReportWasSubmittedForIt) {
  const auto funder =
      Organization("European Union", {{"kind", "intergovernmental"}});
  const auto other =
      Organization("EU Delegation to China", {{"kind", "intergovernmental"}});
  storage::Submission s;
  s.report = "funder";
  s.params = R"({"organization_id": ")" + std::to_string(funder) + "\"}";
  s.organization_id = funder;
  s.body = R"({"totals": {"people_trained": 42}})";
  ASSERT_TRUE(Write([&](storage::WriteTx& tx) {
                testing::Ok(services::SubmitReport(tx, coordinator_, s));
                return domain::Status::Ok();
              }).ok());

  auto r = Merge(funder, other);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kFailedPrecondition);
  EXPECT_TRUE(Stored<domain::Organization>(funder).has_value());
  EXPECT_TRUE(Stored<domain::Organization>(other)->aliases.empty());
}

}  // namespace
}  // namespace capdev::testing
