#pragma once
// What every report route reads from its query (format, period, completion
// threshold) and how it answers in the format asked for.

#include <boost/json/object.hpp>
#include <string>

#include "app/http/router.hpp"
#include "app/reports/document.hpp"
#include "domain/reports.hpp"

namespace capdev::app {

struct Options {
  domain::ReportOptions options;
  std::string format;  // json, csv, html or xlsx
};

// `completion_threshold` (percent of sessions, default 80), `format`, and
// `from` and `to` when the report covers a period (both required, `to` not
// before `from`). Reads everything, then checks once.
domain::StatusOr<Options> ReadOptions(Query& q, bool period);

// The report in the format asked for; CSV and XLSX as a download named
// `name`.csv or `name`.xlsx.
domain::StatusOr<Response> Render(const std::string& format,
                                  const std::string& name,
                                  const boost::json::object& json,
                                  const Document& doc);

}  // namespace capdev::app
