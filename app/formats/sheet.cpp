#include "app/formats/sheet.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace capdev::formats {

namespace {
// Serial 25569 is 1970-01-01 (Excel counts the fictitious 1900-02-29, so
// serials from 61 on are one day ahead of a true count from 1899-12-31).
constexpr double kUnixEpochSerial = 25569;
}  // namespace

std::string CellText(const SheetCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  if (const auto* date = std::get_if<domain::Date>(&cell))
    return date->ToString();
  if (const auto* percent = std::get_if<Percent>(&cell))
    return CellText(percent->ratio);
  if (const auto* number = std::get_if<double>(&cell)) {
    if (std::isfinite(*number) && std::floor(*number) == *number &&
        std::fabs(*number) < 1e15) {
      return std::to_string(static_cast<long long>(*number));
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", *number);
    return buffer;
  }
  return "";
}

std::optional<domain::Date> DateFromSerial(double serial) {
  // 61 (1900-03-01) to 2958465 (9999-12-31), whole days only.
  if (!std::isfinite(serial) || serial < 61 || serial > 2958465 ||
      std::floor(serial) != serial)
    return std::nullopt;
  const auto days = static_cast<int>(serial - kUnixEpochSerial);
  return domain::Date(std::chrono::sys_days{} + std::chrono::days(days));
}

double SerialFromDate(domain::Date date) {
  return kUnixEpochSerial +
         static_cast<double>(date.days().time_since_epoch().count());
}

}  // namespace capdev::formats
