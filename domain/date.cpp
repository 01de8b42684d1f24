#include "domain/date.hpp"

#include <cstdio>

namespace capdev::domain {

namespace {
bool ParseDigits(std::string_view text, int& out) {
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}
}  // namespace

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!ParseDigits(text.substr(0, 4), y) ||
      !ParseDigits(text.substr(5, 2), m) ||
      !ParseDigits(text.substr(8, 2), d)) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m),
                                  std::chrono::day(d)};
  if (!ymd.ok() || y < 1900) return std::nullopt;
  return Date(std::chrono::sys_days(ymd));
}

Date Date::Today() {
  return Date(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

std::string Date::ToString() const {
  std::chrono::year_month_day ymd(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string FormatUtc(std::chrono::sys_seconds instant, bool compact) {
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day ymd(day);
  const std::chrono::hh_mm_ss t(instant - day);
  char buf[32];
  std::snprintf(
      buf, sizeof buf,
      compact ? "%04d%02u%02uT%02d%02d%02dZ" : "%04d-%02u-%02uT%02d:%02d:%02dZ",
      static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
      static_cast<unsigned>(ymd.day()), static_cast<int>(t.hours().count()),
      static_cast<int>(t.minutes().count()),
      static_cast<int>(t.seconds().count()));
  return buf;
}

std::string NowUtc(bool compact) {
  return FormatUtc(std::chrono::floor<std::chrono::seconds>(
                       std::chrono::system_clock::now()),
                   compact);
}

}  // namespace capdev::domain
