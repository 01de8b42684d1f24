// The operator's commands against real files and a real server: the first
// admin `make run` creates, a live backup during a write stream, check,
// restore, and `serve` refusing databases it must not serve.

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <mutex>
#include <regex>
#include <thread>

#include "storage/database.hpp"
#include "tests/support/api_test.hpp"
#include "tests/support/status.hpp"

namespace capdev::testing {
namespace {

using namespace std::chrono_literals;

std::int64_t CreateOrganization(std::uint16_t port, const std::string& name) {
  auto r =
      Post(port, "/api/v1/organizations", {{"name", name}, {"kind", "ngo"}});
  return r.status == 201 ? r.Json().at("id").as_int64() : 0;
}

// `make run` ends with what a coordinator needs: the address to open and the
// password to sign in with (the curl for scripts before it); run again, it
// says where to sign in and how to reset a forgotten password.
TEST(FirstRunTest, BootstrapEndsWithWhereToSignInAndThePassword) {
  TempDir dir;
  const std::string db = dir.File("first.db");
  const std::vector<std::string> bootstrap = {
      "user", "bootstrap", "--db", db, "--url", "http://127.0.0.1:9090/"};
  const auto first = RunCapdev(bootstrap);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  std::string output = first.output;
  while (!output.empty() &&
         std::isspace(static_cast<unsigned char>(output.back())))
    output.pop_back();
  const std::string last = output.substr(output.rfind('\n') + 1);
  std::smatch m;
  const std::regex open(
      "  Open http://127\\.0\\.0\\.1:9090/ and sign in as admin with "
      "password (\\S+)");
  ASSERT_TRUE(std::regex_match(last, m, open)) << first.output;
  const std::string password = m[1];
  EXPECT_NE(first.output.find(
                "curl -s -X POST http://127.0.0.1:9090/api/v1/auth/login"),
            std::string::npos)
      << first.output;
  {
    ServerProcess server(db);
    EXPECT_EQ(Login(server.port(), "admin", password).size(), 43u);
  }
  const auto again = RunCapdev(bootstrap);
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.output.find("Open http://127.0.0.1:9090/ and sign in as "
                              "admin (forgot the password? capdev user reset "
                              "admin)"),
            std::string::npos)
      << again.output;
  EXPECT_EQ(again.output.find(password), std::string::npos);
}

TEST(BackupTest, LiveBackupHoldsEveryAcknowledgedWriteAndRestores) {
  TempDir dir;
  const std::string db = dir.File("live.db");
  const std::string backup = dir.File("backup.db");
  std::vector<std::int64_t> before_backup;
  {
    ServerProcess server(db);
    const auto port = server.port();
    SignInAsAdmin(db, port);
    std::mutex mutex;
    std::vector<std::int64_t> acknowledged;
    std::atomic<bool> stop = false;
    std::thread writer([&] {
      for (int i = 0; !stop; ++i) {
        const auto id = CreateOrganization(port, "Org " + std::to_string(i));
        std::lock_guard lock(mutex);
        if (id) acknowledged.push_back(id);
      }
    });
    std::this_thread::sleep_for(1500ms);
    {
      std::lock_guard lock(mutex);
      before_backup = acknowledged;  // answered 201 before the backup began
    }
    auto result = RunCapdev({"backup", "--db", db, backup});
    std::this_thread::sleep_for(300ms);  // writes go on after it
    stop = true;
    writer.join();
    ASSERT_EQ(result.exit_code, 0) << result.output;
    ASSERT_GT(before_backup.size(), 20u);
    EXPECT_GT(acknowledged.size(), before_backup.size());

    // Restoring over a database a server holds is refused.
    auto refused = RunCapdev({"restore", "--db", db, backup});
    EXPECT_NE(refused.exit_code, 0);
    EXPECT_NE(refused.output.find("server is using"), std::string::npos)
        << refused.output;
    server.Stop(SIGKILL);  // as a crash would: the WAL stays behind
  }
  ASSERT_TRUE(std::filesystem::exists(db + "-wal"));
  // A single self-contained file: no WAL beside it.
  EXPECT_FALSE(std::filesystem::exists(backup + "-wal"));
  auto check = RunCapdev({"check", "--db", backup});
  EXPECT_EQ(check.exit_code, 0) << check.output;

  // The WAL the crash left must not be replayed into the restored file
  // ("database disk image is malformed").
  auto restored = RunCapdev({"restore", "--db", db, backup});
  ASSERT_EQ(restored.exit_code, 0) << restored.output;
  EXPECT_NE(restored.output.find("kept as " + db + ".pre-restore"),
            std::string::npos)
      << restored.output;
  EXPECT_TRUE(std::filesystem::exists(db + ".pre-restore"));
  EXPECT_FALSE(std::filesystem::exists(db + "-wal"));
  EXPECT_EQ(RunCapdev({"check", "--db", db}).exit_code, 0);

  ServerProcess server(db);
  SetBearerToken(Login(server.port(), "admin"));
  for (auto id : before_backup) {
    EXPECT_EQ(Get(server.port(), "/api/v1/organizations/" + std::to_string(id))
                  .status,
              200)
        << id;
  }
  SetBearerToken("");
}

// On a new machine there is nothing to keep aside: the message says so.
TEST(BackupTest, RestoreOntoNoDatabaseSaysThereWasNone) {
  TempDir dir;
  const std::string db = dir.File("old.db");
  const std::string backup = dir.File("backup.db");
  ASSERT_EQ(RunCapdev({"migrate", "--db", db}).exit_code, 0);
  ASSERT_EQ(RunCapdev({"backup", "--db", db, backup}).exit_code, 0);
  const std::string fresh = dir.File("new-machine.db");
  auto restored = RunCapdev({"restore", "--db", fresh, backup});
  ASSERT_EQ(restored.exit_code, 0) << restored.output;
  EXPECT_NE(restored.output.find("there was no database there before"),
            std::string::npos)
      << restored.output;
  EXPECT_EQ(restored.output.find("pre-restore"), std::string::npos)
      << restored.output;
  EXPECT_FALSE(std::filesystem::exists(fresh + ".pre-restore"));
  EXPECT_EQ(RunCapdev({"check", "--db", fresh}).exit_code, 0);
}

TEST(BackupTest, RestoreRefusesADamagedBackupAndKeepsTheDatabase) {
  TempDir dir;
  const std::string db = dir.File("keep.db");
  ASSERT_EQ(RunCapdev({"migrate", "--db", db}).exit_code, 0);
  const std::string junk = dir.File("junk.db");
  {
    std::FILE* f = std::fopen(junk.c_str(), "wb");
    std::fputs("this is not a database", f);
    std::fclose(f);
  }
  auto r = RunCapdev({"restore", "--db", db, junk});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_EQ(RunCapdev({"check", "--db", db}).exit_code, 0);
  EXPECT_NE(
      RunCapdev({"restore", "--db", db, dir.File("missing.db")}).exit_code, 0);
}

// Overwrites every page but the first (the header and schema root) with
// garbage, as a failing disk or a stray write would.
void CorruptPages(const std::string& path) {
  const auto size = std::filesystem::file_size(path);
  const int fd = ::open(path.c_str(), O_WRONLY);
  ASSERT_GE(fd, 0);
  const std::string garbage(4096, '\x5a');
  for (off_t at = 4096; at + 4096 <= static_cast<off_t>(size); at += 8192)
    ASSERT_EQ(::pwrite(fd, garbage.data(), garbage.size(), at), 4096);
  ::close(fd);
}

TEST(ServeRefusalTest, MissingDatabaseIsRefusedNamingTheFile) {
  TempDir dir;
  const std::string db = dir.File("typo.db");
  auto r = RunCapdev({"serve", "--db", db, "--port", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(db), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("capdev migrate"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(db));  // nothing created
}

TEST(ServeRefusalTest, CorruptedDatabaseIsRefusedNamingTheFile) {
  TempDir dir;
  const std::string db = dir.File("corrupt.db");
  {
    ServerProcess server(db);
    SignInAsAdmin(db, server.port());
    for (int i = 0; i < 200; ++i)
      CreateOrganization(server.port(), "Org " + std::to_string(i));
    SetBearerToken("");
    ASSERT_EQ(server.Stop(SIGTERM), 0);  // checkpoints the WAL on close
  }
  CorruptPages(db);
  auto r = RunCapdev({"serve", "--db", db, "--port", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find(db), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("quick_check"), std::string::npos) << r.output;
  auto check = RunCapdev({"check", "--db", db});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.output.find("FAILED"), std::string::npos) << check.output;
  // A damaged database cannot be backed up as if it were sound.
  EXPECT_NE(RunCapdev({"backup", "--db", db, dir.File("b.db")}).exit_code, 0);
}

TEST(CheckTest, FindsAParticipationTableThatDisagreesWithTheMarks) {
  TempDir dir;
  const std::string db = dir.File("drift.db");
  ASSERT_EQ(RunCapdev({"migrate", "--db", db}).exit_code, 0);
  ASSERT_EQ(RunCapdev({"seed", "--db", db}).exit_code, 0);
  EXPECT_EQ(RunCapdev({"check", "--db", db}).exit_code, 0);
  {
    // What a write that bypassed the triggers would leave.
    storage::Database d({db});
    testing::Ok(d.Execute(
        "INSERT INTO participation (workshop_id, person_id, role, days) "
        "VALUES (1, 999999, 'participant', 3)"));
  }
  auto check = RunCapdev({"check", "--db", db});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.output.find("participation: 1 row differs"),
            std::string::npos)
      << check.output;
}

TEST(ServeRefusalTest, DatabaseFromANewerCapdevIsRefused) {
  TempDir dir;
  const std::string db = dir.File("future.db");
  ASSERT_EQ(RunCapdev({"migrate", "--db", db}).exit_code, 0);
  {
    // What a newer capdev would have recorded.
    storage::Database future({db});
    testing::Ok(future.Execute(
        "INSERT INTO schema_migrations (version, name) VALUES (9999, 'x')"));
  }
  auto r = RunCapdev({"serve", "--db", db, "--port", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("newer than this capdev"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find(db), std::string::npos) << r.output;
}

}  // namespace
}  // namespace capdev::testing
