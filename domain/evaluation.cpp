#include "domain/evaluation.hpp"

#include <cmath>
#include <set>

#include "domain/concat.hpp"
#include "domain/validation.hpp"

namespace capdev::domain {

namespace {

// Keys head columns of sheets and grids: short, lower-case ASCII.
bool IsKey(const std::string& key) {
  if (key.empty() || key.size() > 32) return false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  }
  return true;
}

bool Scored(const Item& item) {
  return (item.type == ItemType::kSingleChoice && item.correct_option) ||
         item.type == ItemType::kScore;
}

void CheckItem(Errors& e, const std::string& at, const Item& item,
               QuestionnaireKind kind) {
  if (!IsKey(item.key)) e.Add(at + "key", kInvalid, "error.item_key");
  e.Required(at + "type", item.type);
  e.Required(at + "text", item.text);
  e.MaxLength(at + "text", item.text, kMaxItemText);
  e.Required(at + "native_text", item.native_text);
  e.MaxLength(at + "native_text", item.native_text, kMaxItemText);
  const bool choice = item.type == ItemType::kSingleChoice;
  if (choice) {
    if (item.options.size() < 2 || item.options.size() > kMaxOptions) {
      e.Add(at + "options", kOutOfRange,
            Message("error.options_count", {{"max", kMaxOptions}}));
    }
    for (std::size_t k = 0; k < item.options.size(); ++k) {
      const std::string o = Concat(at, "options[", std::to_string(k), "].");
      e.Required(o + "text", item.options[k].text);
      e.MaxLength(o + "text", item.options[k].text, kMaxItemText);
      e.Required(o + "native_text", item.options[k].native_text);
      e.MaxLength(o + "native_text", item.options[k].native_text, kMaxItemText);
    }
    if (item.correct_option &&
        (*item.correct_option < 1 ||
         *item.correct_option > std::ssize(item.options))) {
      e.Add(at + "correct_option", kOutOfRange, "error.correct_option");
    }
  } else {
    if (!item.options.empty())
      e.Add(at + "options", kNotAllowed, "error.only_single_choice");
    if (item.correct_option)
      e.Add(at + "correct_option", kNotAllowed, "error.only_single_choice");
  }
  if (item.type == ItemType::kScore) {
    if (!item.max_score || *item.max_score < 1 ||
        *item.max_score > kMaxItemScore) {
      e.Add(
          at + "max_score", kOutOfRange,
          Message("error.out_of_range", {{"min", 1}, {"max", kMaxItemScore}}));
    }
  } else if (item.max_score) {
    e.Add(at + "max_score", kNotAllowed, "error.only_score_items");
  }
  if (kind == QuestionnaireKind::kKnowledgeTest && item.type &&
      item.type != ItemType::kText && !Scored(item)) {
    e.Add(at + "correct_option", kRequired, "error.test_item_unscored");
  }
  if (kind != QuestionnaireKind::kKnowledgeTest && Scored(item)) {
    e.Add(at + "type", kNotAllowed, "error.scored_item_in_survey");
  }
}

const Item* FindItem(const Questionnaire& q, const std::string& key) {
  for (const auto& item : q.items) {
    if (item.key == key) return &item;
  }
  return nullptr;
}

const double* Number(const Answers& answers, const std::string& key) {
  const auto at = answers.find(key);
  return at == answers.end() ? nullptr : std::get_if<double>(&at->second);
}

}  // namespace

Status Validate(const Questionnaire& q) {
  Errors e;
  e.Required("kind", q.kind);
  e.Required("title", q.title);
  e.MaxLength("title", q.title, kMaxName);
  e.MaxLength("native_title", q.native_title, kMaxName);
  if (q.items.empty()) e.Add("items", kRequired, "error.items_required");
  if (!e.AtMost("items", q.items.size(), kMaxItems, Term{"error.noun.items"}))
    return e.ToStatus();
  e.Distinct("items", q.items, [](const Item& i) { return i.key; });
  for (std::size_t k = 0; k < q.items.size(); ++k) {
    CheckItem(e, Concat("items[", std::to_string(k), "]."), q.items[k],
              q.kind.value_or(QuestionnaireKind::kReaction));
  }
  return e.ToStatus();
}

QuestionnaireKind KindFor(EvaluationStage stage) {
  switch (stage) {
    case EvaluationStage::kPre:
    case EvaluationStage::kPost:
      return QuestionnaireKind::kKnowledgeTest;
    case EvaluationStage::kReaction:
      return QuestionnaireKind::kReaction;
    case EvaluationStage::kFollowUp:
      return QuestionnaireKind::kFollowUp;
  }
  return QuestionnaireKind::kReaction;
}

