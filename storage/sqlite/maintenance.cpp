#include "storage/maintenance.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <system_error>

#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/participation.hpp"
#include "storage/postgres/pg_maintenance.hpp"
#include "storage/server_lock.hpp"

namespace capdev::storage {

namespace fs = std::filesystem;

namespace {

// Opens an existing file without SQLite creating one on a typo.
domain::StatusOr<std::unique_ptr<SQLite::Database>> OpenExisting(
    const std::string& path) {
  if (!fs::exists(path)) {
    return domain::Status::FailedPrecondition(
        domain::Message("error.db_missing", {{"path", path}}));
  }
  try {
    return std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE,
                                              5000);
  } catch (const SQLite::Exception& e) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.db_cannot_open", {{"path", path}, {"reason", e.what()}}));
  }
}

// A line of the engine's own report (integrity_check, ...), as it wrote it.
domain::FieldError EngineLine(std::string what, std::string line) {
  return {std::move(what), domain::kInvalid,
          domain::Message("error.engine_text", {{"text", std::move(line)}})};
}

std::vector<std::string> Rows(SQLite::Database& db, const char* sql) {
  std::vector<std::string> rows;
  SQLite::Statement q(db, sql);
  while (q.executeStep()) {
    std::string row;
    for (int i = 0; i < q.getColumnCount(); ++i) {
      if (i) row += " ";
      row += q.getColumn(i).getString();
    }
    rows.push_back(row);
  }
  return rows;
}

std::vector<domain::FieldError> Problems(SQLite::Database& db, bool quick) {
  std::vector<domain::FieldError> problems;
  try {
    for (auto& row :
         Rows(db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check")) {
      if (row != "ok") problems.push_back(EngineLine("integrity", row));
    }
    if (!quick) {
      // table, rowid, referenced table, constraint index
      for (auto& row : Rows(db, "PRAGMA foreign_key_check"))
        problems.push_back(EngineLine("foreign key", row));
      // The reports' participation table against a recount of the marks.
      if (db.tableExists("participation")) {
        const auto wrong =
            db.execAndGet(ParticipationMismatchesSql()).getInt64();
        if (wrong > 0) {
          problems.emplace_back(
              "participation", domain::kInvalid,
              domain::Message("error.participation_differs", {{"n", wrong}}));
        }
      }
    }
  } catch (const SQLite::Exception& e) {
    problems.push_back(EngineLine("check", e.what()));
  }
  return problems;
}

int RecordedVersion(SQLite::Database& db) {
  if (!db.tableExists("schema_migrations")) return 0;
  return db
      .execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
      .getInt();
}

// The first ten problems, as the entries of a refusal (its detail says how
// many there are).
std::vector<domain::FieldError> FirstProblems(
    std::vector<domain::FieldError> problems) {
  if (problems.size() > 10)
    problems.erase(problems.begin() + 10, problems.end());
  return problems;
}

// The checks a copy must pass before it is kept or restored. `which` names
// it in the messages: "copy" (the backup just written) or "backup" (the file
// `shown`, to restore).
domain::Status CheckCopy(const std::string& path, std::string_view which,
                         const std::string& shown) {
  ASSIGN_OR_RETURN(auto db, OpenExisting(path));
  const auto problems = Problems(*db, false);
  if (!problems.empty()) {
    return domain::Status::FailedPrecondition(
        domain::Message(
            "error.copy_fails_checks",
            {{"which", which}, {"path", shown}, {"count", problems.size()}}),
        FirstProblems(problems));
  }
  try {
    const int version = RecordedVersion(*db);
    if (version == 0) {
      return domain::Status::FailedPrecondition(domain::Message(
          "error.copy_not_capdev", {{"which", which}, {"path", shown}}));
    }
    if (version > LatestSchemaVersion()) {
      return domain::Status::FailedPrecondition(domain::Message(
          "error.copy_newer_schema", {{"which", which},
                                      {"path", shown},
                                      {"version", version},
                                      {"latest", LatestSchemaVersion()}}));
    }
  } catch (const SQLite::Exception& e) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.copy_unreadable",
        {{"which", which}, {"path", shown}, {"reason", e.what()}}));
  }
  return domain::Status::Ok();
}

// Makes renames in the file's folder durable; a failure only weakens crash
// safety, so it is not reported.
void SyncDirectory(const fs::path& file) {
  const fs::path dir = file.has_parent_path() ? file.parent_path() : ".";
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

void RemoveIfExists(const fs::path& p) {
  std::error_code ec;
  fs::remove(p, ec);
}

void RenameIfExists(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  if (fs::exists(from, ec)) fs::rename(from, to);
}

}  // namespace

std::vector<domain::FieldError> CheckDatabase(const std::string& path,
                                              bool quick) {
  if (IsPostgresUri(path)) return PostgresCheckDatabase(path);
  auto db = OpenExisting(path);
  if (!db.ok()) return {{"database", domain::kInvalid, db.status().detail()}};
  return Problems(**db, quick);
}

