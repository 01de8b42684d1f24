#pragma once
// A number written in ASCII digits, nothing else (no sign, no space): the
// parts of dates and times.

#include <charconv>
#include <optional>
#include <string_view>

namespace capdev::i18n {

inline std::optional<int> Digits(std::string_view text) {
  if (text.empty() || text.find_first_not_of("0123456789") != text.npos)
    return std::nullopt;
  int n = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return n;
}

}  // namespace capdev::i18n
