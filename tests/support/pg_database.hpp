#pragma once
// A fresh PostgreSQL database for one test, dropped at the end, in the
// throwaway cluster `make test` starts (tests/tools/run_suite.sh runs the
// tests under pg_virtualenv, which sets PGHOST, PGPORT, PGUSER, PGPASSWORD
// and CAPDEV_TEST_POSTGRES). Without that cluster the PostgreSQL tests are
// skipped, saying so; `make test` always has it.

#include <memory>
#include <string>

#include "tests/support/temp_dir.hpp"

namespace capdev::testing {

// True when the tests have a PostgreSQL cluster to use.
bool HavePostgres();

// True when the engine-neutral tests (the HTTP API's, the services' and
// storage's records tests) are to run on PostgreSQL: CAPDEV_TEST_ENGINE=
// postgres, which ctest sets for their second run (tests/CMakeLists.txt).
bool TestOnPostgres();

class PgDatabase {
 public:
  PgDatabase();  // requires HavePostgres()
  ~PgDatabase();
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;
  // postgresql:///NAME: host, port and login from the environment.
  const std::string& uri() const { return uri_; }

 private:
  std::string name_;
  std::string uri_;
};

// A fresh database for one test on the engine under test: a file named
// `file` in its own temporary folder, or a PostgreSQL database.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& file = "capdev.db");
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  // The --db value: a file path or a postgresql:// URI.
  const std::string& location() const { return location_; }
  // The PostgreSQL run without a cluster (a plain `ctest`): the fixture
  // skips the test in its SetUp (CAPDEV_SKIP_WITHOUT_CLUSTER); location()
  // is then a SQLite file, so that construction still succeeds.
  bool missing_cluster() const { return missing_cluster_; }

 private:
  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<PgDatabase> pg_;
  std::string location_;
  bool missing_cluster_ = false;
};

}  // namespace capdev::testing

// Skips the test when there is no cluster (outside make test).
#define CAPDEV_REQUIRE_POSTGRES()                                     \
  do {                                                                \
    if (!::capdev::testing::HavePostgres())                           \
      GTEST_SKIP() << "no PostgreSQL cluster (make test starts one)"; \
  } while (false)

// In a fixture's SetUp: skips the PostgreSQL run of a test without a cluster.
#define CAPDEV_SKIP_WITHOUT_CLUSTER(test_database)                    \
  do {                                                                \
    if ((test_database).missing_cluster())                            \
      GTEST_SKIP() << "no PostgreSQL cluster (make test starts one)"; \
  } while (false)

// Skips a test of SQLite's own files (its WAL, its pages) in the
// PostgreSQL run.
#define CAPDEV_SQLITE_ONLY()                                   \
  do {                                                         \
    if (::capdev::testing::TestOnPostgres())                   \
      GTEST_SKIP() << "a test of SQLite's files: SQLite only"; \
  } while (false)
