#include "storage/transaction.hpp"

namespace capdev::storage {

WriteTx::WriteTx(Database& db) : db_(db) {
  db_.Execute("BEGIN IMMEDIATE");
}

WriteTx::~WriteTx() {
  if (done_) return;
  try {
    db_.Execute("ROLLBACK");
  } catch (...) {
    // SQLite already rolled back (e.g. after SQLITE_FULL); nothing left to
    // undo.
  }
}

void WriteTx::Commit() {
  db_.Execute("COMMIT");
  done_ = true;
}

}  // namespace capdev::storage
