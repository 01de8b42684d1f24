#include "app/http/worker_pool.hpp"

#include <spdlog/spdlog.h>

#include <memory>

namespace capdev::app {

WorkerPool::WorkerPool(const storage::DatabaseOptions& options, int threads) {
  for (int i = 0; i < threads; ++i)
    threads_.emplace_back([this, options] { Run(options); });
}

WorkerPool::~WorkerPool() { Stop(); }

void WorkerPool::Post(Task task) {
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
  }
  ready_.notify_one();
}

void WorkerPool::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void WorkerPool::Run(const storage::DatabaseOptions& options) {
  std::unique_ptr<storage::Database> db;
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;  // stopping, and nothing left to run
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    if (!db) {
      try {
        db = std::make_unique<storage::Database>(options);
      } catch (const std::exception& e) {
        spdlog::error("worker cannot open the database: {}", e.what());
      }
    }
    try {
      task(db.get());
    } catch (const std::exception& e) {
      // Tasks carry their own exception boundary; this is the last resort.
      spdlog::error("worker task failed: {}", e.what());
    }
  }
}

}  // namespace capdev::app
