#pragma once
// Double-booking checks around a write that can create them, inside its
// transaction: the check notes a workshop's conflicts before the write, and
// After() finds the ones the write created. In strict mode any new conflict
// is a 409 carrying them, so the write is rolled back.

#include <cstdint>
#include <utility>
#include <vector>

#include "domain/conflict.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::services {

class ConflictCheck {
 public:
  // `workshop_id` 0: a workshop not created yet (it has none).
  static domain::StatusOr<ConflictCheck> Before(storage::Database& db,
                                                std::int64_t workshop_id);
  domain::StatusOr<std::vector<domain::Conflict>> After(
      storage::Database& db, std::int64_t workshop_id, bool strict) const;

 private:
  explicit ConflictCheck(std::vector<domain::Conflict> before)
      : before_(std::move(before)) {}

  std::vector<domain::Conflict> before_;
};

}  // namespace capdev::services
