#pragma once
// One connection to capdev's database, of either engine (a file path is
// SQLite, a postgresql:// URI PostgreSQL), with a cache of prepared
// statements. A connection belongs to one thread at a time (the writer's, or
// one leased from a pool).

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "domain/status.hpp"
#include "storage/connection.hpp"
#include "storage/statement.hpp"

namespace capdev::storage {

// True for a postgresql:// (or postgres://) URI, false for a file path.
bool IsPostgresUri(const std::string& location);

struct DatabaseOptions {
  std::string path;  // a file, or a postgresql:// URI
  int busy_timeout_ms = 5000;
  bool synchronous_full = true;  // an acknowledged write survives a power loss
  // Off for the server's writer: the WalCheckpointer copies the WAL back in
  // the background, so no commit crossing the threshold pays for it.
  bool automatic_checkpoints = true;
};

class Database {
 public:
  // Throws when the file cannot be opened (a constructor has no Status):
  // Open answers the same as a Status.
  explicit Database(const DatabaseOptions& options);
  static domain::StatusOr<std::unique_ptr<Database>> Open(
      const DatabaseOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Engine engine() const { return connection_->engine(); }
  // A statement prepared once per connection and reused; reset it after use
  // (ScopedStatement does). Inside storage/, which guards the exceptions.
  Statement& Prepare(const std::string& sql);
  // Runs one or more statements of SQL text (scripts, tests, tools).
  domain::Status Execute(const std::string& sql);
  // The engine's connection: for storage/ and for tests and tools; its
  // EngineErrors are theirs to handle.
  Connection& connection() { return *connection_; }
  // True between BEGIN and COMMIT/ROLLBACK.
  bool InTransaction() const { return connection_->InTransaction(); }
  // Statements still running at `deadline` fail (Failure::kInterrupted): the
  // time budget of a long read. nullopt lifts it.
  void SetDeadline(
      std::optional<std::chrono::steady_clock::time_point> deadline);
  // True when a deadline is set and has passed: long work checks it between
  // its steps (the writer's budget), so it stops without a statement being
  // interrupted.
  bool PastDeadline() const;
  const std::string& path() const { return path_; }
  int busy_timeout_ms() const { return busy_timeout_ms_; }

 private:
  std::string path_;
  int busy_timeout_ms_;
  std::unique_ptr<Connection> connection_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
  std::chrono::steady_clock::time_point deadline_;
  bool has_deadline_ = false;
};

// Borrows a cached statement and leaves it reset with no bindings.
class ScopedStatement {
 public:
  ScopedStatement(Database& db, const std::string& sql);
  ~ScopedStatement();
  ScopedStatement(const ScopedStatement&) = delete;
  ScopedStatement& operator=(const ScopedStatement&) = delete;
  Statement& operator*() { return stmt_; }
  Statement* operator->() { return &stmt_; }

 private:
  Statement& stmt_;
};

}  // namespace capdev::storage
