#include "storage/transaction.hpp"

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "storage/engine_errors.hpp"

namespace capdev::storage {

namespace {

// One statement, prepared once per connection: a read begins and ends a
// transaction per request, and parsing "BEGIN" each time showed in profiles.
void Run(Database& db, const std::string& sql) {
  ScopedStatement(db, sql)->Exec();
}

// A write takes SQLite's write lock up front; on PostgreSQL it is
// SERIALIZABLE, so that concurrent writers through several instances keep
// every rule as one writer would (the loser answers Failure::kSerialization).
const char* BeginWrite(const Database& db) {
  return db.engine() == Engine::kPostgres ? "BEGIN ISOLATION LEVEL SERIALIZABLE"
                                          : "BEGIN IMMEDIATE";
}

// A report's consistent snapshot (not READ ONLY: reports fill temporary
// tables).
const char* BeginRead(const Database& db) {
  return db.engine() == Engine::kPostgres
             ? "BEGIN ISOLATION LEVEL REPEATABLE READ"
             : "BEGIN";
}

}  // namespace

bool PauseBeforeRetry(int attempt) {
  constexpr int kAttempts = 8;
  if (attempt + 1 >= kAttempts) return false;
  // Up to 2, 4, ... 64 ms: enough for the winner to commit.
  thread_local std::minstd_rand random(std::random_device{}());
  const int most = 2 << std::min(attempt, 5);
  std::this_thread::sleep_for(std::chrono::milliseconds(
      1 + std::uniform_int_distribution<int>(0, most - 1)(random)));
  return true;
}

domain::StatusOr<WriteTx> WriteTx::Begin(Database& db) {
  const bool nested = db.InTransaction();
  // A conflict left from an earlier transaction is not this one's.
  if (!nested) db.connection().ConsumeConflict();
  RETURN_IF_ERROR(Guarded(
      [&] { Run(db, nested ? "SAVEPOINT capdev_write" : BeginWrite(db)); }));
  return WriteTx(db, nested);
}

WriteTx::WriteTx(WriteTx&& other) noexcept
    : db_(other.db_), nested_(other.nested_), done_(other.done_) {
  other.done_ = true;
}

WriteTx::~WriteTx() {
  if (done_) return;
  try {
    db_->connection().ExecScript(
        nested_ ? "ROLLBACK TO capdev_write; RELEASE capdev_write"
                : "ROLLBACK");
  } catch (...) {
    // best effort: SQLite already rolled back (e.g. after SQLITE_FULL);
    // nothing left to undo.
  }
}

domain::Status WriteTx::Commit() {
  RETURN_IF_ERROR(
      Guarded([&] { Run(*db_, nested_ ? "RELEASE capdev_write" : "COMMIT"); }));
  done_ = true;
  return domain::Status::Ok();
}

domain::StatusOr<BatchTx> BatchTx::Begin(Database& db) {
  db.connection().ConsumeConflict();
  RETURN_IF_ERROR(Guarded([&] { Run(db, BeginWrite(db)); }));
  return BatchTx(db);
}

BatchTx::BatchTx(BatchTx&& other) noexcept
    : db_(other.db_), done_(other.done_) {
  other.done_ = true;
}

BatchTx::~BatchTx() {
  if (done_ || !db_->InTransaction()) return;
  try {
    db_->connection().ExecScript("ROLLBACK");
  } catch (...) {
    // best effort: the connection's next BEGIN fails if this did.
  }
}

domain::Status BatchTx::BeginRequest() {
  return Guarded([&] { Run(*db_, "SAVEPOINT capdev_request"); });
}

domain::Status BatchTx::ReleaseRequest() {
  return Guarded([&] { Run(*db_, "RELEASE capdev_request"); });
}

domain::Status BatchTx::RollBackRequest() {
  return Guarded([&] {
    db_->connection().ExecScript(
        "ROLLBACK TO capdev_request; RELEASE capdev_request");
  });
}

bool BatchTx::RolledBackByEngine() const { return !db_->InTransaction(); }

domain::Status BatchTx::Commit() {
  RETURN_IF_ERROR(Guarded([&] { Run(*db_, "COMMIT"); }));
  done_ = true;
  return domain::Status::Ok();
}

StatementSavepoint::StatementSavepoint(Database& db) {
  if (db.engine() != Engine::kPostgres || !db.InTransaction()) return;
  Run(db, "SAVEPOINT capdev_statement");
  db_ = &db;
}

StatementSavepoint::~StatementSavepoint() {
  if (db_ == nullptr) return;
  try {
    db_->connection().ExecScript(
        "ROLLBACK TO capdev_statement; RELEASE capdev_statement");
  } catch (...) {
    // best effort: the transaction's own rollback undoes it all.
  }
}

void StatementSavepoint::Release() {
  if (db_ == nullptr) return;
  Run(*db_, "RELEASE capdev_statement");
  db_ = nullptr;
}

domain::StatusOr<ReadTransaction> ReadTransaction::Begin(Database& db) {
  const bool owned = !db.InTransaction();
  if (owned) RETURN_IF_ERROR(Guarded([&] { Run(db, BeginRead(db)); }));
  return ReadTransaction(db, owned);
}

ReadTransaction::ReadTransaction(ReadTransaction&& other) noexcept
    : db_(other.db_), owned_(other.owned_) {
  other.owned_ = false;
}

ReadTransaction::~ReadTransaction() {
  if (!owned_) return;
  try {
    Run(*db_, "COMMIT");
  } catch (...) {
    // Nothing was written, but a snapshot left open on a pooled connection
    // would hold back checkpoints: end it.
    try {
      if (db_->InTransaction()) db_->connection().ExecScript("ROLLBACK");
    } catch (...) {
      // best effort: the connection is unusable; its next BEGIN fails and
      // that request answers 503.
    }
  }
}

}  // namespace capdev::storage
