// Imports and the writer (#29): a long participant list is read and matched
// off the one writer, which then only writes, so other changes are answered
// meanwhile; a change that would hold the writer past its budget is refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/api/routes.hpp"
#include "app/http/router.hpp"
#include "app/services/auth_service.hpp"
#include "app/services/credentials.hpp"
#include "tests/support/api_test.hpp"
#include "tests/support/sanitizers.hpp"

namespace capdev::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
// A sanitizer makes every step several times slower: the bounds scale.
constexpr int kSlower = kSanitized ? 10 : 1;

const std::vector<std::string> kAgencies = {
    "公安部出入境管理局", "福建省人民政府外事办公室", "厦门市公安局",
    "Ministry of Public Security", "Lao National Tourism Administration"};

// The i-th name of a list: Chinese (王芳-like, unique up to 18,000), every
// tenth Latin (unique up to 9,000).
std::string NameOf(int i) {
  static const std::vector<std::string> surnames = {
      "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
      "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
  static const std::vector<std::string> given = {
      "芳", "娜", "伟", "敏", "静", "丽", "强", "磊", "军", "洋",
      "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
      "刚", "桂", "英", "华", "玉", "萍", "红", "鹏", "辉", "建"};
  static const std::vector<std::string> first = {
      "Somchai", "Anong", "Bounmy", "Khamla",  "Nguyen",  "Thi",
      "Sokha",   "Dara",  "Malee",  "Chanthy", "Vilay",   "Phet",
      "Souk",    "Keo",   "Lan",    "Minh",    "Hoa",     "Tuan",
      "Aung",    "Thida", "Kyaw",   "Nilar",   "Sopheap", "Rith",
      "Noy",     "Pheng", "Bua",    "Sengdao", "Oudom",   "Vanna"};
  static const std::vector<std::string> last = {
      "Prasert", "Vongsa", "Sisouk",      "Phommachanh", "Tran",       "Le",
      "Chan",    "Sok",    "Keomany",     "Inthavong",   "Soukhavong", "Pham",
      "Hoang",   "Win",    "Htun",        "Sayavong",    "Luangrath",  "Bouasy",
      "Chea",    "Meas",   "Thongsavath", "Vo",          "Dang",       "Bui",
      "Oo",      "Myint",  "Sengsavang",  "Ly",          "Khieu",      "Nhem"};
  if (i % 10 == 9) {
    const int n = i / 10;
    return first[n % 30] + " " + last[(n / 30) % 30] + " " +
           std::to_string(n / 900 + 1);
  }
  return surnames[i % 20] + given[(i / 20) % 30] + given[(i / 600) % 30];
}

// Rows [from, to) of a participant list, each in one of the agencies.
std::string ListOf(int from, int to) {
  std::string csv = "No.,Name,Agency,Position\n";
  for (int i = from; i < to; ++i)
    csv += std::to_string(i + 1) + "," + NameOf(i) + "," +
           kAgencies[i % kAgencies.size()] + ",Officer\n";
  return csv;
}

std::int64_t Total(std::uint16_t port, const std::string& target) {
  return static_cast<std::int64_t>(ListAll(port, target, 200).size());
}

class ImportWriterTest : public ApiTest {
 protected:
  // The writer's budget as served, but for a sanitizer's slower steps (the
  // 3,000-person list that seeds the test would not fit in 2 s).
  ImportWriterTest()
      : ApiTest({"--write-budget-ms", std::to_string(2000 * kSlower)}) {
    for (const auto& a : kAgencies) Organization(a);
  }

  // Sends the list while POSTing an organization every 5 ms, and answers
  // the import's answer. No write waits for the list to be read and matched
  // (all of a dry run): each is answered in a fraction of the import's time
  // (a write queued behind the reading would wait for most of it; the bound
  // is relative so that a loaded machine does not fail it, and speed itself
  // is bench/'s to measure). The one write that lands while the writer saves
  // a real run's rows waits for them, within its budget.
  HttpResponse WhileWriting(const std::string& target, const std::string& list,
                            const std::string& tag) {
    const auto began = Clock::now();
    auto import = std::async(std::launch::async,
                             [&] { return Upload(port(), target, list); });
    std::vector<Clock::duration> took;
    while (import.wait_for(5ms) != std::future_status::ready) {
      const auto started = Clock::now();
      const auto r =
          Post("/api/v1/organizations",
               {{"name", "Agency " + tag + " " + std::to_string(took.size())},
                {"kind", "government"}});
      took.push_back(Clock::now() - started);
      EXPECT_EQ(r.status, 201) << r.body;
    }
    // Enough writes to show anything: a real run's rows are saved in one
    // stretch, and the write that waits for them may take most of the time
    // (one quick write before it is enough then).
    EXPECT_GE(took.size(), tag == "real" ? 2u : 3u)
        << tag << ": the import was too quick to show anything";
    const auto bound =
        std::max<Clock::duration>(100ms * kSlower, (Clock::now() - began) / 2);
    // A real run's rows are saved in one stretch on the writer: the one
    // write that lands then waits for them (within the budget); which one
    // that is depends on when the import's answer arrives.
    int waited_for_the_rows = 0;
    for (std::size_t i = 0; i < took.size(); ++i) {
      const bool slow = took[i] >= bound;
      if (slow && tag == "real" && waited_for_the_rows++ == 0) {
        EXPECT_LT(took[i], 2000ms * kSlower) << tag << " write " << i;
        continue;
      }
      EXPECT_FALSE(slow)
          << tag << " write " << i << " of " << took.size() << " took "
          << std::chrono::duration_cast<std::chrono::milliseconds>(took[i])
                 .count()
          << " ms";
    }
    return import.get();
  }
};

TEST_F(ImportWriterTest, WritesAreAnsweredQuicklyWhileALongListImports) {
  // A few thousand people already, by a first import.
  constexpr int kKnown = 3000, kList = 5000;
  const auto first = Workshop(Project("P1"));
  const auto seeded = Upload(port(),
                             "/api/v1/workshops/" + std::to_string(first) +
                                 "/registrations/import?dry_run=false",
                             ListOf(0, kKnown));
  ASSERT_EQ(seeded.status, 200) << seeded.body.substr(0, 500);

  // A 5,000-row list: the 3,000 known people and 2,000 new.
  const auto workshop = Workshop(Project("P2"));
  const std::string import =
      "/api/v1/workshops/" + std::to_string(workshop) + "/registrations/import";
  const std::string list = ListOf(0, kList);
  const auto dry = WhileWriting(import, list, "dry");
  ASSERT_EQ(dry.status, 200) << dry.body.substr(0, 500);
  const auto report = dry.Json();
  const auto& actions = report.at("summary").at("actions");
  EXPECT_EQ(actions.at("match_person").as_int64(), kKnown);
  EXPECT_EQ(actions.at("create_person").as_int64(), kList - kKnown);

  const auto real = WhileWriting(import + "?dry_run=false", list, "real");
  ASSERT_EQ(real.status, 200) << real.body.substr(0, 500);
  EXPECT_EQ(Total(port(), "/api/v1/workshops/" + std::to_string(workshop) +
                              "/registrations"),
            kList);
}

TEST(ImportRoutesTest, DryRunsAndPlanningNeverEnterTheWriter) {
  services::InitCrypto();
  const auto router = api::MakeRouter(
      std::make_shared<services::AuthService>(services::AuthOptions{}));
  const auto kind = [&](const std::string& target) {
    return router.Resolve(http::Request{.method = "POST", .target = target})
        .kind;
  };
  using http::RequestKind;
  EXPECT_EQ(kind("/api/v1/workshops/1/attendance/import"),
            RequestKind::kLongRead);
  EXPECT_EQ(kind("/api/v1/workshops/1/attendance/import?dry_run=true"),
            RequestKind::kLongRead);
  EXPECT_EQ(kind("/api/v1/workshops/1/attendance/import?dry_run=false"),
            RequestKind::kWrite);
  // A participant list's real run is read and matched off the writer too.
  EXPECT_EQ(kind("/api/v1/workshops/1/registrations/import?dry_run=false"),
            RequestKind::kLongRead);
}

// A server whose writer allows each change 1 ms (signed in, and its records
// created, on a server with the default budget first: signing in hashes a
// password on the writer).
class WriteBudgetTest : public ApiTest {
 protected:
  void RestartWithBudget() {
    server_.Stop(SIGTERM);
    budget_server_.emplace(db_path_,
                           std::vector<std::string>{"--write-budget-ms", "1"});
  }
  std::uint16_t budget_port() const { return budget_server_->port(); }

  std::optional<ServerProcess> budget_server_;
};

TEST_F(WriteBudgetTest, AnImportOverTheBudgetIs503AndSavesNothing) {
  for (const auto& a : kAgencies) Organization(a);
  const std::string registrations = "/api/v1/workshops/" +
                                    std::to_string(Workshop(Project("P"))) +
                                    "/registrations";
  RestartWithBudget();
  const auto before = Total(budget_port(), registrations);
  const auto people_before = Total(budget_port(), "/api/v1/people");

  const auto r = Upload(budget_port(), registrations + "/import?dry_run=false",
                        ListOf(0, 3000));
  ExpectProblem(r, 503);
  EXPECT_NE(r.body.find("nothing was saved"), std::string::npos) << r.body;
  EXPECT_EQ(Total(budget_port(), registrations), before);
  EXPECT_EQ(Total(budget_port(), "/api/v1/people"), people_before);
  // The dry run never enters the writer: it still answers.
  const auto dry =
      Upload(budget_port(), registrations + "/import", ListOf(0, 3000));
  EXPECT_EQ(dry.status, 200) << dry.body.substr(0, 300);
}

}  // namespace
}  // namespace capdev::testing
