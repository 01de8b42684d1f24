#include "storage/postgres/pg_maintenance.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

#include "storage/database.hpp"
#include "storage/migrations.hpp"
#include "storage/participation.hpp"

extern char** environ;

namespace capdev::storage {

namespace {

// The server's own words when it cannot be reached or refuses the login.
domain::StatusOr<std::unique_ptr<Database>> Connect(const std::string& uri) {
  try {
    return std::make_unique<Database>(DatabaseOptions{uri});
  } catch (const EngineError& e) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.db_cannot_open", {{"path", uri}, {"reason", e.what()}}));
  }
}

// Runs one of PostgreSQL's tools with `args` (the password reaches it from
// PGPASSWORD or ~/.pgpass, never from its command line): its exit status, or
// -1 when it could not be started.
int RunTool(std::vector<std::string> args) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
    return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::vector<domain::FieldError> PostgresCheckDatabase(const std::string& uri) {
  std::vector<domain::FieldError> problems;
  auto db = Connect(uri);
  if (!db.ok()) {
    problems.emplace_back("database", domain::kInvalid, db.status().detail());
    return problems;
  }
  const auto version = SchemaVersion(**db);
  if (!version.ok() || *version == 0) {
    problems.emplace_back("database", domain::kInvalid,
                          domain::Message("error.db_missing", {{"path", uri}}));
    return problems;
  }
  // Keys and constraints PostgreSQL enforces always; what triggers keep is
  // recounted.
  const auto wrong = ParticipationMismatches(**db);
  if (!wrong.ok()) {
    problems.emplace_back("participation", domain::kInvalid,
                          wrong.status().detail());
  } else if (*wrong > 0) {
    problems.emplace_back(
        "participation", domain::kInvalid,
        domain::Message("error.participation_differs", {{"n", *wrong}}));
  }
  return problems;
}

domain::Status PostgresCheckServable(const std::string& uri) {
  ASSIGN_OR_RETURN(auto db, Connect(uri));
  ASSIGN_OR_RETURN(const int version, SchemaVersion(*db));
  if (version > LatestSchemaVersion()) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.copy_newer_schema", {{"which", "database"},
                                    {"path", uri},
                                    {"version", version},
                                    {"latest", LatestSchemaVersion()}}));
  }
  return domain::Status::Ok();
}

domain::Status PostgresBackup(const std::string& uri, const std::string& out) {
  const std::string partial = out + ".partial";
  // One snapshot of the whole database, as writers go on (pg_dump's own
  // transaction); replaced only once complete.
  if (RunTool({"pg_dump", "--format=custom", "--no-owner", "--file=" + partial,
               "--dbname=" + uri}) != 0) {
    std::error_code ec;
    std::filesystem::remove(partial, ec);
    return domain::Status::FailedPrecondition(
        domain::Message("error.backup_failed", {{"reason", "pg_dump"}}));
  }
  std::error_code ec;
  std::filesystem::rename(partial, out, ec);
  if (ec) {
    return domain::Status::FailedPrecondition(
        domain::Message("error.backup_failed", {{"reason", ec.message()}}));
  }
  return domain::Status::Ok();
}

domain::Status PostgresRestore(const std::string& uri,
                               const std::string& backup) {
  // All or nothing: one transaction replaces every table.
  if (RunTool({"pg_restore", "--clean", "--if-exists", "--no-owner",
               "--single-transaction", "--exit-on-error", "--dbname=" + uri,
               backup}) != 0) {
    return domain::Status::FailedPrecondition(
        domain::Message("error.backup_failed", {{"reason", "pg_restore"}}));
  }
  return domain::Status::Ok();
}

}  // namespace capdev::storage
