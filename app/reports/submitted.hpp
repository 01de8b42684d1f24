#pragma once
// A report as submitted to a donor, printed from its frozen JSON: read back
// into the report it was (no figure is counted again) and laid out as that
// report is, with the submission's facts (when, by whom, its SHA-256).

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "app/reports/document.hpp"
#include "domain/reports.hpp"

namespace capdev::reports {

struct SubmissionFacts {
  std::int64_t id = 0;
  std::string submitted_at;  // RFC 3339 UTC
  std::string submitted_by;
  std::string sha256;
  std::optional<std::string> note;
};

// The funder or results report's JSON (FunderJson, ResultsJson) read back.
domain::FunderReport FunderFromJson(const boost::json::object& body);
domain::ResultsReport ResultsFromJson(const boost::json::object& body);

// `report` ∈ funder, results. Organizations are named in Chinese from
// `natives` (names are not figures: today's Chinese names serve).
Document SubmittedDocument(const std::string& report,
                           const boost::json::object& body,
                           const SubmissionFacts& facts,
                           domain::NativeNames natives,
                           domain::Language language);

}  // namespace capdev::reports
