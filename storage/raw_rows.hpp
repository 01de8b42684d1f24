#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "storage/database.hpp"

namespace capdev::storage {

// A query stepped through SQLite's C API: SQLite::Column shares the
// statement's ownership for every value read, which costs more than the
// value itself when a loop reads hundreds of thousands of rows.
class RawRows {
 public:
  RawRows(Database& db, const char* sql) : db_(db.raw().getHandle()) {
    if (const int rc = sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr);
        rc != SQLITE_OK) {
      throw SQLite::Exception(db_, rc);
    }
  }
  ~RawRows() { sqlite3_finalize(stmt_); }
  RawRows(const RawRows&) = delete;
  RawRows& operator=(const RawRows&) = delete;

  bool Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, rc);  // SQLITE_INTERRUPT: the time budget
  }
  std::int64_t Int(int column) { return sqlite3_column_int64(stmt_, column); }
  bool IsNull(int column) {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  std::string_view Text(int column) {
    const auto* text = sqlite3_column_text(stmt_, column);
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace capdev::storage
