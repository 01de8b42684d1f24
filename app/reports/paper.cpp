#include "app/reports/paper.hpp"

#include "app/i18n/catalog.hpp"
#include "app/reports/document.hpp"

namespace capdev::reports {

using domain::Language;

std::string Both(std::string_view key) {
  return HtmlEscape(i18n::Text(Language::kZh, key)) +
         " / <span class=\"en\" lang=\"en\">" +
         HtmlEscape(i18n::Text(Language::kEn, key)) + "</span>";
}

std::string BothPlain(std::string_view key) {
  return i18n::Text(Language::kZh, key) + " / " +
         i18n::Text(Language::kEn, key);
}

}  // namespace capdev::reports
