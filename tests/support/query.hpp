#pragma once
// One value from a query, for tests that look into the database through
// storage's engine interface (either engine).

#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace capdev::testing {

inline std::int64_t QueryInt(storage::Database& db, const std::string& sql) {
  const auto q = db.connection().Prepare(sql);
  if (!q->Step()) return 0;
  return q->Int64(0);
}

inline std::string QueryText(storage::Database& db, const std::string& sql) {
  const auto q = db.connection().Prepare(sql);
  if (!q->Step()) return {};
  return q->Text(0);
}

}  // namespace capdev::testing
