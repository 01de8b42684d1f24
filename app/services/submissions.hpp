#pragma once
// Submitting a report to a donor: its JSON frozen with a SHA-256, audited.
// What differs in it today: app/reports/changes.hpp.

#include <string>
#include <string_view>
#include <vector>

#include "app/codec/json_codec.hpp"
#include "domain/access.hpp"
#include "storage/audit_log.hpp"
#include "storage/submissions.hpp"
#include "storage/transaction.hpp"

namespace capdev::services {

// Stores `s` (its body as it will be answered forever) with its SHA-256,
// submitted now by `by`, and records it in the audit trail.
domain::StatusOr<storage::Submission> SubmitReport(storage::WriteTx& tx,
                                                   const domain::Principal& by,
                                                   storage::Submission s);

// A write recorded in the audit trail after a report was submitted, with
// what it touched: a workshop (and its project) or an indicator.
struct RecordedChange {
  storage::AuditEntry entry;
  std::optional<std::int64_t> workshop_id;
  std::optional<std::int64_t> project_id;  // the workshop's
  std::optional<std::int64_t> indicator_id;
  std::optional<std::string> session_date;    // of a session or its marks
  std::optional<std::int64_t> marks_changed;  // attendance: marks that differ
  std::vector<std::string> fields;  // an update: the fields that changed
};

// The writes to workshops, their partners, sessions, registrations and
// marks, to indicators and their values and to projects' parties, recorded
// after submission `submission_id`, newest first (at most 2,000).
domain::StatusOr<std::vector<RecordedChange>> RecordedSince(
    storage::Database& db, std::int64_t submission_id);

// {at, by, action, entity, entity_id} and what is known of it:
// workshop_id, indicator_id, session_date, marks_changed, fields.
json::object ToJson(const RecordedChange& change);

// Lowercase hex SHA-256 (libsodium).
std::string Sha256Hex(std::string_view bytes);

}  // namespace capdev::services
