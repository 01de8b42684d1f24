#include "domain/attendance.hpp"

#include "domain/validation.hpp"

namespace capdev::domain {

bool CountsAsAttended(std::string_view mark) {
  return mark == "present" || mark == "late";
}

Status ValidateSheet(std::span<const AttendanceMark> sheet,
                     const std::set<std::int64_t>& registered_people) {
  Errors e;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < sheet.size(); ++i) {
    const std::string at = "[" + std::to_string(i) + "].";
    const auto& m = sheet[i];
    e.OneOf(at + "status", m.status, kAttendanceMarks);
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
