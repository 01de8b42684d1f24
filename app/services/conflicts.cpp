#include "app/services/conflicts.hpp"

#include "storage/schedule_queries.hpp"

namespace capdev::services {

ConflictCheck::ConflictCheck(storage::Database& db, std::int64_t workshop_id)
    : before_(workshop_id > 0 ? storage::ConflictsOf(db, workshop_id)
                              : std::vector<domain::Conflict>{}) {}

domain::StatusOr<std::vector<domain::Conflict>> ConflictCheck::After(
    storage::Database& db, std::int64_t workshop_id, bool strict) const {
  auto created =
      domain::NewConflicts(before_, storage::ConflictsOf(db, workshop_id));
  if (strict && !created.empty()) {
    return domain::Status::FailedPrecondition(
               "the write would create scheduling conflicts; nothing was "
               "changed (strict mode)")
        .WithConflicts(std::move(created));
  }
  return created;
}

}  // namespace capdev::services
