#include "domain/attendance.hpp"

#include "domain/validation.hpp"

namespace capdev::domain {

bool CountsAsAttended(Mark mark) {
  return mark == Mark::kPresent || mark == Mark::kLate;
}

Status ValidateSheet(std::span<const AttendanceMark> sheet,
                     const std::set<std::int64_t>& registered_people) {
  Errors e;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < sheet.size(); ++i) {
    const std::string at = "[" + std::to_string(i) + "].";
    const auto& m = sheet[i];
    e.Required(at + "status", m.status);
    if (m.person_id <= 0) {
      e.Add(at + "person_id", "is required (a positive id)");
    } else if (!seen.insert(m.person_id).second) {
      e.Add(at + "person_id",
            "person " + std::to_string(m.person_id) + " is marked twice");
    } else if (!registered_people.contains(m.person_id)) {
      e.Add(at + "person_id", "person " + std::to_string(m.person_id) +
                                  " is not registered for this workshop");
    }
  }
  return e.ToStatus();
}

}  // namespace capdev::domain
