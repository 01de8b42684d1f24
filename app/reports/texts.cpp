#include "app/reports/texts.hpp"

#include <algorithm>

#include "domain/person.hpp"

namespace capdev::reports {

namespace {

struct FigureKeys {
  const char* label;
  const char* definition;
};

// Written out whole: the catalogs' test finds each key in the code.
FigureKeys KeysOf(Figure figure) {
  switch (figure) {
    case Figure::kWorkshopsHeld:
      return {"figure.workshops_held.label",
              "figure.workshops_held.definition"};
    case Figure::kPeopleTrained:
      return {"figure.people_trained.label",
              "figure.people_trained.definition"};
    case Figure::kParticipations:
      return {"figure.participations.label",
              "figure.participations.definition"};
    case Figure::kParticipantDays:
      return {"figure.participant_days.label",
              "figure.participant_days.definition"};
    case Figure::kParticipantsRegistered:
      return {"figure.participants_registered.label",
              "figure.participants_registered.definition"};
    case Figure::kCompleted:
      return {"figure.completed.label", "figure.completed.definition"};
    case Figure::kPeopleCompleted:
      return {"figure.people_completed.label",
              "figure.people_completed.definition"};
    case Figure::kAttendanceRate:
      return {"figure.attendance_rate.label",
              "figure.attendance_rate.definition"};
    case Figure::kTrainers:
      return {"figure.trainers.label", "figure.trainers.definition"};
    case Figure::kReportedHeadcount:
      return {"figure.reported_headcount.label",
              "figure.reported_headcount.definition"};
    case Figure::kEstimatedParticipantDays:
      return {"figure.estimated_participant_days.label",
              "figure.estimated_participant_days.definition"};
    case Figure::kParticipants:
      return {"figure.participants.label", "figure.participants.definition"};
    case Figure::kAgenciesReached:
      return {"figure.agencies_reached.label",
              "figure.agencies_reached.definition"};
    case Figure::kTrainerInstitutions:
      return {"figure.trainer_institutions.label",
              "figure.trainer_institutions.definition"};
    case Figure::kDatesUncertain:
      return {"figure.dates_uncertain.label",
              "figure.dates_uncertain.definition"};
    case Figure::kFemaleShare:
      return {"figure.female_share.label", "figure.female_share.definition"};
    case Figure::kResponseRate:
      return {"figure.response_rate.label", "figure.response_rate.definition"};
    case Figure::kSatisfactionMean:
      return {"figure.satisfaction_mean.label",
              "figure.satisfaction_mean.definition"};
    case Figure::kSatisfiedShare:
      return {"figure.satisfied_share.label",
              "figure.satisfied_share.definition"};
    case Figure::kPreMean:
      return {"figure.pre_mean.label", "figure.pre_mean.definition"};
    case Figure::kPostMean:
      return {"figure.post_mean.label", "figure.post_mean.definition"};
    case Figure::kPaired:
      return {"figure.paired_n.label", "figure.paired_n.definition"};
    case Figure::kMeanGain:
      return {"figure.mean_gain.label", "figure.mean_gain.definition"};
    case Figure::kNormalizedGain:
      return {"figure.normalized_gain.label",
              "figure.normalized_gain.definition"};
    case Figure::kImprovedShare:
      return {"figure.improved_share.label",
              "figure.improved_share.definition"};
    case Figure::kMasteryShare:
      return {"figure.mastery_share.label", "figure.mastery_share.definition"};
  }
  return {"figure.people_trained.label", "figure.people_trained.definition"};
}

Figure FigureOf(domain::Measure measure) {
  using M = domain::Measure;
  switch (measure) {
    case M::kPeopleTrained:
      return Figure::kPeopleTrained;
    case M::kParticipations:
      return Figure::kParticipations;
    case M::kParticipantDays:
      return Figure::kParticipantDays;
    case M::kPeopleCompleted:
      return Figure::kPeopleCompleted;
    case M::kWorkshopsHeld:
      return Figure::kWorkshopsHeld;
    case M::kFemaleShare:
      return Figure::kFemaleShare;
    case M::kAgenciesReached:
      return Figure::kAgenciesReached;
    case M::kSatisfactionMean:
      return Figure::kSatisfactionMean;
    case M::kSatisfiedShare:
      return Figure::kSatisfiedShare;
    case M::kImprovedShare:
      return Figure::kImprovedShare;
    case M::kNormalizedGain:
      return Figure::kNormalizedGain;
    case M::kMasteryShare:
      return Figure::kMasteryShare;
    case M::kResponseRate:
      return Figure::kResponseRate;
  }
  return Figure::kPeopleTrained;
}

}  // namespace

std::string FigureLabel(const Texts& texts, Figure figure) {
  return texts(KeysOf(figure).label);
}

std::string FigureDefinition(const Texts& texts, Figure figure,
                             int completion_threshold) {
  return texts(domain::Message(KeysOf(figure).definition,
                               {{"threshold", completion_threshold}}));
}

std::vector<std::pair<std::string, std::string>> Definitions(
    const Texts& texts, const std::vector<Figure>& figures,
    int completion_threshold) {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(figures.size());
  for (const auto f : figures) {
    out.emplace_back(FigureLabel(texts, f),
                     FigureDefinition(texts, f, completion_threshold));
  }
  return out;
}

std::string Texts::GenderLabel(const std::optional<std::string>& gender) const {
  if (!gender) return (*this)("report.not_recorded");
  const auto value = domain::FromText<domain::Gender>(*gender);
  return value ? Label(*value) : *gender;
}

std::string Texts::MeasureLabel(domain::Measure measure) const {
  return FigureLabel(*this, FigureOf(measure));
}

std::string Texts::Organization(const std::string& name) const {
  if (language() != Language::kZh || !natives_) return name;
  const auto it = natives_->find(name);
  return it == natives_->end() ? name : it->second;
}

std::vector<std::string> Texts::Organizations(
    std::vector<std::string> names) const {
  if (language() != Language::kZh || !natives_) return names;
  for (auto& n : names) n = Organization(n);
  format_.Sort(names);
  return names;
}

std::string Texts::Person(const std::string& full_name,
                          const std::optional<std::string>& native_name) const {
  if (language() == Language::kZh)
    return native_name && !native_name->empty() ? *native_name : full_name;
  return domain::NameInBothScripts(full_name, native_name);
}

std::string Texts::Title(const std::string& title,
                         const std::optional<std::string>& native_title) const {
  if (language() == Language::kZh && native_title && !native_title->empty())
    return *native_title;
  return title;
}

DocCell Texts::Count(std::int64_t n) const {
  return {format_.Integer(n), static_cast<double>(n)};
}

DocCell Texts::Count(const std::optional<std::int64_t>& n) const {
  return n ? Count(*n) : DocCell();
}

DocCell Texts::Number(const std::optional<double>& v) const {
  if (!v) return {};
  return {format_.Number(*v), *v};
}

DocCell Texts::Amount(const std::optional<double>& v) const {
  if (!v) return {};
  return {format_.Amount(*v), *v};
}

DocCell Texts::Date(const std::optional<domain::Date>& day) const {
  if (!day) return {};
  return {format_.Date(*day), *day};
}

DocCell Texts::Percent(std::optional<double> rate) const {
  if (!rate) return (*this)("report.not_available");
  return {format_.Percent(*rate), formats::Percent{*rate}};
}

std::string Texts::Dates(const std::optional<domain::Date>& start,
                         const std::optional<domain::Date>& end,
                         bool estimated) const {
  if (!start) return (*this)("common.dates_unknown");
  std::string dates = end && *end != *start ? format_.DateRange(*start, *end)
                                            : format_.Date(*start);
  if (!estimated) return dates;
  return (*this)(domain::Message("common.estimated_dates", {{"dates", dates}}));
}

std::string Texts::Period(domain::Date from, domain::Date to) const {
  return (*this)(domain::Message("report.period", {{"from", format_.Date(from)},
                                                   {"to", format_.Date(to)}}));
}

std::string Texts::Now() const { return format_.Instant(domain::NowUtc()); }

std::string Texts::OrNotRecorded(const std::optional<std::string>& text) const {
  return text && !text->empty() ? *text : (*this)("report.not_recorded");
}

std::string Texts::Join(const std::vector<std::string>& items) const {
  const std::string separator = (*this)("report.list_separator");
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += separator;
    out += i;
  }
  return out;
}

}  // namespace capdev::reports
