#include "storage/references.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <map>
#include <utility>
#include <vector>

#include "storage/engine_errors.hpp"

namespace capdev::storage {

namespace {

// A referencing table's rows as a reader names them: singular, plural.
std::pair<std::string, std::string> Nouns(const std::string& table) {
  static const std::map<std::string, std::pair<std::string, std::string>>
      kIrregular = {
          {"attendance", {"attendance mark", "attendance marks"}},
          {"people", {"person", "people"}},
          {"workshop_organizations", {"workshop party", "workshop parties"}},
          {"project_organizations", {"project party", "project parties"}},
      };
  if (auto it = kIrregular.find(table); it != kIrregular.end())
    return it->second;
  std::string plural = table;
  for (auto& c : plural) c = c == '_' ? ' ' : c;
  std::string singular = plural;
  if (!singular.empty() && singular.back() == 's') singular.pop_back();
  return {singular, plural};
}

}  // namespace

std::string ReferencesTo(Database& db, std::string_view table,
                         std::int64_t id) {
  // Foreign keys on the record's id that would refuse the delete (a
  // cascading one removes its rows with the record; a key of several columns
  // refers to something else than the id).
  std::vector<std::pair<std::string, std::string>> keys;
  {
    ScopedStatement q(db, R"sql(
SELECT m.name, f."from" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
WHERE m.type = 'table' AND f."table" = ?1 AND coalesce(f."to", 'id') = 'id'
  AND f.on_delete NOT IN ('CASCADE', 'SET NULL', 'SET DEFAULT')
  AND (SELECT COUNT(*) FROM pragma_foreign_key_list(m.name) g WHERE g.id = f.id) = 1
ORDER BY m.name, f."from")sql");
    q->bind(1, std::string(table));
    while (q->executeStep())
      keys.emplace_back(q->getColumn(0).getString(),
                        q->getColumn(1).getString());
  }
  std::vector<std::string> parts;
  for (const auto& [from, column] : keys) {
    // Names from the schema itself, quoted as identifiers.
    std::string sql = "SELECT COUNT(*) FROM \"";
    sql.append(from).append("\" WHERE \"").append(column).append("\" = ?");
    ScopedStatement n(db, sql);
    n->bind(1, id);
    n->executeStep();
    const auto count = n->getColumn(0).getInt64();
    if (count == 0) continue;
    auto [one, many] = Nouns(from);
    if (from == table) {  // a parent_id: "2 organizations below it"
      one += " below it";
      many += " below it";
    }
    parts.push_back(std::to_string(count) + " " + (count == 1 ? one : many));
  }
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

domain::Status DeleteRefused(Database& db, const SQLite::Exception& e,
                             std::string_view table, std::string_view noun,
                             std::int64_t id) {
  if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_FOREIGNKEY) {
    if (auto by = ReferencesTo(db, table, id); !by.empty()) {
      return domain::Status::FailedPrecondition("the " + std::string(noun) +
                                                " is still referenced by " +
                                                by + "; remove those first");
    }
  }
  return ConstraintStatus(e, noun);
}

}  // namespace capdev::storage
