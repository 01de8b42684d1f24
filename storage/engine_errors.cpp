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
      std::vector<domain::FieldError> taken;
      for (std::size_t pos = 0; pos < columns.size();) {
        std::size_t comma = columns.find(',', pos);
        std::string col = columns.substr(pos, comma - pos);
        col = col.substr(col.find('.') + 1);
        if (col == "unique_key") col = std::string(unique_field);
        if (!fields.empty()) fields += ", ";
        fields += col;
        taken.emplace_back(col, domain::kTaken, domain::Message("error.taken"));
        pos = comma == std::string::npos ? columns.size() : comma + 1;
      }
      // One field as its name in the reader's language; several (a pair
      // that must be unique together) as they are spelt in the API.
      domain::Arg what = fields;
      if (taken.size() == 1) what = domain::FieldTerm(fields);
      return domain::Status::AlreadyExists(
          domain::Message("error.duplicate",
                          {{"noun", RecordTerm(noun)}, {"fields", what}}),
          std::move(taken));
    }
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return domain::Status::FailedPrecondition(domain::Message(
          "error.reference_broken", {{"noun", RecordTerm(noun)}}));
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return domain::Status::Invalid(
          {},
          domain::Message("error.schema_rule", {{"noun", RecordTerm(noun)}}));
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
      return domain::Status::Unavailable("error.disk_full");
    case SQLITE_IOERR:
      return domain::Status::Unavailable("error.disk_write_failed");
    case SQLITE_INTERRUPT:
      return domain::Status::Unavailable("error.took_too_long");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return domain::Status::Unavailable("error.database_busy");
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
