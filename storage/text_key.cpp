#include "storage/text_key.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <stdexcept>
#include <string>

#include "storage/database.hpp"
#include "storage/romanize.hpp"
#include "storage/row_mapping.hpp"

namespace capdev::storage {

std::string FoldKey(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const auto* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold missing");
  const auto source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const auto folded = fold->normalize(source, status);
  if (U_FAILURE(status)) return std::string(text);  // ill-formed input
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string PlaceKey(std::string_view text) {
  // Folded first: NFKC makes an ideographic or no-break space a plain one.
  const std::string folded = FoldKey(text);
  std::string out;
  for (char c : folded) {
    if (std::isspace(static_cast<unsigned char>(c)) == 0) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string PersonSearchKey(std::string_view full_name,
                            std::optional<std::string_view> native_name,
                            std::optional<std::string_view> email) {
  std::string key = CompactKey(full_name) + kListSeparator;
  if (native_name) {
    key += CompactKey(*native_name) + kListSeparator;
    if (auto latin = LatinNameOf(*native_name))
      key += CompactKey(*latin) + kListSeparator;
  }
  // Compact like the query: "wang.fang@mfa.gov.cn" is found as typed.
  if (email) key += CompactKey(*email) + kListSeparator;
  return key;
}

namespace {

std::unique_ptr<icu::Collator> MakeCollator(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> c(
      icu::Collator::createInstance(locale, status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU collator missing");
  return c;
}

// One collator per thread: ICU collators are not to be shared while in use.
const icu::Collator& NameCollator() {
  thread_local const auto collator = MakeCollator(icu::Locale::getRoot());
  return *collator;
}

// Chinese order: Han characters by their pinyin (ICU's zh collation),
// Latin letters among them as pinyin is spelled.
const icu::Collator& ChineseCollator() {
  thread_local const auto collator = MakeCollator(icu::Locale("zh"));
  return *collator;
}

int Compare(const icu::Collator& collator, std::string_view a,
            std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  const auto order = collator.compareUTF8(
      icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) return a.compare(b);
  return static_cast<int>(order);
}

}  // namespace

int CompareNames(std::string_view a, std::string_view b) {
  return Compare(NameCollator(), a, b);
}

int CompareChineseNames(std::string_view a, std::string_view b) {
  return Compare(ChineseCollator(), a, b);
}

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

void RegisterFold(Database& db) {
  auto* handle = db.raw().getHandle();
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
