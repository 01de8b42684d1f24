#include "storage/transaction.hpp"

namespace capdev::storage {

WriteTx::WriteTx(Database& db) : db_(db), nested_(db.InTransaction()) {
  db_.Execute(nested_ ? "SAVEPOINT capdev_write" : "BEGIN IMMEDIATE");
}

WriteTx::~WriteTx() {
  if (done_) return;
  try {
    db_.Execute(nested_ ? "ROLLBACK TO capdev_write; RELEASE capdev_write"
                        : "ROLLBACK");
  } catch (...) {
    // SQLite already rolled back (e.g. after SQLITE_FULL); nothing left to
    // undo.
  }
}

void WriteTx::Commit() {
  db_.Execute(nested_ ? "RELEASE capdev_write" : "COMMIT");
  done_ = true;
}

}  // namespace capdev::storage
