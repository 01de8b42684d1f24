#include "app/http/connection_pool.hpp"

#include <spdlog/spdlog.h>

namespace capdev::http {

ConnectionPool::Lease ConnectionPool::Acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto db = std::move(idle_.back());
      idle_.pop_back();
      return {*this, std::move(db)};
    }
  }
  try {
    return {*this, std::make_unique<storage::Database>(options_)};
  } catch (const std::exception& e) {
    spdlog::error("cannot open a read connection: {}", e.what());
    return {*this, nullptr};
  }
}

void ConnectionPool::Return(std::unique_ptr<storage::Database> db) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(db));
}

}  // namespace capdev::http
