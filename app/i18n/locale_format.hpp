#pragma once
// Dates and numbers as a reader of each language writes them (ICU): "2 Dec
// 2026" and "2026年12月2日", "10–12 Mar 2025" and "2025年3月10日至12日",
// "1,234" and "87.5%". A LocaleFormat holds ICU formatters that are not safe
// to share between threads: make one per report (or per call, with the
// Format* functions), never a global one.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/message.hpp"

namespace capdev::i18n {

using domain::Language;

class LocaleFormat {
 public:
  explicit LocaleFormat(Language language);
  ~LocaleFormat();
  LocaleFormat(LocaleFormat&&) noexcept;
  LocaleFormat& operator=(LocaleFormat&&) noexcept;
  LocaleFormat(const LocaleFormat&) = delete;
  LocaleFormat& operator=(const LocaleFormat&) = delete;

  Language language() const { return language_; }

  // "2 Dec 2026", "2026年12月2日".
  std::string Date(domain::Date day) const;
  // "10–12 Mar 2025", "2025年3月10日至12日"; one day as Date().
  std::string DateRange(domain::Date from, domain::Date to) const;
  // "Mar 2026", "2026年3月": the month of `day`.
  std::string Month(domain::Date day) const;
  // A day and month of no stated year: "2 March", "3月2日".
  std::string MonthDay(int month, int day) const;
  // A month of no stated year: "March", "三月".
  std::string MonthName(int month) const;
  // An RFC 3339 instant in UTC ("2026-12-06T09:04:00Z") as "6 Dec 2026,
  // 09:04 UTC", "2026年12月6日 09:04 UTC"; the text itself when it is not one.
  std::string Instant(std::string_view rfc3339) const;
  // "1,234.5": up to `max_fraction` decimals.
  std::string Number(double n, int max_fraction = 2) const;
  std::string Integer(std::int64_t n) const;
  // "100,000.00": always two decimals.
  std::string Amount(double n) const;
  // 0.875 -> "87.5%" (up to one decimal).
  std::string Percent(double ratio) const;
  // Names in the language's order (Chinese: pinyin order).
  void Sort(std::vector<std::string>& names) const;
  bool Less(const std::string& a, const std::string& b) const;

 private:
  struct Formatters;
  Language language_;
  std::unique_ptr<Formatters> f_;
};

// One value, with formatters made for the call.
std::string FormatDate(Language language, domain::Date day);
std::string FormatNumber(Language language, double n, int max_fraction = 2);
std::string FormatPercent(Language language, double ratio);

}  // namespace capdev::i18n
