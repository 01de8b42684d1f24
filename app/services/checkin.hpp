#pragma once
// Participants in the loop: personal links and codes, and self check-in by
// a QR code that changes every 15 seconds (API.md "Participants' pages and
// self check-in").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/access.hpp"
#include "domain/attendance.hpp"
#include "domain/person.hpp"
#include "domain/session.hpp"
#include "domain/workshop.hpp"
#include "storage/checkin.hpp"
#include "storage/transaction.hpp"

namespace capdev::services {

inline constexpr std::int64_t kStepSeconds = 15;
// How long a scan stays good for identifying oneself (typing a code takes
// longer than a step): the scan's proof, a cookie, is honoured this long.
inline constexpr std::int64_t kScanGoodFor = std::int64_t{10} * 60;
// Check-ins that name nobody (a code, phone or e-mail matching no one), per
// address in `kGuessWindow`, before 429. A venue's phones share one address:
// room for a few typos each, and still no use for guessing 32^8 codes.
inline constexpr std::int64_t kMaxCheckinGuesses = 60;
inline constexpr std::int64_t kGuessWindow = std::int64_t{15} * 60;

// Issues (or reissues) a registration's personal link and code; 404 unless
// the registration is the workshop's and not cancelled.
domain::StatusOr<storage::ParticipantLink> IssueLink(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t registration_id, std::int64_t now);
// Issues a link to every registration of the workshop that has none; answers
// how many it issued.
domain::StatusOr<std::int64_t> IssueMissingLinks(storage::WriteTx& tx,
                                                 const domain::Principal& by,
                                                 std::int64_t workshop_id,
                                                 std::int64_t now);

// The window a coordinator asks for; what is left out takes the defaults
// (an hour before the session's start to its end, late 15 minutes after its
// start; the whole day when the session has no times).
struct WindowRequest {
  std::optional<std::int64_t> opens_at;
  std::optional<std::int64_t> closes_at;
  std::optional<std::int64_t> late_after;
};
// A window that would have closed before `now` (reopened after the session)
// stays open for an hour from now. It keeps its key and secret.
domain::StatusOr<storage::CheckinWindow> OpenCheckin(
    storage::WriteTx& tx, const domain::Principal& by, std::int64_t workshop_id,
    std::int64_t session_id, const WindowRequest& request,
    const std::string& time_zone, std::int64_t now);
// Closes the window at `now`: phones are told check-in is not open (409).
domain::Status CloseCheckin(storage::WriteTx& tx, const domain::Principal& by,
                            std::int64_t workshop_id, std::int64_t session_id,
                            std::int64_t now);

struct FlaggedPerson {
  std::int64_t person_id = 0;
  std::string full_name;
  std::optional<std::string> native_name;
};
struct CheckinState {
  std::optional<storage::CheckinWindow> window;
  bool open = false;  // now within the window
  storage::CheckinCount count;
  std::vector<domain::CheckinFlag> flags;
  std::vector<FlaggedPerson> flagged;  // the people the flags name
};
domain::StatusOr<CheckinState> StateOf(storage::Database& db,
                                       std::int64_t workshop_id,
                                       std::int64_t session_id,
                                       std::int64_t now);

// What the QR code on the screen holds now: /c/KEY?t=STEP_CODE.
std::string CheckinPath(const storage::CheckinWindow& window, std::int64_t now);
// The proof, kept by the phone as a cookie, that it sent the code of `step`
// while that code was good (CheckIn honours it for kScanGoodFor).
std::string ScanProof(const storage::CheckinWindow& window, std::int64_t step);

// A phone checking in. Who it is: the code, phone or e-mail typed in, else
// the personal links the browser holds (its cookies).
struct SelfCheckin {
  std::string session_key;
  std::string step_code;
  std::optional<std::string> code;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::vector<std::string> link_tokens;
  std::optional<std::string> scan_proof;
  std::string device;
  std::string address;
  std::string user_agent;  // for the audit trail
  std::int64_t now = 0;
};
struct CheckinAnswer {
  // Set when the check-in named nobody it could match (a 404, counted
  // against the address) or nobody at all (a 422: ask who it is).
  bool matched = false;
  bool asked = false;
  // The step of the code sent, when it was the current or the previous one
  // (not a scan proven by its cookie): the scan to prove, for a phone that
  // must say who it is.
  std::optional<std::int64_t> scanned_step;
  storage::CheckinWindow window;
  domain::Session session;
  domain::Person person;
  domain::AttendanceMark mark;  // the mark that stands
};
// 404 for an unknown session key, 409 outside the window (or for a workshop
// that no longer takes attendance), 410 for a step code neither current nor
// previous (nor scanned within kScanGoodFor), 429 after too many misses from
// the address. A miss is recorded and answered (matched = false) rather than
// failed, so that it is kept.
domain::StatusOr<CheckinAnswer> CheckIn(storage::WriteTx& tx,
                                        const SelfCheckin& request);

// The participant's own page: nullopt for a token that opens nothing.
struct ParticipantView {
  storage::ParticipantLink link;
  domain::Workshop workshop;
  domain::Person person;
  std::vector<domain::Session> sessions;
  std::vector<domain::AttendanceMark> marks;  // one per session
};
domain::StatusOr<std::optional<ParticipantView>> ParticipantPage(
    storage::Database& db, const std::string& token);

}  // namespace capdev::services
