#pragma once
// Records a write in the audit trail, inside the write's own transaction:
// who (the acting user), which record, and its JSON before and after with
// personal fields (names, email, phone) masked.

#include <cstdint>
#include <optional>
#include <string_view>

#include "app/codec/json_codec.hpp"
#include "domain/access.hpp"
#include "storage/transaction.hpp"

namespace capdev::services {

// `by` is null for the command line (seed, user commands).
domain::Status Audit(storage::WriteTx& tx, const domain::Principal* by,
                     std::string_view action, std::string_view entity,
                     std::optional<std::int64_t> entity_id,
                     const json::value& before, const json::value& after);

// A copy with every personal field replaced by a marker (nulls stay null).
json::value MaskPersonal(const json::value& value);

}  // namespace capdev::services
