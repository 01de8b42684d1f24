// The rules of importing a host agency's participant list
// (app/services/participant_import.cpp), called directly on a temporary
// database and committed as the api/ import route commits it.

#include "app/services/imports.hpp"
#include "domain/organization.hpp"
#include "domain/person.hpp"
#include "storage/people.hpp"
#include "tests/services/service_test.hpp"

namespace capdev::testing {
namespace {

using domain::ImportAction;

class ImportServiceTest : public ServiceTest {
 protected:
  // A real run, committed only when ImportShouldCommit allows it (as
  // app/api/spreadsheet.cpp's RunImport does).
  domain::StatusOr<services::ImportReport> Import(
      const formats::Rows& sheet, services::ImportOptions options) {
    options.dry_run = false;
    auto tx = Ok(storage::WriteTx::Begin(db_));
    auto report = services::ImportParticipants(tx, coordinator_, workshop_,
                                               sheet, options);
    if (report.ok() && services::ImportShouldCommit(*report, options)) {
      Ok(tx.Commit());
    }
    return report;
  }
  std::vector<ImportAction> Actions(const services::ImportReport& report) {
    std::vector<ImportAction> out;
    for (const auto& row : report.rows) out.push_back(row.action);
    return out;
  }

  const std::int64_t nia_ = Organization("National Immigration Administration",
                                         {{"native_name", "国家移民管理局"}});
  const std::int64_t workshop_ =
      Workshop(Project("CBMM"), "confirmed", "2017-09-08", "2017-09-09");
  // The list as a host agency sends it: a title row, then the header.
  const formats::Rows list_ = {
      {std::string("出入境证件鉴别培训班学员名单")},
      {std::string("序号"), std::string("姓名"), std::string("性别"),
       std::string("单位"), std::string("邮箱")},
      {1.0, std::string("王芳"), std::string("女"),
       std::string("国家移民管理局"), std::string("wang.fang@nia.gov.cn")},
      {2.0, std::string("张伟"), std::string("男"),
       std::string("公安部出入境管理局"), formats::SheetCell{}}};
};

TEST_F(ImportServiceTest, ACheckSaysWhatItWouldDoAndWritesNothing) {
  auto report = services::CheckParticipants(db_, workshop_, list_);
  ASSERT_TRUE(report.ok()) << Describe(report.status());
  EXPECT_EQ(report->header_row, 2u);
  EXPECT_EQ(Actions(*report),
            (std::vector<ImportAction>{ImportAction::kSkipped,
                                       ImportAction::kCreatePerson,
                                       ImportAction::kCreatePerson}));
  EXPECT_EQ(report->rows[1].full_name, "WANG Fang");
  ASSERT_EQ(report->unmatched_organizations.size(), 1u);
  EXPECT_EQ(report->unmatched_organizations[0].name, "公安部出入境管理局");
  EXPECT_EQ(Count("people"), 0);
  EXPECT_EQ(Count("registrations"), 0);
  EXPECT_EQ(Count("organizations"), 1);
}

TEST_F(ImportServiceTest, AnUnmatchedAgencyStopsTheRunUnlessCreated) {
  auto refused = Import(list_, {});
  ASSERT_TRUE(refused.ok()) << Describe(refused.status());
  EXPECT_FALSE(services::ImportShouldCommit(*refused, {.dry_run = false}));
  EXPECT_EQ(Count("people"), 0);
  EXPECT_EQ(Count("registrations"), 0);
  EXPECT_EQ(Count("organizations"), 1);

  auto created = Import(list_, {.create_organizations = true});
  ASSERT_TRUE(created.ok()) << Describe(created.status());
  ASSERT_EQ(created->organizations_created.size(), 1u);
  const auto bureau = created->organizations_created[0];
  EXPECT_EQ(Stored<domain::Organization>(bureau.id)->native_name,
            "公安部出入境管理局");
  EXPECT_EQ(Count("people"), 2);
  EXPECT_EQ(
      Count("registrations", "workshop_id = " + std::to_string(workshop_)), 2);
  const auto wang =
      testing::Ok(storage::PersonWithEmail(db_, "wang.fang@nia.gov.cn"));
  ASSERT_TRUE(wang.has_value());
  EXPECT_EQ(wang->full_name, "WANG Fang");
  EXPECT_EQ(wang->organization_id, nia_);
  EXPECT_EQ(wang->gender, domain::Gender::kFemale);
  EXPECT_EQ(
      Stored<domain::Person>(*created->rows[2].person_id)->organization_id,
      bureau.id);
}

TEST_F(ImportServiceTest, SkipInvalidSavesTheGoodRowsOnly) {
  formats::Rows list = list_;
  list[3][3] = std::string("国家移民管理局");
  list[3][4] = std::string("zhang.wei at nia");  // not an email
  auto refused = Import(list, {});
  ASSERT_TRUE(refused.ok()) << Describe(refused.status());
  EXPECT_TRUE(refused->HasErrors());
  EXPECT_EQ(Count("people"), 0);

  auto skipped = Import(list, {.skip_invalid = true});
  ASSERT_TRUE(skipped.ok()) << Describe(skipped.status());
  EXPECT_EQ(Actions(*skipped),
            (std::vector<ImportAction>{ImportAction::kSkipped,
                                       ImportAction::kCreatePerson,
                                       ImportAction::kError}));
  EXPECT_EQ(skipped->rows[2].errors[0].field, "email");
  EXPECT_EQ(Count("people"), 1);
  EXPECT_EQ(Count("registrations"), 1);
  EXPECT_TRUE(testing::Ok(storage::PersonWithEmail(db_, "wang.fang@nia.gov.cn"))
                  .has_value());
}

TEST_F(ImportServiceTest, ImportingTheSameListAgainCreatesNobody) {
  ASSERT_TRUE(Import(list_, {.create_organizations = true}).ok());
  auto again = Import(list_, {});
  ASSERT_TRUE(again.ok()) << Describe(again.status());
  EXPECT_EQ(Actions(*again),
            (std::vector<ImportAction>{ImportAction::kSkipped,
                                       ImportAction::kAlreadyRegistered,
                                       ImportAction::kAlreadyRegistered}));
  EXPECT_EQ(Count("people"), 2);
  EXPECT_EQ(Count("registrations"), 2);
  EXPECT_EQ(Count("organizations"), 2);
}

// A real run planned on a snapshot (off the writer), then written: the same
// report as ImportParticipants on a quiet database; refused (409, nothing
// saved) when a person was recorded in between.
TEST_F(ImportServiceTest, APlannedRunWritesWhatItPlannedUnlessRecordsChanged) {
  const services::ImportOptions options{.dry_run = false,
                                        .create_organizations = true};
  auto planned =
      services::PlanParticipants(db_, coordinator_, workshop_, list_, options);
  ASSERT_TRUE(planned.ok()) << Describe(planned.status());
  ASSERT_FALSE(planned->report);
  {
    auto tx = Ok(storage::WriteTx::Begin(db_));
    auto written = planned->write(tx);
    ASSERT_TRUE(written.ok()) << Describe(written.status());
    EXPECT_EQ(Actions(*written),
              (std::vector<ImportAction>{ImportAction::kSkipped,
                                         ImportAction::kCreatePerson,
                                         ImportAction::kCreatePerson}));
    // Not committed: compared with the run inside one transaction.
  }
  auto direct = Import(list_, options);
  ASSERT_TRUE(direct.ok()) << Describe(direct.status());
  EXPECT_EQ(Count("registrations"), 2);

  const auto other =
      Workshop(Project("P2"), "confirmed", "2017-10-08", "2017-10-09");
  auto stale =
      services::PlanParticipants(db_, coordinator_, other, list_, options);
  ASSERT_TRUE(stale.ok()) << Describe(stale.status());
  ASSERT_FALSE(stale->report);
  Person({{"native_name", "李娜"}});  // recorded after the snapshot
  auto tx = Ok(storage::WriteTx::Begin(db_));
  auto refused = stale->write(tx);
  EXPECT_EQ(refused.status().code(), domain::Code::kFailedPrecondition);
  EXPECT_EQ(Count("registrations", "workshop_id = " + std::to_string(other)),
            0);
}

}  // namespace
}  // namespace capdev::testing
