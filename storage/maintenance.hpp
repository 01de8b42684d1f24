#pragma once
// Whole-database operations for the operator: the integrity checks that
// `capdev check` and `serve` run, online backup, and restore. Described here
// for a SQLite file (storage/sqlite/maintenance.cpp); given a postgresql://
// URI they do the same with PostgreSQL's means (storage/postgres/
// pg_maintenance.hpp).

#include <string>
#include <vector>

#include "domain/status.hpp"

namespace capdev::storage {

// What `PRAGMA integrity_check` (or quick_check) and `foreign_key_check`
// found in an existing database file, each named by its check ("integrity",
// "foreign key", "participation"); empty when it is sound. Never creates
// the file.
std::vector<domain::FieldError> CheckDatabase(const std::string& path,
                                              bool quick = false);

// FailedPrecondition, naming the file, unless it exists, passes quick_check
// and has a schema no newer than this binary: what `serve` requires before
// it migrates and serves.
domain::Status CheckServable(const std::string& path);

// Writes a consistent copy of a live database to `out` with SQLite's online
// backup (one read transaction, so writers go on), checks the copy and
// leaves it as a single self-contained file. `out` is replaced only when the
// copy is complete.
domain::Status BackupDatabase(const std::string& path, const std::string& out);

// Replaces the database at `path` (and its WAL) with `backup`, after checking
// the backup's integrity and schema version, and only while no server holds
// the database. The previous files are kept beside it as PATH.pre-restore
// (and PATH.pre-restore-wal).
domain::Status RestoreDatabase(const std::string& path,
                               const std::string& backup);

}  // namespace capdev::storage
