#pragma once
// Submitting a report to a donor: its JSON frozen with a SHA-256, audited;
// and what differs in it today.

#include <string>
#include <string_view>

#include "app/codec/json_codec.hpp"
#include "domain/access.hpp"
#include "storage/submissions.hpp"
#include "storage/transaction.hpp"

namespace capdev::services {

// Stores `s` (its body as it will be answered forever) with its SHA-256,
// submitted now by `by`, and records it in the audit trail.
domain::StatusOr<storage::Submission> SubmitReport(storage::WriteTx& tx,
                                                   const domain::Principal& by,
                                                   storage::Submission s);

// Lowercase hex SHA-256 (libsodium).
std::string Sha256Hex(std::string_view bytes);

// The values that differ between two JSON trees, as [{path, submitted,
// current}] (a path like "in_period.totals.people_trained" or
// "projects[0].amount"; a missing side is null). `generated_at` is ignored.
json::array JsonChanges(const json::value& submitted,
                        const json::value& current);

}  // namespace capdev::services
