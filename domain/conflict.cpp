#include "domain/conflict.hpp"

#include <algorithm>

namespace capdev::domain {

std::vector<Conflict> NewConflicts(const std::vector<Conflict>& before,
                                   const std::vector<Conflict>& after) {
  std::vector<Conflict> created;
  for (const auto& c : after) {
    if (std::find(before.begin(), before.end(), c) == before.end())
      created.push_back(c);
  }
  return created;
}

bool CanBeDoubleBooked(RegistrationRole role) {
  return role == RegistrationRole::kParticipant ||
         role == RegistrationRole::kTrainer ||
         role == RegistrationRole::kSpeaker;
}

Severity SeverityOf(ConflictKind kind) {
  return kind == ConflictKind::kTrainerInstitution ? Severity::kWarning
                                                   : Severity::kConflict;
}

}  // namespace capdev::domain
