#include "storage/database.hpp"

#include "storage/engine_errors.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace capdev::storage {

bool IsPostgresUri(const std::string& location) {
  return location.starts_with("postgresql://") ||
         location.starts_with("postgres://");
}

namespace {

std::unique_ptr<Connection> Connect(const DatabaseOptions& options) {
  if (IsPostgresUri(options.path)) return ConnectPostgres(options);
  return ConnectSqlite(options);
}

}  // namespace

Database::Database(const DatabaseOptions& options)
    : path_(options.path),
      busy_timeout_ms_(options.busy_timeout_ms),
      connection_(Connect(options)) {}

domain::StatusOr<std::unique_ptr<Database>> Database::Open(
    const DatabaseOptions& options) {
  return Guarded([&] { return std::make_unique<Database>(options); });
}

Database::~Database() {
  statements_.clear();  // finalised before the connection closes
}

Statement& Database::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    it = statements_.emplace(sql, connection_->PrepareKept(sql)).first;
  }
  return *it->second;
}

domain::Status Database::Execute(const std::string& sql) {
  return Guarded([&] { connection_->ExecScript(sql); });
}

void Database::SetDeadline(
    std::optional<std::chrono::steady_clock::time_point> deadline) {
  has_deadline_ = deadline.has_value();
  if (deadline) deadline_ = *deadline;
  connection_->SetDeadline(deadline);
}

bool Database::PastDeadline() const {
  return has_deadline_ && std::chrono::steady_clock::now() >= deadline_;
}

ScopedStatement::ScopedStatement(Database& db, const std::string& sql)
    : stmt_(db.Prepare(sql)) {}

ScopedStatement::~ScopedStatement() {
  try {
    stmt_.Reset();
  } catch (...) {
    // best effort: a reset repeats the last step's error, already reported
    // by that step.
  }
}

}  // namespace capdev::storage
