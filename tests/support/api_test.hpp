#pragma once
// A fixture for integration tests: the real capdev binary serving a fresh,
// migrated database on a free port, plus shorthands to create records.

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "tests/support/http_client.hpp"
#include "tests/support/pg_database.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::testing {

namespace json = boost::json;

class ApiTest : public ::testing::Test {
 protected:
  ApiTest() : ApiTest(std::vector<std::string>{}) {}
  // The server started with `extra` options.
  explicit ApiTest(std::vector<std::string> extra)
      : db_path_(db_.location()), server_(db_path_, std::move(extra)) {
    SignInAsAdmin(db_path_, port());
  }
  ~ApiTest() override { SetBearerToken(""); }
  void SetUp() override { CAPDEV_SKIP_WITHOUT_CLUSTER(db_); }
  // A failed test shows what the server logged as errors.
  void TearDown() override;

  std::uint16_t port() const { return server_.port(); }
  HttpResponse Get(const std::string& t) { return testing::Get(port(), t); }
  HttpResponse Post(const std::string& t, const json::value& b) {
    return testing::Post(port(), t, b);
  }
  HttpResponse Patch(const std::string& t, const json::value& b) {
    return testing::Patch(port(), t, b);
  }
  HttpResponse Put(const std::string& t, const json::value& b) {
    return testing::Put(port(), t, b);
  }
  HttpResponse Delete(const std::string& t) {
    return testing::Delete(port(), t);
  }

  // POSTs and returns the new id, failing the test unless it answered 201.
  std::int64_t Create(const std::string& collection, const json::value& body);
  std::int64_t Organization(const std::string& name,
                            const std::string& kind = "government");
  std::int64_t Project(const std::string& code);
  // A confirmed two-day workshop in the past (so attendance can be taken).
  std::int64_t Workshop(std::int64_t project_id,
                        const std::string& title = "Training",
                        const std::string& start = "2017-09-08",
                        const std::string& end = "2017-09-09");
  std::int64_t Person(const std::string& name,
                      std::optional<std::int64_t> organization = {});
  std::int64_t Register(std::int64_t workshop, std::int64_t person,
                        const std::string& role = "participant");

  TempDir dir_;      // for the test's own files
  TestDatabase db_;  // SQLite or PostgreSQL: TestOnPostgres()
  std::string db_path_;
  ServerProcess server_;
};

// The `field` of every errors[] entry of a problem+json body.
std::vector<std::string> ErrorFields(const HttpResponse& r);
// Asserts an RFC 9457 problem+json with this status.
void ExpectProblem(const HttpResponse& r, int status);
// Every `items` of a list, following next_cursor.
std::vector<json::value> ListAll(std::uint16_t port, const std::string& target,
                                 int limit);

}  // namespace capdev::testing
