#pragma once
// Writes happen inside a WriteTx: BEGIN IMMEDIATE (the write lock up front, so
// two writers never deadlock on an upgrade), committed explicitly, rolled back
// when it goes out of scope uncommitted. A storage function that writes takes
// the WriteTx, so the compiler checks that it runs inside one.
// Inside a transaction already open on the connection (the server's writer
// commits several requests under one fsync) it is a SAVEPOINT instead: its
// Commit releases it, and the outer COMMIT makes it durable.

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
  bool nested_;
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
// writers committing meanwhile are not seen halfway. Inside an open
// transaction it has its snapshot already and does nothing.
class ReadTransaction {
 public:
  explicit ReadTransaction(Database& db);
  ~ReadTransaction();
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  Database& db_;
  bool owned_;
};

}  // namespace capdev::storage
