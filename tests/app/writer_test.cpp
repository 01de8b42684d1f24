// The writer (one connection committing queued changes together) and the
// pool of long reads (bounded queue, time budget), on a real SQLite file.
#include "app/http/writer.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/http/worker_pool.hpp"
#include "storage/transaction.hpp"
#include "tests/support/status.hpp"
#include "tests/support/temp_dir.hpp"

namespace capdev::http {
namespace {

using namespace std::chrono_literals;

class WriterTest : public ::testing::Test {
 protected:
  WriterTest() : options_{dir_.File("writer.db")} {
    storage::Database db(options_);
    testing::Ok(db.Execute("CREATE TABLE t (x INTEGER UNIQUE)"));
  }

  // The values another connection sees: what has been committed.
  std::vector<int> Committed() {
    capdev::storage::Database other({options_.path});
    const auto q = other.connection().Prepare("SELECT x FROM t ORDER BY x");
    std::vector<int> xs;
    while (q->Step()) xs.push_back(q->Int(0));
    return xs;
  }

  // A change that inserts `x` in its own WriteTx and answers `status`;
  // a 4xx rolls its WriteTx back, a 5xx leaves the rollback to the writer.
  static Writer::Work Insert(int x, int status = 201) {
    return [x, status](storage::Database& db) {
      auto tx = testing::Ok(storage::WriteTx::Begin(db));
      testing::Ok(
          db.Execute("INSERT INTO t (x) VALUES (" + std::to_string(x) + ")"));
      // A 5xx has written, and then the request failed.
      if (status < 400 || status >= 500) testing::Ok(tx.Commit());
      return Response{status, "text/plain", std::to_string(x), {}};
    };
  }

  // Holds the writer until `release` is set, so that the changes posted
  // meanwhile queue up into one batch. Returns once the writer is held.
  static void Hold(Writer& writer, std::promise<void>& release) {
    auto held = release.get_future().share();
    auto started = std::make_shared<std::promise<void>>();
    auto holding = started->get_future();
    writer.Post(
        [held, started](storage::Database&) {
          started->set_value();
          held.wait();
          return http::Response{};
        },
        [](const Response&) {});
    holding.wait();
  }

  testing::TempDir dir_;
  storage::DatabaseOptions options_;
};

TEST_F(WriterTest, QueuedChangesCommitTogetherEachAllOrNothing) {
  http::Writer writer(options_);
  std::promise<void> release;
  Hold(writer, release);

  std::mutex mutex;
  std::vector<std::pair<int, int>> answers;  // (status, committed rows seen)
  std::atomic<int> pending = 4;
  std::promise<void> all_done;
  const auto reply = [&](Response r) {
    const auto seen = static_cast<int>(Committed().size());
    std::lock_guard lock(mutex);
    answers.emplace_back(r.status, seen);
    if (--pending == 0) all_done.set_value();
  };
  writer.Post(Insert(1), reply);
  writer.Post(Insert(2, 500), reply);  // rolled back alone
  writer.Post(Insert(3, 409), reply);  // rolled back by its own WriteTx
  writer.Post(Insert(4), reply);
  release.set_value();
  ASSERT_EQ(all_done.get_future().wait_for(10s), std::future_status::ready);

  EXPECT_EQ(Committed(), (std::vector<int>{1, 4}));
  ASSERT_EQ(answers.size(), 4U);
  EXPECT_EQ(answers[0].first, 201);
  EXPECT_EQ(answers[1].first, 500);
  EXPECT_EQ(answers[2].first, 409);
  EXPECT_EQ(answers[3].first, 201);
  // Every answer left after the commit: each saw both rows committed.
  for (const auto& [status, seen] : answers) EXPECT_EQ(seen, 2) << status;
}

TEST_F(WriterTest, AChangeThatFailsOnCommitIsNotAnsweredAsSaved) {
  {
    storage::Database db(options_);
    // Checked at COMMIT, not at the INSERT: the whole batch fails there.
    testing::Ok(db.Execute(
        "CREATE TABLE child (p INTEGER REFERENCES t(x) DEFERRABLE INITIALLY "
        "DEFERRED)"));
  }
  http::Writer writer(options_);
  std::promise<void> release;
  Hold(writer, release);
  std::promise<int> first, second;
  writer.Post(Insert(7), [&](Response r) { first.set_value(r.status); });
  writer.Post(
      [](storage::Database& db) {
        auto tx = testing::Ok(storage::WriteTx::Begin(db));
        // No such parent.
        testing::Ok(db.Execute("INSERT INTO child (p) VALUES (99)"));
        testing::Ok(tx.Commit());
        return http::Response{201, "text/plain", "child", {}};
      },
      [&](Response r) { second.set_value(r.status); });
  release.set_value();
  EXPECT_EQ(first.get_future().get(), 503);
  EXPECT_EQ(second.get_future().get(), 503);
  EXPECT_TRUE(Committed().empty());

  // The writer goes on with the next change.
  std::promise<int> third;
  writer.Post(Insert(8), [&](Response r) { third.set_value(r.status); });
  EXPECT_EQ(third.get_future().get(), 201);
  EXPECT_EQ(Committed(), std::vector<int>{8});
}

TEST_F(WriterTest, AfterCommitRunsOnceTheChangeIsVisibleToOthers) {
  http::Writer writer(options_);
  std::promise<std::string> body;
  writer.Post(
      [this](storage::Database& db) {
        auto tx = testing::Ok(storage::WriteTx::Begin(db));
        testing::Ok(db.Execute("INSERT INTO t (x) VALUES (5)"));
        testing::Ok(tx.Commit());
        http::Response r{200, "text/plain", "", {}};
        r.after_commit = [this](Response& done) {
          done.body = std::to_string(Committed().size());
        };
        return r;
      },
      [&](Response r) { body.set_value(r.body); });
  EXPECT_EQ(body.get_future().get(), "1");
}

TEST_F(WriterTest, StopAnswersEverythingQueued) {
  std::atomic<int> answered = 0;
  {
    http::Writer writer(options_);
    for (int i = 0; i < 50; ++i)
      writer.Post(Insert(i), [&](Response r) {
        if (r.status == 201) ++answered;
      });
    writer.Stop();
  }
  EXPECT_EQ(answered, 50);
  EXPECT_EQ(Committed().size(), 50U);
}

TEST_F(WriterTest, WorkerPoolRefusesBeyondItsQueue) {
  http::WorkerPool pool(options_, {.threads = 1, .max_queued = 2});
  std::promise<void> release;
  auto held = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool.TryPost([&, held](storage::Database*) {
    started.set_value();
    held.wait();
  }));
  started.get_future().wait();  // the worker is busy; the queue is empty
  std::atomic<int> ran = 0;
  EXPECT_TRUE(pool.TryPost([&](storage::Database*) { ++ran; }));
  EXPECT_TRUE(pool.TryPost([&](storage::Database*) { ++ran; }));
  EXPECT_FALSE(pool.TryPost([&](storage::Database*) { ++ran; }));
  release.set_value();
  pool.Stop();
  EXPECT_EQ(ran, 2);
}

TEST_F(WriterTest, WorkerPoolStopsAQueryPastItsBudget) {
  http::WorkerPool pool(options_, {.threads = 1, .budget = 100ms});
  std::promise<domain::Status> outcome;
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(pool.TryPost([&](storage::Database* db) {
    // Counts to a billion: minutes, unless interrupted.
    outcome.set_value(db->Execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
        "WHERE i < 1000000000) SELECT count(*) FROM n"));
  }));
  const auto status = outcome.get_future().get();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  EXPECT_EQ(status.code(), domain::Code::kUnavailable);
  EXPECT_EQ(status.detail(), domain::Message("error.took_too_long"));

