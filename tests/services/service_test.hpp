#pragma once
// A fixture for the service tests: a fresh, migrated SQLite database in a
// temporary folder and a coordinator, with the services called directly (no
// HTTP), each in its own write transaction as the api/ handlers run them.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "app/codec/json_codec.hpp"
#include "domain/access.hpp"
#include "domain/draft.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/records.hpp"
#include "storage/transaction.hpp"
#include "tests/support/pg_database.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::testing {

namespace json = boost::json;

class ServiceTest : public ::testing::Test {
 protected:
  ServiceTest();
  void SetUp() override { CAPDEV_SKIP_WITHOUT_CLUSTER(test_db_); }

  // Runs `work(tx)` in a write transaction, committed when it succeeds (as
  // the api/ handlers' Write does).
  template <class F>
  auto Write(F&& work) {
    return storage::InWriteTx(db_, std::forward<F>(work));
  }

  // The fields of a request body, decoded as the api/ handlers decode them.
  template <class E>
  static domain::Draft<E> DraftOf(const json::object& fields) {
    return codec::DecodeDraft<E>(fields);
  }

  // The record as stored now, read back from the database.
  template <class E>
  std::optional<E> Stored(std::int64_t id) {
    return Ok(storage::Get<E>(db_, id));
  }

  // SELECT count(*) over `table` (a fixed name) with an optional WHERE.
  std::int64_t Count(const std::string& table, const std::string& where = "");
  // Audit entries of `entity` with `action` (for `entity_id` when given).
  std::int64_t AuditEntries(const std::string& entity,
                            const std::string& action,
                            std::optional<std::int64_t> entity_id = {});

  // Records created through the services, failing the test otherwise.
  std::int64_t Organization(const std::string& name,
                            const json::object& more = {});
  std::int64_t Project(const std::string& code = "CBMM");
  // A workshop with these dates and status (one session a day is created).
  std::int64_t Workshop(std::int64_t project, const std::string& status,
                        const std::string& start, const std::string& end,
                        const std::string& title = "Document examination");
  std::int64_t Person(const json::object& fields);
  std::int64_t Register(std::int64_t workshop, std::int64_t person);
  // Takes the session's sheet with `person` present (services::ReplaceSheet).
  void MarkPresent(std::int64_t workshop, std::int64_t session,
                   std::int64_t person);
  // The ids of the workshop's sessions, by date.
  std::vector<std::int64_t> Sessions(std::int64_t workshop);

  TestDatabase test_db_;  // SQLite or PostgreSQL: TestOnPostgres()
  storage::Database db_;
  domain::Principal coordinator_{
      .user_id = 7, .username = "liu.yang", .role = domain::Role::kCoordinator};
};

// Prints a Status for a failed expectation.
std::string Describe(const domain::Status& status);

}  // namespace capdev::testing
