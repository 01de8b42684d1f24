#pragma once
// A report's words and values in its reader's language: catalog entries
// (app/i18n/LANG.json, `report.*` and `figure.*`), enumeration labels, dates
// and numbers (ICU), and names in the script the language reads. One per
// report being laid out: it holds ICU formatters, never shared between
// threads.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/i18n/catalog.hpp"
#include "app/i18n/locale_format.hpp"
#include "app/reports/document.hpp"
#include "domain/enums.hpp"
#include "domain/reports.hpp"

namespace capdev::reports {

using domain::Language;

// The catalog's kind of an enumeration's labels: "enum.<kind>.<value>".
template <class E>
inline constexpr std::string_view kEnumKind = {};
template <>
inline constexpr std::string_view kEnumKind<domain::ProjectRole> =
    "project_role";
template <>
inline constexpr std::string_view kEnumKind<domain::WorkshopKind> =
    "workshop_kind";
template <>
inline constexpr std::string_view kEnumKind<domain::WorkshopStatus> =
    "workshop_status";
template <>
inline constexpr std::string_view kEnumKind<domain::Gender> = "gender";
template <>
inline constexpr std::string_view kEnumKind<domain::RegistrationRole> =
    "registration_role";
template <>
inline constexpr std::string_view kEnumKind<domain::Mark> = "attendance";
template <>
inline constexpr std::string_view kEnumKind<domain::ResultLevel> =
    "result_level";
template <>
inline constexpr std::string_view kEnumKind<domain::IndicatorSource> =
    "indicator_source";
template <>
inline constexpr std::string_view kEnumKind<domain::Disaggregation> =
    "disaggregation";
template <>
inline constexpr std::string_view kEnumKind<domain::QuestionnaireKind> =
    "questionnaire_kind";
template <>
inline constexpr std::string_view kEnumKind<domain::ItemType> = "item_type";
template <>
inline constexpr std::string_view kEnumKind<domain::EvaluationStage> = "stage";

class Texts {
 public:
  explicit Texts(Language language,
                 const domain::NativeNames* natives = nullptr)
      : format_(language), natives_(natives) {}

  Language language() const { return format_.language(); }
  const i18n::LocaleFormat& format() const { return format_; }

  // A catalog entry, without values or with them.
  std::string operator()(std::string_view key) const {
    return i18n::Text(language(), key);
  }
  std::string operator()(const char* key) const {
    return i18n::Text(language(), key);
  }
  std::string operator()(const std::string& key) const {
    return i18n::Text(language(), key);
  }
  std::string operator()(const domain::Message& message) const {
    return i18n::Render(language(), message);
  }

  // An enumeration value's label ("lead_funder" → Lead funder, 主要资助方).
  template <domain::Enumeration E>
  std::string Label(E value) const {
    return (*this)("enum." + std::string(kEnumKind<E>) + "." +
                   std::string(domain::ToText(value)));
  }
  template <domain::Enumeration E>
  std::string Label(const std::optional<E>& value) const {
    return value ? Label(*value) : std::string();
  }
  // A gender as a report's group names it (a value, or not recorded).
  std::string GenderLabel(const std::optional<std::string>& gender) const;
  // An indicator's measure: the figure's label.
  std::string MeasureLabel(domain::Measure measure) const;

  // An organization by its name: in Chinese, its Chinese name where it has
  // one; in English, its name.
  std::string Organization(const std::string& name) const;
  // Organizations (sorted by name) as the language names and orders them.
  std::vector<std::string> Organizations(std::vector<std::string> names) const;
  // A person: in Chinese, the Chinese name where there is one; in English,
  // the Latin name with the Chinese beside it.
  std::string Person(const std::string& full_name,
                     const std::optional<std::string>& native_name) const;
  // A project's title: in Chinese, its Chinese title where it has one.
  std::string Title(const std::string& title,
                    const std::optional<std::string>& native_title) const;

  // Cells: a count, a number (up to two decimals), an amount, a date, a
  // percentage ("n/a" without one), each stored typed for a workbook.
  DocCell Count(std::int64_t n) const;
  DocCell Count(const std::optional<std::int64_t>& n) const;
  DocCell Number(const std::optional<double>& v) const;
  DocCell Amount(const std::optional<double>& v) const;
  DocCell Date(const std::optional<domain::Date>& day) const;
  DocCell Percent(std::optional<double> rate) const;
  // "10–12 Mar 2025", "Dates unknown", "… (estimated)".
  std::string Dates(const std::optional<domain::Date>& start,
                    const std::optional<domain::Date>& end,
                    bool estimated) const;
  // "1 Jan 2025 to 31 Dec 2025".
  std::string Period(domain::Date from, domain::Date to) const;
  // Now, as the report's "Generated" fact.
  std::string Now() const;
  // A text, or "(not recorded)".
  std::string OrNotRecorded(const std::optional<std::string>& text) const;
  // Items joined as the language lists them ("a; b", "a、b").
  std::string Join(const std::vector<std::string>& items) const;

 private:
  i18n::LocaleFormat format_;
  const domain::NativeNames* natives_;
};

// What the figures mean: a report's `definitions`, each figure's label and
// definition from the catalog (figure.<name>.label, .definition).
enum class Figure {
  kWorkshopsHeld,
  kPeopleTrained,
  kParticipations,
  kParticipantDays,
  kParticipantsRegistered,
  kCompleted,
  kPeopleCompleted,
  kAttendanceRate,
  kTrainers,
  kReportedHeadcount,
  kEstimatedParticipantDays,
  kParticipants,
  kAgenciesReached,
  kTrainerInstitutions,
  kDatesUncertain,
  kFemaleShare,
  // Evaluation (domain/evaluation_figures.hpp).
  kResponseRate,
  kSatisfactionMean,
  kSatisfiedShare,
  kPreMean,
  kPostMean,
  kPaired,
  kMeanGain,
  kNormalizedGain,
  kImprovedShare,
  kMasteryShare,
};
std::string FigureLabel(const Texts& texts, Figure figure);
std::string FigureDefinition(const Texts& texts, Figure figure,
                             int completion_threshold);
// The definitions of `figures`, for a Document.
std::vector<std::pair<std::string, std::string>> Definitions(
    const Texts& texts, const std::vector<Figure>& figures,
    int completion_threshold);

}  // namespace capdev::reports
