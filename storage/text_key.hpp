#pragma once
// Keys for comparing text the way people read it: Unicode NFKC with case
// folding (ICU), so that "Pär", "PÄR" and a decomposed "Pär" are one name,
// and a search for "pär" finds "PÄR". Stored next to the text (unique_key,
// search_key); SQLite also offers them in SQL (storage/sqlite/sql_functions).

#include <optional>
#include <string>
#include <string_view>

namespace capdev::storage {

std::string FoldKey(std::string_view text);

// A place's key (venues, cities): FoldKey with every run of white space one
// space and none at either end, so "Room  B" pasted with two spaces, or with
// an ideographic space, is the same room.
std::string PlaceKey(std::string_view text);

// What `q` on people compares: each name reduced by CompactKey (case,
// spaces, hyphens ignored), the toneless pinyin of a Chinese name (王芳 ->
// "wangfang"), and the email, each reduced by CompactKey and joined by
// kListSeparator. A query
// matches when its CompactKey is a substring.
std::string PersonSearchKey(std::string_view full_name,
                            std::optional<std::string_view> native_name,
                            std::optional<std::string_view> email);

// Orders names as people read them (ICU's root collation: case and accents
// after the letters, digits by value), not by code point.
int CompareNames(std::string_view a, std::string_view b);
// Orders names as a Chinese reader does: Han characters in pinyin order.
int CompareChineseNames(std::string_view a, std::string_view b);

}  // namespace capdev::storage
