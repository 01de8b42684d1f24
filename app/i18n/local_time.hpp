#pragma once
// Wall-clock times where a workshop takes place. Sessions are kept as a date
// and "HH:MM" in the server's time zone (serve --time-zone, an IANA name,
// Asia/Shanghai by default); self check-in compares them with the clock.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"

namespace capdev::i18n {

bool KnownTimeZone(const std::string& zone);
// Unix seconds of `minutes` after midnight of `date` in `zone`.
std::int64_t LocalToUnix(const domain::Date& date, int minutes,
                         const std::string& zone);
// "2026-12-07T08:00:00+08:00": the instant in `zone`, with its offset;
// in "UTC", RFC 3339's "2026-12-07T00:00:00Z".
std::string UnixToLocalIso(std::int64_t seconds, const std::string& zone);
// An instant as UnixToLocalIso writes it, with "Z" or an offset, or without
// one (then in `zone`); nullopt when it is none of these.
std::optional<std::int64_t> ParseLocalIso(std::string_view text,
                                          const std::string& zone);
// "08:30" -> 510; nullopt for anything else.
std::optional<int> MinutesOfDay(std::string_view hhmm);

}  // namespace capdev::i18n
