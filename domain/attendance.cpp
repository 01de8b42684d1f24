#include "domain/attendance.hpp"

#include "domain/concat.hpp"
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
    const std::string at = Concat("[", std::to_string(i), "].");
    const auto& m = sheet[i];
    if (m.person_id <= 0) {
      e.Add(at + "person_id", kRequired, "error.required_id");
    } else if (!seen.insert(m.person_id).second) {
      e.Add(at + "person_id", kRepeated,
            Message("error.person_marked_twice",
                    {{"person", std::to_string(m.person_id)}}));
    } else if (!registered_people.contains(m.person_id)) {
      e.Add(at + "person_id", kNotAllowed,
            Message("error.person_not_registered",
                    {{"person", std::to_string(m.person_id)}}));
    }
  }
  return e.ToStatus();
}

}  // namespace capdev::domain
