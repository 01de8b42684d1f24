#include "storage/text_key.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <stdexcept>

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

namespace {
void SqlFold(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
    return sqlite3_result_null(ctx);
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const auto key = FoldKey(std::string_view(
      text, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))));
  sqlite3_result_text(ctx, key.data(), static_cast<int>(key.size()),
                      SQLITE_TRANSIENT);
}
}  // namespace

void RegisterFold(Database& db) {
  sqlite3_create_function(db.raw().getHandle(), "capdev_fold", 1,
                          SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, SqlFold,
                          nullptr, nullptr);
}

}  // namespace capdev::storage
