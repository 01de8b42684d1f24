#pragma once
// SeedTest: one server per suite over a database loaded by `capdev seed`,
// with readers for what the seed tests check (seed_test.cpp,
// seed_records_test.cpp).

#include <initializer_list>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "tests/support/api_test.hpp"

namespace capdev::testing {

class SeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new TestDatabase("seed.db");  // SQLite or PostgreSQL
    CAPDEV_SKIP_WITHOUT_CLUSTER(*db_);
    auto first = RunCapdev({"seed", "--db", db_->location()});
    ASSERT_EQ(first.exit_code, 0) << first.output;
    server_ = new ServerProcess(db_->location());
    SignInAsAdmin(db_->location(), server_->port());
  }
  static void TearDownTestSuite() {
    SetBearerToken("");
    delete server_;
    delete db_;
  }

  static std::uint16_t port() { return server_->port(); }

  // The workshop whose source cites the seed document `document`.
  json::object WorkshopFrom(const std::string& document) {
    for (auto& w : ListAll(port(), "/api/v1/workshops", 50)) {
      if (SeedDocumentOf(w.at("source")) == document) return w.as_object();
    }
    ADD_FAILURE() << "no workshop cites seed document " << document;
    return {};
  }

  // The seed document a citation names at its end, "(seed document
  // 000_bfb7b29f8f6badf6.txt)", or "" when it names none.
  static std::string SeedDocumentOf(const json::value& source) {
    static const std::regex kNamed(
        R"(\(seed document (\d{3}_[0-9a-f]{16}\.txt)\)$)");
    if (!source.is_string()) return "";
    const std::string text(source.as_string());
    std::smatch m;
    return std::regex_search(text, m, kNamed) ? m[1].str() : "";
  }

  std::string OrgName(std::int64_t id) {
    return std::string(
        Get(port(), "/api/v1/organizations/" + std::to_string(id))
            .Json()
            .at("name")
            .as_string());
  }

  // Organization names by role for a workshop (or a project).
  std::map<std::string, std::set<std::string>> Parties(
      const std::string& path) {
    std::map<std::string, std::set<std::string>> out;
    const auto parties = Get(port(), path + "/organizations").Json();
    for (auto& p : parties.as_array()) {
      out[std::string(p.at("role").as_string())].insert(
          OrgName(p.at("organization_id").as_int64()));
    }
    return out;
  }

  std::string ProjectCode(const json::object& w) {
    return std::string(
        Get(port(),
            "/api/v1/projects/" + std::to_string(w.at("project_id").as_int64()))
            .Json()
            .at("code")
            .as_string());
  }

  static inline TestDatabase* db_ = nullptr;
  static inline ServerProcess* server_ = nullptr;
};

inline std::set<std::string> Names(std::initializer_list<const char*> names) {
  return {names.begin(), names.end()};
}

}  // namespace capdev::testing
