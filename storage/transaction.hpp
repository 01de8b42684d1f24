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
  // Unavailable (503) when the write lock is not granted in time.
  static domain::StatusOr<WriteTx> Begin(Database& db);
  ~WriteTx();
  WriteTx(WriteTx&& other) noexcept;
  WriteTx& operator=(WriteTx&&) = delete;
  WriteTx(const WriteTx&) = delete;
  WriteTx& operator=(const WriteTx&) = delete;
  // A failed commit (a full disk, a deferred foreign key) leaves the
  // transaction to be rolled back by the destructor.
  domain::Status Commit();
  Database& db() { return *db_; }
  // True when it is a savepoint inside a transaction opened before it.
  bool nested() const { return nested_; }

 private:
  WriteTx(Database& db, bool nested) : db_(&db), nested_(nested) {}

  Database* db_;
  bool nested_;
  bool done_ = false;
};

// Before attempt `attempt + 1` of a transaction that lost to a concurrent
// one: false when it has had its few attempts; else true after a short
// random pause, so that the two do not collide again at once.
bool PauseBeforeRetry(int attempt);

// After a failed attempt at a transaction: true when it lost to a
// concurrent one (PostgreSQL, Connection::ConsumeConflict) and may run
// again, once PauseBeforeRetry has waited.
inline bool RetryAfterConflict(Database& db, int attempt) {
  return db.connection().ConsumeConflict() && PauseBeforeRetry(attempt);
}

// Runs `work(tx)` in a new write transaction: commits when the Status (or
// StatusOr) it returns is ok, rolls back otherwise (and on an exception). A
// failure to begin or to commit is the answer then. A transaction that lost
// to a concurrent one runs again from the start, so `work` must change
// nothing but the database. Nested in an open transaction (a savepoint), the
// loss is the outer transaction's to retry: the writer's batch.
template <class F>
auto InWriteTx(Database& db, F&& work)
    -> decltype(std::forward<F>(work)(std::declval<WriteTx&>())) {
  for (int attempt = 0;; ++attempt) {
    ASSIGN_OR_RETURN(auto tx, WriteTx::Begin(db));
    auto result = work(tx);
    if (result.ok()) {
      auto committed = tx.Commit();
      if (committed.ok()) return result;
      result = std::move(committed);
    }
    if (tx.nested() || !RetryAfterConflict(db, attempt)) return result;
  }
}

// The server's writer commits a batch of requests together, under one fsync:
// one transaction (BEGIN IMMEDIATE), each request in a savepoint of its own,
// so that each stays all-or-nothing and a failed one is undone alone. Rolled
// back when it goes out of scope uncommitted (unless SQLite already did).
class BatchTx {
 public:
  static domain::StatusOr<BatchTx> Begin(Database& db);
  ~BatchTx();
  BatchTx(BatchTx&& other) noexcept;
  BatchTx& operator=(BatchTx&&) = delete;
  BatchTx(const BatchTx&) = delete;
  BatchTx& operator=(const BatchTx&) = delete;

  // A savepoint for the next request's changes.
  domain::Status BeginRequest();
  // The request's changes stay in the batch.
  domain::Status ReleaseRequest();
  // The request's changes are undone; the batch's others stay.
  domain::Status RollBackRequest();
  // True when SQLite rolled the whole transaction back by itself (a full
  // disk, an I/O error): every request since Begin lost its changes, and
  // this transaction is over (begin another).
  bool RolledBackByEngine() const;
  // Makes the batch durable. On failure nothing of it was kept.
  domain::Status Commit();

 private:
  explicit BatchTx(Database& db) : db_(&db) {}

  Database* db_;
  bool done_ = false;
};

// Around a statement whose failure the transaction reads on from (a refused
// delete, then what still references the record): PostgreSQL refuses every
// statement after a failed one until the transaction rolls back to a
// savepoint taken before it. SQLite goes on by itself: nothing is done.
// Throws EngineError (inside storage's guarded functions).
class StatementSavepoint {
 public:
  explicit StatementSavepoint(Database& db);
  ~StatementSavepoint();  // rolls back to it unless Release()d
  StatementSavepoint(const StatementSavepoint&) = delete;
  StatementSavepoint& operator=(const StatementSavepoint&) = delete;
  void Release();

 private:
  Database* db_ = nullptr;  // null: nothing to undo
};

// A consistent snapshot for a report's several queries (BEGIN DEFERRED):
// writers committing meanwhile are not seen halfway. Inside an open
// transaction it has its snapshot already and does nothing.
class ReadTransaction {
 public:
  static domain::StatusOr<ReadTransaction> Begin(Database& db);
  ~ReadTransaction();
  ReadTransaction(ReadTransaction&& other) noexcept;
  ReadTransaction& operator=(ReadTransaction&&) = delete;
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;

 private:
  ReadTransaction(Database& db, bool owned) : db_(&db), owned_(owned) {}

  Database* db_;
  bool owned_;
};

}  // namespace capdev::storage
