#include "storage/engine_errors.hpp"

#include <sqlite3.h>

#include <optional>
#include <string>

namespace capdev::storage {

bool IsConstraintFailure(const SQLite::Exception& e) {
  return (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT;
}

domain::Status ConstraintStatus(const SQLite::Exception& e,
                                std::string_view noun,
                                std::string_view unique_field) {
  const std::string message = e.what();
  switch (e.getExtendedErrorCode()) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY: {
      // "UNIQUE constraint failed: organizations.name" -> "name"
      std::string columns = message.substr(message.find(':') + 1);
      std::string fields;
      for (std::size_t pos = 0; pos < columns.size();) {
        std::size_t comma = columns.find(',', pos);
        std::string col = columns.substr(pos, comma - pos);
        col = col.substr(col.find('.') + 1);
        if (col == "unique_key") col = std::string(unique_field);
        if (!fields.empty()) fields += ", ";
        fields += col;
        pos = comma == std::string::npos ? columns.size() : comma + 1;
      }
      return domain::Status::AlreadyExists("another " + std::string(noun) +
                                           " already has the same " + fields);
    }
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return domain::Status::FailedPrecondition(
          "the " + std::string(noun) +
          " is still referenced by other records, or refers to a record that "
          "does not exist");
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return domain::Status::Invalid(
          {}, "the " + std::string(noun) + " breaks a rule of the schema");
    default:
      return domain::Status::Internal(message);
  }
}

namespace {

// The machine, not the request, failed: a full disk (SQLITE_FULL), an I/O
// error, a lock not granted in time, or a long read stopped at its time
// budget (SQLITE_INTERRUPT). Answered as Unavailable (503) with a detail an
// operator can act on.
std::optional<domain::Status> UnavailableStatus(const SQLite::Exception& e) {
  switch (e.getErrorCode() & 0xff) {  // the primary code of an extended one
    case SQLITE_FULL:
      return domain::Status::Unavailable(
          "The server's disk is full: the change was not saved. Reading goes "
          "on; try again once the operator has freed space.");
    case SQLITE_IOERR:
      return domain::Status::Unavailable(
          "The server could not write to its disk: the change was not saved. "
          "Try again shortly.");
    case SQLITE_INTERRUPT:
      return domain::Status::Unavailable(
          "This took longer than the server allows for one request; narrow "
          "it (a shorter period, fewer projects) or try again when the "
          "server is less busy.");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return domain::Status::Unavailable(
          "The database is busy; try again shortly.");
    default:
      return std::nullopt;
  }
}

}  // namespace

domain::Status EngineStatus(const SQLite::Exception& e) {
  if (IsConstraintFailure(e)) return ConstraintStatus(e, "record");
  if (auto unavailable = UnavailableStatus(e)) return *std::move(unavailable);
  return domain::Status::Internal(std::string("the database failed: ") +
                                  e.what());
}

}  // namespace capdev::storage
