#pragma once
// Keys for comparing text the way people read it: Unicode NFKC with case
// folding (ICU), so that "Pär", "PÄR" and a decomposed "Pär" are one name,
// and a search for "pär" finds "PÄR". Stored next to the text (unique_key,
// search_key) and available in SQL as capdev_fold(text).

#include <string>
#include <string_view>

namespace capdev::storage {

std::string FoldKey(std::string_view text);

class Database;
// Registers capdev_fold(text) on the connection (migrations backfill with it).
void RegisterFold(Database& db);

}  // namespace capdev::storage
