#include "storage/database.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "storage/engine_errors.hpp"
#include "storage/text_key.hpp"
#include "storage/wal_checkpointer.hpp"

namespace capdev::storage {

namespace {

// SQLite's process-wide settings, made before main so that they precede every
// connection (sqlite3_config is refused once SQLite is initialised). Memory
// statistics off: nothing reads them, and keeping them makes every allocation
// SQLite does take one process-wide mutex, 9% of the writer's time on a sheet
// PUT (bench/README.md).
const int kSqliteConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

}  // namespace

Database::Database(const DatabaseOptions& options)
    : path_(options.path),
      busy_timeout_ms_(options.busy_timeout_ms),
      db_(std::make_unique<SQLite::Database>(
          options.path,
          SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX,
          options.busy_timeout_ms)) {
  db_->exec("PRAGMA journal_mode = WAL");
  db_->exec("PRAGMA foreign_keys = ON");
  // REPLACE then fires delete triggers too (the participation table's).
  db_->exec("PRAGMA recursive_triggers = ON");
  db_->exec(options.synchronous_full ? "PRAGMA synchronous = FULL"
                                     : "PRAGMA synchronous = NORMAL");
  db_->exec("PRAGMA temp_store = MEMORY");
  // Pages are read from a memory map instead of a read() each: a report
  // scans many of them, and a connection's page cache is dropped whenever
  // another connection has written.
  db_->exec("PRAGMA mmap_size = 268435456");
  // Deleted and overwritten content is zeroed, so erased personal data does
  // not linger in free space (see people erasure).
  db_->exec("PRAGMA secure_delete = ON");
  // A WAL that SQLite starts over is cut back to this size (BoundWal).
  db_->exec("PRAGMA journal_size_limit = " + std::to_string(kWalLimitBytes));
  if (!options.automatic_checkpoints)
    db_->exec("PRAGMA wal_autocheckpoint = 0");
  RegisterFold(*this);
}

domain::StatusOr<std::unique_ptr<Database>> Database::Open(
    const DatabaseOptions& options) {
  return Guarded([&] { return std::make_unique<Database>(options); });
}

Database::~Database() {
  statements_
      .clear();  // statements must be finalised before the connection closes
}

SQLite::Statement& Database::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    it =
        statements_.emplace(sql, std::make_unique<SQLite::Statement>(*db_, sql))
            .first;
  }
  return *it->second;
}

domain::Status Database::Execute(const std::string& sql) {
  return Guarded([&] { db_->exec(sql); });
}

bool Database::InTransaction() const {
  return sqlite3_get_autocommit(db_->getHandle()) == 0;
}

void Database::SetDeadline(
    std::optional<std::chrono::steady_clock::time_point> deadline) {
  has_deadline_ = deadline.has_value();
  if (!deadline) {
    sqlite3_progress_handler(db_->getHandle(), 0, nullptr, nullptr);
    return;
  }
  deadline_ = *deadline;
  // Called every few thousand virtual-machine steps: a clock read is cheap
  // at that rate. Non-zero interrupts the statement.
  sqlite3_progress_handler(
      db_->getHandle(), 4096,
      [](void* at) {
        return std::chrono::steady_clock::now() >=
                       *static_cast<std::chrono::steady_clock::time_point*>(at)
                   ? 1
                   : 0;
      },
      &deadline_);
}

bool Database::PastDeadline() const {
  return has_deadline_ && std::chrono::steady_clock::now() >= deadline_;
}

ScopedStatement::ScopedStatement(Database& db, const std::string& sql)
    : stmt_(db.Prepare(sql)) {}

ScopedStatement::~ScopedStatement() {
  try {
    stmt_.reset();
  } catch (...) {
    // best effort: reset() repeats the last step's error, already reported by
    // that step.
  }
  stmt_.clearBindings();
}

}  // namespace capdev::storage
