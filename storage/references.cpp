#include "storage/references.hpp"

#include <map>
#include <utility>
#include <vector>

#include "storage/engine_errors.hpp"

namespace capdev::storage {

domain::CountList ReferencesTo(Database& db, std::string_view table,
                               std::int64_t id) {
  // Foreign keys on the record's id that would refuse the delete (a
  // cascading one removes its rows with the record; a key of several columns
  // refers to something else than the id).
  std::vector<std::pair<std::string, std::string>> keys;
  {
    // Each engine lists its foreign keys its own way: SQLite in pragmas,
    // PostgreSQL in its catalog (confdeltype 'a' and 'r': no action,
    // restrict).
    ScopedStatement q(db, db.engine() == Engine::kPostgres ? R"sql(
SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
WHERE c.contype = 'f' AND c.confrelid = CAST(?1 AS regclass)
  AND cardinality(c.conkey) = 1 AND c.confdeltype IN ('a', 'r')
ORDER BY 1, 2)sql"
                                                           : R"sql(
SELECT m.name, f."from" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' AND f."table" = ?1 AND coalesce(f."to", 'id') = 'id'
  AND f.on_delete NOT IN ('CASCADE', 'SET NULL', 'SET DEFAULT')
  AND (SELECT COUNT(*) FROM pragma_foreign_key_list(m.name) g WHERE g.id = f.id) = 1
ORDER BY m.name, f."from")sql");
    q->Bind(1, std::string(table));
    while (q->Step()) keys.emplace_back(q->Text(0), q->Text(1));
  }
  domain::CountList by{"error.referenced_by.", {}};
  for (const auto& [from, column] : keys) {
    // Names from the schema itself, quoted as identifiers.
    std::string sql = "SELECT COUNT(*) FROM \"";
    sql.append(from).append("\" WHERE \"").append(column).append("\" = ?");
    ScopedStatement n(db, sql);
    n->Bind(1, id);
    n->Step();
    const auto count = n->Int64(0);
    if (count == 0) continue;
    // A parent_id: "2 organizations below it".
    by.counts.emplace_back(from == table ? from + "_below" : from, count);
  }
  return by;
}

domain::Status DeleteRefused(Database& db, const EngineError& e,
                             std::string_view table, std::string_view noun,
                             std::int64_t id) {
  if (e.failure() == Failure::kForeignKey) {
    if (auto by = ReferencesTo(db, table, id); !by.counts.empty()) {
      return domain::Status::FailedPrecondition(
          domain::Message("error.still_referenced",
                          {{"noun", RecordTerm(noun)}, {"by", std::move(by)}}),
          {domain::FieldError("id", domain::kInUse,
                              domain::Message("error.in_use"))});
    }
  }
  return ConstraintStatus(e, noun);
}

}  // namespace capdev::storage
