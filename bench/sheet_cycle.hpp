#pragma once
// What the two raw sheet references share (raw_sheet_bench.cpp on SQLite,
// raw_sheet_bench_pg.cpp on PostgreSQL): the cycle each sheet moves its marks
// along, as the server's bench does (wrk/put_sheet.lua), and the percentile
// of their latencies.

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

namespace bench {

inline const std::vector<std::string> kCycle = {"present", "late", "excused",
                                                "absent"};

// `status` moved `steps` along present -> late -> excused -> absent.
inline const std::string& Moved(const std::string& status, std::size_t steps) {
  const auto at = static_cast<std::size_t>(
      std::find(kCycle.begin(), kCycle.end(), status) - kCycle.begin());
  return kCycle[(at + steps) % kCycle.size()];
}

inline double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size()));
  return v[std::min(i, v.size() - 1)];
}

}  // namespace bench
