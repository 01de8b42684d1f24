// Times each report on a generated database (see generate_data.cpp), from
// SQL to the rendered body, the work one request does.
//
//   capdev_report_bench PATH [--runs N] [--only TEXT]
//
// --only runs the reports whose name contains TEXT (to profile one).

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/cli/heap.hpp"
#include "app/i18n/catalog.hpp"
#include "app/reports/reports.hpp"
#include "storage/database.hpp"
#include "storage/report_queries.hpp"

namespace {

using capdev::domain::Date;

double MedianMs(int runs, const std::function<std::size_t()>& work,
                std::size_t& bytes) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    bytes = work();
    times.push_back(std::chrono::duration<double, std::milli>(
                        std::chrono::steady_clock::now() - t0)
                        .count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// A benchmark has no error path: a failed query ends it.
template <class T>
T Must(capdev::domain::StatusOr<T> result) {
  if (!result.ok()) {
    std::fprintf(stderr, "%s\n",
                 capdev::i18n::LogText(result.status()).c_str());
    std::exit(1);
  }
  return std::move(*result);
}

}  // namespace

int main(int argc, char** argv) {
  // A missing database would be created empty: the path must be a file.
  if (argc < 2 || argv[1][0] == '-' || !std::filesystem::exists(argv[1])) {
    std::fprintf(stderr, "usage: %s PATH [--runs N] [--only TEXT]\n", argv[0]);
    return 2;
  }
  int runs = 5;
  const char* only = "";
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--only")) only = argv[i + 1];
  }
  // As `capdev serve` does, so that the timings are the server's.
  capdev::cli::KeepFreedMemoryForReuse();
  capdev::storage::Database db({argv[1]});
  const auto today = *Date::Parse("2026-01-01");
  const capdev::domain::ReportOptions y2020{
      *Date::Parse("2020-01-01"), *Date::Parse("2020-12-31"),
      capdev::domain::kDefaultCompletionThreshold, today};
  const capdev::domain::ReportOptions all{
      *Date::Parse("2015-01-01"), *Date::Parse("2025-12-31"),
      capdev::domain::kDefaultCompletionThreshold, today};

  struct Case {
    const char* name;
    std::function<std::size_t()> work;
  };
  using namespace capdev;
  const std::vector<Case> cases = {
      {"attendance report, one workshop (json)",
       [&] {
         return boost::json::serialize(
                    reports::AttendanceJson(
                        *Must(storage::AttendanceReportFor(db, 1234, y2020))))
             .size();
       }},
      {"attendance report, one workshop (html)",
       [&] {
         return reports::RenderHtml(
                    reports::AttendanceDocument(
                        *Must(storage::AttendanceReportFor(db, 1234, y2020)),
                        domain::Language::kEn))
             .size();
       }},
      {"funder report, lead funder of 10 projects, one year (json)",
       [&] {
         return boost::json::serialize(
                    reports::FunderJson(
                        *Must(storage::FunderReportFor(db, 1, true, y2020))))
             .size();
       }},
      {"funder report, lead funder of 10 projects, one year (csv)",
       [&] {
         return reports::RenderCsv(
                    reports::FunderDocument(
                        *Must(storage::FunderReportFor(db, 1, true, y2020)),
                        domain::Language::kEn))
             .size();
       }},
      {"funder report, lead funder of 10 projects, one year (csv, zh)",
       [&] {
         return reports::RenderCsv(
                    reports::FunderDocument(
                        *Must(storage::FunderReportFor(db, 1, true, y2020)),
                        domain::Language::kZh))
             .size();
       }},
      {"funder report, lead funder of 10 projects, all years (json)",
       [&] {
         return boost::json::serialize(
                    reports::FunderJson(
                        *Must(storage::FunderReportFor(db, 1, true, all))))
             .size();
       }},
      {"programme summary, one year (json)",
       [&] {
         return boost::json::serialize(
                    reports::SummaryJson(Must(
                        storage::SummaryReportFor(db, std::nullopt, y2020))))
             .size();
       }},
      {"programme summary, all years (json)",
       [&] {
         return boost::json::serialize(
                    reports::SummaryJson(
                        Must(storage::SummaryReportFor(db, std::nullopt, all))))
             .size();
       }},
  };
  std::printf(
      "| report | median ms (%d runs) | body bytes |\n|---|---:|---:|\n", runs);
  for (const auto& c : cases) {
    if (!std::strstr(c.name, only)) continue;
    std::size_t bytes = 0;
    const double ms = MedianMs(runs, c.work, bytes);
    std::printf("| %s | %.1f | %zu |\n", c.name, ms, bytes);
  }
  return 0;
}
