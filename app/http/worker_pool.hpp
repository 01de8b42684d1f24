#pragma once
// Long reads (reports, exports) run here, never on the I/O threads: a few
// workers, each with its own SQLite connection opened on its own thread, a
// bounded queue, and a time budget per task, so long reads can neither take
// every thread nor pile up without end.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/database.hpp"

namespace capdev::http {

struct WorkerPoolOptions {
  int threads = 2;
  std::size_t max_queued = 32;  // TryPost refuses beyond
  // SQL still running this long after the task started is interrupted.
  std::chrono::milliseconds budget{30'000};
};

class WorkerPool {
 public:
  // Receives the worker's connection, or null when it cannot be opened (the
  // task must still answer its client).
  using Task = std::function<void(storage::Database*)>;

  WorkerPool(const storage::DatabaseOptions& database,
             const WorkerPoolOptions& options);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False, and the task dropped, when the queue is full.
  bool TryPost(Task task);
  // Runs the queued tasks, then joins the workers and closes their connections.
  void Stop();

 private:
  void Run(const storage::DatabaseOptions& database);

  const WorkerPoolOptions options_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Task> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace capdev::http
