#pragma once
// Participants in the loop (schema_checkin.hpp): personal links and codes,
// the sessions open for self check-in, and the check-ins themselves.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/attendance.hpp"
#include "domain/session.hpp"
#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

struct ParticipantLink {
  std::int64_t registration_id = 0;
  std::int64_t workshop_id = 0;
  std::int64_t person_id = 0;
  std::string token;
  std::string code;
  std::int64_t issued_at = 0;
};

// Issues (or reissues: the old token and code stop working) a
// registration's link. AlreadyExists (409) when the code is taken in the
// workshop: the caller draws another.
domain::Status SaveLink(WriteTx& tx, const ParticipantLink& link);
domain::Status RevokeLink(WriteTx& tx, std::int64_t registration_id);
// The workshop's links, in registration order.
domain::StatusOr<std::vector<ParticipantLink>> Links(Database& db,
                                                     std::int64_t workshop_id);
domain::StatusOr<std::optional<ParticipantLink>> LinkByToken(
    Database& db, const std::string& token);
domain::StatusOr<std::optional<ParticipantLink>> LinkByCode(
    Database& db, std::int64_t workshop_id, const std::string& code);

// Who may check in: a workshop's registrations that are not cancelled, with
// the phone and e-mail the organizers hold (by registration).
struct CheckinPerson {
  std::int64_t registration_id = 0;
  std::int64_t person_id = 0;
  std::optional<std::string> phone;
  std::optional<std::string> email;
};
domain::StatusOr<std::vector<CheckinPerson>> CheckinPeople(
    Database& db, std::int64_t workshop_id);

// A participant's sessions (by date and time) with their own marks.
struct OwnSession {
  domain::Session session;
  domain::AttendanceMark mark;
};
domain::StatusOr<std::vector<OwnSession>> OwnSessions(Database& db,
                                                      std::int64_t workshop_id,
                                                      std::int64_t person_id);

struct CheckinWindow {
  std::int64_t session_id = 0;
  std::int64_t workshop_id = 0;
  std::string session_key;  // in the QR code's address
  std::string secret;       // the step codes' key
  std::int64_t opens_at = 0;
  std::int64_t closes_at = 0;
  std::int64_t late_after = 0;
};
// Opens (or moves) a session's window; an open one keeps its key and secret.
domain::Status SaveWindow(WriteTx& tx, const CheckinWindow& window);
// Check-ins that named nobody from `address` since `since`; recording one
// forgets those before `forget_before`.
domain::StatusOr<std::int64_t> CountCheckinMisses(Database& db,
                                                  const std::string& address,
                                                  std::int64_t since);
domain::Status RecordCheckinMiss(WriteTx& tx, const std::string& address,
                                 std::int64_t at, std::int64_t forget_before);
domain::StatusOr<std::optional<CheckinWindow>> WindowOf(
    Database& db, std::int64_t session_id);
domain::StatusOr<std::optional<CheckinWindow>> WindowByKey(
    Database& db, const std::string& session_key);

struct Checkin {
  std::int64_t session_id = 0;
  std::int64_t workshop_id = 0;
  std::int64_t registration_id = 0;
  std::int64_t person_id = 0;
  std::string device;
  std::string address;
  std::int64_t at = 0;
};
// Marks the person (source self_checkin) unless the session has a mark for
// them already, records the check-in, and answers the mark that stands.
domain::StatusOr<domain::AttendanceMark> RecordCheckin(WriteTx& tx,
                                                       const Checkin& checkin,
                                                       domain::Mark mark);

// "23 of 40": the registered people (not cancelled) and those marked present
// or late at the session.
struct CheckinCount {
  std::int64_t checked_in = 0;
  std::int64_t registered = 0;
};
domain::StatusOr<CheckinCount> CountCheckins(Database& db,
                                             std::int64_t workshop_id,
                                             std::int64_t session_id);
// The people one browser checked in, per session of the workshop (or of one
// session).
domain::StatusOr<std::vector<domain::CheckinFlag>> CheckinFlags(
    Database& db, std::int64_t workshop_id,
    std::optional<std::int64_t> session_id);

}  // namespace capdev::storage
