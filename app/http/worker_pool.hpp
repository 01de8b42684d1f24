#pragma once
// Handlers run here, never on the I/O threads: each worker owns one SQLite
// connection, opened on its own thread and never shared.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/database.hpp"

namespace capdev::app {

class WorkerPool {
 public:
  // Receives the worker's connection, or null when it cannot be opened (the
  // task must still answer its client).
  using Task = std::function<void(storage::Database*)>;

  WorkerPool(const storage::DatabaseOptions& options, int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Post(Task task);
  // Runs the queued tasks, then joins the workers and closes their connections.
  void Stop();

 private:
  void Run(const storage::DatabaseOptions& options);

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace capdev::app
