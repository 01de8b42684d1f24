#include "domain/reports.hpp"

#include <map>

namespace capdev::domain {

bool CountsAsTrained(RegistrationRole role) {
  return role == RegistrationRole::kParticipant;
}

bool Completed(std::int64_t days, std::int64_t sessions, int threshold) {
  return sessions > 0 && days * 100 >= threshold * sessions;
}

std::optional<double> AttendanceRate(std::int64_t participant_days,
                                     std::int64_t sessions,
                                     std::int64_t registered) {
  if (sessions <= 0 || registered <= 0) return std::nullopt;
  return static_cast<double>(participant_days) /
         (static_cast<double>(sessions) * static_cast<double>(registered));
}

void Complete(WorkshopFigures& f, const Workshop& w) {
  f.attendance_rate = AttendanceRate(f.participant_days, f.sessions_held,
                                     f.participants_registered);
  f.reported_headcount.reset();
  f.estimated_participant_days.reset();
  if (f.participants_registered > 0 || !w.reported_participants) return;
  const std::int64_t headcount = *w.reported_participants;
  f.reported_headcount = headcount;
  if (const auto days = LengthInDays(w)) {
    f.estimated_participant_days = headcount * *days;
  }
}

void AddUp(const std::vector<WorkshopLine>& lines, Totals& t) {
  double rates = 0;
  std::int64_t rated = 0;
  for (const auto& line : lines) {
    const auto& f = line.figures;
    ++t.workshops;
    t.participations += f.people_trained;
    t.participant_days += f.participant_days;
    t.reported_headcount += f.reported_headcount.value_or(0);
    t.estimated_participant_days += f.estimated_participant_days.value_or(0);
    if (f.attendance_rate) {
      rates += *f.attendance_rate;
      ++rated;
    }
  }
  t.participants = t.participations + t.reported_headcount;
  t.attendance_rate =
      rated ? std::optional(rates / static_cast<double>(rated)) : std::nullopt;
}

std::optional<double> MeasureOf(const Totals& t, Measure m) {
  const auto count = [](std::int64_t n) { return static_cast<double>(n); };
  switch (m) {
    case Measure::kPeopleTrained:
      return count(t.people_trained);
    case Measure::kParticipations:
      return count(t.participations);
    case Measure::kParticipantDays:
      return count(t.participant_days);
    case Measure::kPeopleCompleted:
      return count(t.people_completed);
    case Measure::kWorkshopsHeld:
      return count(t.workshops);
    case Measure::kAgenciesReached:
      return count(static_cast<std::int64_t>(t.agencies_reached.size()));
    case Measure::kFemaleShare: {
      if (t.people_trained == 0) return std::nullopt;
      std::int64_t women = 0;
      for (const auto& g : t.by_gender) {
        if (g.key == ToText(Gender::kFemale)) women = g.count;
      }
      return 100.0 * count(women) / count(t.people_trained);
    }
    default:  // the evaluation measures: EvaluationMeasureOf
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Breakdown> BreakDown(
    const std::vector<WorkshopLine>& lines,
    const std::function<std::string(const WorkshopLine&)>& key) {
  std::map<std::string, Breakdown> groups;
  for (const auto& line : lines) {
    const std::string k = key(line);
    auto& g = groups[k];
    g.key = k;
    ++g.workshops;
    g.participations += line.figures.people_trained;
    g.participant_days += line.figures.participant_days;
  }
  std::vector<Breakdown> out;
  out.reserve(groups.size());
  for (auto& [k, g] : groups) out.push_back(std::move(g));
  return out;
}

}  // namespace capdev::domain
