#pragma once
// Dates as a source states them, in the Extended Date/Time Format (ISO
// 8601-2, level 1, with level 2's unspecified digits anywhere):
// `2017-09-08`, `2012-11`, `2012-11-06?` (uncertain), `2012~` (approximate),
// `XXXX-03-02` (day and month stated, year not), `201X`, and intervals
// `2012-11-06/2012-11-07`.

#include <string_view>

namespace capdev::domain {

bool IsEdtf(std::string_view text);

}  // namespace capdev::domain
