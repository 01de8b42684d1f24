// Erasure while another process holds a read transaction (as a backup or a
// long report does): it answers at once, other requests go on, and the old
// values leave the database and WAL files on their own once the read ends.

#include <algorithm>
#include <cctype>
#include <fstream>
#include <thread>

#include "domain/concat.hpp"
#include "storage/database.hpp"
#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

class ErasureTest : public ApiTest {
 protected:
  // Lower-cased bytes of the database and its WAL: search keys hold the
  // values case-folded.
  std::string FilesFolded() {
    std::string all;
    for (const auto& path : {db_path_, db_path_ + "-wal"}) {
      std::ifstream in(path, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), {});
    }
    std::transform(all.begin(), all.end(), all.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return all;
  }
  bool InFiles(const std::string& needle) {
    return FilesFolded().find(needle) != std::string::npos;
  }
  std::int64_t Secret() {
    return Create("/api/v1/people", {{"full_name", "Qzxwvk Secretname"},
                                     {"email", "zxwvk-mail@example.org"},
                                     {"phone", "+86 10 7777 0123"}});
  }
};

TEST_F(ErasureTest, WithoutReadersTheValuesAreGoneAtOnce) {
  CAPDEV_SQLITE_ONLY();
  const auto p = Secret();
  ASSERT_TRUE(InFiles("zxwvk"));
  auto r =
      Post("/api/v1/people/" + std::to_string(p) + "/erase", json::object{});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.Json().at("purged").as_bool());
  EXPECT_FALSE(InFiles("zxwvk"));
  EXPECT_FALSE(InFiles("7777 0123"));
}

TEST_F(ErasureTest, AnOpenReaderNeitherBlocksTheErasureNorKeepsTheValues) {
  CAPDEV_SQLITE_ONLY();
  const auto p = Secret();
  const auto project = Project("P");
  // Another process's read transaction, begun before the erasure: it needs
  // the old pages until it ends.
  capdev::storage::DatabaseOptions options;
  options.path = db_path_;
  auto reader = std::make_unique<capdev::storage::Database>(options);
  reader->connection().ExecScript("BEGIN");
  {
    const auto q = reader->connection().Prepare("SELECT count(*) FROM people");
    ASSERT_TRUE(q->Step());
  }

  auto started = Clock::now();
  auto r =
      Post("/api/v1/people/" + std::to_string(p) + "/erase", json::object{});
  EXPECT_LT(Clock::now() - started, 3s);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(r.Json().at("purged").as_bool());
  EXPECT_NE(r.Json().at("purge_status").as_string().find("read"),
            std::string::npos);

  // Reads and writes go on promptly meanwhile.
  for (int i = 0; i < 5; ++i) {
    started = Clock::now();
    EXPECT_EQ(Get("/api/v1/people?limit=5").status, 200);
    EXPECT_EQ(Post("/api/v1/organizations",
                   {{"name", domain::Concat("Org ", std::to_string(i))},
                    {"kind", "ngo"}})
                  .status,
              201);
    EXPECT_EQ(
        Patch(domain::Concat("/api/v1/projects/", std::to_string(project)),
              {{"title", domain::Concat("T", std::to_string(i))}})
            .status,
        200);
    EXPECT_LT(Clock::now() - started, 2s);
  }
  // The reader still sees its snapshot, so the old values are still needed.
  {
    const auto q = reader->connection().Prepare(
        "SELECT full_name FROM people WHERE id = ?");
    q->Bind(1, p);
    ASSERT_TRUE(q->Step());
    EXPECT_EQ(q->Text(0), "Qzxwvk Secretname");
  }
  EXPECT_TRUE(InFiles("zxwvk"));  // not yet: the reader needs those pages
  reader->connection().ExecScript("COMMIT");
  reader.reset();

  // Nobody else acts: the server's background checkpoint finishes the job.
  const auto deadline = Clock::now() + 15s;
  while (InFiles("zxwvk") && Clock::now() < deadline)
    std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(InFiles("zxwvk")) << "the name or email is still in the files";
  EXPECT_FALSE(InFiles("7777 0123")) << "the phone is still in the files";
  EXPECT_EQ(Get("/api/v1/people/" + std::to_string(p))
                .Json()
                .at("full_name")
                .as_string(),
            "Erased person " + std::to_string(p));
}

}  // namespace
}  // namespace capdev::testing
