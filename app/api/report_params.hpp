#pragma once
// What every report route reads from its query (format, period, completion
// threshold) and how it answers in the format asked for.

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>

#include "app/http/router.hpp"
#include "app/reports/document.hpp"
#include "domain/reports.hpp"

namespace capdev::api {

struct Options {
  domain::ReportOptions options;
  std::string format;  // json, csv, html or xlsx
  // `lang`: the language of a CSV, XLSX or HTML report; without it, the
  // reader's (Context::language). JSON is the same in every language.
  std::optional<domain::Language> language;
};

// Which of the shared parameters a report's route takes.
struct ReportQuery {
  bool period = false;    // `from` and `to`, both required, `to` not before
  bool threshold = true;  // `completion_threshold` (percent, default 80)
  bool format = true;     // `format` (default json) and `lang` (en, zh)
};

// `lang` (en or zh), when the query names it.
std::optional<domain::Language> ReadLanguage(http::Query& q);

// The parameters `what` names (a reader, for Router::Add). Reads
// everything, then checks once.
domain::StatusOr<Options> ReadOptions(http::Query& q, ReportQuery what);

// A report's two forms, each built only when asked for: a request wants
// one, and building the other took a fifth of a funder report's time.
struct ReportForms {
  std::function<boost::json::object()> json;
  // Tables for CSV, XLSX and HTML, in a language.
  std::function<reports::Document(domain::Language)> document;
};

// The report in the format asked for, in `language` (CSV, XLSX and HTML);
// CSV and XLSX as a download named `name`.csv or `name`.xlsx.
domain::StatusOr<http::Response> Render(const std::string& format,
                                        const std::string& name,
                                        const ReportForms& forms,
                                        domain::Language language);

}  // namespace capdev::api
