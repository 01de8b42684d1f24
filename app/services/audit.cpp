#include "app/services/audit.hpp"

#include <array>
#include <string_view>

#include "storage/audit_log.hpp"

namespace capdev::services {

namespace {
// The fields erasure clears (storage/erasure.cpp): names, contacts, position.
constexpr std::array<std::string_view, 5> kPersonalFields = {
    "full_name", "native_name", "email", "phone", "position"};
}  // namespace

json::value MaskPersonal(const json::value& value) {
  if (value.is_array()) {
    json::array out;
    for (const auto& v : value.as_array()) out.push_back(MaskPersonal(v));
    return out;
  }
  if (!value.is_object()) return value;
  json::object out;
  for (const auto& [key, v] : value.as_object()) {
    const bool personal =
        std::find(kPersonalFields.begin(), kPersonalFields.end(), key) !=
        kPersonalFields.end();
    out[key] = personal && !v.is_null() ? json::value("[personal data]")
                                        : MaskPersonal(v);
  }
  return out;
}

domain::Status Audit(storage::WriteTx& tx, const domain::Principal* by,
                     std::string_view action, std::string_view entity,
                     std::optional<std::int64_t> entity_id,
                     const json::value& before, const json::value& after) {
  storage::AuditEntry e;
  if (by) {
    e.user_id = by->user_id;
    e.username = by->username;
  }
  e.action = action;
  e.entity = entity;
  e.entity_id = entity_id;
  if (!before.is_null()) e.before = json::serialize(MaskPersonal(before));
  if (!after.is_null()) e.after = json::serialize(MaskPersonal(after));
  return storage::AppendAudit(tx, e);
}

}  // namespace capdev::services
