#include "app/http/worker_pool.hpp"

#include <spdlog/spdlog.h>

#include <memory>

#include "app/i18n/catalog.hpp"

namespace capdev::http {

WorkerPool::WorkerPool(const storage::DatabaseOptions& database,
                       const WorkerPoolOptions& options)
    : options_(options) {
  for (int i = 0; i < options_.threads; ++i)
    threads_.emplace_back([this, database] { Run(database); });
}

WorkerPool::~WorkerPool() { Stop(); }

bool WorkerPool::TryPost(Task task) {
  {
    std::lock_guard lock(mutex_);
    if (tasks_.size() >= options_.max_queued) return false;
    tasks_.push_back(std::move(task));
  }
  ready_.notify_one();
  return true;
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

void WorkerPool::Run(const storage::DatabaseOptions& database) {
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
    if (db && db->connection().Broken()) db.reset();  // a server restarted
    if (!db) {
      if (auto opened = storage::Database::Open(database); !opened.ok()) {
        spdlog::error("worker cannot open the database: {}",
                      i18n::LogText(opened.status()));
      } else {
        db = std::move(*opened);
      }
    }
    if (db) db->SetDeadline(std::chrono::steady_clock::now() + options_.budget);
    try {
      task(db.get());
    } catch (const std::exception& e) {
      // Tasks carry their own exception boundary; this is the last resort.
      spdlog::error("worker task failed: {}", e.what());
    }
  }
}

}  // namespace capdev::http
