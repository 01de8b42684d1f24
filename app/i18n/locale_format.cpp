#include "app/i18n/locale_format.hpp"

#include <unicode/coll.h>
#include <unicode/dtitvfmt.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <optional>

#include "app/i18n/digits.hpp"
#include "domain/concat.hpp"

namespace capdev::i18n {

namespace {

namespace number = icu::number;

// Dates as the web app writes them (format.js): day month year in English.
icu::Locale LocaleOf(Language language) {
  return language == Language::kZh ? icu::Locale("zh", "CN")
                                   : icu::Locale("en", "GB");
}

std::string Utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

constexpr double kMsPerDay = 86400000.0;

// Noon UTC of the day: the formatters work in UTC, so no zone moves it.
UDate Noon(domain::Date day) {
  return static_cast<double>(day.days().time_since_epoch().count()) *
             kMsPerDay +
         kMsPerDay / 2;
}

std::unique_ptr<icu::SimpleDateFormat> DateFormatFor(const icu::Locale& locale,
                                                     const char* skeleton) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_FAILURE(status)) return nullptr;
  const icu::UnicodeString pattern =
      generator->getBestPattern(icu::UnicodeString(skeleton), status);
  if (U_FAILURE(status)) return nullptr;
  auto format =
      std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
  if (U_FAILURE(status)) return nullptr;
  format->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
  return format;
}

// "2000-03-02": a day of 2000, a leap year, so that 29 February is one too.
std::string DayOf2000(int month, int day) {
  const auto two = [](int n) {
    return domain::Concat(n < 10 ? "0" : "", std::to_string(n));
  };
  return domain::Concat("2000-", two(month), "-", two(day));
}

}  // namespace

struct LocaleFormat::Formatters {
  icu::Locale locale;
  number::LocalizedNumberFormatter integer;
  number::LocalizedNumberFormatter decimals;  // up to two
  number::LocalizedNumberFormatter amount;
  number::LocalizedNumberFormatter percent;
  // Made when first needed (a report without dates needs none).
  std::unique_ptr<icu::SimpleDateFormat> date, month, instant, month_day,
      month_name;
  std::unique_ptr<icu::DateIntervalFormat> range;
  bool range_tried = false;
  std::unique_ptr<icu::Collator> collator;
  bool collator_tried = false;

  explicit Formatters(const icu::Locale& l)
      : locale(l),
        integer(number::NumberFormatter::withLocale(l).precision(
            number::Precision::integer())),
        decimals(number::NumberFormatter::withLocale(l).precision(
            number::Precision::maxFraction(2))),
        amount(number::NumberFormatter::withLocale(l).precision(
            number::Precision::fixedFraction(2))),
        percent(number::NumberFormatter::withLocale(l)
                    .unit(icu::NoUnit::percent())
                    .scale(number::Scale::powerOfTen(2))
                    .precision(number::Precision::maxFraction(1))) {}

  std::string Format(std::unique_ptr<icu::SimpleDateFormat>& format,
                     const char* skeleton, UDate when) {
    if (!format) format = DateFormatFor(locale, skeleton);
    if (!format) return {};
    icu::UnicodeString out;
    format->format(when, out);
    return Utf8(out);
  }

  static std::string Text(const number::LocalizedNumberFormatter& f, double n) {
    UErrorCode status = U_ZERO_ERROR;
    const auto formatted = f.formatDouble(n, status);
    const auto text = formatted.toString(status);
    return U_SUCCESS(status) ? Utf8(text) : std::to_string(n);
  }
  static std::string Text(const number::LocalizedNumberFormatter& f,
                          std::int64_t n) {
    UErrorCode status = U_ZERO_ERROR;
    const auto formatted = f.formatInt(n, status);
    const auto text = formatted.toString(status);
    return U_SUCCESS(status) ? Utf8(text) : std::to_string(n);
  }
};

LocaleFormat::LocaleFormat(Language language)
    : language_(language),
      f_(std::make_unique<Formatters>(LocaleOf(language))) {}
LocaleFormat::~LocaleFormat() = default;
LocaleFormat::LocaleFormat(LocaleFormat&&) noexcept = default;
LocaleFormat& LocaleFormat::operator=(LocaleFormat&&) noexcept = default;

std::string LocaleFormat::Date(domain::Date day) const {
  const std::string text = f_->Format(f_->date, "yMMMd", Noon(day));
  return text.empty() ? day.ToString() : text;
}

