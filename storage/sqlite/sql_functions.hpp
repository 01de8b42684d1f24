#pragma once
// capdev's text keys in SQLite's SQL: capdev_fold(text) (migrations backfill
// with it), capdev_place_key(text), capdev_person_search_key(full_name,
// native_name, email), and the collations capdev_name (CompareNames) and
// capdev_name_zh (CompareChineseNames). Registered on every connection.

#include <sqlite3.h>

namespace capdev::storage {

void RegisterSqlFunctions(sqlite3* handle);

}  // namespace capdev::storage
