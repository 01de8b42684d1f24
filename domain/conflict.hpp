#pragma once
// Double bookings. A person registered in two workshops with sessions on the
// same day, or one venue in one city used twice on a day, is a conflict; a
// trainer institution engaged in two cities on the same day is a warning
// (it may send two teams).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/enums.hpp"

namespace capdev::domain {

struct Conflict {
  ConflictKind kind = ConflictKind::kPerson;
  Severity severity = Severity::kConflict;
  Date date;
  std::int64_t workshop_id = 0;  // the workshop the conflicts were asked for
  std::int64_t other_workshop_id = 0;  // the workshop it clashes with
  std::string other_workshop_title;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> organization_id;
  std::optional<std::string> venue;
  std::optional<std::string> city;

  bool operator==(const Conflict&) const = default;
};

// The conflicts in `after` that were not in `before`: what a write created.
std::vector<Conflict> NewConflicts(const std::vector<Conflict>& before,
                                   const std::vector<Conflict>& after);

// Whether a person in this role is needed in the room, so that two
// workshops on one day double-book them (observers and organizers are not).
bool CanBeDoubleBooked(RegistrationRole role);

// A conflict for people and venues, a warning for trainer institutions.
Severity SeverityOf(ConflictKind kind);

}  // namespace capdev::domain
