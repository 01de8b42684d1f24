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

#include "storage/migrations.hpp"
#include "storage/participation.hpp"
#include "storage/server_lock.hpp"

namespace capdev::storage {

namespace fs = std::filesystem;

namespace {

// Opens an existing file without SQLite creating one on a typo.
domain::StatusOr<std::unique_ptr<SQLite::Database>> OpenExisting(
    const std::string& path) {
  if (!fs::exists(path)) {
    return domain::Status::FailedPrecondition(
        "database " + path +
        " does not exist; create it with `capdev migrate --db " + path + "`");
  }
  try {
    return std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE,
                                              5000);
  } catch (const SQLite::Exception& e) {
    return domain::Status::FailedPrecondition("cannot open database " + path +
                                              ": " + e.what());
  }
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

std::vector<std::string> Problems(SQLite::Database& db, bool quick) {
  std::vector<std::string> problems;
  try {
    for (auto& row :
         Rows(db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check")) {
      if (row != "ok") problems.push_back("integrity: " + row);
    }
    if (!quick) {
      // table, rowid, referenced table, constraint index
      for (auto& row : Rows(db, "PRAGMA foreign_key_check"))
        problems.push_back("foreign key: " + row);
      // The reports' participation table against a recount of the marks.
      if (db.tableExists("participation")) {
        const auto wrong =
            db.execAndGet(ParticipationMismatchesSql()).getInt64();
        if (wrong > 0) {
          problems.push_back(
              "participation: " + std::to_string(wrong) +
              " rows differ from the registrations and marks (the reports "
              "would be wrong; restore a backup, or report this as a bug)");
        }
      }
    }
  } catch (const SQLite::Exception& e) {
    problems.emplace_back(e.what());
  }
  return problems;
}

int RecordedVersion(SQLite::Database& db) {
  if (!db.tableExists("schema_migrations")) return 0;
  return db
      .execAndGet("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
      .getInt();
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < 10; ++i)
    out += (i ? "; " : "") + lines[i];
  if (lines.size() > 10)
    out += "; and " + std::to_string(lines.size() - 10) + " more";
  return out;
}

// The checks a copy must pass before it is kept or restored.
domain::Status CheckCopy(const std::string& path, const std::string& label) {
  ASSIGN_OR_RETURN(auto db, OpenExisting(path));
  const auto problems = Problems(*db, false);
  if (!problems.empty()) {
    return domain::Status::FailedPrecondition(
        label + " fails its checks: " + Joined(problems));
  }
  try {
    const int version = RecordedVersion(*db);
    if (version == 0) {
      return domain::Status::FailedPrecondition(
          label + " is not a capdev database (no schema version)");
    }
    if (version > LatestSchemaVersion()) {
      return domain::Status::FailedPrecondition(
          label + " has schema version " + std::to_string(version) +
          ", newer than this capdev (up to " +
          std::to_string(LatestSchemaVersion()) + "); use a newer capdev");
    }
  } catch (const SQLite::Exception& e) {
    return domain::Status::FailedPrecondition(label + ": " + e.what());
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

std::vector<std::string> CheckDatabase(const std::string& path, bool quick) {
  auto db = OpenExisting(path);
  if (!db.ok()) return {std::string(db.status().detail().key())};
  return Problems(**db, quick);
}

domain::Status CheckServable(const std::string& path) {
  ASSIGN_OR_RETURN(auto db, OpenExisting(path));
  const auto problems = Problems(*db, true);
  if (!problems.empty()) {
    return domain::Status::FailedPrecondition(
        "database " + path + " fails SQLite's quick_check (" +
        Joined(problems) +
        "); restore a backup with `capdev restore` (see README, Operations)");
  }
  try {
    const int version = RecordedVersion(*db);
    if (version > LatestSchemaVersion()) {
      return domain::Status::FailedPrecondition(
          "database " + path + " has schema version " +
          std::to_string(version) + ", newer than this capdev (up to " +
          std::to_string(LatestSchemaVersion()) + "); use a newer capdev");
    }
  } catch (const SQLite::Exception& e) {
    return domain::Status::FailedPrecondition("database " + path + ": " +
                                              e.what());
  }
  return domain::Status::Ok();
}

domain::Status BackupDatabase(const std::string& path, const std::string& out) {
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
          std::string("cannot start the backup: ") +
          sqlite3_errmsg(copy.getHandle()));
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
      return domain::Status::FailedPrecondition(
          std::string("the backup failed: ") + sqlite3_errstr(rc));
    }
    // A single file: no WAL beside it to lose on the way to another disk.
    copy.exec("PRAGMA journal_mode = DELETE");
  } catch (const SQLite::Exception& e) {
    RemoveIfExists(partial);
    return domain::Status::FailedPrecondition(
        std::string("the backup failed: ") + e.what());
  }
  source.reset();  // the read transaction ended with the backup
  if (auto s = CheckCopy(partial, "the backup copy"); !s.ok()) {
    RemoveIfExists(partial);
    return s;
  }
  std::error_code ec;
  fs::rename(partial, out, ec);
  if (ec) {
    RemoveIfExists(partial);
    return domain::Status::FailedPrecondition("cannot write " + out + ": " +
                                              ec.message());
  }
  SyncDirectory(out);
  return domain::Status::Ok();
}

domain::Status RestoreDatabase(const std::string& path,
                               const std::string& backup) {
  if (!fs::exists(backup)) {
    return domain::Status::FailedPrecondition("backup " + backup +
                                              " does not exist");
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
    return domain::Status::FailedPrecondition("cannot copy " + backup + ": " +
                                              ec.message());
  }
  if (auto s = CheckCopy(incoming, "backup " + backup); !s.ok()) {
    RemoveIfExists(incoming);
    return s;
  }
  try {
    SQLite::Database single(incoming, SQLite::OPEN_READWRITE);
    single.exec("PRAGMA journal_mode = DELETE");
  } catch (const SQLite::Exception& e) {
    RemoveIfExists(incoming);
    return domain::Status::FailedPrecondition("backup " + backup + ": " +
                                              e.what());
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
    return domain::Status::FailedPrecondition(
        std::string("restore interrupted: ") + e.what() +
        "; the previous database is at " + aside);
  }
  SyncDirectory(path);
  return domain::Status::Ok();
}

}  // namespace capdev::storage
