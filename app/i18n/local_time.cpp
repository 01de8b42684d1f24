#include "app/i18n/local_time.hpp"

#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

#include "app/i18n/digits.hpp"

namespace capdev::i18n {

namespace {

std::unique_ptr<icu::TimeZone> Zone(const std::string& zone) {
  std::unique_ptr<icu::TimeZone> tz(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  if (*tz == icu::TimeZone::getUnknown()) return nullptr;
  return tz;
}

// Milliseconds `zone` is ahead of UTC at an instant (or, with `local`, at a
// wall-clock time given as if it were UTC).
std::int64_t OffsetMs(const std::string& zone, std::int64_t ms, bool local) {
  const auto tz = Zone(zone);
  if (!tz) return 0;
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0;
  int32_t dst = 0;
  tz->getOffset(static_cast<UDate>(ms), static_cast<UBool>(local), raw, dst,
                status);
  return U_SUCCESS(status) ? std::int64_t{raw} + dst : 0;
}

}  // namespace

bool KnownTimeZone(const std::string& zone) { return Zone(zone) != nullptr; }

std::int64_t LocalToUnix(const domain::Date& date, int minutes,
                         const std::string& zone) {
  const std::int64_t wall =
      date.days().time_since_epoch().count() * 86400 + minutes * 60LL;
  return wall - OffsetMs(zone, wall * 1000, true) / 1000;
}

std::string UnixToLocalIso(std::int64_t seconds, const std::string& zone) {
  const std::int64_t offset = OffsetMs(zone, seconds * 1000, false) / 1000;
  const std::int64_t wall = seconds + offset;
  const auto day = std::chrono::sys_days(
      std::chrono::days(wall >= 0 ? wall / 86400 : (wall - 86399) / 86400));
  const std::int64_t in_day = wall - day.time_since_epoch().count() * 86400;
  const std::int64_t off = offset < 0 ? -offset : offset;
  char out[40];
  std::snprintf(out, sizeof out, "%sT%02d:%02d:%02d%c%02d:%02d",
                domain::Date(day).ToString().c_str(),
                static_cast<int>(in_day / 3600),
                static_cast<int>(in_day / 60 % 60),
                static_cast<int>(in_day % 60), offset < 0 ? '-' : '+',
                static_cast<int>(off / 3600), static_cast<int>(off / 60 % 60));
  std::string iso = out;
  // RFC 3339 UTC, as API.md writes instants.
  if (zone == "UTC") iso.replace(iso.size() - 6, 6, "Z");
  return iso;
}

std::optional<int> MinutesOfDay(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
  const auto h = Digits(hhmm.substr(0, 2));
  const auto m = Digits(hhmm.substr(3, 2));
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return *h * 60 + *m;
}

std::optional<std::int64_t> ParseLocalIso(std::string_view text,
                                          const std::string& zone) {
  // YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM|-HH:MM]
  if (text.size() < 16 || (text[10] != 'T' && text[10] != ' '))
    return std::nullopt;
  const auto date = domain::Date::Parse(text.substr(0, 10));
  const auto minutes = MinutesOfDay(text.substr(11, 5));
  if (!date || !minutes) return std::nullopt;
  std::string_view rest = text.substr(16);
  int seconds = 0;
  if (rest.size() >= 3 && rest[0] == ':') {
    const auto s = Digits(rest.substr(1, 2));
    if (!s || *s > 59) return std::nullopt;
    seconds = *s;
    rest.remove_prefix(3);
    // Fractions of a second (JavaScript's toISOString) are dropped.
    if (!rest.empty() && rest[0] == '.') {
      const auto digits = rest.find_first_not_of("0123456789", 1);
      if (digits == 1) return std::nullopt;
      rest.remove_prefix(digits == std::string_view::npos ? rest.size()
                                                          : digits);
    }
  }
  const std::int64_t wall = date->days().time_since_epoch().count() * 86400 +
                            *minutes * 60LL + seconds;
  if (rest.empty()) return LocalToUnix(*date, *minutes, zone) + seconds;
  if (rest == "Z") return wall;
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-'))
    return std::nullopt;
  const auto offset = MinutesOfDay(rest.substr(1));
  if (!offset) return std::nullopt;
  const std::int64_t offset_seconds = std::int64_t{*offset} * 60;
  return rest[0] == '-' ? wall + offset_seconds : wall - offset_seconds;
}

}  // namespace capdev::i18n
