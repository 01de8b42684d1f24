#include "storage/text_key.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cctype>
#include <stdexcept>
#include <string>

#include "storage/database.hpp"

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

namespace {

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
}

}  // namespace capdev::storage