std::string LocaleFormat::DateRange(domain::Date from, domain::Date to) const {
  if (from == to) return Date(from);
  if (!f_->range_tried) {
    f_->range_tried = true;
    UErrorCode status = U_ZERO_ERROR;
    f_->range.reset(icu::DateIntervalFormat::createInstance(
        icu::UnicodeString("yMMMd"), f_->locale, status));
    if (U_FAILURE(status)) {
      f_->range.reset();
    } else {
      f_->range->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
    }
  }
  if (f_->range) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out;
    icu::FieldPosition position(icu::FieldPosition::DONT_CARE);
    const icu::DateInterval interval(Noon(from), Noon(to));
    f_->range->format(&interval, out, position, status);
    if (U_SUCCESS(status)) return Utf8(out);
  }
  return Date(from) + " – " + Date(to);
}

std::string LocaleFormat::Month(domain::Date day) const {
  const std::string text = f_->Format(f_->month, "yMMM", Noon(day));
  return text.empty() ? day.ToString().substr(0, 7) : text;
}

std::string LocaleFormat::MonthDay(int month, int day) const {
  const std::string iso = DayOf2000(month, day);
  const auto date = domain::Date::Parse(iso);
  const std::string text =
      date ? f_->Format(f_->month_day, "MMMMd", Noon(*date)) : "";
  return text.empty() ? iso.substr(5) : text;
}

std::string LocaleFormat::MonthName(int month) const {
  const auto date = domain::Date::Parse(DayOf2000(month, 1));
  const std::string text =
      date ? f_->Format(f_->month_name, "MMMM", Noon(*date)) : "";
  return text.empty() ? std::to_string(month) : text;
}

std::string LocaleFormat::Instant(std::string_view rfc3339) const {
  // YYYY-MM-DDTHH:MM:SSZ, as domain::NowUtc writes it.
  if (rfc3339.size() != 20 || rfc3339[10] != 'T' || rfc3339[19] != 'Z')
    return std::string(rfc3339);
  const auto day = domain::Date::Parse(rfc3339.substr(0, 10));
  const auto hours = Digits(rfc3339.substr(11, 2));
  const auto minutes = Digits(rfc3339.substr(14, 2));
  const auto seconds = Digits(rfc3339.substr(17, 2));
  if (!day || !hours || !minutes || !seconds) return std::string(rfc3339);
  const double when =
      static_cast<double>(day->days().time_since_epoch().count()) * kMsPerDay +
      ((*hours * 60.0 + *minutes) * 60.0 + *seconds) * 1000.0;
  const std::string text = f_->Format(f_->instant, "yMMMdHHmm", when);
  return text.empty() ? std::string(rfc3339) : text + " UTC";
}

std::string LocaleFormat::Number(double n, int max_fraction) const {
  if (max_fraction == 2) return Formatters::Text(f_->decimals, n);
  return Formatters::Text(
      f_->integer.precision(number::Precision::maxFraction(max_fraction)), n);
}

std::string LocaleFormat::Integer(std::int64_t n) const {
  return Formatters::Text(f_->integer, n);
}

std::string LocaleFormat::Amount(double n) const {
  return Formatters::Text(f_->amount, n);
}

std::string LocaleFormat::Percent(double ratio) const {
  return Formatters::Text(f_->percent, ratio);
}

bool LocaleFormat::Less(const std::string& a, const std::string& b) const {
  if (!f_->collator_tried) {
    f_->collator_tried = true;
    UErrorCode status = U_ZERO_ERROR;
    f_->collator.reset(icu::Collator::createInstance(f_->locale, status));
    if (U_FAILURE(status)) f_->collator.reset();
  }
  if (!f_->collator) return a < b;
  UErrorCode status = U_ZERO_ERROR;
  return f_->collator->compareUTF8(a, b, status) == UCOL_LESS;
}

void LocaleFormat::Sort(std::vector<std::string>& names) const {
  std::stable_sort(names.begin(), names.end(),
                   [this](const auto& a, const auto& b) { return Less(a, b); });
}

std::string FormatDate(Language language, domain::Date day) {
  return LocaleFormat(language).Date(day);
}

std::string FormatNumber(Language language, double n, int max_fraction) {
  return LocaleFormat(language).Number(n, max_fraction);
}

std::string FormatPercent(Language language, double ratio) {
  return LocaleFormat(language).Percent(ratio);
}

}  // namespace capdev::i18n
