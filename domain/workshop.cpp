#include "domain/workshop.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "domain/concat.hpp"
#include "domain/edtf.hpp"
#include "domain/validation.hpp"

namespace capdev::domain {

Status Validate(const Workshop& w) {
  Errors e;
  e.Required("project_id", w.project_id);
  e.Required("title", w.title);
  e.MaxLength("title", w.title, kMaxName);
  e.MaxLength("native_title", w.native_title, kMaxName);
  e.Required("kind", w.kind);
  e.Required("status", w.status);
  e.LongText("summary", w.summary);
  e.NameList("topics", w.topics, kMaxTopics, Term{"error.noun.topics"});
  const bool scheduled = w.status == WorkshopStatus::kPlanned ||
                         w.status == WorkshopStatus::kConfirmed;
  const auto required_now = [&] {
    return Message("error.required_for_status",
                   {{"status", ToText(*w.status)}});
  };
  if (scheduled && !w.start_date)
    e.Add("start_date", kRequired, required_now());
  if (scheduled && !w.end_date) e.Add("end_date", kRequired, required_now());
  if (!scheduled && w.start_date.has_value() != w.end_date.has_value()) {
    e.Add(w.start_date ? "end_date" : "start_date", kRequired,
          "error.both_dates_or_neither");
  }
  if (w.start_date && w.end_date) {
    const int days = w.start_date->DaysUntil(*w.end_date);
    if (days < 0) {
      e.Add("end_date", kNotBefore,
            Message("error.not_before", {{"other", FieldTerm("start_date")}}));
    }
    if (days >= kMaxWorkshopDays) {
      e.Add("end_date", kOutOfRange,
            Message("error.workshop_too_long", {{"max", kMaxWorkshopDays}}));
    }
  }
  if (w.dates_estimated && !w.start_date) {
    e.Add("dates_estimated", kNotAllowed, "error.estimated_without_dates");
  }
  e.MaxLength("city", w.city, kMaxShort);
  e.MaxLength("province", w.province, kMaxShort);
  e.UpperLetters("country", w.country, 2);
  e.MaxLength("venue", w.venue, kMaxName);
  e.Count("capacity", w.capacity);
  e.Count("reported_participants", w.reported_participants);
  e.LongText("notes", w.notes);
  e.MaxLength("source", w.source, kMaxText);
  if (w.duration_days &&
      (*w.duration_days < 1 || *w.duration_days > kMaxWorkshopDays)) {
    e.Add(
        "duration_days", kOutOfRange,
        Message("error.out_of_range", {{"min", 1}, {"max", kMaxWorkshopDays}}));
  }
  if (w.completion_threshold &&
      (*w.completion_threshold < 1 || *w.completion_threshold > 100)) {
    e.Add("completion_threshold", kOutOfRange,
          Message("error.out_of_range", {{"min", 1}, {"max", 100}}));
  }
  e.MaxLength("stated_dates", w.stated_dates, kMaxShort);
  if (w.stated_dates && !IsEdtf(*w.stated_dates)) {
    e.Add("stated_dates", kInvalid, "error.edtf");
  }
  return e.ToStatus();
}

Status ValidateParties(std::span<const WorkshopParty> parties) {
  Errors e;
  if (!e.AtMost("", parties.size(), kMaxParties, Term{"error.noun.parties"})) {
    return e.ToStatus();
  }
  std::set<std::pair<std::int64_t, WorkshopRole>> seen;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const WorkshopParty& party = parties[i];
    const std::string at = Concat("[", std::to_string(i), "].");
    e.Required(at + "organization_id", party.organization_id);
    e.Required(at + "role", party.role);
    if (!party.role) continue;
    if (!seen.emplace(party.organization_id, *party.role).second) {
      e.Add(at + "role", kRepeated, "error.role_repeated_in_workshop");
    }
  }
  return e.ToStatus();
}

Status CheckTransition(WorkshopStatus from, WorkshopStatus to) {
  using S = WorkshopStatus;
  if (from == to) return Status::Ok();
  static constexpr std::pair<S, S> kAllowed[] = {
      {S::kPlanned, S::kConfirmed},
      {S::kConfirmed, S::kHeld},
      {S::kConfirmed, S::kPlanned},
      {S::kPlanned, S::kCancelled},
      {S::kConfirmed, S::kCancelled}};
  for (auto [f, t] : kAllowed) {
    if (f == from && t == to) return Status::Ok();
  }
  const char* key = "error.transition";
  if (from == S::kHeld) key = "error.transition_from_held";
  if (from == S::kCancelled) key = "error.transition_from_cancelled";
  if (from == S::kPlanned && to == S::kHeld)
    key = "error.transition_unconfirmed";
  // The statuses as values: each language names them (a select).
  return Status::FailedPrecondition(
      Message(key, {{"from", ToText(from)}, {"to", ToText(to)}}));
}

std::optional<std::int64_t> LengthInDays(const Workshop& w) {
  if (w.start_date && w.end_date)
    return w.start_date->DaysUntil(*w.end_date) + 1;
  return w.duration_days;
}

Status CheckHeldHasStarted(const Workshop& w, Date today) {
  if (w.status == WorkshopStatus::kHeld && w.start_date &&
      *w.start_date > today) {
    return Status::FailedPrecondition(Message("error.held_starts_after_today",
                                              {{"today", today.ToString()}}));
  }
  return Status::Ok();
}

std::vector<WorkshopStatus> AllowedTransitions(const Workshop& workshop,
                                               Date today) {
  std::vector<WorkshopStatus> out;
  if (!workshop.status) return out;
  for (const auto to : Values<WorkshopStatus>()) {
    if (to == *workshop.status || !CheckTransition(*workshop.status, to).ok())
      continue;
    Workshop moved = workshop;
    moved.status = to;
    if (CheckHeldHasStarted(moved, today).ok()) out.push_back(to);
  }
  return out;
}

bool TakesAttendance(WorkshopStatus status) {
  return status == WorkshopStatus::kConfirmed ||
         status == WorkshopStatus::kHeld;
}

std::vector<Date> DaysOf(Date start, Date end) {
  std::vector<Date> days;
  for (Date d = start; d <= end; d = d.AddDays(1)) days.push_back(d);
  return days;
}

}  // namespace capdev::domain
