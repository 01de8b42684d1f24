// The rules of a project's logframe (app/services/results.cpp) and of
// submitted reports (app/services/submissions.cpp), called directly on a
// temporary database.

#include "app/services/results.hpp"
#include "app/services/submissions.hpp"
#include "domain/results.hpp"
#include "storage/results_queries.hpp"
#include "tests/services/service_test.hpp"

namespace capdev::testing {
namespace {

using domain::Code;

class ResultServiceTest : public ServiceTest {
 protected:
  domain::StatusOr<domain::Result> AddResult(const json::object& fields) {
    return Write([&](storage::WriteTx& tx) {
      return services::CreateResult(tx, coordinator_, project_,
                                    DraftOf<domain::Result>(fields));
    });
  }
  std::int64_t Result(const json::object& fields) {
    auto r = AddResult(fields);
    EXPECT_TRUE(r.ok()) << Describe(r.status());
    return r.ok() ? r->id : 0;
  }
  std::int64_t Indicator(std::int64_t result, const json::object& fields) {
    auto r = Write([&](storage::WriteTx& tx) {
      return services::CreateIndicator(tx, coordinator_, result,
                                       DraftOf<domain::Indicator>(fields));
    });
    EXPECT_TRUE(r.ok()) << Describe(r.status());
    return r.ok() ? r->id : 0;
  }
  domain::StatusOr<std::vector<domain::IndicatorValue>> SetValues(
      std::int64_t indicator, const std::vector<domain::IndicatorValue>& v) {
    return Write([&](storage::WriteTx& tx) {
      return services::ReplaceIndicatorValues(tx, coordinator_, indicator, v,
                                              {});
    });
  }

  const std::int64_t project_ = Project("CBMM");
  const std::int64_t impact_ =
      Result({{"level", "impact"},
              {"code", "1"},
              {"title",
               "Migration is managed in line with international "
               "standards"}});
  const std::int64_t outcome_ =
      Result({{"level", "outcome"},
              {"code", "1.1"},
              {"parent_id", impact_},
              {"title", "Border officials apply document examination skills"}});
};

TEST_F(ResultServiceTest, AParentSitsALevelAboveInTheSameProject) {
  auto impact_below_outcome = AddResult(
      {{"level", "impact"}, {"parent_id", outcome_}, {"title", "Upside down"}});
  ASSERT_FALSE(impact_below_outcome.ok());
  EXPECT_EQ(impact_below_outcome.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(impact_below_outcome.status().errors()[0].field, "parent_id");

  const auto other_project = Project("EUCDMM");
  auto elsewhere = Write([&](storage::WriteTx& tx) {
    return services::CreateResult(
        tx, coordinator_, other_project,
        DraftOf<domain::Result>({{"level", "output"},
                                 {"parent_id", outcome_},
                                 {"title", "Officials trained"}}));
  });
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Count("results"), 2);
}

TEST_F(ResultServiceTest, AResultCannotDropBelowItsChildren) {
  Result({{"level", "output"},
          {"code", "1.1.1"},
          {"parent_id", outcome_},
          {"title", "200 officials trained in document examination"}});
  auto lowered = Write([&](storage::WriteTx& tx) {
    return services::UpdateResult(
        tx, coordinator_, outcome_,
        DraftOf<domain::Result>({{"level", "output"}}));
  });
  ASSERT_FALSE(lowered.ok());
  EXPECT_EQ(lowered.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(lowered.status().errors()[0].field, "level");
  EXPECT_EQ(Stored<domain::Result>(outcome_)->level,
            domain::ResultLevel::kOutcome);
}

TEST_F(ResultServiceTest, AResultWithIndicatorsOrResultsBelowStays) {
  Indicator(outcome_, {{"title", "Officials trained"},
                       {"source", "attendance"},
                       {"measure", "people_trained"}});
  for (auto id : {impact_, outcome_}) {
    auto deleted = Write([&](storage::WriteTx& tx) {
      return services::DeleteResult(tx, coordinator_, id);
    });
    EXPECT_EQ(deleted.code(), Code::kFailedPrecondition) << id;
  }
  EXPECT_EQ(Count("results"), 2);
  EXPECT_EQ(Count("indicators"), 1);
}

TEST_F(ResultServiceTest, OnlyManualIndicatorsTakeValues) {
  const auto counted = Indicator(outcome_, {{"title", "Officials trained"},
                                            {"source", "attendance"},
                                            {"measure", "people_trained"}});
  const auto manual = Indicator(
      outcome_,
      {{"title", "SOPs adopted by provincial bureaus"}, {"source", "manual"}});
  const std::vector<domain::IndicatorValue> values = {
      {*domain::Date::Parse("2018-01-01"), *domain::Date::Parse("2018-12-31"),
       3, "浙江, 江苏, 广东"}};

  auto refused = SetValues(counted, values);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Code::kFailedPrecondition);
  EXPECT_TRUE(testing::Ok(storage::IndicatorValues(db_, counted)).empty());

  ASSERT_TRUE(SetValues(manual, values).ok());
  const auto stored = testing::Ok(storage::IndicatorValues(db_, manual));
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].value, 3);
  EXPECT_EQ(stored[0].comment, "浙江, 江苏, 广东");

  // Values entered by hand keep it manual.
  auto now_counted = Write([&](storage::WriteTx& tx) {
    return services::UpdateIndicator(
        tx, coordinator_, manual,
        DraftOf<domain::Indicator>(
            {{"source", "attendance"}, {"measure", "workshops_held"}}));
  });
  ASSERT_FALSE(now_counted.ok());
  EXPECT_EQ(now_counted.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(Stored<domain::Indicator>(manual)->source,
            domain::IndicatorSource::kManual);
}

using SubmissionServiceTest = ServiceTest;

TEST_F(SubmissionServiceTest, ASubmittedReportIsKeptAsSentAndNeverChanges) {
  const auto eu =
      Organization("European Union", {{"kind", "intergovernmental"}});
  storage::Submission s;
  s.report = "funder";
  s.params = R"({"organization_id": ")" + std::to_string(eu) +
             R"(", "from": "2017-01-01", "to": "2017-12-31"})";
  s.organization_id = eu;
  s.body = R"({"totals": {"people_trained": 42, "female_share": 0.4}})";
  std::int64_t id = 0;
  ASSERT_TRUE(Write([&](storage::WriteTx& tx) -> domain::Status {
                ASSIGN_OR_RETURN(const auto stored,
                                 services::SubmitReport(tx, coordinator_, s));
                id = stored.id;
                return domain::Status::Ok();
              }).ok());

  const auto stored = testing::Ok(storage::GetSubmission(db_, id));
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->body, s.body);
  EXPECT_EQ(stored->sha256, services::Sha256Hex(s.body));
  EXPECT_EQ(stored->submitted_by, "liu.yang");
  EXPECT_EQ(AuditEntries("report_submission", "create", id), 1);
  // Sha256Hex is SHA-256 (FIPS 180-2's "abc" example).
  EXPECT_EQ(services::Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

  // Append-only: the database refuses to change or delete it.
  EXPECT_FALSE(db_.Execute("UPDATE report_submissions SET body = '{}'").ok());
  EXPECT_FALSE(db_.Execute("DELETE FROM report_submissions").ok());
  EXPECT_EQ(testing::Ok(storage::GetSubmission(db_, id))->body, s.body);
}

}  // namespace
}  // namespace capdev::testing
