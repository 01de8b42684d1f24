#pragma once
// RFC 5545 iCalendar: one all-day VEVENT per workshop.

#include <string>
#include <string_view>
#include <vector>

#include "storage/schedule_queries.hpp"

namespace capdev::reports {

// A VCALENDAR with one VEVENT per dated workshop, CRLF line ends, lines
// folded at 75 octets. `dtstamp` is the RFC 5545 UTC form (20261123T090000Z).
std::string RenderCalendar(
    const std::string& name,
    const std::vector<storage::CalendarWorkshop>& workshops,
    const std::string& dtstamp);

// TEXT escaping: backslash, semicolon, comma and newlines.
std::string IcsEscape(std::string_view text);
// Splits a content line into 75-octet pieces without cutting a UTF-8 character.
std::string IcsFold(std::string_view line);

}  // namespace capdev::reports
