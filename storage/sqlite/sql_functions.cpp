#include "storage/sqlite/sql_functions.hpp"

#include <exception>
#include <string>
#include <string_view>

#include "storage/text_key.hpp"

namespace capdev::storage {

namespace {

std::optional<std::string_view> TextArg(sqlite3_value* v) {
  if (sqlite3_value_type(v) == SQLITE_NULL) return std::nullopt;
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return std::string_view(text,
                          static_cast<std::size_t>(sqlite3_value_bytes(v)));
}

// SQLite's callbacks are C: nothing may be thrown through them.
void SqlPersonSearchKey(sqlite3_context* ctx, int, sqlite3_value** argv) {
  try {
    const auto key = PersonSearchKey(TextArg(argv[0]).value_or(""),
                                     TextArg(argv[1]), TextArg(argv[2]));
    sqlite3_result_text(ctx, key.data(), static_cast<int>(key.size()),
                        SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}

template <int (*Order)(std::string_view, std::string_view)>
int SqlCompare(void*, int a_size, const void* a, int b_size, const void* b) {
  const std::string_view x(static_cast<const char*>(a),
                           static_cast<std::size_t>(a_size));
  const std::string_view y(static_cast<const char*>(b),
                           static_cast<std::size_t>(b_size));
  try {
    return Order(x, y);
  } catch (const std::exception&) {
    return x.compare(y);  // no collator: code points, still a total order
  }
}

// The SQL function calling `Key` on its one text argument (NULL stays NULL).
template <std::string (*Key)(std::string_view)>
void SqlKey(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
    return sqlite3_result_null(ctx);
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const auto key = Key(std::string_view(
      text, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
  sqlite3_result_text(ctx, key.data(), static_cast<int>(key.size()),
                      SQLITE_TRANSIENT);
}

}  // namespace

void RegisterSqlFunctions(sqlite3* handle) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  sqlite3_create_function(handle, "capdev_fold", 1, flags, nullptr,
                          SqlKey<FoldKey>, nullptr, nullptr);
  sqlite3_create_function(handle, "capdev_place_key", 1, flags, nullptr,
                          SqlKey<PlaceKey>, nullptr, nullptr);
  sqlite3_create_function(handle, "capdev_person_search_key", 3, flags, nullptr,
                          SqlPersonSearchKey, nullptr, nullptr);
  sqlite3_create_collation(handle, "capdev_name", SQLITE_UTF8, nullptr,
                           SqlCompare<CompareNames>);
  sqlite3_create_collation(handle, "capdev_name_zh", SQLITE_UTF8, nullptr,
                           SqlCompare<CompareChineseNames>);
}

}  // namespace capdev::storage
