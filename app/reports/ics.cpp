#include "app/reports/ics.hpp"

#include <chrono>
#include <cstdio>

#include "domain/enums.hpp"

namespace capdev::reports {

namespace {

// An enumeration's value as stored ("" when absent).
template <domain::Enumeration E>
std::string Text(const std::optional<E>& value) {
  return value ? std::string(domain::ToText(*value)) : std::string();
}

std::string Compact(const domain::Date& d) {
  std::string s = d.ToString();
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

const char* IcsStatus(std::optional<domain::WorkshopStatus> status) {
  if (status == domain::WorkshopStatus::kPlanned) return "TENTATIVE";
  if (status == domain::WorkshopStatus::kCancelled) return "CANCELLED";
  return "CONFIRMED";  // confirmed, held
}

}  // namespace

std::string IcsEscape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n')
          break;  // CRLF: one newline
        out += "\\n";
        break;
      default:
        // Other control characters are not allowed in TEXT.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

std::string IcsFold(std::string_view line) {
  std::string out;
  std::size_t width = 0;  // octets on the current physical line
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 1;  // the whole UTF-8 character starting here
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xF0) {
      len = 4;
    } else if (lead >= 0xE0) {
      len = 3;
    } else if (lead >= 0xC0) {
      len = 2;
    }
    len = std::min(len, line.size() - i);
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, len));
    width += len;
    i += len;
  }
  return out + "\r\n";
}

std::string RenderCalendar(
    const std::string& name,
    const std::vector<storage::CalendarWorkshop>& workshops,
    const std::string& dtstamp) {
  std::string out;
  auto line = [&](std::string_view l) { out += IcsFold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//capdev//capdev workshops//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + IcsEscape(name));
  line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
  line("X-PUBLISHED-TTL:PT1H");
  for (const auto& cw : workshops) {
    const auto& w = cw.workshop;
    if (!w.start_date || !w.end_date)
      continue;  // an all-day event needs its dates
    std::string location;
    for (const auto* part : {&w.venue, &w.city}) {
      if (*part && !(*part)->empty())
        location += (location.empty() ? "" : ", ") + **part;
    }
    std::string description = "Project: " + cw.project_code + " (" +
                              cw.project_title + ")\nKind: " + Text(w.kind) +
                              "\nStatus: " + Text(w.status);
    if (w.dates_estimated) description += "\nDates are estimated";
    line("BEGIN:VEVENT");
    line("UID:workshop-" + std::to_string(w.id) + "@capdev");
    line("DTSTAMP:" + dtstamp);
    line("DTSTART;VALUE=DATE:" + Compact(*w.start_date));
    line("DTEND;VALUE=DATE:" + Compact(w.end_date->AddDays(1)));  // exclusive
    line("SUMMARY:" + IcsEscape(w.title));
    if (!location.empty()) line("LOCATION:" + IcsEscape(location));
    line("DESCRIPTION:" + IcsEscape(description));
    line(std::string("STATUS:") + IcsStatus(w.status));
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace capdev::reports
