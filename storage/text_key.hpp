#pragma once
// Keys for comparing text the way people read it: Unicode NFKC with case
// folding (ICU), so that "Pär", "PÄR" and a decomposed "Pär" are one name,
// and a search for "pär" finds "PÄR". Stored next to the text (unique_key,
// search_key) and available in SQL as capdev_fold(text).

#include <string>
#include <string_view>

namespace capdev::storage {

std::string FoldKey(std::string_view text);

// A place's key (venues, cities): FoldKey with every run of white space one
// space and none at either end, so "Room  B" pasted with two spaces, or with
// an ideographic space, is the same room. capdev_place_key(text) in SQL.
std::string PlaceKey(std::string_view text);

class Database;
// Registers capdev_fold(text) (migrations backfill with it) and
// capdev_place_key(text) on the connection.
void RegisterFold(Database& db);

}  // namespace capdev::storage
