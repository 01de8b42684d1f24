#include "app/reports/verify_page.hpp"

#include "app/i18n/catalog.hpp"
#include "app/i18n/local_time.hpp"
#include "app/i18n/locale_format.hpp"
#include "app/reports/document.hpp"

namespace capdev::reports {

namespace {

constexpr const char* kVerifyStyle = R"css(
  body { font: 16px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; color: #1b1b1f;
         margin: 0; background: #f4f5f7; }
  main { max-width: 34rem; margin: 0 auto; padding: 1.25rem; }
  h1 { font-size: 1.25rem; margin: 0.5rem 0 1rem; }
  .card { background: #fff; border-radius: 8px; padding: 1.25rem; box-shadow: 0 1px 3px #0002; }
  .status { font-size: 1.35rem; font-weight: 700; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem;
            border-radius: 6px; }
  .valid { background: #e3f4e8; color: #14532d; }
  .revoked, .unknown { background: #fde8e8; color: #7f1d1d; }
  dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1rem; }
  dt { color: #555; }
  dd { margin: 0; overflow-wrap: anywhere; }
  form { margin-top: 1.25rem; display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: end; }
  label { flex: 1 1 100%; }
  input[name=code] { flex: 1 1 12rem; }
  input { font: inherit; padding: 0.5rem; border: 1px solid #888; border-radius: 4px; }
  button { font: inherit; padding: 0.5rem 1rem; border: 0; border-radius: 4px; background: #1f3a5f; color: #fff; }
  nav { margin: 1rem 0 0; }
  a { color: #1f3a5f; }
  code { font-size: 1.05rem; letter-spacing: 0.05em; }
)css";

std::string Row(const std::string& term, const std::string& value) {
  return "<dt>" + HtmlEscape(term) + "</dt><dd>" + value + "</dd>\n";
}

std::string Names(const std::string& first,
                  const std::optional<std::string>& second) {
  std::string out = HtmlEscape(first);
  if (second && !second->empty() && *second != first) {
    out += " / " + HtmlEscape(*second);
  }
  return out;
}

std::string Details(domain::Language language, const Verified& v) {
  const auto t = [&](std::string_view key) {
    return i18n::Text(language, key);
  };
  const auto& c = v.certificate;
  const i18n::LocaleFormat format(language);
  const bool zh = language == domain::Language::kZh;
  std::string h;
  const bool valid = !c.revoked_at;
  h += std::string("<p class=\"status ") + (valid ? "valid" : "revoked") +
       "\" role=\"status\">" +
       HtmlEscape(t(valid ? "verify.valid" : "verify.revoked")) +
       "</p>\n<dl>\n";
  h += Row(t("verify.holder"),
           zh ? Names(v.native_name.value_or(v.full_name), v.full_name)
              : Names(v.full_name, v.native_name));
  h +=
      Row(t("verify.kind"), HtmlEscape(t("certificate.heading." +
                                         std::string(domain::ToText(c.kind)))));
  h += Row(t("verify.workshop"),
           zh ? Names(v.workshop.native_title.value_or(v.workshop.title),
                      v.workshop.title)
              : Names(v.workshop.title, v.workshop.native_title));
  std::string when;
  if (v.workshop.start_date && v.workshop.end_date) {
    when = format.DateRange(*v.workshop.start_date, *v.workshop.end_date);
  } else if (v.workshop.stated_dates) {
    when = *v.workshop.stated_dates;
  }
  if (v.workshop.city) when += (when.empty() ? "" : " · ") + *v.workshop.city;
  if (!when.empty()) h += Row(t("verify.when"), HtmlEscape(when));
  h +=
      Row(t("verify.issued"),
          HtmlEscape(format.Instant(i18n::UnixToLocalIso(c.issued_at, "UTC"))));
  if (c.revoked_at) {
    h += Row(
        t("verify.revoked_on"),
        HtmlEscape(format.Instant(i18n::UnixToLocalIso(*c.revoked_at, "UTC"))));
  }
  h += Row(t("verify.code"),
           "<code>" + HtmlEscape(domain::GroupedCode(c.code)) + "</code>");
  return h + "</dl>\n";
}

}  // namespace

std::string RenderVerifyPage(domain::Language language,
                             const VerifyOutcome& outcome,
                             const std::string& typed) {
  const auto& found = outcome.found;
  const auto t = [&](std::string_view key) {
    return HtmlEscape(i18n::Text(language, key));
  };
  const bool zh = language == domain::Language::kZh;
  std::string h = std::string("<!doctype html>\n<html lang=\"") +
                  (zh ? "zh-CN" : "en") +
                  "\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
                  "name=\"viewport\" content=\"width=device-width, "
                  "initial-scale=1\">\n<meta name=\"robots\" "
                  "content=\"noindex\">\n<link rel=\"icon\" "
                  "href=\"data:,\">\n<title>" +
                  t("verify.title") + "</title>\n<style>" + kVerifyStyle +
                  "</style>\n</head>\n<body>\n<main>\n<h1>" +
                  t("verify.title") + "</h1>\n<div class=\"card\">\n";
  if (found) {
    h += Details(language, *found);
  } else if (outcome.too_many) {
    h += "<p class=\"status unknown\" role=\"status\">" + t("verify.too_many") +
         "</p>\n";
  } else if (!typed.empty()) {
    h += "<p class=\"status unknown\" role=\"status\">" + t("verify.unknown") +
         "</p>\n<p>" + t("verify.unknown_hint") + "</p>\n";
  } else {
    h += "<p>" + t("verify.intro") + "</p>\n";
  }
  const std::string lang = zh ? "zh" : "en";
  h += "<form method=\"get\" action=\"/verify\">\n<input type=\"hidden\" "
       "name=\"lang\" value=\"" +
       lang + "\">\n<label for=\"code\">" + t("verify.code_label") +
       "</label>\n<input id=\"code\" name=\"code\" autocomplete=\"off\" "
       "autocapitalize=\"characters\" spellcheck=\"false\" value=\"" +
       HtmlEscape(found ? "" : typed) + "\">\n<button>" + t("verify.check") +
       "</button>\n</form>\n</div>\n<nav><a href=\"" +
       (found ? "/verify/" + found->certificate.code : std::string("/verify")) +
       (zh ? "?lang=en\" lang=\"en\">English"
           : "?lang=zh\" lang=\"zh-CN\">中文") +
       "</a></nav>\n</main>\n</body>\n</html>\n";
  return h;
}

}  // namespace capdev::reports
