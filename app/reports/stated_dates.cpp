#include "app/reports/stated_dates.hpp"

#include <charconv>
#include <optional>

#include "domain/edtf.hpp"

namespace capdev::reports {

namespace {

// Digits, or nullopt when any is unstated (X) or missing.
std::optional<int> Number(std::string_view digits) {
  int n = 0;
  const auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size())
    return std::nullopt;
  return n;
}

// One date of the forms the seed and the form write: YYYY[-MM[-DD]], the
// year wholly unstated (XXXX) or its last digit (201X), then ?, ~ or %.
std::optional<std::string> OneDate(const Texts& x, std::string_view text) {
  std::string_view qualifier;
  if (!text.empty() &&
      (text.back() == '?' || text.back() == '~' || text.back() == '%')) {
    qualifier = text.substr(text.size() - 1);
    text.remove_suffix(1);
  }
  if (text.size() != 4 && text.size() != 7 && text.size() != 10)
    return std::nullopt;
  const std::string_view year = text.substr(0, 4);
  const auto month = text.size() >= 7 ? Number(text.substr(5, 2)) : 0;
  const auto day = text.size() == 10 ? Number(text.substr(8, 2)) : 0;
  if (!month || !day) return std::nullopt;  // an unstated month or day
  const auto& f = x.format();
  std::string words;
  if (const auto y = Number(year)) {
    const std::string iso(text);
    if (*day) {
      const auto date = domain::Date::Parse(iso);
      if (!date) return std::nullopt;
      words = f.Date(*date);
    } else if (*month) {
      const auto date = domain::Date::Parse(iso + "-01");
      if (!date) return std::nullopt;
      words = f.Month(*date);
    } else {
      words = x(domain::Message("report.stated.year", {{"year", iso}}));
    }
  } else if (year == "XXXX") {
    if (!*month) return std::nullopt;  // nothing stated at all
    words = x(domain::Message(
        "report.stated.no_year",
        {{"date", *day ? f.MonthDay(*month, *day) : f.MonthName(*month)}}));
  } else if (year.substr(3) == "X" && Number(year.substr(0, 3)) && !*month) {
    words =
        x(domain::Message("report.stated.decade",
                          {{"decade", std::string(year.substr(0, 3)) + "0"}}));
  } else {
    return std::nullopt;
  }
  if (qualifier == "?")
    return x(domain::Message("report.stated.uncertain", {{"date", words}}));
  if (qualifier == "~")
    return x(domain::Message("report.stated.approximate", {{"date", words}}));
  if (qualifier == "%") {
    return x(domain::Message("report.stated.approximate_uncertain",
                             {{"date", words}}));
  }
  return words;
}

}  // namespace

std::string StatedDatesInWords(const Texts& x, std::string_view edtf) {
  std::string raw(edtf);
  if (!domain::IsEdtf(edtf)) return raw;
  const auto slash = edtf.find('/');
  if (slash == std::string_view::npos) return OneDate(x, edtf).value_or(raw);
  const auto start = edtf.substr(0, slash);
  const auto end = edtf.substr(slash + 1);
  const bool open_start = start.empty() || start == "..";
  const bool open_end = end.empty() || end == "..";
  const auto from = open_start ? std::nullopt : OneDate(x, start);
  const auto to = open_end ? std::nullopt : OneDate(x, end);
  if (from && to) {
    return x(
        domain::Message("report.stated.range", {{"from", *from}, {"to", *to}}));
  }
  if (from && open_end)
    return x(domain::Message("report.stated.from", {{"from", *from}}));
  if (to && open_start)
    return x(domain::Message("report.stated.until", {{"to", *to}}));
  return raw;
}

}  // namespace capdev::reports
