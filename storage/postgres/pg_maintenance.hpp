#pragma once
// The operator's whole-database operations (storage/maintenance.hpp) on a
// PostgreSQL database: the same consistency checks, and backup and restore
// with PostgreSQL's own tools (pg_dump and pg_restore, custom format).

#include <string>
#include <vector>

#include "domain/status.hpp"

namespace capdev::storage {

std::vector<domain::FieldError> PostgresCheckDatabase(const std::string& uri);
domain::Status PostgresCheckServable(const std::string& uri);
domain::Status PostgresBackup(const std::string& uri, const std::string& out);
domain::Status PostgresRestore(const std::string& uri,
                               const std::string& backup);

}  // namespace capdev::storage
