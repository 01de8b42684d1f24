#pragma once
// Every change goes through here: one thread with one connection, so writers
// never wait on SQLite's write lock in a busy loop. Requests that queue up
// while a commit is reaching the disk are committed together under one fsync,
// each inside its own savepoint so each stays all-or-nothing, and each is
// answered only once that commit is durable.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "app/http/message.hpp"
#include "storage/database.hpp"

namespace capdev::http {

class Writer {
 public:
  using Work = std::function<Response(storage::Database&)>;
  using Reply = std::function<void(Response)>;

  explicit Writer(const storage::DatabaseOptions& options,
                  std::size_t max_batch = 64);
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
  static std::vector<Response> Commit(storage::Database& db,
                                      std::vector<Item>& batch);

  const std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Item> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace capdev::http
