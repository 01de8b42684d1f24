#pragma once
// Records a write in the audit trail, inside the write's own transaction:
// who (the signed-in user), which record, and its JSON before and after
// with personal fields (names, email, phone) masked.

#include <cstdint>
#include <optional>
#include <string>

#include "app/http/json_codec.hpp"
#include "app/http/router.hpp"

namespace capdev::app {

void Audit(Context& ctx, const std::string& action, const std::string& entity,
           std::optional<std::int64_t> entity_id, const json::value& before,
           const json::value& after);

// A copy with every personal field replaced by a marker (nulls stay null).
json::value MaskPersonal(const json::value& value);

}  // namespace capdev::app
