#include "storage/transaction.hpp"

namespace capdev::storage {

Transaction::Transaction(Database& db) : db_(db) {
  db_.Execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    db_.Execute("ROLLBACK");
  } catch (...) {
    // SQLite already rolled back (e.g. after SQLITE_FULL); nothing left to
    // undo.
  }
}

void Transaction::Commit() {
  db_.Execute("COMMIT");
  done_ = true;
}

}  // namespace capdev::storage
