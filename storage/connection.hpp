#pragma once
// The engine interface: one connection to a database, of either engine.
// Database (database.hpp) holds one and is what the rest of storage/ uses;
// the implementations live in storage/sqlite/ and storage/postgres/.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "storage/statement.hpp"

namespace capdev::storage {

enum class Engine { kSqlite, kPostgres };

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;
  // Throws EngineError when the SQL is wrong.
  virtual std::unique_ptr<Statement> Prepare(const std::string& sql) = 0;
  // One kept and run again and again (Database's cache): PostgreSQL then
  // parses and plans it once per connection, not at every run.
  virtual std::unique_ptr<Statement> PrepareKept(const std::string& sql) {
    return Prepare(sql);
  }
  // Runs SQL text of one or more statements without parameters.
  virtual void ExecScript(const std::string& sql) = 0;
  // Whether the schema has the table, read cheaply (/healthz asks often).
  virtual bool HasTable(const std::string& name) = 0;
  // True between BEGIN and COMMIT/ROLLBACK.
  virtual bool InTransaction() const = 0;
  // The id of the row the connection's last INSERT added.
  virtual std::int64_t LastInsertId() = 0;
  // Statements still running at `deadline` fail with Failure::kInterrupted;
  // nullopt lifts it.
  virtual void SetDeadline(
      std::optional<std::chrono::steady_clock::time_point> deadline) = 0;
  // True when a statement failed since the last call because a concurrent
  // transaction won (PostgreSQL's serialization failure or deadlock): the
  // whole transaction is to run again. The call clears it. SQLite's single
  // writer never loses such a race.
  virtual bool ConsumeConflict() = 0;
  // True once the connection is lost (the server restarted, the network
  // failed): it answers nothing more, and a new one is to be opened. Reads
  // what the server already sent (its goodbye), without a round trip.
  virtual bool Broken() = 0;
};

}  // namespace capdev::storage
