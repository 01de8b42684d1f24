#include "storage/text_key.hpp"

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <stdexcept>
#include <string>

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

}  // namespace capdev::storage
