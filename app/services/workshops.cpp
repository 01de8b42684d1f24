#include "app/services/workshops.hpp"

#include "app/services/conflicts.hpp"
#include "domain/project.hpp"
#include "storage/parties.hpp"
#include "storage/session_schedule.hpp"

namespace capdev::services {

namespace {

domain::Status CheckAndValidate(storage::Database& db,
                                const domain::Workshop& workshop,
                                const domain::Errors& decoding) {
  domain::Errors errors = decoding;
  RETURN_IF_ERROR(CheckExists<domain::Project>(db, "project_id",
                                               workshop.project_id, errors));
  return domain::Combine(errors, domain::Validate(workshop));
}

// Keeps the sessions with their workshop: a new dated workshop gets one per
// day; a workshop that moves takes its sessions along (by the start date's
// shift), and may not leave any outside its new dates.
domain::Status ScheduleSessions(storage::WriteTx& tx,
                                const domain::Workshop* before,
                                const domain::Workshop& after) {
  auto& db = tx.db();
  const auto outside = [] {
    return domain::Status::Invalid(
        {{"end_date", domain::kNotAllowed, "error.sessions_outside_dates"}});
  };
  const bool had_dates = before && before->start_date;
  if (!after.start_date || !after.end_date) {
    ASSIGN_OR_RETURN(const int sessions, storage::CountSessions(db, after.id));
    if (sessions > 0) {
      return domain::Status::Invalid(
          {{"start_date", domain::kRequired, "error.dates_hold_sessions"}});
    }
    return domain::Status::Ok();
  }
  if (had_dates && *before->start_date != *after.start_date) {
    // Checked before moving: a shifted date past 9999-12-31 has no
    // representation.
    const int shift = before->start_date->DaysUntil(*after.start_date);
    ASSIGN_OR_RETURN(const int left_out,
                     storage::CountSessionsOutside(
                         db, after.id, after.start_date->AddDays(-shift),
                         after.end_date->AddDays(-shift)));
    if (left_out > 0) return outside();
    RETURN_IF_ERROR(storage::ShiftSessions(tx, after.id, shift));
  }
  if (!had_dates) {
    ASSIGN_OR_RETURN(const int sessions, storage::CountSessions(db, after.id));
    if (sessions == 0) {
      RETURN_IF_ERROR(storage::AddSessions(
          tx, after.id, domain::DaysOf(*after.start_date, *after.end_date)));
    }
  }
  ASSIGN_OR_RETURN(const int outside_dates,
                   storage::CountSessionsOutside(
                       db, after.id, *after.start_date, *after.end_date));
  if (outside_dates > 0) return outside();
  return domain::Status::Ok();
}

}  // namespace

// Marks were taken on the sessions' days: the workshop keeps them. A new
// start date would move every session (ScheduleSessions); a new end date
// moves none, and may neither leave one outside nor clear the dates of a
// workshop with sessions (both checked there), so a workshop can gain or
// lose a day at its end.
domain::Status KeepsMarkedDays(storage::Database& db,
                               const domain::Workshop& before,
                               const domain::Workshop& after) {
  if (before.start_date == after.start_date) return domain::Status::Ok();
  ASSIGN_OR_RETURN(const int marks, storage::CountMarks(db, before.id));
  if (marks > 0) {
    return domain::Status::FailedPrecondition("error.start_date_has_marks");
  }
  return domain::Status::Ok();
}

domain::StatusOr<Written<domain::Workshop>> CreateWorkshop(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Draft<domain::Workshop>& draft, bool strict) {
  auto workshop = draft.ApplyTo({});
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), workshop, draft.errors));
  RETURN_IF_ERROR(domain::CheckHeldHasStarted(workshop, domain::Date::Today()));
  ASSIGN_OR_RETURN(workshop.id, storage::Insert(tx, workshop));
  RETURN_IF_ERROR(ScheduleSessions(tx, nullptr, workshop));
  ASSIGN_OR_RETURN(const auto none, ConflictCheck::Before(tx.db(), 0));
  ASSIGN_OR_RETURN(auto conflicts, none.After(tx.db(), workshop.id, strict));
  ASSIGN_OR_RETURN(auto stored, Load<domain::Workshop>(tx.db(), workshop.id));
  RETURN_IF_ERROR(Audit(tx, &by, "create", "workshop", stored.id, nullptr,
                        codec::Encode(stored)));
  return Written<domain::Workshop>{std::move(stored), std::move(conflicts)};
}

domain::StatusOr<Written<domain::Workshop>> UpdateWorkshop(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t id,
    const domain::Draft<domain::Workshop>& draft, bool strict) {
  ASSIGN_OR_RETURN(const auto before, Load<domain::Workshop>(tx.db(), id));
  const auto after = draft.ApplyTo(before);
  RETURN_IF_ERROR(CheckAndValidate(tx.db(), after, draft.errors));
  // Validate requires a status, and a stored workshop has one.
  if (!before.status || !after.status)
    return domain::Status::Invalid(
        {{"status", domain::kRequired, "error.required"}});
  RETURN_IF_ERROR(domain::CheckTransition(*before.status, *after.status));
  RETURN_IF_ERROR(domain::CheckHeldHasStarted(after, domain::Date::Today()));
  RETURN_IF_ERROR(KeepsMarkedDays(tx.db(), before, after));
  ASSIGN_OR_RETURN(const auto conflicts, ConflictCheck::Before(tx.db(), id));
  RETURN_IF_ERROR(storage::Update(tx, after));
  RETURN_IF_ERROR(ScheduleSessions(tx, &before, after));
  ASSIGN_OR_RETURN(auto created, conflicts.After(tx.db(), id, strict));
  ASSIGN_OR_RETURN(auto stored, Load<domain::Workshop>(tx.db(), id));
  RETURN_IF_ERROR(Audit(tx, &by, "update", "workshop", id,
                        codec::Encode(before), codec::Encode(stored)));
  return Written<domain::Workshop>{std::move(stored), std::move(created)};
}

domain::Status DeleteWorkshop(storage::WriteTx& tx, const domain::Principal& by,
                              std::int64_t id) {
  ASSIGN_OR_RETURN(const auto workshop, Load<domain::Workshop>(tx.db(), id));
  return Remove(tx, &by, workshop);
}

domain::StatusOr<std::vector<domain::WorkshopParty>> ReplaceWorkshopParties(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::span<const domain::WorkshopParty> parties,
    const domain::Errors& decoding) {
  RETURN_IF_ERROR(Load<domain::Workshop>(tx.db(), workshop_id));
  RETURN_IF_ERROR(domain::Combine(decoding, domain::ValidateParties(parties)));
  ASSIGN_OR_RETURN(const auto before,
                   storage::WorkshopParties(tx.db(), workshop_id));
  RETURN_IF_ERROR(storage::ReplaceWorkshopParties(tx, workshop_id, parties));
  ASSIGN_OR_RETURN(auto after, storage::WorkshopParties(tx.db(), workshop_id));
  RETURN_IF_ERROR(Audit(tx, &by, "replace", "workshop_organizations",
                        workshop_id, codec::EncodeAll(before),
                        codec::EncodeAll(after)));
  return after;
}

}  // namespace capdev::services
