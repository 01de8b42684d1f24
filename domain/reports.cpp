#include "domain/reports.hpp"

namespace capdev::domain {

std::optional<double> AttendanceRate(const GroupFigures& figures) {
  if (figures.registered == 0) return std::nullopt;
  return static_cast<double>(figures.attended) /
         static_cast<double>(figures.registered);
}

}  // namespace capdev::domain
