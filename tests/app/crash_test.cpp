// Kills the server with SIGKILL in the middle of a stream of writes: every
// write it answered 201 must be there after a restart, and every attendance
// sheet must be whole (all of its marks or none).

#include <signal.h>

#include <atomic>
#include <thread>

#include "domain/concat.hpp"
#include "tests/support/api_test.hpp"

namespace capdev::testing {
namespace {

using namespace std::chrono_literals;

TEST(CrashTest, AcknowledgedWritesSurviveSigkill) {
  TempDir dir;
  const std::string db = dir.File("crash.db");
  constexpr int kPeople = 40;
  std::int64_t workshop = 0;
  std::vector<std::int64_t> sessions, people;
  std::vector<std::int64_t> acknowledged;  // ids answered 201
  {
    auto server = std::make_unique<ServerProcess>(db);
    const auto port = server->port();
    SignInAsAdmin(db, port);
    auto project =
        Post(port, "/api/v1/projects", {{"code", "P"}, {"title", "P"}})
            .Json()
            .at("id")
            .as_int64();
    workshop = Post(port, "/api/v1/workshops",
                    {{"project_id", project},
                     {"title", "W"},
                     {"kind", "training"},
                     {"status", "held"},
                     {"start_date", "2017-01-01"},
                     {"end_date", "2017-01-20"}})
                   .Json()
                   .at("id")
                   .as_int64();
    const std::string w = "/api/v1/workshops/" + std::to_string(workshop);
    for (auto& s : ListAll(port, w + "/sessions", 50))
      sessions.push_back(s.at("id").as_int64());
    for (int i = 0; i < kPeople; ++i) {
      auto id = Post(port, "/api/v1/people",
                     {{"full_name", domain::Concat("P", std::to_string(i))}})
                    .Json()
                    .at("id")
                    .as_int64();
      Post(port, w + "/registrations", {{"person_id", id}});
      people.push_back(id);
    }

    std::atomic<bool> stop = false;
    std::thread writer([&] {
      for (int i = 0; !stop; ++i) {
        try {
          if (i % 2 == 0) {
            auto r =
                Post(port, "/api/v1/organizations",
                     {{"name", "Org " + std::to_string(i)}, {"kind", "ngo"}});
            if (r.status == 201)
              acknowledged.push_back(r.Json().at("id").as_int64());
          } else {
            json::array sheet;
            for (auto p : people)
              sheet.push_back({{"person_id", p},
                               {"status", i % 4 == 1 ? "present" : "late"}});
            Put(port,
                w + "/sessions/" +
                    std::to_string(sessions[i % sessions.size()]) +
                    "/attendance",
                sheet);
          }
        } catch (const std::exception&) {
          return;  // the server died under us
        }
      }
    });
    std::this_thread::sleep_for(1500ms);
    EXPECT_EQ(server->Stop(SIGKILL), 128 + SIGKILL);
    stop = true;
    writer.join();
  }
  ASSERT_GT(acknowledged.size(), 5u);

  ServerProcess restarted(db);
  const auto port = restarted.port();
  SetBearerToken(Login(port, "admin"));  // tokens survive a restart too
  for (auto id : acknowledged) {
    EXPECT_EQ(Get(port, "/api/v1/organizations/" + std::to_string(id)).status,
              200)
        << id;
  }
  for (auto s : sessions) {
    auto items = Get(port, "/api/v1/workshops/" + std::to_string(workshop) +
                               "/sessions/" + std::to_string(s) + "/attendance")
                     .Json()
                     .at("items")
                     .as_array();
    EXPECT_TRUE(items.empty() ||
                items.size() == static_cast<std::size_t>(kPeople))
        << "session " << s << " has a half-written sheet of " << items.size();
  }
  SetBearerToken("");
}

}  // namespace
}  // namespace capdev::testing
