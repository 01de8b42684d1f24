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

std::string SeverityOf(const std::string& kind) {
  return kind == "trainer_institution" ? "warning" : "conflict";
}

}  // namespace capdev::domain
