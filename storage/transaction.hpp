#pragma once
// Writes happen inside a WriteTx: BEGIN IMMEDIATE (the write lock up front, so
// two writers never deadlock on an upgrade), committed explicitly, rolled back
// when it goes out of scope uncommitted. A storage function that writes takes
// the WriteTx, so the compiler checks that it runs inside one.

#include <utility>

#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

class WriteTx {
 public:
  explicit WriteTx(Database& db);
  ~WriteTx();
  WriteTx(const WriteTx&) = delete;
  WriteTx& operator=(const WriteTx&) = delete;
  void Commit();
  Database& db() { return db_; }

 private:
  Database& db_;
  bool done_ = false;
};

// Runs `work(tx)` in a new write transaction: commits when the Status (or
// StatusOr) it returns is ok, rolls back otherwise and on an exception.
template <class F>
auto InWriteTx(Database& db, F&& work)
    -> decltype(std::forward<F>(work)(std::declval<WriteTx&>())) {
  WriteTx tx(db);
  auto result = std::forward<F>(work)(tx);
  if (result.ok()) tx.Commit();
  return result;
}

// A consistent snapshot for a report's several queries (BEGIN DEFERRED):
// writers committing meanwhile are not seen halfway.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db) : db_(db) { db_.Execute("BEGIN"); }
  ~ReadTransaction() {
    try {
      db_.Execute("COMMIT");
    } catch (...) {
      // Nothing was written to the main database; the snapshot just ends.
    }
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& db_;
};

}  // namespace capdev::storage
