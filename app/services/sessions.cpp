#include "app/services/sessions.hpp"

#include "app/services/conflicts.hpp"
#include "domain/workshop.hpp"
#include "storage/session_schedule.hpp"

namespace capdev::services {

namespace {

// Saves a new or changed session of `workshop` and reports the double
// bookings it created.
domain::StatusOr<Written<domain::Session>> Save(
    storage::WriteTx& tx, const domain::Principal& by,
    const domain::Workshop& workshop, const domain::Session* before,
    const domain::Session& after, const domain::Errors& decoding, bool strict) {
  RETURN_IF_ERROR(domain::Combine(decoding, domain::Validate(after, workshop)));
  ASSIGN_OR_RETURN(const auto conflicts,
                   ConflictCheck::Before(tx.db(), workshop.id));
  ASSIGN_OR_RETURN(auto stored, before ? SaveChanged(tx, &by, *before, after)
                                       : SaveNew(tx, &by, after));
  ASSIGN_OR_RETURN(auto created, conflicts.After(tx.db(), workshop.id, strict));
  return Written<domain::Session>{std::move(stored), std::move(created)};
}

// A session whose sheet holds marks stays on its day (409 otherwise).
// `change`: "move" or "remove", as the message says it.
domain::Status KeepsItsMarks(storage::Database& db,
                             const domain::Session& session,
                             std::string_view change) {
  ASSIGN_OR_RETURN(const int marks, storage::CountSessionMarks(db, session.id));
  if (marks == 0) return domain::Status::Ok();
  return domain::Status::FailedPrecondition(domain::Message(
      "error.session_has_marks",
      {{"date", session.date ? session.date->ToString() : std::string("?")},
       {"change", change}}));
}

}  // namespace

domain::StatusOr<domain::Session> LoadSession(storage::Database& db,
                                              std::int64_t workshop_id,
                                              std::int64_t session_id) {
  ASSIGN_OR_RETURN(auto session, storage::Get<domain::Session>(db, session_id));
  if (!session || session->workshop_id != workshop_id)
    return storage::NotFound<domain::Session>(session_id);
  return std::move(*session);
}

domain::StatusOr<Written<domain::Session>> CreateSession(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    const domain::Draft<domain::Session>& draft, bool strict) {
  ASSIGN_OR_RETURN(const auto workshop,
                   Load<domain::Workshop>(tx.db(), workshop_id));
  domain::Session session;
  session.workshop_id = workshop_id;
  return Save(tx, by, workshop, nullptr, draft.ApplyTo(session), draft.errors,
              strict);
}

domain::StatusOr<Written<domain::Session>> UpdateSession(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t session_id, const domain::Draft<domain::Session>& draft,
    bool strict) {
  ASSIGN_OR_RETURN(const auto workshop,
                   Load<domain::Workshop>(tx.db(), workshop_id));
  ASSIGN_OR_RETURN(const auto before,
                   LoadSession(tx.db(), workshop_id, session_id));
  const auto after = draft.ApplyTo(before);
  if (after.date != before.date)
    RETURN_IF_ERROR(KeepsItsMarks(tx.db(), before, "move"));
  return Save(tx, by, workshop, &before, after, draft.errors, strict);
}

domain::Status DeleteSession(storage::WriteTx& tx, const domain::Principal& by,
                             std::int64_t workshop_id,
                             std::int64_t session_id) {
  ASSIGN_OR_RETURN(const auto session,
                   LoadSession(tx.db(), workshop_id, session_id));
  RETURN_IF_ERROR(KeepsItsMarks(tx.db(), session, "remove"));
  return Remove(tx, &by, session);
}

}  // namespace capdev::services