Status ValidateEvaluations(
    const std::vector<Evaluation>& evaluations,
    const std::map<std::int64_t, Questionnaire>& questionnaires,
    std::int64_t project_id) {
  Errors e;
  e.Distinct("", evaluations, [](const Evaluation& v) { return v.stage; });
  std::optional<std::int64_t> test;
  for (std::size_t k = 0; k < evaluations.size(); ++k) {
    const auto& v = evaluations[k];
    const std::string at = Concat("[", std::to_string(k), "].");
    const auto q = questionnaires.find(v.questionnaire_id);
    if (q == questionnaires.end() || q->second.project_id != project_id) {
      e.Add(at + "questionnaire_id", kNotFound,
            Message("error.questionnaire_of_other_project",
                    {{"id", std::to_string(v.questionnaire_id)}}));
    } else if (q->second.kind != KindFor(v.stage)) {
      e.Add(at + "questionnaire_id", kInvalid,
            Message("error.stage_takes_kind",
                    {{"stage", Term{Concat("enum.stage.", ToText(v.stage))}},
                     {"kind", Term{Concat("enum.questionnaire_kind.",
                                          ToText(KindFor(v.stage)))}}}));
    } else if (KindFor(v.stage) == QuestionnaireKind::kKnowledgeTest) {
      if (test && *test != v.questionnaire_id)
        e.Add(at + "questionnaire_id", kInvalid, "error.pre_post_same_test");
      test = v.questionnaire_id;
    }
    if (v.opens_at && v.closes_at && *v.closes_at <= *v.opens_at) {
      e.Add(at + "closes_at", kNotBefore,
            Message("error.not_before", {{"other", FieldTerm("opens_at")}}));
    }
  }
  return e.ToStatus();
}

bool IsOpen(const Evaluation& v, std::int64_t now) {
  return (!v.opens_at || now >= *v.opens_at) &&
         (!v.closes_at || now < *v.closes_at);
}

Status ValidateAnswers(const Questionnaire& q, const Answers& answers) {
  Errors e;
  for (const auto& [key, value] : answers) {
    const std::string at = "answers." + key;
    const Item* item = FindItem(q, key);
    if (!item) {
      e.Add(at, kNotAllowed, "error.no_such_item");
      continue;
    }
    const auto* n = std::get_if<double>(&value);
    if (item->type == ItemType::kText) {
      const auto* t = std::get_if<std::string>(&value);
      if (!t) {
        e.Add(at, kInvalid, "error.expected_text");
      } else {
        e.LongText(at, *t);
      }
      continue;
    }
    if (!n || !std::isfinite(*n)) {
      e.Add(at, kInvalid, "error.expected_number");
      continue;
    }
    double max = 0;
    bool whole = true;
    switch (item->type.value_or(ItemType::kText)) {
      case ItemType::kLikert5:
        max = 5;
        break;
      case ItemType::kSingleChoice:
        max = static_cast<double>(item->options.size());
        break;
      case ItemType::kScore:
        max = static_cast<double>(item->max_score.value_or(0));
        whole = false;
        break;
      case ItemType::kText:
        break;
    }
    const double min = item->type == ItemType::kScore ? 0 : 1;
    // Paper tests are marked in halves at the finest.
    const bool step =
        whole ? *n == std::floor(*n) : *n * 2 == std::floor(*n * 2);
    if (*n < min || *n > max || !step) {
      e.Add(at, kOutOfRange,
            Message(whole ? "error.out_of_range" : "error.score_range",
                    {{"min", min}, {"max", max}}));
    }
  }
  return e.ToStatus();
}

std::optional<double> ScorePercent(const Questionnaire& q,
                                   const Answers& answers) {
  double points = 0;
  double max = 0;
  for (const auto& item : q.items) {
    if (!Scored(item)) continue;
    const double* n = Number(answers, item.key);
    if (item.type == ItemType::kScore) {
      max += static_cast<double>(item.max_score.value_or(0));
      if (n) points += *n;
    } else {
      max += 1;
      if (n && *n == static_cast<double>(item.correct_option.value_or(0)))
        points += 1;
    }
  }
  if (max == 0) return std::nullopt;
  return 100 * points / max;
}

std::optional<double> LikertMean(const Questionnaire& q,
                                 const Answers& answers) {
  double sum = 0;
  int n = 0;
  for (const auto& item : q.items) {
    if (item.type != ItemType::kLikert5) continue;
    if (const double* v = Number(answers, item.key)) {
      sum += *v;
      ++n;
    }
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace capdev::domain
