#include "storage/migrations.hpp"

#include <string>

#include "storage/engine_errors.hpp"
#include "storage/postgres/schema_pg.hpp"
#include "storage/schema.hpp"
#include "storage/schema_certificates.hpp"
#include "storage/schema_checkin.hpp"
#include "storage/schema_evaluation.hpp"
#include "storage/schema_languages.hpp"
#include "storage/schema_logins.hpp"
#include "storage/schema_names.hpp"
#include "storage/schema_participation.hpp"
#include "storage/schema_places.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

const std::vector<Migration>& AllMigrations(Engine engine) {
  // A PostgreSQL database starts at version 15, the schema SQLite's first 15
  // migrations build; the next ones are added to both lists.
  static const std::vector<Migration> kPostgres = {
      {15, "schema", kPostgresSchema},
      {16, "checkin", kSchemaCheckin},
      {17, "evaluation", kSchemaEvaluationPg},
      {18, "evaluation_indicators", kSchemaEvaluationIndicatorsPg},
      {19, "certificates", kSchemaCertificatesPg},
  };
  if (engine == Engine::kPostgres) return kPostgres;
  static const std::vector<Migration> kMigrations = {
      {1, "records", kSchemaRecords},
      {2, "access", kSchemaAccess},
      {3, "stated_dates", kSchemaStatedDates},
      {4, "text_keys", kSchemaTextKeys},
      {5, "workshop_search", kSchemaWorkshopSearch},
      {6, "participation", kSchemaParticipation},
      {7, "results", kSchemaResults},
      {8, "token_ids", kSchemaTokenIds},
      {9, "submissions", kSchemaSubmissions},
      {10, "participation_groups", kSchemaParticipationGroups},
      {11, "participation_mark_update", kSchemaParticipationMarkUpdate},
      {12, "names", kSchemaNames},
      {13, "logins", kSchemaLogins},
      {14, "languages", kSchemaLanguages},
      {15, "place_keys", kSchemaPlaceKeys},
      {16, "checkin", kSchemaCheckin},
      {17, "evaluation", kSchemaEvaluation},
      {18, "evaluation_indicators", kSchemaEvaluationIndicators},
      {19, "certificates", kSchemaCertificates},
  };
  return kMigrations;
}

int LatestSchemaVersion() {
  return AllMigrations(Engine::kSqlite).back().version;
}

namespace {
// Throws the engine's exceptions (its callers guard them).
void EnsureLedger(Database& db) {
  db.connection().ExecScript(
      db.engine() == Engine::kPostgres
          ? "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version BIGINT PRIMARY KEY,"
            " name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE "
            "'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')))"
          : "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', "
            "'now')))");
}

int RecordedVersion(Database& db) {
  if (!db.connection().HasTable("schema_migrations")) return 0;
  ScopedStatement q(db,
                    "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  q->Step();
  return q->Int(0);
}
}  // namespace

// Reads only (/healthz calls it on every request): whether the ledger exists
// comes from the connection's parsed schema, without a query; a file without
// it is version 0.
domain::StatusOr<int> SchemaVersion(Database& db) {
  return Guarded([&] { return RecordedVersion(db); });
}

domain::Status Migrate(Database& db) {
  return Migrate(db, AllMigrations(db.engine()));
}

domain::Status Migrate(Database& db, const std::vector<Migration>& migrations) {
  ASSIGN_OR_RETURN(const int current, Guarded([&] {
                     EnsureLedger(db);
                     return RecordedVersion(db);
                   }));
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current > latest) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.schema_newer", {{"version", current}, {"latest", latest}}));
  }
  for (const auto& m : migrations) {
    if (m.version <= current) continue;
    RETURN_IF_ERROR(InWriteTx(db, [&](WriteTx&) {
      return Guarded([&] {
        db.connection().ExecScript(std::string(m.sql));
        ScopedStatement record(
            db, "INSERT INTO schema_migrations(version, name) VALUES (?, ?)");
        record->Bind(1, m.version);
        record->Bind(2, std::string(m.name));
        record->Exec();
        if (db.engine() == Engine::kSqlite) {
          db.connection().ExecScript("PRAGMA user_version = " +
                                     std::to_string(m.version));
        }
      });
    }));
  }
  return domain::Status::Ok();
}

}  // namespace capdev::storage
