#pragma once
// Read connections for the requests answered on the I/O threads: opened when
// more threads read at once than connections are idle, then kept for reuse.
// A leased connection belongs to its thread until the lease ends.

#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.hpp"

namespace capdev::http {

class ConnectionPool {
 public:
  explicit ConnectionPool(storage::DatabaseOptions options)
      : options_(std::move(options)) {}

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<storage::Database> db)
        : pool_(pool), db_(std::move(db)) {}
    ~Lease() {
      if (db_) pool_.Return(std::move(db_));
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    storage::Database* get() const { return db_.get(); }

   private:
    ConnectionPool& pool_;
    std::unique_ptr<storage::Database> db_;
  };

  // Its connection is null when the database cannot be opened.
  Lease Acquire();

 private:
  void Return(std::unique_ptr<storage::Database> db);

  const storage::DatabaseOptions options_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<storage::Database>> idle_;
};

}  // namespace capdev::http
