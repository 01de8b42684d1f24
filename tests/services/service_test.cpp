// The service tests' fixture (service_test.hpp).

#include "tests/services/service_test.hpp"

#include "app/services/attendance.hpp"
#include "app/services/organizations.hpp"
#include "app/services/people.hpp"
#include "app/services/projects.hpp"
#include "app/services/registrations.hpp"
#include "app/services/workshops.hpp"
#include "storage/filters.hpp"
#include "storage/migrations.hpp"
#include "tests/support/query.hpp"

namespace capdev::testing {

namespace {

// The id of a write that must succeed (a test's own setup).
template <class T>
std::int64_t IdOf(const domain::StatusOr<T>& written, const char* what) {
  EXPECT_TRUE(written.ok()) << what << ": " << Describe(written.status());
  return written.ok() ? written->id : 0;
}

}  // namespace

std::string Describe(const domain::Status& status) {
  std::string out = "code " + std::to_string(static_cast<int>(status.code())) +
                    ": " + std::string(status.detail().key());
  for (const auto& e : status.errors())
    out += " [" + e.field + ": " + std::string(e.message.key()) + "]";
  return out;
}

// Without synchronous=FULL: a test needs no power-loss durability, and the
// fsyncs would be most of its time.
ServiceTest::ServiceTest()
    : db_({.path = test_db_.location(), .synchronous_full = false}) {
  const auto migrated = storage::Migrate(db_);
  EXPECT_TRUE(migrated.ok()) << Describe(migrated);
}

std::int64_t ServiceTest::Count(const std::string& table,
                                const std::string& where) {
  std::string sql = "SELECT count(*) FROM " + table;
  if (!where.empty()) sql += " WHERE " + where;
  return capdev::testing::QueryInt(db_, sql);
}

std::int64_t ServiceTest::AuditEntries(const std::string& entity,
                                       const std::string& action,
                                       std::optional<std::int64_t> entity_id) {
  const auto q = db_.connection().Prepare(
      "SELECT count(*) FROM audit_log WHERE entity = ? AND "
      "action = ? AND (? IS NULL OR entity_id = ?)");
  q->Bind(1, entity);
  q->Bind(2, action);
  if (entity_id) {
    q->Bind(3, *entity_id);
    q->Bind(4, *entity_id);
  } else {
    q->BindNull(3, storage::SqlType::kInteger);
    q->BindNull(4, storage::SqlType::kInteger);
  }
  q->Step();
  return q->Int64(0);
}

std::int64_t ServiceTest::Organization(const std::string& name,
                                       const json::object& more) {
  json::object fields{{"name", name}, {"kind", "government"}};
  for (const auto& [key, value] : more) fields[key] = value;
  return IdOf(Write([&](storage::WriteTx& tx) {
                return services::CreateOrganization(
                    tx, coordinator_, DraftOf<domain::Organization>(fields));
              }),
              "organization");
}

std::int64_t ServiceTest::Project(const std::string& code) {
  return IdOf(Write([&](storage::WriteTx& tx) {
                return services::CreateProject(
                    tx, coordinator_,
                    DraftOf<domain::Project>(
                        {{"code", code},
                         {"title",
                          "Capacity Building for Migration Management in "
                          "China"}}));
              }),
              "project");
}

std::int64_t ServiceTest::Workshop(std::int64_t project,
                                   const std::string& status,
                                   const std::string& start,
                                   const std::string& end,
                                   const std::string& title) {
  const auto draft = DraftOf<domain::Workshop>({{"project_id", project},
                                                {"title", title},
                                                {"kind", "training"},
                                                {"status", status},
                                                {"start_date", start},
                                                {"end_date", end},
                                                {"city", "Hangzhou"}});
  auto written = Write([&](storage::WriteTx& tx) {
    return services::CreateWorkshop(tx, coordinator_, draft, false);
  });
  EXPECT_TRUE(written.ok()) << "workshop: " << Describe(written.status());
  return written.ok() ? written->record.id : 0;
}

std::int64_t ServiceTest::Person(const json::object& fields) {
  auto created = Write([&](storage::WriteTx& tx) {
    return services::CreatePerson(tx, coordinator_,
                                  DraftOf<domain::Person>(fields));
  });
  EXPECT_TRUE(created.ok()) << "person: " << Describe(created.status());
  return created.ok() ? created->person.id : 0;
}

std::int64_t ServiceTest::Register(std::int64_t workshop, std::int64_t person) {
  auto written = Write([&](storage::WriteTx& tx) {
    return services::CreateRegistration(
        tx, coordinator_, workshop,
        DraftOf<domain::Registration>({{"person_id", person}}), false);
  });
  EXPECT_TRUE(written.ok()) << "registration: " << Describe(written.status());
  return written.ok() ? written->record.id : 0;
}

void ServiceTest::MarkPresent(std::int64_t workshop, std::int64_t session,
                              std::int64_t person) {
  const std::vector<domain::AttendanceMark> sheet = {
      {person, domain::Mark::kPresent}};
  auto marked = Write([&](storage::WriteTx& tx) {
    return services::ReplaceSheet(tx, coordinator_, workshop, session, sheet,
                                  {});
  });
  EXPECT_TRUE(marked.ok()) << "marks: " << Describe(marked.status());
}

std::vector<std::int64_t> ServiceTest::Sessions(std::int64_t workshop) {
  std::vector<std::int64_t> ids;
  const auto q = db_.connection().Prepare(
      "SELECT id FROM sessions WHERE workshop_id = ? ORDER BY "
      "date, id");
  q->Bind(1, workshop);
  while (q->Step()) ids.push_back(q->Int64(0));
  return ids;
}

}  // namespace capdev::testing
