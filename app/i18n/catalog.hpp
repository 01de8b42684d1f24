#pragma once
// The catalogs: every text a person reads, one JSON file per language
// (app/i18n/en.json, zh.json; keys in dots, values ICU MessageFormat), compiled
// into the binary and served to the web app at /assets/i18n/LANG.json. The
// server renders problem+json, reports and sheets from them; the web app its
// screens. To add a language: add its file, a value to domain::Language and
// its tag below (README "Languages").

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/message.hpp"
#include "domain/status.hpp"

namespace capdev::i18n {

using domain::Language;

inline constexpr Language kLanguages[] = {Language::kEn, Language::kZh};

// "en", "zh": the `language` of a user, `lang=` of a report.
std::string_view Tag(Language language);
std::optional<Language> ParseTag(std::string_view tag);
// The language an Accept-Language header prefers among ours (zh, zh-CN,
// zh-Hans → Chinese); English when it names none of them.
Language FromAcceptLanguage(std::string_view header);

// `message` in `language`: its catalog entry with the values put in (a
// Term value is itself looked up). A key missing from the catalog renders as
// the key: the catalog test keeps that from shipping.
std::string Render(Language language, const domain::Message& message);
// A catalog entry without values ("report.funder.title").
std::string Text(Language language, std::string_view key);
bool Has(Language language, std::string_view key);

// What is wrong with the catalogs: a key one language lacks, a pattern ICU
// cannot read ("error.x (zh): ..."); empty when they are sound.
std::vector<std::string> CatalogFaults();

// A status's text for the operator's log: in English, a bug's own detail.
std::string LogText(const domain::Status& status);

// The catalog file as served to the web app.
std::string_view CatalogJson(Language language);

}  // namespace capdev::i18n
