#include "app/http/connection_pool.hpp"

#include <spdlog/spdlog.h>

#include <utility>

#include "app/i18n/catalog.hpp"

namespace capdev::http {

ConnectionPool::Lease ConnectionPool::Acquire() {
  for (;;) {
    std::unique_ptr<storage::Database> db;
    {
      std::lock_guard lock(mutex_);
      if (idle_.empty()) break;
      db = std::move(idle_.back());
      idle_.pop_back();
    }
    // One lost while idle (a PostgreSQL server restarted) is closed.
    if (!db->connection().Broken()) return {*this, std::move(db)};
  }
  auto opened = storage::Database::Open(options_);
  if (!opened.ok()) {
    spdlog::error("cannot open a read connection: {}",
                  i18n::LogText(opened.status()));
    return {*this, nullptr};
  }
  return {*this, std::move(*opened)};
}

void ConnectionPool::Return(std::unique_ptr<storage::Database> db) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(db));
}

}  // namespace capdev::http
