#include "app/reports/evaluation_form.hpp"

#include "app/i18n/catalog.hpp"
#include "app/reports/document.hpp"
#include "app/reports/paper.hpp"

namespace capdev::reports {

namespace {

// Lines to write on (borders: browsers leave backgrounds out when printing).
constexpr const char* kLines =
    "<div class=\"lines\"><span></span><span></span><span></span></div>";

constexpr const char* kFormStyle = R"css(
@page { size: A4; margin: 14mm; }
body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; font-size: 11pt;
  color: #000; margin: 0 auto; max-width: 182mm; line-height: 1.45; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
.workshop { margin: 0 0 3mm; }
.en { color: #333; }
.who { display: flex; flex-wrap: wrap; gap: 4mm 10mm; margin: 0 0 4mm;
  padding: 2mm 0; border-top: 1px solid #000; border-bottom: 1px solid #000; }
.line { display: inline-block; min-width: 50mm; border-bottom: 1px solid #000; }
.note { font-size: 10pt; margin: 0 0 4mm; }
ol { padding-left: 7mm; margin: 0; }
li { break-inside: avoid; margin: 0 0 5mm; }
.q { font-weight: 600; }
.q .en { font-weight: 400; display: block; }
.key { font-family: monospace; font-size: 9pt; color: #555; }
.boxes { display: flex; flex-wrap: wrap; gap: 2mm 5mm; margin-top: 1.5mm; }
.box::before { content: "\2610"; font-size: 14pt; margin-right: 1.5mm; }
.options { list-style: none; padding: 0; margin: 1.5mm 0 0; }
.options li { margin: 0 0 1mm; }
.lines span { display: block; height: 7mm; border-bottom: 1px solid #777; }
@media screen { body { padding: 8mm; } }
)css";

std::string Bilingual(const std::string& zh, const std::string& en) {
  if (zh.empty() || zh == en) return HtmlEscape(en);
  return "<span lang=\"zh\">" + HtmlEscape(zh) +
         "</span> <span class=\"en\" lang=\"en\">" + HtmlEscape(en) + "</span>";
}

std::string Answer(const domain::Item& item) {
  switch (item.type.value_or(domain::ItemType::kText)) {
    case domain::ItemType::kLikert5: {
      static constexpr const char* kScale[] = {
          "report.form.likert_1", "report.form.likert_2",
          "report.form.likert_3", "report.form.likert_4",
          "report.form.likert_5"};
      std::string h = "<div class=\"boxes\">";
      for (int v = 1; v <= 5; ++v) {
        h += "<span class=\"box\">" + std::to_string(v) + " " +
             Both(kScale[v - 1]) + "</span>";
      }
      return h + "</div>";
    }
    case domain::ItemType::kSingleChoice: {
      std::string h = "<ul class=\"options\">";
      for (std::size_t k = 0; k < item.options.size(); ++k) {
        const auto& o = item.options[k];
        h += "<li class=\"box\">" + std::to_string(k + 1) + ". " +
             Bilingual(o.native_text, o.text) + "</li>";
      }
      return h + "</ul>";
    }
    case domain::ItemType::kScore:  // written out, marked by the trainer
      return kLines + std::string("<p>") +
             Both("report.form.marked_by_trainer") + ": <span " +
             "class=\"line\" style=\"min-width:20mm\"></span> / " +
             std::to_string(item.max_score.value_or(0)) + "</p>";
    case domain::ItemType::kText:
      return kLines;
  }
  return {};
}

}  // namespace

std::string RenderEvaluationForm(const domain::Workshop& workshop,
                                 const domain::Evaluation& evaluation,
                                 const domain::Questionnaire& q) {
  const std::string stage =
      "enum.stage." + std::string(domain::ToText(evaluation.stage));
  std::string h =
      "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
      "charset=\"utf-8\">\n<link rel=\"icon\" href=\"data:,\">\n<title>" +
      HtmlEscape(q.native_title.value_or(q.title)) + " / " +
      HtmlEscape(q.title) + "</title>\n<style>" + kFormStyle +
      "</style>\n</head>\n<body>\n<h1>" +
      Bilingual(q.native_title.value_or(""), q.title) +
      "</h1>\n<p class=\"workshop\">" + HtmlEscape(workshop.title) + " · " +
      Both(stage) + "</p>\n<div class=\"who\">";
  if (q.anonymous) {
    h += "<span>" + Both("report.form.anonymous") + "</span><span>" +
         Both("report.form.sex") + ": <span class=\"box\">" +
         Both("enum.gender.female") + "</span> <span class=\"box\">" +
         Both("enum.gender.male") + "</span></span>";
  } else {
    h += "<span>" + Both("report.form.name") +
         ": <span class=\"line\"></span></span><span>" +
         Both("report.form.organization") +
         ": <span class=\"line\"></span></span>";
  }
  h += "</div>\n<p class=\"note\">" + Both("report.form.instructions") +
       "</p>\n<ol>\n";
  for (const auto& item : q.items) {
    h += "<li><div class=\"q\">" + Bilingual(item.native_text, item.text) +
         " <span class=\"key\">[" + HtmlEscape(item.key) + "]</span></div>" +
         Answer(item) + "</li>\n";
  }
  return h + "</ol>\n</body>\n</html>\n";
}

}  // namespace capdev::reports