domain::Status CheckServable(const std::string& path) {
  if (IsPostgresUri(path)) return PostgresCheckServable(path);
  ASSIGN_OR_RETURN(auto db, OpenExisting(path));
  const auto problems = Problems(*db, true);
  if (!problems.empty()) {
    return domain::Status::FailedPrecondition(
        domain::Message("error.db_fails_quick_check",
                        {{"path", path}, {"count", problems.size()}}),
        FirstProblems(problems));
  }
  try {
    const int version = RecordedVersion(*db);
    if (version > LatestSchemaVersion()) {
      return domain::Status::FailedPrecondition(domain::Message(
          "error.copy_newer_schema", {{"which", "database"},
                                      {"path", path},
                                      {"version", version},
                                      {"latest", LatestSchemaVersion()}}));
    }
  } catch (const SQLite::Exception& e) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.copy_unreadable",
        {{"which", "database"}, {"path", path}, {"reason", e.what()}}));
  }
  return domain::Status::Ok();
}

domain::Status BackupDatabase(const std::string& path, const std::string& out) {
  if (IsPostgresUri(path)) return PostgresBackup(path, out);
  ASSIGN_OR_RETURN(auto source, OpenExisting(path));
  const std::string partial = out + ".partial";
  RemoveIfExists(partial);
  try {
    SQLite::Database copy(partial,
                          SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    sqlite3_backup* backup = sqlite3_backup_init(copy.getHandle(), "main",
                                                 source->getHandle(), "main");
    if (!backup) {
      return domain::Status::FailedPrecondition(
          domain::Message("error.backup_cannot_start",
                          {{"reason", sqlite3_errmsg(copy.getHandle())}}));
    }
    // All pages in one step: one read transaction on the source, so the
    // copy is one consistent snapshot while writers carry on in the WAL.
    int rc;
    do {
      rc = sqlite3_backup_step(backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
      RemoveIfExists(partial);
      return domain::Status::FailedPrecondition(domain::Message(
          "error.backup_failed", {{"reason", sqlite3_errstr(rc)}}));
    }
    // A single file: no WAL beside it to lose on the way to another disk.
    copy.exec("PRAGMA journal_mode = DELETE");
  } catch (const SQLite::Exception& e) {
    RemoveIfExists(partial);
    return domain::Status::FailedPrecondition(
        domain::Message("error.backup_failed", {{"reason", e.what()}}));
  }
  source.reset();  // the read transaction ended with the backup
  if (auto s = CheckCopy(partial, "copy", out); !s.ok()) {
    RemoveIfExists(partial);
    return s;
  }
  std::error_code ec;
  fs::rename(partial, out, ec);
  if (ec) {
    RemoveIfExists(partial);
    return domain::Status::FailedPrecondition(domain::Message(
        "error.cannot_write_file", {{"path", out}, {"reason", ec.message()}}));
  }
  SyncDirectory(out);
  return domain::Status::Ok();
}

domain::Status RestoreDatabase(const std::string& path,
                               const std::string& backup) {
  if (IsPostgresUri(path)) return PostgresRestore(path, backup);
  if (!fs::exists(backup)) {
    return domain::Status::FailedPrecondition(
        domain::Message("error.backup_missing", {{"path", backup}}));
  }
  // Check a copy beside the target, so the final step is one rename on the
  // same file system and the checked bytes are the restored bytes.
  const std::string incoming = path + ".restoring";
  RemoveIfExists(incoming);
  RemoveIfExists(incoming + "-wal");
  RemoveIfExists(incoming + "-shm");
  std::error_code ec;
  fs::copy_file(backup, incoming, fs::copy_options::overwrite_existing, ec);
  if (ec) {
    return domain::Status::FailedPrecondition(
        domain::Message("error.cannot_copy_file",
                        {{"path", backup}, {"reason", ec.message()}}));
  }
  if (auto s = CheckCopy(incoming, "backup", backup); !s.ok()) {
    RemoveIfExists(incoming);
    return s;
  }
  try {
    SQLite::Database single(incoming, SQLite::OPEN_READWRITE);
    single.exec("PRAGMA journal_mode = DELETE");
  } catch (const SQLite::Exception& e) {
    RemoveIfExists(incoming);
    return domain::Status::FailedPrecondition(domain::Message(
        "error.copy_unreadable",
        {{"which", "backup"}, {"path", backup}, {"reason", e.what()}}));
  }
  RemoveIfExists(incoming + "-wal");
  RemoveIfExists(incoming + "-shm");

  std::optional<DatabaseLock> lock;
  if (fs::exists(path)) {
    auto held = DatabaseLock::Acquire(path, DatabaseLock::Mode::kExclusive);
    if (!held.ok()) {
      RemoveIfExists(incoming);
      return held.status();
    }
    lock.emplace(std::move(*held));
  }
  // The old database and its WAL move aside as a pair (still openable
  // together); its -shm is stale. A WAL left beside the new file would be
  // replayed into it and corrupt it.
  const std::string aside = path + ".pre-restore";
  RemoveIfExists(aside);
  RemoveIfExists(aside + "-wal");
  try {
    RenameIfExists(path + "-wal", aside + "-wal");
    RemoveIfExists(path + "-shm");
    RenameIfExists(path, aside);
    fs::rename(incoming, path);
  } catch (const fs::filesystem_error& e) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.restore_interrupted", {{"reason", e.what()}, {"aside", aside}}));
  }
  SyncDirectory(path);
  return domain::Status::Ok();
}

}  // namespace capdev::storage
