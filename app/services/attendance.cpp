#include "app/services/attendance.hpp"

#include <vector>

#include "app/codec/json_codec.hpp"
#include "app/services/records.hpp"
#include "app/services/sessions.hpp"
#include "domain/workshop.hpp"
#include "storage/attendance_repository.hpp"

namespace capdev::services {

domain::StatusOr<std::vector<domain::AttendanceMark>> ReplaceSheet(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t session_id, std::span<const domain::AttendanceMark> marks,
    const domain::Errors& decoding, domain::MarkSource source) {
  auto& db = tx.db();
  ASSIGN_OR_RETURN(const auto workshop,
                   Load<domain::Workshop>(db, workshop_id));
  ASSIGN_OR_RETURN(const auto session,
                   LoadSession(db, workshop_id, session_id));
  // Checked in the write's transaction: a registration removed meanwhile
  // cannot slip a mark past the check.
  ASSIGN_OR_RETURN(const auto registered,
                   storage::RegisteredPeople(db, workshop.id));
  RETURN_IF_ERROR(
      domain::Combine(decoding, domain::ValidateSheet(marks, registered)));
  // Stored workshops and sessions always have both (NOT NULL columns).
  if (!workshop.status || !session.date) {
    return domain::Status::FailedPrecondition("error.no_status_or_date");
  }
  const domain::WorkshopStatus status = *workshop.status;
  const domain::Date& date = *session.date;
  if (!domain::TakesAttendance(status)) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.attendance_not_taken", {{"status", domain::ToText(status)}}));
  }
  if (date > domain::Date::Today()) {
    return domain::Status::FailedPrecondition(domain::Message(
        "error.session_in_future", {{"date", date.ToString()}}));
  }
  ASSIGN_OR_RETURN(
      auto change,
      storage::ReplaceSheet(tx, workshop.id, session.id, marks, source));
  RETURN_IF_ERROR(Audit(tx, &by, "replace", "attendance", session.id,
                        codec::SheetJson(session.id, change.before),
                        codec::SheetJson(session.id, change.after)));
  return std::move(change.after);
}

}  // namespace capdev::services
