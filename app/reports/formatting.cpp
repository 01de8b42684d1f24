#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/reports/reports.hpp"

namespace capdev::reports {

DocCell Cell(std::int64_t n) {
  return {std::to_string(n), static_cast<double>(n)};
}

DocCell NumberCell(const std::optional<double>& v) {
  if (!v) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", *v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return {s, *v};
}

DocCell DateCell(const std::optional<domain::Date>& day) {
  if (!day) return {};
  return {day->ToString(), *day};
}

std::string Cell(const std::optional<std::string>& text, const char* missing) {
  return text && !text->empty() ? *text : missing;
}

DocCell PercentCell(std::optional<double> rate) {
  if (!rate) return "n/a";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", *rate * 100.0);
  return {buf, formats::Percent{*rate}};
}

std::string DatesCell(const std::optional<domain::Date>& start,
                      const std::optional<domain::Date>& end, bool estimated) {
  if (!start) return "unknown";
  std::string s = start->ToString();
  if (end && *end != *start) s += " to " + end->ToString();
  return estimated ? s + " (estimated)" : s;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

}  // namespace capdev::reports
