#include "tests/support/pg_database.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

#include "storage/database.hpp"

namespace capdev::testing {

namespace {

void Admin(const std::string& sql) {
  storage::Database admin({"postgresql:///postgres"});
  if (auto s = admin.Execute(sql); !s.ok())
    throw std::runtime_error("PostgreSQL test cluster: " + sql);
}

}  // namespace

bool HavePostgres() {
  const char* flag = std::getenv("CAPDEV_TEST_POSTGRES");
  return flag != nullptr && std::string(flag) == "1";
}

bool TestOnPostgres() {
  const char* engine = std::getenv("CAPDEV_TEST_ENGINE");
  return engine != nullptr && std::string(engine) == "postgres";
}

PgDatabase::PgDatabase() {
  static std::atomic<int> next{0};
  name_ =
      "capdev_test_" + std::to_string(getpid()) + "_" + std::to_string(next++);
  // Byte order for text, as SQLite compares it, whatever the cluster's
  // locale: capdev orders names itself (text_key.hpp).
  Admin("CREATE DATABASE " + name_ +
        " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
  uri_ = "postgresql:///" + name_;
}

PgDatabase::~PgDatabase() {
  try {
    Admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // best effort: the cluster is thrown away after the run anyway.
  }
}

TestDatabase::TestDatabase(const std::string& file) {
  if (TestOnPostgres() && HavePostgres()) {
    pg_ = std::make_unique<PgDatabase>();
    location_ = pg_->uri();
  } else {
    missing_cluster_ = TestOnPostgres();
    dir_ = std::make_unique<TempDir>();
    location_ = dir_->File(file);
  }
}

TestDatabase::~TestDatabase() = default;

}  // namespace capdev::testing
