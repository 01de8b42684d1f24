#include "app/services/conflicts.hpp"

#include "storage/schedule_queries.hpp"

namespace capdev::services {

domain::StatusOr<ConflictCheck> ConflictCheck::Before(
    storage::Database& db, std::int64_t workshop_id) {
  if (workshop_id <= 0) return ConflictCheck({});
  ASSIGN_OR_RETURN(auto before, storage::ConflictsOf(db, workshop_id));
  return ConflictCheck(std::move(before));
}

domain::StatusOr<std::vector<domain::Conflict>> ConflictCheck::After(
    storage::Database& db, std::int64_t workshop_id, bool strict) const {
  ASSIGN_OR_RETURN(const auto now, storage::ConflictsOf(db, workshop_id));
  auto created = domain::NewConflicts(before_, now);
  if (strict && !created.empty()) {
    return domain::Status::FailedPrecondition("error.would_create_conflicts")
        .WithConflicts(std::move(created));
  }
  return created;
}

}  // namespace capdev::services
