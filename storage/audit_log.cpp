#include "storage/audit_log.hpp"

#include "domain/date.hpp"
#include "storage/engine_errors.hpp"
#include "storage/row_mapping.hpp"
#include "storage/table.hpp"

namespace capdev::storage {

domain::Status AppendAudit(WriteTx& tx, const AuditEntry& e) {
  return Guarded([&] {
    Database& db = tx.db();
    ScopedStatement q(
        db,
        "INSERT INTO audit_log (user_id, username, action, entity, "
        "entity_id, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    BindAll(*q, e.user_id, e.username, e.action, e.entity, e.entity_id,
            e.before, e.after);
    q->Exec();
  });
}

domain::StatusOr<std::int64_t> LastAuditId(Database& db) {
  return Guarded([&]() -> std::int64_t {
    ScopedStatement q(db, "SELECT coalesce(max(id), 0) FROM audit_log");
    q->Step();
    return q->Int64(0);
  });
}

domain::StatusOr<bool> RecordsChangedSince(Database& db, std::int64_t since,
                                           bool organizations_created) {
  return Guarded([&]() -> bool {
    ScopedStatement q(
        db,
        "SELECT EXISTS (SELECT 1 FROM audit_log WHERE id > ? AND "
        "(entity IN ('person', 'registration', 'workshop') OR "
        "(entity = 'organization' AND (action <> 'create' OR ? <> 0))))");
    BindAll(*q, since, std::int64_t{organizations_created ? 1 : 0});
    q->Step();
    return q->Int(0) != 0;
  });
}

namespace {

AuditEntry ReadEntry(Statement& q) {
  AuditEntry e;
  Read(q, 0, e.id);
  Read(q, 1, e.at);
  Read(q, 2, e.user_id);
  Read(q, 3, e.username);
  Read(q, 4, e.action);
  Read(q, 5, e.entity);
  Read(q, 6, e.entity_id);
  Read(q, 7, e.before);
  Read(q, 8, e.after);
  return e;
}

}  // namespace

domain::StatusOr<std::vector<AuditEntry>> AuditAfter(
    Database& db, const std::string& action, const std::string& entity,
    std::int64_t entity_id, const std::vector<std::string>& entities,
    std::int64_t limit) {
  return Guarded([&] {
    std::string in;
    for (std::size_t i = 0; i < entities.size(); ++i) in += i ? ", ?" : "?";
    ScopedStatement q(
        db,
        "SELECT id, at, user_id, username, action, entity, entity_id, before, "
        "after FROM audit_log WHERE id > (SELECT coalesce(max(id), 0) FROM "
        "audit_log WHERE action = ? AND entity = ? AND entity_id = ?) AND "
        "entity IN (" +
            in + ") ORDER BY id DESC LIMIT ?");
    int at = 1;
    q->Bind(at++, action);
    q->Bind(at++, entity);
    q->Bind(at++, entity_id);
    for (const auto& e : entities) q->Bind(at++, e);
    q->Bind(at, limit);
    std::vector<AuditEntry> out;
    while (q->Step()) out.push_back(ReadEntry(*q));
    return out;
  });
}

domain::StatusOr<Page<AuditEntry>> ListAudit(Database& db, const AuditFilter& f,
                                             const PageRequest& page) {
  return Guarded([&] {
    Where w;
    if (f.user_id) w.Add("user_id = ?", {*f.user_id});
    if (f.entity) w.Add("entity = ?", {*f.entity});
    if (f.entity_id) w.Add("entity_id = ?", {*f.entity_id});
    if (f.action) w.Add("action = ?", {*f.action});
    if (f.from) w.Add("at >= ?", {*f.from});
    if (f.to) {
      // Up to the end of that day: times are ISO text, compared as text.
      const auto day = domain::Date::Parse(*f.to);
      w.Add("at < ?", {day ? day->AddDays(1).ToString() : *f.to});
    }
    if (page.after_id > 0) w.Add("id > ?", {page.after_id});
    return SelectPage<AuditEntry>(
        db,
        "SELECT id, at, user_id, username, action, entity, entity_id, before, "
        "after FROM audit_log" +
            w.sql + " ORDER BY id LIMIT ?",
        w, page, ReadEntry);
  });
}

}  // namespace capdev::storage
