#include "domain/workshop.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "domain/edtf.hpp"
#include "domain/validation.hpp"

namespace capdev::domain {

Status Validate(const Workshop& w) {
  Errors e;
  e.Required("project_id", w.project_id);
  e.Required("title", w.title);
  e.MaxLength("title", w.title, kMaxName);
  e.Required("kind", w.kind);
  e.Required("status", w.status);
  e.LongText("summary", w.summary);
  e.NameList("topics", w.topics, kMaxTopics, "topics");
  const bool scheduled = w.status == WorkshopStatus::kPlanned ||
                         w.status == WorkshopStatus::kConfirmed;
  if (scheduled && !w.start_date)
    e.Add("start_date",
          "is required for a " + std::string(ToText(*w.status)) + " workshop");
  if (scheduled && !w.end_date)
    e.Add("end_date",
          "is required for a " + std::string(ToText(*w.status)) + " workshop");
  if (!scheduled && w.start_date.has_value() != w.end_date.has_value()) {
    e.Add(w.start_date ? "end_date" : "start_date",
          "give both dates or neither (unknown dates are null)");
  }
  if (w.start_date && w.end_date) {
    const int days = w.start_date->DaysUntil(*w.end_date);
    if (days < 0) e.Add("end_date", "must not be before start_date");
    if (days >= kMaxWorkshopDays) {
      e.Add("end_date", "a workshop lasts at most " +
                            std::to_string(kMaxWorkshopDays) + " days");
    }
  }
  if (w.dates_estimated && !w.start_date) {
    e.Add("dates_estimated", "only dates that are given can be estimated");
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
    e.Add("duration_days",
          "must be from 1 to " + std::to_string(kMaxWorkshopDays));
  }
  e.MaxLength("stated_dates", w.stated_dates, kMaxShort);
  if (w.stated_dates && !IsEdtf(*w.stated_dates)) {
    e.Add("stated_dates",
          "must be an EDTF date such as 2017-09-08, 2012-11-06?, XXXX-03-02 "
          "or 2012-11");
  }
  return e.ToStatus();
}

Status ValidateParties(std::span<const WorkshopParty> parties) {
  Errors e;
  if (!e.AtMost("", parties.size(), kMaxParties, "parties")) {
    return e.ToStatus();
  }
  std::set<std::pair<std::int64_t, WorkshopRole>> seen;
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const WorkshopParty& party = parties[i];
    const std::string at = "[" + std::to_string(i) + "].";
    e.Required(at + "organization_id", party.organization_id);
    e.Required(at + "role", party.role);
    if (!party.role) continue;
    if (!seen.emplace(party.organization_id, *party.role).second) {
      e.Add(at + "role",
            "the organization already has this role in the workshop");
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
  std::string reason = "a " + std::string(ToText(from)) +
                       " workshop cannot become " + std::string(ToText(to));
  if (from == S::kHeld) reason += ": it has taken place";
  if (from == S::kCancelled)
    reason += ": it was cancelled (create a new workshop instead)";
  if (from == S::kPlanned && to == S::kHeld) reason += ": confirm it first";
  return Status::FailedPrecondition(reason);
}

std::optional<std::int64_t> LengthInDays(const Workshop& w) {
  if (w.start_date && w.end_date)
    return w.start_date->DaysUntil(*w.end_date) + 1;
  return w.duration_days;
}

Status CheckHeldHasStarted(const Workshop& w, Date today) {
  if (w.status == WorkshopStatus::kHeld && w.start_date &&
      *w.start_date > today) {
    return Status::FailedPrecondition(
        "a held workshop has taken place: it cannot start after today (" +
        today.ToString() + ")");
  }
  return Status::Ok();
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
