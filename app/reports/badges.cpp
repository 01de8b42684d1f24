#include "app/reports/badges.hpp"

#include <map>

#include "app/formats/qr_svg.hpp"
#include "app/reports/document.hpp"
#include "app/reports/paper.hpp"

namespace capdev::reports {

namespace {

// Two cards across, four down: 9.5 × 6.9 cm each, cut along the dashes.
constexpr const char* kBadgeStyle = R"css(
  @page { size: A4; margin: 1cm; }
  body { font: 10pt/1.25 "Helvetica Neue", Arial, "Noto Sans CJK SC", sans-serif; color: #111; margin: 0; }
  .cards { display: grid; grid-template-columns: 9.5cm 9.5cm; grid-auto-rows: 6.9cm; }
  .card { box-sizing: border-box; border: 1px dashed #999; padding: 0.45cm 0.5cm; display: grid;
          grid-template-columns: 1fr 3.1cm; grid-template-rows: auto 1fr auto; column-gap: 0.3cm;
          break-inside: avoid; page-break-inside: avoid; overflow: hidden; }
  .card:nth-child(8n+1) { break-before: page; page-break-before: always; }
  .card:first-child { break-before: auto; page-break-before: auto; }
  .workshop { grid-column: 1 / 3; font-size: 7.5pt; color: #555; margin: 0 0 0.2cm;
              white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .who { align-self: center; min-width: 0; }
  .native { font-size: 22pt; font-weight: bold; line-height: 1.15; overflow-wrap: anywhere; }
  .latin { font-size: 12pt; margin-top: 0.1cm; overflow-wrap: anywhere; }
  .organization { font-size: 8.5pt; color: #333; margin-top: 0.25cm; overflow-wrap: anywhere; }
  .qr { align-self: center; }
  .qr svg { width: 3.1cm; height: 3.1cm; display: block; }
  .code { grid-column: 1 / 3; font-size: 8.5pt; margin: 0.15cm 0 0; }
  .code b { font: bold 12pt/1 "DejaVu Sans Mono", monospace; letter-spacing: 0.08em; }
  .en { color: #555; }
  .none { font-style: italic; }
  @media screen { body { max-width: 21cm; margin: 1rem auto; } }
)css";

}  // namespace

std::string RenderBadges(const domain::Workshop& workshop,
                         const std::vector<storage::SignInPerson>& people,
                         const std::vector<storage::ParticipantLink>& links,
                         const std::string& base_url) {
  std::map<std::int64_t, const storage::ParticipantLink*> link_of;
  for (const auto& l : links) link_of[l.person_id] = &l;
  std::string h =
      "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
      "charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n<title>" +
      HtmlEscape(BothPlain("report.badges.title")) + " — " +
      HtmlEscape(workshop.title) + "</title>\n<style>" + kBadgeStyle +
      "</style>\n</head>\n<body>\n<main class=\"cards\">\n";
  std::size_t cards = 0;
  for (const auto& p : people) {
    const auto it = link_of.find(p.person_id);
    if (it == link_of.end()) continue;
    const auto& link = *it->second;
    ++cards;
    const bool native = p.native_name && !p.native_name->empty() &&
                        *p.native_name != p.full_name;
    h += "<section class=\"card\">\n<p class=\"workshop\">" +
         HtmlEscape(workshop.title) + "</p>\n<div class=\"who\">";
    h += native
             ? "<div class=\"native\" lang=\"zh\">" +
                   HtmlEscape(*p.native_name) + "</div><div class=\"latin\">" +
                   HtmlEscape(p.full_name) + "</div>"
             : "<div class=\"native\">" + HtmlEscape(p.full_name) + "</div>";
    h += "<div class=\"organization\">";
    if (p.organization_native && !p.organization_native->empty()) {
      h += "<div lang=\"zh\">" + HtmlEscape(*p.organization_native) + "</div>";
    }
    if (p.organization && p.organization != p.organization_native) {
      h += "<div class=\"en\">" + HtmlEscape(*p.organization) + "</div>";
    }
    h += "</div></div>\n<div class=\"qr\" role=\"img\" aria-label=\"" +
         HtmlEscape(BothPlain("report.badges.qr")) + "\">";
    const auto svg = formats::QrSvg(base_url + "/p/" + link.token);
    h += svg.value_or("");
    h += "</div>\n<p class=\"code\">" + Both("report.badges.code") + ": <b>" +
         HtmlEscape(link.code) + "</b></p>\n</section>\n";
  }
  h += "</main>\n";
  if (cards == 0) {
    h += "<p class=\"none\">" + Both("report.badges.none") + "</p>\n";
  }
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace capdev::reports
