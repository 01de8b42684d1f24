#pragma once
// Reports as submitted to a donor: appended once, never changed or deleted
// (triggers refuse both), their JSON kept byte for byte.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

struct Submission {
  std::int64_t id = 0;
  std::string report;  // funder, results
  std::string params;  // a JSON object of strings, as sent
  std::optional<std::string> note;
  std::optional<std::int64_t> organization_id;  // the funder report's
  std::optional<std::int64_t> project_id;       // the results report's
  std::string submitted_at;                     // RFC 3339 UTC
  std::string submitted_by;                     // username
  std::string sha256;                           // of `body`, hex
  std::string body;  // the report's JSON (empty when listed)
};

domain::StatusOr<std::int64_t> AddSubmission(WriteTx& tx, const Submission& s);
domain::StatusOr<std::optional<Submission>> GetSubmission(Database& db,
                                                          std::int64_t id);
// How many reports were submitted for the organization (a funder).
domain::StatusOr<std::int64_t> SubmissionsFor(Database& db,
                                              std::int64_t organization_id);
// Newest first, without bodies. With `organization_id`: the funder reports
// of that organization and the results reports of the projects it funds.
domain::StatusOr<std::vector<Submission>> ListSubmissions(
    Database& db, std::optional<std::int64_t> organization_id);
// Whether `organization_id` may see the submission (the same rule).
domain::StatusOr<bool> SubmissionConcerns(Database& db, const Submission& s,
                                          std::int64_t organization_id);

}  // namespace capdev::storage
