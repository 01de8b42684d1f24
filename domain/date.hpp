#pragma once
// A calendar date (YYYY-MM-DD), the only date type capdev stores.

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace capdev::domain {

class Date {
 public:
  Date() = default;
  explicit Date(std::chrono::sys_days days) : days_(days) {}

  // Strict YYYY-MM-DD with a real calendar day; nullopt otherwise.
  static std::optional<Date> Parse(std::string_view text);
  static Date Today();

  std::string ToString() const;
  Date AddDays(int days) const { return Date(days_ + std::chrono::days(days)); }
  // Whole days from `this` to `other` (negative when other is earlier).
  int DaysUntil(Date other) const {
    return static_cast<int>((other.days_ - days_).count());
  }
  std::chrono::sys_days days() const { return days_; }
  std::chrono::year_month_day ymd() const { return {days_}; }

  auto operator<=>(const Date&) const = default;

 private:
  std::chrono::sys_days days_{};
};

// An instant in UTC, to the second: RFC 3339 ("2026-03-02T09:00:00Z") or,
// with `compact`, the RFC 5545 form ("20260302T090000Z").
std::string FormatUtc(std::chrono::sys_seconds instant, bool compact = false);
std::string NowUtc(bool compact = false);

}  // namespace capdev::domain
