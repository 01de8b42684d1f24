#pragma once
// The audit trail: who changed which record, when, and how (before/after as
// JSON text with personal fields already masked by the caller).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
// The id of the trail's last entry (0: none): a mark to ask, later, what
// changed since.
domain::StatusOr<std::int64_t> LastAuditId(Database& db);
// Whether anything that matches an import's rows was changed after the entry
// `since`: a person, a registration or a workshop, an organization changed
// or merged (or created, with `organizations_created`).
domain::StatusOr<bool> RecordsChangedSince(Database& db, std::int64_t since,
                                           bool organizations_created);
// The entries of the kinds `entities` recorded after the entry that
// `action`ed (entity, entity_id), newest first, at most `limit` (what changed
// since a report was submitted).
domain::StatusOr<std::vector<AuditEntry>> AuditAfter(
    Database& db, const std::string& action, const std::string& entity,
    std::int64_t entity_id, const std::vector<std::string>& entities,
    std::int64_t limit);
domain::StatusOr<Page<AuditEntry>> ListAudit(Database& db,
                                             const AuditFilter& filter,
                                             const PageRequest& page);

}  // namespace capdev::storage