  // The next task on the same connection starts a fresh budget.
  std::promise<int> next;
  ASSERT_TRUE(pool.TryPost([&](storage::Database* db) {
    const auto q = db->connection().Prepare("SELECT count(*) FROM t");
    q->Step();
    next.set_value(q->Int(0));
  }));
  EXPECT_EQ(next.get_future().get(), 0);
}

TEST_F(WriterTest, AChangeOverTheBudgetIsRolledBackAloneAnd503) {
  http::Writer writer(options_, 100ms);
  std::promise<void> release;
  Hold(writer, release);
  std::mutex mutex;
  std::vector<int> statuses;
  std::atomic<int> pending = 4;
  std::promise<void> all_done;
  const auto reply = [&](Response r) {
    std::lock_guard lock(mutex);
    statuses.push_back(r.status);
    if (--pending == 0) all_done.set_value();
  };
  writer.Post(Insert(1), reply);
  // Writes, then keeps working between its steps until the deadline says
  // stop: refused, and its row undone, though it answered a success.
  writer.Post(
      [](storage::Database& db) {
        auto tx = testing::Ok(storage::WriteTx::Begin(db));
        testing::Ok(db.Execute("INSERT INTO t (x) VALUES (2)"));
        while (!db.PastDeadline()) std::this_thread::sleep_for(5ms);
        testing::Ok(tx.Commit());
        return Response{201, "text/plain", "2", {}};
      },
      reply);
  // A query still running at the deadline is interrupted.
  writer.Post(
      [](storage::Database& db) {
        auto tx = testing::Ok(storage::WriteTx::Begin(db));
        testing::Ok(db.Execute("INSERT INTO t (x) VALUES (3)"));
        const auto counted = db.Execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "WHERE i < 1000000000) SELECT count(*) FROM n");
        EXPECT_EQ(counted.code(), domain::Code::kUnavailable);
        return Response{201, "text/plain", "3", {}};
      },
      reply);
  writer.Post(Insert(4), reply);  // after it in the batch: its own budget
  release.set_value();
  ASSERT_EQ(all_done.get_future().wait_for(10s), std::future_status::ready);
  EXPECT_EQ(statuses, (std::vector<int>{201, 503, 503, 201}));
  EXPECT_EQ(Committed(), (std::vector<int>{1, 4}));
}

}  // namespace
}  // namespace capdev::http
