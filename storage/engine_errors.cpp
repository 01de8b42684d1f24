#include "storage/engine_errors.hpp"

#include <optional>
#include <string>
#include <vector>

namespace capdev::storage {

domain::Status ConstraintStatus(const EngineError& e, std::string_view noun,
                                std::string_view unique_field) {
  switch (e.failure()) {
    case Failure::kUnique: {
      std::string fields;
      std::vector<domain::FieldError> taken;
      for (std::string column : e.columns()) {
        if (column == "unique_key") column = std::string(unique_field);
        if (!fields.empty()) fields += ", ";
        fields += column;
        taken.emplace_back(column, domain::kTaken,
                           domain::Message("error.taken"));
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
    case Failure::kForeignKey:
      return domain::Status::FailedPrecondition(domain::Message(
          "error.reference_broken", {{"noun", RecordTerm(noun)}}));
    case Failure::kCheck:
      return domain::Status::Invalid(
          {},
          domain::Message("error.schema_rule", {{"noun", RecordTerm(noun)}}));
    default:
      return domain::Status::Internal(e.what());
  }
}

namespace {

// The machine, not the request, failed: a full disk, an I/O error, a lock
// not granted in time, a long read stopped at its time budget, a
// transaction that lost to a concurrent one, a database server gone away.
// Answered as Unavailable (503) with a detail an operator can act on.
std::optional<domain::Status> UnavailableStatus(const EngineError& e) {
  switch (e.failure()) {
    case Failure::kDiskFull:
      return domain::Status::Unavailable("error.disk_full");
    case Failure::kIoError:
      return domain::Status::Unavailable("error.disk_write_failed");
    case Failure::kInterrupted:
      return domain::Status::Unavailable("error.took_too_long");
    case Failure::kBusy:
    case Failure::kSerialization:
      return domain::Status::Unavailable("error.database_busy");
    case Failure::kConnection:
      return domain::Status::Unavailable("error.database_unreachable");
    default:
      return std::nullopt;
  }
}

}  // namespace

domain::Status EngineStatus(const EngineError& e) {
  if (e.IsConstraint()) return ConstraintStatus(e, "record");
  if (auto unavailable = UnavailableStatus(e)) return *std::move(unavailable);
  return domain::Status::Internal(std::string("the database failed: ") +
                                  e.what());
}

}  // namespace capdev::storage
