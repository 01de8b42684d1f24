#pragma once
// The audit trail: who changed which record, when, and how (before/after as
// JSON text with personal fields already masked by the caller).

#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"
#include "storage/page.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;  // RFC 3339 UTC
  std::optional<std::int64_t> user_id;
  std::optional<std::string> username;
  std::string action;  // create, update, delete, replace, erase
  std::string entity;  // organization, workshop, ...
  std::optional<std::int64_t> entity_id;
  std::optional<std::string> before;
  std::optional<std::string> after;
};

struct AuditFilter {
  std::optional<std::int64_t> user_id;
  std::optional<std::string> entity;
  std::optional<std::int64_t> entity_id;
  std::optional<std::string> action;
  std::optional<std::string> from;  // YYYY-MM-DD, inclusive
  std::optional<std::string> to;
};

// Call inside the write's transaction, so the entry and the change land
// together.
domain::Status AppendAudit(WriteTx& tx, const AuditEntry& entry);
domain::StatusOr<Page<AuditEntry>> ListAudit(Database& db,
                                             const AuditFilter& filter,
                                             const PageRequest& page);

}  // namespace capdev::storage
