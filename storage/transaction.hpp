#pragma once
// Every multi-row write runs through WriteTransaction: BEGIN IMMEDIATE (the
// write lock up front, so two writers never deadlock on an upgrade), commit
// when the work returns ok, roll back on an error status or an exception.

#include <type_traits>

#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::storage {

class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit();

 private:
  Database& db_;
  bool done_ = false;
};

template <class F>
auto WriteTransaction(Database& db, F&& work) -> decltype(work()) {
  Transaction tx(db);
  auto result = work();
  if (result.ok()) tx.Commit();
  return result;
}

}  // namespace capdev::storage

namespace capdev::storage {

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
