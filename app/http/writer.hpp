#pragma once
// Every change goes through here: one thread with one connection, so writers
// never wait on SQLite's write lock in a busy loop. Requests that queue up
// while a commit is reaching the disk are committed together under one fsync,
// each inside its own savepoint so each stays all-or-nothing, and each is
// answered only once that commit is durable.
// Each request has a time budget on the writer: one that runs longer is
// rolled back (its savepoint) and answered 503, so no change holds every
// other one up for long.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/http/message.hpp"
#include "storage/database.hpp"

namespace capdev::http {

class Writer {
 public:
  using Work = std::function<Response(storage::Database&)>;
  using Reply = std::function<void(Response)>;

  // `budget`: how long one request may run on the writer (zero: no limit).
  explicit Writer(const storage::DatabaseOptions& options,
                  std::chrono::milliseconds budget = kDefaultBudget,
                  std::size_t max_batch = 64);
  static constexpr std::chrono::milliseconds kDefaultBudget{2000};
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // `reply` is called on the writer's thread once the outcome is final.
  void Post(Work work, Reply reply);
  // Runs what is queued, then joins the thread and closes the connection.
  void Stop();

 private:
  struct Item {
    Work work;
    Reply reply;
  };
  void Run(const storage::DatabaseOptions& options);
  // Runs the batch again while it loses to concurrent transactions.
  std::vector<Response> Commit(storage::Database& db,
                               std::vector<Item>& batch) const;
  // nullopt: lost to a concurrent transaction, nothing of it kept.
  std::optional<std::vector<Response>> CommitOnce(
      storage::Database& db, std::vector<Item>& batch) const;
  // Runs one request under the budget.
  Response RunOne(storage::Database& db, Item& item) const;

  const std::chrono::milliseconds budget_;
  const std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace capdev::http
