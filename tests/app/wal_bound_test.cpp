// The WAL stays small: under a steady stream of writes with readers alongside
// it is started over between the writer's batches once past 4 MiB, and after
// a second of quiet it is empty.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using namespace std::chrono_literals;

std::uintmax_t FileBytes(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

class WalBoundTest : public ApiTest {};

TEST_F(WalBoundTest, SustainedWritesKeepTheWalBoundedAndQuietEmptiesIt) {
  constexpr std::uintmax_t kMiB = 1024 * 1024;
  const std::string wal = db_path_ + "-wal";
  // Long summaries make each write a few pages: 4 writers fill megabytes a
  // second.
  const std::string notes(9000, 'n');
  std::atomic<bool> stop = false;
  std::atomic<int> written = 0, refused = 0;
  std::atomic<std::uintmax_t> largest = 0;
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; !stop; ++i) {
        const auto r = Post(
            "/api/v1/projects",
            {{"code", "CBMM-" + std::to_string(c) + "-" + std::to_string(i)},
             {"title", "出入境管理能力建设 " + std::to_string(i)},
             {"summary", notes}});
        ++(r.status == 201 ? written : refused);
      }
    });
  }
  // Readers alongside hold snapshots on the WAL, as the web app's do.
  for (int c = 0; c < 2; ++c) {
    clients.emplace_back([&] {
      while (!stop) Get("/api/v1/projects?limit=50&q=cbmm");
    });
  }
  clients.emplace_back([&] {
    while (!stop) {
      largest = std::max<std::uintmax_t>(largest, FileBytes(wal));
      std::this_thread::sleep_for(20ms);
    }
  });
  // Until the writes have outgrown the bound several times over (a slower
  // build, under a sanitizer, takes longer).
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (static_cast<std::uintmax_t>(written) * notes.size() < 24 * kMiB &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
  }
  stop = true;
  for (auto& t : clients) t.join();

  EXPECT_EQ(refused, 0);
  ASSERT_GE(static_cast<std::uintmax_t>(written) * notes.size(), 24 * kMiB)
      << written << " writes";
  // The bound and a batch or so beyond it.
  EXPECT_LT(largest, 12 * kMiB) << largest;
  // A second of quiet: the checkpointer copies it back and truncates it.
  std::this_thread::sleep_for(1500ms);
  EXPECT_LT(FileBytes(wal), kMiB) << FileBytes(wal);
}

}  // namespace
}  // namespace capdev::testing
