#include "domain/session.hpp"

#include <cctype>

#include "domain/validation.hpp"
#include "domain/workshop.hpp"

namespace capdev::domain {

namespace {
bool IsClockTime(const std::string& t) {
  return t.size() == 5 && t[2] == ':' &&
         std::isdigit(static_cast<unsigned char>(t[0])) &&
         std::isdigit(static_cast<unsigned char>(t[1])) &&
         std::isdigit(static_cast<unsigned char>(t[3])) &&
         std::isdigit(static_cast<unsigned char>(t[4])) &&
         t.substr(0, 2) < "24" && t.substr(3, 2) < "60";
}
}  // namespace

Status Validate(const Session& s, const Workshop& w) {
  Errors e;
  if (!s.date) {
    e.Add("date", kRequired);
  } else if (w.start_date && w.end_date &&
             (*s.date < *w.start_date || *s.date > *w.end_date)) {
    e.Add("date", kOutOfRange,
          Message("error.session_outside_workshop",
                  {{"start", w.start_date->ToString()},
                   {"end", w.end_date->ToString()}}));
  }
  if (s.start_time && !IsClockTime(*s.start_time))
    e.Add("start_time", kInvalid, "error.clock_time");
  if (s.end_time && !IsClockTime(*s.end_time))
    e.Add("end_time", kInvalid, "error.clock_time");
  if (s.start_time && s.end_time && e.empty() && *s.end_time < *s.start_time) {
    e.Add("end_time", kNotBefore,
          Message("error.not_before", {{"other", FieldTerm("start_time")}}));
  }
  e.MaxLength("title", s.title, kMaxName);
  return e.ToStatus();
}

}  // namespace capdev::domain
