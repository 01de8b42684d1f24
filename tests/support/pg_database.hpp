#pragma once
// A fresh PostgreSQL database for one test, dropped at the end, in the
// throwaway cluster `make test` starts (tests/tools/run_suite.sh runs the
// tests under pg_virtualenv, which sets PGHOST, PGPORT, PGUSER, PGPASSWORD
// and CAPDEV_TEST_POSTGRES). Without that cluster the PostgreSQL tests are
// skipped, saying so; `make test` always has it.

#include <string>

namespace capdev::testing {

// True when the tests have a PostgreSQL cluster to use.
bool HavePostgres();

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

}  // namespace capdev::testing

// Skips the test when there is no cluster (outside make test).
#define CAPDEV_REQUIRE_POSTGRES()                                     \
  do {                                                                \
    if (!::capdev::testing::HavePostgres())                           \
      GTEST_SKIP() << "no PostgreSQL cluster (make test starts one)"; \
  } while (false)
