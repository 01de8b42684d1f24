#include "app/services/conflict_guard.hpp"

#include "app/http/query.hpp"
#include "app/status_error.hpp"
#include "storage/schedule_queries.hpp"

namespace capdev::app {

json::array ConflictsJson(const std::vector<domain::Conflict>& conflicts) {
  json::array a;
  for (const auto& c : conflicts) {
    a.push_back({{"kind", c.kind},
                 {"severity", c.severity},
                 {"date", c.date.ToString()},
                 {"workshop_id", c.workshop_id},
                 {"other_workshop_id", c.other_workshop_id},
                 {"other_workshop_title", c.other_workshop_title},
                 {"person_id", ToJson(c.person_id)},
                 {"organization_id", ToJson(c.organization_id)},
                 {"venue", ToJson(c.venue)},
                 {"city", ToJson(c.city)}});
  }
  return a;
}

ConflictGuard::ConflictGuard(Context& ctx)
    : ctx_(ctx), strict_(ctx.query.Bool("strict").value_or(false)) {}

void ConflictGuard::Before(std::int64_t workshop_id) {
  before_ = storage::ConflictsOf(ctx_.db, workshop_id);
}

domain::Status ConflictGuard::After(std::int64_t workshop_id) {
  created_ =
      domain::NewConflicts(before_, storage::ConflictsOf(ctx_.db, workshop_id));
  if (strict_ && !created_.empty()) {
    refused_ = true;
    return domain::Status::FailedPrecondition(
        "the write would create " + std::to_string(created_.size()) +
        " scheduling conflict(s); nothing was changed (strict mode)");
  }
  return domain::Status::Ok();
}

void ConflictGuard::ThrowIfRefused() const {
  if (!refused_) return;
  throw StatusError(domain::Status::FailedPrecondition(
                        "the write would create scheduling conflicts; nothing "
                        "was changed (strict mode)"),
                    {{"conflicts", ConflictsJson(created_)}});
}

}  // namespace capdev::app
