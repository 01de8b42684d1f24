// Many clients writing at once through the real server: the writer commits
// them in batches, yet each request is kept or refused on its own, answered
// once, and audited once.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

class ConcurrencyTest : public ApiTest {};

TEST_F(ConcurrencyTest, ConcurrentWritesAreEachKeptOrRefusedAlone) {
  constexpr int kClients = 8;
  constexpr int kEach = 15;
  std::atomic<int> created = 0, duplicates = 0, other = 0;
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < kEach; ++i) {
        // Every client also tries the same shared names: one wins each.
        const std::string name =
            i % 3 == 0
                ? "Shared agency " + std::to_string(i)
                : "Agency " + std::to_string(c) + "-" + std::to_string(i);
        const auto r = Post("/api/v1/organizations",
                            {{"name", name}, {"kind", "government"}});
        if (r.status == 201) {
          ++created;
        } else if (r.status == 409) {
          ++duplicates;
        } else {
          ++other;
        }
      }
    });
  }
  for (auto& t : clients) t.join();

  // By hand: 5 shared names (i = 0, 3, 6, 9, 12) created once each and
  // refused for the 7 other clients; 10 own names per client.
  EXPECT_EQ(other, 0);
  EXPECT_EQ(created, 5 + kClients * 10);
  EXPECT_EQ(duplicates, 5 * (kClients - 1));

  const auto list =
      Get("/api/v1/organizations?limit=200").Json().at("items").as_array();
  EXPECT_EQ(list.size(), static_cast<std::size_t>(5 + kClients * 10));
  const auto audit = Get("/api/v1/audit?entity=organization&limit=200")
                         .Json()
                         .at("items")
                         .as_array();
  EXPECT_EQ(audit.size(), static_cast<std::size_t>(5 + kClients * 10));
}

}  // namespace
}  // namespace capdev::testing
