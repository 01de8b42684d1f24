#include "storage/transaction.hpp"

#include <SQLiteCpp/Statement.h>

#include <string>

namespace capdev::storage {

namespace {

// One statement, prepared once per connection: a read begins and ends a
// transaction per request, and parsing "BEGIN" each time showed in profiles.
void Run(Database& db, const std::string& sql) {
  ScopedStatement(db, sql)->exec();
}

}  // namespace

WriteTx::WriteTx(Database& db) : db_(db), nested_(db.InTransaction()) {
  Run(db_, nested_ ? "SAVEPOINT capdev_write" : "BEGIN IMMEDIATE");
}

WriteTx::~WriteTx() {
  if (done_) return;
  try {
    db_.Execute(nested_ ? "ROLLBACK TO capdev_write; RELEASE capdev_write"
                        : "ROLLBACK");
  } catch (...) {
    // best effort: SQLite already rolled back (e.g. after SQLITE_FULL);
    // nothing left to undo.
  }
}

void WriteTx::Commit() {
  Run(db_, nested_ ? "RELEASE capdev_write" : "COMMIT");
  done_ = true;
}

ReadTransaction::ReadTransaction(Database& db)
    : db_(db), owned_(!db.InTransaction()) {
  if (owned_) Run(db_, "BEGIN");
}

ReadTransaction::~ReadTransaction() {
  if (!owned_) return;
  try {
    Run(db_, "COMMIT");
  } catch (...) {
    // Nothing was written, but a snapshot left open on a pooled connection
    // would hold back checkpoints: end it.
    try {
      if (db_.InTransaction()) db_.Execute("ROLLBACK");
    } catch (...) {
      // best effort: the connection is unusable; its next BEGIN fails and
      // that request answers 503.
    }
  }
}

}  // namespace capdev::storage
