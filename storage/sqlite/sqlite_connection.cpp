#include "storage/sqlite/sqlite_connection.hpp"

#include <string>
#include <utility>
#include <vector>

#include "storage/sqlite/sql_functions.hpp"
#include "storage/sqlite/wal_checkpointer.hpp"

namespace capdev::storage {

namespace {

// SQLite's process-wide settings, made before main so that they precede every
// connection (sqlite3_config is refused once SQLite is initialised). Memory
// statistics off: nothing reads them, and keeping them makes every allocation
// SQLite does take one process-wide mutex, 9% of the writer's time on a sheet
// PUT (bench/README.md).
const int kSqliteConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

// "UNIQUE constraint failed: organizations.name, organizations.kind" ->
// {"name", "kind"}
std::vector<std::string> UniqueColumns(const std::string& message) {
  std::vector<std::string> columns;
  const auto colon = message.find(':');
  if (colon == std::string::npos) return columns;
  const std::string list = message.substr(colon + 1);
  for (std::size_t pos = 0; pos < list.size();) {
    const std::size_t comma = list.find(',', pos);
    std::string column = list.substr(pos, comma - pos);
    column = column.substr(column.find('.') + 1);
    columns.push_back(std::move(column));
    pos = comma == std::string::npos ? list.size() : comma + 1;
  }
  return columns;
}

Failure FailureOf(int extended) {
  switch (extended) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Failure::kUnique;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Failure::kForeignKey;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return Failure::kCheck;
    default:
      break;
  }
  switch (extended & 0xff) {  // the primary code of an extended one
    case SQLITE_CONSTRAINT:
      return Failure::kOtherConstraint;
    case SQLITE_FULL:
      return Failure::kDiskFull;
    case SQLITE_IOERR:
      return Failure::kIoError;
    case SQLITE_INTERRUPT:
      return Failure::kInterrupted;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Failure::kBusy;
    default:
      return Failure::kOther;
  }
}

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, const std::string& sql) : db_(db) {
    if (const int rc = sqlite3_prepare_v2(
            db_, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr);
        rc != SQLITE_OK) {
      ThrowSqliteError(db_, rc);
    }
  }
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  using Statement::Bind;
  using Statement::BindNull;
  void Bind(int index, std::int64_t value) override {
    Check(sqlite3_bind_int64(stmt_, index, value));
  }
  void Bind(int index, double value) override {
    Check(sqlite3_bind_double(stmt_, index, value));
  }
  void Bind(int index, std::string_view value) override {
    Check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                              SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void BindNull(int index, SqlType /*type*/) override {
    Check(sqlite3_bind_null(stmt_, index));
  }

  int ParameterCount() override { return sqlite3_bind_parameter_count(stmt_); }
  int ParameterIndex(std::string_view name) override {
    const int index =
        sqlite3_bind_parameter_index(stmt_, std::string(name).c_str());
    if (index == 0)
      throw EngineError(Failure::kOther, "no parameter " + std::string(name));
    return index;
  }

  bool Step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    ThrowSqliteError(db_, rc);  // SQLITE_INTERRUPT: the time budget
  }
  std::int64_t Exec() override {
    while (Step()) {
    }
    return sqlite3_changes64(db_);
  }

  bool IsNull(int column) override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  std::int64_t Int64(int column) override {
    return sqlite3_column_int64(stmt_, column);
  }
  double Double(int column) override {
    return sqlite3_column_double(stmt_, column);
  }
  std::string_view TextView(int column) override {
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
  }
  int ColumnCount() override { return sqlite3_column_count(stmt_); }

  void Reset() override {
    // The result repeats the last step's error, already thrown by that step.
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  void Check(int rc) {
    if (rc != SQLITE_OK) ThrowSqliteError(db_, rc);
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const DatabaseOptions& options) {
    const int rc = sqlite3_open_v2(
        options.path.c_str(), &db_,
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
        nullptr);
    if (rc != SQLITE_OK) {
      const std::string message =
          db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      throw EngineError(Failure::kOther,
                        "cannot open " + options.path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    ExecScript("PRAGMA journal_mode = WAL");
    ExecScript("PRAGMA foreign_keys = ON");
    // REPLACE then fires delete triggers too (the participation table's).
    ExecScript("PRAGMA recursive_triggers = ON");
    ExecScript(options.synchronous_full ? "PRAGMA synchronous = FULL"
                                        : "PRAGMA synchronous = NORMAL");
    ExecScript("PRAGMA temp_store = MEMORY");
    // Pages are read from a memory map instead of a read() each: a report
    // scans many of them, and a connection's page cache is dropped whenever
    // another connection has written.
    ExecScript("PRAGMA mmap_size = 268435456");
    // Deleted and overwritten content is zeroed, so erased personal data
    // does not linger in free space (see people erasure).
    ExecScript("PRAGMA secure_delete = ON");
    // A WAL that SQLite starts over is cut back to this size (BoundWal).
    ExecScript("PRAGMA journal_size_limit = " + std::to_string(kWalLimitBytes));
    if (!options.automatic_checkpoints)
      ExecScript("PRAGMA wal_autocheckpoint = 0");
    RegisterSqlFunctions(db_);
  }
  ~SqliteConnection() override { sqlite3_close_v2(db_); }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Engine engine() const override { return Engine::kSqlite; }
  std::unique_ptr<Statement> Prepare(const std::string& sql) override {
    return std::make_unique<SqliteStatement>(db_, sql);
  }
  void ExecScript(const std::string& sql) override {
    if (const int rc =
            sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
        rc != SQLITE_OK) {
      ThrowSqliteError(db_, sqlite3_extended_errcode(db_));
    }
  }
  // From the connection's parsed schema, without a query.
  bool HasTable(const std::string& name) override {
    const int rc = sqlite3_table_column_metadata(db_, "main", name.c_str(),
                                                 nullptr, nullptr, nullptr,
                                                 nullptr, nullptr, nullptr);
    if (rc == SQLITE_ERROR) return false;  // no such table
    if (rc != SQLITE_OK) ThrowSqliteError(db_, rc);
    return true;
  }
  bool InTransaction() const override {
    return sqlite3_get_autocommit(db_) == 0;
  }
  std::int64_t LastInsertId() override {
    return sqlite3_last_insert_rowid(db_);
  }
  void SetDeadline(
      std::optional<std::chrono::steady_clock::time_point> deadline) override {
    if (!deadline) {
      sqlite3_progress_handler(db_, 0, nullptr, nullptr);
      return;
    }
    deadline_ = *deadline;
    // Called every few thousand virtual-machine steps: a clock read is cheap
    // at that rate. Non-zero interrupts the statement.
    sqlite3_progress_handler(
        db_, 4096,
        [](void* at) {
          return std::chrono::steady_clock::now() >=
                         *static_cast<std::chrono::steady_clock::time_point*>(
                             at)
                     ? 1
                     : 0;
        },
        &deadline_);
  }
  // One writer at a time (BEGIN IMMEDIATE): no transaction loses a race.
  bool ConsumeConflict() override { return false; }
  bool Broken() override { return false; }  // a file stays reachable

  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace

void ThrowSqliteError(sqlite3* db, int rc) {
  // A step answers the extended code itself; other calls may answer the
  // primary one, whose extended form the connection then holds.
  const int last = sqlite3_extended_errcode(db);
  const int extended = rc == (rc & 0xff) && (last & 0xff) == rc ? last : rc;
  const std::string message = sqlite3_errmsg(db);
  const Failure failure = FailureOf(extended);
  throw EngineError(failure, message,
                    failure == Failure::kUnique ? UniqueColumns(message)
                                                : std::vector<std::string>{});
}

std::unique_ptr<Connection> ConnectSqlite(const DatabaseOptions& options) {
  (void)kSqliteConfigured;
  return std::make_unique<SqliteConnection>(options);
}

sqlite3* SqliteHandle(Database& db) {
  if (db.engine() != Engine::kSqlite) return nullptr;
  return static_cast<SqliteConnection&>(db.connection()).handle();
}

}  // namespace capdev::storage
