#pragma once
// The engine interface's statement and its one exception. Storage code is
// written against these, never against SQLite's or libpq's own types, so
// the same code runs on either engine (storage/sqlite/, storage/postgres/).
// SQL uses `?` for parameters, numbered from 1 in the order they appear, or
// `:name` for one used several times (the same number each time).

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace capdev::storage {

// What an engine's failure means to capdev, whichever engine reported it
// (SQLite's result codes, PostgreSQL's SQLSTATEs).
enum class Failure {
  kUnique,           // a UNIQUE or PRIMARY KEY constraint
  kForeignKey,       // a FOREIGN KEY constraint
  kCheck,            // a CHECK or NOT NULL constraint
  kOtherConstraint,  // a trigger's refusal (RAISE)
  kDiskFull,
  kIoError,
  kBusy,           // a lock not granted in time
  kInterrupted,    // a read stopped at its time budget
  kSerialization,  // a concurrent transaction won: retry the whole one
  kConnection,     // the server went away
  kOther,          // SQL the engine rejects, a misuse: a bug
};

class EngineError : public std::runtime_error {
 public:
  EngineError(Failure failure, const std::string& message,
              std::vector<std::string> columns = {})
      : std::runtime_error(message),
        failure_(failure),
        columns_(std::move(columns)) {}
  Failure failure() const { return failure_; }
  bool IsConstraint() const {
    return failure_ == Failure::kUnique || failure_ == Failure::kForeignKey ||
           failure_ == Failure::kCheck || failure_ == Failure::kOtherConstraint;
  }
  // For kUnique: the columns of the key that was taken, as the schema names
  // them ("name", or "workshop_id", "person_id").
  const std::vector<std::string>& columns() const { return columns_; }

 private:
  Failure failure_;
  std::vector<std::string> columns_;
};

// What a NULL parameter stands for, for an engine that types parameters
// (PostgreSQL cannot infer it from `? IS NULL`).
enum class SqlType { kUnknown, kInteger, kReal, kText };

// One prepared statement on one connection. Every member may throw
// EngineError. Values read are valid until the next Step or Reset.
class Statement {
 public:
  virtual ~Statement() = default;

  virtual void Bind(int index, std::int64_t value) = 0;
  virtual void Bind(int index, double value) = 0;
  virtual void Bind(int index, std::string_view value) = 0;
  virtual void BindNull(int index, SqlType type) = 0;
  void BindNull(int index) { BindNull(index, SqlType::kUnknown); }
  void Bind(int index, int value) {
    Bind(index, static_cast<std::int64_t>(value));
  }
  void Bind(int index, const std::string& value) {
    Bind(index, std::string_view(value));
  }
  void Bind(int index, const char* value) {
    Bind(index, std::string_view(value));
  }

  // How many parameters the SQL has (the highest number).
  virtual int ParameterCount() = 0;
  // The number of the parameter `:name` (spelt with its colon).
  virtual int ParameterIndex(std::string_view name) = 0;
  template <class T>
  void BindNamed(std::string_view name, const T& value) {
    Bind(ParameterIndex(name), value);
  }

  // Runs the statement on its first call, then moves to the next row: true
  // while there is a row to read.
  virtual bool Step() = 0;
  // Runs a statement that answers no rows: the number of rows it changed.
  virtual std::int64_t Exec() = 0;

  virtual bool IsNull(int column) = 0;
  virtual std::int64_t Int64(int column) = 0;
  virtual double Double(int column) = 0;
  virtual std::string_view TextView(int column) = 0;
  int Int(int column) { return static_cast<int>(Int64(column)); }
  std::string Text(int column) { return std::string(TextView(column)); }
  virtual int ColumnCount() = 0;

  // Ready to run again: the rows dropped, the bindings cleared.
  virtual void Reset() = 0;
};

}  // namespace capdev::storage
