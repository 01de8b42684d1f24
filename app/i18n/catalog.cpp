#include "app/i18n/catalog.hpp"

#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>

#include <boost/json/parse.hpp>
#include <map>
#include <vector>

#include "app/i18n/catalog_files.hpp"

namespace capdev::i18n {

namespace {

using Entries = std::map<std::string, std::string, std::less<>>;

Entries Load(std::string_view json) {
  Entries entries;
  const boost::json::value parsed = boost::json::parse(json);
  for (const auto& [key, value] : parsed.as_object()) {
    entries.emplace(key, value.as_string());
  }
  return entries;
}

const Entries& Catalog(Language language) {
  // Parsed once; read-only afterwards, so every thread may read it.
  static const Entries en = Load(EnCatalog());
  static const Entries zh = Load(ZhCatalog());
  return language == Language::kZh ? zh : en;
}

const char* Locale(Language language) {
  return language == Language::kZh ? "zh_CN" : "en";
}

std::string Joined(Language language, const domain::CountList& list) {
  std::vector<icu::UnicodeString> items;
  items.reserve(list.counts.size());
  for (const auto& [name, n] : list.counts) {
    items.push_back(icu::UnicodeString::fromUTF8(
        Render(language, domain::Message(list.prefix + name, {{"n", n}}))));
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::ListFormatter> format(icu::ListFormatter::createInstance(
      icu::Locale(Locale(language)), status));
  icu::UnicodeString out;
  if (U_SUCCESS(status)) {
    format->format(items.data(), static_cast<int32_t>(items.size()), out,
                   status);
  }
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

icu::Formattable Value(Language language, const domain::Arg& arg) {
  return std::visit(
      [&](const auto& v) -> icu::Formattable {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::int64_t>) {
          return icu::Formattable(static_cast<int64_t>(v));
        } else if constexpr (std::is_same_v<V, double>) {
          return icu::Formattable(v);
        } else if constexpr (std::is_same_v<V, std::string>) {
          return icu::Formattable(icu::UnicodeString::fromUTF8(v));
        } else if constexpr (std::is_same_v<V, domain::CountList>) {
          return icu::Formattable(
              icu::UnicodeString::fromUTF8(Joined(language, v)));
        } else {
          return icu::Formattable(
              icu::UnicodeString::fromUTF8(Text(language, v.key)));
        }
      },
      arg.value());
}

}  // namespace

std::string_view Tag(Language language) {
  return language == Language::kZh ? "zh" : "en";
}

std::optional<Language> ParseTag(std::string_view tag) {
  if (tag == "en") return Language::kEn;
  if (tag == "zh") return Language::kZh;
  return std::nullopt;
}

Language FromAcceptLanguage(std::string_view header) {
  // The first range that names one of ours wins; q-values are in the
  // order browsers send them (descending), so order is enough.
  std::size_t at = 0;
  while (at < header.size()) {
    auto end = header.find(',', at);
    if (end == std::string_view::npos) end = header.size();
    auto range = header.substr(at, end - at);
    range = range.substr(0, range.find(';'));
    while (!range.empty() && range.front() == ' ') range.remove_prefix(1);
    while (!range.empty() && range.back() == ' ') range.remove_suffix(1);
    std::string lower;
    for (char c : range)
      lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "zh" || lower.starts_with("zh-")) {
      // Traditional script alone is not ours; Simplified is the closest we
      // have.
      return Language::kZh;
    }
    if (lower == "en" || lower.starts_with("en-")) return Language::kEn;
    at = end + 1;
  }
  return Language::kEn;
}

bool Has(Language language, std::string_view key) {
  const auto& c = Catalog(language);
  return c.find(key) != c.end();
}

std::string Text(Language language, std::string_view key) {
  const auto& c = Catalog(language);
  const auto it = c.find(key);
  return it == c.end() ? std::string(key) : it->second;
}

std::string Render(Language language, const domain::Message& message) {
  const auto& c = Catalog(language);
  const auto it = c.find(message.key());
  if (it == c.end()) return std::string(message.key());
  const std::string& pattern = it->second;
  if (message.args().empty() && pattern.find('{') == std::string::npos) {
    return pattern;
  }
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, arg] : message.args()) {
    names.push_back(icu::UnicodeString::fromUTF8(name));
    values.push_back(Value(language, arg));
  }
  // Compiled per call: a MessageFormat is not shared between threads, and
  // texts with values are errors and headings, not hot loops.
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern),
                            icu::Locale(Locale(language)), parse_error, status);
  icu::UnicodeString out;
  if (U_SUCCESS(status)) {
    format.format(names.data(), values.data(),
                  static_cast<int32_t>(names.size()), out, status);
  }
  if (U_FAILURE(status)) return pattern;
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::vector<std::string> CatalogFaults() {
  std::vector<std::string> faults;
  for (const auto language : kLanguages) {
    const auto other =
        language == Language::kEn ? Language::kZh : Language::kEn;
    for (const auto& [key, pattern] : Catalog(language)) {
      if (!Has(other, key)) {
        faults.push_back(key + " (" + std::string(Tag(language)) +
                         "): only in " + std::string(Tag(language)));
      }
      if (pattern.find_first_of("{}'") == std::string::npos) continue;
      UErrorCode status = U_ZERO_ERROR;
      UParseError parse_error;
      icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern),
                                icu::Locale(Locale(language)), parse_error,
                                status);
      if (U_FAILURE(status)) {
        faults.push_back(key + " (" + std::string(Tag(language)) +
                         "): " + u_errorName(status));
      }
    }
  }
  return faults;
}

std::string LogText(const domain::Status& status) {
  if (!status.log_detail().empty()) return status.log_detail();
  std::string text = Render(Language::kEn, status.detail());
  for (const auto& e : status.errors())
    text += "; " + e.field + ": " + Render(Language::kEn, e.message);
  return text;
}

std::string_view CatalogJson(Language language) {
  return language == Language::kZh ? ZhCatalog() : EnCatalog();
}

}  // namespace capdev::i18n
