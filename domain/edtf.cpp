#include "domain/edtf.hpp"

#include <cctype>

namespace capdev::domain {

namespace {

// `n` characters, each a digit or (when `unspecified`) an X.
bool Digits(std::string_view text, std::size_t n, bool unspecified) {
  if (text.size() != n) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c)) &&
        !(unspecified && c == 'X'))
      return false;
  }
  return true;
}

bool InRange(std::string_view two, int low, int high) {
  if (two.find('X') != std::string_view::npos) return true;
  const int v = (two[0] - '0') * 10 + (two[1] - '0');
  return v >= low && v <= high;
}

// One date: YYYY[-MM[-DD]] with X for unstated digits, then ?, ~ or %.
bool IsDate(std::string_view text) {
  if (!text.empty() &&
      (text.back() == '?' || text.back() == '~' || text.back() == '%'))
    text.remove_suffix(1);
  if (!Digits(text.substr(0, 4), 4, true)) return false;
  text.remove_prefix(4);
  for (auto [low, high] : {std::pair{1, 12}, std::pair{1, 31}}) {
    if (text.empty()) return true;
    if (text.size() < 3 || text[0] != '-' ||
        !Digits(text.substr(1, 2), 2, true) ||
        !InRange(text.substr(1, 2), low, high))
      return false;
    text.remove_prefix(3);
  }
  return text.empty();
}

}  // namespace

bool IsEdtf(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return IsDate(text);
  const auto start = text.substr(0, slash);
  const auto end = text.substr(slash + 1);
  // An open end is written `..` (or left empty when unknown).
  return (start.empty() || start == ".." || IsDate(start)) &&
         (end.empty() || end == ".." || IsDate(end)) &&
         !(start.empty() && end.empty());
}

}  // namespace capdev::domain
