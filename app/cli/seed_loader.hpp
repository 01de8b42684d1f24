#pragma once
// `capdev seed`: loads seed/*.json (the five recorded events) in one
// transaction. Idempotent: records already present and equal are reused; a
// database holding a different record under the same identity is refused.

#include <string>

#include "domain/status.hpp"
#include "storage/database.hpp"

namespace capdev::cli {

struct SeedFiles {
  std::string organizations;
  std::string projects;
  std::string people;
  std::string workshops;
};

SeedFiles BuiltInSeed();  // compiled in from seed/
domain::StatusOr<SeedFiles> ReadSeedFolder(const std::string& folder);

struct SeedReport {
  int created = 0;
  int unchanged = 0;
  int updated = 0;  // loaded by an earlier seed, brought up to date
};

domain::StatusOr<SeedReport> LoadSeed(storage::Database& db,
                                      const SeedFiles& files);

// Migrates, loads, and reports; returns the exit code. An empty folder means
// the built-in seed.
int RunSeed(const std::string& db_path, const std::string& folder);

}  // namespace capdev::cli
