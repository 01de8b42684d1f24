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

namespace capdev::domain {

struct Conflict {
  std::string kind;      // "person", "venue" or "trainer_institution"
  std::string severity;  // "conflict" or "warning"
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

// "conflict" for people and venues, "warning" for trainer institutions.
std::string SeverityOf(const std::string& kind);

}  // namespace capdev::domain
